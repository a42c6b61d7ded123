//! Finding quotations: pairs of quote marks, as byte spans including the marks.
//!
//! Curly double quotes pair by direction; straight `"` and `''` by position (an opener follows white
//! space or an opening bracket, a closer precedes white space or punctuation). British single quotes `‘’`
//! and `'` count only outside double quotes and never inside a word (`OpenAI’s`, `don't`). A quotation
//! still open at the end of a paragraph continues when the next paragraph opens with a quote mark (the
//! convention for quotes running over paragraphs); each paragraph's part is its own fragment.

use crate::span::Span;

/// A quotation found by its marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The fragment including its marks (for a continued quotation, up to the paragraph end).
    pub span: Span,
    /// The text between the marks.
    pub inner: Span,
    /// This fragment continues the previous one (it opened a new paragraph of the same quotation).
    pub continues: bool,
    /// Single quote marks.
    pub single: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    dir: Dir,
    single: bool,
}

/// Whether a quote mark after `prev` (the character before it; `None` at the start) can open a quotation.
pub(crate) fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '/' | '“' | '‘')
    })
}

fn is_closing_context(next: Option<char>) -> bool {
    next.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '-' | '”' | '’' | '…'
            )
    })
}

fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    // Every quote mark starts with one of these bytes (the curly ones with 0xE2); the scan jumps from one
    // to the next instead of decoding every character.
    while let Some(p) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b'`' | 0xE2))
    {
        let at = from + p;
        // `at` is a character boundary: none of these bytes continues a UTF-8 sequence.
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        from = at + c.len_utf8();
        let prev = text[..at].chars().next_back();
        let next = text[from..].chars().next();
        match c {
            '“' | '„' => out.push(Mark {
                at,
                len: c.len_utf8(),
                dir: Dir::Open,
                single: false,
            }),
            '”' => out.push(Mark {
                at,
                len: c.len_utf8(),
                dir: Dir::Close,
                single: false,
            }),
            '"' => out.push(Mark {
                at,
                len: 1,
                dir: straight_dir(prev, next),
                single: false,
            }),
            '`' if next == Some('`') => {
                out.push(Mark {
                    at,
                    len: 2,
                    dir: Dir::Open,
                    single: false,
                });
                from += 1;
            }
            '\'' if next == Some('\'') => {
                let after = text[from + 1..].chars().next();
                out.push(Mark {
                    at,
                    len: 2,
                    dir: straight_dir(prev, after),
                    single: false,
                });
                from += 1;
            }
            '‘' if !prev.is_some_and(char::is_alphanumeric) => out.push(Mark {
                at,
                len: c.len_utf8(),
                dir: Dir::Open,
                single: true,
            }),
            '’' | '\'' => {
                let in_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if in_word {
                    // An apostrophe: don't, OpenAI’s.
                } else if c == '\''
                    && is_opening_context(prev)
                    && next.is_some_and(|n| n.is_alphanumeric())
                {
                    out.push(Mark {
                        at,
                        len: 1,
                        dir: Dir::Open,
                        single: true,
                    });
                } else if prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next) {
                    // A closer, unless it is a plural possessive ("the workers' union"); the pairing step
                    // drops closers without an opener.
                    out.push(Mark {
                        at,
                        len: c.len_utf8(),
                        dir: Dir::Close,
                        single: true,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

fn straight_dir(prev: Option<char>, next: Option<char>) -> Dir {
    let open = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
    let close = prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next);
    match (open, close) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    }
}

/// Paragraph spans: text between blank lines, or between newlines when the text puts one paragraph per
/// line.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
        i += 1;
    }
    out.push(Span::new(start, text.len()));
    out.into_iter()
        .filter(|p| !text[*p].trim().is_empty())
        .collect()
}

/// Every quotation in `text`, in order.
pub fn find(text: &str) -> Vec<Quoted> {
    let all = marks(text);
    let paras = paragraphs(text);
    let mut out = Vec::new();
    let mut open_from_previous = false;
    let mut idx = 0;
    for (pi, para) in paras.iter().enumerate() {
        let start_idx = idx;
        while idx < all.len() && all[idx].at < para.end {
            idx += 1;
        }
        let pm: Vec<Mark> = all[start_idx..idx]
            .iter()
            .copied()
            .filter(|m| m.at >= para.start)
            .collect();
        let continues_here = open_from_previous;
        open_from_previous = false;
        // Double quotes first.
        let doubles: Vec<Mark> = pm.iter().copied().filter(|m| !m.single).collect();
        let mut spans = pair(&doubles);
        let mut first = true;
        for q in spans.iter_mut() {
            if continues_here && first && q.0.at == doubles.first().map_or(usize::MAX, |m| m.at) {
                q.2 = true;
            }
            first = false;
        }
        let mut dangling = None;
        if doubles.len() % 2 == 1 || spans.len() * 2 < doubles.len() {
            // An opener left without a closer: a quotation running to the next paragraph?
            let paired: Vec<usize> = spans.iter().flat_map(|(a, b, _)| [a.at, b.at]).collect();
            dangling = doubles
                .iter()
                .rev()
                .find(|m| m.dir != Dir::Close && !paired.contains(&m.at))
                .copied();
        }
        for (a, b, cont) in &spans {
            out.push(Quoted {
                span: Span::new(a.at, b.at + b.len),
                inner: Span::new(a.at + a.len, b.at),
                continues: *cont,
                single: false,
            });
        }
        if let Some(open) = dangling {
            let next_opens = paras.get(pi + 1).is_some_and(|n| {
                let t = text[*n].trim_start();
                t.starts_with(['“', '"']) || t.starts_with("''") || t.starts_with("``")
            });
            let after_last_pair = spans.iter().all(|(_, b, _)| b.at < open.at);
            if next_opens && after_last_pair {
                let end = para.start + text[*para].trim_end().len();
                out.push(Quoted {
                    span: Span::new(open.at, end),
                    inner: Span::new(open.at + open.len, end),
                    continues: continues_here && spans.is_empty(),
                    single: false,
                });
                open_from_previous = true;
            }
        }
        // Single quotes, outside double-quoted text.
        // Only this paragraph's quotations can hold its marks.
        let this_paragraph = &out[out.partition_point(|q: &Quoted| q.span.end <= para.start)..];
        let inside_double = |at: usize| {
            this_paragraph
                .iter()
                .any(|q: &Quoted| !q.single && q.span.start <= at && at < q.span.end)
        };
        let singles: Vec<Mark> = pm
            .iter()
            .copied()
            .filter(|m| m.single && !inside_double(m.at))
            .collect();
        for (a, b, _) in pair(&singles) {
            let inner = Span::new(a.at + a.len, b.at);
            if text[inner].trim().is_empty() {
                continue;
            }
            out.push(Quoted {
                span: Span::new(a.at, b.at + b.len),
                inner,
                continues: false,
                single: true,
            });
        }
    }
    out.sort_by_key(|q| q.span.start);
    out
}

/// Pairs openers with the next closer; `Either` marks open when nothing is open and close otherwise.
fn pair(ms: &[Mark]) -> Vec<(Mark, Mark, bool)> {
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for &m in ms {
        match (open, m.dir) {
            (None, Dir::Open | Dir::Either) => open = Some(m),
            (None, Dir::Close) => {}
            (Some(o), Dir::Close | Dir::Either) => {
                out.push((o, m, false));
                open = None;
            }
            (Some(_), Dir::Open) => open = Some(m),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| &text[q.span]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("“Curly,” she said.", &["“Curly,”"]),
            (
                "\"Straight,\" he said. \"Again.\"",
                &["\"Straight,\"", "\"Again.\""],
            ),
            ("'British style,' he said.", &["'British style,'"]),
            ("‘British curly,’ she said.", &["‘British curly,’"]),
            ("OpenAI’s plan isn't 'done' yet.", &["'done'"]),
            ("the workers' union voted", &[]),
            (
                "“Outer ‘inner’ outer,” she said.",
                &["“Outer ‘inner’ outer,”"],
            ),
            (
                "''Double apostrophes,'' he said.",
                &["''Double apostrophes,''"],
            ),
            (
                "He said it was “democratic AI” and “safe”.",
                &["“democratic AI”", "“safe”"],
            ),
            (
                "“Unclosed quote with no continuation.\nNext paragraph.",
                &[],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&quotes(input), want, "{input:?}");
        }
    }

    #[test]
    fn quote_running_over_paragraphs() {
        let text = "“The council has not published it,” Lang said. “It has asked people to trust a number.\n\n“We are not against a bridge.”\n";
        let q = find(text);
        let got: Vec<(&str, bool)> = q.iter().map(|q| (&text[q.span], q.continues)).collect();
        assert_eq!(
            got,
            vec![
                ("“The council has not published it,”", false),
                ("“It has asked people to trust a number.", false),
                ("“We are not against a bridge.”", true),
            ]
        );
    }
}
