//! Figures (kind `figure`): money, percentages, quantities with units, counts with the counted noun,
//! ordinals and ranges, with qualifiers ("more than", "up to"), each normalized to an exact decimal string.
//!
//! A figure grows from a number core (digits or number words) outward: a currency sign or code and a
//! qualifier on the left; a scale word, a currency word, `%`/`per cent`, a unit or a rate on the right; a
//! second core after `-`/`to`/`and` makes a range. Dates run first, and a core inside a date (a year, a day,
//! a clock time, a duration) is never a figure; nor are phone numbers, versions, URLs, handles, model names
//! (`Boeing 737`, `COVID-19`) or list numbers.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use regex::Regex;

use super::dates::looks_plural;
use super::numbers::{parse_words, scale_word, Decimal, WordNumber, CAPITAL_OK, NUMBER_WORDS};
use super::Extractor;
use crate::claim::{Claim, ClaimKind, Qualifier, Subtype};
use crate::span::{overlaps_any, Span};
use crate::text::sentences::data_lines;
use crate::text::Analyzed;

/// Vocabularies, loaded once from `data/`.
struct Vocab {
    /// Currency symbols written before a number, longest first.
    symbols: Vec<(&'static str, &'static str)>,
    /// The last bytes of the symbols, in both ASCII cases: text that ends otherwise ends in no symbol.
    symbol_last_bytes: [bool; 256],
    /// The one-character symbols, also written after a number ("20 €").
    one_char_symbols: Vec<(&'static str, &'static str)>,
    /// ISO codes and abbreviations (before or after a number), case-sensitive.
    codes: HashMap<&'static str, &'static str>,
    /// Currency words after a number, anchored automaton over lower case, with their ISO codes.
    words: AhoCorasick,
    word_codes: Vec<&'static str>,
    /// Nationality + currency word -> ISO code ("canadian dollar"), longest adjective first, grouped
    /// by the adjective's first byte (lower case).
    adjectives: Vec<Vec<(String, &'static str, &'static str)>>,
    /// Units after a number, anchored automaton, with their canonical unit.
    units: AhoCorasick,
    unit_names: Vec<&'static str>,
    unit_forms: Vec<&'static str>,
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut symbols = Vec::new();
        let mut codes = HashMap::new();
        let mut words = Vec::new();
        let mut word_codes = Vec::new();
        for line in data_lines(include_str!("../../../data/currencies.tsv")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [form, iso, place] = cols[..] else {
                continue;
            };
            match place {
                "symbol" => symbols.push((form, iso)),
                "code" => {
                    codes.insert(form, iso);
                }
                _ => {
                    words.push(form);
                    word_codes.push(iso);
                }
            }
        }
        symbols.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        let mut adjectives = Vec::new();
        for line in data_lines(include_str!("../../../data/currency_adjectives.tsv")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [adj, word, iso] = cols[..] else { continue };
            adjectives.push((adj.to_ascii_lowercase(), word, iso));
        }
        adjectives.sort_by_key(|(a, _, _)| std::cmp::Reverse(a.len()));
        let mut by_first = vec![Vec::new(); 256];
        for a in adjectives {
            if let Some(&b) = a.0.as_bytes().first() {
                by_first[usize::from(b)].push(a);
            }
        }
        let mut symbol_last_bytes = [false; 256];
        for (form, _) in &symbols {
            if let Some(&b) = form.as_bytes().last() {
                symbol_last_bytes[usize::from(b.to_ascii_lowercase())] = true;
                symbol_last_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        let one_char_symbols = symbols
            .iter()
            .filter(|(f, _)| f.chars().count() == 1)
            .copied()
            .collect();
        let mut unit_forms = Vec::new();
        let mut unit_names = Vec::new();
        for line in data_lines(include_str!("../../../data/units.tsv")) {
            let Some((form, unit)) = line.split_once('\t') else {
                continue;
            };
            unit_forms.push(form);
            unit_names.push(unit.trim());
        }
        let anchored = |pats: &[&str]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .ascii_case_insensitive(true)
                .build(pats)
                .expect("vocabulary automaton builds")
        };
        Vocab {
            symbols,
            symbol_last_bytes,
            one_char_symbols,
            codes,
            words: anchored(&words),
            word_codes,
            adjectives: by_first,
            units: anchored(&unit_forms),
            unit_names,
            unit_forms,
        }
    })
}

/// True when `w` (lower case) is a unit of measure claimdex knows (`km`, `tonnes`).
pub(crate) fn is_unit_word(w: &str) -> bool {
    let v = vocab();
    v.unit_forms.iter().any(|f| f.eq_ignore_ascii_case(w))
}

/// Fraction words (`a third`, `three quarters`), as the core and the split-fraction patterns read them.
const FRACTIONS: &str =
    "half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?";

struct Patterns {
    /// A number: a fraction, digits (with an ordinal ending) or number words. Matched without
    /// captures: which of the three it is shows in its text ([`Core::of`]).
    core: Regex,
    scale: Regex,
    percent: Regex,
    rate: Regex,
    qualifier: Regex,
    range_link: Regex,
    street: Regex,
    and_fraction: Regex,
    split_fraction: Regex,
    exponent: Regex,
    compound: Regex,
    number_tail: Regex,
    vague: Regex,
    model: Regex,
    subunit: Regex,
}

/// Vulgar-fraction characters, one number each (`½`).
const VULGAR_FRACTIONS: &str = "½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";

/// One match of the core pattern, read by the alternative it matched. The pattern's alternatives start
/// apart: only a fraction holds a slash or is a vulgar-fraction character, only digits start with a
/// digit, a sign or a decimal point, and words start with a letter. So the matched text tells which
/// matched, and the regex runs without captures (resolving capture groups cost more than the search).
#[derive(Clone, Copy, Debug)]
struct Core {
    span: Span,
    form: CoreForm,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum CoreForm {
    /// `3/4`, `1 1/2`, `37-1/2`, `½`.
    Fraction,
    /// `1,250.5`, `-3`, `.5`, `21st`: the digits end at `end`, before an ordinal ending if any.
    Digits { end: usize, ordinal: bool },
    /// `two hundred`, `three quarters`.
    Words,
}

impl Core {
    fn of(m: regex::Match<'_>) -> Core {
        let s = m.as_str();
        let span = Span::new(m.start(), m.end());
        let form = if s.contains('/') || s.starts_with(|c| VULGAR_FRACTIONS.contains(c)) {
            CoreForm::Fraction
        } else if s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '−' | '.')) {
            // The digits never end in a letter: one that does is an ordinal ending (`st`, `nd`, `rd`,
            // `th`).
            let ordinal = s.ends_with(|c: char| c.is_ascii_alphabetic());
            CoreForm::Digits {
                end: m.end() - if ordinal { 2 } else { 0 },
                ordinal,
            }
        } else {
            CoreForm::Words
        };
        Core { span, form }
    }

    /// The core match starting at or after `at`.
    fn find_at(text: &str, at: usize) -> Option<Core> {
        patterns().core.find_at(text, at).map(Core::of)
    }
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let words = format!(r"(?:{NUMBER_WORDS})");
        // Digits (with separators and decimals) or a run of number words, with fractions.
        let core = Regex::new(&format!(
            r"(?P<frac>(?:(?-u:\b)[0-9]{{1,3}}[\s-])?(?-u:\b)[0-9]{{1,2}}/[0-9]{{1,3}}(?-u:\b)|[{VULGAR_FRACTIONS}])|(?P<digits>[-−]?(?:[0-9]{{1,2}},(?:[0-9]{{2}},)+[0-9]{{3}}(?:\.[0-9]+)?|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,3}}(?:[\u{{a0}}\u{{202f}}\u{{2009}}][0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|(?-u:\B)\.[0-9]+))(?:(?P<ord>st|nd|rd|th)(?-u:\b))?|(?i)(?-u:\b)(?P<words>(?:(?:minus|negative)\s+)?(?:(?:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|{words})[\s-]+)?(?:{FRACTIONS})(?-u:\b)(?:\s+(?:a\s+)?(?:thousand|million|billion|trillion|dozen))?|(?:an?\s+)?{words}(?:(?:\s+|-)(?:and\s+)?{words})*(?:-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?(?:\s+point(?:\s+{words})+)?(?:[\s-](?:halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths))?(?:\s+and\s+(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?:{FRACTIONS}))?|(?:eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth)(?-u:\b)))(?-u:\b)"
        ))
        .expect("core");
        Patterns {
            core,
            scale: Regex::new(r"^(?:\s?(?i:lakh|thousand)\s(?i:crore)s?(?-u:\b)|\s?-?\s?(?i:thousand|million|billion|trillion|hundred|lakh|crore|dozen|doz|dz)s?(?-u:\b)|\s?(?i:bn|bln|mn|mln|tn|trn|tln|mil)(?-u:\b)|(?:MM|[mkb]|K|M|B)(?-u:\b))").expect("scale"),
            // Percentage points before the bare "percentage" some writers use for per cent.
            percent: Regex::new(r"(?i)^\s?(?:(?P<pp>percentage[\s-]points?(?-u:\b)|pp(?-u:\b)|ppts?(?-u:\b))|(?P<pct>%|per\s?cents?(?-u:\b)|percents?(?-u:\b)|percentage(?-u:\b)|pct(?-u:\b))|(?P<bp>basis\s+points?(?-u:\b)|bps(?-u:\b)))").expect("percent"),
            rate: Regex::new(r"(?i)^\s+(?:a|an|per|each|every)\s+(?P<per>year|annum|month|week|day|hour|person|head|share|barrel|tonne|ton|capita)(?-u:\b)").expect("rate"),
            qualifier: Regex::new(r"(?i)(?P<q>more\s+than|just\s+over|well\s+over|over|above|exceeding|in\s+excess\s+of|upwards\s+of|greater\s+than|at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|less\s+than|fewer\s+than|just\s+under|under|below|up\s+to|at\s+most|no\s+more\s+than|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of|about|around|nearly|almost|approximately|roughly|some|close\s+to|an\s+estimated|estimated|circa|approx\.|more\s+or\s+less)\s+$").expect("qualifier"),
            range_link: Regex::new(r"(?i)^\s*(?:-|–|—|to|and|or)\s*").expect("range"),
            street: Regex::new(r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Square|Court|Terrace)(?-u:\b)").expect("street"),
            subunit: Regex::new(&format!(r"^\s+(?:and\s+)?(?P<n>[0-9]{{1,2}}|(?i:{words})(?:[\s-](?i:{words}))?)(?-u:\b)(?P<unit>\s+(?i:cents?|pence|pennies))?")).expect("subunit"),
            model: Regex::new(r"(?-u:\b)(?P<word>[A-Z][A-Za-z]+|[a-z]+[A-Z][A-Za-z]*) (?P<num>[0-9]{2,4})(?-u:\b)|(?-u:\b)(?P<variant>[0-9]{3})(?:-[0-9]{1,4}|s)(?-u:\b)").expect("model"),
            // Scientific notation after a number: "x10^6", "× 10⁻⁴", "e+14".
            exponent: Regex::new(r"^(?:\s?[x×*]\s?10(?:\s?\^\s?(?P<e>[-+−]?[0-9]{1,2})(?-u:\b)|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))|[eE](?P<ee>[-+]?[0-9]{1,2})(?-u:\b)|\^(?P<pow>[-+−]?[0-9]{1,2})(?-u:\b))").expect("exponent"),
            number_tail: Regex::new(&format!(r"^(?:[ -]+(?:and\s+)?(?:[0-9]{{1,3}}|(?i:{words}))(?-u:\b))+")).expect("number_tail"),
            compound: Regex::new(r"^,?\s+(?:and\s+)?(?P<n>[0-9]{1,2}(?:\.[0-9]+)?)").expect("compound"),
            split_fraction: Regex::new(&format!(r"(?i)^[ -](?:{FRACTIONS})(?-u:\b)")).expect("split_fraction"),
            and_fraction: Regex::new(r"(?i)^\s+and\s+(?P<f>(?:an?|one|two|three)[\s-]+(?:half|thirds?|quarters?))(?-u:\b)").expect("and_fraction"),
            vague: Regex::new(r"(?i)(?-u:\b)(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<w>dozens|hundreds|thousands|millions|billions|trillions)\s+of(?-u:\b)").expect("vague"),
        }
    })
}

