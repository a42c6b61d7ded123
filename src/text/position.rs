//! Byte offsets to the positions people and other tools use: Unicode scalar offsets, 1-based lines and
//! 1-based columns (in chars). Built once per document, at the edge (output), never inside extractors.

/// A place in a text, derived from a byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 0-based offset in Unicode scalar values (chars) from the start of the text.
    pub char_offset: usize,
    /// 1-based line number; lines end at `\n` (a `\r` before it belongs to the line).
    pub line: usize,
    /// 1-based column, in chars from the start of the line.
    pub column: usize,
}

/// Line starts of a text, with their char offsets, for fast byte-to-position lookups.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of each line start.
    starts: Vec<usize>,
    /// Char offset of each line start.
    char_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut char_starts = vec![0];
        let mut chars = 0usize;
        let mut line_start = 0usize;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                chars += count_chars(&text.as_bytes()[line_start..=i]);
                line_start = i + 1;
                starts.push(line_start);
                char_starts.push(chars);
            }
        }
        LineIndex {
            starts,
            char_starts,
        }
    }

    /// The position of byte `offset` (which must be a char boundary of `text`, at most `text.len()`).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = count_chars(&text.as_bytes()[self.starts[line]..offset]);
        Position {
            char_offset: self.char_starts[line] + column,
            line: line + 1,
            column: column + 1,
        }
    }
}

/// Chars in a UTF-8 byte slice: the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let text = "ab\r\nçd\n\nx";
        let idx = LineIndex::new(text);
        let p = |o| idx.position(text, o);
        assert_eq!(
            p(0),
            Position {
                char_offset: 0,
                line: 1,
                column: 1
            }
        );
        assert_eq!(
            p(4),
            Position {
                char_offset: 4,
                line: 2,
                column: 1
            }
        );
        assert_eq!(
            p(6),
            Position {
                char_offset: 5,
                line: 2,
                column: 2
            }
        );
        assert_eq!(
            p(9),
            Position {
                char_offset: 8,
                line: 4,
                column: 1
            }
        );
        assert_eq!(
            p(10),
            Position {
                char_offset: 9,
                line: 4,
                column: 2
            }
        );
    }
}
