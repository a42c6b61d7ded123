//! Sentence segmentation over tokens: sentence spans as byte ranges, trimmed, covering every token.
//!
//! Rules, in order: a paragraph break always ends a sentence; `.`, `!`, `?` and `…` end one when white space
//! and a capital, digit or opening quote follow (closing quotes and brackets directly after the mark stay
//! with the sentence: `…era.” That`); a full stop after a known abbreviation ends a sentence only before a
//! common sentence starter (`in the U.S. The …`), and after a title never (`Mr. Smith`).

use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

use crate::span::Span;
use crate::text::tokens::{Token, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AbbrevClass {
    Title,
    Number,
    Month,
    Other,
}

struct Vocab {
    abbrevs: HashMap<&'static str, AbbrevClass>,
    starters: Vec<&'static str>,
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut abbrevs = HashMap::new();
        for line in data_lines(include_str!("../../data/abbreviations.txt")) {
            let Some((class, word)) = line.split_once(' ') else {
                continue;
            };
            let class = match class {
                "title" => AbbrevClass::Title,
                "number" => AbbrevClass::Number,
                "month" => AbbrevClass::Month,
                _ => AbbrevClass::Other,
            };
            abbrevs.insert(word.trim(), class);
        }
        let mut starters: Vec<&str> =
            data_lines(include_str!("../../data/sentence_starters.txt")).collect();
        starters.sort_unstable();
        Vocab { abbrevs, starters }
    })
}

/// Non-empty, non-comment lines of an embedded data file.
pub(crate) fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// How single newlines behave in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Newlines {
    /// Each line is a paragraph (web text, most `.txt` articles).
    Paragraphs,
    /// Lines are hard-wrapped prose (wire copy): only blank lines and indented lines start paragraphs.
    Wrapped,
}

pub(crate) fn newline_style(text: &str) -> Newlines {
    let mut lines = 0usize;
    let mut ended = 0usize;
    let mut long = 0usize;
    for line in text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
    {
        lines += 1;
        if line.ends_with(['.', '!', '?', '"', '”', '’', ':', ')']) {
            ended += 1;
        }
        if line.len() > 100 {
            long += 1;
        }
    }
    if lines < 3 || long * 4 >= lines || ended * 2 >= lines {
        Newlines::Paragraphs
    } else {
        Newlines::Wrapped
    }
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»")
}

fn is_opener_char(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '¿' | '¡' | '—' | '–' | '-' | '•' | '*'
    )
}

/// Where the paragraph holding byte `at` starts, looking back no further than `floor`: after the last
/// line break before `at` that breaks a paragraph in a text of this `style` (in hard-wrapped text, one
/// before a blank or an indented line).
pub(crate) fn paragraph_start(text: &str, floor: usize, at: usize, style: Newlines) -> usize {
    let mut end = at;
    while let Some(nl) = text[floor..end].rfind('\n').map(|i| floor + i) {
        let rest = &text[nl + 1..at];
        let gap = &text[nl..nl + 1 + rest.len() - rest.trim_start().len()];
        if is_paragraph_break(gap, style) {
            // The paragraph starts with the first line after the break that is not blank.
            let mut start = nl + 1;
            while let Some(next) = text[start..at].find('\n') {
                if !text[start..start + next].trim().is_empty() {
                    break;
                }
                start += next + 1;
            }
            return start;
        }
        end = nl;
    }
    floor
}

/// Where the paragraph holding byte `at` ends, looking no further than `limit`: at the first line break
/// from `at` on that breaks a paragraph in a text of this `style`.
pub(crate) fn paragraph_end(text: &str, at: usize, limit: usize, style: Newlines) -> usize {
    let mut from = at;
    while let Some(nl) = text[from..limit].find('\n').map(|i| from + i) {
        let rest = &text[nl + 1..limit];
        let gap = &text[nl..nl + 1 + rest.len() - rest.trim_start().len()];
        // A break at the limit (a gap running to it) counts: what follows is not known.
        if is_paragraph_break(gap, style) || nl + gap.len() == limit {
            return nl;
        }
        from = nl + 1;
    }
    limit
}

