//! Dates (kind `date`): absolute dates, months, years, quarters, halves, seasons, decades, fiscal years,
//! weekdays, relative expressions, clock times, durations and sets, each normalized to a TIMEX3 value and
//! resolved against the article's reference date (published date or dateline) when it has one.
//!
//! Every rule is a named regex compiled once; all rules run over the text, and where candidates overlap
//! the longest wins. A preposition before a date (`by 2030`, `since March`) becomes its qualifier and stays
//! out of the span.

mod compose;
mod holidays;
mod timex;
mod zone;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use foldhash::HashMap;
use regex::{Captures, Regex};

use super::numbers::{parse_words, Decimal, CAPITAL_OK, NUMBER_WORDS};
use super::Extractor;
use crate::claim::{Claim, ClaimKind, Qualifier, Subtype};
use crate::span::Span;
use crate::text::Analyzed;
use timex::{Direction, Unit};
use zone::ZONE;

const MONTH: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)\.?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.?|Tues?\.?|Wed\.?|Thu(?:rs?)?\.?|Fri\.?|Sat\.?|Sun\.?)";
const WEEKDAY_FULL: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
const YEAR: &str = r"(?:1[5-9][0-9][0-9]|20[0-9][0-9]|21[0-9][0-9])";

/// A four-digit number in the range [`YEAR`] matches (1500-2199).
fn year_like(s: &str) -> bool {
    s.parse::<u32>().is_ok_and(|y| (1500..2200).contains(&y))
}
/// The units of `date.duration` and `date.ago`, as (plural, singular). The rules' pattern
/// ([`unit_pattern`]) and the test before them ([`count_word`]) are both made of this list.
const UNIT_FORMS: &[(&str, &str)] = &[
    ("seconds", "second"),
    ("secs", "sec"),
    ("minutes", "minute"),
    ("mins", "min"),
    ("hours", "hour"),
    ("hrs", "hr"),
    ("days", "day"),
    ("nights", "night"),
    ("weeks", "week"),
    ("wks", "wk"),
    ("fortnights", "fortnight"),
    ("months", "month"),
    ("years", "year"),
    ("yrs", "yr"),
    ("decades", "decade"),
    ("centuries", "century"),
    ("quarters", "quarter"),
    ("weekends", "weekend"),
];

/// The unit of `date.duration` and `date.ago`, plural or singular.
fn unit_pattern() -> String {
    let forms: Vec<String> = UNIT_FORMS
        .iter()
        .map(|(plural, singular)| format!("{plural}|{singular}"))
        .collect();
    format!("(?:{})", forms.join("|"))
}

/// What a rule does with its match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Iso,
    MonthDayYear,
    DayMonthYear,
    Numeric,
    MonthYear,
    MonthAlone,
    Weekday,
    Year,
    Decade,
    Century,
    Quarter,
    QuarterCode,
    Half,
    Season,
    RelativeDay,
    PartOfDay,
    PeriodEdge,
    RelativeUnit,
    Ago,
    Duration,
    DurationAdjective,
    Reference,
    ClockTime,
    ClockWords,
    Set,
    WeekdayDay,
    WeekNumber,
    DayOfMonth,
    ClockPast,
    MonthDaySlash,
    Meal,
    Same,
}

struct Rule {
    id: &'static str,
    kind: Kind,
    re: Regex,
}

/// How a trigger word must sit in the text for a rule to be able to match around it.
#[derive(Clone, Copy, Debug)]
enum Fit {
    /// Anywhere, even inside a word (`0s` in `1990s`).
    Anywhere,
    /// At the start of a word (`day` in `days`, not in `today`): the rule has a word boundary or a
    /// separator before it. A trigger that does not start with a letter or digit (`-year`) fits anywhere.
    Start,
    /// As a whole word (`mar` in `Mar.`, not in `market`).
    Word,
    /// As a whole word joined to a number by a dash or slash before or after it (`Oct/2`, `14-Mar-2024`,
    /// `Sept.-2024`).
    Joined,
    /// Where the test passes on the text and the trigger's byte range: a test that every match around the
    /// trigger passes, cheaper than the rule's regex (`3days` needs a digit before `day`).
    Checked(fn(&[u8], usize, usize) -> bool),
}

/// True for the bytes `\s` matches in ASCII (vertical tab included, unlike [`u8::is_ascii_whitespace`]).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The first byte at or after `i` that is not ASCII white space, and whether any was skipped.
fn skip_space(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let from = i;
    while bytes.get(i).copied().is_some_and(is_space) {
        i += 1;
    }
    (i, i > from)
}

/// `date.duration_joined`: the unit word touches its number (`3.5years`).
fn digit_before(bytes: &[u8], start: usize, _end: usize) -> bool {
    start > 0 && bytes[start - 1].is_ascii_digit()
}

/// `date.iso`: a word-initial run of four digits and a dash (`2024-03-05`).
fn iso_date_start(bytes: &[u8], start: usize, _end: usize) -> bool {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    word_start(bytes, start) && (start..start + 4).all(digit) && bytes.get(start + 4) == Some(&b'-')
}

/// `date.numeric`: a word-initial number of one or two digits, then a separator (`12/31/2024`, `1.2.24`).
fn numeric_date_start(bytes: &[u8], start: usize, end: usize) -> bool {
    let sep = |i: usize| matches!(bytes.get(i), Some(b'/' | b'.' | b'-'));
    word_start(bytes, start)
        && (sep(end) || bytes.get(end).is_some_and(u8::is_ascii_digit) && sep(end + 1))
}

/// `date.weekday_day`: a weekday, an optional comma, white space, an optional `the`, then a digit
/// (`Mon 14th`, `Tuesday, the 3rd`). Anything above ASCII passes: `\s` reads more than ASCII.
fn weekday_then_day(bytes: &[u8], start: usize, end: usize) -> bool {
    if !word_start(bytes, start) {
        return false;
    }
    let mut i = end;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'.')
    {
        i += 1;
    }
    i += usize::from(bytes.get(i) == Some(&b','));
    let (mut i, spaced) = skip_space(bytes, i);
    if bytes.get(i).is_some_and(|b| *b >= 0x80) {
        return true;
    }
    if !spaced {
        return false;
    }
    if bytes
        .get(i..i + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"the"))
    {
        let (after, spaced) = skip_space(bytes, i + 3);
        if spaced || bytes.get(after).is_some_and(|b| *b >= 0x80) {
            i = after;
        }
    }
    bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_digit() || *b >= 0x80)
}

/// `date.time`: a word-initial run of digits as a clock time starts: one or two digits before `:`, `.`,
/// `h`, `am`/`pm` or `in the morning` (`9:30`, `9h30`, `5 p.m.`, `7 in the evening`); three or four before
/// `pm`, a time zone, `local time` or `hours`, or after `at`/`around`/`approximately` (`1530 GMT`, `at
/// 0600`). Anything above ASCII passes: `\s` reads more than ASCII.
fn clock_time_start(bytes: &[u8], start: usize, _end: usize) -> bool {
    if !word_start(bytes, start) {
        return false;
    }
    let run = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let next = start + run;
    let (word, spaced) = skip_space(bytes, next);
    let Some(&after) = bytes.get(if spaced { word } else { next }) else {
        return run == 4 && after_time_cue(bytes, start);
    };
    if after >= 0x80 {
        return true;
    }
    let after = after.to_ascii_lowercase();
    match run {
        1 | 2 if spaced => matches!(after, b'a' | b'p' | b'i'),
        1 | 2 => matches!(after, b':' | b'.' | b'h' | b'a' | b'p'),
        3 | 4 if spaced => {
            matches!(
                after,
                b'a' | b'p' | b'g' | b'u' | b'e' | b'c' | b'm' | b'b' | b'l' | b'h'
            ) || run == 4 && after_time_cue(bytes, start)
        }
        3 | 4 => {
            matches!(after, b'a' | b'p')
                || run == 4 && !is_word(bytes, next) && after_time_cue(bytes, start)
        }
        _ => false,
    }
}

/// True when white space and, before it, `at`, `around` or `approximately` (any case) come before `start`;
/// or anything above ASCII does, which `\s` may read as white space.
fn after_time_cue(bytes: &[u8], start: usize) -> bool {
    let mut i = start;
    while i > 0 && is_space(bytes[i - 1]) {
        i -= 1;
    }
    if i == start {
        return start > 0 && bytes[start - 1] >= 0x80;
    }
    if i > 0 && bytes[i - 1] >= 0x80 {
        return true;
    }
    let before = &bytes[..i];
    [&b"at"[..], b"around", b"approximately"].iter().any(|cue| {
        before.len() >= cue.len() && before[before.len() - cue.len()..].eq_ignore_ascii_case(cue)
    })
}

/// What comes before a place in a text, read back over ASCII white space.
enum Before<'a> {
    /// A word of ASCII letters and digits, and where it starts.
    Word(usize, &'a [u8]),
    /// No white space, or no word before it.
    Nothing,
    /// A byte above ASCII: `\s` and case-insensitive letters may read it, so nothing is ruled out.
    Unsure,
}

/// The word before white space before `i`.
fn word_before(bytes: &[u8], i: usize) -> Before<'_> {
    let mut end = i;
    while end > 0 && is_space(bytes[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
        start -= 1;
    }
    if start > 0 && bytes[start - 1] >= 0x80 {
        Before::Unsure
    } else if end == i || start == end {
        Before::Nothing
    } else {
        Before::Word(start, &bytes[start..end])
    }
}

/// The words a spelled or counted number of `date.duration` and `date.ago` may end with (`two`, `a few`,
/// `a couple of`, `half an`, `two and a quarter`; digits are tested apart), and `all` (`all day`).
const COUNT_ENDINGS: &[&str] = &[
    "a", "an", "several", "few", "many", "some", "of", "couple", "half", "quarter", "all",
];

/// The words `date.duration` allows between its number and its unit, in this order: one of extent or
/// one of time (`two more years`, `three next weeks`), then one kind of day (`five consecutive business
/// days`). Its regex is made of these lists, and so is the test before it.
const EXTENT_MODIFIERS: &[&str] = &[
    "more",
    "full",
    "straight",
    "consecutive",
    "long",
    "additional",
    "further",
    "successive",
];
const MID_MODIFIERS: &[&str] = &[
    "next",
    "last",
    "past",
    "previous",
    "coming",
    "upcoming",
    "following",
    "preceding",
];
const DAY_KIND_MODIFIERS: &[&str] = &["business", "working", "calendar"];

/// What a word can be to the tests before `date.duration` and `date.ago`, as bits.
const COUNT_END: u8 = 1;
const DURATION_MODIFIER: u8 = 2;
const UNIT_WORD: u8 = 4;

/// What `word` (ASCII, any case) can be to the tests before `date.duration` and `date.ago`: the end of
/// a number (digits, a number word, a counting word), a modifier between a number and its unit, a unit
/// (`years`, `hrs`, `centuries`); 0 for none of them.
fn count_word(word: &[u8]) -> u8 {
    static WORDS: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: HashMap<&'static str, u8> = HashMap::default();
        let ends = NUMBER_WORDS.split('|').chain(COUNT_ENDINGS.iter().copied());
        let modifiers = [EXTENT_MODIFIERS, MID_MODIFIERS, DAY_KIND_MODIFIERS].concat();
        let units = UNIT_FORMS
            .iter()
            .flat_map(|&(plural, singular)| [plural, singular]);
        for (list, bit) in [
            (ends.collect::<Vec<_>>(), COUNT_END),
            (modifiers, DURATION_MODIFIER),
            (units.collect(), UNIT_WORD),
        ] {
            for w in list {
                *words.entry(w).or_default() |= bit;
            }
        }
        words
    });
    if !word.is_empty() && word.iter().all(u8::is_ascii_digit) {
        return COUNT_END;
    }
    // Lower-cased on the stack: no word of the lists is longer than 16 letters.
    let mut buf = [0u8; 16];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return 0;
    };
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower)
        .ok()
        .and_then(|w| words.get(w))
        .copied()
        .unwrap_or(0)
}

/// Whether a word can end the number of `date.duration` or `date.ago`: digits (`3.5`, `1,000` end in
/// digits), a number word or a counting word.
fn ends_count(word: &[u8]) -> bool {
    count_word(word) & COUNT_END != 0
}

/// `date.duration`: the unit word starts a word, and a number comes before it, at most two modifiers
/// away (`two years`, `the next three full business days`; not `this year`, `last week`).
fn count_before_unit(bytes: &[u8], start: usize, _end: usize) -> bool {
    if is_word(bytes, start) && !word_start(bytes, start) {
        return false;
    }
    let mut at = start;
    for _ in 0..3 {
        match word_before(bytes, at) {
            Before::Unsure => return true,
            Before::Nothing => return false,
            Before::Word(_, w) if ends_count(w) => return true,
            Before::Word(s, w) if count_word(w) & DURATION_MODIFIER != 0 => at = s,
            Before::Word(..) => return false,
        }
    }
    false
}

/// Whether a word is a unit of `date.duration` and `date.ago` (`years`, `hrs`, `centuries`).
fn is_unit_word(word: &[u8]) -> bool {
    count_word(word) & UNIT_WORD != 0
}

/// `date.ago`: the direction word starts a word and a unit comes before it, or `from` and a unit before
/// `now` (`two years ago`, `three days from now`; not `the day before` or `right now`).
fn unit_before_direction(bytes: &[u8], start: usize, _end: usize) -> bool {
    if is_word(bytes, start) && !word_start(bytes, start) {
        return false;
    }
    match word_before(bytes, start) {
        Before::Unsure => true,
        Before::Nothing => false,
        Before::Word(_, w) if is_unit_word(w) => true,
        Before::Word(s, w) if w.eq_ignore_ascii_case(b"from") => match word_before(bytes, s) {
            Before::Unsure => true,
            Before::Nothing => false,
            Before::Word(_, w) => is_unit_word(w),
        },
        Before::Word(..) => false,
    }
}

