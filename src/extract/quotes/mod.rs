//! Quotes (kind `quote`, subtype direct | partial | scare): quotations with the speaker they are attributed
//! to.
//!
//! Quotations are found by their marks ([`marks`]); the speaker comes from the attribution around them
//! (`“…,” she said`, `said Miranda Bogen, director of …`, `Bessent said: “…”`, `according to …`,
//! `X told reporters that …`), mapped to the canonical name of the entity found there. Pronouns resolve to
//! the nearest fitting entity before the quote; `the company` to the nearest organization. A quotation
//! with no attribution of its own inherits the speaker of the quotation just before it. Short quoted
//! words with no attribution (names, titles, scare quotes) are subtype `scare` and never get a speaker.

pub(crate) mod marks;

use std::sync::OnceLock;

use regex::Regex;

use super::Extractor;
use crate::claim::{Claim, ClaimKind, Subtype};
use crate::span::{within_any, Span};
use crate::text::sentences::Newlines;
use crate::text::Analyzed;

const VERBS: &str = "said|says|say|told|tells|tell|added|adds|explained|explains|wrote|writes|replied|replies|warned|warns|argued|argues|noted|notes|stated|states|declared|declares|insisted|insists|asked|asks|answered|answers|continued|continues|recalled|recalls|acknowledged|acknowledges|admitted|admits|claimed|claims|conceded|concedes|cautioned|cautions|complained|complains|suggested|suggests|posted|posts|tweeted|tweets|announced|announces|concluded|concludes|emphasized|emphasizes|emphasised|emphasises|stressed|stresses|predicted|predicts|joked|jokes|quipped|quips|shouted|shouts|urged|urges|vowed|vows|maintained|maintains|observed|observes|remarked|remarks|responded|responds|countered|counters|agreed|agrees|wondered|wonders|confirmed|confirms|testified|testifies|pleaded|pleads|boasted|boasts|lamented|laments|mused|muses|snapped|snaps|exclaimed|exclaims|whispered|whispers|yelled|yells|reiterated|reiterates|retorted|retorts|interjected|interjects|pointed out|points out|went on|goes on|shot back|shoots back|fired back|fires back|hit back|hits back|pressed|presses|chimed in|chimes in|interrupted|interrupts|reads|read|cracked|cracks|mocked|mocks|scoffed|scoffs|laughed|laughs|offered|offers|contended|contends|charged|charges|alleged|alleges|objected|objects|demanded|demands|promised|promises|pledged|pledges|described|describes|called|calls|texted|texts|emailed|emails|blasted|blasts|slammed|slams|asserted|asserts|recounted|recounts|summed up|sums up|put it|puts it|quoted|quotes|chanted|chants|started|starts|began|begins|reported|reports|recalled|explained|thundered|barked|barks|assured|assures|gloated|gloats|fumed|fumes|marveled|marvels|marvelled|sighed|sighs|groaned|groans|sniped|snipes|screamed|screams|boomed|booms|commented|would say|had said|has said|have said|will say";

struct Patterns {
    /// A reporting verb, on ASCII word boundaries.
    verb: Regex,
    /// `according to X` in the sentence.
    according: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        verb: Regex::new(&format!(r"(?i)(?-u:\b)(?:{VERBS})(?-u:\b)")).expect("verb"),
        according: Regex::new(r"(?i:according\s+to)\s+(?P<s>[^,;:!?“”\x22\n]{1,100})")
            .expect("according"),
    })
}

/// Abbreviations whose full stop does not end a sentence inside an attribution ("Mr. Manafort said").
const NAME_ABBREVIATIONS: &[&str] = &[
    // Titles.
    "Mr", "Mrs", "Ms", "Mme", "Messrs", "Dr", "Jr", "Sr", "St", "Sen", "Sens", "Rep", "Reps", "Gov",
    "Gen", "Lt", "Col", "Capt", "Maj", "Sgt", "Adm", "Cmdr", "Prof", "Rev", "Msgr", "Hon", "Supt",
    // Companies and numbers ("the No. 2 in the leadership").
    "Inc", "Corp", "Co", "Ltd", "Bros", "No",
    // States, as abbreviated in news style ("Sen. Jane Doe, D-Calif., said").
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// True when the `c` at byte `i` of `s` ends a sentence (`.`, `!`, `?`): not the full stop of an initial
/// or an abbreviation (`C. Stewart`, `J.J.`, `Mr.`).
fn ends_sentence(s: &str, i: usize, c: char) -> bool {
    match c {
        '!' | '?' => true,
        '.' => {
            let word_start =
                crate::text::trailing_run_start(&s[..i], |c| c.is_alphanumeric() || c == '.');
            let word = &s[word_start..i];
            // A single capital is an initial; a two-letter acronym ends sentences (`… shares in GE.`).
            let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase)
                || word.contains('.');
            !(initial || NAME_ABBREVIATIONS.contains(&word))
        }
        _ => false,
    }
}