/// True when the white space between two tokens is a paragraph break.
fn is_paragraph_break(gap: &str, style: Newlines) -> bool {
    let Some(first_nl) = gap.find('\n') else {
        return false;
    };
    match style {
        Newlines::Paragraphs => true,
        Newlines::Wrapped => {
            let after = &gap[first_nl + 1..];
            after.contains('\n') || after.starts_with("  ") || after.starts_with('\t')
        }
    }
}

/// Splits `text` (already tokenized into `tokens`) into sentence spans.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len() / 15 + 1);
    if tokens.is_empty() {
        return out;
    }
    let style = newline_style(text);
    let vocab = vocab();
    let mut sentence_start = tokens[0].span.start;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let mut last = i;
        let mut ends = false;
        let t = tok.text(text);
        if tok.kind == TokenKind::Punct && matches!(t, "." | "!" | "?" | "…") {
            // Swallow runs of terminal marks (`?!`, `...`) and directly adjacent closers (`.”`, `.)`).
            while last + 1 < tokens.len()
                && tokens[last + 1].span.start == tokens[last].span.end
                && tokens[last + 1].kind == TokenKind::Punct
                && (matches!(tokens[last + 1].text(text), "." | "!" | "?" | "…")
                    || is_closer(tokens[last + 1].text(text)))
            {
                last += 1;
            }
            ends = ends_sentence(text, tokens, i, last, vocab);
        }
        if !ends && last + 1 < tokens.len() {
            let gap = &text[tokens[last].span.end..tokens[last + 1].span.start];
            ends = is_paragraph_break(gap, style);
        }
        if ends || last + 1 == tokens.len() {
            out.push(Span::new(sentence_start, tokens[last].span.end));
            if let Some(next) = tokens.get(last + 1) {
                sentence_start = next.span.start;
            }
        }
        i = last + 1;
    }
    out
}

