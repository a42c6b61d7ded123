//! Calendar helpers shared by sources and the date extractor: month names, published-date parsing and
//! dateline detection. Pure functions, no I/O.

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::Regex;

/// English month names and their abbreviations, lower case, January first (also the date extractor's
/// trigger words).
pub const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Month number (1-12) for an English month name or abbreviation (`March`, `Mar`, `Mar.`, `Sept`), any case.
pub fn month_number(word: &str) -> Option<u32> {
    // Called on every capitalized word by the entity extractor: compare in place, no lower-case copy.
    let w = word.trim_end_matches('.');
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    // The names by their first letter: most words stop at the first byte, the rest compare with two to
    // six names.
    static BY_FIRST: OnceLock<Vec<Vec<(&'static str, u32)>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut by_first = vec![Vec::new(); 256];
        for (m, names) in (1..=12).zip(MONTH_NAMES) {
            for name in names {
                by_first[usize::from(name.as_bytes()[0])].push((*name, m));
            }
        }
        by_first
    });
    by_first[usize::from(w.as_bytes()[0].to_ascii_lowercase())]
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|&(_, m)| m)
}

/// Parses a published date as inputs commonly give it: `2024-03-14`, RFC 3339 (`2024-03-14T09:00:00Z`),
/// RFC 2822 (`Thu, 14 Mar 2024 09:00:00 +0000`), `2024/03/14`, `March 14, 2024`, `14 March 2024`.
/// Returns the calendar date as written (no time-zone shift).
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().date());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().date());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    if let Some(head) = s.get(..10) {
        for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                return Some(d);
            }
        }
    }
    written_date(s).map(|(d, _)| d)
}

fn written_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]{3,9})\.?,?\s+(?P<y1>[0-9]{4})|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>[0-9]{4}))(?-u:\b)",
        )
        .expect("static regex")
    })
}

/// Finds the first written date (`14 March 2024`, `March 14, 2024`, `Sept. 5 2025`) in `s`, returning it
/// with the byte offset where it starts.
fn written_date(s: &str) -> Option<(NaiveDate, usize)> {
    for c in written_date_re().captures_iter(s) {
        let (d, m, y) = if let Some(m) = c.name("m1") {
            (c.name("d1")?, m, c.name("y1")?)
        } else {
            (c.name("d2")?, c.name("m2")?, c.name("y2")?)
        };
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        let (Ok(day), Ok(year)) = (d.as_str().parse(), y.as_str().parse()) else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            return Some((date, c.get(0).map_or(0, |m| m.start())));
        }
    }
    None
}

/// A dateline date near the top of an article: `LONDON, 14 March 2024 —`, `WASHINGTON, March 14, 2024
/// (Reuters) -`. Only the first 300 bytes are looked at, and only a line that starts with a place name in
/// capitals or title case followed by a comma.
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?m)^\s*[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,20})?,\s+(?P<rest>[^\n]{6,40})")
            .expect("static regex")
    });
    // The first 300 chars: the first 300 bytes when they are ASCII.
    let head = match text.as_bytes().get(..300) {
        None => text,
        Some(bytes) if bytes.is_ascii() => &text[..300],
        Some(_) => text
            .char_indices()
            .nth(300)
            .map_or(text, |(i, _)| &text[..i]),
    };
    // Every date read here has a four-digit year.
    let mut digits = 0;
    if !head.bytes().any(|b| {
        digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
        digits == 4
    }) {
        return None;
    }
    // A line of its own that is only a date ("February 03, 2009", "Tuesday, 3 March 2009").
    for line in head.lines().take(4) {
        let l = line
            .trim()
            .trim_start_matches(|c: char| c.is_alphabetic())
            .trim_start_matches(',')
            .trim();
        if let Some((d, 0)) = written_date(l) {
            if l.len() <= 24 {
                return Some(d);
            }
        }
    }
    for c in re.captures_iter(head) {
        let rest = c.name("rest")?.as_str().trim_start();
        // The date must open the rest of the dateline, not sit somewhere in a sentence.
        if let Some((d, 0)) = written_date(rest) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn published_forms() {
        for (input, want) in [
            ("2024-03-14", ymd(2024, 3, 14)),
            ("2024-03-14T23:30:00-05:00", ymd(2024, 3, 14)),
            ("2024-03-14T09:00:00", ymd(2024, 3, 14)),
            ("Thu, 14 Mar 2024 09:00:00 +0000", ymd(2024, 3, 14)),
            ("2024/03/14", ymd(2024, 3, 14)),
            ("March 14, 2024", ymd(2024, 3, 14)),
            ("14th March 2024", ymd(2024, 3, 14)),
            ("Sept. 5, 2025", ymd(2025, 9, 5)),
            ("", None),
            ("soon", None),
            ("2024-02-30", None),
        ] {
            assert_eq!(parse_published(input), want, "{input}");
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline_date("LONDON, 14 March 2024 — Prices rose."),
            ymd(2024, 3, 14)
        );
        assert_eq!(
            dateline_date("Title\n\nWASHINGTON, March 14, 2024 (Reuters) - The Fed..."),
            ymd(2024, 3, 14)
        );
        assert_eq!(
            dateline_date("The plan, agreed on March 14, 2024, is dead."),
            None
        );
        assert_eq!(dateline_date("No date here."), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("MAY"), Some(5));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Junk"), None);
        // Every listed name and abbreviation, in any case: the first-letter filter must let all through.
        for (m, names) in (1..=12).zip(MONTH_NAMES) {
            for name in names {
                assert_eq!(month_number(name), Some(m), "{name}");
                assert_eq!(month_number(&name.to_uppercase()), Some(m), "{name}");
            }
        }
    }
}
