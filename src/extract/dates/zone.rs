//! Time zones written with a clock time (`16:15 UTC`, `9:30 a.m. EDT`, `3 p.m. ET`, `18:40 GMT+8`): the
//! UTC offset they give, appended to the time's value as ISO 8601 writes it (`T16:15Z`, `T09:30-04:00`),
//! so that times given in different zones for the same event can be compared.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

use super::holidays::{date_in, Rule};

macro_rules! zone_name {
    () => {
        r"(?:(?i:GMT|UTC)(?:\s?[+-](?:1[0-4]|0?[0-9])(?::?[0-5][0-9])?(?-u:\b))?|(?i:[ECMP][SD]T|BST|CEST|CET)|(?-i:[ECMP]T)(?-u:\b))"
    };
}

/// A time zone written after a clock time, for the date rules' patterns, bare or in brackets (`(GMT
/// +8)`). Names and `GMT` / `UTC` offsets in any case; the two-letter US zones (`ET`, `PT`) only in
/// capitals, as whole words.
pub(super) const ZONE: &str = concat!(r"(?:\(", zone_name!(), r"\)|", zone_name!(), ")");

/// The offset of the zone written after the last digit of a time claim's text, for a time on `day` (the
/// date part of its value, when it has one). `None` when the text names no zone, or names a US zone
/// without saying standard or daylight time (`ET`) and the day is unknown or before 1987.
pub(super) fn offset(time_text: &str, day: Option<NaiveDate>) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(r"(?-u:\b)(?:", zone_name!(), r")")).expect("zone pattern")
    });
    // The zone follows the clock time (`at 1600 GMT on Tuesday`), never leads it.
    let first_digit = time_text.find(|c: char| c.is_ascii_digit())?;
    let zone = re
        .find_at(time_text, first_digit)
        .filter(|m| m.start() > first_digit)?
        .as_str()
        .to_ascii_uppercase();
    let hours = match zone.as_str() {
        "GMT" | "UTC" => 0,
        "BST" | "CET" => 1,
        "CEST" => 2,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        "ET" => -5 + i32::from(us_daylight_time(day?)?),
        "CT" => -6 + i32::from(us_daylight_time(day?)?),
        "MT" => -7 + i32::from(us_daylight_time(day?)?),
        "PT" => -8 + i32::from(us_daylight_time(day?)?),
        // `GMT+8`, `UTC -0100`, `GMT+05:30`: the pattern allows up to 14 hours and 59 minutes.
        offset => {
            let offset = offset[3..].trim_start();
            let digits: String = offset[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m) = if digits.len() > 2 {
                digits.split_at(digits.len() - 2)
            } else {
                (digits.as_str(), "0")
            };
            let minutes = h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?;
            return Some(format_offset(if offset.starts_with('-') {
                -minutes
            } else {
                minutes
            }));
        }
    };
    Some(format_offset(hours * 60))
}

/// `Z` for UTC, else `+hh:mm` / `-hh:mm`.
fn format_offset(minutes: i32) -> String {
    if minutes == 0 {
        return String::from("Z");
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Whether US daylight saving time is in force on `day` (by the day: the change happens at 2 a.m.). Since
/// 2007 from the second Sunday of March to the first Sunday of November; 1987-2006 from the first Sunday
/// of April to the last Sunday of October. `None` before 1987, when the rules changed more often.
fn us_daylight_time(day: NaiveDate) -> Option<bool> {
    let y = day.year();
    let sunday = |n, month| date_in(Rule::NthWeekday(n, Weekday::Sun, month, 0), y);
    let (start, end) = match y {
        2007.. => (sunday(2, 3)?, sunday(1, 11)?),
        1987.. => (sunday(1, 4)?, sunday(0, 10)?),
        _ => return None,
    };
    Some(day >= start && day < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn offsets_of_written_zones() {
        let cases: &[(&str, Option<NaiveDate>, Option<&str>)] = &[
            ("16:15 UTC", None, Some("Z")),
            ("1430 GMT", None, Some("Z")),
            ("at 1600 GMT on Tuesday", None, Some("Z")),
            ("9:30 a.m. EDT", None, Some("-04:00")),
            ("3 p.m. est", None, Some("-05:00")),
            ("7 p.m. PST", None, Some("-08:00")),
            ("20:00 CEST", None, Some("+02:00")),
            ("6:40 p.m. (GMT +8)", None, Some("+08:00")),
            ("09:00 GMT-0100", None, Some("-01:00")),
            ("11:00 UTC+05:30", None, Some("+05:30")),
            // Eastern time is daylight time in July, standard time in January; unknown without a day.
            ("3 p.m. ET", on(2024, 7, 4), Some("-04:00")),
            ("3 p.m. ET", on(2024, 1, 4), Some("-05:00")),
            ("10 a.m. PT", on(2024, 3, 10), Some("-07:00")),
            ("10 a.m. PT", on(2024, 3, 9), Some("-08:00")),
            ("10 a.m. CT", on(1995, 10, 29), Some("-06:00")),
            ("10 a.m. CT", on(1995, 10, 28), Some("-05:00")),
            ("3 p.m. ET", None, None),
            ("3 p.m. ET", on(1980, 7, 1), None),
            // No zone, or a zone-like word that is not one.
            ("4:30 p.m.", None, None),
            ("10 a.m. ETA", None, None),
            ("10:00 hours", None, None),
            ("GMT 10:00", None, None),
            ("09:00 GMT+99", None, Some("Z")),
            ("15:00 GMT - 18:00", None, Some("Z")),
            ("10:00 GMT+1", None, Some("+01:00")),
        ];
        for &(text, day, want) in cases {
            assert_eq!(offset(text, day).as_deref(), want, "{text}");
        }
    }
}