/// Decides whether the terminal mark at `tokens[mark]` (with adjacent marks/closers up to `last`) ends a
/// sentence.
fn ends_sentence(text: &str, tokens: &[Token], mark: usize, last: usize, vocab: &Vocab) -> bool {
    let Some(next) = tokens.get(last + 1) else {
        return true;
    };
    let gap = &text[tokens[last].span.end..next.span.start];
    if gap.is_empty() {
        return false;
    }
    let next_text = next.text(text);
    let Some(first) = next_text.chars().next() else {
        return false;
    };
    let capital_like = first.is_uppercase() || first.is_numeric() || is_opener_char(first);
    if !capital_like {
        return false;
    }
    let mark_text = tokens[mark].text(text);
    // An ellipsis run or `?`/`!` before a capital ends the sentence.
    if mark_text != "." || last > mark && tokens[mark + 1].text(text) == "." {
        return true;
    }
    // A full stop: look at the word it is attached to.
    let Some(prev) = mark.checked_sub(1).map(|p| tokens[p]) else {
        return true;
    };
    if prev.span.end != tokens[mark].span.start || prev.kind == TokenKind::Punct {
        return true;
    }
    let word = prev.text(text);
    let starter = vocab.starters.binary_search(&next_text).is_ok();
    let class = vocab.abbrevs.get(word).copied().or_else(|| {
        // Initialisms (`U.S`, `a.m`) and single capitals (`John F. Kennedy`) are abbreviations too.
        let initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
        let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        (initialism || single_capital).then_some(AbbrevClass::Other)
    });
    match class {
        None => true,
        Some(AbbrevClass::Title) => false,
        Some(AbbrevClass::Number | AbbrevClass::Month) if first.is_numeric() => false,
        Some(_) => starter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        split(text, &tokenize(text))
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Mr. Smith went to Washington. He left.",
                &["Mr. Smith went to Washington.", "He left."],
            ),
            (
                "It grew 3.4 per cent. Then it fell.",
                &["It grew 3.4 per cent.", "Then it fell."],
            ),
            (
                "He moved to the U.S. The move was quick.",
                &["He moved to the U.S.", "The move was quick."],
            ),
            ("The U.S. Senate voted.", &["The U.S. Senate voted."]),
            (
                "Apple Inc. Chief Executive Tim Cook spoke.",
                &["Apple Inc. Chief Executive Tim Cook spoke."],
            ),
            (
                "On Sept. 5 it rained. Dry.",
                &["On Sept. 5 it rained.", "Dry."],
            ),
            ("Room No. 5 is shut.", &["Room No. 5 is shut."]),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            (
                "“It was a new era.” That was it.",
                &["“It was a new era.”", "That was it."],
            ),
            (
                "\"It was a new era.\" That was it.",
                &["\"It was a new era.\"", "That was it."],
            ),
            (
                "“Why?” he asked. Nobody knew.",
                &["“Why?” he asked.", "Nobody knew."],
            ),
            ("Wait... what? Yes!", &["Wait... what?", "Yes!"]),
            ("He paused… Then left.", &["He paused…", "Then left."]),
            (
                "Title line\n\nBody starts here. Ends.",
                &["Title line", "Body starts here.", "Ends."],
            ),
            ("A\r\n\r\nB.", &["A", "B."]),
            (
                "At 10 a.m. the bank opened.",
                &["At 10 a.m. the bank opened."],
            ),
            (
                "At 10 a.m. The bank opened.",
                &["At 10 a.m.", "The bank opened."],
            ),
            ("e.g. this one", &["e.g. this one"]),
            ("", &[]),
            ("no punctuation", &["no punctuation"]),
        ];
        for (input, want) in cases {
            assert_eq!(&sents(input), want, "{input:?}");
        }
    }

    #[test]
    fn wrapped_lines_join_and_indents_break() {
        let text = "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia zone, easing the drought since early\nJanuary and improving prospects for the crop,\nthe review said.\n    The dry period means the harvest\nwill be late this year.\n";
        assert_eq!(
            sents(text),
            vec![
                "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia zone, easing the drought since early\nJanuary and improving prospects for the crop,\nthe review said.",
                "The dry period means the harvest\nwill be late this year."
            ]
        );
    }

    #[test]
    fn paragraph_bounds_follow_the_newline_style() {
        let wrapped = "First para line one\nline two of it\n\n  Second para starts\nand goes on here\nto its end";
        let at = wrapped.find("goes").unwrap();
        let second = wrapped.find("Second").unwrap();
        assert_eq!(
            paragraph_start(wrapped, 0, at, Newlines::Wrapped),
            second - 2
        );
        assert_eq!(
            paragraph_start(wrapped, 0, at, Newlines::Paragraphs),
            wrapped.find("and goes").unwrap()
        );
        assert_eq!(
            paragraph_end(wrapped, 0, wrapped.len(), Newlines::Wrapped),
            wrapped.find("\n\n").unwrap()
        );
        assert_eq!(
            paragraph_end(wrapped, 0, wrapped.len(), Newlines::Paragraphs),
            wrapped.find('\n').unwrap()
        );
        assert_eq!(
            paragraph_end(wrapped, at, wrapped.len(), Newlines::Wrapped),
            wrapped.len()
        );
    }

    #[test]
    fn paragraph_lines_break_headings() {
        let text = "A heading without a stop\nThe first paragraph is a full sentence that runs on for a good while. It has two.\nAnother heading\nMore text follows here, as paragraphs do.\n";
        assert_eq!(
            sents(text),
            vec![
                "A heading without a stop",
                "The first paragraph is a full sentence that runs on for a good while.",
                "It has two.",
                "Another heading",
                "More text follows here, as paragraphs do."
            ]
        );
    }
}