/// The byte offset of the first sentence end in `s` ([`ends_sentence`]).
fn sentence_end(s: &str) -> Option<usize> {
    s.char_indices()
        .find(|&(i, c)| ends_sentence(s, i, c))
        .map(|(i, _)| i)
}

/// The byte offset just after the last sentence end or closing quotation mark in `s`, 0 if none.
fn lead_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '”' | '"') || ends_sentence(s, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Determiners and words that open an apposition ("Lael Brainard, a Fed governor, said"), a description
/// ending in a common noun or opening with a possessive ("Jeff Weaver, Sanders' campaign manager, said";
/// "Eric Levine, New York attorney, said"; "Andrew Pendleton, Christian Aid's head of Trade Policy,
/// said") and a party-and-state tag ("Mitch McConnell, R-Ky., said").
fn is_apposition(segment: &str) -> bool {
    let s = segment.trim();
    let first = s.split_whitespace().next().unwrap_or("");
    let last = s.split_whitespace().last().unwrap_or("");
    [
        "a ", "an ", "the ", "who ", "one of ", "his ", "her ", "their ", "its ", "chief ",
        "senior ", "former ",
    ]
    .iter()
    .any(|p| s.starts_with(p))
        || s.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            && !matches!(first, "he" | "she")
            // "…, which she said": a clause whose subject stands last.
            && !is_subject_pronoun(last)
        || (2..=6).contains(&s.split_whitespace().count())
            && first.starts_with(char::is_uppercase)
            && !matches!(
                first,
                "The"
                    | "A"
                    | "An"
                    | "One"
                    | "This"
                    | "That"
                    | "His"
                    | "Her"
                    | "Its"
                    | "Their"
                    | "Our"
            )
            && last.starts_with(|c: char| c.is_lowercase())
            && last.chars().all(char::is_alphabetic)
            && !is_speaker_tail_word(last)
        || s.split_whitespace()
            .take(3)
            .any(|w| w != last && ends_possessive(w))
        || is_name_tag(s)
}

/// `R-Ky.`, `D-N.Y.`, `(I-Vt.)`, `(D)`, `Republican of Minnesota`: the party and state after a US
/// legislator's name; also a lone abbreviation that places or qualifies the name before it (a state after
/// a town, `of Raleigh, N.C.,`; `Jr.`).
fn is_name_tag(s: &str) -> bool {
    if [
        "Republican of ",
        "Democrat of ",
        "Republican from ",
        "Democrat from ",
    ]
    .iter()
    .any(|p| s.starts_with(p))
    {
        return true;
    }
    if !s.contains(' ')
        && s.len() <= 7
        && s.ends_with('.')
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
    {
        return true;
    }
    let s = s.trim_start_matches('(').trim_end_matches([')', '.']);
    if matches!(s, "R" | "D" | "I") {
        return true;
    }
    let mut cs = s.chars();
    s.len() <= 12
        && matches!(cs.next(), Some('R' | 'D' | 'I'))
        && cs.next() == Some('-')
        && cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && cs.all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// A segment that opens with a preposition or a linking word sets the scene ("In a statement, the
/// company said"; "Asked about the vote, Smith said"): it names no speaker.
fn is_adverbial(segment: &str) -> bool {
    let mut words = segment.split_whitespace().map(str::to_lowercase);
    let mut first = words.next().unwrap_or_default();
    // "But when asked about it, ..." sets the scene; "But colleague Ian Gibson, ..." names the speaker.
    if matches!(first.as_str(), "but" | "and" | "yet" | "so") {
        first = words.next().unwrap_or_default();
    }
    matches!(
        first.as_str(),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "for"
            | "with"
            | "without"
            | "from"
            | "as"
            | "since"
            | "when"
            | "while"
            | "regarding"
            | "following"
            | "despite"
            | "amid"
            | "under"
            | "unlike"
            | "asked"
            | "speaking"
            | "writing"
            | "however"
            | "meanwhile"
            | "instead"
            | "still"
            | "later"
            | "earlier"
            | "then"
            | "now"
    )
}

/// Lower-case words that may follow a name inside an attribution without making the name a modifier:
/// adverbs, auxiliaries and function words ("Obama also said", "Trump would later say", "Smith of the
/// institute"). Any other lower-case word after a name is the head of a description the name only
/// modifies ("one Trump confidant", "a senior Cruz adviser", "the Trump campaign").
fn is_speaker_tail_word(word: &str) -> bool {
    word.ends_with("ly")
        || is_adverb_or_auxiliary(word)
        || matches!(
            word,
            "not"
                // "Obama first said"; a speaker may also be "the first woman" (no cut there).
                | "first"
                | "and"
                | "or"
                | "but"
                | "of"
                | "from"
                | "at"
                | "for"
                | "in"
                | "on"
                | "with"
                | "by"
                | "to"
                | "as"
                | "who"
                | "whose"
                | "which"
                | "that"
                // A determiner or a particle after a name follows a verb: "Greer quit the show",
                // "Meighan grew up".
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "this"
                | "these"
                | "those"
                | "up"
                | "out"
                | "down"
                | "off"
                | "back"
                | "away"
        )
}

/// An adverb or an auxiliary that stands between a subject and its reporting verb ("He also said",
/// "The minister would later say", "US officials have repeatedly said"): no part of the speaker.
fn is_adverb_or_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "too"
            | "then"
            | "again"
            | "once"
            | "still"
            | "just"
            | "even"
            | "now"
            | "later"
            | "earlier"
            | "alone"
            | "instead"
            | "already"
            | "never"
            | "often"
            | "meanwhile"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
            | "would"
            | "will"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "has"
            | "have"
            | "had"
            | "did"
            | "does"
            | "do"
            | "was"
            | "were"
            | "is"
            | "are"
            | "afterwards"
            | "afterward"
            | "here"
            | "there"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

/// The marks that make a word possessive (`Trump's`, `Sanders'`); any trailing apostrophe counts.
const POSSESSIVE_MARKS: &[&str] = &["'s", "’s", "'", "’"];

fn ends_possessive(word: &str) -> bool {
    POSSESSIVE_MARKS.iter().any(|p| word.ends_with(p))
}

/// Whether the entity at `e` heads the attribution phrase ending at `end` rather than modifying a noun
/// after it: it is not possessive (`Sanders' campaign manager`) and no description noun follows it
/// (`one Trump confidant`).
fn heads_phrase(text: &str, e: Span, end: usize) -> bool {
    let rest = &text[e.end..end.max(e.end)];
    let token_rest = rest.find(char::is_whitespace).unwrap_or(rest.len());
    if POSSESSIVE_MARKS.contains(&&rest[..token_rest]) {
        return false;
    }
    if rest.starts_with([',', '(', ')', ';', ':']) {
        return true;
    }
    // A name modifies a short run of nouns that ends the phrase (`one Trump confidant`); before a
    // verb (`Trump called`, `Sherry smiled and`) or a longer clause it is the subject.
    let words: Vec<&str> = rest
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    let noun = |w: &&str| {
        w.starts_with(|c: char| c.is_lowercase())
            && w.chars().all(char::is_alphabetic)
            && !w.ends_with("ed")
            && !is_speaker_tail_word(w)
    };
    !(1..=3).contains(&words.len()) || !words.iter().all(noun)
}

/// The speaker part of the words before a reporting verb: the last comma-separated segment, or, when
/// that is an apposition, the nearest segment before it that is no apposition or scene-setting clause
/// or that names a person ("Harry Bond, 30, of Raleigh, N.C., who was polled, said"; "the economist
/// Jared Bernstein, a former adviser, wrote").
fn speaker_segment(text: &str, span: Span, entities: &[&Claim]) -> Span {
    let s = &text[span];
    let segments: Vec<Span> = s
        .split([',', '('])
        .scan(span.start, |at, seg| {
            let start = *at;
            *at += seg.len() + 1;
            Some(Span::new(start, start + seg.len()))
        })
        .filter(|seg| !text[*seg].trim().is_empty())
        .collect();
    let Some(&last) = segments.last() else {
        return Span::new(span.end, span.end);
    };
    let heading_persons = |seg: Span| heading_persons(text, entities, seg);
    let names_person = |seg: Span| heading_persons(seg).next().is_some();
    // A clause opening in lower case ("and when Rubio thanked Miami") is no speaker even with a name in
    // it; a description opening with an article may be ("the economist Jared Bernstein").
    let opens_clause = |seg: Span| {
        let first = text[seg].split_whitespace().next().unwrap_or("");
        first.starts_with(char::is_lowercase) && !matches!(first, "the" | "a" | "an")
    };
    // A name with a lower-case particle ("de Blasio") starts like an apposition but is none.
    // So does a conjunction joining two clauses ("…, and Ms. Alvarez said").
    let starts_with_person = |seg: Span| {
        let seg = seg.trim(text);
        let s = &text[seg];
        let body = s
            .strip_prefix("and ")
            .or_else(|| s.strip_prefix("but "))
            .unwrap_or(s);
        let from = seg.end - body.len();
        heading_persons(seg).any(|e| {
            e.start >= from
                && text[from..e.start]
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        })
    };
    // "As Andrew Fuller, an expert on trade, noted": `as` and a name alone name the speaker.
    let as_person = |seg: Span| {
        let seg = seg.trim(text);
        let s = &text[seg];
        let Some(rest) = s.strip_prefix("As ").or_else(|| s.strip_prefix("as ")) else {
            return false;
        };
        let name = Span::new(seg.end - rest.len(), seg.end).trim(text);
        heading_persons(seg).any(|e| e == name)
    };
    let pick = if is_apposition(&text[last]) && !starts_with_person(last) {
        // The segment just before may be any name-like one; further back only one naming a person.
        segments
            .iter()
            .rev()
            .skip(1)
            .enumerate()
            .find(|&(back, &seg)| {
                (!is_adverbial(&text[seg]) || as_person(seg))
                    && (names_person(seg) && !opens_clause(seg)
                        || back == 0 && !is_apposition(&text[seg]))
            })
            .map(|(_, seg)| *seg)
            // "state Sen. Jason Holsman (D) said": the tag belongs to the person named just before.
            .or_else(|| {
                let prev = *segments.iter().rev().nth(1)?;
                (is_name_tag(text[last].trim()) && names_person(prev)).then_some(prev)
            })
            .unwrap_or(last)
    } else {
        last
    };
    pick.trim(text)
}

/// The persons that head their phrase within `seg` (not `Sanders'` in `Sanders' campaign manager`).
fn heading_persons<'a>(
    text: &'a str,
    entities: &'a [&Claim],
    seg: Span,
) -> impl Iterator<Item = Span> + 'a {
    entities
        .iter()
        .filter(move |e| {
            e.subtype == Subtype::Person
                && seg.contains(e.span)
                && heads_phrase(text, e.span, seg.end)
        })
        .map(|e| e.span)
}

