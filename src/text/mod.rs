//! Text analysis shared by every extractor: tokens, sentences and positions, computed once per document.

pub mod position;
pub mod sentences;
pub mod tokens;

pub use position::{LineIndex, Position};
pub use tokens::{Token, TokenKind};

use std::sync::OnceLock;

use regex::Regex;

use crate::document::Document;
use crate::span::Span;

/// The most context, in bytes, a claim's `sentence` carries (see [`Analyzed::sentence_around`]).
pub const MAX_CONTEXT: usize = 600;

/// A document with its tokens and sentences: what extractors read.
#[derive(Debug)]
pub struct Analyzed<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// Its sentences, in order, trimmed, covering every token.
    pub sentences: Vec<Span>,
    /// Spans no claim is read inside (see [`Analyzed::excluded`]), found on first use.
    excluded: OnceLock<Vec<Span>>,
}

impl<'d> Analyzed<'d> {
    /// Tokenizes and segments `doc`.
    pub fn new(doc: &'d Document) -> Analyzed<'d> {
        let tokens = tokens::tokenize(&doc.text);
        let sentences = sentences::split(&doc.text, &tokens);
        Analyzed::from_parts(doc, tokens, sentences)
    }

    /// Reassembles an analysis computed earlier (for instance on another thread).
    pub fn from_parts(doc: &'d Document, tokens: Vec<Token>, sentences: Vec<Span>) -> Analyzed<'d> {
        Analyzed {
            doc,
            tokens,
            sentences,
            excluded: OnceLock::new(),
        }
    }

    /// Takes the analysis apart, keeping the tokens and sentences.
    pub fn into_parts(self) -> (Vec<Token>, Vec<Span>) {
        (self.tokens, self.sentences)
    }

    /// The article text.
    pub fn text(&self) -> &'d str {
        &self.doc.text
    }

    /// URLs, e-mail addresses, handles, phone numbers, dotted version numbers and markup tags left in the
    /// text (`<tweet id="7479" author="@AP">`, `</a>`, but not a wire ticker such as `<REV>`), sorted and
    /// disjoint: no claim is read inside them. Scanned once per document, whichever extractor asks first.
    pub fn excluded(&self) -> &[Span] {
        self.excluded.get_or_init(|| {
            static RE: OnceLock<Regex> = OnceLock::new();
            RE.get_or_init(|| {
                Regex::new(r"</?[a-z][a-z0-9_:-]*(?:\s+[^<>\n]*=[^<>\n]*)?\s*/?>|(?i)https?://\S+|(?-u:\b)www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)[@#]\w+|\+?\(?(?-u:\b)[0-9]{3}\)?[\s.-][0-9]{3}[.-][0-9]{4}(?-u:\b)|(?-u:\b)[0-9]{3}-[0-9]{4}(?-u:\b)|(?-u:\b)[0-9]+(?:\.[0-9]+){2,}(?-u:\b)")
                    .expect("excluded spans pattern")
            })
            .find_iter(self.text())
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
        })
    }

    /// Index of the sentence containing byte `offset` (or the nearest one before it).
    pub fn sentence_index(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= offset);
        i.checked_sub(1)
    }

    /// The sentence span (or run of sentences) that covers `span`.
    ///
    /// A sentence longer than [`MAX_CONTEXT`] bytes (text with no sentence punctuation: tables, lists,
    /// transcripts) is cut to a window of about that size around the claim, so the context a record
    /// repeats stays bounded.
    pub fn sentence_around(&self, span: Span) -> Span {
        let first = self.sentence_index(span.start).map(|i| self.sentences[i]);
        let last = self
            .sentence_index(span.end.saturating_sub(1).max(span.start))
            .map(|i| self.sentences[i]);
        let whole = match (first, last) {
            (Some(a), Some(b)) => Span::new(a.start.min(span.start), b.end.max(span.end)),
            _ => span,
        };
        if whole.len() <= MAX_CONTEXT || span.len() >= MAX_CONTEXT {
            return whole;
        }
        let text = self.text();
        let room = (MAX_CONTEXT - span.len()) / 2;
        let start = floor_char_boundary(text, span.start.saturating_sub(room).max(whole.start));
        let mut end = (span.end + room).min(whole.end);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end).trim(text)
    }

    /// Tokens that lie within `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        &self.tokens[a..b.max(a)]
    }
}

