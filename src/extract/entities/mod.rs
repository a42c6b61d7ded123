//! Entities (kind `entity`, subtype person | organization | location | misc): who and what an article
//! names, typed, with one canonical name per entity per article in `value`.
//!
//! Candidates are runs of capitalized tokens (with name particles: `von der`, `bin`, `al-`, `&`, `of` after
//! an organization or place head word) and gazetteer hits; where they overlap the longer wins. Titles
//! (`President`, `chief executive`) are cut off and make a person; possessives stay out of the span.
//! Types come, in order, from the gazetteers, cue head words (`Corp`, `University`, `River`), titles, given
//! names, acronyms and context; short later mentions resolve to the full name (`Lagarde` ->
//! `Christine Lagarde`). Sentence-initial words, months, weekdays and headline capitalization are not
//! entities unless a vocabulary or another mention vouches for them.

mod gazetteer;
mod sport;

use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use gazetteer::{gazetteer, Gazetteer};

use super::numbers::is_number_word;
use super::Extractor;
use crate::claim::{Claim, ClaimKind, Subtype};
use crate::extract::quotes::marks::is_opening_context;
use crate::span::{Offsets, Span};
use crate::text::{last_word, Analyzed, Token, TokenKind};

/// Lower-case particles inside names: `Ursula von der Leyen`, `Mohammed bin Salman`.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "des", "la", "le", "bin",
    "bint", "ibn", "al", "el", "y", "ter", "ten", "dos", "das", "do", "zu",
];

/// Capitalized words that are not names on their own (sentence openers, pronouns, function words); month
/// names are checked with the calendar helpers instead (`is_not_name`).
const NOT_NAMES: &[&str] = &[
    "I",
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "Where",
    "What",
    "Why",
    "How",
    "Who",
    "Whom",
    "Which",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "By",
    "As",
    "After",
    "Before",
    "Since",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Still",
    "Also",
    "Last",
    "Next",
    "Some",
    "Many",
    "Most",
    "Such",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
    "All",
    "No",
    "Not",
    "Nor",
    "According",
    "Despite",
    "During",
    "Under",
    "Over",
    "About",
    "Among",
    "Between",
    "Into",
    "Than",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Yes",
    "Oh",
    "OK",
    "Okay",
    "Please",
    "Thanks",
    "Thank",
    "Well",
    "Even",
    "Just",
    "Only",
    "Once",
    "Instead",
    "Later",
    "Earlier",
    "Further",
    "Furthermore",
    "Moreover",
    "Because",
    "Unless",
    "Until",
    "Whether",
    "Another",
    "Several",
    "Few",
    "More",
    "Less",
    "Much",
    "Very",
    "Almost",
    "Nearly",
    "Around",
    "Up",
    "Down",
    "Out",
    "Off",
    "Per",
    "Via",
    "Like",
    "Unlike",
    "Within",
    "Without",
    "Against",
    "Through",
    "Toward",
    "Towards",
    "Upon",
    "Across",
    "Behind",
    "Beyond",
    "Near",
    "Let",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Been",
    "Have",
    "Has",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "Can",
    "Must",
    "Might",
    "Shall",
    "Said",
    "Says",
    "Asked",
    "Told",
    "Photo",
    "Image",
    "Video",
    "Watch",
    "Read",
    "See",
    "Click",
    "Share",
    "Advertisement",
    "Updated",
    "Published",
    "Posted",
    "Reporting",
    "Editing",
    "Writing",
    "Additional",
    "Copyright",
    "Figure",
    "Table",
    "Chapter",
    "Section",
    "Part",
    "Page",
    "Note",
    "Notes",
    // Labels before a colon in wire copy: `NOTE: ...`, `UPDATE: ...`.
    "NOTE",
    "NOTES",
    "UPDATE",
    "CORRECTION",
    "Source",
    "Sources",
    "Q",
    "A.",
    "EST",
    "GMT",
    "UTC",
    "AM",
    "PM",
    "CEO",
    "CFO",
    "COO",
    "CTO",
    "TV",
    "GDP",
    "AI",
    "IT",
    "PR",
    "VAT",
    "PC",
    "ID",
    "UK-based",
    "US-based",
];

/// Everyday abbreviations of economics, trade and technology: common nouns, so never a name on their own
/// (`GNP rose`, `a DVD`). Unlike [`NOT_NAMES`] they do not trim a longer name (`CPI Corp`, `LNG Canada`).
const COMMON_ABBREVIATIONS: &[&str] = &[
    "GNP", "GNI", "CPI", "PPI", "PMI", "IPO", "ETF", "EPS", "FOB", "LNG", "LPG", "SUV", "ATM",
    "DVD", "MP3", "LCD", "USB", "PDF", "URL", "CPU", "GPU", "HR", "VIP", "FAQ", "DIY",
];

/// Hyphen suffixes that make the first part a place or organization (`Denver-based`, `U.S.-led`).
const HYPHEN_SUFFIXES: &[(&str, Option<Subtype>)] = &[
    ("-based", Some(Subtype::Location)),
    ("-born", Some(Subtype::Location)),
    ("-led", None),
    ("-owned", None),
    ("-backed", None),
    ("-listed", None),
    ("-run", None),
    ("-funded", None),
    ("-made", Some(Subtype::Location)),
    ("-style", None),
    ("-like", None),
    ("-esque", None),
];

/// Lower-case words that, right before a name, make it a person ("chief executive Lena Fischer").
const LOWER_TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "executive",
    "officer",
    "director",
    "governor",
    "mayor",
    "senator",
    "judge",
    "justice",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "economist",
    "analyst",
    "professor",
    "chancellor",
    "ambassador",
    "commissioner",
    "leader",
    "founder",
    "co-founder",
    "councillor",
    "councilor",
    "manager",
    "coach",
    "adviser",
    "advisor",
    "correspondent",
    "reporter",
    "editor",
    "author",
    "actor",
    "actress",
    "singer",
    "lawyer",
    "attorney",
    "general",
    "admiral",
    "colonel",
    "captain",
    "chief",
    "deputy",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rapper",
    "comedian",
    "artist",
    "writer",
    "novelist",
    "poet",
    "playwright",
    "composer",
    "musician",
    "painter",
    "photographer",
    "magician",
    "designer",
    "scientist",
    "physicist",
    "philosopher",
    "historian",
    "activist",
    "journalist",
    "filmmaker",
    "striker",
    "player",
    "star",
    "head",
    "boss",
    "strategist",
    "pollster",
    "investor",
    "financier",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "tycoon",
    "billionaire",
    "researcher",
    "consultant",
    "lawmaker",
    "legislator",
    "congressman",
    "congresswoman",
    "politician",
    "diplomat",
    "envoy",
    "negotiator",
    "prosecutor",
    "detective",
    "inspector",
    "sheriff",
    "sergeant",
    "lieutenant",
    "astronaut",
    "engineer",
    "architect",
    "surgeon",
    "physician",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "priest",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "pastor",
    "pianist",
    "guitarist",
    "violinist",
    "drummer",
    "dancer",
    "golfer",
    "boxer",
    "goalkeeper",
    "midfielder",
    "defender",
    "quarterback",
    "candidate",
    "nominee",
    "rival",
    "opponent",
    "colleague",
    "wife",
    "husband",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
];

/// A candidate name before typing.
#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    /// Type known from a vocabulary or cue, if any.
    subtype: Option<Subtype>,
    rule: &'static str,
    /// A title came before or inside the run.
    titled: bool,
    /// Number of word tokens.
    words: usize,
    /// Starts its sentence.
    sentence_initial: bool,
    /// Sits in a headline-capitalized line.
    in_headline: bool,
    /// The canonical name when the text abbreviates it (`Calif.` for California).
    canonical: Option<&'static str>,
}

/// The entity extractor.
#[derive(Debug, Default)]
pub struct EntityExtractor {
    _private: (),
}

impl EntityExtractor {
    /// Builds the extractor (vocabularies are compiled once per process).
    pub fn new() -> EntityExtractor {
        gazetteer();
        EntityExtractor { _private: () }
    }
}