/// Words that open a clause inside a speaker segment: "The issue came up after Mr. Lopez had said",
/// "the meeting was so calm that Mr. Hale was moved to say", "when a young boy shouted".
const CLAUSE_OPENERS: &[&str] = &[
    "that", "after", "before", "when", "because", "while", "since", "until", "once", "if",
    "though", "although", "where", "but", "so", "then",
];

/// Words that make the name after them their object, not a subject: "a spokesman for Mr. Band said",
/// "Mr. Smith and Mr. Band said" (the first name stays the speaker).
const NOT_BEFORE_SUBJECT: &[&str] = &[
    "of", "for", "to", "by", "with", "from", "about", "against", "between", "among", "at", "in",
    "on", "into", "over", "under", "like", "than", "via", "and", "or", "nor", "&",
];

/// Words that may follow the subject before the reporting verb: auxiliaries and adverbs (`had`,
/// `was moved to`, `later`).
fn is_subject_tail(tail: &str) -> bool {
    tail.split_whitespace().count() <= 4
        && tail.split_whitespace().all(|w| {
            is_speaker_tail_word(w)
                && !NOT_BEFORE_SUBJECT.contains(&w)
                && !CLAUSE_OPENERS.contains(&w)
                && !matches!(w, "who" | "whose" | "which")
                || matches!(
                    w,
                    "be" | "been" | "moved" | "prompted" | "compelled" | "forced" | "quick" | "to"
                )
        })
}