/// Byte offset where the trailing run of chars matching `in_word` starts in `s` (`s.len()` when `s` ends
/// with a char outside it). Safe for multi-byte chars on either side.
pub fn trailing_run_start(s: &str, in_word: impl Fn(char) -> bool) -> usize {
    after_last(s, |c| !in_word(c))
}

/// The trailing run of letters of `s` (empty when `s` ends with a non-letter): the word before a position,
/// once the whitespace before it is trimmed.
pub fn last_word(s: &str) -> &str {
    &s[trailing_run_start(s, char::is_alphabetic)..]
}

/// The start of a look-behind window of about `n` bytes before `pos` (on a char boundary). Context
/// searches stay inside such windows so that no input makes them quadratic.
pub fn window_before(text: &str, pos: usize, n: usize) -> usize {
    floor_char_boundary(text, pos.saturating_sub(n))
}

/// The end of a look-ahead window of about `n` bytes after `pos` (on a char boundary).
pub fn window_after(text: &str, pos: usize, n: usize) -> usize {
    floor_char_boundary(text, pos.saturating_add(n))
}

/// `s` after `prefix`, where `s` starts with `prefix` regardless of ASCII case (`"Canadian dlrs"` after
/// `"canadian"`): a comparison in place, no lower-case copy.
pub fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let n = prefix.len();
    s.as_bytes()
        .get(..n)
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
        // An ASCII-case match of whole chars ends on a char boundary.
        .then(|| &s[n..])
}

/// The largest char boundary of `text` at or before byte `i` (clamped to the text length).
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte offset just past the last char of `s` for which `is_stop` holds (0 when there is none). Safe for
/// multi-byte stop chars such as `”`.
pub fn after_last(s: &str, is_stop: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| is_stop(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Metadata, Provenance};

    #[test]
    fn strip_prefix_ci_folds_ascii_case_only() {
        assert_eq!(strip_prefix_ci("CANADIAN dlrs", "canadian"), Some(" dlrs"));
        assert_eq!(strip_prefix_ci("to March", "TO"), Some(" March"));
        // Other chars must be the same bytes; the rest starts on a char boundary.
        assert_eq!(strip_prefix_ci("–May", "–"), Some("May"));
        assert_eq!(strip_prefix_ci("—May", "–"), None);
        assert_eq!(strip_prefix_ci("ÉTÉ", "été"), None);
        assert_eq!(strip_prefix_ci("to", "tons"), None);
    }

    fn excluded(text: &str) -> Vec<String> {
        let doc = Document::new(text.into(), Provenance::default(), Metadata::default());
        let a = Analyzed::new(&doc);
        a.excluded().iter().map(|s| text[*s].to_string()).collect()
    }

    #[test]
    fn markup_tags_are_excluded_but_tickers_and_comparisons_are_not() {
        let cases: &[(&str, &[&str])] = &[
            (
                "<tweet id=\"7479\" author=\"@AP\" datetime=\"2016-08-23\">Rain today.</tweet>",
                &[
                    "<tweet id=\"7479\" author=\"@AP\" datetime=\"2016-08-23\">",
                    "</tweet>",
                ],
            ),
            (
                "See <a href='/x'>this</a> and <br/>.",
                &["<a href='/x'>", "</a>", "<br/>"],
            ),
            (
                "<tweet tweet-id=\"7713\"><tweet/>.",
                &["<tweet tweet-id=\"7713\">", "<tweet/>"],
            ),
            ("Revlon Group Inc <REV> said", &[]),
            ("if a <b and c> d", &[]),
            ("x < 3 and y > 2", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(excluded(text), *want, "{text:?}");
        }
    }

    #[test]
    fn sentence_context_is_bounded_in_unpunctuated_text() {
        let text = "word ".repeat(5_000) + "target " + &"word ".repeat(5_000);
        let doc = Document::new(text, Provenance::default(), Metadata::default());
        let a = Analyzed::new(&doc);
        let at = doc.text.find("target").unwrap();
        let claim = Span::new(at, at + 6);
        let context = a.sentence_around(claim);
        assert!(context.contains(claim));
        assert!(context.len() <= MAX_CONTEXT, "{}", context.len());
        // A normal sentence comes back whole.
        let doc = Document::new(
            "One. Prices rose 5% in 2024. Two.".into(),
            Provenance::default(),
            Metadata::default(),
        );
        let a = Analyzed::new(&doc);
        assert_eq!(
            &doc.text.as_str()[a.sentence_around(Span::new(17, 19))],
            "Prices rose 5% in 2024."
        );
    }
}
