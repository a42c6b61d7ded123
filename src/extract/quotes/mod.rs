//! Quotes (kind `quote`, subtype direct | partial | scare): quotations with the speaker they are attributed
//! to.
//!
//! Quotations are found by their marks ([`marks`]); the speaker comes from the attribution around them
//! (`“…,” she said`, `said Miranda Bogen, director of …`, `Bessent said: “…”`, `according to …`,
//! `X told reporters that …`), mapped to the canonical name of the entity found there. Pronouns resolve to
//! the nearest fitting entity before the quote; `the company` to the nearest organization. A quotation
//! with no attribution of its own inherits the speaker of the quotation just before it. Short quoted
//! words with no attribution (names, titles, scare quotes) are subtype `scare` and never get a speaker.

mod marks;

use std::sync::OnceLock;

use regex::Regex;

use super::Extractor;
use crate::claim::{Claim, ClaimKind, Subtype};
use crate::span::Span;
use crate::text::Analyzed;

const VERBS: &str = "said|says|say|told|tells|added|adds|explained|explains|wrote|writes|replied|replies|warned|warns|argued|argues|noted|notes|stated|states|declared|declares|insisted|insists|asked|asks|answered|continued|continues|recalled|recalls|acknowledged|admitted|admits|claimed|claims|conceded|cautioned|complained|suggested|suggests|posted|tweeted|announced|concluded|emphasized|emphasised|stressed|predicted|joked|quipped|shouted|urged|urges|vowed|maintained|observed|remarked|responded|responds|countered|agreed|wondered|confirmed|testified|pleaded|boasted|lamented|mused|snapped|exclaimed|whispered|yelled|tells|thundered|conceded|reiterated|retorted|interjected|pointed out|went on|would say|had said|has said|have said|will say";

const NAME: &str = r"(?:[A-Z][\p{L}’'\-.]*(?:\s+(?:[A-Z][\p{L}’'\-.]*|von|van|de|der|den|da|al|bin|del|la|le|&)){0,5})";
const PRONOUN: &str = r"(?:he|she|they|it|we|I|He|She|They|It|We)";
const NP: &str = r"(?:(?:the|a|an|one|another|The|A|An|One|Another)\s+(?:[\p{L}\-’']+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|spokespeople|company|firm|group|official|officials|minister|ministry|statement|report|bank|agency|police|union|department|government|campaign|office|source|sources|aide|aides|adviser|advisers|advisor|president|executive|chief|director|analyst|analysts|economist|economists|lawyer|lawyers|attorney|researchers|researcher|scientists|study|court|judge|prosecutors|committee|council|board|authority|commission|administration|white house|party|team|organizers|organisers|residents|witnesses|critics|supporters|officer|leader|leaders|senator|governor|mayor|candidate)(?:\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\p{L}’'\-.]*(?:\s+[A-Z][\p{L}’'\-.]*){0,4})?|officials|analysts|experts|critics|witnesses|residents|police|prosecutors|investigators|economists|sources)";

struct Patterns {
    /// `, said X` / `, X said` right after a quotation.
    after_verb_first: Regex,
    after_speaker_first: Regex,
    /// `X said: ` / `X told reporters that ` right before a quotation.
    before: Regex,
    /// `X: ` right before a quotation.
    colon: Regex,
    /// `according to X` in the sentence.
    according: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let speaker = format!(r"(?P<s>{NP}|{NAME}|{PRONOUN})");
        Patterns {
            after_verb_first: Regex::new(&format!(
                r"^\s*[,—–-]?\s*(?:(?:he|she|they|it)\s+)?(?P<v>{VERBS})\s+(?:(?:on|in|at|during|after|before)\s+[\p{{L}}\d ,.]{{1,30}}?,\s+)?{speaker}"
            ))
            .expect("after_verb_first"),
            after_speaker_first: Regex::new(&format!(
                r"^\s*[,—–-]?\s*{speaker}\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?(?P<v>{VERBS})\b"
            ))
            .expect("after_speaker_first"),
            before: Regex::new(&format!(
                r"{speaker}\s*(?:,[^,“”\x22.]{{1,80}},\s*)?\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(?P<v>{VERBS})(?:\s+[^.!?“”\x22]{{0,90}}?)?\s*[,:]?\s*$"
            ))
            .expect("before"),
            colon: Regex::new(&format!(r"(?P<s>{NAME})\s*:\s*$")).expect("colon"),
            according: Regex::new(&format!(r"(?i:according\s+to)\s+(?P<s>{NP}|{NAME})")).expect("according"),
        }
    })
}