fn is_capitalized(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        // iPod, iTunes, eBay: a lower-case letter, then a capital.
        Some(c) if c.is_lowercase() && chars.clone().next().is_some_and(char::is_uppercase) => true,
        // al-Assad, el-Sisi, d'Estaing
        Some('a' | 'e' | 'd') => {
            // The first letter is lower case already; compare the rest in place, no lower-case copy.
            ["al-", "el-", "d'", "d’"]
                .iter()
                .any(|p| crate::text::strip_prefix_ci(s, p).is_some())
                && s.chars()
                    .find(|c| c.is_alphabetic() && !matches!(c, 'a' | 'l' | 'e' | 'd'))
                    .is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The possessive ending of a token (`’s`, `'s`, trailing `’`), in bytes.
fn possessive_len(s: &str) -> usize {
    for suffix in ["’s", "'s", "’S", "'S"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            return suffix.len();
        }
    }
    // A bare apostrophe after a plural or a name in s: `Sanders’`, `Sanders'`.
    match s.chars().next_back() {
        Some(mark @ ('’' | '\'')) => {
            let stem = &s[..s.len() - mark.len_utf8()];
            if stem.len() > 1 && stem.ends_with(['s', 'S']) {
                mark.len_utf8()
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// True for a line that opens with a dateline and goes on into the story, as hard-wrapped wire copy does
/// (`Greensboro, N.C., June 1 - U.S. District Court Judge Eugene`): capitalized words there are names, not
/// headline case.
fn opens_story(line: &str) -> bool {
    [" - ", " — ", " – ", " -- "].iter().any(|dash| {
        line.find(dash).is_some_and(|at| {
            at <= 60 && line[..at].contains(',') && !line[at + dash.len()..].trim().is_empty()
        })
    })
}

/// The headline lines of `text`, in order: most of their longer words capitalized (a title-case headline
/// that does not end like a sentence), or most of their words all caps (a wire headline, a table).
fn headline_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if is_headline_line(line) {
            out.push(Span::new(start, end));
        }
        start = end;
    }
    out
}

/// A char's class as [`is_headline_line`] reads it: bits of whitespace, uppercase, letter, and letter
/// that is not uppercase.
const SPACE: u8 = 1;
const UPPER: u8 = 2;
const LETTER: u8 = 4;
const LOWER: u8 = 8;

fn char_class(c: char) -> u8 {
    let mut class = 0;
    if c.is_whitespace() {
        class |= SPACE;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    if c.is_alphabetic() {
        class |= if c.is_uppercase() {
            LETTER
        } else {
            LETTER | LOWER
        };
    }
    class
}

/// [`char_class`] of every ASCII byte.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else if c.is_ascii_uppercase() {
            UPPER | LETTER
        } else if c.is_ascii_lowercase() {
            LETTER | LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The class of the char at byte `i` of `s` (a char boundary) and its length in bytes.
#[inline(always)]
fn class_at(s: &str, i: usize) -> (u8, usize) {
    match s.as_bytes()[i] {
        b if b.is_ascii() => (ASCII_CLASS[usize::from(b)], 1),
        _ => class_of_non_ascii(&s[i..]),
    }
}

#[cold]
fn class_of_non_ascii(rest: &str) -> (u8, usize) {
    rest.chars()
        .next()
        .map_or((SPACE, 1), |c| (char_class(c), c.len_utf8()))
}

/// Whether `line` (one line of a text, with or without its line break) is a headline, as
/// [`headline_lines`] reads them: its capitals mark the case of the line, not names.
pub(crate) fn is_headline_line(line: &str) -> bool {
    // Words of more than three chars with a letter: how many, how many capitalized, how many all caps.
    let (mut long, mut caps, mut all_caps) = (0, 0, 0);
    // Words with two letters or more, and how many of them are all caps: wire headlines and tables
    // shout in short words too (`GTE CORP 1ST QTR SHR 78 CTS VS 86 CTS`, `WHEAT MAY7 286 3/4 UP 1/2`).
    let (mut lettered, mut shouted) = (0, 0);
    // One pass over the line's chars, word by word (ASCII read byte by byte, classed by a table).
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (mut class, mut len) = class_at(line, i);
        if class & SPACE != 0 {
            i += len;
            continue;
        }
        // A word: its chars, its letters, whether it starts with a capital and whether one of its
        // letters is not one (what `is_all_caps` reads).
        let capital = class & UPPER != 0;
        let (mut chars, mut letters, mut seen) = (0usize, 0usize, 0u8);
        loop {
            chars += 1;
            letters += usize::from(class & LETTER != 0);
            seen |= class;
            i += len;
            if i >= bytes.len() {
                break;
            }
            (class, len) = class_at(line, i);
            if class & SPACE != 0 {
                break;
            }
        }
        // Only a word of two letters or more can shout.
        let shouts = usize::from(letters >= 2 && seen & LOWER == 0);
        if letters >= 2 {
            lettered += 1;
            shouted += shouts;
        }
        if chars > 3 && letters > 0 {
            long += 1;
            caps += usize::from(capital);
            all_caps += shouts;
        }
    }
    let ends_like_sentence = line.trim_end().ends_with(['.', '"', '”']);
    let headline = long >= 3
        && ((caps * 10 >= long * 7 && !ends_like_sentence && !opens_story(line))
            || all_caps * 10 >= long * 7);
    headline || (lettered >= 1 && shouted * 10 >= lettered * 7)
}

impl Extractor for EntityExtractor {
    fn kind(&self) -> ClaimKind {
        ClaimKind::Entity
    }

    fn extract(&self, doc: &Analyzed<'_>, found: &[Claim], out: &mut Vec<Claim>) {
        let text = doc.text();
        let g = gazetteer();
        let dates: Vec<Span> = found
            .iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .map(|c| c.span)
            .collect();
        let mut money: Vec<Span> = found
            .iter()
            .filter(|c| is_money(c))
            .map(|c| c.span)
            .collect();
        money.sort();
        let headlines = headline_lines(text);
        // Headline lines are sorted and disjoint: the only one that can hold `s` is the first ending after its
        // start.
        let headline_at = |at: usize| {
            let i = headlines.partition_point(|h| h.end <= at);
            headlines.get(i).filter(|h| h.start <= at)
        };
        // A run may go on over a line break. Hard-wrapped lines full of names look like headlines, so a run
        // over several lines is in a headline only when it shouts: `SHR 31 CTS\nOATS\nMAY7`.
        let in_headline = |s: Span| match headline_at(s.start) {
            Some(h) if h.contains(s) => true,
            Some(_) => headline_at(s.end - 1).is_some() && is_all_caps(&text[s]),
            None => false,
        };
        let mut sentence_starts = Offsets::new(text.len());
        sentence_starts.extend(doc.sentences.iter().map(|s| s.start));
        let mut line_starts = Offsets::new(text.len());
        line_starts.extend(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)));
        let dateline_places = datelines(doc, &line_starts);
        // The story starts after the dateline's dash: "SALVADOR, Feb 26 - Showers continued".
        for d in &dateline_places {
            if let Some(start) = story_start(doc, d.span.end) {
                sentence_starts.insert(start);
            }
        }

        // A quotation starts a sentence of its own: `commented, "Hoping that` capitalizes `Hoping`.
        sentence_starts.extend(quotation_starts(doc));
        sentence_starts.extend(colon_starts(doc));
        sentence_starts.extend(legal_form_starts(doc));

        let mut cands = runs(doc, g, &sentence_starts, &in_headline, &money);
        cands.extend(gazetteer_hits(text, g, &sentence_starts, &in_headline));
        cands.extend(dateline_places);
        cands.extend(defined_names(doc, g));
        // Nor is a sum's currency a name found another way (a wire headline's `1.70\nDLRS, 2.80` reads as
        // a dateline), unless the vocabulary knows it.
        cands
            .retain(|c| c.rule == "entity.gazetteer" || !crate::span::overlaps_any(&money, c.span));
        // Longest first; on equal spans, the one whose type is known (a dateline, a vocabulary hit).
        cands.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(a.span.start.cmp(&b.span.start))
                .then(b.subtype.is_some().cmp(&a.subtype.is_some()))
        });
        // A date is never an entity, nor is anything in a URL, an address or a markup tag.
        let mut taken = crate::span::SpanSet::new();
        for d in dates.iter().chain(doc.excluded()) {
            taken.insert(*d);
        }
        let mut kept: Vec<Mention> = Vec::new();
        for c in cands {
            if taken.insert(c.span) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|m| m.span.start);

        // Evidence from the whole article: names seen capitalized mid-sentence, and lower-case words. The
        // second is asked about a few words per article at most, so it is a scan, not a set of every word.
        let mut mid_sentence: HashSet<&str> = HashSet::new();
        for t in &doc.tokens {
            let s = t.text(text);
            if t.kind == TokenKind::Word
                && !s.starts_with(char::is_lowercase)
                && !sentence_starts.contains(t.span.start)
                && !in_headline(t.span)
            {
                mid_sentence.insert(s);
            }
        }
        let written_lower = |word: &str| {
            let lower = word.to_lowercase();
            lower.starts_with(char::is_lowercase)
                && doc
                    .tokens
                    .iter()
                    .any(|t| t.kind == TokenKind::Word && t.text(text) == lower)
        };
        let body_names: HashSet<&str> = kept
            .iter()
            .filter(|m| !m.in_headline)
            .map(|m| &text[m.span])
            .collect();
        let words_of_longer_names: HashSet<&str> = kept
            .iter()
            .filter(|m| m.words >= 2 && !m.in_headline)
            .flat_map(|m| text[m.span].split_whitespace())
            .collect();

        let mut typed: Vec<(Mention, Subtype)> = Vec::new();
        for m in kept {
            let name = &text[m.span];
            let known = m.subtype.is_some();
            // In a headline only a vocabulary hit vouches for a name (cue words are capitalized there anyway).
            let vocabulary = matches!(m.rule, "entity.gazetteer" | "entity.location.dateline");
            if m.in_headline && !vocabulary && !body_names.contains(name) {
                continue;
            }
            if m.sentence_initial && m.words == 1 && !known && !m.titled {
                let first = name.split_whitespace().next().unwrap_or(name);
                // "Harwick, N.C., June 2 -": a town named with its state.
                let state_after = text[m.span.end..]
                    .strip_prefix(", ")
                    .and_then(|rest| rest.split([',', ' ', '\n']).next())
                    .is_some_and(|w| is_state_abbreviation(w, g));
                let vouched = mid_sentence.contains(first)
                    || state_after
                    || g.given.contains(first)
                    || is_all_caps(first)
                    || words_of_longer_names.contains(first);
                if !vouched || written_lower(first) {
                    continue;
                }
            }
            // A lone number word names no one: `Seven of the plants`, the `Four` of an unjoined `Gang of
            // Four`. A known name stays (`Seven` on a list of places would be vouched for by the list).
            if m.words == 1 && !known && is_number_word(name) {
                continue;
            }
            if is_code_suffix(text, m.span) {
                continue;
            }
            let mut m = m;
            // "Existing Argo shareholders", "Affected Rexnord workers": a participle or adverb capitalized
            // only because it opens the sentence, before a name of one word. Only words of those shapes:
            // many everyday words are names too ("Hazel Gilbert", "Jay Naidoo", "Credit Agricole"). A known
            // given name or surname stays, as does a word the article capitalizes elsewhere.
            if m.sentence_initial && m.words == 2 && !known && !m.titled {
                if let Some((first, rest)) = name.split_once(' ') {
                    let everyday = g.is_common_word(first)
                        && ["ing", "ed", "ly"].iter().any(|s| first.ends_with(s))
                        && !mid_sentence.contains(first)
                        && !g.is_common_word(rest)
                        && looks_like_name_word(rest);
                    if everyday {
                        m.span.start = m.span.end - rest.len();
                        m.words = 1;
                        m.sentence_initial = false;
                        if let Some(&t) = g.by_name.get(rest) {
                            m.subtype = Some(t);
                            m.rule = "entity.gazetteer";
                        }
                    }
                }
            }
            if let Some(full) = region_after_place(text, m.span, g) {
                m.rule = "entity.location.abbreviation";
                m.subtype = Some(Subtype::Location);
                m.canonical = Some(full);
                typed.push((m, Subtype::Location));
                continue;
            }
            if let Some(end) =
                model_number_after(text, m.span).filter(|_| m.subtype != Some(Subtype::Location))
            {
                m.span.end = end;
                m.subtype = Some(Subtype::Misc);
                m.rule = "entity.misc.model";
            }
            // What the text says the name is beats a vocabulary's guess: "the band Kansas".
            if !m.titled && (m.subtype.is_none() || m.rule == "entity.gazetteer") {
                if let Some(t) = stated_kind(text, m.span) {
                    m.subtype = Some(t);
                    m.rule = kind_rule(t);
                }
            }
            if let Some(subtype) = type_of(&m, text, g) {
                typed.push((m, subtype));
            }
        }
        // A name whose kind the text states once keeps it in the rest of the article.
        let stated: HashMap<&str, Subtype> = typed
            .iter()
            .filter(|(m, t)| m.rule == kind_rule(*t))
            .map(|(m, t)| (&text[m.span], *t))
            .collect();
        if !stated.is_empty() {
            for (m, t) in &mut typed {
                if let Some(&k) = stated.get(&text[m.span]) {
                    if m.subtype.is_none() && !m.titled {
                        *t = k;
                        m.rule = coref_rule(k);
                    }
                }
            }
        }
        // The match-report test scans the whole article: only when a country could be a team.
        let country = |m: &Mention, t: Subtype| {
            t == Subtype::Location
                && m.rule == "entity.gazetteer"
                && g.countries.contains(&text[m.span])
        };
        if typed.iter().any(|(m, t)| country(m, *t)) {
            // Names that are not places end where the town of "Sochi, Russia" would ("the World Cup,
            // Sweden defeated", "Hernan Dario Gomez, Panama coach").
            let not_places: HashSet<usize> = typed
                .iter()
                .filter(|(_, t)| *t != Subtype::Location)
                .map(|(m, _)| m.span.end)
                .collect();
            let plays =
                |m: &Mention, t: Subtype| country(m, t) && !placed(text, m.span, g, &not_places);
            if typed.iter().any(|(m, t)| plays(m, *t)) && sport::is_match_report(text) {
                for (m, t) in &mut typed {
                    if plays(m, *t) {
                        *t = Subtype::Organization;
                        m.rule = "entity.organization.team";
                    }
                }
            }
        }
        resolve(text, typed, out);
    }
}

/// Legal forms of companies: they end a name.
const LEGAL_FORMS: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "LLC", "LLP", "LP", "Plc", "PLC", "plc", "AG", "GmbH", "SA",
    "NV", "SpA", "AB", "ASA", "Bhd", "Pty",
];