/// Words that follow a count but are not the counted thing.
const NOT_NOUNS: &[&str] = &[
    "of", "in", "to", "and", "or", "the", "a", "an", "are", "were", "was", "is", "be", "been",
    "have", "had", "has", "will", "would", "could", "should", "may", "might", "can", "from", "for",
    "with", "by", "on", "at", "as", "per", "more", "than", "each", "who", "which", "that", "this",
    "these", "those", "it", "they", "he", "she", "we", "you", "i", "times", "percent", "out", "up",
    "down", "so", "but", "if", "when", "while", "after", "before", "since", "until", "into",
    "over", "under", "about", "around", "between", "through", "during", "against", "among", "also",
    "all", "not", "no", "did", "do", "does", "said", "says", "say", "last", "next", "this",
    "other", "others", "year", "years", "month", "months", "week", "weeks", "day", "days", "its",
    "their", "his", "her", "our", "my", "your", "there", "here", "then", "now", "yet", "just",
];

/// Adjectives stripped from the front of a counted noun ("new jobs" counts "jobs").
const ADJECTIVES: &[&str] = &[
    "new",
    "more",
    "additional",
    "other",
    "extra",
    "full-time",
    "part-time",
    "young",
    "old",
    "local",
    "foreign",
    "total",
    "major",
    "small",
    "large",
    "big",
    "key",
    "top",
    "senior",
    "junior",
    "former",
    "current",
    "active",
    "registered",
    "eligible",
    "confirmed",
    "reported",
    "estimated",
    "possible",
    "potential",
    "separate",
    "different",
    "individual",
    "unique",
    "daily",
    "annual",
    "monthly",
    "weekly",
    "several",
    "many",
    "few",
    "such",
    "same",
    "first",
    "last",
    "only",
    "main",
    "further",
    "existing",
    "remaining",
    "global",
    "domestic",
];

/// The figure extractor.
#[derive(Debug, Default)]
pub struct FigureExtractor {
    _private: (),
}

impl FigureExtractor {
    /// Builds the extractor (vocabularies and patterns are compiled once per process).
    pub fn new() -> FigureExtractor {
        vocab();
        patterns();
        FigureExtractor { _private: () }
    }
}

/// A figure being built.
#[derive(Clone, Debug)]
struct Fig {
    span: Span,
    value: Option<Decimal>,
    subtype: Subtype,
    unit: Option<String>,
    /// What a rate is counted per (`week`).
    per: Option<String>,
    rule: &'static str,
    /// Scale applied (to share with the low end of a range).
    scale: Option<Decimal>,
    /// The core had no unit of its own (a bare number).
    bare: bool,
}

impl Extractor for FigureExtractor {
    fn kind(&self) -> ClaimKind {
        ClaimKind::Figure
    }

    fn extract(&self, doc: &Analyzed<'_>, found: &[Claim], out: &mut Vec<Claim>) {
        let text = doc.text();
        let p = patterns();
        // Dates (disjoint: the date extractor keeps one of overlapping candidates) and excluded spans.
        let mut dates: Vec<Span> = found
            .iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .map(|c| c.span)
            .collect();
        dates.sort();
        let is_blocked = |s: Span| overlaps_any(&dates, s) || overlaps_any(doc.excluded(), s);
        let models = model_numbers(text);
        let mut claims = vague_amounts(text, &is_blocked);
        let mut taken = crate::span::SpanSet::new();
        for c in &claims {
            taken.insert(c.span);
        }
        let mut consumed_to = 0usize;
        for m in p.core.find_iter(text) {
            let mut c = Core::of(m);
            if c.span.start < consumed_to {
                continue;
            }
            // A dot leader ("Net free reserves.....644 vs.....1,337") is not a decimal point: the
            // number starts after it.
            if m.as_str().starts_with('.') && text[..m.start()].ends_with('.') {
                let Some(after) = Core::find_at(text, m.start() + 1) else {
                    continue;
                };
                c = after;
                consumed_to = c.span.end;
            }
            let Some(mut fig) = build(text, &c, &is_blocked, false, &models) else {
                continue;
            };
            if taken.overlaps(fig.span) || ends_split_year(text, fig.span) {
                continue;
            }
            let qualifier = qualifier_before(text, fig.span.start);
            let mut high = None;
            match range_end(text, &fig, &is_blocked, &models) {
                RangeEnd::Range(other, lo, hi) => {
                    fig.value = Some(lo);
                    high = Some(hi);
                    fig.span.end = other.span.end;
                    if fig.unit.is_none() {
                        fig.unit = other.unit.clone();
                        fig.subtype = other.subtype;
                    }
                    if fig.per.is_none() {
                        fig.per = other.per.clone();
                    }
                    fig.bare = fig.bare && other.bare;
                    fig.rule = "figure.range";
                    consumed_to = other.span.end;
                }
                RangeEnd::Score(end) => {
                    // "beat them 3-1": a score, not two figures.
                    consumed_to = end;
                    continue;
                }
                RangeEnd::None => {
                    // "one in three adults", "two out of five": a ratio.
                    if let Some((end, ratio)) = ratio_after(text, &fig, &is_blocked, &models) {
                        fig.value = Some(ratio);
                        fig.span.end = end;
                        fig.unit = counted_noun(text, end);
                        fig.rule = "figure.ratio";
                        consumed_to = end;
                    }
                }
            }
            let subtype = if high.is_some() {
                Subtype::Range
            } else {
                fig.subtype
            };
            let mut claim = Claim::new(ClaimKind::Figure, subtype, fig.span, fig.rule);
            claim.value = fig.value.map(|v| v.to_string());
            claim.value_high = high.map(|v| v.to_string());
            claim.unit = fig.unit;
            claim.per = fig.per;
            claim.qualifier = qualifier;
            claim.confidence = if fig.bare { 0.7 } else { 0.9 };
            taken.insert(claim.span);
            claims.push(claim);
        }
        claims.sort_by_key(|c| c.span.start);
        two_way_quotes(text, &mut claims);
        carry_units(text, &mut claims);
        cents_of_the_level(text, &mut claims);
        out.extend(claims);
    }
}

/// `1986/87`, `2023-24`, `1980/85`: the two digits after a year that name the next year (a fiscal or
/// season year, also `1999/00`) or a later year of the same century (a span of years).
fn ends_split_year(text: &str, span: Span) -> bool {
    let digits = &text[span];
    let Some(before) = text[..span.start].strip_suffix(['/', '-', '–']) else {
        return false;
    };
    let bytes = before.as_bytes();
    // Four ASCII digits, so the slice below is on character boundaries, not glued to a word before.
    let Some(year_start) = bytes.len().checked_sub(4) else {
        return false;
    };
    if !bytes[year_start..].iter().all(u8::is_ascii_digit)
        || year_start > 0 && (bytes[year_start - 1] as char).is_ascii_alphanumeric()
    {
        return false;
    }
    match (before[year_start..].parse::<u32>(), digits.parse::<u32>()) {
        (Ok(y), Ok(d)) => {
            digits.len() == 2 && (1500..2200).contains(&y) && ((y + 1) % 100 == d || d > y % 100)
        }
        _ => false,
    }
}

/// Words that set a figure against the one before it: `10.7 billion yen vs 37.1 billion`, `rose to 5.2
/// mln dlrs from 4.1 mln`, `163 mln rupees, up from 133 mln`.
const COMPARED: &[&str] = &[
    "vs",
    "vs.",
    "versus",
    "from",
    "up from",
    "down from",
    "against",
    "compared with",
    "compared to",
];