/// The quote extractor.
#[derive(Debug, Default)]
pub struct QuoteExtractor {
    _private: (),
}

impl QuoteExtractor {
    /// Builds the extractor (patterns are compiled once per process).
    pub fn new() -> QuoteExtractor {
        patterns();
        QuoteExtractor { _private: () }
    }
}

/// Where an attribution was found.
struct Attribution {
    speaker: String,
    rule: &'static str,
}

impl Extractor for QuoteExtractor {
    fn kind(&self) -> ClaimKind {
        ClaimKind::Quote
    }

    fn extract(&self, doc: &Analyzed<'_>, found: &[Claim], out: &mut Vec<Claim>) {
        let text = doc.text();
        let entities: Vec<&Claim> = found
            .iter()
            .filter(|c| {
                c.kind == ClaimKind::Entity
                    && matches!(c.subtype, Subtype::Person | Subtype::Organization)
            })
            .collect();
        let quotes = marks::find(text);
        let mut previous: Option<(Span, Option<String>)> = None;
        for q in quotes {
            let inner = &text[q.inner];
            let words = inner.split_whitespace().count();
            if words == 0 {
                continue;
            }
            let trimmed = inner.trim_end();
            let terminal = trimmed.ends_with(['.', '!', '?', ',', '…', ';', ':']) || q.continues;
            let sentence_like = words >= 4 || terminal && words >= 2;
            let attribution = attribute(text, doc, q.span, &entities);
            let title_like = is_title_like(inner);
            let (subtype, speaker, rule) = match attribution {
                Some(a) if !title_like || sentence_like => {
                    let subtype = if sentence_like {
                        Subtype::Direct
                    } else {
                        Subtype::Partial
                    };
                    (subtype, Some(a.speaker), a.rule)
                }
                _ => {
                    // Inherit from the quotation just before, when this one continues it.
                    let close_enough = previous.as_ref().is_some_and(|(p, s)| {
                        s.is_some()
                            && q.span.start.saturating_sub(p.end) < 400
                            && !text[p.end..q.span.start].contains("\n\n\n")
                    });
                    if sentence_like && (q.continues || close_enough) && !title_like {
                        let speaker = previous.as_ref().and_then(|(_, s)| s.clone());
                        (Subtype::Direct, speaker, "quote.direct.continuation")
                    } else if sentence_like && !title_like {
                        (Subtype::Direct, None, "quote.direct.unattributed")
                    } else {
                        (Subtype::Scare, None, "quote.scare")
                    }
                }
            };
            let mut claim = Claim::new(ClaimKind::Quote, subtype, q.span, rule);
            claim.speaker = speaker.clone();
            claim.confidence = match subtype {
                Subtype::Direct if claim.speaker.is_some() => 0.85,
                Subtype::Scare => 0.5,
                _ => 0.6,
            };
            if subtype != Subtype::Scare {
                previous = Some((q.span, speaker));
            }
            out.push(claim);
        }
    }
}

/// Names and titles in quotes ("Green AI Grid", "The Art of the Deal") are not statements.
fn is_title_like(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || inner.trim_end().ends_with(['.', '!', '?', ',']) {
        return false;
    }
    let small = [
        "of", "the", "and", "for", "a", "an", "in", "on", "to", "at", "by", "&",
    ];
    words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || small.contains(w))
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
}