/// Lower-case words a title keeps small, besides name particles: `"Scarne on Card Tricks"` is a title,
/// not a sentence.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "at", "by", "with", "from",
];

/// Where the first word of each quoted sentence starts: a word right after an opening quote mark (placed
/// where the quote finder would open a quotation), or after an editor's bracket inside
/// it (`"[Ten] years`). A quotation that is only a name or a title (`the 787 "Dreamliner"`, `"Scarne on
/// Card Tricks"`) has no ordinary lower-case word before its closing mark (or in its first 12 words, when
/// the mark is missing) and is not a sentence.
fn quotation_starts<'d>(doc: &'d Analyzed<'_>) -> impl Iterator<Item = usize> + 'd {
    let text: &str = &doc.doc.text;
    let toks = &doc.tokens;
    toks.iter().enumerate().filter_map(move |(i, q)| {
        if q.kind != TokenKind::Punct || !matches!(q.text(text), "\"" | "“" | "‘" | "'") {
            return None;
        }
        let opens = is_opening_context(text[..q.span.start].chars().next_back());
        let mut next = toks.get(i + 1)?;
        let mut at = q.span.end;
        if next.text(text) == "[" && next.span.start == at {
            at = next.span.end;
            next = toks.get(i + 2)?;
        }
        if !opens || next.span.start != at || next.kind != TokenKind::Word {
            return None;
        }
        let first = i + if at == q.span.end { 1 } else { 2 };
        let sentence = reads_as_clause(
            toks[first + 1..]
                .iter()
                .take_while(|t| !matches!(t.text(text), "\"" | "”" | "’" | "'"))
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(text)),
        );
        sentence.then_some(next.span.start)
    })
}

/// Where a clause starts after a colon: `NOTE: Excludes gains`, `The verdict: Guilty on all counts`. A
/// list of names after a colon (`Subs not used: Kezman, Cudicini.`) has no ordinary lower-case word
/// before the sentence ends and starts nothing.
fn colon_starts<'d>(doc: &'d Analyzed<'_>) -> impl Iterator<Item = usize> + 'd {
    let text: &str = &doc.doc.text;
    let toks = &doc.tokens;
    toks.iter().enumerate().filter_map(move |(i, colon)| {
        if colon.kind != TokenKind::Punct || colon.text(text) != ":" {
            return None;
        }
        let next = toks.get(i + 1)?;
        let gap = text.get(colon.span.end..next.span.start)?;
        if next.kind != TokenKind::Word || gap != " " || !is_capitalized(next.text(text)) {
            return None;
        }
        reads_as_clause(
            toks[i + 2..]
                .iter()
                .take_while(|t| !matches!(t.text(text), "." | ";" | ":" | "!" | "?"))
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(text)),
        )
        .then_some(next.span.start)
    })
}

/// Words that open a sentence to qualify the role or the rival named next, and are no part of a name:
/// "Former WorldCom chief executive", "Rival Airbus", "Veteran Labour MP".
const NAME_MODIFIERS: &[&str] = &[
    "Former", "Ex", "Rival", "Fellow", "Veteran", "Senior", "Then", "Longtime", "Onetime",
];

/// Where a sentence starts after a company's legal form and its period (`acquired Belkin Inc. Terms were
/// not disclosed`): the sentence splitter keeps `Apple Inc. Chief Executive Tim Cook` together, but a
/// run of names ends at the period ("Toyota Motor Co. Ltd." goes on), so the next capitalized word may be
/// an ordinary word capitalized to start a sentence.
fn legal_form_starts<'d>(doc: &'d Analyzed<'_>) -> impl Iterator<Item = usize> + 'd {
    let text: &str = &doc.doc.text;
    let toks = &doc.tokens;
    toks.windows(3).filter_map(move |w| {
        let [form, period, next] = w else {
            return None;
        };
        let gap = text.get(period.span.end..next.span.start)?;
        (LEGAL_FORMS.contains(&form.text(text))
            && period.text(text) == "."
            && period.span.start == form.span.end
            && next.kind == TokenKind::Word
            && matches!(gap, " " | "  " | "\n")
            && is_capitalized(next.text(text))
            && !LEGAL_FORMS.contains(&next.text(text)))
        .then_some(next.span.start)
    })
}

/// True when one of the first 12 words is an ordinary lower-case word (not a small word a title keeps
/// lower case): the words read as a sentence, not as a name or a title.
fn reads_as_clause<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    words.take(12).any(|w| {
        w.starts_with(char::is_lowercase)
            && !TITLE_SMALL_WORDS.contains(&w)
            && !PARTICLES.contains(&w)
    })
}

/// A product or model code: letters and digits mixed in one word (`A380`, `IE6`, `F-35`, `7e7`).
fn is_model_code(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
}

/// "Boeing 747", "Windows 11": a model number right after a name; returns where it ends.
fn model_number_after(text: &str, span: Span) -> Option<usize> {
    let after = text[span.end..].strip_prefix(' ')?;
    let len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(after.len());
    let code = &after[..len];
    let digits = code.chars().filter(char::is_ascii_digit).count();
    let ok = digits > 0
        && code.len() <= 8
        && !code.ends_with('-')
        && (code.len() <= 4 || is_model_code(code));
    let next = after[len..].chars().next();
    (ok && next.is_none_or(|c| {
        !c.is_alphanumeric() && c != ',' && c != '.'
            || c == '.' && after[len + 1..].starts_with(' ')
    }))
    .then_some(span.end + 1 + len)
}

/// Reporting verbs that make a lone capitalized word before or after them a speaker.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "argued",
    "argues",
    "explained",
    "insisted",
    "warned",
    "claimed",
    "replied",
    "recalled",
    "noted",
    "asked",
    "believes",
    "thinks",
    "announced",
];

/// Words right before a single-word name that make it a place ("in Herat", "across Bhubaneshwar").
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "across",
    "outside",
    "throughout",
    "around",
    "to",
    "towards",
    "into",
    "from",
];

/// Words that name a part of a known place before it: "Western Australia", "State of Texas".
const REGION_WORDS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "State",
    "Province",
    "of",
];

/// The type a lone unknown name's own context gives it: a place after "in" / "from", a product after "the",
/// a person when it speaks.
/// Cue words that are also common surnames (`Charlotte Church`, `Jerry Hall`).
const SURNAME_CUES: &[&str] = &[
    "Hall", "Church", "Temple", "Lane", "Park", "Castle", "Tower", "Bridge", "Field", "Street",
    "Banks", "Hill", "Hills", "Springs", "Ford", "Court", "Bay", "Garden", "Forest",
];

/// Capitalized words before the name of a storm, an operation, a ship or a spacecraft: `Hurricane Katrina`,
/// `Operation Desert Storm`, `USS Enterprise`, `Space Shuttle Columbia`. Later in the article the bare name
/// (`Katrina`, `Columbia`) is the same thing.
const CRAFT_PREFIXES: &[&str] = &[
    "Hurricane ",
    "Cyclone ",
    "Typhoon ",
    "Tropical Storm ",
    "Storm ",
    "Operation ",
    "Space Shuttle ",
    "Shuttle ",
    "USS ",
    "HMS ",
    "HMC ",
    "HMCS ",
    "HMAS ",
    "HMNZS ",
    "RMS ",
];

/// The name after a craft or event prefix (`Columbia` in `Space Shuttle Columbia`), if `name` has one.
fn craft_name(name: &str) -> Option<&str> {
    CRAFT_PREFIXES
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .filter(|rest| rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// Lower-case nouns that say what kind of thing a name is, right before it (`the cruise ship Freewinds`,
/// `the band Radiohead`) or as the head of its description (`Stardust is a NASA space capsule`, `Zorvex,
/// a software company`). Nouns that often start a relative clause before a name are left out (`the probe
/// Mueller led`, `the game Sweden won`).
const KIND_NOUNS: &[(&str, Subtype)] = &[
    // Craft.
    ("ship", Subtype::Misc),
    ("vessel", Subtype::Misc),
    ("yacht", Subtype::Misc),
    ("ferry", Subtype::Misc),
    ("liner", Subtype::Misc),
    ("tanker", Subtype::Misc),
    ("freighter", Subtype::Misc),
    ("trawler", Subtype::Misc),
    ("submarine", Subtype::Misc),
    ("frigate", Subtype::Misc),
    ("destroyer", Subtype::Misc),
    ("warship", Subtype::Misc),
    ("airliner", Subtype::Misc),
    ("shuttle", Subtype::Misc),
    ("orbiter", Subtype::Misc),
    ("spacecraft", Subtype::Misc),
    ("spaceship", Subtype::Misc),
    ("capsule", Subtype::Misc),
    ("lander", Subtype::Misc),
    ("rover", Subtype::Misc),
    ("satellite", Subtype::Misc),
    ("telescope", Subtype::Misc),
    // Works, products and storms.
    ("book", Subtype::Misc),
    ("novel", Subtype::Misc),
    ("memoir", Subtype::Misc),
    ("film", Subtype::Misc),
    ("movie", Subtype::Misc),
    ("documentary", Subtype::Misc),
    ("album", Subtype::Misc),
    ("song", Subtype::Misc),
    ("opera", Subtype::Misc),
    ("musical", Subtype::Misc),
    ("sitcom", Subtype::Misc),
    ("browser", Subtype::Misc),
    ("app", Subtype::Misc),
    ("drug", Subtype::Misc),
    ("vaccine", Subtype::Misc),
    ("hurricane", Subtype::Misc),
    ("cyclone", Subtype::Misc),
    ("typhoon", Subtype::Misc),
    ("smartphone", Subtype::Misc),
    ("handset", Subtype::Misc),
    ("tablet", Subtype::Misc),
    ("laptop", Subtype::Misc),
    ("console", Subtype::Misc),
    ("software", Subtype::Misc),
    ("videogame", Subtype::Misc),
    ("programme", Subtype::Misc),
    ("jet", Subtype::Misc),
    ("aircraft", Subtype::Misc),
    ("missile", Subtype::Misc),
    ("rocket", Subtype::Misc),
    // Bodies.
    ("company", Subtype::Organization),
    ("firm", Subtype::Organization),
    ("startup", Subtype::Organization),
    ("start-up", Subtype::Organization),
    ("band", Subtype::Organization),
    ("airline", Subtype::Organization),
    ("carmaker", Subtype::Organization),
    ("automaker", Subtype::Organization),
    ("retailer", Subtype::Organization),
    ("lender", Subtype::Organization),
    ("insurer", Subtype::Organization),
    ("newspaper", Subtype::Organization),
    ("charity", Subtype::Organization),
    ("militia", Subtype::Organization),
    ("conglomerate", Subtype::Organization),
    ("manufacturer", Subtype::Organization),
    ("agency", Subtype::Organization),
    ("network", Subtype::Organization),
    ("channel", Subtype::Organization),
    ("tabloid", Subtype::Organization),
    ("magazine", Subtype::Organization),
    ("bank", Subtype::Organization),
    ("party", Subtype::Organization),
    ("union", Subtype::Organization),
    ("club", Subtype::Organization),
    ("university", Subtype::Organization),
    ("nonprofit", Subtype::Organization),
    ("organization", Subtype::Organization),
    ("organisation", Subtype::Organization),
    // Places.
    ("city", Subtype::Location),
    ("town", Subtype::Location),
    ("village", Subtype::Location),
    ("hamlet", Subtype::Location),
    ("suburb", Subtype::Location),
    ("island", Subtype::Location),
    ("river", Subtype::Location),
    ("neighbourhood", Subtype::Location),
    ("neighborhood", Subtype::Location),
    ("region", Subtype::Location),
    ("area", Subtype::Location),
    ("province", Subtype::Location),
    ("district", Subtype::Location),
    ("county", Subtype::Location),
    ("valley", Subtype::Location),
    ("basin", Subtype::Location),
    ("coast", Subtype::Location),
    ("peninsula", Subtype::Location),
    ("desert", Subtype::Location),
    ("strait", Subtype::Location),
    ("canal", Subtype::Location),
    // Sites, mostly named after the place they are in ("its Irving facility", "the Ouadi Doum airstrip").
    ("airstrip", Subtype::Location),
    ("airfield", Subtype::Location),
    ("airbase", Subtype::Location),
    ("airport", Subtype::Location),
    ("dam", Subtype::Location),
    ("refinery", Subtype::Location),
    ("smelter", Subtype::Location),
    ("oilfield", Subtype::Location),
    ("shipyard", Subtype::Location),
    ("plant", Subtype::Location),
    ("factory", Subtype::Location),
    ("mill", Subtype::Location),
    ("facility", Subtype::Location),
    ("terminal", Subtype::Location),
    ("harbour", Subtype::Location),
    ("harbor", Subtype::Location),
];

fn kind_noun(w: &str) -> Option<Subtype> {
    KIND_NOUNS.iter().find(|(k, _)| *k == w).map(|(_, t)| *t)
}

/// Lower-case words that start a phrase or clause of their own after a name (`the ship Freewinds in
/// Bonaire`, `the Internet is`), unlike a noun the name modifies (`the Scientology website`) or the verb
/// of a relative clause (`the book Smith wrote`).
const CLAUSE_WORDS: &[&str] = &[
    "in", "on", "at", "of", "for", "to", "from", "with", "and", "or", "but", "is", "was", "are",
    "were", "be", "been", "being", "will", "would", "can", "could", "should", "may", "might",
    "must", "has", "had", "have", "which", "that", "who", "as", "by", "into", "after", "before",
    "last", "this", "said", "says", "until", "since", "than", "over", "under", "during", "about",
    "because",
];

/// Nouns a leader's surname modifies: `the Reagan administration`, `the Monti government`.
const LEADERS_OF: &[&str] = &[
    "administration",
    "government",
    "presidency",
    "cabinet",
    "era",
];

/// The letters of the word after one space at `end` (None when no space follows).
fn next_word(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..crate::text::window_after(text, end, 24)].strip_prefix(' ')?;
    Some(
        &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())],
    )
}