/// Whether the words between two amounts join them as a pair: `and`, `or`, after at most a short
/// time phrase of the first (`in 1987 and`, `this year and`).
fn joined_amount(gap: &str) -> bool {
    let Some(head) = ["and", "or"].iter().find_map(|w| {
        gap.strip_suffix(w)
            .filter(|h| h.is_empty() || h.ends_with(' '))
    }) else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    match words.as_slice() {
        [] => true,
        [prep, .., last] if words.len() <= 3 => {
            ["in", "for", "this", "last", "next"].contains(prep)
                && last.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// Whether a figure's text writes one of `words` (any case).
fn writes_any(figure: &str, words: &[&str]) -> bool {
    figure
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| words.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// Whether a figure's text writes a scale word (`4.1 mln`, `$2bn`).
fn writes_scale(figure: &str) -> bool {
    figure
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| !w.is_empty() && super::numbers::scale_word(w).is_some())
}

/// The hundredth parts of currencies, written after a number.
const SUBUNITS: &[&str] = &[
    "c", "ct", "cts", "cent", "cents", "p", "pence", "penny", "pennies",
];

/// A bare number compared with an amount of money or a percentage right before it is in the same unit:
/// news writes the unit once (`Net 10.7 billion yen vs 37.1 billion`). A number with a noun of its own
/// (`from 4 plants`) keeps it.
fn carry_units(text: &str, claims: &mut [Claim]) {
    for i in 1..claims.len() {
        let (prev, cur) = (&claims[i - 1], &claims[i]);
        let Some(kind) = money_or_percent(prev) else {
            continue;
        };
        // `eased to 3.75/80 pct from 3.80/85`: a two-way quote after one is in its unit too.
        let quote = cur.rule == QUOTE_RULE;
        if prev.unit.is_none()
            || !(cur.subtype == Subtype::Count || quote)
            || cur.unit.is_some()
            || prev.span.end > cur.span.start
        {
            continue;
        }
        // `5.5 cents vs 5.0`, `dipped 33p to 3,275`: the number is in cents too.
        let cents = writes_any(&text[prev.span], SUBUNITS);
        if cents && money_shared_after(text, cur, claims.get(i + 1)) {
            continue;
        }
        let after = text[cur.span.end..].trim_start();
        let next = &after[..after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len())];
        if SUBUNITS.iter().any(|w| next.eq_ignore_ascii_case(w)) {
            continue;
        }
        // `879.4 mln dlrs from 892.5`: the scale is not written either, and may not be the same.
        // `5.19 pct up from 49.98 billion`: a rate is never written with a scale word, so that number
        // is the level the change is from.
        let scaled = writes_scale(&text[cur.span]);
        if writes_scale(&text[prev.span]) && !scaled || kind == Subtype::Percent && scaled {
            continue;
        }
        let gap = text[prev.span.end..cur.span.start].trim_start_matches([' ', '\n', ',']);
        let gap = gap.split_whitespace().collect::<Vec<_>>().join(" ");
        // `fell 4.64 billion francs to 7.88 billion`: a change in money, then the new level in the same
        // money (a change in per cent leads to a level in anything).
        let new_level = gap.eq_ignore_ascii_case("to")
            && prev.subtype == Subtype::Money
            && after_change_verb(text, prev.span.start);
        // `1.5 billion yen in 1987 and 3.5 billion in 1988`: a second amount of money that writes the
        // scale again, joined by `and` or `or`, is in the same money.
        let joined = prev.subtype == Subtype::Money && scaled && joined_amount(&gap);
        if !new_level && !joined && !COMPARED.iter().any(|w| gap.eq_ignore_ascii_case(w)) {
            continue;
        }
        // `fell to 5.8 pct from 6.2` compares two rates, but in `up 8.8 pct from 111,743` the number after
        // `from` is the level the change is from.
        let level = preceded_by_word(
            text,
            prev.span.start,
            &["to", "at", "of", "was", "were", "is"],
        );
        if kind == Subtype::Percent && gap == "from" && !level || cents && quote {
            continue;
        }
        let value = match (cents, cur.value.as_deref()) {
            (false, _) => cur.value.clone(),
            (true, v) => match v.and_then(Decimal::parse) {
                Some(v) => v.div_int(100).map(|v| v.to_string()),
                None => continue,
            },
        };
        let unit = prev.unit.clone();
        let cur = &mut claims[i];
        cur.value = value;
        if !quote {
            cur.subtype = kind;
        }
        cur.unit = unit;
        cur.rule = "figure.unit_carried";
    }
}

/// The rule of a two-way quote's range (see [`two_way_quotes`]).
const QUOTE_RULE: &str = "figure.range.quote";

/// Markets quote a price both ways, writing only the digits that change: `3.7495/98` is bid 3.7495, offer
/// 3.7498; `3.85/95 pct` is 3.85 to 3.95 per cent. The second part is no figure of its own: the two
/// parts become one range, in the unit written after them. Only a decimal price whose fraction has at
/// least as many digits as the part after the slash, and two digits at least, reads so (not `1.5/2`).
fn two_way_quotes(text: &str, claims: &mut Vec<Claim>) {
    let mut i = 1;
    while i < claims.len() {
        let (prev, cur) = (&claims[i - 1], &claims[i]);
        let Some((low, high)) = quote_ends(text, prev, cur) else {
            i += 1;
            continue;
        };
        let cur = claims.remove(i);
        let prev = &mut claims[i - 1];
        prev.span.end = cur.span.end;
        prev.subtype = Subtype::Range;
        prev.value = Some(low.to_string());
        prev.value_high = Some(high.to_string());
        prev.unit = cur.unit;
        prev.per = cur.per;
        prev.rule = QUOTE_RULE;
    }
}

/// The low and high ends of a two-way quote (see [`two_way_quotes`]) when `cur` is its other side after
/// the price `prev`.
fn quote_ends(text: &str, prev: &Claim, cur: &Claim) -> Option<(Decimal, Decimal)> {
    let price = &text[prev.span];
    let (whole, frac) = price.split_once('.')?;
    if prev.unit.is_some()
        || prev.value_high.is_some()
        || whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || cur.value_high.is_some()
        || !matches!(
            cur.subtype,
            Subtype::Count | Subtype::Percent | Subtype::Money
        )
    {
        return None;
    }
    let after = text[prev.span.end..].strip_prefix('/')?;
    let digits = &after[..after
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after.len())];
    let side_start = prev.span.end + 1;
    // The claim after the slash is that number (perhaps without its leading zeros), with no decimals.
    if !(2..=frac.len()).contains(&digits.len())
        || cur.span.start < side_start
        || cur.span.start > side_start + digits.len()
        || after[digits.len()..]
            .strip_prefix(['.', ','])
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        || cur.value.as_deref().and_then(Decimal::parse) != Decimal::parse(digits)
    {
        return None;
    }
    let other = format!("{whole}.{}{digits}", &frac[..frac.len() - digits.len()]);
    let price = Decimal::parse(&price.replace(',', ""))?;
    let other = Decimal::parse(&other.replace(',', ""))?;
    // `1.5085/00` rolls over to 1.5100; `4.35/25` is quoted high side first. A lower other side is read
    // whichever way lands nearer the price.
    let step = Decimal::int(1).times_pow10(digits.len() as i32 - frac.len() as i32)?;
    let rolled = other.checked_add(step)?;
    let (p, o, r) = (price.to_f64(), other.to_f64(), rolled.to_f64());
    Some(if o >= p {
        (price, other)
    } else if r - p < p - o {
        (price, rolled)
    } else {
        (other, price)
    })
}

/// Whether a figure is money or a percentage, as a two-way quote range in a currency or per cent is:
/// which of the two, or `None`.
fn money_or_percent(c: &Claim) -> Option<Subtype> {
    match c.subtype {
        Subtype::Money | Subtype::Percent => Some(c.subtype),
        Subtype::Range if c.rule == QUOTE_RULE => match c.unit.as_deref()? {
            "%" => Some(Subtype::Percent),
            u if u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()) => Some(Subtype::Money),
            _ => None,
        },
        _ => None,
    }
}

/// `gained 31 cents to 1.44 Canadian dlrs`: a change written in bare cents is in the currency of the level
/// it leads to. Bare cents read as US cents; pence and a currency written with the cents stay.
fn cents_of_the_level(text: &str, claims: &mut [Claim]) {
    for i in 1..claims.len() {
        let (change, level) = (&claims[i - 1], &claims[i]);
        let bare_cents = change.rule == "figure.money.cents"
            && change.unit.as_deref() == Some("USD")
            && text[change.span]
                .split(|c: char| !c.is_alphabetic())
                .all(|w| w.is_empty() || SUBUNITS.contains(&w.to_ascii_lowercase().as_str()));
        let gap = text.get(change.span.end..level.span.start).unwrap_or("");
        if !bare_cents
            || level.subtype != Subtype::Money
            || writes_any(&text[level.span], SUBUNITS)
            || !gap.trim().eq_ignore_ascii_case("to")
            || !after_change_verb(text, change.span.start)
            || matches!(level.unit.as_deref(), None | Some("USD" | "GBP"))
        {
            continue;
        }
        let unit = level.unit.clone();
        claims[i - 1].unit = unit;
    }
}

/// `raised 50 cts to 18.10 and 19.35 dlrs`: money (not cents) written just after `cur`, which the two
/// numbers share.
fn money_shared_after(text: &str, cur: &Claim, next: Option<&Claim>) -> bool {
    let end = cur.span.end;
    next.is_some_and(|n| {
        n.subtype == Subtype::Money
            && !writes_any(&text[n.span], SUBUNITS)
            && n.span.start >= end
            && n.span.start - end <= 6
            && text[end..n.span.start]
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, ',' | '-'))
    })
}

/// What follows a figure: the high end of a range, a score's second number, or nothing.
enum RangeEnd {
    /// The second figure, and the low and high values (the low end takes the high end's scale when it
    /// has none: "$5-10bn").
    Range(Box<Fig>, Decimal, Decimal),
    Score(usize),
    None,
}

