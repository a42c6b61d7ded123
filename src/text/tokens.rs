//! Tokens: words, numbers and punctuation as byte spans, skipping white space.
//!
//! Contract (as in tantivy's tokenizer): for every token, `token.span` indexes the input text on char
//! boundaries, tokens are in order and never overlap, and only white space lies between them.

use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter: `OpenAI`, `don’t`, `COVID-19`, `U.S` (a trailing full stop is its own token).
    Word,
    /// Starts with a digit: `1,234.5`, `3bn`, `10th`, `2024-03-14`.
    Number,
    /// Any other single character: `.`, `,`, `“`, `$`, `%`, `—`.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (decomposed accents) stay inside words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Characters that join two word parts when a word character follows: `don’t`, `al-Assad`, `U.S`.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.' | '&')
}

/// True when `rest` (the text after a comma) starts with exactly three digits: a thousands group.
fn is_thousands_group(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            continue;
        }
        let kind = if c.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        let mut end = start + c.len_utf8();
        // Length of the current word part, in chars, to allow `U.S` but not `end.Next`.
        let mut part_chars = 1usize;
        while let Some(&(i, next)) = chars.peek() {
            if is_word_char(next) {
                chars.next();
                end = i + next.len_utf8();
                part_chars += 1;
                continue;
            }
            let rest = &text[i + next.len_utf8()..];
            let Some(after) = rest.chars().next().filter(|&a| is_word_char(a)) else {
                break;
            };
            let joins = match (next, kind) {
                // Thousands separators: `1,234` but not `1,2,3`.
                (',', TokenKind::Number) => is_thousands_group(rest),
                // Decimals inside numbers; initialisms (U.S, e.g) inside words.
                ('.', TokenKind::Number) => after.is_numeric(),
                ('.', TokenKind::Word) => part_chars == 1 && after.is_alphabetic(),
                // `AT&T`, `S&P`: an ampersand between capitals.
                ('&', TokenKind::Word) => {
                    after.is_uppercase() && text[..i].ends_with(char::is_uppercase)
                }
                (c, _) => is_joiner(c),
            };
            if !joins {
                break;
            }
            chars.next();
            end = i + next.len_utf8();
            part_chars = 0;
        }
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world.", &["Hello", ",", "world", "."]),
            ("$1,234.5 bn", &["$", "1,234.5", "bn"]),
            ("3.4 per cent", &["3.4", "per", "cent"]),
            ("the U.S. economy", &["the", "U.S", ".", "economy"]),
            ("OpenAI’s plan", &["OpenAI’s", "plan"]),
            ("don't stop", &["don't", "stop"]),
            ("COVID-19 cases", &["COVID-19", "cases"]),
            ("end.Next", &["end", ".", "Next"]),
            ("“Yes.”", &["“", "Yes", ".", "”"]),
            ("1,2,3", &["1", ",", "2", ",", "3"]),
            ("10,000,000 jobs", &["10,000,000", "jobs"]),
            ("Procter & Gamble", &["Procter", "&", "Gamble"]),
            ("AT&T and S&P", &["AT&T", "and", "S&P"]),
            ("a\u{a0}b\r\nc", &["a", "b", "c"]),
            ("Médecins", &["Médecins"]),
            ("2024-03-14", &["2024-03-14"]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "{input:?}");
        }
    }
}