/// True when the byte at `i` is an ASCII letter, digit or underscore (a word byte to `(?-u:\b)`).
fn is_word(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// True when the byte at `i` starts a word: the text's start or a byte that is not a word byte before it.
fn word_start(bytes: &[u8], i: usize) -> bool {
    i == 0 || !is_word(bytes, i - 1)
}

/// Words one of which must be in every match of a rule (any case), and how they must sit; an empty list
/// means the rule runs over the whole text. Found with one automaton pass per article, they confine each
/// rule to windows around them ([`plan`]), which skips most of the ~25 regex passes over a typical text.
/// The rules whose trigger is a month name standing as a word (`March 14`, `14 March 2024`).
const MONTH_RULES: &[&str] = &[
    "date.month_day_year",
    "date.day_month_year",
    "date.month_year",
    "date.month",
];
/// The rules whose trigger is a month name touching a dash or slash (`14-Mar-2024`, `Oct/2`).
const JOINED_MONTH_RULES: &[&str] = &[
    "date.month_day_year_sep",
    "date.day_month_year_sep",
    "date.month_year_sep",
    "date.month_day_sep",
];

/// Every month name and abbreviation ([`crate::time::MONTH_NAMES`]), the month rules' trigger words.
fn month_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| crate::time::MONTH_NAMES.concat())
}

fn triggers(id: &str) -> (Fit, &'static [&'static str]) {
    const DIGITS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    fn start(words: &'static [&'static str]) -> (Fit, &'static [&'static str]) {
        (Fit::Start, words)
    }
    match id {
        id if JOINED_MONTH_RULES.contains(&id) => (Fit::Joined, month_words()),
        id if MONTH_RULES.contains(&id) => (Fit::Word, month_words()),
        "date.weekday" => start(&[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]),
        "date.fiscal_short" => start(&["fy"]),
        "date.decade" => (
            Fit::Anywhere,
            &[
                "0s",
                "0's",
                "0’s",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ],
        ),
        "date.century" => start(&["century"]),
        "date.quarter" => start(&["quarter", "qtr"]),
        "date.quarter_code" => (Fit::Anywhere, &["q1", "q2", "q3", "q4"]),
        "date.half" => start(&["half", "h1", "h2"]),
        "date.season" => start(&["spring", "summer", "autumn", "fall", "winter"]),
        // One word each: the words of a phrase may be split by any whitespace (`the end\nof`).
        "date.relative_day" => {
            start(&["day", "today", "tonight", "tonite", "tomorrow", "yesterday"])
        }
        "date.period_edge" => start(&[
            "year", "month", "week", "quarter", "decade", "century", "day",
        ]),
        "date.part_of_day" => start(&["morning", "afternoon", "evening", "night", "daytime"]),
        "date.relative_unit" => start(&[
            "week",
            "workweek",
            "hour",
            "fortnight",
            "month",
            "year",
            "yr",
            "decade",
            "century",
            "day",
        ]),
        "date.ago" => (
            Fit::Checked(unit_before_direction),
            &[
                "ago",
                "earlier",
                "before",
                "later",
                "now",
                "hence",
                "previously",
            ],
        ),
        "date.duration" => (
            Fit::Checked(count_before_unit),
            &[
                "night",
                "sec",
                "min",
                "hour",
                "hr",
                "day",
                "week",
                "wk",
                "fortnight",
                "month",
                "year",
                "yr",
                "decade",
                "centur",
                "quarter",
            ],
        ),
        "date.duration_adjective" => start(&[
            "-second", "-minute", "-hour", "-day", "-week", "-month", "-year", "-decade", "-centur",
        ]),
        "date.time_words" => (
            Fit::Anywhere,
            &[
                "noon",
                "midday",
                "midnight",
                "mid night",
                "clock",
                "oclock",
                "0ish",
                "1ish",
                "2ish",
                "3ish",
                "4ish",
                "5ish",
                "6ish",
                "7ish",
                "8ish",
                "9ish",
            ],
        ),
        "date.weekday_day" => (
            Fit::Checked(weekday_then_day),
            &["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        ),
        "date.week_number" => start(&["week"]),
        "date.clock_past" => start(&["past"]),
        "date.meal" => start(&[
            "lunch",
            "breakfast",
            "dinner",
            "supper",
            "brunch",
            "teatime",
        ]),
        "date.same" => start(&["same"]),
        // The unit is written against the number: `3.5years`, `30days`.
        "date.duration_joined" => (
            Fit::Checked(digit_before),
            &[
                "second", "minute", "hour", "day", "week", "month", "year", "decade",
            ],
        ),
        // A digit and its ordinal suffix: `18th`, `1st`, `22nd`.
        "date.day_of_month" => (
            Fit::Anywhere,
            &[
                "0th", "1st", "1th", "2nd", "2th", "3rd", "3th", "4th", "5th", "6th", "7th", "8th",
                "9th",
            ],
        ),
        "date.month_day_slash" => (Fit::Anywhere, &["/"]),
        // `now`, `nowadays`, `currently`, `at present`, `these days`, `to date`, `year-to-date`, `at this
        // point in time`, `in recent years`, `in the near future`, `in the coming weeks`.
        "date.reference" => start(&[
            "now",
            "current",
            "present",
            "days",
            "moment",
            "date",
            "minute",
            "time",
            "recent",
            "lately",
            "past",
            "previously",
            "formerly",
            "once",
            "earlier",
            "soon",
            "shortly",
            "future",
            "coming",
            "later",
        ]),
        // The first two digits of a year (1500-2199), at the start of a word or after `FY` (`FY2024`).
        "date.year" => start(&["15", "16", "17", "18", "19", "20", "21", "fy"]),
        // Clock times and numeric dates start a word with a digit.
        "date.time" => (Fit::Checked(clock_time_start), DIGITS),
        "date.numeric" => (Fit::Checked(numeric_date_start), DIGITS),
        "date.iso" => (Fit::Checked(iso_date_start), DIGITS),
        "date.set" => start(&[
            "every",
            "each",
            "per",
            "daily",
            "nightly",
            "weekly",
            "monthly",
            "annual",
            "yearly",
            "quarterly",
            "hourly",
            "fortnightly",
            "biweekly",
            "semiannual",
            "semi-annual",
            "biannual",
            "weekends",
            "everyday",
        ]),
        _ => (Fit::Anywhere, &[]),
    }
}

/// How far a rule's matches reach before and after its trigger word, in bytes (see [`REACH`]): a little
/// more than the longest words its pattern allows there, written in the comment above each rule. Every
/// window byte is read by the rule's automaton, so windows stay as small as the patterns allow.
fn reach(id: &str) -> (usize, usize) {
    match id {
        // `Wednesday, September the twenty-seventh, 2024`.
        "date.month_day_year" => (16, 32),
        // `Wednesday, the twenty-seventh of September, 2024`.
        "date.day_month_year" => (40, 8),
        // `the beginning of Sept., of 2024`.
        "date.month_year" => (24, 16),
        // `earlier this September`.
        "date.month" => (16, 8),
        // `14-Sept-2024`, `Sept/14/2024`.
        id if JOINED_MONTH_RULES.contains(&id) => (8, 16),
        // A number in words before its unit: `the following one hundred and twenty-five consecutive
        // business days and a half`, `two and a half years from now`.
        "date.duration" | "date.ago" => (96, 16),
        // `earlier in the academic year`, `the working week after next`.
        "date.relative_unit" => (32, 16),
        // `the very beginning of the previous year`.
        "date.period_edge" => (40, 8),
        // `at this point in time`, `in the distant future`, `year-to-date`.
        "date.reference" => (24, 16),
        // `fiscal year 2024`, `FY 2024`.
        "date.year" => (32, 8),
        // `approximately 1530 local time`, `12:30:00 (GMT +10:30) in the afternoon`.
        "date.time" => (24, 48),
        // `12/31/2024`.
        "date.numeric" => (8, 16),
        // `2024-03-05T09:30:00.125+05:30`.
        "date.iso" => (0, 48),
        // `previous Mondays afternoon`.
        "date.weekday" => (16, 16),
        // `FY24`.
        "date.fiscal_short" => (0, 8),
        // `the early-1990s`, `the late nineties`.
        "date.decade" => (24, 8),
        // `the twenty-first century`.
        "date.century" => (32, 8),
        // `the following fourth quarter of the fiscal year 2024`.
        "date.quarter" => (32, 32),
        // `2024-Q1`, `Q1 2024`.
        "date.quarter_code" => (8, 8),
        // `the latter half of fiscal 2024`.
        "date.half" => (16, 24),
        // `this coming spring of 2024`.
        "date.season" => (16, 16),
        // `the day before yesterday afternoon`.
        "date.relative_day" => (24, 32),
        // `late last night`, `in the night-times`.
        "date.part_of_day" => (16, 16),
        // `twenty-five-year-old`.
        "date.duration_adjective" => (16, 16),
        // `twelve o'clock`, `mid night`.
        "date.time_words" => (16, 8),
        // `Wed, the 14th`.
        "date.weekday_day" => (0, 16),
        // `Week 23`.
        "date.week_number" => (0, 8),
        // `through the 21st`.
        "date.day_of_month" => (16, 8),
        // `a quarter past midnight`.
        "date.clock_past" => (16, 16),
        // `between 11/20/`.
        "date.month_day_slash" => (16, 8),
        // `during breakfast time`.
        "date.meal" => (16, 8),
        // `that same quarter a year earlier`.
        "date.same" => (8, 32),
        // `3.5years`.
        "date.duration_joined" => (16, 8),
        // `every twelve months`, `on weekends`.
        "date.set" => (8, 24),
        _ => REACH,
    }
}

/// The trigger automaton: every trigger word, with the rules it opens.
struct Gate {
    words: aho_corasick::AhoCorasick,
    rules_of: Vec<Vec<usize>>,
    /// How each rule's trigger words must sit.
    fit: Vec<Fit>,
    /// How far each rule's matches reach around its trigger words.
    reach: Vec<(usize, usize)>,
    always: Vec<usize>,
}

fn gate() -> &'static Gate {
    static G: OnceLock<Gate> = OnceLock::new();
    G.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut rules_of: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut fit = Vec::new();
        let mut reach = Vec::new();
        for (i, rule) in rules().iter().enumerate() {
            let (f, t) = triggers(rule.id);
            fit.push(f);
            reach.push(self::reach(rule.id));
            if t.is_empty() {
                always.push(i);
            }
            for w in t {
                match words.iter().position(|x| x == w) {
                    Some(j) => rules_of[j].push(i),
                    None => {
                        words.push(w);
                        rules_of.push(vec![i]);
                    }
                }
            }
        }
        let words = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // A DFA: several times faster than the default NFA over a whole article, for a few KB.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .expect("trigger automaton builds");
        Gate {
            words,
            rules_of,
            fit,
            reach,
            always,
        }
    })
}

/// How far a match may reach before the first and after the last trigger word in it, in bytes, for a rule
/// that [`reach`] does not size (every rule today has its own reach): far more than any rule's words around
/// its trigger (`the following twenty-one`, `, 2024`), so that a new rule's windows find the same matches
/// as a pass over the whole text until its own reach is measured.
const REACH: (usize, usize) = (128, 128);

/// The rules that can match in `text`, in rule order, each with the byte ranges to search: the whole text,
/// or windows around its trigger words (merged where they overlap, each ending after a whitespace
/// character so that word-boundary and end-of-text tests at its end read as they would in the full
/// text).
fn plan(text: &str) -> Vec<(usize, Vec<(usize, usize)>)> {
    let g = gate();
    let mut windows: Vec<Vec<(usize, usize)>> = vec![Vec::new(); rules().len()];
    for &i in &g.always {
        windows[i].push((0, text.len()));
    }
    let bytes = text.as_bytes();
    for m in g.words.find_overlapping_iter(text) {
        let starts = !is_word(bytes, m.start()) || word_start(bytes, m.start());
        let ends = !is_word(bytes, m.end());
        for &i in &g.rules_of[m.pattern().as_usize()] {
            let fits = match g.fit[i] {
                Fit::Anywhere => true,
                Fit::Start => starts,
                Fit::Word => starts && ends,
                Fit::Joined => {
                    let joint = |i: usize| matches!(bytes.get(i), Some(b'-' | b'/'));
                    let after = m.end() + usize::from(bytes.get(m.end()) == Some(&b'.'));
                    starts && ends && (joint(after) || m.start() > 0 && joint(m.start() - 1))
                }
                Fit::Checked(check) => check(bytes, m.start(), m.end()),
            };
            if !fits {
                continue;
            }
            let (before, after) = g.reach[i];
            let (a, b) = (
                m.start().saturating_sub(before),
                window_end(text, m.end() + after),
            );
            let w = &mut windows[i];
            match w.last_mut() {
                // Hits come in order of their end; a longer word ending later may start earlier.
                Some(last) if a <= last.1 => {
                    last.0 = last.0.min(a);
                    last.1 = last.1.max(b);
                }
                _ => w.push((a, b)),
            }
        }
    }
    windows
        .into_iter()
        .enumerate()
        .filter(|(_, w)| !w.is_empty())
        .map(|(i, w)| {
            let w = w
                .into_iter()
                .map(|(a, b)| (crate::text::floor_char_boundary(text, a), b))
                .collect();
            (i, w)
        })
        .collect()
}

/// The end of a window that should reach `at`: just after the first whitespace at or after it (the end
/// of the text when there is none).
fn window_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(at..) {
        Some(rest) => rest
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(text.len(), |p| at + p + 1),
        None => text.len(),
    }
}

/// Every match of `re` inside the window `[start, end)` of `text`, as a pass over the whole text would
/// find them there (look-behind sees the text before the window).
fn captures_in<'t>(
    re: &Regex,
    text: &'t str,
    (start, end): (usize, usize),
    mut each: impl FnMut(Captures<'t>),
) {
    let hay = &text[..end];
    let mut at = start;
    while at <= end {
        let Some(caps) = re.captures_at(hay, at) else {
            break;
        };
        let m = caps.get(0).expect("group 0");
        at = if m.is_empty() {
            // Step over one character, as the regex's own iterator does after an empty match.
            m.end() + hay[m.end()..].chars().next().map_or(1, char::len_utf8)
        } else {
            m.end()
        };
        each(caps);
    }
}

/// The number of `date.duration` and `date.ago`: digits, number words, counting words (`two and a half`,
/// `3.5`, `twenty-five`, `a couple of`, `half an`). [`ends_count`] reads the words it may end with.
fn count_pattern() -> String {
    format!(
        r"(?:(?:[0-9]+|{NUMBER_WORDS})[\s-]+and[\s-]+a[\s-]+(?:half|quarter)|[0-9]+(?:\.[0-9]+)?|(?:{NUMBER_WORDS})(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORDS}))*|an?|several|a\s+few|few|many|some|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+half|half(?:\s+an?)?)"
    )
}