/// Looks for the high end of a range after `fig`: "5 to 10 per cent", "$5-10bn", "between 1.1 and 1.3".
fn range_end(
    text: &str,
    fig: &Fig,
    is_blocked: &dyn Fn(Span) -> bool,
    models: &HashSet<&str>,
) -> RangeEnd {
    let p = patterns();
    let Some(link) = p.range_link.find(&text[fig.span.end..]) else {
        return RangeEnd::None;
    };
    let link_word = link.as_str().trim().to_ascii_lowercase();
    let allowed = match link_word.as_str() {
        "and" => preceded_by_word(text, fig.span.start, &["between"]),
        "or" => false,
        _ => true,
    };
    let next_start = fig.span.end + link.end();
    let Some(next) = Core::find_at(text, next_start) else {
        return RangeEnd::None;
    };
    let gap = &text[next_start..next.span.start];
    if !allowed || !gap.trim().chars().all(|ch| "$€£¥₹".contains(ch)) || gap.len() > 3 {
        return RangeEnd::None;
    }
    let Some(other) = build(text, &next, is_blocked, true, models) else {
        return RangeEnd::None;
    };
    let (Some(lo), Some(hi)) = (fig.value, other.value) else {
        return RangeEnd::None;
    };
    // `6 to 7 billion` shares the scale; so does `six to seven billion`, where the words took theirs into
    // their value (the first number is then a small multiplier, not `700,000 and one million`).
    let shared_scale = other.scale.or_else(|| {
        // The scale is the last number word; a currency or unit may follow it (`seven billion dollars`).
        let words = &text[other.span];
        let last = words.split_whitespace().rfind(|w| is_big_scale(w))?;
        let spelled = !words.contains(|c: char| c.is_ascii_digit());
        let multiplier = spelled && lo.to_f64() < 1000.0 && !writes_scale(&text[fig.span]);
        scale_word(last).filter(|_| multiplier)
    });
    let lo = match (fig.scale, shared_scale) {
        (None, Some(s)) => lo.checked_mul(s).unwrap_or(lo),
        _ => lo,
    };
    if fig.bare && other.bare && link_word == "-" && hi.to_f64() < lo.to_f64() {
        return RangeEnd::Score(other.span.end);
    }
    // `rose 17.3 pct to 413,462`: a percentage does not range to a bare number.
    let compatible = (fig.unit.is_none() || other.unit.is_none() || fig.unit == other.unit)
        && !(fig.subtype == Subtype::Percent && other.unit.is_none());
    // After a verb of change, `to` often leads from the change to the new level: `fell 4.64 billion
    // francs to 7.88 billion` writes the change's own unit or scale, and in `rose 1-1/4 to 22-3/4` the
    // level dwarfs the change. `gained 3.70 to 4.60 dlrs` and `down 50 to 60 pct` are still ranges.
    let change_then_level = link_word == "to"
        && after_change_verb(text, fig.span.start)
        && (!fig.bare || hi.to_f64() > 4.0 * lo.to_f64());
    // Wire copy quotes a share's change, then its price, in eighths: `Telex fell 11 to 34-1/4`, `Exxon 7/8
    // to 62-3/4` in a list after one verb. Two bare numbers, one of them a fraction, the second more than
    // twice the first and a price-like level, are no range (`1/8 to 3/8 point`, `24-1/2 to 26` still are).
    let quoted_range = preceded_by_word(text, fig.span.start, &["between", "from"])
        || text[..fig.span.start].trim_end().ends_with("range of");
    let price_after_change = !quoted_range
        && fig.bare
        && other.bare
        && (text[fig.span].contains('/') || text[other.span].contains('/'))
        && hi.to_f64() > 2.0 * lo.to_f64()
        && hi.to_f64() >= 5.0;
    if compatible && !change_then_level && !price_after_change && lo.to_f64() <= hi.to_f64() {
        RangeEnd::Range(Box::new(other), lo, hi)
    } else {
        RangeEnd::None
    }
}

/// Words between the two numbers of a ratio ("one in three") or a quotient ("one over three").
const RATIO_LINKS: [&str; 3] = ["in", "out of", "over"];

/// True when one of [`RATIO_LINKS`] and a number follow `pos`.
fn ratio_follows(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    RATIO_LINKS.iter().any(|l| {
        rest.strip_prefix(' ')
            .and_then(|t| t.strip_prefix(l)?.strip_prefix(' '))
            .is_some_and(|t| {
                t.starts_with(|c: char| c.is_ascii_digit())
                    || parse_words(
                        t.split_whitespace()
                            .next()
                            .unwrap_or("")
                            .trim_end_matches(|c: char| !c.is_alphanumeric()),
                    )
                    .is_some()
            })
    })
}

/// The second number of a ratio after a bare count: "one in three", "2 out of 5". Returns where it
/// ends and the ratio as a decimal.
fn ratio_after(
    text: &str,
    fig: &Fig,
    is_blocked: &dyn Fn(Span) -> bool,
    models: &HashSet<&str>,
) -> Option<(usize, Decimal)> {
    if !fig.bare {
        return None;
    }
    let rest = &text[fig.span.end..];
    let (link, len) = RATIO_LINKS.iter().find_map(|l| {
        let t = rest.strip_prefix(' ')?.strip_prefix(l)?;
        t.starts_with(' ').then_some((*l, rest.len() - t.len() + 1))
    })?;
    let start = fig.span.end + len;
    let next = Core::find_at(text, start).filter(|c| c.span.start == start)?;
    let other = build(text, &next, is_blocked, true, models)?;
    let (a, b) = (fig.value?, other.value?);
    let bi = b.as_i64().filter(|&b| b > 0)?;
    if !other.bare {
        return None;
    }
    if link == "over" {
        // A quotient ("one over three", "1 over 20"), but not "3 over 2 rivals" (a count of them).
        if counted_noun(text, other.span.end).is_some() {
            return None;
        }
        return Some((other.span.end, a.div_int(bi as i128)?));
    }
    let ai = a.as_i64()?;
    if !(ai > 0 && ai < bi && bi <= 1000) {
        return None;
    }
    Some((
        other.span.end,
        Decimal::int(ai as i128).div_int(bi as i128)?,
    ))
}

/// "hundreds of", "tens of thousands of", "dozens of": a count with qualifier `gt` and the smallest value
/// the words allow.
fn vague_amounts(text: &str, is_blocked: &dyn Fn(Span) -> bool) -> Vec<Claim> {
    let mut out = Vec::new();
    for c in patterns().vague.captures_iter(text) {
        let (Some(m), Some(word_m)) = (c.get(0), c.name("w")) else {
            continue;
        };
        let span = Span::new(m.start(), word_m.end());
        if is_blocked(span) {
            continue;
        }
        let base = match word_m.as_str().to_ascii_lowercase().as_str() {
            "dozens" => Decimal::int(12),
            "hundreds" => Decimal::int(100),
            "thousands" => Decimal::int(1_000),
            "millions" => Decimal::int(1_000_000),
            "billions" => Decimal::int(1_000_000_000),
            _ => Decimal::int(1_000_000_000_000),
        };
        let value = match c.name("tens").map(|t| t.as_str().to_ascii_lowercase()) {
            Some(t) if t == "tens" => base.checked_mul(Decimal::int(10)),
            Some(_) => base.checked_mul(Decimal::int(100)),
            None => Some(base),
        };
        let mut claim = Claim::new(
            ClaimKind::Figure,
            Subtype::Count,
            span,
            "figure.count.vague",
        );
        claim.value = value.map(|v| v.to_string());
        // "hundreds of millions of dollars": money, its currency word inside the span.
        match currency_after(&text[m.end()..], true) {
            Some((len, iso)) => {
                claim.subtype = Subtype::Money;
                claim.span.end = m.end() + len;
                claim.unit = Some(iso.to_string());
                claim.rule = "figure.money.vague";
            }
            None => claim.unit = counted_noun(text, m.end()),
        }
        claim.qualifier = Some(Qualifier::Gt);
        claim.confidence = 0.6;
        out.push(claim);
    }
    out
}

/// Verbs and adverbs of change that a figure of change follows (`rose 5 pct`, `was up 1/4`).
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "fell",
    "fallen",
    "gained",
    "lost",
    "climbed",
    "dropped",
    "declined",
    "increased",
    "decreased",
    "jumped",
    "slipped",
    "eased",
    "added",
    "shed",
    "advanced",
    "slid",
    "plunged",
    "soared",
    "tumbled",
    "surged",
    "grew",
    "grown",
    "dipped",
    "firmed",
    "raised",
    "lowered",
    "reduced",
    "rising",
    "falling",
    "gaining",
    "losing",
    "climbing",
    "dropping",
    "declining",
    "increasing",
    "decreasing",
    "jumping",
    "slipping",
    "easing",
    "adding",
    "advancing",
    "sliding",
    "plunging",
    "soaring",
    "tumbling",
    "surging",
    "growing",
    "dipping",
    "firming",
    "raising",
    "lowering",
    "reducing",
    "up",
    "down",
    "off",
    "higher",
    "lower",
];

/// True when a verb of change comes right before `start`, or before a `by` right before it (`rose by`).
fn after_change_verb(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = crate::text::last_word(before);
    let at = if word.eq_ignore_ascii_case("by") {
        before.len() - word.len()
    } else {
        start
    };
    preceded_by_word(text, at, CHANGE_VERBS)
}

fn preceded_by_word(text: &str, start: usize, words: &[&str]) -> bool {
    let before = text[..start].trim_end();
    let ws = crate::text::trailing_run_start(before, char::is_alphabetic);
    words.iter().any(|w| before[ws..].eq_ignore_ascii_case(w))
}