/// A personal pronoun in the nominative: a subject wherever it stands (`…, which she said`).
fn is_subject_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "we" | "I" | "He" | "She" | "They" | "We"
    )
}

/// `tail` without a leading place tag (` of Wisconsin`, ` of New York`).
fn skip_place(tail: &str) -> &str {
    let Some(rest) = tail.trim_start().strip_prefix("of ") else {
        return tail;
    };
    let mut end = 0;
    for w in rest.split(' ') {
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        end += w.len() + 1;
    }
    if end == 0 {
        tail
    } else {
        &rest[(end - 1).min(rest.len())..]
    }
}

/// The subject of the reporting verb that follows `seg`, when `seg` is a clause that ends with it: a
/// person after other words ("On Saturday at the convention Sen. Elizabeth Warren", "so calm that
/// Mr. Hale was moved to"), with the titles before the name, or an article and a few lower-case words
/// after a clause opener ("when a young boy"). Otherwise `seg` itself.
fn last_clause_subject(doc: &Analyzed<'_>, seg: Span, entities: &[&Claim]) -> Span {
    let text = doc.text();
    let s = &text[seg];
    // The white-space-separated word that ends before `at` (empty at the segment start).
    let word_before = |at: usize| {
        let end = seg.start + s[..at - seg.start].trim_end().len();
        Span::new(
            seg.start
                + crate::text::trailing_run_start(&text[seg.start..end], |c| !c.is_whitespace()),
            end,
        )
    };
    // The last person whose words up to the verb are only auxiliaries and adverbs, or a place
    // (`Paul D. Ryan of Wisconsin`).
    let person = heading_persons(text, entities, seg)
        .filter(|e| is_subject_tail(skip_place(&text[e.end..seg.end])))
        .last();
    let pronoun = doc
        .tokens_in(seg)
        .iter()
        .rev()
        .map(|t| t.span)
        .find(|w| is_subject_pronoun(&text[*w]) && is_subject_tail(&text[w.end..seg.end]));
    if let Some(p) = pronoun.filter(|p| person.is_none_or(|e| e.start < p.start)) {
        return Span::new(p.start, seg.end);
    }
    if let Some(e) = person {
        // Titles before the name: capitalized words (`Former Rep.`, `New Jersey Gov.`).
        let mut start = e.start;
        while start > seg.start {
            let w = &text[word_before(start)];
            if w.is_empty() || !w.starts_with(char::is_uppercase) || w.ends_with([',', ':', ';']) {
                break;
            }
            start = word_before(start).start;
        }
        if start > seg.start {
            let before = word_before(start);
            let w = &text[before];
            // "…, and Ms. Alvarez said": a conjunction opening the segment joins two clauses.
            let opens = text[seg.start..before.start].trim().is_empty();
            let object = NOT_BEFORE_SUBJECT.contains(&w) && !(opens && matches!(w, "and" | "but"))
                || w.starts_with(char::is_lowercase) && (w.ends_with("ed") || w.ends_with("ing"));
            if !object {
                return Span::new(start, seg.end);
            }
        }
        return seg;
    }
    // "when a young boy": an article and a few lower-case words, no verb among them, after an opener.
    let mut at = s.len();
    while let Some(i) = s[..at].rfind(' ') {
        at = i;
        let word_start = crate::text::trailing_run_start(&s[..i], char::is_alphabetic);
        if word_start == 0 || !CLAUSE_OPENERS.contains(&&s[word_start..i]) {
            continue;
        }
        let clause = Span::new(seg.start + i, seg.end).trim(text);
        let mut words = text[clause].split_whitespace();
        let description = matches!(words.next(), Some("a" | "an" | "the"))
            && (1..=4).contains(&words.clone().count())
            && words.all(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !w.ends_with("ed")
                    && !is_speaker_tail_word(w)
            });
        return if description { clause } else { seg };
    }
    seg
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
        // Read once per article, at its first quotation.
        let newlines = std::cell::OnceCell::new();
        let mut previous: Option<(Span, Option<String>)> = None;
        // Where the last quotation of any kind ended: the lead into the next one starts after it, whatever
        // marks it used (`''…''` included).
        let mut last_end = 0;
        for q in quotes {
            // Quoted attribute values in a markup tag (`<tweet author="@AP">`) are not quotations.
            if within_any(doc.excluded(), q.span) {
                continue;
            }
            let inner = &text[q.inner];
            let words = inner.split_whitespace().count();
            if words == 0 {
                continue;
            }
            let trimmed = inner.trim_end();
            let terminal = trimmed.ends_with(['.', '!', '?', ',', '…', ';', ':']) || q.continues;
            let sentence_like = words >= 4 || terminal && words >= 2;
            let lead_floor = if last_end <= q.span.start {
                last_end
            } else {
                0
            };
            last_end = q.span.end;
            let newlines = *newlines.get_or_init(|| crate::text::sentences::newline_style(text));
            let attribution = attribute(text, doc, q.span, lead_floor, &entities, newlines);
            let title_like = is_title_like(inner);
            let (subtype, speaker, rule) = match attribution {
                Some(a) if !title_like || sentence_like => {
                    let subtype = if sentence_like {
                        Subtype::Direct
                    } else {
                        Subtype::Partial
                    };
                    // A speaker hard-wrapped over two lines is one name (`the senior Nomura\nanalyst`).
                    let speaker = if a.speaker.contains(['\n', '\r', '\t', '\u{a0}']) {
                        a.speaker.split_whitespace().collect::<Vec<_>>().join(" ")
                    } else {
                        a.speaker
                    };
                    (subtype, Some(speaker), a.rule)
                }
                _ => {
                    // Inherit from the quotation just before, when this one continues it.
                    let close_enough = previous.as_ref().is_some_and(|(p, s)| {
                        // A quotation nested in the one before starts before that one ends.
                        s.is_some()
                            && p.end <= q.span.start
                            && q.span.start - p.end < 400
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

/// The reporting verbs in `s`, not those inside a hyphenated word (`so-called`, `self-described`).
fn reporting_verbs(s: &str) -> impl Iterator<Item = regex::Match<'_>> {
    patterns()
        .verb
        .find_iter(s)
        .filter(move |m| !s[..m.start()].ends_with('-') && !s[m.end()..].starts_with('-'))
}

/// Names and titles in quotes ("Green AI Grid", "The Art of the Deal") are not statements.
fn is_title_like(inner: &str) -> bool {
    // American style puts the comma or full stop inside the quotes: “State of the Union,”.
    let inner = inner.trim().trim_end_matches([',', '.', ';', ':']);
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < 2 || words.len() > 8 || inner.ends_with(['!', '?']) {
        return false;
    }
    let small = [
        "of", "the", "and", "for", "a", "an", "in", "on", "to", "at", "by", "&", "is", "or",
        "with", "from",
    ];
    let capitalized = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
        .count();
    words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || small.contains(w))
        && capitalized >= 2
        // A sentence of capitals ("We Will Win") is still a title; but "I" alone does not make one.
        && !words.iter().any(|w| matches!(*w, "I" | "I'm" | "I’m"))
}

/// Finds who a quotation is attributed to.
fn attribute(
    text: &str,
    doc: &Analyzed<'_>,
    quote: Span,
    lead_floor: usize,
    entities: &[&Claim],
    newlines: Newlines,
) -> Option<Attribution> {
    let p = patterns();
    let ahead = crate::text::window_after(text, quote.end, 400);
    let para_end = crate::text::sentences::paragraph_end(text, quote.end, ahead, newlines);
    let after_end = crate::text::floor_char_boundary(text, (quote.end + 200).min(para_end));
    let after = &text[quote.end..after_end];
    let lead_ws = after.len()
        - after
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'))
            .len();
    // After the quotation: ", said X, a governor." or ", X, a governor, said."
    if let Some(v) = reporting_verbs(&after[lead_ws..]).next() {
        let (vs, ve) = (
            quote.end + lead_ws + v.start(),
            quote.end + lead_ws + v.end(),
        );
        let before_verb = &text[quote.end + lead_ws..vs];
        // A line break inside hard-wrapped prose is a space (`," he\nsaid`).
        let clean = |s: &str| {
            !s.contains(['“', '”', '"', ';'])
                && (newlines == Newlines::Wrapped || !s.contains('\n'))
                && sentence_end(s).is_none()
        };
        if before_verb.trim().is_empty() {
            // Verb first: the speaker follows, up to the clause end.
            let rest = &text[ve..after_end];
            let clause = rest
                .find([',', ';', ':', '“', '”', '"', '\n', '('])
                .unwrap_or(rest.len());
            let end = sentence_end(&rest[..clause]).unwrap_or(clause);
            let span = Span::new(ve, ve + end);
            if let Some(speaker) = noun_phrase_speaker(text, span, quote, entities) {
                return Some(Attribution {
                    speaker,
                    rule: "quote.direct.said_after",
                });
            }
        } else if before_verb.len() <= 120 && clean(before_verb) {
            let span = speaker_segment(text, Span::new(quote.end + lead_ws, vs), entities);
            if let Some(speaker) = noun_phrase_speaker(text, span, quote, entities) {
                return Some(Attribution {
                    speaker,
                    rule: "quote.direct.speaker_said_after",
                });
            }
        }
    }
    let w = crate::text::window_before(text, quote.start, 4096);
    // The paragraph: in hard-wrapped wire copy a line break alone does not end one (`an adviser to
    // Maxwell in New\nYork said "…"`).
    let para_start = crate::text::sentences::paragraph_start(text, w, quote.start, newlines);
    let before_start = crate::text::floor_char_boundary(
        text,
        quote
            .start
            .saturating_sub(220)
            .max(para_start)
            .max(lead_floor),
    );
    let before = &text[before_start..quote.start];
    // Only the clause that leads into the quotation: after the last sentence end or closing quote.
    let lead_from = lead_start(before);
    let lead = &before[lead_from..];
    let lead_offset = before_start + lead_from;
    // "Scott Bessent: “…”"
    let trimmed = lead.trim_end();
    if let Some(body) = trimmed.strip_suffix(':') {
        let seg_from = crate::text::after_last(body, |c| matches!(c, ',' | ';'));
        let span = Span::new(lead_offset + seg_from, lead_offset + body.len()).trim(text);
        if entities
            .iter()
            .any(|e| e.span.overlaps(span) && e.subtype == Subtype::Person)
        {
            if let Some(speaker) = speaker_for(text, span, quote, entities, Phrase::Clause) {
                return Some(Attribution {
                    speaker,
                    rule: "quote.direct.colon",
                });
            }
        }
    }
    // Before the quotation: "Bessent said in an interview: “…”", "X told reporters that the council was “…”".
    // The nearest reporting verb first; if its clause names no one ("... but added, “…”"), an earlier
    // verb of the same lead does ("Suu Kyi, 70, said ... but added, “…”").
    let verbs: Vec<regex::Match<'_>> = reporting_verbs(lead).collect();
    for v in verbs.iter().rev() {
        let tail = &lead[v.end()..];
        if tail.len() > 200 || tail.contains(['“', '”', '"']) || sentence_end(tail).is_some() {
            break;
        }
        // The lead runs back to the sentence start: its last clause may hold the subject.
        let segment = speaker_segment(
            text,
            Span::new(lead_offset, lead_offset + v.start()),
            entities,
        );
        let span = last_clause_subject(doc, segment, entities);
        if let Some(speaker) = noun_phrase_speaker(text, span, quote, entities) {
            return Some(Attribution {
                speaker,
                rule: "quote.direct.said_before",
            });
        }
    }
    // "according to X" anywhere in the sentence.
    let sentence = doc.sentence_around(quote);
    if let Some(c) = p.according.captures(&text[sentence]) {
        let s = c.name("s")?;
        let span = Span::new(sentence.start + s.start(), sentence.start + s.end());
        if !span.overlaps(quote) {
            if let Some(speaker) = noun_phrase_speaker(text, span, quote, entities) {
                return Some(Attribution {
                    speaker,
                    rule: "quote.direct.according_to",
                });
            }
        }
    }
    // A paragraph that is all quotation, introduced by the paragraph before: "As X reported:".
    if text[para_start..quote.start].trim().is_empty() && para_start > 1 {
        let prev_para_end = text[..para_start].trim_end().len();
        if text[..prev_para_end].ends_with(':') {
            let from = crate::text::floor_char_boundary(text, prev_para_end.saturating_sub(220));
            let intro = &text[from..prev_para_end - 1];
            let intro_from = crate::text::after_last(intro, |c| matches!(c, '.' | '!' | '?'));
            let intro_span = Span::new(from + intro_from, prev_para_end - 1);
            if let Some(speaker) = speaker_for(text, intro_span, quote, entities, Phrase::Clause) {
                return Some(Attribution {
                    speaker,
                    rule: "quote.direct.introduced",
                });
            }
        }
    }
    // A dash line after the quoted paragraph: "“…”\n\n- Sanders."
    let next_para = text[para_end..].trim_start();
    if let Some(rest) = next_para.strip_prefix(['-', '—', '–']) {
        let body = rest.trim_start();
        let offset = text.len() - body.len();
        let line = body
            .lines()
            .next()
            .unwrap_or("")
            .trim_end()
            .trim_end_matches('.');
        if !line.is_empty() && line.split_whitespace().count() <= 5 {
            let span = Span::new(offset, offset + line.len());
            if let Some(speaker) = speaker_for(text, span, quote, entities, Phrase::NounPhrase) {
                return Some(Attribution {
                    speaker,
                    rule: "quote.direct.dash_line",
                });
            }
        }
    }
    None
}

/// Cuts a captured attribution phrase at the words that end a speaker ("in a statement", "who said").
fn phrase_span(text: &str, span: Span) -> Span {
    let s = &text[span];
    let mut end = s.len();
    for stop in [
        " in ",
        " on ",
        " at ",
        " during ",
        " after ",
        " before ",
        " who ",
        " which ",
        " when ",
        " to ",
        " about ",
        " as ",
        " while ",
        " adding",
        " told ",
        " said ",
        " says ",
        " wrote ",
        " that ",
        " this ",
        " last ",
        " earlier ",
        " later ",
        " recently ",
        " yesterday",
        " today",
        " via ",
        " through ",
        " with ",
        " and ",
    ] {
        if let Some(i) = s.find(stop) {
            end = end.min(i);
        }
    }
    Span::new(span.start, span.start + s[..end].trim_end().len()).trim(text)
}

/// The speaker named by the words at `span` before or after a reporting verb, cut where a speaker ends
/// ([`phrase_span`]).
fn noun_phrase_speaker(text: &str, span: Span, quote: Span, entities: &[&Claim]) -> Option<String> {
    speaker_for(
        text,
        phrase_span(text, span),
        quote,
        entities,
        Phrase::NounPhrase,
    )
}

/// What an attribution span holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phrase {
    /// The speaker's words alone, cut before the reporting verb (`one Trump confidant`): a name in it
    /// must head it to be the speaker.
    NounPhrase,
    /// A whole clause leading into the quotation (`Cruz continued on Facebook:`): the words after a name
    /// are its verb and objects.
    Clause,
}

/// The canonical speaker named in the phrase at `span`: its last person entity, else its last
/// organization; a pronoun or "the company" resolves to the nearest fitting entity before the quotation;
/// otherwise the phrase itself, if it is short enough to be a name or a description.
fn speaker_for(
    text: &str,
    span: Span,
    quote: Span,
    entities: &[&Claim],
    phrase: Phrase,
) -> Option<String> {
    if span.is_empty() {
        return None;
    }
    let inside: Vec<&&Claim> = entities
        .iter()
        .filter(|e| {
            span.contains(e.span)
                && (phrase == Phrase::Clause || heads_phrase(text, e.span, span.end))
        })
        .collect();
    let modified = entities.iter().any(|e| span.contains(e.span));
    // "Paul Dergarabedian of box office tracker Exhibitor Relations": the person a place or an employer
    // qualifies comes first.
    let qualified = inside
        .iter()
        .find(|e| e.subtype == Subtype::Person && text[e.span.end..span.end].starts_with(" of "));
    let pick = qualified
        .or_else(|| inside.iter().rev().find(|e| e.subtype == Subtype::Person))
        .or_else(|| {
            inside
                .iter()
                .rev()
                .find(|e| e.subtype == Subtype::Organization)
        });
    if let Some(e) = pick {
        return Some(e.value.clone().unwrap_or_else(|| text[e.span].to_string()));
    }
    let mut words = text[span].trim();
    // "But a UKIP spokesman", "Meanwhile the minister's mother": the linking word is no part of it.
    for link in [
        "But ",
        "And ",
        "Yet ",
        "So ",
        "Meanwhile ",
        "However ",
        "Still ",
        "Also ",
    ] {
        if let Some(rest) = words.strip_prefix(link) {
            words = rest.trim_start();
            break;
        }
    }
    // "He also", "The prime minister would later", "US officials have": the speaker ends before the
    // first adverb or auxiliary that leads to the verb, a few words before it (more make a clause:
    // "All the parties have been promising …").
    let phrase = words;
    let after = |i: usize| phrase[i + 1..].split_whitespace();
    let mut aux = None;
    if let Some(i) = phrase
        .match_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| after(i).next().is_some_and(is_adverb_or_auxiliary))
        .filter(|&i| after(i).count() <= 3)
    {
        aux = after(i).next();
        words = &phrase[..i];
    }
    let lower = words.to_lowercase();
    // "It was agreed that …", "It is called …", "There was little …": the word stands for no one.
    if matches!(lower.as_str(), "it" | "there") && matches!(aux, Some("is" | "was" | "has" | "had"))
    {
        return None;
    }
    let n_words = words.split_whitespace().count();
    if n_words == 0 || n_words > 8 {
        return None;
    }
    let last = lower.split_whitespace().last().unwrap_or("");
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
        "newspaper",
        "paper",
        "network",
        "station",
        "website",
    ];
    let want = match lower.as_str() {
        "he" | "she" | "i" | "we" => Some(Subtype::Person),
        "it" => Some(Subtype::Organization),
        "they" => None,
        // "the Trump campaign" names its own organization; "the company" points back to one.
        _ if (lower.starts_with("the ") || lower.starts_with("its "))
            && org_words.contains(&last)
            && !modified =>
        {
            Some(Subtype::Organization)
        }
        _ => {
            // A description ("one former campaign staffer") or a name the entity extractor missed.
            let looks_like_speaker = words.starts_with(char::is_uppercase)
                || [
                    "the ", "a ", "an ", "one ", "another ", "two ", "three ", "some ", "many ",
                ]
                .iter()
                .any(|d| lower.starts_with(d));
            // A name inside it makes a description only when it is short ("a Sony representative");
            // a longer run around a name is a clause ("The film shows Mr Howard laughing").
            let short = !modified || n_words <= 5;
            return (looks_like_speaker && short).then(|| strip_title(words).to_string());
        }
    };
    let anchor = quote.start.min(span.start);
    let nearest = entities
        .iter()
        .rev()
        .filter(|e| e.span.end <= anchor)
        .find(|e| want.is_none_or(|w| e.subtype == w));
    Some(match nearest {
        Some(e) => e.value.clone().unwrap_or_else(|| text[e.span].to_string()),
        None => words.to_string(),
    })
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