/// The rules, in priority order. Their digits are ASCII (`[0-9]`): `\d` reads the digits of every
/// script, which no value here parses, and makes each automaton several times larger (`date.time`
/// 1,518 NFA states with `\d`, 846 without).
fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let num = count_pattern();
        let unit = unit_pattern();
        let specs: Vec<(&'static str, Kind, String)> = vec![
            ("date.iso", Kind::Iso, r"(?-u:\b)(?P<y>[0-9]{4})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?:[T ](?P<h>[0-2][0-9]):(?P<mi>[0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9][0-9]:?[0-9][0-9])?)?(?-u:\b)".into()),
            ("date.month_day_year", Kind::MonthDayYear, format!(r"(?i)(?-u:\b)(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?-u:\b)(?:,?\s+(?P<y>{YEAR})(?-u:\b))?")),
            ("date.day_month_year", Kind::DayMonthYear, format!(r"(?i)(?-u:\b)(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR})(?-u:\b))?")),
            ("date.numeric", Kind::Numeric, r"(?-u:\b)(?P<a>[0-9]{1,2})(?P<sep>[/.\-])(?P<b>[0-9]{1,2})(?P<sep2>[/.\-])(?P<y>[0-9]{4}|[0-9]{2})(?-u:\b)".into()),
            ("date.month_year", Kind::MonthYear, format!(r"(?i)(?-u:\b)(?:(?P<mod>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})(?-u:\b)")),
            ("date.month", Kind::MonthAlone, format!(r"(?i)(?-u:\b)(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Mm]id|[Ll]ate|[Ee]arlier\s+this|[Ll]ater\s+this)[\s-]+)?(?P<m>{MONTH})(?:(?-u:\b)|$)")),
            ("date.weekday", Kind::Weekday, format!(r"(?i)(?-u:\b)(?:(?P<rel>last|next|this|coming|previous)\s+)?(?P<wd>{WEEKDAY_FULL})(?P<plural>s)?(?-u:\b)(?:\s+(?P<part>morning|afternoon|evening|night))?")),
            ("date.year", Kind::Year, format!(r"(?i)(?-u:\b)(?P<fiscal>fiscal\s+(?:year\s+)?|FY\s?)?(?P<y>{YEAR})(?-u:\b)")),
            ("date.fiscal_short", Kind::Year, r"(?-u:\b)(?P<fiscal>FY)(?P<yy>[0-9]{2})(?-u:\b)".into()),
            ("date.decade", Kind::Decade, r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9][0-9]0|20[0-9]0)|'(?P<short>[0-9]0))['’]?s(?-u:\b)|(?i)(?-u:\b)the\s+(?:(?P<mod2>early|mid|late)[\s-]+)?(?P<dw>thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b)".into()),
            ("date.century", Kind::Century, r"(?i)(?-u:\b)(?:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)\s+century(?-u:\b)|(?i)(?-u:\b)(?:the\s+)?(?P<w>twenty-first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth)\s+century(?-u:\b)".into()),
            ("date.quarter", Kind::Quarter, format!(r"(?i)(?-u:\b)(?:(?P<det>the|this|last|next|its|their|a|the\s+latest|the\s+same|the\s+current|the\s+previous|the\s+coming|the\s+following)\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:quarter|qtr)(?-u:\b)(?:\s+(?:of\s+)?(?:(?:fiscal|the\s+fiscal\s+year|the\s+year)\s+)?(?P<y>{YEAR})(?-u:\b)|\s+of\s+(?P<qrel>last|next|this)\s+year(?-u:\b))?|(?i)(?-u:\b)(?P<bare>(?:the|this|last|next|that)\s+(?:latest\s+|current\s+|previous\s+|past\s+|coming\s+|following\s+|preceding\s+)?(?:quarter|qtr)|(?:current|previous|past|coming|following|preceding)\s+(?:quarter|qtr))(?-u:\b)")),
            ("date.quarter_code", Kind::QuarterCode, format!(r"(?-u:\b)(?:[Qq](?P<q>[1-4])(?:\s+|-|/)?(?:(?P<y>{YEAR})|'?(?P<yy>[0-9][0-9]))?|(?P<y2>{YEAR})[\s-]?[Qq](?P<q2>[1-4]))(?-u:\b)")),
            ("date.half", Kind::Half, format!(r"(?i)(?-u:\b)(?:(?:the|its)\s+)?(?P<h>first|second|1st|2nd|latter|back)\s+half(?:\s+of)?(?:\s+(?:(?:fiscal\s+)?(?P<y>{YEAR})|(?P<rel>this|next|last)\s+year|the\s+year))?(?-u:\b)|(?-u:\b)H(?P<h2>[12])[\s-]?(?P<y2>{YEAR})(?-u:\b)")),
            ("date.season", Kind::Season, format!(r"(?i)(?-u:\b)(?:(?P<rel>this|last|next|early|late|the|this\s+coming|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)(?-u:\b)(?:\s+(?:of\s+)?(?P<y>{YEAR})(?-u:\b))?")),
            ("date.relative_day", Kind::RelativeDay, r"(?i)(?-u:\b)(?:the\s+day\s+(?P<around>before|after)\s+)?(?P<w>today|tonight|tonite|yesterday|tomorrow)(?-u:\b)(?:\s+(?P<part>morning|afternoon|evening|night))?|(?i)(?-u:\b)the\s+day\s+(?P<around2>before|after)(?-u:\b)".into()),
            ("date.period_edge", Kind::PeriodEdge, r"(?i)(?-u:\b)(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+|this\s+|(?P<rel>next|last|previous)\s+)?(?P<u>year|month|week|quarter|decade|century|day)(?-u:\b)".into()),
            ("date.part_of_day", Kind::PartOfDay, r"(?i)(?-u:\b)(?:this|that)\s+(?P<part>morning|afternoon|evening)(?-u:\b)|(?-u:\b)(?P<late>last|late\s+last)\s+night(?-u:\b)|(?i)(?-u:\b)in\s+(?:the\s+)?(?P<any>morning|afternoon|evening|daytime|night-?time)s?(?-u:\b)|(?i)(?-u:\b)(?:early|late)[\s-]+(?P<edge>morning|afternoon|evening)(?-u:\b)".into()),
            ("date.relative_unit", Kind::RelativeUnit, r"(?i)(?-u:\b)(?P<rel>last|next|this|coming|upcoming|the\s+upcoming|past|previous|following|current|the\s+past|the\s+previous|the\s+following|the\s+coming|the\s+current|preceding|the\s+preceding|earlier\s+this|later\s+this|early\s+this|late\s+this|late\s+last|early\s+next|earlier\s+last|so\s+far\s+this|(?:earlier|later|early|late)\s+in\s+the)\s+(?:(?P<fy>fiscal|financial|calendar|school|academic|tax)\s+)?(?P<u>week|weekend|work\s?week|working\s+week|business\s+week|fortnight|month|year|yr|decade|century|day|hour)(?-u:\b)|(?i)(?-u:\b)(?:the\s+)?(?P<u2>week|month|year)\s+after\s+next(?-u:\b)|(?i)(?-u:\b)(?P<wk>(?:the|that)\s+weekend)(?-u:\b)".into()),
            ("date.ago", Kind::Ago, format!(r"(?i)(?-u:\b)(?P<n>{num})\s+(?P<u>{unit})\s+(?P<dir>ago|earlier|before|later|from\s+now|hence|previously)(?-u:\b)")),
            ("date.duration", Kind::Duration, format!(r"(?i)(?-u:\b)(?:(?P<rel>the\s+(?:past|last|next|coming|previous|first|final|following)|(?:past|last|next|coming|previous|first|final))\s+)?(?P<n>{num}|all)\s+(?:(?:{extent}|(?P<mid>{mid}))\s+)?(?:(?:{day_kind})\s+)?(?P<u>{unit})(?-u:\b)(?:\s+and\s+a\s+half)?", extent = EXTENT_MODIFIERS.join("|"), mid = MID_MODIFIERS.join("|"), day_kind = DAY_KIND_MODIFIERS.join("|"))),
            ("date.duration_adjective", Kind::DurationAdjective, format!(r"(?i)(?-u:\b)(?P<n>[0-9]+(?:\.[0-9]+)?|{NUMBER_WORDS}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine))-(?P<u>second|minute|hour|day|week|month|year|decade|century)(?-u:\b)(?P<old>-old)?")),
            ("date.reference", Kind::Reference, r"(?i)(?-u:\b)(?P<present>now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|right\s+now|current|to\s+date|till\s+date|at\s+the\s+minute|at\s+(?:the\s+)?present\s+time|at\s+this\s+(?:point\s+in\s+)?time)(?-u:\b)|(?i)(?-u:\b)(?P<ytd>year[\s-]to[\s-]date)(?-u:\b)|(?-u:\b)(?P<past>recently|lately|in\s+the\s+past|the\s+past|previously|formerly|once|earlier|in\s+recent\s+(?:years|months|weeks|days))(?-u:\b)|(?-u:\b)(?P<future>soon|shortly|in\s+the\s+(?:near\s+|distant\s+)?future|the\s+future|in\s+the\s+coming\s+(?:days|weeks|months|years)|later)(?-u:\b)".into()),
            ("date.time", Kind::ClockTime, format!(r"(?i)(?-u:\b)(?P<h>[01]?[0-9]|2[0-3])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m(?-u:\b)|p\.m(?-u:\b)|am(?-u:\b)|pm(?-u:\b)|a(?-u:\b)|p(?-u:\b))(?:\s+(?P<tz>{ZONE}))?|(?i)(?-u:\b)(?P<hp>[01]?[0-9])(?::(?P<mip>[0-5][0-9]))?\s+(?P<partp>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)|(?-u:\b)(?P<h24>[01]?[0-9]|2[0-3])[:h](?P<mi24>[0-5][0-9])(?::[0-5][0-9])?(?-u:\b)(?:\s+(?P<tz24>{ZONE}|hours|hrs))?(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?|(?-u:\b)(?P<hm>(?:[01][0-9]|2[0-3])[0-5][0-9])\s+(?P<tzm>{ZONE}|local\s+time|hours|hrs)(?-u:\b)|(?-u:\b)(?P<hmap>(?:1[0-2]|0?[1-9])[0-5][0-9])\s*(?P<apm>a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))|(?i)(?-u:\b)(?:at|around|approximately)\s+(?P<hmcue>(?:[01][0-9]|2[0-3])[0-5][0-9])(?-u:\b)(?:\s+(?P<tzc>{ZONE}|local\s+time|hours|hrs)(?-u:\b))?")),
            ("date.time_words", Kind::ClockWords, format!(r"(?i)(?-u:\b)(?P<w>noon|midday|mid\s?night)(?:ish)?(?-u:\b)|(?-u:\b)(?P<n>[0-9]{{1,2}}|{NUMBER_WORDS})\s+o['’]?clock(?-u:\b)|(?i)(?-u:\b)(?P<n2>1[0-2]|[1-9])ish(?-u:\b)")),
            // Month names between dashes or slashes, as tables and data feeds write them: 05-Aug-2016,
            // Sep-23-2020, Dec/2018.
            ("date.day_month_year_sep", Kind::DayMonthYear, format!(r"(?-u:\b)(?P<d>[0-3]?[0-9])[-/](?P<m>{MONTH})[-/](?P<y>{YEAR})(?-u:\b)")),
            ("date.month_day_year_sep", Kind::MonthDayYear, format!(r"(?-u:\b)(?P<m>{MONTH})[-/](?P<d>[0-3]?[0-9])[-/](?P<y>{YEAR})(?-u:\b)")),
            ("date.month_year_sep", Kind::MonthYear, format!(r"(?-u:\b)(?P<m>{MONTH})[-/](?P<y>{YEAR})(?-u:\b)")),
            // "Oct/2": a month and day with a slash, no year.
            ("date.month_day_sep", Kind::MonthDayYear, format!(r"(?-u:\b)(?P<m>{MONTH})/(?P<d>[0-3]?[0-9])(?-u:\b)")),
            // "Mon 13th", "Friday the 14th": a weekday with its day of the month.
            ("date.weekday_day", Kind::WeekdayDay, format!(r"(?i)(?-u:\b)(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?(?P<d>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))(?-u:\b)")),
            // "week 23": a week of the year by its number.
            ("date.week_number", Kind::WeekNumber, r"(?-u:\b)[Ww]eek (?P<n>5[0-3]|[1-4][0-9]|0?[1-9])(?-u:\b)".into()),
            // "on the 18th": a day of the month after a preposition (the span leaves the preposition out).
            ("date.day_of_month", Kind::DayOfMonth, r"(?i)(?-u:\b)(?:on|by|until|till|since|from|before|after|through)\s+(?P<the>(?:the\s+)?(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))(?-u:\b)".into()),
            // "ten past nine", "half past 3".
            ("date.clock_past", Kind::ClockPast, format!(r"(?i)(?-u:\b)(?P<mi>[0-9]{{1,2}}|{NUMBER_WORDS}|(?:a\s+)?quarter|half)\s+past\s+(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)(?-u:\b)")),
            // "on 11/20", "until 5/12": month/day without a year, where a preposition makes it a date.
            ("date.month_day_slash", Kind::MonthDaySlash, r"(?i)(?:(?-u:\b)(?P<cue>on|this|next|last|from|until|till|since|before|after|between|by)\s+|(?P<link>,|(?-u:\b)(?:or|and|to|through|until)(?-u:\b)|-|–)\s*)(?P<md>(?P<a>[01]?[0-9])/(?P<b>[0-3]?[0-9]))(?P<tail>[/[0-9]])?".into()),
            // Meal times after a preposition ("after lunch", "at dinnertime") or on their own ("lunchtime").
            ("date.meal", Kind::Meal, r"(?i)(?-u:\b)(?:at|after|before|around|during|until|till|by)\s+(?P<meal>lunch(?:time)?|breakfast(?:\s+time)?|dinner(?:time)?|supper(?:time)?|brunch)(?-u:\b)|(?i)(?-u:\b)(?P<bare>lunchtime|dinnertime|suppertime|teatime)(?-u:\b)".into()),
            // "that same day", "the same year": a time named by another one in the text.
            ("date.same", Kind::Same, format!(r"(?i)(?-u:\b)(?:the|that)\s+same\s+(?P<u>day|week|month|year|quarter)(?-u:\b)(?:\s+(?:(?P<last>last\s+year|a\s+year\s+(?:ago|earlier|before))|(?:of|in)\s+(?P<y>{YEAR}))(?-u:\b))?")),
            ("date.duration_joined", Kind::Duration, r"(?i)(?-u:\b)(?P<n>[0-9]+(?:\.[0-9]+)?)(?P<u>seconds|minutes|hours|days|weeks|months|years|decades)(?-u:\b)".into()),
            ("date.set", Kind::Set, format!(r"(?i)(?-u:\b)(?:every|each|(?P<per>per))\s+(?P<u>day|night|morning|evening|week|weekend|weekday|month|year|quarter|hour|minute|{WEEKDAY_FULL})(?-u:\b)|(?-u:\b)every\s+(?P<k>other|[0-9]{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<ku>days?|nights?|weeks?|weekends?|months?|years?|hours?|minutes?)(?-u:\b)|(?-u:\b)(?P<adv>daily|nightly|weekly|monthly|annually|yearly|quarterly|hourly|annual|biweekly|fortnightly|semi-?annual(?:ly)?|biannual(?:ly)?)(?-u:\b)|(?-u:\b)on\s+(?P<wkends>weekends)(?-u:\b)|(?-u:\b)(?P<everyday>everyday)(?-u:\b)")),
        ];
        specs
            .into_iter()
            .map(|(id, kind, pat)| Rule { id, kind, re: Regex::new(&pat).expect("date rule compiles") })
            .collect()
    })
}

