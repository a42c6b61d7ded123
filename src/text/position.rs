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
    /// Char offset of each line start; empty for ASCII text, whose char offsets are its byte offsets.
    char_starts: Vec<usize>,
    /// (byte, char) offsets about every [`CHECKPOINT`] bytes, so a position never counts chars over more
    /// than one block, however long the line; none for ASCII text, whose char offsets are its byte
    /// offsets.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between char-count checkpoints.
const CHECKPOINT: usize = 128;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        // In ASCII text a char is a byte: the char offsets are the byte offsets, and no checkpoints are
        // needed.
        if text.is_ascii() {
            return LineIndex {
                starts,
                char_starts: Vec::new(),
                checkpoints: Vec::new(),
            };
        }
        // Otherwise a checkpoint at the first char boundary after every CHECKPOINT bytes, its chars
        // counted a block at a time; a line's char offset is then read like any position's.
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while at < bytes.len() {
            let mut next = (at + CHECKPOINT).min(bytes.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += count_chars(&bytes[at..next]);
            checkpoints.push((next, chars));
            at = next;
        }
        let mut idx = LineIndex {
            starts: Vec::new(),
            char_starts: Vec::new(),
            checkpoints,
        };
        idx.char_starts = starts.iter().map(|&s| idx.char_offset(text, s)).collect();
        idx.starts = starts;
        idx
    }

    /// Char offset of byte `offset`.
    fn char_offset(&self, text: &str, offset: usize) -> usize {
        if self.checkpoints.is_empty() {
            return offset;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, c) = self.checkpoints[i];
        c + count_chars(&text.as_bytes()[b..offset])
    }

    /// The position of byte `offset` (which must be a char boundary of `text`, at most `text.len()`).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let char_offset = self.char_offset(text, offset);
        // An ASCII text keeps no char offsets of its lines: they are their byte offsets.
        let line_start = self
            .char_starts
            .get(line)
            .copied()
            .unwrap_or(self.starts[line]);
        let column = char_offset - line_start;
        Position {
            char_offset,
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
    fn long_lines_use_checkpoints() {
        let text = format!(
            "{}\n{}é{}",
            "a".repeat(5000),
            "b".repeat(3000),
            "c".repeat(3000)
        );
        let idx = LineIndex::new(&text);
        let off = text.len() - 1;
        let p = idx.position(&text, off);
        assert_eq!(p.char_offset, text.chars().count() - 1);
        assert_eq!(p.line, 2);
        assert_eq!(p.column, 3000 + 1 + 2999 + 1);
    }

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

    /// The position of every char boundary, as a count from the start of the text finds it.
    fn naive(text: &str, offset: usize) -> Position {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            char_offset: before.chars().count(),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    proptest::proptest! {
        /// ASCII text (read byte for byte) and text with multi-byte chars (read by checkpoints), lines long
        /// and short, a line break at the end or not: the index agrees with counting from the start.
        #[test]
        fn agrees_with_counting(text in "(?:[a-z ]{0,300}|é|€|\r?\n){0,12}") {
            let idx = LineIndex::new(&text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                proptest::prop_assert_eq!(idx.position(&text, offset), naive(&text, offset));
            }
        }
    }
}