/// True when a reporting verb and `it` or `its` follow `end` ("said it", "told its shareholders").
fn speaks_as_it(text: &str, end: usize) -> bool {
    next_word(text, end).is_some_and(|verb| {
        REPORTING.contains(&verb)
            && next_word(text, end + 1 + verb.len()).is_some_and(|w| matches!(w, "it" | "its"))
    })
}

/// Rule ids of names typed by what the text says they are.
fn kind_rule(t: Subtype) -> &'static str {
    match t {
        Subtype::Misc => "entity.misc.kind",
        Subtype::Location => "entity.location.kind",
        _ => "entity.organization.kind",
    }
}

/// The type the text states for a name: a kind noun right before it (`the cruise ship Freewinds`), or the
/// head of a description after it (`Stardust is a NASA space capsule that`, `Zorvex, a software
/// company based in`).
fn stated_kind(text: &str, span: Span) -> Option<Subtype> {
    kind_before(text, span).or_else(|| kind_described(text, span))
}

fn kind_before(text: &str, span: Span) -> Option<Subtype> {
    let before = text[..span.start].strip_suffix(' ')?;
    let noun =
        &before[crate::text::trailing_run_start(before, |c: char| c.is_alphabetic() || c == '-')..];
    let t = kind_noun(noun)?;
    match next_word(text, span.end) {
        // A clause, or the name's own reporting verb: "the news agency Xinhua reported". (`reported` and
        // `reports` are not in REPORTING, which makes a lone word before it a person.)
        Some(next) => (CLAUSE_WORDS.contains(&next)
            || REPORTING.contains(&next)
            || matches!(next, "reported" | "reports"))
        .then_some(t),
        // End of the text or punctuation: "the ship Freewinds." "the band Vortex, which".
        None => (!text[span.end..].starts_with(char::is_alphanumeric)).then_some(t),
    }
}

/// Words that link a name to its description.
const DESCRIPTION_LINKS: &[&str] = &[", a ", ", an ", " is a ", " is an ", " was a ", " was an "];

/// Words that end the noun phrase of a description (`a city of`, `a capsule that`).
const DESCRIPTION_STOPS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "that", "which", "who", "and", "or", "to", "by", "from",
    "whose", "where",
];

fn kind_described(text: &str, span: Span) -> Option<Subtype> {
    let after = &text[span.end..crate::text::window_after(text, span.end, 80)];
    let rest = DESCRIPTION_LINKS
        .iter()
        .find_map(|l| after.strip_prefix(l))?;
    // The head noun is the last word before a stop word, a participle or punctuation, at most four words
    // in: "a NASA space capsule that", "a software company based in", "a cruise ship.".
    let mut head = None;
    for (k, w) in rest.split(' ').enumerate() {
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let bare = word.len() == w.len();
        if k == 4 {
            return None;
        }
        if word.is_empty() || DESCRIPTION_STOPS.contains(&word) || word.ends_with("ed") {
            break;
        }
        head = Some(word);
        if !bare {
            break;
        }
    }
    kind_noun(head?)
}

fn lone_name_cue(m: &Mention, text: &str) -> Option<Subtype> {
    let name = &text[m.span];
    let before = text[..m.span.start].trim_end();
    let prev = last_word(before).to_lowercase();
    if LOCATIVE.contains(&prev.as_str()) && !m.sentence_initial {
        return Some(Subtype::Location);
    }
    // A name that modifies a noun may take its type from it: "the Asir region", "the Reagan
    // administration", "the Apache web server" says nothing.
    let modified = next_word(text, m.span.end)
        .filter(|w| w.starts_with(char::is_lowercase) && !CLAUSE_WORDS.contains(w));
    if let Some(noun) = modified {
        if LEADERS_OF.contains(&noun) && looks_like_name_word(name) {
            return Some(Subtype::Person);
        }
        if let Some(t) = kind_noun(noun) {
            return Some(t);
        }
    }
    // "the Taurus", "the Dreamliner", "787 Dreamliner": a lone unknown name after a lower-case "the" or a
    // model number is a product, unless it only modifies the noun after it ("the Scientology website").
    if (before.ends_with(" the") || before.ends_with(char::is_numeric))
        && !m.sentence_initial
        && modified.is_none()
    {
        return Some(Subtype::Misc);
    }
    // "Romney said", "said Gorbachev": a lone name that speaks is a person's surname.
    let after = text[m.span.end..]
        .trim_start_matches(['’', '\'', 's'])
        .trim_start();
    let next = &after[..after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len())];
    let reported = REPORTING.contains(&next) || REPORTING.contains(&prev.as_str());
    if reported && looks_like_name_word(name) {
        return Some(Subtype::Person);
    }
    None
}

/// Whether the words before a place name make it the place itself: a locative ("in Sochi", "to Russia"
/// but not "lost 1 – 2 to England") or a town before it ("Sochi, Russia"), unless the word before the comma
/// ends a name that is not a place (`not_places` holds the ends of such names).
fn placed(text: &str, span: Span, g: &Gazetteer, not_places: &HashSet<usize>) -> bool {
    let before = text[..span.start].trim_end();
    let prev = last_word(before);
    if LOCATIVE.iter().any(|l| l.eq_ignore_ascii_case(prev)) {
        let ahead = before[..before.len() - prev.len()].trim_end();
        return !(prev.eq_ignore_ascii_case("to") && ahead.ends_with(|c: char| c.is_ascii_digit()));
    }
    town_before(text, span).is_some_and(|town| {
        // `before` ends with the comma after the town.
        let town_end = before[..before.len() - 1].trim_end().len();
        town.starts_with(char::is_uppercase)
            && !g.countries.contains(town)
            && !not_places.contains(&town_end)
    })
}

/// The word before a comma just before `span`: the town in `Sochi, Russia` or `Long Beach, Calif.`.
fn town_before(text: &str, span: Span) -> Option<&str> {
    let before = text[..span.start].trim_end().strip_suffix(',')?;
    Some(last_word(before.trim_end()))
}