fn qualifier_before(text: &str, start: usize) -> Option<Qualifier> {
    let window_start = crate::text::floor_char_boundary(text, start.saturating_sub(30));
    let before = &text[window_start..start];
    // Skip a currency sign between qualifier and number ("over $5").
    let before = before.trim_end_matches(|c: char| "$€£¥₹".contains(c) || c == 'U' || c == 'S');
    let c = patterns().qualifier.captures(before)?;
    let q = c.name("q")?.as_str().to_ascii_lowercase();
    let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
    // The qualifier must start a word.
    let qs = c.name("q")?.start();
    if qs > 0 && before[..qs].ends_with(char::is_alphanumeric) {
        return None;
    }
    Some(match q.as_str() {
        "more than" | "just over" | "well over" | "over" | "above" | "exceeding"
        | "in excess of" | "upwards of" | "greater than" => Qualifier::Gt,
        "at least" | "no fewer than" | "no less than" | "a minimum of" => Qualifier::Ge,
        "less than" | "fewer than" | "just under" | "under" | "below" => Qualifier::Lt,
        "up to" | "at most" | "no more than" | "as many as" | "as much as" | "a maximum of" => {
            Qualifier::Le
        }
        _ => Qualifier::Approx,
    })
}

/// The longest run of number words and digits after `pos` that reads, with the number from `start`, as one
/// number: (bytes consumed, value). The run must hold digits ("3 hundred and 21") or be "and" after
/// "hundred" ("3 hundred and one"): "$5 million and two others" is two figures. `scale` is the value of
/// `scale_name`, the scale word read just before `pos`.
fn number_tail(
    text: &str,
    start: usize,
    pos: usize,
    scale: Decimal,
    scale_name: &str,
) -> Option<(usize, Decimal)> {
    let tail = patterns().number_tail.find(&text[pos..])?;
    let mut end = tail.end();
    let after_hundred = scale_name.eq_ignore_ascii_case("hundred");
    loop {
        let run = &text[pos..pos + end];
        let digits = run.contains(|c: char| c.is_ascii_digit());
        let and = after_hundred && run.trim_start().starts_with("and ");
        // Smaller scales only, and no scale word next: "25 billion and 30 billion" and "91 million and 104
        // million" are ranges.
        let smaller = run
            .split([' ', '-'])
            .filter_map(scale_word)
            .all(|s| s.to_f64() < scale.to_f64());
        let next_scale = scale_word(next_word(text, pos + end)).is_some();
        if (digits || and) && smaller && !next_scale {
            if let Some(w) = parse_words(&text[start..pos + end]).filter(|w| !w.ordinal) {
                return Some((end, w.value));
            }
        }
        // Drop the last word and try again.
        end = text[pos..pos + end].trim_end().rfind([' ', '-'])?;
        if end == 0 {
            return None;
        }
    }
}

/// The integer written in superscript digits (`⁻⁴` = -4).
fn superscript_int(s: &str) -> Option<i32> {
    let mut n: i32 = 0;
    let mut neg = false;
    for c in s.chars() {
        match c {
            '⁻' => neg = true,
            '⁺' => {}
            _ => {
                let d = "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|x| x == c)? as i32;
                n = n * 10 + d;
            }
        }
    }
    Some(if neg { -n } else { n })
}

/// Builds the figure grown from one core match, or `None` when the core is not a figure.
///
/// `range_end` is set for the second number of a range ("5-10"), which may follow a dash directly.
fn build(
    text: &str,
    c: &Core,
    is_blocked: &dyn Fn(Span) -> bool,
    range_end: bool,
    models: &HashSet<&str>,
) -> Option<Fig> {
    let p = patterns();
    let mut span = c.span;
    let (mut value, ordinal, is_words) = match c.form {
        CoreForm::Fraction => (parse_fraction(&text[span])?, false, false),
        CoreForm::Digits { end, ordinal } => {
            let s = &text[span.start..end];
            if s.starts_with(['-', '−']) {
                // A minus sign only at a word start: "-3.2", not "COVID-19" or "2024-25".
                let prev = text[..span.start].chars().next_back();
                if prev.is_some_and(|ch| ch.is_alphanumeric() || ch == '-') {
                    span.start += s.chars().next()?.len_utf8();
                }
            }
            let s = &text[span.start..end];
            let mut value = Decimal::parse(s)?;
            if let Some(e) = p.exponent.captures(&text[end..]).filter(|_| !ordinal) {
                // "e" notation only with a decimal point or a signed exponent ("1.5e9", "3e+5"), not "4e4".
                let exp = match (e.name("e"), e.name("sup"), e.name("ee")) {
                    (Some(x), ..) => x.as_str().replace('−', "-").parse().ok(),
                    (_, Some(x), _) => superscript_int(x.as_str()),
                    (.., Some(x)) if s.contains('.') || x.as_str().starts_with(['+', '-']) => {
                        x.as_str().parse().ok()
                    }
                    _ => None,
                };
                // "1.1^23", "2.5^-1": a power of the number itself.
                let power = e
                    .name("pow")
                    .and_then(|x| x.as_str().replace('−', "-").parse().ok())
                    .and_then(|n| value.checked_powi(n));
                if let Some(v) = exp.and_then(|x| value.times_pow10(x)).or(power) {
                    value = v;
                    span.end = end + e.get(0)?.end();
                }
            }
            (value, ordinal, false)
        }
        CoreForm::Words => {
            let words = c.span;
            let mut w = &text[words];
            // "two million and one half": the core stops at "one", leaving the fraction it begins.
            let tail = w
                .rsplit(' ')
                .nth(1)
                .is_some_and(|and| and.eq_ignore_ascii_case("and"));
            if let Some(f) = p.split_fraction.find(&text[words.end..]).filter(|_| tail) {
                span.end = words.end + f.end();
                w = &text[words.start..span.end];
            }
            // "two and fifty-four hundredths": a whole number and a decimal part, as decimals are read aloud.
            let read_aloud = w.rsplit_once(" and ").zip(parts_after(&text[span.end..]));
            if let Some(((whole, part), (len, parts))) = read_aloud {
                let whole = parse_words(whole).filter(|p| !p.ordinal)?;
                let part = parse_words(part).filter(|p| !p.ordinal)?;
                span.end += len;
                (
                    whole.value.checked_add(part.value.div_int(parts)?)?,
                    false,
                    true,
                )
            } else {
                words_value(text, &mut span, w, &parse_words(w)?)?
            }
        }
    };
    if is_blocked(span) {
        return None;
    }
    // "minus 5", "negative 2.5".
    if !is_words {
        let before = text[..span.start].trim_end_matches(' ');
        for word in ["minus", "negative", "Minus", "Negative"] {
            if let Some(rest) = before.strip_suffix(word) {
                if rest.is_empty()
                    || rest.ends_with(|c: char| !c.is_alphanumeric()) && span.start > before.len()
                {
                    span.start = rest.len();
                    value = value.checked_mul(Decimal::int(-1))?;
                }
            }
        }
    }
    let before = &text[..span.start];
    let prev_char = before.chars().next_back();
    // Glued to letters: model names and codes (A380, F-35, COVID-19, R1).
    if !is_words
        && prev_char.is_some_and(|ch| ch.is_alphabetic())
        && symbol_before(before).is_none()
        && code_before(before).is_none()
    {
        return None;
    }
    if !is_words
        && !range_end
        && before.ends_with('-')
        && before[..before.len() - 1].ends_with(char::is_alphanumeric)
    {
        return None;
    }
    // List numbering: "1." or "2)" opening a line.
    let w = crate::text::window_before(text, span.start, 64);
    let seg = &text[w..span.start];
    let at_line_start = match seg.rfind('\n') {
        Some(i) => seg[i + 1..].trim().is_empty(),
        None => w == 0 && seg.trim().is_empty(),
    };
    if at_line_start
        && text[span.end..].starts_with(['.', ')'])
        && text[span.end..]
            .chars()
            .nth(1)
            .is_some_and(char::is_whitespace)
    {
        return None;
    }
    let mut fig = Fig {
        span,
        value: Some(value),
        subtype: Subtype::Count,
        unit: None,
        per: None,
        rule: "figure.count.digits",
        scale: None,
        bare: true,
    };
    if is_words {
        fig.rule = "figure.count.words";
    }
    if ordinal {
        // Plain ordinal words ("first", "third") are too common as adjectives to claim; digit ordinals
        // and compound ones ("twenty-first") are kept.
        if is_words && !text[span].contains([' ', '-']) && value.as_i64().is_some_and(|v| v < 11) {
            return None;
        }
        fig.subtype = Subtype::Ordinal;
        fig.rule = if is_words {
            "figure.ordinal.words"
        } else {
            "figure.ordinal.digits"
        };
        return Some(fig);
    }
    // Left: currency symbol or code.
    let mut currency: Option<&str> = None;
    if let Some((sym_len, iso)) = symbol_before(before) {
        currency = Some(iso);
        fig.span.start -= sym_len;
    } else if let Some((code_start, iso)) = code_before(before) {
        currency = Some(iso);
        fig.span.start = code_start;
    }
    // Right: scale word.
    let mut pos = fig.span.end;
    // "two hundredths of a second", "a hundred trillionths": a number of parts.
    if let Some((len, parts)) = parts_after(&text[pos..]) {
        value = value.div_int(parts)?;
        pos += len;
        fig.span.end = pos;
    }
    // "two thirds of a million", "half of a billion": a fraction of a scale.
    if !value.is_integer() {
        if let Some((len, mult)) = of_a_scale(&text[pos..]) {
            value = value.checked_mul(mult)?;
            fig.scale = Some(mult);
            pos += len;
            fig.span.end = pos;
        }
    }
    if let Some(sm) = p.scale.find(&text[pos..]) {
        let word = sm.as_str().trim().trim_start_matches('-').trim();
        let attached = !sm.as_str().starts_with(char::is_whitespace);
        let single = word.len() == 1;
        // One-letter scales only when attached ("3bn", "500k", "$1.2m"); "m" alone is metres unless money
        // or a plural noun follows.
        let ok = if single {
            let lower = word.to_ascii_lowercase();
            attached
                && (word == "M"
                    || lower != "m"
                    || currency.is_some()
                    || looks_plural(&next_word(text, pos + sm.end()).to_ascii_lowercase()))
                && (lower != "b" || currency.is_some())
        } else {
            true
        };
        if ok && (!is_words || !word.eq_ignore_ascii_case("hundred")) {
            if let Some(mult) = scale_word(word) {
                // "one billion and a half million": the scale is the fraction's alone.
                let own_scale = is_words
                    && text[fig.span]
                        .split_whitespace()
                        .any(|w| scale_word(w).is_some());
                let whole = own_scale
                    .then(|| parse_words(&text[fig.span.start..pos + sm.end()]))
                    .flatten();
                value = match whole {
                    Some(w) => w.value,
                    None => value.checked_mul(mult)?,
                };
                fig.scale = Some(mult);
                pos += sm.end();
                // "3 hundred and 21", "4 thousand 3 hundred": digits go on with number words.
                if !is_words && !word.contains(|c: char| c.is_ascii_uppercase()) && word.len() > 3 {
                    if let Some((len, v)) = number_tail(text, fig.span.start, pos, mult, word)
                        .filter(|&(len, _)| !is_blocked(Span::new(pos, pos + len)))
                    {
                        value = v;
                        pos += len;
                    }
                }
                // "3 million and a half": half a million more.
                if let Some(f) = p.and_fraction.captures(&text[pos..]) {
                    if let Some(frac) = parse_words(&f["f"]).filter(|w| !w.value.is_integer()) {
                        value = value.checked_add(frac.value.checked_mul(mult)?)?;
                        pos += f.get(0)?.end();
                    }
                }
            }
        }
    }
    let rest = &text[pos..];
    // Right: currency word ("dollars", "Canadian dollars") or code after the number; finance notation
    // puts the scale on the code ("120 MEUR", "30 MUSD", "500 kEUR").
    if currency.is_none() {
        if let Some((len, iso)) = currency_after(rest, fig.scale.is_some()) {
            currency = Some(iso);
            pos += len;
            // "75 USD million": the scale after the code.
            if let Some(sm) = p.scale.find(&text[pos..]).filter(|_| fig.scale.is_none()) {
                let word = sm.as_str().trim();
                if let Some(mult) =
                    scale_word(word).filter(|_| is_big_scale(word) && sm.as_str().starts_with(' '))
                {
                    value = value.checked_mul(mult)?;
                    fig.scale = Some(mult);
                    pos += sm.end();
                }
            }
        } else if let Some((len, iso, mult)) = scaled_code_after(rest) {
            currency = Some(iso);
            value = value.checked_mul(mult)?;
            fig.scale = Some(mult);
            pos += len;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars and 50".
        if currency.is_some() && fig.scale.is_none() {
            if let Some((len, cents)) = subunit_after(&text[pos..]) {
                value = value.checked_add(cents)?;
                pos += len;
            }
        }
    }
    if let Some(iso) = currency {
        fig.subtype = Subtype::Money;
        fig.unit = Some(iso.to_string());
        fig.rule = if is_words {
            "figure.money.words"
        } else if fig.scale.is_some() {
            "figure.money.scale"
        } else {
            "figure.money.plain"
        };
    } else if let Some(pc) = p.percent.captures(rest) {
        fig.subtype = Subtype::Percent;
        fig.unit = Some(
            if pc.name("pp").is_some() {
                "pp"
            } else if pc.name("bp").is_some() {
                "bp"
            } else {
                "%"
            }
            .to_string(),
        );
        fig.rule = "figure.percent";
        pos += pc.get(0)?.end();
    } else if let Some((len, unit)) = unit_after(rest) {
        fig.subtype = Subtype::Quantity;
        fig.unit = Some(unit.to_string());
        fig.rule = "figure.quantity.unit";
        pos += len;
        // "5 feet 2 inches", "7 lb 8 oz": the smaller unit is a fraction of the larger.
        if let Some((len, part)) = compound_part(unit, &text[pos..]) {
            value = value.checked_add(part)?;
            pos += len;
        }
    } else if let Some(cents) = cents_after(rest) {
        // "12 cents", "197p": a hundredth of the main unit.
        value = value.div_int(100)?;
        fig.subtype = Subtype::Money;
        fig.unit = Some(cents.1.to_string());
        fig.rule = "figure.money.cents";
        pos += cents.0;
    }
    fig.span.end = pos;
    fig.value = Some(value);
    fig.bare = fig.subtype == Subtype::Count && fig.scale.is_none();
    // Anything still glued on the right makes it a code ("4a", "5G", "3D"), unless it is punctuation.
    let after = &text[fig.span.end..];
    if after.starts_with(|ch: char| ch.is_alphanumeric()) {
        return None;
    }
    if fig.subtype == Subtype::Count {
        if !count_context_ok(text, &fig, is_words, models) {
            return None;
        }
        fig.unit = counted_noun(text, fig.span.end);
        if fig.scale.is_some() {
            fig.rule = "figure.count.scale";
        }
    }
    // A rate: "£350m a week", "$5 per share".
    if let Some(r) = p.rate.captures(&text[fig.span.end..]) {
        if matches!(fig.subtype, Subtype::Money | Subtype::Quantity) {
            let per = r.name("per")?.as_str().to_ascii_lowercase();
            let per = if per == "annum" {
                "year".to_string()
            } else {
                per
            };
            // The rate's period or item goes into `per`; the unit stays the currency and the span the
            // amount ("£350m" of "£350m a week").
            fig.per = Some(per);
            fig.rule = "figure.rate";
        }
    }
    Some(fig)
}

/// A fraction in digits or a vulgar-fraction character: `4/5`, `1 4/5`, `37-1/2`, `½`. Only proper fractions with a
/// small denominator count (`9/11` and `24/7` are not fractions).
fn parse_fraction(s: &str) -> Option<Decimal> {
    let vulgar = |c: char| -> Option<(i128, i128)> {
        Some(match c {
            '½' => (1, 2),
            '¼' => (1, 4),
            '¾' => (3, 4),
            '⅓' => (1, 3),
            '⅔' => (2, 3),
            '⅕' => (1, 5),
            '⅖' => (2, 5),
            '⅗' => (3, 5),
            '⅘' => (4, 5),
            '⅙' => (1, 6),
            '⅚' => (5, 6),
            '⅛' => (1, 8),
            '⅜' => (3, 8),
            '⅝' => (5, 8),
            '⅞' => (7, 8),
            _ => return None,
        })
    };
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let (n, d) = vulgar(c)?;
        return Decimal::int(n).div_int(d);
    }
    // "12 1/2", and the wire style "37-1/2".
    let (whole, frac) = match s.split_once(|c: char| c.is_whitespace() || c == '-') {
        Some((w, f)) => (Some(w), f),
        None => (None, s),
    };
    let (n, d) = frac.split_once('/')?;
    let (n, d): (i128, i128) = (n.parse().ok()?, d.parse().ok()?);
    if !(n > 0 && n < d && matches!(d, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16 | 32 | 100)) {
        return None;
    }
    let f = Decimal::int(n).div_int(d)?;
    match whole {
        Some(w) => Decimal::int(w.parse().ok()?).checked_add(f),
        None => Some(f),
    }
}