/// Finds who a quotation is attributed to.
fn attribute(
    text: &str,
    doc: &Analyzed<'_>,
    quote: Span,
    entities: &[&Claim],
) -> Option<Attribution> {
    let p = patterns();
    let para_end = text[quote.end..]
        .find('\n')
        .map_or(text.len(), |i| quote.end + i);
    let after_end = crate::text::floor_char_boundary(text, (quote.end + 160).min(para_end));
    let after = &text[quote.end..after_end];
    if let Some(c) = p.after_verb_first.captures(after) {
        let s = c.name("s")?;
        let span = Span::new(quote.end + s.start(), quote.end + s.end());
        return Some(Attribution {
            speaker: speaker_name(text, span, quote, entities),
            rule: "quote.direct.said_after",
        });
    }
    if let Some(c) = p.after_speaker_first.captures(after) {
        let s = c.name("s")?;
        let span = Span::new(quote.end + s.start(), quote.end + s.end());
        return Some(Attribution {
            speaker: speaker_name(text, span, quote, entities),
            rule: "quote.direct.speaker_said_after",
        });
    }
    let para_start = text[..quote.start].rfind('\n').map_or(0, |i| i + 1);
    let before_start =
        crate::text::floor_char_boundary(text, quote.start.saturating_sub(200).max(para_start));
    let before = &text[before_start..quote.start];
    // Only the clause that leads into the quotation: after the last sentence end or closing quote.
    let lead_from = crate::text::after_last(before, |c| matches!(c, '.' | '!' | '?' | '”' | '"'));
    let lead = &before[lead_from..];
    let lead_offset = before_start + lead_from;
    if let Some(c) = p.colon.captures(lead) {
        let s = c.name("s")?;
        let span = Span::new(lead_offset + s.start(), lead_offset + s.end());
        if entities.iter().any(|e| e.span.overlaps(span)) {
            return Some(Attribution {
                speaker: speaker_name(text, span, quote, entities),
                rule: "quote.direct.colon",
            });
        }
    }
    if let Some(c) = p.before.captures(lead) {
        let s = c.name("s")?;
        let span = Span::new(lead_offset + s.start(), lead_offset + s.end());
        return Some(Attribution {
            speaker: speaker_name(text, span, quote, entities),
            rule: "quote.direct.said_before",
        });
    }
    // "according to X" anywhere in the sentence.
    let sentence = doc.sentence_around(quote);
    if let Some(c) = p.according.captures(&text[sentence]) {
        let s = c.name("s")?;
        let span = Span::new(sentence.start + s.start(), sentence.start + s.end());
        if !span.overlaps(quote) {
            return Some(Attribution {
                speaker: speaker_name(text, span, quote, entities),
                rule: "quote.direct.according_to",
            });
        }
    }
    None
}

/// The canonical speaker for the words at `span`: the entity there, a pronoun resolved to the nearest
/// fitting entity before the quotation, or the words themselves.
fn speaker_name(text: &str, span: Span, quote: Span, entities: &[&Claim]) -> String {
    let words = text[span].trim();
    let lower = words.to_lowercase();
    if let Some(e) = entities.iter().find(|e| e.span.overlaps(span)) {
        // "a spokeswoman for Hutchison Ports": the organization speaks.
        return e.value.clone().unwrap_or_else(|| text[e.span].to_string());
    }
    let want = match lower.as_str() {
        "he" | "she" | "i" | "we" => Some(Subtype::Person),
        "it" => Some(Subtype::Organization),
        "they" => None,
        _ if lower.starts_with("the ") || lower.starts_with("a ") || lower.starts_with("an ") => {
            let org_words = [
                "company",
                "firm",
                "group",
                "bank",
                "agency",
                "ministry",
                "department",
                "government",
                "union",
                "court",
                "committee",
                "council",
                "board",
                "authority",
                "commission",
                "party",
                "campaign",
                "office",
                "police",
                "administration",
            ];
            if org_words.iter().any(|w| lower.ends_with(w)) {
                Some(Subtype::Organization)
            } else {
                return words.to_string();
            }
        }
        _ => return strip_title(words).to_string(),
    };
    let anchor = quote.start.min(span.start);
    let nearest = entities
        .iter()
        .rev()
        .filter(|e| e.span.end <= anchor)
        .find(|e| want.is_none_or(|w| e.subtype == w));
    match nearest {
        Some(e) => e.value.clone().unwrap_or_else(|| text[e.span].to_string()),
        None => words.to_string(),
    }
}

fn strip_title(name: &str) -> &str {
    for t in [
        "Mr. ",
        "Mrs. ",
        "Ms. ",
        "Dr. ",
        "Sen. ",
        "Rep. ",
        "Gov. ",
        "Prof. ",
        "President ",
        "Mr ",
        "Mrs ",
        "Ms ",
        "Dr ",
    ] {
        if let Some(rest) = name.strip_prefix(t) {
            return rest;
        }
    }
    name
}

#[cfg(test)]
mod tests;