/// Types a mention that has no vocabulary type yet.
fn type_of(m: &Mention, text: &str, g: &Gazetteer) -> Option<Subtype> {
    if let Some(t) = m.subtype {
        return Some(t);
    }
    if m.titled {
        return Some(Subtype::Person);
    }
    let name = &text[m.span];
    // "Pepsico", "Worldcom": a known name that writes its inner capital small.
    if let Some(t) = g.by_folded.get(&entity_key(name)) {
        return Some(*t);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = *words.first()?;
    // A known given name or surname among the words keeps a person where context would make a body.
    let person_word = |w: &&str| g.given.contains(w) || g.surnames.contains(w);
    // Products and models: iPod, A380, IE6, Windows XP.
    if words.iter().any(|w| is_model_code(w)) || first.starts_with(char::is_lowercase) {
        return Some(Subtype::Misc);
    }
    // "Gang of Four", "the Jackson Five": a name that ends in a number word is a group, not a person,
    // whatever its first word (`Gang` is a given name too).
    if words.len() >= 2 && words.last().is_some_and(|w| is_number_word(w)) {
        return Some(Subtype::Organization);
    }
    let given =
        g.given.contains(first) || first.split('-').next().is_some_and(|p| g.given.contains(p));
    if words.len() >= 2 && words.len() <= 4 && given {
        return Some(Subtype::Person);
    }
    if words.len() == 1 && is_all_caps(first) && first.chars().count() <= 6 {
        return Some(Subtype::Organization);
    }
    // "West German", "South Korean": a nationality word last.
    if words.len() >= 2
        && words
            .last()
            .is_some_and(|w| g.by_name.get(w) == Some(&Subtype::Misc))
    {
        return Some(Subtype::Misc);
    }
    // "Hurricane Katrina", "Operation Desert Storm", "Space Shuttle Columbia": an event or craft.
    if craft_name(name).is_some() {
        return Some(Subtype::Misc);
    }
    // "Western Australia", "South East Asia", "State of Texas": a region of a known place.
    if words.len() >= 2
        && g.by_name.get(words[words.len() - 1]) == Some(&Subtype::Location)
        && words[..words.len() - 1]
            .iter()
            .all(|w| REGION_WORDS.contains(w))
    {
        return Some(Subtype::Location);
    }
    // "Shiu Ka-chun", "Lau Siu-lai": a romanized Chinese or Korean name, its given name hyphenated with a
    // lower-case second syllable.
    if (2..=3).contains(&words.len())
        && words[..words.len() - 1]
            .iter()
            .all(|w| looks_like_name_word(w))
        && words[words.len() - 1]
            .split_once('-')
            .is_some_and(|(a, b)| {
                looks_like_name_word(a)
                    && (2..=6).contains(&b.len())
                    && b.chars().all(|c| c.is_ascii_lowercase())
            })
    {
        return Some(Subtype::Person);
    }
    // "O.J. Simpson", "J. K. Rowling": initials before a surname.
    if words.len() >= 2
        && words[..words.len() - 1]
            .iter()
            .all(|w| is_initials(w) && !g.by_name.contains_key(w))
        && looks_like_name_word(words[words.len() - 1])
        && !g.by_name.contains_key(words[words.len() - 1])
    {
        return Some(Subtype::Person);
    }
    // "Lloyd C. Lubensky", "Clifford G. Zimmer Jr.": a middle initial between two name words, or a
    // generational suffix after two or three, is a person's name whatever the given name.
    let (core, suffixed) = match words.split_last() {
        Some((last, rest)) if GENERATIONAL.contains(last) => (rest, true),
        _ => (&words[..], false),
    };
    // Not "Raising U.S. Trade" or "World War II": known initials are a place, and a given name is not
    // needed only when the first word is no everyday word.
    let name_word = |w: &&str| looks_like_name_word(w) && !g.by_name.contains_key(w);
    if (2..=4).contains(&core.len())
        && name_word(&core[0])
        && (g.given.contains(core[0]) || !g.is_common_word(core[0]))
        && name_word(&core[core.len() - 1])
        && core[1..core.len() - 1]
            .iter()
            .all(|w| is_initials(w) && !g.by_name.contains_key(w))
        && (suffixed || core.len() >= 3)
    {
        return Some(Subtype::Person);
    }
    // "R Smith", "J Garcia" (team sheets, bylines): one bare capital before a known surname. Only a known
    // surname: "J Crew", "E Street" and "X Factor" are not people.
    if let [initial, surname] = words[..] {
        if initial.len() == 1
            && initial.starts_with(|c: char| c.is_ascii_uppercase())
            && g.surnames.contains(surname)
        {
            return Some(Subtype::Person);
        }
    }
    // "Evansville, Indiana", "the town of Yeoncheon": a settlement named by the place it is in, or by
    // the kind of place it is.
    if words.len() <= 2
        && words.iter().all(|w| {
            looks_like_name_word(w) && !g.cues.contains_key(w) && !g.by_name.contains_key(w)
        })
        && place_by_context(m.span, text, g)
    {
        return Some(Subtype::Location);
    }
    // "Stade de France", "Mount Kenya", "Lake Victoria": a place word first.
    if words.len() >= 2
        && matches!(
            first,
            "Stade"
                | "Estadio"
                | "Mount"
                | "Mt."
                | "Lake"
                | "Port"
                | "Fort"
                | "Cape"
                | "Lac"
                | "Rio"
                | "Isla"
                | "Isle"
                | "Gulf"
                | "Bay"
        )
    {
        return Some(Subtype::Location);
    }
    // A company's name followed by other words names its product ("Ford Taurus", "Apple TV"); a place's
    // name followed by other words names an organization ("Texas Instruments").
    if words.len() >= 2 {
        match g.by_name.get(first) {
            Some(Subtype::Organization) => return Some(Subtype::Misc),
            Some(Subtype::Location) => return Some(Subtype::Organization),
            _ => {}
        }
        if words
            .iter()
            .any(|w| g.by_name.get(w).is_some_and(|t| *t != Subtype::Misc))
        {
            return Some(Subtype::Organization);
        }
    }
    // "the Ouadi Doum airstrip", "the Hassi Messaoud oilfield": an unknown name that modifies a kind of
    // place is that place (a lone name is typed so by `lone_name_cue`).
    if words.len() >= 2
        && next_word(text, m.span.end).and_then(kind_noun) == Some(Subtype::Location)
    {
        return Some(Subtype::Location);
    }
    // "Cybertek said it is forming", "Gencorp said its": an unknown name that speaks of itself as "it" is
    // a company or body. A known given name or surname keeps a person ("Natalie Koether said it").
    if words.len() <= 3 && speaks_as_it(text, m.span.end) && !words.iter().any(person_word) {
        return Some(Subtype::Organization);
    }
    // "Corlander Gaming spokesman Rupert Adams", "Veritas executives": an unknown name before the people
    // who speak or work for it is the body they belong to (a person's people take a possessive).
    if words.len() <= 3
        && next_word(text, m.span.end).is_some_and(|w| MEMBER_NOUNS.contains(&w))
        && !words.iter().any(person_word)
    {
        return Some(Subtype::Organization);
    }
    // "The Department said", "the Commission would act": a body's head word alone names that body (a
    // known surname such as "Power" stays a person).
    if words.len() == 1 && g.cues.get(first) == Some(&Subtype::Organization) && !person_word(&first)
    {
        return Some(Subtype::Organization);
    }
    if words.len() == 1 {
        if let Some(t) = lone_name_cue(m, text) {
            return Some(t);
        }
        // A lone known surname or given name ("said Gonzalez", "Britney's tour") is a person.
        if person_word(&first) {
            return Some(Subtype::Person);
        }
    }
    // Two or three name-shaped words are a person's name ("Thabo Mbeki", "Courtney Love") unless every one
    // of them is an everyday word ("Creative Commons", "Velvet Underground"): then a group, company or work.
    Some(match words.len() {
        2 | 3
            if words.iter().all(|w| looks_like_name_word(w))
                && !words.iter().all(|w| g.is_common_word(w)) =>
        {
            Subtype::Person
        }
        _ => Subtype::Organization,
    })
}

/// Lower-case nouns for the people of a company or body, after its name: `Corlander Gaming spokesman`.
const MEMBER_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "chairman",
    "chairwoman",
    "executive",
    "executives",
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "shareholders",
    "stockholders",
    "employees",
    "officials",
    "directors",
];

/// Generational suffixes that end a person's name ("Zimmer Jr.", "Henry Ford II").
const GENERATIONAL: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Initials: one or more capital letters each with a full stop (`O.J.`, `J.`, `J.R.R.`).
fn is_initials(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// Kinds of settlement and area that name a place after "of": "the town of Yeoncheon".
const SETTLEMENT_WORDS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "county",
    "island",
    "port",
    "suburb",
    "state",
    "municipality",
    "hamlet",
    "prefecture",
];

/// Whether the words around an unknown name make it a place: a known place after a comma ("Evansville,
/// Indiana") or a kind of settlement before "of" ("the village of Levico").
fn place_by_context(span: Span, text: &str, g: &Gazetteer) -> bool {
    let after = &text[span.end..crate::text::window_after(text, span.end, 40)];
    if let Some(rest) = after.strip_prefix(", ") {
        let end = rest
            .find(|c: char| !(c.is_alphabetic() || c == ' ' || c == '.'))
            .unwrap_or(rest.len());
        let place = rest[..end].trim_end_matches([' ', '.']);
        // The longest known place at the start of the rest: "New South Wales", "Indiana".
        let mut cut = place.len();
        loop {
            let p = &place[..cut];
            // Not the start of a longer word or name: "London-based", "Texas’s".
            let whole = !rest[cut..].starts_with(['-', '’', '\'']);
            if whole
                && (is_state_abbreviation(p, g) || g.by_name.get(p) == Some(&Subtype::Location))
            {
                return true;
            }
            match p.rfind(' ') {
                Some(i) => cut = i,
                None => break,
            }
        }
    }
    let before = text[..span.start].trim_end();
    before.strip_suffix(" of").is_some_and(|b| {
        let w = last_word(b.trim_end());
        SETTLEMENT_WORDS.contains(&w) || OF_A_PLACE.contains(&w)
    })
}

/// Nouns whose "of" names a place: "a resident of Evansville", "the outskirts of Levico", "the mayor of
/// Bruntal".
const OF_A_PLACE: &[&str] = &[
    "resident",
    "residents",
    "native",
    "natives",
    "inhabitants",
    "citizens",
    "outskirts",
    "suburbs",
    "streets",
    "mayor",
];

/// A word shaped like a personal name: capital then lower case, per hyphen or apostrophe part
/// (`Pierre-Carl`, `O'Leary`, `McDonald`).
fn looks_like_name_word(w: &str) -> bool {
    w.split(['-', '\'', '’'])
        .filter(|p| !p.is_empty())
        .all(|p| {
            let mut cs = p.chars();
            cs.next().is_some_and(char::is_uppercase) && {
                let (mut len, mut upper) = (0, 0);
                cs.all(|c| {
                    len += 1;
                    upper += usize::from(c.is_uppercase());
                    c.is_alphabetic()
                }) && len > 0
                    && upper <= 1
            }
        })
}

/// A state's or province's abbreviation (`N.C.`, `Calif`, `Pa.`), but not a bare postal code: after a name
/// that is a post-nominal (`Jane Doe, MD`).
fn is_state_abbreviation(w: &str, g: &Gazetteer) -> bool {
    let key = w.trim_end_matches('.');
    let postal = key.len() == 2 && is_all_caps(key);
    !postal && g.region_abbreviations.contains_key(key)
}

/// A state or province abbreviated after the town in it (`Long Beach, Calif.`, `Trenton, N.J.`, `Austin,
/// TX`): its full name. A bare postal code counts only after a known place: after a name it is a
/// post-nominal (`Tom Smith, SC`, `Jane Doe, MD`).
fn region_after_place(text: &str, span: Span, g: &Gazetteer) -> Option<&'static str> {
    let abbreviation = &text[span];
    let key = abbreviation.trim_end_matches('.');
    // Datelines shout: "PEORIA, ILL., March 3" is "Ill.".
    let title_cased = || {
        let mut cs = key.chars();
        let first = cs.next()?;
        (key.len() > 2 && is_all_caps(key)).then(|| first.to_string() + &cs.as_str().to_lowercase())
    };
    let full = match g.region_abbreviations.get(key) {
        Some(full) => full,
        None => g.region_abbreviations.get(title_cased()?.as_str())?,
    };
    let town = town_before(text, span)?;
    let postal = abbreviation.len() == 2 && is_all_caps(abbreviation);
    let ok = if postal {
        g.by_name.get(town) == Some(&Subtype::Location)
    } else {
        town.starts_with(char::is_uppercase)
    };
    ok.then_some(*full)
}

/// The exchange suffix of a ticker code (`PEUP.PA`, `0005.HK`): a short all-caps word glued to a word by a
/// dot.
fn is_code_suffix(text: &str, span: Span) -> bool {
    let name = &text[span];
    name.len() <= 3
        && is_all_caps(name)
        && text[..span.start]
            .strip_suffix('.')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphanumeric()))
}