/// A candidate before overlap resolution.
#[derive(Clone, Debug)]
struct Candidate {
    span: Span,
    subtype: Subtype,
    value: Option<String>,
    rule: &'static str,
    confidence: f32,
    /// Lower wins among equal spans.
    priority: usize,
}

/// The date extractor.
#[derive(Debug, Default)]
pub struct DateExtractor {
    _private: (),
}

impl DateExtractor {
    /// Builds the extractor (patterns are compiled once per process).
    pub fn new() -> DateExtractor {
        rules();
        DateExtractor { _private: () }
    }
}

impl Extractor for DateExtractor {
    fn kind(&self) -> ClaimKind {
        ClaimKind::Date
    }

    fn extract(&self, doc: &Analyzed<'_>, _found: &[Claim], out: &mut Vec<Claim>) {
        find_dates(&[doc], std::slice::from_mut(out));
    }

    fn extract_batch(&self, docs: &[&Analyzed<'_>], _found: &[Vec<Claim>], out: &mut [Vec<Claim>]) {
        find_dates(docs, out);
    }
}

/// Appends the dates of `docs[i]` to `out[i]`. Each rule runs over its windows in every document before
/// the next rule starts: with some forty rules, going document by document would evict each rule's
/// automaton from the CPU's cache before its next use. The candidates of a document come in the same
/// order either way (rule by rule, window by window), so its dates do not depend on its batch.
fn find_dates(docs: &[&Analyzed<'_>], out: &mut [Vec<Claim>]) {
    let ctxs: Vec<Ctx<'_>> = docs
        .iter()
        .map(|doc| Ctx {
            text: doc.text(),
            reference: doc.doc.reference_date(),
        })
        .collect();
    let mut plans: Vec<_> = ctxs
        .iter()
        .map(|ctx| plan(ctx.text).into_iter().peekable())
        .collect();
    let mut cands: Vec<Vec<Candidate>> = docs.iter().map(|_| Vec::new()).collect();
    for (priority, rule) in rules().iter().enumerate() {
        for ((plan, ctx), cands) in plans.iter_mut().zip(&ctxs).zip(&mut cands) {
            let Some((_, windows)) = plan.next_if(|(p, _)| *p == priority) else {
                continue;
            };
            let text = ctx.text;
            for w in windows {
                captures_in(&rule.re, text, w, |caps| {
                    let m = caps.get(0).expect("group 0");
                    let Some((subtype, value, span)) = ctx.interpret(rule.kind, &caps) else {
                        return;
                    };
                    let span = trim_span(text, span.unwrap_or(Span::new(m.start(), m.end())));
                    if !span.is_empty() {
                        cands.push(Candidate {
                            span,
                            subtype,
                            value,
                            rule: rule.id,
                            confidence: confidence(rule.kind),
                            priority,
                        });
                    }
                });
            }
        }
    }
    for (((doc, ctx), mut cands), out) in docs.iter().zip(&ctxs).zip(cands).zip(out) {
        let text = ctx.text;
        ctx.holidays(rules().len(), &mut cands);
        // Nothing inside a URL, an e-mail address or a handle is a date.
        cands.retain(|c| {
            !crate::span::overlaps_any(doc.excluded(), c.span) && !in_digit_chain(text, c.span)
        });
        for c in compose::compose(ctx, resolve_overlaps(cands)) {
            let mut claim = Claim::new(ClaimKind::Date, c.subtype, c.span, c.rule);
            claim.value = c.value.map(|v| with_zone(&text[c.span], c.subtype, v));
            claim.confidence = c.confidence;
            if matches!(c.subtype, Subtype::Date | Subtype::Time) {
                claim.qualifier = qualifier_before(text, c.span.start);
            }
            out.push(claim);
        }
    }
}

/// A clock time's value with the UTC offset of the zone its text names (`2024-03-05T09:30-04:00` for
/// `9:30 a.m. EDT`). Only a value that ends in hours and minutes: a part of the day (`TMO`) or a set
/// has no instant to place.
fn with_zone(time_text: &str, subtype: Subtype, value: String) -> String {
    let Some(t) = value.rfind('T') else {
        return value;
    };
    if subtype != Subtype::Time || compose::clock_of(&value).is_none() {
        return value;
    }
    let day = NaiveDate::parse_from_str(&value[..t], "%Y-%m-%d").ok();
    match zone::offset(time_text, day) {
        Some(offset) => value + &offset,
        None => value,
    }
}

fn confidence(kind: Kind) -> f32 {
    match kind {
        Kind::Iso
        | Kind::MonthDayYear
        | Kind::DayMonthYear
        | Kind::MonthYear
        | Kind::QuarterCode => 0.95,
        Kind::Year
        | Kind::Quarter
        | Kind::Half
        | Kind::ClockTime
        | Kind::Duration
        | Kind::Numeric => 0.85,
        Kind::Reference | Kind::Set | Kind::Season => 0.7,
        _ => 0.8,
    }
}

/// Trailing full stops that end a sentence are not part of the date (`Oct.` keeps its own).
fn trim_span(text: &str, span: Span) -> Span {
    let mut span = span.trim(text);
    let s = &text[span];
    if s.ends_with(',') {
        span.end -= 1;
    }
    span
}

/// True when a numeric date or year is one link of a chain of hyphenated digit groups (phone numbers,
/// codes: "138-2010-2015", "133-03-03-2020"), not a date or a year range ("2010-2015").
fn in_digit_chain(text: &str, span: Span) -> bool {
    let s = &text[span];
    // Phone and serial numbers are digits and dashes; a slash makes a date ("10/1-11/7").
    if !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.ends_with(|c: char| c.is_ascii_digit())
        || s.contains('/')
    {
        return false;
    }
    let group_before = |t: &str| -> Option<usize> {
        let t = t.strip_suffix('-')?;
        let n = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (n > 0).then_some(n)
    };
    let group_after = |t: &str| -> Option<(usize, bool)> {
        let t = t.strip_prefix('-')?;
        let n = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (n > 0).then(|| (n, t[n..].starts_with('-')))
    };
    let before = group_before(&text[..span.start]);
    let after = group_after(&text[span.end..]);
    match (before, after) {
        (Some(_), Some(_)) => true,
        (Some(n), None) => n != 4,
        (None, Some((n, more))) => more || (n != 2 && n != 4),
        (None, None) => false,
    }
}

/// Words and dashes that join the two ends of a range of months or days ("Sep to Nov", "10/1-11/7").
const RANGE_LINKS: &[&str] = &["to", "and", "through", "until", "till", "-", "–"];

/// An hour or minute in digits or words (`9`, `nine`, `twenty-five`).
fn clock_number(s: &str) -> Option<u32> {
    match s.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => u32::try_from(parse_words(s)?.value.as_i64()?).ok(),
    }
}

/// True for `a/b` shaped like the fractions prices and rates are quoted in (1/2, 3/8, 5/16).
fn fraction_like(a: u32, b: u32) -> bool {
    a % 2 == 1 && a < b && b.is_power_of_two()
}

/// Keeps the longest candidates; among equal spans the earlier rule.
fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.priority.cmp(&b.priority))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut taken = crate::span::SpanSet::new();
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        if taken.insert(c.span) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// The preposition right before a date, as its qualifier (`by 2030`).
fn qualifier_before(text: &str, start: usize) -> Option<Qualifier> {
    let before = text[..start].trim_end();
    let word_start = crate::text::trailing_run_start(before, char::is_alphabetic);
    let word = before[word_start..].to_ascii_lowercase();
    Some(match word.as_str() {
        "by" => Qualifier::By,
        "since" => Qualifier::Since,
        "until" | "till" | "through" | "thru" => Qualifier::Until,
        "before" => Qualifier::Before,
        "after" => Qualifier::After,
        // "prior to": only the word before is read, never a copy of all the text before it.
        "to" if {
            let p = before[..word_start].trim_end();
            p.len()
                .checked_sub(5)
                .and_then(|i| p.get(i..))
                .is_some_and(|w| w.eq_ignore_ascii_case("prior"))
        } =>
        {
            Qualifier::Before
        }
        _ => return None,
    })
}

struct Ctx<'t> {
    text: &'t str,
    reference: Option<NaiveDate>,
}

type Interpreted = (Subtype, Option<String>, Option<Span>);

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// The day of month in digits (`5`, `5th`) or ordinal words (`fifth`, `twenty-first`).
fn day_number(s: &str) -> Option<u32> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return s.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok();
    }
    let w = parse_words(s)?;
    let d = w.value.as_i64()?;
    (w.ordinal && (1..=31).contains(&d)).then_some(d as u32)
}

fn ordinal_or_number(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    Some(match s.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" | "latter" | "back" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" | "last" => 4,
        _ => return None,
    })
}

/// The number a duration or offset counts: digits, number words, `a`, or vague words (`None` inside).
fn amount(s: &str) -> Option<Option<String>> {
    let s = s.trim().to_ascii_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.as_str() {
        "a" | "an" | "all" => return Some(Some("1".into())),
        "a couple of" | "a couple" | "couple of" | "couple" => return Some(Some("2".into())),
        "a half" | "half" | "half a" | "half an" => return Some(Some("0.5".into())),
        "several" | "a few" | "few" | "many" | "some" => return Some(None),
        _ => {}
    }
    // "two and a half", "three-and-a-half".
    let spaced = s.replace('-', " ");
    for (suffix, part) in [(" and a half", 0.5), (" and a quarter", 0.25)] {
        if let Some(whole) = spaced.strip_suffix(suffix) {
            let n: f64 = amount(whole)??.parse().ok()?;
            return Some(Some(format!("{}", n + part)));
        }
    }
    if let Some(d) = Decimal::parse(&s) {
        return Some(Some(d.to_string()));
    }
    parse_words(&s)
        .filter(|w| !w.ordinal)
        .map(|w| Some(w.value.to_string()))
}

