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

/// A set of disjoint spans with a logarithmic overlap test, for keeping the best of overlapping
/// candidates without comparing every pair.
#[derive(Clone, Debug, Default)]
pub struct SpanSet {
    /// start -> end of each kept span; the spans never overlap one another.
    spans: std::collections::BTreeMap<usize, usize>,
}

impl SpanSet {
    /// An empty set.
    pub fn new() -> SpanSet {
        SpanSet::default()
    }

    /// True when `span` shares a byte with a span in the set.
    pub fn overlaps(&self, span: Span) -> bool {
        // The kept span starting last before `span` ends is the only one that can reach into it.
        self.spans
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start)
    }

    /// Adds `span` unless it overlaps one already in the set; returns whether it was added.
    pub fn insert(&mut self, span: Span) -> bool {
        if span.is_empty() || self.overlaps(span) {
            return false;
        }
        self.spans.insert(span.start, span.end);
        true
    }
}

/// A set of byte offsets into one text, one bit per byte: membership costs a shift and a mask, where a
/// hash set would hash every lookup. Offsets past the text's end are never members.
#[derive(Clone, Debug)]
pub struct Offsets {
    bits: Vec<u64>,
    /// The largest offset the set can hold.
    last: usize,
}

impl Offsets {
    /// An empty set for offsets `0..=len` (a text's end is an offset too).
    pub fn new(len: usize) -> Offsets {
        Offsets {
            bits: vec![0; len / 64 + 1],
            last: len,
        }
    }

    /// Adds `at`; an offset past the end the set was made for is ignored.
    pub fn insert(&mut self, at: usize) {
        if at <= self.last {
            self.bits[at / 64] |= 1 << (at % 64);
        }
    }

    /// True when `at` was added.
    pub fn contains(&self, at: usize) -> bool {
        self.bits
            .get(at / 64)
            .is_some_and(|word| word & (1 << (at % 64)) != 0)
    }
}

impl Extend<usize> for Offsets {
    fn extend<I: IntoIterator<Item = usize>>(&mut self, offsets: I) {
        for at in offsets {
            self.insert(at);
        }
    }
}

/// True when `span` shares a byte with one of `spans`, which must be sorted and disjoint (as regex
/// `find_iter` matches are): one binary search.
pub fn overlaps_any(spans: &[Span], span: Span) -> bool {
    first_ending_after(spans, span.start).is_some_and(|s| s.overlaps(span))
}

/// True when one of `spans` (sorted and disjoint) holds all of `span`: one binary search.
pub fn within_any(spans: &[Span], span: Span) -> bool {
    first_ending_after(spans, span.start).is_some_and(|s| s.contains(span))
}

/// The first of `spans` (sorted and disjoint) that ends after `at`: the only one that can hold or overlap
/// a span starting at `at`.
fn first_ending_after(spans: &[Span], at: usize) -> Option<&Span> {
    spans.get(spans.partition_point(|s| s.end <= at))
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
    fn offsets_hold_what_was_added_up_to_the_text_end() {
        let mut set = Offsets::new(130);
        set.extend([0, 63, 64, 130, 131, 1000]);
        let members: Vec<usize> = (0..=200).filter(|&at| set.contains(at)).collect();
        // Offsets past the end the set was made for are dropped, not wrapped onto smaller ones.
        assert_eq!(members, [0, 63, 64, 130]);
        assert!(!Offsets::new(0).contains(0));
        let mut set = Offsets::new(0);
        set.insert(0);
        assert!(set.contains(0));
    }

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
    fn span_set_keeps_disjoint_spans() {
        let mut set = SpanSet::new();
        assert!(set.insert(Span::new(10, 20)));
        assert!(set.insert(Span::new(0, 10)));
        assert!(!set.insert(Span::new(19, 25)));
        assert!(!set.insert(Span::new(5, 6)));
        assert!(!set.insert(Span::new(0, 100)));
        assert!(set.insert(Span::new(20, 25)));
        assert!(set.overlaps(Span::new(24, 30)));
        assert!(!set.overlaps(Span::new(25, 30)));
    }

    #[test]
    fn overlaps_any_agrees_with_a_linear_scan() {
        let spans = [
            Span::new(2, 4),
            Span::new(6, 9),
            Span::new(9, 10),
            Span::new(15, 20),
        ];
        for start in 0..22 {
            for end in start + 1..23 {
                let probe = Span::new(start, end);
                let linear = spans.iter().any(|s| s.overlaps(probe));
                assert_eq!(overlaps_any(&spans, probe), linear, "{probe:?}");
            }
        }
        assert!(!overlaps_any(&[], Span::new(0, 5)));
    }

    #[test]
    fn validity_checks_char_boundaries() {
        let text = "é";
        assert!(Span::new(0, 2).is_valid_for(text));
        assert!(!Span::new(0, 1).is_valid_for(text));
        assert!(!Span::new(0, 3).is_valid_for(text));
    }
}