/// Canonical names: later short mentions resolve to the full name met earlier; acronyms defined in
/// brackets resolve to their expansion. Emits the claims.
fn resolve(text: &str, typed: Vec<(Mention, Subtype)>, out: &mut Vec<Claim>) {
    let mut surname_to_full: HashMap<String, String> = HashMap::new();
    let mut head_to_org: HashMap<String, String> = HashMap::new();
    let mut acronyms: HashMap<String, (String, Subtype)> = HashMap::new();
    let mut craft_to_full: HashMap<String, String> = HashMap::new();
    // First pass: full names.
    for (m, subtype) in &typed {
        let name = fold(&text[m.span]);
        // What a ticker or an acronym stands for: the listed spelling of a known name.
        let value = || m.canonical.map_or_else(|| name.clone(), str::to_string);
        let words: Vec<&str> = name.split(' ').collect();
        if let Some(bare) = craft_name(&name).filter(|_| *subtype == Subtype::Misc) {
            craft_to_full
                .entry(bare.to_string())
                .or_insert_with(|| name.clone());
        }
        match subtype {
            Subtype::Person if words.len() >= 2 => {
                let last = words[words.len() - 1].to_string();
                surname_to_full.entry(last).or_insert_with(|| name.clone());
            }
            Subtype::Organization if words.len() >= 2 => {
                head_to_org
                    .entry(words[0].to_string())
                    .or_insert_with(|| name.clone());
            }
            _ => {}
        }
        // A wire ticker after an organization: "Revlon Group Inc <REV>", "Olivetti SpA <OLIV.MI>".
        let after = &text[m.span.end..];
        if *subtype == Subtype::Organization {
            if let Some(ticker) = after.strip_prefix(" <").map(|a| {
                &a[..a
                    .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit()))
                    .unwrap_or(a.len())]
            }) {
                if ticker.len() >= 2 && ticker != name {
                    acronyms
                        .entry(ticker.to_string())
                        .or_insert_with(|| (value(), *subtype));
                }
            }
        }
        // "Federal Energy Regulatory Commission (FERC)", "the European Community's (EC) plan"
        let after = after
            .strip_prefix(['\'', '’'])
            .and_then(|a| a.strip_prefix('s'))
            .unwrap_or(after);
        if let Some(inner) = after
            .strip_prefix(" (")
            .and_then(|a| a.split_once(')'))
            .map(|(i, _)| i)
        {
            if is_all_caps(inner) && inner.len() <= 8 && words.len() >= 2 {
                let initials: String = words
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect();
                if initials.starts_with(&inner[..1]) {
                    // The first definition stands: a later one is a slip ("Movie Association for
                    // America's (MPAA)" after "Motion Picture Association of America (MPAA)").
                    acronyms
                        .entry(inner.to_string())
                        .or_insert_with(|| (value(), *subtype));
                }
            }
        }
    }
    for (m, subtype) in typed {
        let name = fold(&text[m.span]);
        let mut subtype = subtype;
        let mut rule = m.rule;
        let value = if let Some(full) = m.canonical {
            full.to_string()
        } else if let Some(full) = craft_to_full.get(&name).filter(|_| !m.titled) {
            // "Columbia" after "Space Shuttle Columbia", "Katrina" after "Hurricane Katrina".
            if subtype != Subtype::Misc {
                subtype = Subtype::Misc;
                rule = "entity.misc.coref";
            }
            full.clone()
        } else if let Some((full, of)) = acronyms.get(&name) {
            // "Kennedy Space Center (KSC)": the acronym is what it stands for (a person's initials are
            // not spelled out in brackets; a name that looks like one there is a misread body).
            if m.subtype.is_none() && !m.titled && subtype != *of && *of != Subtype::Person {
                subtype = *of;
                rule = coref_rule(*of);
            }
            full.clone()
        } else if !name.contains(' ') {
            match (surname_to_full.get(&name), head_to_org.get(&name)) {
                (Some(full), _) if m.subtype.is_none() || subtype == Subtype::Person => {
                    if subtype != Subtype::Person {
                        subtype = Subtype::Person;
                        rule = "entity.person.coref";
                    }
                    full.clone()
                }
                (None, Some(org)) if m.subtype.is_none() => {
                    subtype = Subtype::Organization;
                    rule = "entity.organization.coref";
                    org.clone()
                }
                _ => name.clone(),
            }
        } else {
            name.clone()
        };
        let rule = if rule.is_empty() {
            default_rule(subtype)
        } else {
            rule
        };
        let mut claim = Claim::new(ClaimKind::Entity, subtype, m.span, rule);
        claim.value = Some(value);
        claim.confidence = if m.subtype.is_some() || m.titled {
            0.9
        } else {
            0.6
        };
        out.push(claim);
    }
}

/// Rule ids of names that take their type from another mention of the same entity.
fn coref_rule(subtype: Subtype) -> &'static str {
    match subtype {
        Subtype::Person => "entity.person.coref",
        Subtype::Location => "entity.location.coref",
        Subtype::Misc => "entity.misc.coref",
        _ => "entity.organization.coref",
    }
}

fn default_rule(subtype: Subtype) -> &'static str {
    match subtype {
        Subtype::Person => "entity.person.name",
        Subtype::Location => "entity.location.name",
        Subtype::Misc => "entity.misc.name",
        _ => "entity.organization.name",
    }
}

/// Folds white space (names broken across wrapped lines) to single spaces.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The key under which the same entity from different articles meets: case- and accent-insensitive
/// (`SoftBank` and `Softbank`, `Médecins` and `Medecins`).
pub fn entity_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                'o'
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'ß' => 's',
            '’' => '\'',
            c if is_combining(c) => continue,
            c => c,
        };
        out.extend(base.to_lowercase());
    }
    fold(&out)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Gazetteer hits on word boundaries.
fn gazetteer_hits(
    text: &str,
    g: &Gazetteer,
    sentence_starts: &Offsets,
    in_headline: &dyn Fn(Span) -> bool,
) -> Vec<Mention> {
    let mut out = Vec::new();
    // Hard-wrapped text breaks names over lines (`General\nMotors`): the names are matched with line
    // breaks read as spaces, which keeps every offset.
    let unwrapped;
    let hay = if text.contains('\n') {
        unwrapped = text.replace('\n', " ");
        unwrapped.as_str()
    } else {
        text
    };
    // A name starts where a word does: at a byte some name starts with, after no letter, digit or
    // hyphen. The longest name there is taken, and the next one is looked for after it.
    let bytes = hay.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let s = next;
        next += 1;
        // Where some name starts is where a char starts: no name starts with a continuation byte.
        if !g.may_start_name(&bytes[s..])
            || !text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '-')
        {
            continue;
        }
        let Some((e, pattern)) = g.name_at(hay, s) else {
            continue;
        };
        let after = &text[e..];
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric())
            || ["’s", "'s"].iter().any(|p| {
                after.starts_with(p)
                    && after[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            });
        if !after_ok {
            continue;
        }
        next = e;
        let span = Span::new(s, e);
        out.push(Mention {
            span,
            subtype: Some(g.name_types[pattern]),
            rule: "entity.gazetteer",
            titled: false,
            words: text[span].split_whitespace().count(),
            sentence_initial: sentence_starts.contains(s),
            in_headline: in_headline(span),
            canonical: g.name_canonical[pattern],
        });
    }
    out
}

/// Place names opening a dateline: all caps (`BRUSSELS —`, `SANTIAGO, April 12 (Reuters) -`), or
/// capitalized when a date and a dash follow (`Sioux City, April 7 -`).
fn datelines(doc: &Analyzed<'_>, line_starts: &Offsets) -> Vec<Mention> {
    let text = doc.text();
    let mut out = Vec::new();
    let toks = &doc.tokens;
    for (i, t) in toks.iter().enumerate() {
        if !line_starts.contains(t.span.start) || t.kind != TokenKind::Word {
            continue;
        }
        let caps = is_all_caps(t.text(text));
        if !caps && !t.text(text).starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let in_place = |w: &str| {
            if caps {
                is_all_caps(w)
            } else {
                w.starts_with(|c: char| c.is_ascii_uppercase())
            }
        };
        let mut j = i;
        // The place is on one line: "BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 -" is a headline, then
        // the dateline.
        loop {
            // "ST. LOUIS", "FT. WORTH": a short word's full stop stays inside the place.
            let dot = toks.get(j + 1).is_some_and(|d| {
                d.text(text) == "." && d.span.start == toks[j].span.end && toks[j].span.len() <= 3
            });
            let k = j + 1 + usize::from(dot);
            if k < toks.len()
                && toks[k].kind == TokenKind::Word
                && in_place(toks[k].text(text))
                && !text[toks[j].span.end..toks[k].span.start].contains('\n')
            {
                j = k;
            } else {
                break;
            }
        }
        let Some(next) = toks.get(j + 1) else {
            continue;
        };
        if !matches!(next.text(text), "," | "—" | "–" | "-" | "(") || j - i > 3 {
            continue;
        }
        if !caps && !date_and_dash_follow(&text[toks[j].span.end..]) {
            continue;
        }
        let span = Span::new(t.span.start, toks[j].span.end);
        out.push(Mention {
            span,
            subtype: Some(Subtype::Location),
            rule: "entity.location.dateline",
            titled: false,
            words: j - i + 1,
            sentence_initial: true,
            in_headline: false,
            canonical: None,
        });
    }
    out
}

/// Small words a name spelled out before its acronym may hold, counted in the acronym or not:
/// "Department of Defense (DOD)", "General Agreement on Tariffs and Trade (GATT)".
const ACRONYM_SMALL_WORDS: &[&str] = &["of", "on", "and", "for", "the", "de", "du", "des", "&"];

/// Names spelled out before their acronym in brackets: "the General Agreement on Tariffs and Trade (GATT)",
/// "Organization of the Petroleum Exporting Countries (OPEC)". The capitalized words' initials, with
/// those of small words where the acronym has them, must spell the acronym; the name is then one mention
/// even where its small words would split a run. Its kind is its head word's, else an organization (what
/// news spells out this way).
fn defined_names(doc: &Analyzed<'_>, g: &Gazetteer) -> Vec<Mention> {
    let text = doc.text();
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, open) in toks.iter().enumerate() {
        if text[open.span] != *"(" || i < 2 {
            continue;
        }
        let (Some(acr), Some(close)) = (toks.get(i + 1), toks.get(i + 2)) else {
            continue;
        };
        let letters = acr.text(text);
        if acr.kind != TokenKind::Word
            || close.text(text) != ")"
            || !(2..=8).contains(&letters.len())
            || !letters.bytes().all(|b| b.is_ascii_uppercase())
            || text[toks[i - 1].span.end..open.span.start] != *" "
        {
            continue;
        }
        // The words before the bracket, nearest first, on at most two lines.
        let words: Vec<&Token> = toks[..i]
            .iter()
            .rev()
            .take_while(|t| t.kind == TokenKind::Word || t.text(text) == "&")
            .take(12)
            .collect();
        let Some(n) = spell_back(text, &words, letters.as_bytes()) else {
            continue;
        };
        let first = words[n - 1];
        let mut span = Span::new(first.span.start, words[0].span.end);
        // "the European Community's (EC) plan"
        span.end -= possessive_len(&text[span]);
        let capitalized = words[..n]
            .iter()
            .filter(|w| is_capitalized(w.text(text)))
            .count();
        if text[span].matches('\n').count() > 1 || capitalized < 2 {
            continue;
        }
        let mut m = Mention {
            span,
            subtype: None,
            rule: "",
            titled: false,
            words: n,
            sentence_initial: false,
            in_headline: false,
            canonical: None,
        };
        // A name spelled out for its acronym is not a person's, nor a title's (small words are part of
        // it).
        let subtype = head_cue(g, &text[span])
            .or_else(|| type_of(&m, text, g).filter(|t| *t == Subtype::Location))
            .unwrap_or(Subtype::Organization);
        m.subtype = Some(subtype);
        m.rule = default_rule(subtype);
        out.push(m);
    }
    if out.is_empty() {
        return out;
    }
    // The same name elsewhere in the article, without its acronym, is the same mention.
    let mut found: HashSet<Span> = out.iter().map(|m| m.span).collect();
    let names: Vec<(Vec<&str>, Mention)> = out
        .iter()
        .map(|m| (text[m.span].split_whitespace().collect(), m.clone()))
        .collect();
    for (k, t) in toks.iter().enumerate() {
        for (words, m) in &names {
            let Some(end) = spelled_at(text, &toks[k..], words) else {
                continue;
            };
            let span = Span::new(t.span.start, end);
            if found.insert(span) {
                out.push(Mention { span, ..m.clone() });
            }
        }
    }
    out
}

