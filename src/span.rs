//! `Span`: a half-open UTF-8 byte range `[start, end)` into a document's text.
//!
//! Every offset claimdex emits is one of these. The contract, checked in debug builds and by the property
//! tests: `start <= end <= text.len()`, both ends on char boundaries, so `&text[span]` never panics and
//! `claim.text == &article[span]` holds byte for byte.

use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a UTF-8 string.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span (0-based, inclusive).
    pub start: usize,
    /// One past the last byte of the span (exclusive).
    pub end: usize,
}

impl Span {
    /// A new span. `start` must not be past `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} past end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely within `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span shifted right by `by` bytes (used when a sub-slice was scanned).
    pub fn offset(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Shrinks the span so it holds no leading or trailing whitespace of `text`.
    pub fn trim(&self, text: &str) -> Span {
        let s = &text[*self];
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }

    /// True when both ends fall on char boundaries of `text` and inside it.
    pub fn is_valid_for(&self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }

    /// The span as a `Range<usize>`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_str_and_trims() {
        let text = "  héllo  ";
        let s = Span::new(0, text.len());
        assert_eq!(&text[s.trim(text)], "héllo");
        assert_eq!(s.trim(text), Span::new(2, 8));
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(1, 5)));
        assert!(!a.contains(Span::new(1, 6)));
        assert_eq!(a.offset(3), Span::new(3, 8));
    }

    #[test]
    fn validity_checks_char_boundaries() {
        let text = "é";
        assert!(Span::new(0, 2).is_valid_for(text));
        assert!(!Span::new(0, 1).is_valid_for(text));
        assert!(!Span::new(0, 3).is_valid_for(text));
    }
}