/// The currency symbol directly before a number (`$`, `US$`, `€`; one space allowed): (length incl. the
/// space, ISO code).
fn symbol_before(before: &str) -> Option<(usize, &'static str)> {
    let v = vocab();
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    let gap = before.len() - trimmed.len();
    if !trimmed
        .as_bytes()
        .last()
        .is_some_and(|&b| v.symbol_last_bytes[usize::from(b)])
    {
        return None;
    }
    for &(sym, iso) in &v.symbols {
        // In any case: lower-cased text writes "hk$", "aud$" (signs without letters compare exactly).
        let at = trimmed
            .len()
            .checked_sub(sym.len())
            .filter(|&at| trimmed.is_char_boundary(at) && trimmed[at..].eq_ignore_ascii_case(sym))
            .or_else(|| spaced_dollar(trimmed, sym));
        if let Some(at) = at {
            let rest = &trimmed[..at];
            // Letter symbols ("Rs", "US$") must start a word.
            if sym.starts_with(char::is_alphabetic) && rest.ends_with(char::is_alphanumeric) {
                continue;
            }
            // A "-" before the symbol is a range dash, fine; a letter glued after an alphanumeric is not.
            return Some((trimmed.len() - at + gap, iso));
        }
    }
    None
}

/// Where a letter-prefixed dollar sign written with a space ("c $ 300 million", "hk $ 10") starts in
/// `before`: the prefix must be a word of its own, and not "a" (the article: "a $5 bill") or "s" (a
/// possessive: "the firm's $5bn").
fn spaced_dollar(before: &str, sym: &str) -> Option<usize> {
    let prefix = sym
        .strip_suffix('$')
        .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .filter(|p| !p.eq_ignore_ascii_case("a") && !p.eq_ignore_ascii_case("s"))?;
    let head = before.strip_suffix('$')?.strip_suffix(' ')?;
    let at = head
        .len()
        .checked_sub(prefix.len())
        .filter(|&at| head.is_char_boundary(at))?;
    let word_start = head[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '“'));
    (head[at..].eq_ignore_ascii_case(prefix) && word_start).then_some(at)
}

/// An ISO code before a number ("USD 5", "CHF 100", "EUR5bn"): (start of the code, ISO code).
fn code_before(before: &str) -> Option<(usize, &'static str)> {
    let trimmed = before.trim_end_matches(' ');
    if before.len() - trimmed.len() > 1 {
        return None;
    }
    let ws = crate::text::trailing_run_start(trimmed, char::is_alphanumeric);
    let word = &trimmed[ws..];
    vocab().codes.get(word).map(|&iso| (ws, iso))
}