/// Where the name `words` ends when `toks` start with it (words apart by spaces or a line break, the
/// last one possibly possessive).
fn spelled_at(text: &str, toks: &[Token], words: &[&str]) -> Option<usize> {
    let got = toks.get(..words.len())?;
    let mut end = got.first()?.span.start;
    for (i, (t, w)) in got.iter().zip(words).enumerate() {
        let s = t.text(text);
        let same = s == *w || i + 1 == words.len() && s[..s.len() - possessive_len(s)] == **w;
        if !same
            || !text[end..t.span.start]
                .trim_start_matches([' ', '\n'])
                .is_empty()
        {
            return None;
        }
        end = t.span.start + w.len();
    }
    Some(end)
}

/// How many of `words` (nearest the bracket first) spell `acronym` from its end: each capitalized word
/// gives its initial, a small word its initial or nothing; the name starts with a capitalized word.
fn spell_back(text: &str, words: &[&Token], acronym: &[u8]) -> Option<usize> {
    fn go(text: &str, words: &[&Token], acronym: &[u8], used: usize) -> Option<usize> {
        let w = words.get(used)?.text(text);
        let initial = w.bytes().next()?.to_ascii_uppercase();
        let want = *acronym.last()?;
        if is_capitalized(w) {
            if initial != want {
                return None;
            }
            return if acronym.len() == 1 {
                Some(used + 1)
            } else {
                go(text, words, &acronym[..acronym.len() - 1], used + 1)
            };
        }
        if !ACRONYM_SMALL_WORDS.contains(&w) {
            return None;
        }
        if initial == want && acronym.len() > 1 {
            if let Some(n) = go(text, words, &acronym[..acronym.len() - 1], used + 1) {
                return Some(n);
            }
        }
        go(text, words, acronym, used + 1)
    }
    go(text, words, acronym, 0)
}

/// Whether `rest` goes on as a dateline's date: `, April 7 -`, `, Sept. 5 (Reuters) —`.
fn date_and_dash_follow(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let month_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if crate::time::month_number(&rest[..month_end]).is_none() {
        return false;
    }
    let rest = rest[month_end..].trim_start_matches('.').trim_start();
    let day_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    (1..=2).contains(&day_end)
        && rest[day_end..]
            .trim_start()
            .starts_with(['-', '—', '–', '('])
}

/// The first word after the dash that closes a dateline ending at `end`, on the same line and within a short
/// reach (`, April 12 (Reuters) -`).
fn story_start(doc: &Analyzed<'_>, end: usize) -> Option<usize> {
    let text = doc.text();
    let toks = doc.tokens_in(Span::new(end, (end + 80).min(text.len())));
    let dash = toks
        .iter()
        .position(|t| matches!(t.text(text), "-" | "—" | "–" | "--"))?;
    if text[end..toks[dash].span.start].contains('\n') {
        return None;
    }
    toks[dash + 1..]
        .iter()
        .find(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.start)
}