impl Ctx<'_> {
    fn interpret(&self, kind: Kind, c: &Captures<'_>) -> Option<Interpreted> {
        let g = |name: &str| c.name(name).map(|m| m.as_str());
        let whole = c.get(0)?;
        match kind {
            Kind::Iso => {
                let date = NaiveDate::from_ymd_opt(
                    g("y")?.parse().ok()?,
                    g("m")?.parse().ok()?,
                    g("d")?.parse().ok()?,
                )?;
                match (g("h"), g("mi")) {
                    (Some(h), Some(mi)) => Some((
                        Subtype::Time,
                        Some(format!("{}T{h}:{mi}", timex::day(date))),
                        None,
                    )),
                    _ => Some((Subtype::Date, Some(timex::day(date)), None)),
                }
            }
            Kind::MonthDayYear | Kind::DayMonthYear => {
                let m_str = g("m")?;
                let month = crate::time::month_number(m_str)?;
                let d = day_number(g("d")?)?;
                if kind == Kind::MonthDayYear
                    && !self.month_word_ok(m_str, c.name("m")?.start(), true)
                {
                    return None;
                }
                // "14 nov" is a date, but "those 14 may" and "the 2 march" lean on the verbs; "the 2nd of
                // march" is plainly a date.
                if kind == Kind::DayMonthYear
                    && g("y").is_none()
                    && !m_str.starts_with(char::is_uppercase)
                    && matches!(m_str.to_ascii_lowercase().as_str(), "may" | "march")
                    && !whole.as_str().to_ascii_lowercase().contains(" of ")
                {
                    return None;
                }
                let mut span = None;
                let value = match g("y") {
                    Some(y) => timex::day(NaiveDate::from_ymd_opt(y.parse().ok()?, month, d)?),
                    None => {
                        // Validates the day (2000 is a leap year).
                        NaiveDate::from_ymd_opt(2000, month, d)?;
                        // "March 27 last year", "the 5th of June next year": the year named
                        // after the day places it, and stays a date of its own. "last March 27"
                        // is the latest March 27 before the article, "next June 5" the first
                        // after it.
                        let (year_shift, _) = self.year_after(whole.end());
                        let rel = match (kind, year_shift) {
                            (Kind::MonthDayYear, None) => self.relative_word_before(whole.start()),
                            _ => None,
                        };
                        if let Some((_, at)) = rel {
                            span = Some(Span::new(at, whole.end()));
                        }
                        match self.reference {
                            Some(r) => {
                                let day = (month, d);
                                let today = (r.month(), r.day());
                                let year = match (year_shift, rel.map(|(w, _)| w)) {
                                    (Some(sft), _) => r.year() + sft,
                                    (None, Some("last")) if day >= today => r.year() - 1,
                                    (None, Some("next")) if day <= today => r.year() + 1,
                                    (None, Some(_)) => r.year(),
                                    (None, None) => self.year_for(r, month, d, whole.start()),
                                };
                                match NaiveDate::from_ymd_opt(year, month, d) {
                                    Some(date) => timex::day(date),
                                    None => format!("{year:04}-{month:02}-{d:02}"),
                                }
                            }
                            None => format!("XXXX-{month:02}-{d:02}"),
                        }
                    }
                };
                Some((Subtype::Date, Some(value), span))
            }
            Kind::Numeric => {
                let (a, b): (u32, u32) = (g("a")?.parse().ok()?, g("b")?.parse().ok()?);
                if g("sep") != g("sep2") {
                    return None;
                }
                let y = g("y")?;
                // Dotted and dashed forms need a four-digit year (versions, IPs, scores look alike).
                if g("sep") != Some("/") && y.len() != 4 {
                    return None;
                }
                let year: i32 = match y.len() {
                    4 => y.parse().ok()?,
                    _ => {
                        let yy: i32 = y.parse().ok()?;
                        if yy > 50 {
                            1900 + yy
                        } else {
                            2000 + yy
                        }
                    }
                };
                // US month/day unless the first number cannot be a month.
                let (month, day) = if a > 12 { (b, a) } else { (a, b) };
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                Some((Subtype::Date, Some(timex::day(date)), None))
            }
            Kind::MonthYear => {
                let m_str = g("m")?;
                if !self.month_word_ok(m_str, c.name("m")?.start(), true) {
                    return None;
                }
                let month = crate::time::month_number(m_str)?;
                let year: i32 = g("y")?.parse().ok()?;
                Some((Subtype::Date, Some(format!("{year:04}-{month:02}")), None))
            }
            Kind::MonthAlone => {
                let m = c.name("m")?;
                let rel = g("rel").map(str::to_ascii_lowercase);
                // A determiner only vouches for a capitalized month ("this may be" is no date); a
                // month range ("from Sep to Nov", "between august and october") vouches for any.
                let capital = m.as_str().starts_with(char::is_uppercase);
                let strong = (rel.is_some() && capital) || self.in_month_range(m.start(), m.end());
                if !self.month_word_ok(m.as_str(), m.start(), strong) {
                    return None;
                }
                let month = crate::time::month_number(m.as_str())?;
                // "June last year", "March next year".
                let (year_shift, tail_len) = self.year_after(whole.end());
                let value = match self.reference {
                    Some(r) => {
                        let year = match (rel.as_deref(), year_shift) {
                            (_, Some(sft)) => r.year() + sft,
                            (Some("last"), _) if month >= r.month() => r.year() - 1,
                            (Some("next"), _) if month <= r.month() => r.year() + 1,
                            (None, None) => self.year_for(r, month, 1, whole.start()),
                            _ => r.year(),
                        };
                        format!("{year:04}-{month:02}")
                    }
                    None => format!("XXXX-{month:02}"),
                };
                let span = (tail_len > 0).then(|| Span::new(whole.start(), whole.end() + tail_len));
                Some((Subtype::Date, Some(value), span))
            }
            Kind::Weekday => {
                let wd = weekday_of(g("wd")?)?;
                if g("plural").is_some() {
                    return Some((Subtype::Set, Some(timex::unresolved_weekday(wd)), None));
                }
                let rel = g("rel").map(str::to_ascii_lowercase);
                let dir = match rel.as_deref() {
                    Some("last" | "previous") => Direction::Past,
                    Some("next" | "coming") => Direction::Future,
                    Some("this") => Direction::This,
                    _ => self.tense(whole.start()),
                };
                let date = self.reference.map(|r| timex::weekday_date(r, wd, dir));
                let mut value = date.map_or_else(|| timex::unresolved_weekday(wd), timex::day);
                let subtype = match g("part") {
                    Some(p) => {
                        value.push_str(part_of_day(p));
                        Subtype::Time
                    }
                    None => Subtype::Date,
                };
                Some((subtype, Some(value), None))
            }
            Kind::Year => {
                let y = c.name("y").or_else(|| c.name("yy"))?;
                let fiscal = g("fiscal").is_some();
                let year: i32 = match y.as_str().len() {
                    2 => 2000 + y.as_str().parse::<i32>().ok()?,
                    _ => y.as_str().parse().ok()?,
                };
                if !fiscal && !self.year_context_ok(y.start(), y.end()) {
                    return None;
                }
                // TimeML writes a fiscal year as its year; "fiscal" stays in the span.
                Some((Subtype::Date, Some(format!("{year:04}")), None))
            }
            Kind::Decade => {
                let decade = match (g("dec"), g("short"), g("dw")) {
                    (Some(d), _, _) => d[..3].to_string(),
                    (None, Some(s), _) => format!("19{}", &s[..1]),
                    // "the nineties": the decade of the last century (the twenties are left out, being
                    // as likely this century's).
                    (None, None, Some(w)) => {
                        let tens = parse_words(&w.to_ascii_lowercase().replace("ies", "y"))?
                            .value
                            .as_i64()?;
                        format!("19{}", tens / 10)
                    }
                    _ => return None,
                };
                Some((Subtype::Date, Some(decade), None))
            }
            Kind::Century => {
                let n: u32 = match (g("n"), g("w")) {
                    (Some(n), _) => n.parse().ok()?,
                    (None, Some(w)) => match w.to_ascii_lowercase().as_str() {
                        "twenty-first" => 21,
                        "twentieth" => 20,
                        "nineteenth" => 19,
                        "eighteenth" => 18,
                        "seventeenth" => 17,
                        "sixteenth" => 16,
                        _ => 15,
                    },
                    _ => return None,
                };
                if n == 0 || n > 30 {
                    return None;
                }
                Some((Subtype::Date, Some(format!("{:02}", n - 1)), None))
            }
            Kind::Quarter => {
                if let Some(bare) = g("bare") {
                    let bare = bare.to_ascii_lowercase();
                    let shift = if bare.starts_with("last")
                        || bare.contains("previous")
                        || bare.contains("past")
                        || bare.contains("preceding")
                    {
                        -1
                    } else if bare.starts_with("next")
                        || bare.contains("coming")
                        || bare.contains("following")
                    {
                        1
                    } else {
                        0
                    };
                    let value = match self.reference {
                        Some(r)
                            if shift != 0
                                || bare.starts_with("this")
                                || bare.contains("current") =>
                        {
                            timex::shifted(r, shift, Unit::Quarter)?
                        }
                        Some(r) => format!("{:04}-QX", r.year()),
                        None => "XXXX-QX".to_string(),
                    };
                    return Some((Subtype::Date, Some(value), None));
                }
                let det = g("det").map(str::to_ascii_lowercase);
                let qword = g("q")?.to_ascii_lowercase();
                // "last quarter" / "the last quarter" mean the previous quarter, not the fourth.
                if qword == "last"
                    && matches!(det.as_deref(), None | Some("the"))
                    && g("y").is_none()
                    && g("qrel").is_none()
                {
                    let value = match self.reference {
                        Some(r) => timex::shifted(r, -1, Unit::Quarter)?,
                        None => "XXXX-QX".to_string(),
                    };
                    return Some((Subtype::Date, Some(value), None));
                }
                let q = ordinal_or_number(&qword)?;
                let shift = match g("qrel").map(str::to_ascii_lowercase).as_deref() {
                    Some("last") => -1,
                    Some("next") => 1,
                    _ => 0,
                };
                let year = match g("y") {
                    Some(y) => Some(y.parse::<i32>().ok()?),
                    None => self.reference.map(|r| r.year() + shift),
                };
                let value = match year {
                    Some(y) => format!("{y:04}-Q{q}"),
                    None => format!("XXXX-Q{q}"),
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::QuarterCode => {
                let q = g("q").or(g("q2"))?;
                let year = match (g("y").or(g("y2")), g("yy")) {
                    (Some(y), _) => Some(y.parse::<i32>().ok()?),
                    (None, Some(yy)) => Some(2000 + yy.parse::<i32>().ok()?),
                    _ => self.reference.map(|r| r.year()),
                };
                let value = match year {
                    Some(y) => format!("{y:04}-Q{q}"),
                    None => format!("XXXX-Q{q}"),
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::Half => {
                let h = match (g("h"), g("h2")) {
                    (Some(h), _) => ordinal_or_number(h)?.min(2),
                    (None, Some(h)) => h.parse().ok()?,
                    _ => return None,
                };
                let year = match (g("y").or(g("y2")), g("rel").map(str::to_ascii_lowercase)) {
                    (Some(y), _) => Some(y.parse::<i32>().ok()?),
                    (None, Some(rel)) => self.reference.map(|r| match rel.as_str() {
                        "next" => r.year() + 1,
                        "last" => r.year() - 1,
                        _ => r.year(),
                    }),
                    (None, None) => self.reference.map(|r| r.year()),
                };
                let value = match year {
                    Some(y) => format!("{y:04}-H{h}"),
                    None => format!("XXXX-H{h}"),
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::Season => {
                let s = g("s")?.to_ascii_lowercase();
                let rel = g("rel").map(str::to_ascii_lowercase);
                // "fall" is a verb unless a determiner or a year makes it the season.
                if s == "fall" && rel.is_none() && g("y").is_none() {
                    return None;
                }
                // A bare lower-case season word without a determiner is too vague to claim.
                if rel.is_none()
                    && g("y").is_none()
                    && !self.preceded_by(
                        whole.start(),
                        &[
                            "in",
                            "during",
                            "since",
                            "until",
                            "by",
                            "this",
                            "last",
                            "next",
                            "each",
                            "every",
                            "whole",
                            "entire",
                            "throughout",
                        ],
                    )
                {
                    return None;
                }
                let code = match s.as_str() {
                    "spring" => "SP",
                    "summer" => "SU",
                    "autumn" | "fall" => "FA",
                    _ => "WI",
                };
                let year = match g("y") {
                    Some(y) => Some(y.parse::<i32>().ok()?),
                    None => self.reference.map(|r| match rel.as_deref() {
                        Some("last") => r.year() - 1,
                        Some("next") => r.year() + 1,
                        _ => r.year(),
                    }),
                };
                let value = match year {
                    Some(y) => format!("{y:04}-{code}"),
                    None => format!("XXXX-{code}"),
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::RelativeDay => {
                // "the day before." / "the day after,": a day next to the reference day. Followed by
                // words ("the day after the vote") it leans on an event, not on today.
                if let Some(around) = g("around2") {
                    let next = self.text[whole.end()..].trim_start();
                    if next.starts_with(char::is_alphanumeric) {
                        return None;
                    }
                    let offset = if around.eq_ignore_ascii_case("before") {
                        -1
                    } else {
                        1
                    };
                    let value = self
                        .reference
                        .map(|r| timex::day(r + chrono::Duration::days(offset)));
                    return Some((Subtype::Date, value, None));
                }
                let mut w = g("w")?.to_ascii_lowercase();
                if w == "tonite" {
                    w = "tonight".to_string();
                }
                let mut offset: i64 = match w.as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                match g("around").map(str::to_ascii_lowercase).as_deref() {
                    Some("before") => offset -= 1,
                    Some("after") => offset += 1,
                    _ => {}
                }
                let mut value = match self.reference {
                    Some(r) => timex::day(r + chrono::Duration::days(offset)),
                    None => timex::unanchored(offset),
                };
                let part = g("part")
                    .map(part_of_day)
                    .or((w == "tonight").then_some("TNI"));
                let subtype = match part {
                    Some(p) if self.reference.is_some() => {
                        value.push_str(p);
                        Subtype::Time
                    }
                    _ => Subtype::Date,
                };
                Some((subtype, Some(value), None))
            }
            Kind::PeriodEdge => {
                // "the end of the year", "the beginning of next month": the period itself.
                let unit = Unit::from_word(g("u")?)?;
                // "At the end of the day" is an idiom (= in the end); "by the end of the day" a time.
                if unit == Unit::Day && self.preceded_by(whole.start(), &["at"]) {
                    return None;
                }
                let shift = match g("rel").map(str::to_ascii_lowercase).as_deref() {
                    Some("next") => 1,
                    Some("last" | "previous") => -1,
                    _ => 0,
                };
                let value = match self.reference {
                    Some(r) => timex::shifted(r, shift, unit)?,
                    None => timex::unanchored(shift),
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::Meal => {
                let m = c.name("meal").or(c.name("bare"))?;
                let w = m.as_str().to_ascii_lowercase();
                // TIMEX3 has parts of the day, not meals: lunch is midday, breakfast the morning.
                let part = if w.starts_with("lunch") {
                    "TMI"
                } else if w.starts_with("breakfast") || w == "brunch" {
                    "TMO"
                } else {
                    "TEV"
                };
                Some((
                    Subtype::Time,
                    Some(part.to_string()),
                    Some(Span::new(m.start(), m.end())),
                ))
            }
            Kind::Same => {
                // Anaphoric: the day, week or month is another one in the text, which a rule cannot
                // resolve; a year after it ("the same month last year") is kept.
                let year = match (g("y"), g("last")) {
                    (Some(y), _) => y.to_string(),
                    (None, Some(_)) => self
                        .reference
                        .map_or("XXXX".to_string(), |r| format!("{:04}", r.year() - 1)),
                    _ => "XXXX".to_string(),
                };
                let value = match g("u")?.to_ascii_lowercase().as_str() {
                    "day" => format!("{year}-XX-XX"),
                    "week" => format!("{year}-WXX"),
                    "month" => format!("{year}-XX"),
                    "quarter" => format!("{year}-QX"),
                    _ => year,
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::PartOfDay => {
                // "in the morning": no day of its own (a habit, or the day the text is about).
                if let Some(p) = g("any").or(g("edge")) {
                    return Some((Subtype::Time, Some(part_of_day(p).to_string()), None));
                }
                let part = match (g("part"), g("late")) {
                    (Some(p), _) => part_of_day(p),
                    (None, Some(_)) => "TNI",
                    _ => return None,
                };
                let offset = if g("late").is_some() { -1 } else { 0 };
                let value = self
                    .reference
                    .map(|r| format!("{}{part}", timex::day(r + chrono::Duration::days(offset))));
                Some((
                    Subtype::Time,
                    value.or_else(|| Some(part.to_string())),
                    None,
                ))
            }
            Kind::RelativeUnit => {
                if let Some(wk) = c.name("wk") {
                    return Some(self.the_weekend(Span::new(wk.start(), wk.end())));
                }
                // "the week after next".
                if let Some(u) = g("u2") {
                    let unit = Unit::from_word(u)?;
                    let value = match self.reference {
                        Some(r) => timex::shifted(r, 2, unit)?,
                        None => "FUTURE_REF".to_string(),
                    };
                    return Some((Subtype::Date, Some(value), None));
                }
                let rel = g("rel")?.to_ascii_lowercase();
                let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
                let unit_word = g("u")?.to_ascii_lowercase();
                // "the next hour": an hour from now, a duration (TimeML reads it so).
                if unit_word == "hour" {
                    let stretch = matches!(
                        rel.as_str(),
                        "next"
                            | "the next"
                            | "past"
                            | "the past"
                            | "last"
                            | "coming"
                            | "the coming"
                            | "following"
                            | "the following"
                            | "previous"
                            | "the previous"
                    );
                    return stretch.then(|| (Subtype::Duration, Some("PT1H".to_string()), None));
                }
                // "next workweek", "this working week": the week.
                let unit_word = if unit_word.ends_with("week") {
                    "week".to_string()
                } else {
                    unit_word
                };
                // "fiscal year", "calendar year", "school year": the year.
                if g("fy").is_some() && unit_word != "year" {
                    return None;
                }
                // "the next day", "the previous day", "later in the day"; not "the last day" (of a
                // term) or "this day".
                if unit_word == "day"
                    && !matches!(
                        rel.as_str(),
                        "next"
                            | "following"
                            | "the following"
                            | "previous"
                            | "the previous"
                            | "preceding"
                            | "the preceding"
                            | "past"
                            | "the past"
                            | "earlier in the"
                            | "later in the"
                    )
                {
                    return None;
                }
                let weekend = unit_word == "weekend";
                let unit = if weekend {
                    Unit::Week
                } else {
                    Unit::from_word(&unit_word)?
                };
                // "the past year" is a stretch of time, not a calendar year.
                if matches!(rel.as_str(), "past" | "the past") {
                    return Some((
                        Subtype::Duration,
                        Some(timex::duration(Some("1"), unit)),
                        None,
                    ));
                }
                let shift = match rel.as_str() {
                    "last" | "previous" | "the previous" | "preceding" | "the preceding"
                    | "late last" | "earlier last" => -1,
                    "next" | "coming" | "following" | "the following" | "the coming"
                    | "upcoming" | "the upcoming" | "early next" => 1,
                    _ => 0,
                };
                let value = match self.reference {
                    Some(r) => {
                        let mut v = timex::shifted(r, shift, unit)?;
                        if weekend {
                            v.push_str("-WE");
                        }
                        v
                    }
                    None => timex::unanchored(shift),
                };
                Some((Subtype::Date, Some(value), None))
            }
            Kind::Ago => {
                let n = amount(g("n")?)?;
                let unit = Unit::from_word(g("u")?)?;
                let dir = g("dir")?.to_ascii_lowercase();
                // "30 minutes later this week": "later this week" is the date, the minutes a duration.
                if matches!(dir.as_str(), "later" | "earlier")
                    && matches!(
                        self.next_word(whole.end()).to_ascii_lowercase().as_str(),
                        "this" | "next" | "last" | "in" | "today" | "tomorrow" | "tonight"
                    )
                {
                    let u = c.name("u")?;
                    return Some((
                        Subtype::Duration,
                        Some(timex::duration(n.as_deref(), unit)),
                        Some(Span::new(whole.start(), u.end())),
                    ));
                }
                // "two weeks before Christmas", "a day before March 3", "two days before yesterday": a
                // duration counted from the date that follows (composition moves that date).
                let next = self.next_word(whole.end());
                if dir == "before"
                    && (next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(next, "today" | "yesterday" | "tomorrow"))
                {
                    let u = c.name("u")?;
                    return Some((
                        Subtype::Duration,
                        Some(timex::duration(n.as_deref(), unit)),
                        Some(Span::new(whole.start(), u.end())),
                    ));
                }
                let back = matches!(dir.as_str(), "ago" | "earlier" | "before" | "previously");
                let value = match (
                    self.reference,
                    n.as_deref().and_then(|n| n.parse::<f64>().ok()),
                ) {
                    (Some(r), Some(k)) if k.fract() == 0.0 => {
                        let k = k as i64;
                        timex::shifted(r, if back { -k } else { k }, unit)
                    }
                    _ => None,
                };
                let value = value
                    .unwrap_or_else(|| if back { "PAST_REF" } else { "FUTURE_REF" }.to_string());
                Some((Subtype::Date, Some(value), None))
            }
            Kind::Duration => {
                let n_str = g("n")?;
                let n = amount(n_str)?;
                let unit_word = g("u")?;
                // "two nights" is a stay; "$200 a night" a rate.
                if unit_word.to_ascii_lowercase().starts_with("night")
                    && matches!(n_str.to_ascii_lowercase().as_str(), "a" | "an")
                {
                    return None;
                }
                // "three weekends": a count of weekends (TIMEX `P3WE`).
                if unit_word.to_ascii_lowercase().starts_with("weekend") {
                    let n = n.filter(|_| looks_plural(&unit_word.to_ascii_lowercase()))?;
                    return Some((Subtype::Duration, Some(format!("P{n}WE")), None));
                }
                // "3 next weeks" counts weeks; "3 next week" is a number followed by a date.
                if g("mid").is_some()
                    && (!looks_plural(&unit_word.to_ascii_lowercase()) || year_like(n_str))
                {
                    return None;
                }
                // "all day", "all week"; not "all years".
                if n_str.eq_ignore_ascii_case("all")
                    && looks_plural(&unit_word.to_ascii_lowercase())
                {
                    return None;
                }
                let unit = Unit::from_word(unit_word)?;
                let lower = n_str.to_ascii_lowercase();
                // "1986 yr net": a year, not 1,986 years.
                if unit_word
                    .get(..2)
                    .is_some_and(|p| p.eq_ignore_ascii_case("yr"))
                    && n_str.len() == 4
                    && year_like(n_str)
                {
                    return None;
                }
                // "1530 hrs", "0900 hours": a clock time (the time rule reads it).
                if matches!(unit, Unit::Hour)
                    && n_str.len() == 4
                    && (n_str.starts_with('0') || unit_word.eq_ignore_ascii_case("hrs"))
                    && n_str[2..].parse::<u32>().is_ok_and(|m| m < 60)
                {
                    return None;
                }
                // "the comparable half year" is a period, "three-and-a-half years" a longer
                // duration: a bare "half" is only "half an hour" or "half hour", "half day".
                if lower.starts_with("half") {
                    let w = crate::text::window_before(self.text, whole.start(), 8);
                    let before = self.text[w..whole.start()].to_ascii_lowercase();
                    let before = before.trim_end_matches([' ', '-']);
                    if before.ends_with(" a")
                        || before.ends_with("-a")
                        || (lower == "half"
                            && matches!(
                                unit,
                                Unit::Month
                                    | Unit::Quarter
                                    | Unit::Year
                                    | Unit::Decade
                                    | Unit::Century
                            ))
                    {
                        return None;
                    }
                }
                // "three quarters of voters", "five and a quarter times": a fraction, not a span of
                // quarters; "three quarters of the year", "two quarters of 2024" stay periods.
                if unit == Unit::Quarter
                    && matches!(lower.as_str(), "a" | "an" | "one" | "three")
                    && self.quarter_is_fraction(whole.start(), whole.end())
                {
                    return None;
                }
                // "a quarter million", "five billion and three quarters": fractions of a number.
                if unit == Unit::Quarter
                    && (super::numbers::scale_word(
                        &self.next_word(whole.end()).to_ascii_lowercase(),
                    )
                    .is_some()
                        || lower.contains(" and ") && !lower.ends_with("and a half"))
                {
                    return None;
                }
                // "the 1988 quarter", "a 2019 year": the period of a year, not a count of units.
                if year_like(n_str) && !looks_plural(&unit_word.to_ascii_lowercase()) {
                    return None;
                }
                // "one day" and "a day" in "one day he left" are not durations worth claiming alone.
                if (lower == "one" || lower == "a" || lower == "an" || lower == "some")
                    && g("rel").is_none()
                    && matches!(unit, Unit::Day)
                    && !self.preceded_by(
                        whole.start(),
                        &[
                            "for", "in", "within", "over", "than", "about", "after", "nearly",
                            "almost", "only", "just", "least",
                        ],
                    )
                {
                    return None;
                }
                // "a second round", "a second wave": an ordinal, not a length of time.
                if matches!(lower.as_str(), "a" | "an") && unit == Unit::Second {
                    let next = self.next_word(whole.end()).to_ascii_lowercase();
                    if !next.is_empty()
                        && !matches!(
                            next.as_str(),
                            "ago"
                                | "later"
                                | "earlier"
                                | "or"
                                | "and"
                                | "before"
                                | "after"
                                | "of"
                                | "in"
                                | "to"
                        )
                    {
                        return None;
                    }
                }
                // "five years old", "three months of age": an age, which figures claim.
                let after = self.text[whole.end()..].trim_start().to_ascii_lowercase();
                if after.starts_with("old") || after.starts_with("of age") {
                    return None;
                }
                // "£350m a week", "$5 a day": a rate of a figure, not a duration.
                if matches!(lower.as_str(), "a" | "an") && self.after_amount(whole.start()) {
                    return None;
                }
                let n = match (
                    n,
                    whole.as_str().to_ascii_lowercase().ends_with("and a half"),
                ) {
                    (Some(x), true) => x.parse::<f64>().ok().map(|v| format!("{}", v + 0.5)),
                    (n, _) => n,
                };
                Some((
                    Subtype::Duration,
                    Some(timex::duration(n.as_deref(), unit)),
                    None,
                ))
            }
            Kind::DurationAdjective => {
                if g("old").is_some() {
                    return None; // an age, not a duration
                }
                let n = amount(g("n")?)??;
                let unit = Unit::from_word(g("u")?)?;
                Some((
                    Subtype::Duration,
                    Some(timex::duration(Some(&n), unit)),
                    None,
                ))
            }
            Kind::Reference => {
                if c.name("ytd").is_some() {
                    let value = self
                        .reference
                        .map_or_else(|| "PRESENT_REF".to_string(), |r| format!("{:04}", r.year()));
                    return Some((Subtype::Date, Some(value), None));
                }
                let (value, m) = if let Some(m) = c.name("present") {
                    ("PRESENT_REF", m)
                } else if let Some(m) = c.name("past") {
                    ("PAST_REF", m)
                } else {
                    ("FUTURE_REF", c.name("future")?)
                };
                let word = m.as_str().to_ascii_lowercase();
                // Words that are dates only in some uses: keep the clear ones.
                let ambiguous = matches!(
                    word.as_str(),
                    "once" | "earlier" | "later" | "the past" | "the future" | "current"
                );
                if ambiguous && !self.reference_word_ok(&word, m.start(), m.end()) {
                    return None;
                }
                // "up to date", "out of date" are adjectives.
                if word.starts_with("to") && self.preceded_by(m.start(), &["up"]) {
                    return None;
                }
                Some((Subtype::Date, Some(value.to_string()), None))
            }
            Kind::ClockTime => {
                let with_part = g("hp").is_some();
                // "1430 GMT", "330 p.m.", "at 1030": hours and minutes written as one number.
                let mut zoned = g("tz24").is_some();
                let (h, mi, ap) = if let Some(h) = g("h") {
                    (h, g("mi").unwrap_or("00"), g("ap"))
                } else if let Some(h) = g("hp") {
                    (h, g("mip").unwrap_or("00"), None)
                } else if let Some(n) = g("hm") {
                    zoned = true;
                    let (h, m) = n.split_at(n.len() - 2);
                    (h, m, None)
                } else if let Some(n) = g("hmap") {
                    let (h, m) = n.split_at(n.len() - 2);
                    (h, m, g("apm"))
                } else if let Some(n) = g("hmcue") {
                    // Not a year ("around 2010"), and not a count ("at 1500 metres").
                    // "at 1430 GMT": the zone settles it.
                    let next = self.next_word(whole.end());
                    if g("tzc").is_none()
                        && (n.starts_with("19")
                            || n.starts_with("20")
                            || (next.starts_with(|c: char| c.is_alphanumeric())
                                && !matches!(next, "in" | "on" | "today" | "tomorrow" | "tonight")))
                    {
                        return None;
                    }
                    zoned = true;
                    let (h, m) = n.split_at(n.len() - 2);
                    (h, m, None)
                } else {
                    (g("h24")?, g("mi24")?, None)
                };
                let mut hour: u32 = h.parse().ok()?;
                let minute: u32 = mi.parse().ok()?;
                if let Some(ap) = ap {
                    let ap = ap.to_ascii_lowercase();
                    // A bare "a"/"p" only counts right after digits and after a time cue ("at 9a"), never
                    // "5 a day" or a lone code like "4a".
                    let cue = self.preceded_by(
                        whole.start(),
                        &[
                            "at", "by", "from", "until", "till", "before", "after", "around",
                            "about", "to",
                        ],
                    );
                    // With minutes ("4:30p") the letter is unambiguous.
                    let minutes = g("mi").is_some();
                    if (ap == "a" || ap == "p")
                        && (whole.as_str().contains(' ') || !(cue || minutes))
                    {
                        return None;
                    }
                    if hour == 0 || hour > 12 {
                        return None;
                    }
                    let pm = ap.starts_with('p');
                    hour = match (hour, pm) {
                        (12, false) => 0,
                        (12, true) => 12,
                        (h, true) => h + 12,
                        (h, false) => h,
                    };
                } else if with_part {
                    // "4 in the afternoon": the part of day below makes it a time.
                } else if !zoned {
                    // A bare "14:30" is a time, but "John 3:16" is a verse and "3:45.2" a race time.
                    let before = self.text[..whole.start()].trim_end();
                    let prev =
                        &before[crate::text::trailing_run_start(before, char::is_alphabetic)..];
                    if prev.starts_with(char::is_uppercase)
                        && !self.preceded_by(
                            whole.start(),
                            &[
                                "at", "by", "from", "until", "to", "before", "after", "around",
                                "about", "since",
                            ],
                        )
                    {
                        return None;
                    }
                }
                // "4:30 in the afternoon", "10 at night": the part of day sets a.m. or p.m.
                if let Some(part) = g("part").or(g("partp")) {
                    let part = part.to_ascii_lowercase();
                    if (part.contains("afternoon")
                        || part.contains("evening")
                        || part.contains("night"))
                        && hour < 12
                    {
                        hour += 12;
                    }
                }
                Some((Subtype::Time, Some(self.clock_value(hour, minute)), None))
            }
            Kind::ClockWords => {
                let (hour, minute) = match g("w").map(str::to_ascii_lowercase).as_deref() {
                    Some("noon" | "midday") => (12, 0),
                    Some(_) => (24, 0),
                    None => {
                        // "11ish": about eleven o'clock.
                        let h = clock_number(g("n").or(g("n2"))?)?;
                        if h == 0 || h > 12 {
                            return None;
                        }
                        (h, 0)
                    }
                };
                Some((Subtype::Time, Some(self.clock_value(hour, minute)), None))
            }
            Kind::WeekdayDay => {
                // "the Friday the 13th films" names a film.
                if !self.date_ends_at(whole.end()) {
                    return None;
                }
                let wd = weekday_of(g("wd")?)?;
                let d = day_number(g("d")?)?;
                // The month nearest the reference whose day `d` falls on that weekday.
                let value = self
                    .reference
                    .and_then(|r| {
                        let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?
                            .checked_sub_months(chrono::Months::new(2))?;
                        (0..5)
                            .filter_map(|k| first.checked_add_months(chrono::Months::new(k)))
                            .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), d))
                            .filter(|date| date.weekday() == wd)
                            .min_by_key(|date| (*date - r).num_days().abs())
                            .map(timex::day)
                    })
                    .unwrap_or_else(|| format!("XXXX-XX-{d:02}"));
                Some((Subtype::Date, Some(value), None))
            }
            Kind::WeekNumber => {
                // Not "week 3 of the trial" (a week of something else) or "week 10.5".
                let rest = &self.text[whole.end()..];
                if rest.starts_with(['.', ',', ':', '-', '/'])
                    && rest[1..].starts_with(|c: char| c.is_ascii_digit())
                    || self.next_word(whole.end()).eq_ignore_ascii_case("of")
                {
                    return None;
                }
                let n: u32 = g("n")?.parse().ok()?;
                let year = self
                    .reference
                    .map_or_else(|| "XXXX".to_string(), |r| format!("{:04}", r.year()));
                Some((Subtype::Date, Some(format!("{year}-W{n:02}")), None))
            }
            Kind::DayOfMonth => {
                // "on the 18th." is a date; "on the 18th floor" an ordinal; "of this month" completes it.
                let the = c.name("the")?;
                let month_follows = self.next_word(the.end()).eq_ignore_ascii_case("of") && {
                    let rest = self.text[the.end()..].trim_start()[2..].trim_start();
                    let rest = rest[..crate::text::window_after(rest, 0, 16)].to_ascii_lowercase();
                    ["this month", "next month", "last month", "the month"]
                        .iter()
                        .any(|p| rest.starts_with(p))
                };
                if !(month_follows || self.date_ends_at(the.end())) {
                    return None;
                }
                let d = day_number(g("d")?)?;
                let value = match self.reference {
                    Some(r) => format!("{:04}-{:02}-{d:02}", r.year(), r.month()),
                    None => format!("XXXX-XX-{d:02}"),
                };
                Some((
                    Subtype::Date,
                    Some(value),
                    Some(Span::new(the.start(), the.end())),
                ))
            }
            Kind::ClockPast => {
                // "10 past 9 years" is no time.
                let next = self.next_word(whole.end()).to_ascii_lowercase();
                if next.starts_with(char::is_alphabetic)
                    && !matches!(
                        next.as_str(),
                        "in" | "on"
                            | "at"
                            | "this"
                            | "that"
                            | "tonight"
                            | "today"
                            | "tomorrow"
                            | "yesterday"
                            | "and"
                            | "or"
                            | "am"
                            | "pm"
                            | "a"
                            | "p"
                            | "o'clock"
                    )
                {
                    return None;
                }
                let mi = g("mi")?.to_ascii_lowercase();
                let minute = match mi.as_str() {
                    "half" => 30,
                    q if q.ends_with("quarter") => 15,
                    m => clock_number(m)?,
                };
                let hour = match g("h")?.to_ascii_lowercase().as_str() {
                    "noon" => 12,
                    "midnight" => 0,
                    h => clock_number(h)?,
                };
                if minute == 0 || minute > 59 || hour > 12 {
                    return None;
                }
                Some((Subtype::Time, Some(self.clock_value(hour, minute)), None))
            }
            Kind::MonthDaySlash => {
                // "on 11/20/2024" is read whole by the numeric rule; "by 1/2 pct", "1/4 point" and
                // "3/4 of" are fractions: only punctuation or a linking word may follow a date.
                if g("tail").is_some() || !self.date_ends_at(whole.end()) {
                    return None;
                }
                let (month, day): (u32, u32) = (g("a")?.parse().ok()?, g("b")?.parse().ok()?);
                NaiveDate::from_ymd_opt(2000, month, day)?;
                // 1/2, 3/8, 5/16 look like the fractions of prices and rates; only a cue that can
                // only mean a date ("on", "since", "until" ...) reads them as one.
                let fraction_like = fraction_like(month, day);
                let cue = g("cue").map(str::to_ascii_lowercase);
                let date_cue = cue
                    .as_deref()
                    .is_some_and(|c| !matches!(c, "by" | "from" | "between"));
                if fraction_like && !date_cue {
                    return None;
                }
                // "from 4/1 to 5/2": odds, unless the other end is a month/day that ends there too.
                if matches!(cue.as_deref(), Some("from" | "between"))
                    && !self.slash_range_follows(whole.end())
                {
                    return None;
                }
                // After a link ("11/20, 11/22 or 11/25", "10/1-11/7") only when a month/day precedes it
                // (not a mixed number like 6-5/8).
                if let Some(link) = c.name("link") {
                    let before = self.text[..link.start()].trim_end();
                    let at = crate::text::trailing_run_start(before, |c: char| {
                        c.is_ascii_digit() || c == '/'
                    });
                    let token = &before[at..];
                    let parts: Vec<&str> = token.split('/').collect();
                    if !(parts.len() == 2 && parts.iter().all(|p| (1..=2).contains(&p.len())))
                        || before[..at].ends_with(['-', '.'])
                    {
                        return None;
                    }
                }
                let md = c.name("md")?;
                let value = match self.reference {
                    Some(r) => {
                        let year = self.year_for(r, month, day, md.start());
                        format!("{year:04}-{month:02}-{day:02}")
                    }
                    None => format!("XXXX-{month:02}-{day:02}"),
                };
                Some((
                    Subtype::Date,
                    Some(value),
                    Some(Span::new(md.start(), md.end())),
                ))
            }
            Kind::Set => {
                if let Some(adv) = g("adv") {
                    let v = match adv.to_ascii_lowercase().as_str() {
                        "daily" => "P1D",
                        "nightly" => "TNI",
                        "weekly" => "P1W",
                        "monthly" => "P1M",
                        "quarterly" => "P3M",
                        "hourly" => "PT1H",
                        "biweekly" | "fortnightly" => "P2W",
                        a if a.starts_with("semi") || a.starts_with("bi") => "P6M",
                        _ => "P1Y",
                    };
                    return Some((Subtype::Set, Some(v.to_string()), None));
                }
                // "$5 per day", "188 km per hour": a rate of a figure.
                if g("per").is_some() && self.after_amount(whole.start()) {
                    return None;
                }
                // "I go there everyday." (an adverb), not "everyday life" (an adjective).
                if g("everyday").is_some() {
                    return self
                        .date_ends_at(whole.end())
                        .then(|| (Subtype::Set, Some("P1D".to_string()), None));
                }
                if g("wkends").is_some() {
                    return Some((Subtype::Set, Some("P1WE".to_string()), None));
                }
                // "every other day", "every three weeks".
                if let (Some(k), Some(ku)) = (g("k"), g("ku")) {
                    let n = match k.to_ascii_lowercase().as_str() {
                        "other" => "2".to_string(),
                        k => amount(k)??,
                    };
                    let ku = ku.to_ascii_lowercase();
                    if ku.starts_with("weekend") {
                        return Some((Subtype::Set, Some(format!("P{n}WE")), None));
                    }
                    let unit = Unit::from_word(&ku)?;
                    return Some((Subtype::Set, Some(timex::duration(Some(&n), unit)), None));
                }
                let u = g("u")?;
                if let Some(wd) = weekday_of(u).filter(|_| u.len() > 3) {
                    return Some((Subtype::Set, Some(timex::unresolved_weekday(wd)), None));
                }
                let v = match u.to_ascii_lowercase().as_str() {
                    "day" => "P1D",
                    "night" => "TNI",
                    "morning" => "TMO",
                    "evening" => "TEV",
                    "week" => "P1W",
                    "weekend" => "P1WE",
                    "weekday" => "P1WD",
                    "month" => "P1M",
                    "quarter" => "P3M",
                    "hour" => "PT1H",
                    "minute" => "PT1M",
                    _ => "P1Y",
                };
                Some((Subtype::Set, Some(v.to_string()), None))
            }
        }
    }

    /// Holidays by name ("Thanksgiving", "next Christmas", "Easter 2024"), dated in the year given, or the
    /// reference year (shifted by last/next).
    fn holidays(&self, priority: usize, out: &mut Vec<Candidate>) {
        let h = holidays::holidays();
        for m in h.names.find_iter(self.text) {
            let (start, end) = (m.start(), m.end());
            let before_ok = self.text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = self.text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || !after_ok {
                continue;
            }
            let rule = h.rules[m.pattern().as_usize()];
            if let holidays::Rule::Once(day) = rule {
                // "9/11" names the day it happened, unless it is part of a longer numeric date
                // ("9/11/2024", "19/9/11").
                let joined = |s: &str| {
                    let mut b = s.bytes();
                    matches!(b.next(), Some(b'/' | b'-' | b'.'))
                        && b.next().is_some_and(|d| d.is_ascii_digit())
                };
                // The two characters before, read backwards: "19/" gives "/9".
                let before: String = self.text[..start].chars().rev().take(2).collect();
                if joined(&self.text[end..]) || joined(&before) || self.after_name(start) {
                    continue;
                }
                out.push(Candidate {
                    span: Span::new(start, end),
                    subtype: Subtype::Date,
                    value: Some(timex::day(day)),
                    rule: "date.event",
                    confidence: 0.85,
                    // Before every rule: on the same span, "9/11" is the event, not a date this year.
                    priority: 0,
                });
                continue;
            }
            let mut span = Span::new(start, end);
            let after = &self.text[end..];
            let explicit = after
                .strip_prefix(' ')
                .and_then(|a| a.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())))
                .and_then(|y| y.parse::<i32>().ok());
            if explicit.is_some() {
                span.end += 5;
            }
            let prev = self.prev_word(start);
            let shift = match prev.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            if matches!(prev.as_str(), "last" | "next" | "this") {
                span.start = self.text[..start].trim_end().len() - prev.len();
            }
            let year = explicit.or_else(|| self.reference.map(|r| r.year() + shift));
            let value = match year {
                Some(y) => holidays::date_in(rule, y).map(timex::day),
                None => match rule {
                    holidays::Rule::Fixed(m, d) => Some(format!("XXXX-{m:02}-{d:02}")),
                    _ => None,
                },
            };
            out.push(Candidate {
                span,
                subtype: Subtype::Date,
                value,
                rule: "date.holiday",
                confidence: 0.85,
                priority,
            });
        }
    }

    /// True when the word before byte `start` is capitalized and no ordinary sentence word
    /// ([`CAPITAL_OK`]: "After 9/11"): the number belongs to a name or a title ("Fahrenheit 9/11"), as
    /// in "Boeing 737".
    fn after_name(&self, start: usize) -> bool {
        let before = &self.text[..start];
        let word = before.trim_end_matches([' ', '\u{a0}']);
        if word.len() == before.len() {
            return false;
        }
        let word = &word[crate::text::trailing_run_start(word, char::is_alphabetic)..];
        word.starts_with(char::is_uppercase) && !CAPITAL_OK.contains(&word)
    }

    /// The previous word (lower case) before byte `start`.
    fn prev_word(&self, start: usize) -> String {
        let before = self.text[..start].trim_end();
        let ws =
            crate::text::trailing_run_start(before, |c: char| c.is_alphanumeric() || c == '\'');
        before[ws..].to_ascii_lowercase()
    }

    /// True when an amount ends right before `start` ("£350m", "5 million", "12%", "188 miles"; not "180
    /// officers", whose "a year" is how often).
    fn after_amount(&self, start: usize) -> bool {
        let before = self.text[..start].trim_end();
        let prev = self.prev_word(start);
        let measure = super::figures::is_unit_word(&prev)
            && before[..before.len() - prev.len()]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit());
        measure
            || before.ends_with(|c: char| c.is_ascii_digit() || c == '%')
            || super::numbers::scale_word(&prev).is_some()
            || (prev.len() > 1 && prev.starts_with(|c: char| c.is_ascii_digit()))
            || matches!(
                prev.as_str(),
                "dollars" | "euros" | "pounds" | "cents" | "pence" | "percent" | "cent"
            )
    }

    fn preceded_by(&self, start: usize, words: &[&str]) -> bool {
        let w = self.prev_word(start);
        words.contains(&w.as_str())
    }

    /// The next word (as written) after byte `end`.
    fn next_word(&self, end: usize) -> &str {
        let after = self.text[end..].trim_start();
        let we = after
            .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .unwrap_or(after.len());
        &after[..we]
    }

    /// Month names that are also words: "May" (modal) and "March" (verb, noun) need support.
    fn month_word_ok(&self, word: &str, start: usize, strong_context: bool) -> bool {
        let lower = word.trim_end_matches('.').to_ascii_lowercase();
        let capital = word.starts_with(char::is_uppercase);
        if !capital && !strong_context {
            return false;
        }
        match lower.as_str() {
            "may" | "march" => {
                if strong_context {
                    return capital || self.text[start..].len() > lower.len();
                }
                // "May" alone: only after a preposition or determiner that makes it a month.
                self.preceded_by(
                    start,
                    &[
                        "in", "since", "until", "by", "of", "from", "to", "through", "during",
                        "last", "next", "this", "early", "mid", "late", "before", "after",
                        "between", "and", "till",
                    ],
                )
            }
            // Bare abbreviations without their full stop are too ambiguous ("Jan" is a name, "Sat" a verb).
            _ if !strong_context
                && word.len() <= 4
                && !word.ends_with('.')
                && lower != "june"
                && lower != "july" =>
            {
                false
            }
            _ => true,
        }
    }

    /// A clock time's TIMEX value: on the reference day when there is one (`2025-03-14T16:00`), else
    /// `T16:00`.
    fn clock_value(&self, hour: u32, minute: u32) -> String {
        let t = format!("T{hour:02}:{minute:02}");
        match self.reference {
            Some(r) => format!("{}{t}", timex::day(r)),
            None => t,
        }
    }

    /// Whether a month/day range end follows `end` ("10/25 to 01/25", "10/1-11/7.").
    fn slash_range_follows(&self, end: usize) -> bool {
        let rest = self.text[end..].trim_start();
        let Some(rest) = RANGE_LINKS.iter().find_map(|l| rest.strip_prefix(l)) else {
            return false;
        };
        let rest = rest.trim_start();
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let a = digits(rest);
        if !(1..=2).contains(&a) || !rest[a..].starts_with('/') {
            return false;
        }
        let b = digits(&rest[a + 1..]);
        if !(1..=2).contains(&b) {
            return false;
        }
        let tail = &rest[a + 1 + b..];
        let end_at = self.text.len() - tail.len();
        let (m, d): (u32, u32) = match (rest[..a].parse(), rest[a + 1..a + 1 + b].parse()) {
            (Ok(m), Ok(d)) => (m, d),
            _ => return false,
        };
        !tail.starts_with(['/', '-']) && !fraction_like(m, d) && self.date_ends_at(end_at)
    }

    /// Whether a bare day or month/day can end at `end`: punctuation, the end of the text or a linking word
    /// follows ("on the 18th.", "on 11/20 at noon"), not a noun ("the 18th floor", "5/2 favourite",
    /// "the 18th-century").
    fn date_ends_at(&self, end: usize) -> bool {
        if self.text[end..]
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(char::is_alphabetic))
        {
            return false;
        }
        let next = self.next_word(end).to_ascii_lowercase();
        !next.starts_with(char::is_alphanumeric)
            || matches!(
                next.as_str(),
                "at" | "and"
                    | "or"
                    | "to"
                    | "through"
                    | "until"
                    | "till"
                    | "in"
                    | "from"
                    | "when"
                    | "on"
            )
    }

    /// Whether the month word at `[start, end)` is one end of a range of months ("from Sep to Nov",
    /// "between august and october", "Jan-Mar").
    fn in_month_range(&self, start: usize, end: usize) -> bool {
        let is_month = |w: &str| crate::time::month_number(w.trim_end_matches('.')).is_some();
        // The word after a link following `end`.
        let after = self.text[end..].trim_start();
        let forward = RANGE_LINKS.iter().any(|l| {
            crate::text::strip_prefix_ci(after, l).is_some_and(|rest| {
                let rest = rest.trim_start();
                let w = rest
                    .find(|c: char| !c.is_alphabetic() && c != '.')
                    .map_or(rest, |e| &rest[..e]);
                is_month(w)
            })
        });
        // The word before a link preceding `start`.
        let before = self.text[..start].trim_end();
        let backward = RANGE_LINKS.iter().any(|l| {
            before.len() >= l.len()
                && before.is_char_boundary(before.len() - l.len())
                && before[before.len() - l.len()..].eq_ignore_ascii_case(l)
                && {
                    let rest = before[..before.len() - l.len()].trim_end();
                    let ws = crate::text::trailing_run_start(rest, |c: char| {
                        c.is_alphabetic() || c == '.'
                    });
                    is_month(&rest[ws..])
                }
        });
        forward || backward
    }

    /// Whether a four-digit number is a year here: prepositions and determiners before it say yes; a plural
    /// noun or unit after it, or a currency sign before it, says no (`2000 jobs`, `$2024`).
    fn year_context_ok(&self, start: usize, end: usize) -> bool {
        let before = &self.text[..start];
        if before.ends_with(['$', '€', '£', '¥', '₹', '#', '-', '/', '.', ','])
            && !before.ends_with(", ")
        {
            // `$2024`, `#2024`, `1.2024`, `1,2024`; but "March 5, 2024" is handled by other rules.
            if !before.ends_with('-')
                || !before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
            {
                return false;
            }
        }
        let after = &self.text[end..];
        if after.starts_with(|c: char| {
            c == '%'
                || c.is_alphanumeric()
                || c == ',' && after[1..].starts_with(|c: char| c.is_ascii_digit())
        }) {
            return false;
        }
        let prev = self.prev_word(start);
        // "ABC 2000", "Windows 2000": a year-like number after an acronym or product name is part of it.
        let raw_prev = self.text[..start].trim_end();
        let raw_prev =
            &raw_prev[crate::text::trailing_run_start(raw_prev, char::is_alphanumeric)..];
        if raw_prev.len() >= 2
            && raw_prev.chars().all(|c| c.is_ascii_uppercase())
            && !matches!(raw_prev, "AD" | "BC" | "CE" | "BCE" | "FY")
        {
            return false;
        }
        const YEAR_CUES: &[&str] = &[
            "in", "since", "by", "until", "till", "of", "from", "to", "through", "during",
            "before", "after", "between", "and", "or", "early", "late", "mid", "fiscal", "year",
            "the", "its", "their", "his", "her", "our", "this", "that", "end", "for", "around",
            "circa", "spring", "summer", "autumn", "fall", "winter", "season", "a", "as", "than",
            "at", "on", "against", "over", "past",
        ];
        // Plural nouns of what a period's accounts and statistics report, which a year before them modifies.
        const YEAR_MEASURES: &[&str] = &[
            "sales",
            "earnings",
            "profits",
            "revenues",
            "results",
            "figures",
            "exports",
            "imports",
            "shipments",
            "deliveries",
            "losses",
            "dividends",
            "accounts",
            "forecasts",
            "estimates",
            "targets",
            "budgets",
            "plantings",
            "harvests",
            "receipts",
            "elections",
            "finals",
            "championships",
        ];
        let next = self.next_word(end).to_ascii_lowercase();
        // "at 1500 metres", "and 1990 tonnes": a measure whatever the word before.
        let unit = next.len() >= 2 && super::figures::is_unit_word(&next);
        if unit {
            return false;
        }
        if YEAR_CUES.contains(&prev.as_str()) || crate::time::month_number(&prev).is_some() {
            return true;
        }
        // "had 1986 sales of", "1987 earnings": a year before what a year's accounts report is that
        // year, though the noun is plural ("sold 1986 cars" is a count).
        !looks_plural(&next) || YEAR_MEASURES.contains(&next.as_str())
    }

    /// Words like "earlier", "later", "once", "the past" are dates only in some uses.
    fn reference_word_ok(&self, word: &str, start: usize, end: usize) -> bool {
        let next = self.next_word(end).to_ascii_lowercase();
        let prev = self.prev_word(start);
        match word {
            // "earlier this year" is claimed by another rule; "earlier" alone, at a clause end, is a date.
            "earlier" | "later" => {
                let after = self.text[end..].trim_start();
                (after.is_empty() || after.starts_with(['.', ',', ';']))
                    && !matches!(
                        prev.as_str(),
                        "than" | "much" | "even" | "no" | "or" | "and"
                    )
            }
            "once" => false,
            "the past" | "the future" => {
                matches!(prev.as_str(), "in" | "into" | "for")
                    && !next.starts_with(char::is_alphabetic)
            }
            "current" => false,
            _ => true,
        }
    }

    /// The tense cues of the sentence around `start`: past verbs anywhere in it, future cues before the
    /// date; and whether the sentence is long enough to be prose (true) or a fragment (false).
    fn tense_cues(&self, start: usize) -> (Option<Direction>, bool) {
        let w = crate::text::window_before(self.text, start, 400);
        let clause_start = self.text[w..start]
            .rfind(['.', '\n', '!', '?', ';', ','])
            .map_or(w, |i| w + i + 1);
        let from =
            crate::text::floor_char_boundary(self.text, clause_start.max(start.saturating_sub(80)));
        let before = self.text[from..start].to_ascii_lowercase();
        // The rest of the sentence too: "On Monday, the board voted ..." puts the verb after the date.
        let ahead = crate::text::window_after(self.text, start, 400);
        let sentence_end = self.text[start..ahead]
            .find(['.', '\n', '!', '?', ';'])
            .map_or(ahead, |i| start + i);
        let end = crate::text::floor_char_boundary(self.text, sentence_end.min(start + 160));
        let after = self.text[start..end].to_ascii_lowercase();
        const FUTURE: &[&str] = &[
            "will ",
            "'ll ",
            "’ll ",
            "shall ",
            "going to ",
            "scheduled",
            "expects ",
            "expected to",
            "is due",
            "are due",
            "plans to",
            "planning to",
            "set to ",
            "is to ",
            "are to ",
            "forecasts ",
            "aims to",
            "intends to",
            "hopes to",
            "promised to",
            "pledged to",
            "next ",
            "upcoming",
            "later this",
            "until ",
        ];
        const PAST: &[&str] = &[
            "said", "was", "were", "had", "did", "told", "met", "went", "came", "rose", "fell",
            "took", "gave", "made", "left", "won", "lost", "began", "saw", "got", "sold", "paid",
            "held", "spoke", "wrote", "led", "ran", "hit", "cut", "put", "shut", "quit", "struck",
            "fled", "fought", "brought", "bought", "thought", "sent", "spent", "built", "became",
            "broke", "chose", "drove", "flew", "grew", "knew", "rang", "sang", "stood", "swore",
            "threw", "woke", "wore", "ago", "earlier",
        ];
        if FUTURE.iter().any(|w| before.contains(w)) {
            return (Some(Direction::Upcoming), true);
        }
        let past = before
            .split(|c: char| !c.is_ascii_alphabetic())
            .chain(after.split(|c: char| !c.is_ascii_alphabetic()))
            .any(|w| {
                PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
            });
        let sentence_start = self.text[w..start]
            .rfind(['.', '\n', '!', '?'])
            .map_or(w, |i| w + i + 1);
        let long = self.text[sentence_start..sentence_end]
            .split_whitespace()
            .count()
            >= 6;
        (past.then_some(Direction::RecentPast), long)
    }

    /// Past or future for a bare weekday: the sentence's tense; with no cue, news prose reports what
    /// happened, but a short fragment (a headline, a schedule line: "Talks resume Tuesday") looks ahead.
    /// True when "a quarter" / "three quarters" at `start..end` is a fraction: after "and" ("five and a
    /// quarter times", but not "one and a quarter hours"), or followed by "of" and something that is not a
    /// year ("three quarters of voters").
    fn quarter_is_fraction(&self, start: usize, end: usize) -> bool {
        let after = self.text[end..].trim_start();
        if self.preceded_by(start, &["and"]) {
            // "one and a quarter hours", "two and a quarter of an hour" stay durations.
            return !after.starts_with("of") && Unit::from_word(self.next_word(end)).is_none();
        }
        let Some(rest) = after
            .strip_prefix("of ")
            .or_else(|| after.strip_prefix("of\n"))
        else {
            return false;
        };
        let mut words = rest.split_whitespace();
        let mut w = words.next().unwrap_or("").to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "the" | "this" | "last" | "next" | "its" | "their" | "fiscal"
        ) {
            w = words.next().unwrap_or("").to_ascii_lowercase();
        }
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        !(w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w,
                "year" | "years" | "fiscal" | "financial" | "decade" | "century"
            ))
    }

    /// "over the weekend": the last weekend in a past-tense sentence, the next one in a future-tense
    /// one (a weekend day itself is its own weekend).
    fn the_weekend(&self, span: Span) -> Interpreted {
        let Some(r) = self.reference else {
            return (Subtype::Date, Some("XXXX-WXX-WE".to_string()), Some(span));
        };
        let on_weekend = matches!(r.weekday(), Weekday::Sat | Weekday::Sun);
        let day = match self.tense(span.start) {
            Direction::Past | Direction::RecentPast if !on_weekend => {
                r - chrono::Duration::weeks(1)
            }
            _ => r,
        };
        let value = format!("{}-WE", timex::week(day));
        (Subtype::Date, Some(value), Some(span))
    }

    fn tense(&self, start: usize) -> Direction {
        match self.tense_cues(start) {
            (Some(d), _) => d,
            (None, true) => Direction::RecentPast,
            (None, false) => Direction::Upcoming,
        }
    }

    /// The year of a month (and day) given without one: the reference year, moved back when the sentence
    /// is clearly about the past and the date is later in the year than the reference ("fell in December"
    /// in a January article), forward when it clearly looks ahead and the date is earlier.
    fn year_for(&self, r: NaiveDate, month: u32, day: u32, start: usize) -> i32 {
        // Days from the reference to the date in the reference's year (months count from their first day).
        let ordinal = |m: u32, d: u32| m as i64 * 31 + d as i64;
        let ahead = ordinal(month, day) - ordinal(r.month(), r.day());
        // A date within about a month after the article is usually coming up, even in a past-tense
        // sentence ("invitations went out for the October 12 event").
        match self.tense_cues(start).0 {
            Some(Direction::RecentPast) if ahead > 35 => r.year() - 1,
            Some(Direction::Upcoming) if ahead < -35 && self.strong_future(start) => r.year() + 1,
            _ => r.year(),
        }
    }

    /// A year named after a date that ends at `end`: ` last year` (-1), ` next year` (+1) or ` this
    /// year` (0), with the length of those words (0 when there are none).
    fn year_after(&self, end: usize) -> (Option<i32>, usize) {
        let tail =
            self.text[end..crate::text::window_after(self.text, end, 16)].to_ascii_lowercase();
        [(" last year", -1), (" next year", 1), (" this year", 0)]
            .iter()
            .find(|(t, _)| tail.starts_with(t))
            .map_or((None, 0), |(t, sft)| (Some(*sft), t.len()))
    }

    /// `last`, `next` or `this` (any case) right before `start`, with where that word starts.
    fn relative_word_before(&self, start: usize) -> Option<(&'static str, usize)> {
        let before = self.text[..start].strip_suffix(' ')?;
        let word = crate::text::last_word(before);
        let at = before.len() - word.len();
        ["last", "next", "this"]
            .into_iter()
            .find(|w| word.eq_ignore_ascii_case(w) && !before[..at].ends_with(char::is_numeric))
            .map(|w| (w, at))
    }

    /// Future cues strong enough to move a date into next year ("will", "next", "scheduled for").
    fn strong_future(&self, start: usize) -> bool {
        let from = crate::text::floor_char_boundary(self.text, start.saturating_sub(80));
        let before = self.text[from..start].to_ascii_lowercase();
        [
            "will ",
            "'ll ",
            "’ll ",
            "shall ",
            "going to ",
            "scheduled for",
            "is due ",
            "are due ",
            "next ",
            "upcoming",
        ]
        .iter()
        .any(|w| before.contains(w))
    }
}

fn part_of_day(p: &str) -> &'static str {
    match p.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "daytime" => "TDT",
        _ => "TNI",
    }
}

/// A crude plural test for the word after a number: `jobs`, `people`, `children`.
pub(crate) fn looks_plural(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "people",
        "children",
        "men",
        "women",
        "staff",
        "police",
        "cattle",
        "personnel",
        "feet",
        "mice",
        "geese",
        "teeth",
        "troops",
        "workers",
    ];
    IRREGULAR.contains(&w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

#[cfg(test)]
mod tests;