/// The value of number words `w` (parsed) at `span`: (value, is an ordinal, is words). `None` for a bare
/// fraction that is not one here; "a hundredth of" widens the span to its article.
fn words_value(
    text: &str,
    span: &mut Span,
    w: &str,
    parsed: &WordNumber,
) -> Option<(Decimal, bool, bool)> {
    // "a third" and a bare "half" are fractions only before "of"/"the" ("a third of voters"); "a third
    // time" is an ordinal. With a number word ("one third", "two-thirds", "five eighths") it is a fraction.
    let lower = w.to_ascii_lowercase();
    let bare =
        lower.starts_with("a ") || lower.starts_with("an ") || lower == "half" || lower == "halves";
    let fraction = !parsed.value.is_integer() && !parsed.ordinal;
    let next = next_word(text, span.end).to_ascii_lowercase();
    if fraction && bare && !matches!(next.as_str(), "of" | "the") {
        return None;
    }
    // "a hundredth of a second", "one thousandth of the vote": a fraction, not an ordinal.
    let part = PARTS.iter().find(|(name, _)| *name == lower);
    if let Some(&(_, parts)) = part.filter(|_| parsed.ordinal && next == "of") {
        let before = text[..span.start].trim_end_matches(' ');
        let ws = crate::text::trailing_run_start(before, char::is_alphabetic);
        let article = &before[ws..];
        if (article.eq_ignore_ascii_case("a") || article.eq_ignore_ascii_case("one"))
            && before.len() < span.start
        {
            span.start = ws;
            return Some((Decimal::int(1).div_int(parts)?, false, true));
        }
    }
    Some((parsed.value, parsed.ordinal, true))
}