/// Capitalized runs, with titles cut off and possessives left out; none takes a word of a sum of money
/// (`money`, sorted and disjoint).
fn runs(
    doc: &Analyzed<'_>,
    g: &Gazetteer,
    sentence_starts: &Offsets,
    in_headline: &dyn Fn(Span) -> bool,
    money: &[Span],
) -> Vec<Mention> {
    let text = doc.text();
    let toks = &doc.tokens;
    let mut out = Vec::new();
    // A word of a sum of money is no part of a run: `0.87 Guilders` and `DM 50 mln` start none, and
    // `Cerberus Capital Management for US$7.4 billion` ends before `for`. (A place the vocabulary knows
    // is still found there, by the gazetteer: `50 Hong Kong dollars`.)
    let is_name = |t: &Token| {
        t.kind == TokenKind::Word
            && is_capitalized(t.text(text))
            && (money.is_empty() || !crate::span::overlaps_any(money, t.span))
    };
    let joined = |a: &Token, b: &Token| {
        let gap = &text[a.span.end..b.span.start];
        !gap.is_empty()
            && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\n')
            && gap.matches('\n').count() <= 1
            && gap.len() <= 3
    };
    let mut i = 0;
    while i < toks.len() {
        if !is_name(&toks[i]) {
            i += 1;
            continue;
        }
        // "Former WorldCom chief executive": a modifier that opens the sentence starts no name.
        if sentence_starts.contains(toks[i].span.start)
            && NAME_MODIFIERS.contains(&toks[i].text(text))
            && toks
                .get(i + 1)
                .is_some_and(|n| is_name(n) && joined(&toks[i], n))
        {
            i += 1;
            continue;
        }
        // Grow the run.
        let mut j = i;
        while let Some(next) = toks.get(j + 1) {
            let cur = &toks[j];
            let cur_text = cur.text(text);
            // "Inc." / "Jr." / a middle initial "F." stay in the name.
            if next.text(text) == "." && next.span.start == cur.span.end {
                let abbrev = matches!(
                    cur_text,
                    "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr" | "Bros" | "Cos" | "St" | "Mt"
                ) || (cur_text.chars().count() == 1
                    && cur_text.starts_with(char::is_uppercase))
                    || cur_text.contains('.');
                // A legal form with its period ends the name unless another one follows ("Toyota Motor
                // Co. Ltd."): in "a stake in Helix Corp. Helix said" the next word starts a sentence.
                let continues = toks.get(j + 2).is_some_and(|n| {
                    is_name(n)
                        && joined(next, n)
                        && (!LEGAL_FORMS.contains(&cur_text) || LEGAL_FORMS.contains(&n.text(text)))
                });
                if abbrev && (continues || !matches!(cur_text.chars().count(), 1)) {
                    j += 1;
                    if continues {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            if !joined(cur, next) || possessive_len(cur_text) > 0 {
                // "New People Party's Regina Ip": the possessor ends its own name.
                break;
            }
            if is_name(next) {
                // "United States Barack Obama", "Apple Inc Steve Jobs": a known name or an organization's
                // cue word followed by a given name is two names.
                let known_name = g
                    .by_name
                    .contains_key(text[toks[i].span.start..cur.span.end].trim());
                let known_before = known_name
                    || g.cues
                        .get(cur_text)
                        .is_some_and(|t| *t == Subtype::Organization);
                let next_given = g.given.contains(next.text(text));
                // "Democratic National Committee", "Philippine Long Distance Telephone Co": after a word
                // that is not a given name, a body's cue word further on makes the run one name
                // ("Chrysler LLC Jim Press" is two).
                let cue_ahead = || {
                    let mut prev = next;
                    toks[j + 2..]
                        .iter()
                        .take_while(|t| {
                            let go = is_name(t) && joined(prev, t);
                            prev = t;
                            go
                        })
                        .take(6)
                        .any(|t| g.cues.contains_key(t.text(text)))
                };
                // After a cue word other than a legal form, the next name starts with a given name or a
                // word that is no everyday word: "Resorts International Casino" and "Space Center Visitor
                // Complex" are one name, "Agronomics Corp Central Hudson Gas" two.
                let ends_name = known_name
                    || LEGAL_FORMS.contains(&cur_text)
                    || g.title_starts.contains(next.text(text));
                let given_after = (next_given
                    || looks_like_name_word(next.text(text))
                        && (ends_name || !g.is_common_word(next.text(text))))
                    && toks.get(j + 2).is_some_and(|a| {
                        is_name(a) && joined(next, a) && looks_like_name_word(a.text(text))
                    })
                    && (next_given || !cue_ahead())
                    && !g.cues.contains_key(next.text(text));
                if known_before && given_after {
                    break;
                }
                j += 1;
                continue;
            }
            let nt = next.text(text);
            let after = toks.get(j + 2);
            let name_follows = after.is_some_and(|a| is_name(a) && joined(next, a));
            if nt == "&" && name_follows {
                j += 2;
                continue;
            }
            // "Gabelli and Co Inc", "Smith and Sons": a firm's name goes on over "and" into its suffix.
            // A bare "and Co" stays out ("Henry and Co" is a player and his team-mates): an organization
            // cue word must follow it.
            if nt == "and" && name_follows {
                let firm = match after.map(|a| a.text(text)) {
                    Some("Sons" | "Partners") => true,
                    Some("Co" | "Company") => toks.get(j + 3).is_some_and(|t| {
                        joined(&toks[j + 2], t)
                            && g.cues.get(t.text(text)) == Some(&Subtype::Organization)
                    }),
                    _ => false,
                };
                if firm {
                    j += 2;
                    continue;
                }
            }
            if PARTICLES.contains(&nt) && !cur_text.ends_with(['’', '\'']) {
                // A chain of particles ("von der") must end in a name.
                let mut k = j + 1;
                while toks
                    .get(k + 1)
                    .is_some_and(|t| PARTICLES.contains(&t.text(text)) && joined(&toks[k], t))
                {
                    k += 1;
                }
                if toks
                    .get(k + 1)
                    .is_some_and(|a| is_name(a) && joined(&toks[k], a))
                {
                    j = k + 1;
                    continue;
                }
            }
            // "Kennedy Space Center on April 12": a month, a weekday or another word that is never a name
            // after the link word is no part of the name.
            let dated = after.is_some_and(|a| is_not_name(a.text(text)));
            if matches!(nt, "of" | "for" | "on") && name_follows && !dated {
                let head = toks[i..=j].iter().any(|t| {
                    g.cues
                        .get(t.text(text))
                        .is_some_and(|c| *c != Subtype::Misc)
                        || matches!(
                            t.text(text),
                            "Secretary"
                                | "Minister"
                                | "Port"
                                | "Duke"
                                | "Bank"
                                | "Republic"
                                | "Kingdom"
                                | "Gulf"
                                | "Bay"
                                | "Sea"
                                | "Isle"
                                | "City"
                        )
                });
                // "Gang of Four", "Council of Ten": a capitalized number word after "of" closes a name
                // (the figure extractor reads it as part of one, not as a count).
                let numbered = nt == "of"
                    && after.is_some_and(|a| is_number_word(a.text(text)))
                    && !is_number_word(toks[i].text(text));
                if head || numbered {
                    j += 2;
                    continue;
                }
                // "of the": "Bank of the West"
            }
            break;
        }
        let run = &toks[i..=j];
        i = j + 1;
        out.extend(split_run(text, run, g, sentence_starts, in_headline));
    }
    out
}

/// Cuts titles and leading function words off a run, splits at inner titles, strips possessives and
/// hyphen suffixes; returns the mentions left.
fn split_run(
    text: &str,
    run: &[Token],
    g: &Gazetteer,
    sentence_starts: &Offsets,
    in_headline: &dyn Fn(Span) -> bool,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let word = |t: &Token| t.text(text);
    let mut start = 0;
    let mut titled = lower_title_before(text, run[0].span.start);
    // Pieces of the run as (first word, end, titled).
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    // "Chancellor of the Exchequer Nigel Lawson": the run after "of the" opens with the rest of the office,
    // up to a given name. (Without one, the run is more likely the body itself: "chairman of the
    // Federation of Economic Organisations".)
    if office_before(text, run[0].span.start, g) {
        let given = (1..run.len().saturating_sub(1)).find(|&n| g.given.contains(word(&run[n])));
        if let Some(n) = given {
            if is_body(text, &run[..n], g) {
                pieces.push((0, n, false));
            }
            start = n;
            titled = true;
        }
    }
    let mut k = start;
    while k < run.len() {
        // Titles of one to three words ("Prime Minister", "Chief Executive Officer"), with an optional dot.
        let mut title_len = 0;
        let starts_title = g.title_starts.contains(word(&run[k]).trim_end_matches('.'));
        for n in (1..=3).rev().filter(|_| starts_title) {
            if k + n > run.len() {
                continue;
            }
            let words: Vec<&str> = run[k..k + n]
                .iter()
                .map(word)
                .filter(|w| *w != ".")
                .collect();
            let phrase = words.join(" ");
            if g.titles.contains(phrase.as_str())
                || g.titles.contains(format!("{phrase}.").as_str())
            {
                title_len = n;
                break;
            }
        }
        if title_len > 0 {
            if k > start {
                pieces.push((start, k, titled));
            }
            k += title_len;
            if run.get(k).is_some_and(|t| word(t) == ".") {
                k += 1;
            }
            // "Secretary of Energy Rick Perry", "Minister of Foreign Affairs": the office runs on over
            // "of" to its holder's name. A known place or a named body in it stays a name of its own
            // ("President of Mexico", "head of the Senate Banking Committee Richard Shelby").
            if run.get(k).is_some_and(|t| word(t) == "of") {
                let holder = office_holder(text, &run[k + 1..], g).map_or(run.len(), |n| k + 1 + n);
                if is_body(text, &run[k + 1..holder], g) {
                    pieces.push((k + 1, holder, false));
                }
                k = holder;
            }
            start = k;
            titled = true;
            continue;
        }
        k += 1;
    }
    if start < run.len() {
        pieces.push((start, run.len(), titled));
    }
    for (a, b, titled) in pieces {
        let mut a = a;
        // Leading function words: "The", "In", "But" ...
        while a < b && is_not_name(word(&run[a])) {
            a += 1;
        }
        let mut b = b;
        while b > a
            // A month ends a name only as a surname ("Theresa May"), not when a date follows ("May 24").
            && (not_names().contains(word(&run[b - 1]))
                || is_plural_acronym(word(&run[b - 1]))
                || word(&run[b - 1]) == "."
                || crate::time::month_number(word(&run[b - 1])).is_some()
                    && text[run[b - 1].span.end..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
            && !(b - 1 > a && word(&run[b - 1]) == "." && word(&run[b - 2]).len() <= 4)
        {
            b -= 1;
        }
        if a >= b {
            continue;
        }
        let mut span = Span::new(run[a].span.start, run[b - 1].span.end);
        let last = word(&run[b - 1]);
        let mut subtype = None;
        let mut rule = "";
        // Possessive: "OpenAI’s" -> "OpenAI".
        let poss = possessive_len(last);
        span.end -= poss;
        // Hyphen suffix: "Denver-based" -> "Denver".
        let tail = &text[span];
        for (suffix, t) in HYPHEN_SUFFIXES {
            if let Some(stripped) = tail.strip_suffix(suffix) {
                span.end = span.start + stripped.len();
                subtype = *t;
                if t.is_some() {
                    rule = "entity.location.based";
                }
            }
        }
        if span.is_empty() || !text[span].chars().any(char::is_alphabetic) {
            continue;
        }
        let name = &text[span];
        let words = name.split_whitespace().count();
        // A lone title-cased common word that is a title elsewhere ("Minister") is not a name.
        if words == 1
            && (g.titles.contains(name)
                || is_not_name(name)
                || COMMON_ABBREVIATIONS.contains(&name)
                || LEGAL_FORMS.contains(&name.trim_end_matches('.')))
        {
            continue;
        }
        if name.chars().count() == 1 {
            continue;
        }
        if subtype.is_none() {
            // Hard-wrapped wire copy breaks names over lines ("United\nStates").
            let spaced: std::borrow::Cow<'_, str> = if name.contains(['\n', '\r', '\t']) {
                name.split_whitespace().collect::<Vec<_>>().join(" ").into()
            } else {
                name.into()
            };
            if let Some(&t) = g.by_name.get(spaced.as_ref()) {
                subtype = Some(t);
                rule = "entity.gazetteer";
            } else if let Some(t) = head_cue(g, &spaced) {
                // "Charlotte Church", "Shirley Temple": a given name before a cue word that is also a
                // surname makes a person, not a place or a body.
                let given_then_surname = words == 2
                    && SURNAME_CUES.contains(&name.split_whitespace().last().unwrap_or(""))
                    && name
                        .split_whitespace()
                        .next()
                        .is_some_and(|f| g.given.contains(f));
                if words >= 2 && !given_then_surname {
                    subtype = Some(t);
                    rule = match t {
                        Subtype::Location => "entity.location.cue",
                        Subtype::Misc => "entity.misc.cue",
                        _ => "entity.organization.cue",
                    };
                }
            } else if words >= 3 {
                // A cue word first: "Bank of Japan", "Institute for Fiscal Studies" (any organization
                // cue); "Museum of Flight", "Tower of London" (a place cue before "of").
                let mut ws = name.split_whitespace();
                let first = ws.next().and_then(|f| g.cues.get(f));
                let of_next = ws.next() == Some("of");
                match first {
                    Some(Subtype::Organization) => {
                        subtype = Some(Subtype::Organization);
                        rule = "entity.organization.cue";
                    }
                    Some(Subtype::Location) if of_next => {
                        subtype = Some(Subtype::Location);
                        rule = "entity.location.cue";
                    }
                    _ => {}
                }
            }
        }
        if titled && subtype.is_none() {
            rule = "entity.person.title";
        }
        out.push(Mention {
            span,
            subtype: if titled && subtype != Some(Subtype::Organization) {
                Some(Subtype::Person)
            } else {
                subtype
            },
            rule,
            titled,
            words,
            sentence_initial: sentence_starts.contains(run[a].span.start),
            in_headline: in_headline(span),
            canonical: None,
        });
    }
    out
}

/// Where the holder's name starts in the words after an office's "of" (`Energy Rick Perry` -> 1): at the
/// first known given name with a word after it; else at the name-shaped words that end the run and are
/// not everyday words, as departments' names are (`Education Stefania Giannini` -> 1, `State Pompeo` -> 1).
fn office_holder(text: &str, words: &[Token], g: &Gazetteer) -> Option<usize> {
    let w = |n: usize| words[n].text(text);
    if let Some(n) = (0..words.len().saturating_sub(1)).find(|&n| g.given.contains(w(n))) {
        return Some(n);
    }
    let name_word = |n: usize| {
        looks_like_name_word(w(n)) && !g.is_common_word(w(n)) && !g.cues.contains_key(w(n))
    };
    let start = (0..words.len())
        .rev()
        .take_while(|&n| name_word(n))
        .last()?;
    // The office has a word at least: "Defence Caspar Weinberger".
    (words.len() >= 2).then_some(start.max(1))
}

/// True when the words of an office after its "of" name something of their own: a known place or body
/// (`Mexico`), or two words or more ending in a cue word (`Senate Banking Committee`).
fn is_body(text: &str, words: &[Token], g: &Gazetteer) -> bool {
    let (Some(a), Some(b)) = (words.first(), words.last()) else {
        return false;
    };
    let name = &text[a.span.start..b.span.end];
    g.by_name.contains_key(name) || (words.len() >= 2 && head_cue(g, name).is_some())
}

/// True when a title and "of" (or "of the") come right before `start`: `Chancellor of the |Exchequer`.
fn office_before(text: &str, start: usize, g: &Gazetteer) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let before = before.strip_suffix(" the").unwrap_or(before);
    let Some(before) = before.strip_suffix(" of") else {
        return false;
    };
    let title = &before[crate::text::trailing_run_start(before, char::is_alphabetic)..];
    !title.is_empty() && g.titles.contains(title)
}

/// The type the head of a name gives it: its last three or two words when they are a cue ("Air Force
/// Base", "Space Center"), else its last word ("Corp.", "Museum"). `name` is single-spaced.
fn head_cue(g: &Gazetteer, name: &str) -> Option<Subtype> {
    // The last one, two and three words, shortest first: the last cue found is the longest.
    name.rmatch_indices(' ')
        .take(3)
        .filter_map(|(i, _)| g.cues.get(&name[i + 1..]))
        .last()
        .or_else(|| g.cues.get(name.rsplit(' ').next()?.trim_end_matches('.')))
        .copied()
}

/// A lower-case title right before a name: "chief executive Lena Fischer", "minister Ashwini Vaishnaw".
fn lower_title_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    if before.len() + 1 < start.saturating_sub(2) {
        return false;
    }
    let ws = crate::text::trailing_run_start(before, |c: char| {
        c.is_alphabetic() || c == '-' || c == '.'
    });
    let word = &before[ws..];
    let w = word.trim_end_matches('.').to_lowercase();
    // An abbreviated title takes a full stop or none ("Dr. Hamel", "Dr Hamel"); after a whole word a full
    // stop ends its sentence ("rose to the rank of lieutenant. Elected for").
    ABBREVIATED_TITLES.contains(&w.as_str())
        || w.len() == word.len() && LOWER_TITLES.contains(&w.as_str())
}

/// Titles before a name written as abbreviations, with or without a full stop (the whole words are
/// [`LOWER_TITLES`]).
const ABBREVIATED_TITLES: &[&str] = &["dr", "mr", "mrs", "ms", "sen", "rep", "gov", "gen"];

#[cfg(test)]
mod tests;

/// [`NOT_NAMES`] as a set (it is looked up for every word at the edges of a capitalized run).
fn not_names() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NOT_NAMES.iter().copied().collect())
}

/// A sum of money: a money figure, or a range of them (its unit an ISO 4217 code).
fn is_money(c: &Claim) -> bool {
    c.kind == ClaimKind::Figure
        && (c.subtype == Subtype::Money
            || c.subtype == Subtype::Range
                && c.unit
                    .as_deref()
                    .is_some_and(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())))
}

/// True for capitalized words that are never names on their own: the NOT_NAMES list, month names, and
/// contractions (`I'm`, `We've`, `Don't`).
fn is_not_name(w: &str) -> bool {
    not_names().contains(w)
        || crate::time::month_number(w).is_some()
        || is_contraction(w)
        || is_plural_acronym(w)
}

/// The plural of an abbreviation (`TVs`, `CEOs`, `NGOs`): a common noun, since a name in the plural names
/// no one organization. A model code in the plural (`A380s`) still names a product, so letters only.
fn is_plural_acronym(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Endings of English contractions after the apostrophe (`I’ve`, `they'll`, `it's`).
const CONTRACTIONS: &[&str] = &["m", "ve", "ll", "d", "re", "s"];

/// A pronoun or function word with a contraction (`I'm`, `We’re`, `There's`), or a negated auxiliary
/// (`Don't`, `Can’t`). A name with an apostrophe (`O'Brien`, `Mo'unga`) or a possessive name (`Moody's`)
/// is not one.
fn is_contraction(w: &str) -> bool {
    let Some((base, ending)) = w.split_once(['\'', '’']) else {
        return false;
    };
    if ending == "t" && base.ends_with('n') {
        return true;
    }
    base != "A" && not_names().contains(base) && CONTRACTIONS.contains(&ending)
}
