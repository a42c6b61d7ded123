//! Holidays by name ("Thanksgiving", "Christmas Eve", "Easter Monday"), from `data/holidays.tsv`, and their
//! dates in a given year: fixed dates, the Nth weekday of a month, or days from Easter Sunday. The same
//! table names a few events by their date (`9/11`), which stay in the year they happened.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::text::sentences::data_lines;

/// How a holiday's date is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The Nth (1-4, or 0 for the last) weekday of a month, plus a number of days (Black Friday is the day
    /// after the fourth Thursday of November).
    NthWeekday(u8, Weekday, u32, i64),
    /// Days from Easter Sunday.
    Easter(i64),
    /// Set by a lunar or lunisolar calendar (Eid, Diwali, Lunar New Year): found, but no date computed.
    Varies,
    /// A day that happened once and is named by its date (`9/11`: the attacks of 11 September 2001).
    Once(NaiveDate),
}

/// The holiday names (lower case, case-insensitive automaton) and their rules.
pub struct Holidays {
    /// Matches the names, longest first.
    pub names: AhoCorasick,
    /// The rule of each name.
    pub rules: Vec<Rule>,
}

fn parse_rule(s: &str) -> Option<Rule> {
    if let Some(d) = s.strip_prefix("easter:") {
        return Some(Rule::Easter(d.trim_start_matches('+').parse().ok()?));
    }
    if s == "varies" {
        return Some(Rule::Varies);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(Rule::Once(d));
    }
    let parts: Vec<&str> = s.split(':').collect();
    match parts.as_slice() {
        [n, wd, m] => {
            // "11+1", "06-7": the sign belongs to the offset.
            let (m, offset) = match m.find(['+', '-']) {
                Some(i) => (&m[..i], m[i..].parse().ok()?),
                None => (*m, 0),
            };
            Some(Rule::NthWeekday(
                if *n == "L" { 0 } else { n.parse().ok()? },
                super::weekday_of(wd)?,
                m.parse().ok()?,
                offset,
            ))
        }
        [md] => {
            let (m, d) = md.split_once('-')?;
            Some(Rule::Fixed(m.parse().ok()?, d.parse().ok()?))
        }
        _ => None,
    }
}

/// The shared holiday table.
pub fn holidays() -> &'static Holidays {
    static H: OnceLock<Holidays> = OnceLock::new();
    H.get_or_init(|| {
        let mut pats = Vec::new();
        let mut rules = Vec::new();
        for line in data_lines(include_str!("../../../data/holidays.tsv")) {
            let Some((names, rule)) = line.split_once('\t') else {
                continue;
            };
            let Some(rule) = parse_rule(rule.trim()) else {
                continue;
            };
            for name in names.split('|') {
                pats.push(name.trim().to_string());
                rules.push(rule);
            }
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // A DFA: several times faster than the default NFA over a whole article, for a few KB.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&pats)
            .expect("holiday automaton builds");
        Holidays { names, rules }
    })
}

/// Easter Sunday (Gregorian, anonymous algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The holiday's date in `year`.
pub fn date_in(rule: Rule, year: i32) -> Option<NaiveDate> {
    match rule {
        Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Rule::Easter(days) => easter(year).map(|e| e + Duration::days(days)),
        Rule::Varies => None,
        Rule::Once(d) => Some(d),
        Rule::NthWeekday(n, wd, m, offset) if offset != 0 => {
            date_in(Rule::NthWeekday(n, wd, m, 0), year).map(|d| d + Duration::days(offset))
        }
        Rule::NthWeekday(0, wd, m, _) => {
            let next_month = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            }?;
            let mut d = next_month.pred_opt()?;
            while d.weekday() != wd {
                d = d.pred_opt()?;
            }
            Some(d)
        }
        Rule::NthWeekday(n, wd, m, _) => NaiveDate::from_weekday_of_month_opt(year, m, wd, n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn computed_dates() {
        assert_eq!(
            date_in(Rule::NthWeekday(4, Weekday::Thu, 11, 0), 2013),
            d(2013, 11, 28)
        );
        // Black Friday and Cyber Monday: the day after, and four days after, Thanksgiving.
        assert_eq!(
            date_in(parse_rule("4:thu:11+1").unwrap(), 2024),
            d(2024, 11, 29)
        );
        assert_eq!(
            date_in(parse_rule("4:thu:11+4").unwrap(), 2024),
            d(2024, 12, 2)
        );
        assert_eq!(
            date_in(parse_rule("1:mon:06-7").unwrap(), 2024),
            d(2024, 5, 27)
        );
        assert_eq!(parse_rule("varies"), Some(Rule::Varies));
        // A named event keeps its own year, whatever year it is read in.
        assert_eq!(
            date_in(parse_rule("2001-09-11").unwrap(), 2024),
            d(2001, 9, 11)
        );
        assert_eq!(parse_rule("2001-02-30"), None);
        assert_eq!(date_in(Rule::Varies, 2024), None);
        assert_eq!(
            date_in(Rule::NthWeekday(0, Weekday::Mon, 5, 0), 2024),
            d(2024, 5, 27)
        );
        assert_eq!(date_in(Rule::Easter(0), 2010), d(2010, 4, 4));
        assert_eq!(date_in(Rule::Easter(0), 2024), d(2024, 3, 31));
        assert_eq!(date_in(Rule::Easter(-2), 2024), d(2024, 3, 29));
        assert_eq!(
            date_in(Rule::NthWeekday(3, Weekday::Mon, 1, 0), 2013),
            d(2013, 1, 21)
        );
    }
}