/// Names of a part of one (`a hundredth`, `two hundredths`) and how many parts make one.
const PARTS: [(&str, i128); 6] = [
    ("tenth", 10),
    ("hundredth", 100),
    ("thousandth", 1_000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
    ("trillionth", 1_000_000_000_000),
];

/// " hundredths" after a number: (bytes consumed, how many parts make one).
fn parts_after(rest: &str) -> Option<(usize, i128)> {
    let body = rest.strip_prefix([' ', '-'])?;
    let end = body
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(body.len());
    let plural = body[..end].strip_suffix(['s', 'S'])?;
    let &(_, parts) = PARTS
        .iter()
        .find(|(name, _)| plural.eq_ignore_ascii_case(name))?;
    Some((1 + end, parts))
}

/// A scale word written out in full: thousand, million, billion, trillion (any case).
fn is_big_scale(word: &str) -> bool {
    ["thousand", "million", "billion", "trillion"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// " of a million" after a fraction: (bytes consumed, the scale).
fn of_a_scale(rest: &str) -> Option<(usize, Decimal)> {
    let mut words = rest.split_whitespace();
    let (of, a, scale) = (words.next()?, words.next()?, words.next()?);
    let scale = scale.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !(of.eq_ignore_ascii_case("of")
        && (a.eq_ignore_ascii_case("a") || a == "one")
        && is_big_scale(scale))
    {
        return None;
    }
    let end = rest.find(scale)? + scale.len();
    Some((end, scale_word(scale)?))
}

/// A currency word or code after the number: (bytes consumed, ISO code).
fn currency_after(rest: &str, scaled: bool) -> Option<(usize, &'static str)> {
    let v = vocab();
    let lead = if rest.starts_with('-') {
        1
    } else {
        rest.len() - rest.trim_start().len()
    };
    if lead > 1 {
        return None;
    }
    let body = &rest[lead..];
    // A code ("5 million USD", "42RM").
    let we = body
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(body.len());
    if let Some(&iso) = v.codes.get(&body[..we]) {
        if we > 0 {
            return Some((lead + we, iso));
        }
    }
    // The major codes in lower case ("20 usd", "40 rmb"); not every code, since lower-case "all", "top"
    // and "try" are words.
    const LOWER_CODES: &[&str] = &[
        "usd", "eur", "gbp", "jpy", "cny", "rmb", "cad", "aud", "chf", "inr", "hkd", "nzd", "sgd",
    ];
    if LOWER_CODES.contains(&&body[..we]) {
        if let Some(&iso) = v.codes.get(body[..we].to_ascii_uppercase().as_str()) {
            return Some((lead + we, iso));
        }
    }
    // A one-character symbol written after the number, as much of Europe does ("20 €", "15€").
    if let Some((form, iso)) = v
        .one_char_symbols
        .iter()
        .find(|(f, _)| body.starts_with(*f))
    {
        if !body[form.len()..].starts_with(char::is_alphanumeric) {
            return Some((lead + form.len(), iso));
        }
    }
    // A nationality + currency word ("Canadian dollars", "malaysia ringgit"), read in a short window,
    // compared without regard to ASCII case (the vocabulary is lower case) and with no lower-case copy.
    let window = &body[..crate::text::window_after(body, 0, 64)];
    let first = window.as_bytes().first().map(u8::to_ascii_lowercase);
    let adjectives = first.map_or(&[][..], |b| &v.adjectives[usize::from(b)]);
    for (adj, word, iso) in adjectives {
        if let Some(after_adj) = crate::text::strip_prefix_ci(window, adj) {
            let after_adj_trim = after_adj.trim_start();
            if after_adj_trim.len() == after_adj.len() {
                continue;
            }
            // The wire writes "Canadian dlrs".
            let written = if *word == "dollar"
                && crate::text::strip_prefix_ci(after_adj_trim, "dlr").is_some()
            {
                "dlr"
            } else {
                word
            };
            if crate::text::strip_prefix_ci(after_adj_trim, written).is_some() {
                let mut end = window.len() - after_adj_trim.len() + written.len();
                let tail = &window[end..];
                let plural = ["s", "es"].iter().find(|p| {
                    crate::text::strip_prefix_ci(tail, p)
                        .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
                });
                if let Some(p) = plural {
                    end += p.len();
                } else if tail.starts_with(char::is_alphanumeric) {
                    continue;
                }
                return Some((lead + end, iso));
            }
        }
    }
    // "pound(s)" is money only with a scale or "sterling"; otherwise a weight (units).
    let found = v.words.find(Input::new(body).anchored(Anchored::Yes))?;
    let end = found.end();
    // "5 euro cents" are cents (read by `cents_after`).
    if body[end..].starts_with(char::is_alphanumeric) || body[end..].starts_with(" cent") {
        return None;
    }
    let form = &body[..end];
    let iso = v.word_codes[found.pattern().as_usize()];
    let lower_form = form.to_ascii_lowercase();
    if lower_form.starts_with("pound") && !lower_form.contains("sterling") && !scaled {
        return None;
    }
    // "2020 marks the anniversary", "the vote marks a shift": a verb, not Deutsche marks.
    if lower_form == "marks" && !scaled && starts_with_determiner(&body[end..]) {
        return None;
    }
    // "won", "real", "dong" are ordinary English words unless a scale marks them as money; "Rand" is
    // a name ("the 2 Rand analysts"), unless a scale marks it, but "rand" in lower case is the currency.
    let english = matches!(
        lower_form.as_str(),
        "won" | "real" | "dong" | "franc" | "buck"
    );
    let name = lower_form == "rand" && form != "rand";
    if (english || name) && !scaled {
        return None;
    }
    Some((lead + end, iso))
}

/// The definite determiners and the possessives: "the only one" is a pronoun, "the marks" a noun phrase.
const DEFINITE_DETERMINERS: &[&str] = &[
    "the", "this", "that", "its", "his", "her", "their", "our", "my", "your",
];

/// Whether the next word of `rest` is a determiner or a possessive: the object of a verb starts there.
fn starts_with_determiner(rest: &str) -> bool {
    const OTHERS: &[&str] = &[
        "a", "an", "these", "those", "one", "another", "what", "only", "yet", "both", "each",
        "every", "some", "no",
    ];
    let word = next_word(rest, 0);
    DEFINITE_DETERMINERS
        .iter()
        .chain(OTHERS)
        .any(|d| word.eq_ignore_ascii_case(d))
}

/// A currency code with a scale prefix after the number: "MEUR", "MUSD" (millions), "kEUR" (thousands).
fn scaled_code_after(rest: &str) -> Option<(usize, &'static str, Decimal)> {
    let body = rest.strip_prefix(' ').unwrap_or(rest);
    let lead = rest.len() - body.len();
    let we = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let word = &body[..we];
    let (mult, code) = match word.split_at_checked(1)? {
        ("M", code) => (Decimal::pow10(6), code),
        ("k" | "K", code) => (Decimal::pow10(3), code),
        _ => return None,
    };
    let iso = *vocab().codes.get(code).filter(|_| code.len() == 3)?;
    Some((lead + we, iso, mult))
}

/// The cents of a compound amount after a currency: " 50 cents", " and forty-five cents", " and 50".
/// Returns the bytes consumed and the amount in main units.
fn subunit_after(rest: &str) -> Option<(usize, Decimal)> {
    let p = patterns();
    let c = p.subunit.captures(rest)?;
    let n = c.name("n")?.as_str();
    let cents =
        Decimal::parse(n).or_else(|| parse_words(n).filter(|w| !w.ordinal).map(|w| w.value))?;
    let whole_cents = cents.as_i64().filter(|c| (1..100).contains(c))?;
    // Without "cents" the number must end the clause ("15 dollars and 50.").
    if c.name("unit").is_none()
        && !rest[c.get(0)?.end()..]
            .trim_start()
            .starts_with(['.', ',', ';', '!', '?'])
        && !rest[c.get(0)?.end()..].trim().is_empty()
    {
        return None;
    }
    Some((
        c.get(0)?.end(),
        Decimal::int(whole_cents as i128).div_int(100)?,
    ))
}

/// The words for a hundredth of a dollar (or of a euro), after the number; "cts" is the wire services'.
const CENT_WORDS: &[&str] = &[" cents", " cent", " cts"];

/// "12 cents", "197 pence", "50p", "9 U.S. cents": (bytes consumed, ISO code of the main unit).
fn cents_after(rest: &str) -> Option<(usize, &'static str)> {
    let mut lower = rest[..crate::text::window_after(rest, 0, 32)].to_ascii_lowercase();
    // A hard-wrapped line may break before the word (`14\ncents`).
    if lower.starts_with('\n') {
        lower.replace_range(..1, " ");
    }
    let word_at = |s: &str, form: &str| {
        s.starts_with(form) && !s[form.len()..].starts_with(char::is_alphanumeric)
    };
    let plain = CENT_WORDS.iter().map(|f| (*f, "USD")).chain([
        (" pence", "GBP"),
        (" pennies", "GBP"),
        (" penny", "GBP"),
        ("p", "GBP"),
    ]);
    for (form, iso) in plain {
        if word_at(&lower, form) {
            return Some((form.len(), iso));
        }
    }
    // "9 U.S. cents", "40 Canadian cents", "5 euro cents": the cents of a named dollar (or the euro).
    let named = lower.strip_prefix(' ')?;
    let first = named.as_bytes().first().copied()?;
    let (adj_len, iso) = vocab().adjectives[usize::from(first)]
        .iter()
        .filter(|(_, word, _)| *word == "dollar")
        .map(|(adj, _, iso)| (adj.as_str(), *iso))
        .chain([("euro", "EUR"), ("euros", "EUR")])
        .find(|(adj, _)| named.starts_with(adj) && named[adj.len()..].starts_with(' '))
        .map(|(adj, iso)| (adj.len(), iso))?;
    let after = &named[adj_len..];
    CENT_WORDS
        .iter()
        .find(|f| word_at(after, f))
        .map(|f| (1 + adj_len + f.len(), iso))
}

/// The second part of an imperial measure after its first unit ("ft" then " 2 inches", "lb" then " 8 oz"):
/// (bytes consumed, its value in the first unit).
fn compound_part(unit: &str, rest: &str) -> Option<(usize, Decimal)> {
    let (small, per) = match unit {
        "ft" => ("in", 12),
        "lb" => ("oz", 16),
        _ => return None,
    };
    let c = patterns().compound.captures(rest)?;
    let n = Decimal::parse(&c["n"])?;
    let after = &rest[c.get(0)?.end()..];
    // unit_after takes a bare "in" only attached ("2in"); after feet it is "in" spaced too.
    let spaced_in = after
        .strip_prefix(' ')
        .filter(|t| t.starts_with("in") && !t[2..].starts_with(char::is_alphanumeric))
        .map(|_| (3, "in"));
    let (len, u) = unit_after(after).or(spaced_in)?;
    // "in" is a preposition unless it ends the phrase ("5 ft 2 in.", "6 ft 1 in tall").
    let tail = after[len..].trim_start_matches('.');
    let ends = tail.trim_start().is_empty()
        || tail.starts_with([',', ';', ')', '\n'])
        || tail.trim_start().starts_with("tall");
    if u != small || (after[..len].trim() == "in" && !ends) {
        return None;
    }
    Some((c.get(0)?.end() + len, n.div_int(per)?))
}

/// A unit of measure after the number ("5 km", "29km", "3 square kilometres"): (bytes consumed, unit).
fn unit_after(rest: &str) -> Option<(usize, &'static str)> {
    let v = vocab();
    // "three-foot", "a 10-mile walk": the adjectival form.
    let lead = if rest.starts_with('-')
        && rest[1..].starts_with(char::is_alphabetic)
        && !rest.starts_with("-year")
    {
        1
    } else {
        rest.len() - rest.trim_start().len()
    };
    if lead > 1 || rest[lead..].starts_with('\n') {
        return None;
    }
    let body = &rest[lead..];
    let m = v.units.find(Input::new(body).anchored(Anchored::Yes))?;
    let end = m.end();
    if body[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let form = v.unit_forms[m.pattern().as_usize()];
    // One- and two-letter units must match their case exactly ("5 m", "3 g", not "5 M" or "a"), and "in",
    // "l", "t" need to be attached to the number.
    if form.len() <= 2 && &body[..end] != form {
        return None;
    }
    if matches!(form, "in" | "l" | "g" | "t" | "ha") && lead > 0 {
        return None;
    }
    Some((lead + end, v.unit_names[m.pattern().as_usize()]))
}

/// Whether the word before `before`'s end is a definite determiner or a possessive: `the only one in 30
/// years` is a pronoun, `only one in five voters` a ratio.
fn after_determiner(before: &str) -> bool {
    let word = crate::text::last_word(before.trim_end());
    DEFINITE_DETERMINERS
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
}

fn next_word(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start();
    let we = after
        .find(|c: char| !c.is_alphanumeric() && c != '-')
        .unwrap_or(after.len());
    &after[..we]
}

/// Whether a bare count is a figure here: model names ("Boeing 737"), street numbers and lone "one" are
/// not.
fn count_context_ok(text: &str, fig: &Fig, is_words: bool, models: &HashSet<&str>) -> bool {
    let before = &text[..fig.span.start];
    let trimmed = before.trim_end_matches(' ');
    let ws = crate::text::trailing_run_start(trimmed, |c: char| c.is_alphanumeric() || c == '.');
    let prev = &trimmed[ws..];
    let core = &text[fig.span];
    if is_words {
        let lower = core.to_ascii_lowercase();
        if lower == "one" {
            // A bare "one" is a pronoun ("one expires", "no one"), a label ("series one") or an article
            // ("one analyst said") far more often than a count; it counts as the head of a ratio
            // ("one in five voters").
            let prev_l = prev.to_ascii_lowercase();
            if matches!(
                prev_l.as_str(),
                "this"
                    | "that"
                    | "the"
                    | "no"
                    | "any"
                    | "each"
                    | "every"
                    | "which"
                    | "someone"
                    | "anyone"
                    | "everyone"
                    | "single"
            ) || (prev_l == "only" && after_determiner(&trimmed[..ws]))
                || !ratio_follows(text, fig.span.end)
            {
                return false;
            }
        }
        return !in_a_name(text, fig.span, &trimmed[..ws], prev);
    }
    if fig.scale.is_some() {
        return true;
    }
    // A number this article uses as a model name elsewhere ("Boeing 737" ... "the first 737").
    if models.contains(core) {
        return false;
    }
    // "No. 5", "#1": numbering.
    if prev == "No." || prev == "no." || before.ends_with('#') {
        return false;
    }
    // "iPhone 4", "iOS 5": a camel-case product word before the number.
    let camel =
        prev.starts_with(char::is_lowercase) && prev.chars().skip(1).any(char::is_uppercase);
    if camel && before.len() - trimmed.len() == 1 {
        return false;
    }
    if prev.starts_with(char::is_uppercase) && before.len() - trimmed.len() == 1 && prev.len() > 1 {
        let sentence_start = opens_sentence(trimmed[..ws].trim_end());
        let ordinary_word = CAPITAL_OK.contains(&prev.trim_end_matches('.'))
            || sentence_start && prev.chars().skip(1).all(|c| c.is_lowercase());
        if !ordinary_word {
            return false;
        }
    }
    if patterns().street.is_match(&text[fig.span.end..]) {
        return false;
    }
    true
}

/// Whether a word after `before` (the text before it, spaces trimmed) opens a sentence or a line.
fn opens_sentence(before: &str) -> bool {
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“'])
}

/// Whether a spelled number is part of a name: capitalized in running text after a capitalized word
/// (`the Chicago Seven`, `the Big Three`) or after a capitalized word and "of" (`the Group of Seven`,
/// `the Gang of Four`). A capital that only opens a sentence (`Seven of the plants`), an ordinary word
/// (`About Seven`) or a title-case headline (`Firm Cuts Five Hundred Jobs`) does not make a name.
fn in_a_name(text: &str, span: Span, before_prev: &str, prev: &str) -> bool {
    let word = &text[span];
    let capitalized = word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
    if !capitalized {
        return false;
    }
    let name_word = |w: &str, before: &str| {
        let before = before.trim_end_matches(' ');
        // A word with a period may end the sentence before: `said Mr Smith. Four of the men`.
        w.len() > 1
            && w.starts_with(char::is_uppercase)
            && w.chars().all(char::is_alphanumeric)
            && !CAPITAL_OK.contains(&w)
            // The sentence's first word is capitalized whatever it is.
            && !(opens_sentence(before) || before.ends_with(':'))
    };
    // `prev` ends where `before_prev` and it end; one space must part it from the number.
    let one_space = span.start - (before_prev.len() + prev.len()) == 1;
    let directly = one_space && name_word(prev, before_prev);
    let after_of = one_space && prev == "of" && {
        let head_before = before_prev.trim_end_matches(' ');
        let at = crate::text::trailing_run_start(head_before, |c: char| c.is_alphanumeric());
        before_prev.len() - head_before.len() == 1
            && name_word(&head_before[at..], &head_before[..at])
    };
    if !(directly || after_of) {
        return false;
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    !crate::extract::entities::is_headline_line(&text[line_start..line_end])
}

/// Numbers this article uses as model names: after a capitalized or camel-case name ("Boeing 737",
/// "iPhone 4", not "In 2020" or "About 300"), or with a model suffix ("737-800", "737s").
fn model_numbers(text: &str) -> HashSet<&str> {
    let p = patterns();
    let mut out = HashSet::new();
    for c in p.model.captures_iter(text) {
        if let (Some(word), Some(num)) = (c.name("word"), c.name("num")) {
            let w = word.as_str();
            if !CAPITAL_OK.contains(&w) && crate::time::month_number(w).is_none() {
                out.insert(num.as_str());
            }
        }
        if let Some(num) = c.name("variant") {
            out.insert(num.as_str());
        }
    }
    out
}

/// The counted noun after a count ("100,000 new jobs" -> "jobs", "10 data centers" -> "data centers").
fn counted_noun(text: &str, pos: usize) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut rest = &text[pos..];
    for _ in 0..4 {
        // One space between words; a hard-wrapped line breaks at one too (`2.5 mln\nshares`).
        let gap = &rest[..rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\n']).len()];
        let lead = gap.len();
        if lead == 0 && !words.is_empty() || gap.chars().nth(1).is_some() {
            break;
        }
        let body = &rest[lead..];
        let we = body
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(body.len());
        let w = &body[..we];
        if w.is_empty() || !w.starts_with(char::is_lowercase) || NOT_NOUNS.contains(&w) {
            break;
        }
        words.push(w);
        rest = &body[we..];
        if looks_plural(w) {
            break;
        }
    }
    while words.first().is_some_and(|w| ADJECTIVES.contains(w)) && words.len() > 1 {
        words.remove(0);
    }
    let last = *words.last()?;
    if !looks_plural(last) {
        return None;
    }
    Some(words.join(" "))
}

#[cfg(test)]
mod tests;
