//! Composition: neighbouring date claims that form one expression become one claim.
//!
//! The rules in `mod.rs` each read one shape (`Friday`, `4 p.m.`, `Nov 18`, `2015`, `three weeks`). Written
//! together they say one thing, and a fact-checker wants one claim with one value:
//!
//! | shape | example | value |
//! |---|---|---|
//! | day + time | `Friday at 4 p.m.`, `tonight at 8` | `2025-03-14T16:00` |
//! | time + day | `4 p.m. Friday`, `9am on Monday` | `2025-03-14T16:00` |
//! | partial date + year | `July 4th of 1995`, `Dec. 31 , 1994` | `1995-07-04` |
//! | offset | `three weeks after March 2`, `two days from tomorrow` | `2025-03-23` |
//! | duration sum | `two years and six months` | `P2Y6M` |
//!
//! The two ends of a range stay two claims, as TIMEX3 marks them, but complete each other's values
//! (`Nov 18-Dec 19, 2015`: the start is in 2015 too). Composition runs after overlap resolution, on
//! claims already sorted by position, so it never changes what is found, only how it is grouped.

use chrono::NaiveDate;

use super::timex::{self, Unit};
use super::Candidate;
use crate::claim::Subtype;
use crate::span::Span;

/// Merges neighbours left to right; a merged claim can merge again with the next one
/// (`Tuesday, Jan 15` + `, 1:00 PM`), and completes the next as a range end (`- 1:15 PM`).
pub(super) fn compose(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for mut next in cands {
        if let Some(prev) = out.last_mut() {
            if let Some(merged) = merge(text, prev, &next) {
                *prev = merged;
                continue;
            }
            complete_range(text, prev, &mut next);
        }
        out.push(next);
    }
    out
}

/// The words allowed between two parts, lower-cased with single spaces.
fn gap(text: &str, left: Span, right: Span) -> Option<String> {
    let g = text.get(left.end..right.start)?;
    if g.len() > 16 || g.contains('\n') {
        return None;
    }
    let mut out = String::with_capacity(g.len());
    for (i, w) in g.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    // Keep a bare separator's spacing visible: "," and " , " read alike, "-" and " - " too.
    Some(out)
}

fn merge(text: &str, l: &Candidate, r: &Candidate) -> Option<Candidate> {
    let g = gap(text, l.span, r.span)?;
    let (rule, subtype, value) = day_and_time(text, l, r, &g)
        .or_else(|| weekday_of_week(text, l, r, &g))
        .or_else(|| with_year(text, l, r, &g))
        .or_else(|| offset(text, l, r, &g))
        .or_else(|| duration_sum(l, r, &g))?;
    Some(Candidate {
        span: Span::new(l.span.start, r.span.end),
        subtype,
        value: Some(value),
        rule,
        confidence: l.confidence.min(r.confidence),
        priority: l.priority.min(r.priority),
    })
}

type Merged = (&'static str, Subtype, String);

/// The day a value names and its part of day: `2025-03-14`, `XXXX-03-14`, `XXXX-WXX-5`, with an optional
/// `TMO` / `TAF` / `TEV` / `TNI` after it. A value that already has a clock time is not a bare day.
fn day_of(value: &str) -> Option<(&str, Option<&str>)> {
    let b = value.as_bytes();
    if b.len() < 10 || b[4] != b'-' {
        return None;
    }
    let year_ok = b[..4].iter().all(u8::is_ascii_digit) || &b[..4] == b"XXXX";
    let md = b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    let week_day = &b[5..9] == b"WXX-" && b[9].is_ascii_digit();
    if !year_ok || !(md || week_day) {
        return None;
    }
    let (day, rest) = value.split_at(10);
    match rest {
        "" => Some((day, None)),
        "TMO" | "TAF" | "TEV" | "TNI" => Some((day, Some(&rest[1..]))),
        _ => None,
    }
}

/// The clock time of a time claim's value (`...T16:00` -> 16, 0).
fn clock_of(value: &str) -> Option<(u32, u32)> {
    let t = value.rfind('T')?;
    let hm = &value[t + 1..];
    if hm.len() != 5 || hm.as_bytes()[2] != b':' {
        return None;
    }
    Some((hm[..2].parse().ok()?, hm[3..].parse().ok()?))
}

/// The a.m. / p.m. a written clock time gives after its last digit (`4pm`, `7:30 p.m. GMT`): `'a'`,
/// `'p'` or nothing (`16:15 UTC`, `10:00 hours`).
fn meridiem(s: &str) -> Option<char> {
    let last_digit = s.rfind(|c: char| c.is_ascii_digit())?;
    let tail = s[last_digit + 1..].trim_start();
    tail.chars()
        .next()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| matches!(c, 'a' | 'p'))
}

fn is_clock(c: &Candidate) -> bool {
    c.subtype == Subtype::Time && c.value.as_deref().and_then(clock_of).is_some()
}

/// `Friday at 4 p.m.`, `tonight at 8`, `4 p.m. Friday`, `9am on Monday`.
fn day_and_time(text: &str, l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    let (day_c, time_c) = if is_clock(r) && matches!(g, "" | "," | "at" | ", at" | "around") {
        (l, r)
    } else if is_clock(l) && matches!(g, "" | "on") {
        // "16:15 UTC, June 1st" reads as two statements; "4 p.m. Friday" as one.
        (r, l)
    } else {
        return None;
    };
    // "each Monday at 4 p.m." stays a set; a bare clock time after "every day" is left alone.
    if !matches!(day_c.subtype, Subtype::Date | Subtype::Time | Subtype::Set) {
        return None;
    }
    let (day, part) = day_of(day_c.value.as_deref()?)?;
    let (mut hour, minute) = clock_of(time_c.value.as_deref()?)?;
    // "this evening at 7:30", "tonight at 8": the part of day sets p.m. when the time does not.
    if meridiem(&text[time_c.span]).is_none() && (1..12).contains(&hour) {
        let pm = match part {
            Some("AF" | "EV") => true,
            Some("NI") => hour >= 6,
            _ => false,
        };
        if pm {
            hour += 12;
        }
    }
    let subtype = if day_c.subtype == Subtype::Set {
        Subtype::Set
    } else {
        Subtype::Time
    };
    Some((
        "date.date_time",
        subtype,
        format!("{day}T{hour:02}:{minute:02}"),
    ))
}

/// `next week on Tuesday`, `Tuesday of next week`, `this week Monday`: the weekday in that week.
fn weekday_of_week(text: &str, l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    let (week_c, day_c) = match g {
        "" | "on" | "," | "-" if r.rule == "date.weekday" => (l, r),
        "of" if l.rule == "date.weekday" => (r, l),
        _ => return None,
    };
    if week_c.subtype != Subtype::Date || day_c.subtype != Subtype::Date {
        return None;
    }
    let wv = week_c.value.as_deref()?;
    let (year, week) = wv.split_once("-W")?;
    let (year, week): (i32, u32) = (year.parse().ok()?, week.parse().ok()?);
    let word = text[day_c.span].split_whitespace().last()?;
    let weekday = super::weekday_of(word)?;
    let date = NaiveDate::from_isoywd_opt(year, week, weekday)?;
    Some(("date.weekday", Subtype::Date, timex::day(date)))
}

/// True when a claim's text writes a year itself (four digits, or `'15` / `’15`).
fn writes_year(s: &str) -> bool {
    let digits_at = |i: usize, n: usize| {
        s.as_bytes()
            .get(i..i + n)
            .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
    };
    (0..s.len()).any(|i| digits_at(i, 4))
        || s.char_indices()
            .any(|(i, c)| matches!(c, '\'' | '’') && digits_at(i + c.len_utf8(), 2))
}

/// A month- or day-level value (`2016-07-04`, `XXXX-07`) whose year can be replaced.
fn calendar_value(value: &str) -> bool {
    let b = value.as_bytes();
    let year_ok = b.len() >= 7
        && (b[..4].iter().all(u8::is_ascii_digit) || &b[..4] == b"XXXX")
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit);
    year_ok && (b.len() == 7 || (b.len() == 10 && b[7] == b'-'))
}

/// A written year (`1995`). A relative one stays apart, as TIMEX3 marks it (`October` / `of next year`).
fn is_year(c: &Candidate) -> bool {
    c.value
        .as_deref()
        .is_some_and(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))
        && c.rule == "date.year"
}

/// `July 4th of 1995`, `Dec. 31 , 1994`, `Christmas in 2019`: the year completes the date before it.
fn with_year(text: &str, l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    if !matches!(g, "," | "of" | "in" | ", in") || !is_year(r) || l.subtype != Subtype::Date {
        return None;
    }
    let lv = l.value.as_deref()?;
    if !calendar_value(lv) || writes_year(&text[l.span]) {
        return None;
    }
    let year = r.value.as_deref()?;
    Some((l.rule, Subtype::Date, format!("{year}{}", &lv[4..])))
}

/// The two ends of a range stay two claims, as TIMEX3 marks them (`from 1992 through 1995`), but each
/// completes the other: the start takes the end's year (`Nov 18-Dec 19, 2015` starts in 2015; a year
/// earlier if it would come after the end: `December to February 2015`), and an end written as a bare
/// clock time sits on the start's day (`Jan 15, 1:00 PM - 1:15 PM`).
fn complete_range(text: &str, l: &mut Candidate, r: &mut Candidate) {
    let Some(g) = gap(text, l.span, r.span) else {
        return;
    };
    let between = text[..l.span.start]
        .trim_end()
        .to_ascii_lowercase()
        .ends_with("between");
    let joined = match g.as_str() {
        "-" | "–" | "—" | "to" | "through" | "thru" | "until" | "till" => true,
        "and" => between,
        _ => false,
    };
    let (Some(lv), Some(rv)) = (l.value.as_deref(), r.value.as_deref()) else {
        return;
    };
    if !joined {
        return;
    }
    if is_clock(l) && is_clock(r) {
        let (Some(t), Some((lh, lm)), Some((rh, rm))) = (lv.rfind('T'), clock_of(lv), clock_of(rv))
        else {
            return;
        };
        let day = lv[..t].to_string();
        // "2:00 - 2:30 pm": the start shares the end's p.m. when that keeps it before the end.
        if meridiem(&text[l.span]).is_none()
            && meridiem(&text[r.span]) == Some('p')
            && (1..12).contains(&lh)
            && lh + 12 <= rh
        {
            l.value = Some(format!("{day}T{:02}:{lm:02}", lh + 12));
        }
        if r.rule == "date.time" {
            r.value = Some(format!("{day}T{rh:02}:{rm:02}"));
        }
        return;
    }
    if l.subtype != Subtype::Date
        || r.subtype != Subtype::Date
        || !calendar_value(lv)
        || writes_year(&text[l.span])
        || !writes_year(&text[r.span])
    {
        return;
    }
    let Some(year) = rv.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
        return;
    };
    let n = lv.len().min(rv.len());
    let mut start = format!("{year:04}{}", &lv[4..]);
    if start[..n] > rv[..n] {
        start = format!("{:04}{}", year - 1, &lv[4..]);
    }
    l.value = Some(start);
}

/// One duration of a whole number of a single unit: `P3W` -> (3, Week).
fn simple_duration(value: &str) -> Option<(i64, Unit)> {
    let rest = value.strip_prefix('P')?;
    let (time, rest) = match rest.strip_prefix('T') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let unit_char = rest.chars().last()?;
    let n: i64 = rest[..rest.len() - 1].parse().ok()?;
    let unit = match (time, unit_char) {
        (false, 'D') => Unit::Day,
        (false, 'W') => Unit::Week,
        (false, 'M') => Unit::Month,
        (false, 'Y') => Unit::Year,
        (true, 'H') => Unit::Hour,
        (true, 'M') => Unit::Minute,
        (true, 'S') => Unit::Second,
        _ => return None,
    };
    Some((n, unit))
}

/// `three weeks after March 2`, `two days from tomorrow`, `a year before 2010`: the date moved.
///
/// Not a stretch of time next to a date: `for three years from 1987`, `in the two years before March
/// 31` (a period starting or ending there), so a duration after `for`, `the`, `in`, `within`, `over` or
/// `during` stays a duration, and `from` moves only today, yesterday and tomorrow.
fn offset(text: &str, l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    let sign = match g {
        "after" | "from" => 1,
        "before" | "prior to" => -1,
        _ => return None,
    };
    if l.subtype != Subtype::Duration || r.subtype != Subtype::Date {
        return None;
    }
    if g == "from" && r.rule != "date.relative_day" {
        return None;
    }
    let before = text[..l.span.start].trim_end();
    let prev = &before[crate::text::trailing_run_start(before, char::is_alphabetic)..];
    if ["for", "the", "in", "within", "over", "during"]
        .iter()
        .any(|w| prev.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let (n, unit) = simple_duration(l.value.as_deref()?)?;
    let rv = r.value.as_deref()?;
    let n = n * sign;
    let value = match rv.len() {
        10 => {
            let d = NaiveDate::parse_from_str(rv, "%Y-%m-%d").ok()?;
            match unit {
                Unit::Day | Unit::Week | Unit::Month | Unit::Year => {
                    let days = match unit {
                        Unit::Day => Some(n),
                        Unit::Week => Some(7 * n),
                        _ => None,
                    };
                    let moved = match days {
                        Some(k) => d.checked_add_signed(chrono::Duration::days(k))?,
                        None => {
                            let months = if unit == Unit::Year { 12 * n } else { n };
                            timex::add_months(d, months)?
                        }
                    };
                    timex::day(moved)
                }
                _ => return None,
            }
        }
        7 if matches!(unit, Unit::Month | Unit::Year) => {
            let d = NaiveDate::parse_from_str(&format!("{rv}-01"), "%Y-%m-%d").ok()?;
            let months = if unit == Unit::Year { 12 * n } else { n };
            timex::month(timex::add_months(d, months)?)
        }
        4 if unit == Unit::Year => format!("{:04}", rv.parse::<i64>().ok()? + n),
        _ => return None,
    };
    Some(("date.offset", Subtype::Date, value))
}

/// `two years and six months`, `1 hour 30 minutes`: one duration, largest unit first.
fn duration_sum(l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    if !matches!(g, "" | "," | "and" | ", and")
        || l.subtype != Subtype::Duration
        || r.subtype != Subtype::Duration
    {
        return None;
    }
    let lv = l.value.as_deref()?;
    let (_, ru) = simple_duration(r.value.as_deref()?)?;
    // The left side may already be a sum ("2 years 1 month" + "21 days"): its last unit counts.
    let last = lv.chars().last()?;
    let l_time = lv.contains('T');
    let l_rank = rank(l_time, last)?;
    let r_rank = rank(
        matches!(ru, Unit::Hour | Unit::Minute | Unit::Second),
        unit_char(ru),
    )?;
    if r_rank >= l_rank || matches!(ru, Unit::Week) || last == 'W' {
        return None;
    }
    let rv = r.value.as_deref()?;
    let r_body = rv.trim_start_matches('P');
    let value = if l_time || !r_body.starts_with('T') {
        format!("{lv}{}", r_body.trim_start_matches('T'))
    } else {
        format!("{lv}{r_body}")
    };
    Some(("date.duration", Subtype::Duration, value))
}

fn unit_char(u: Unit) -> char {
    match u {
        Unit::Year => 'Y',
        Unit::Month | Unit::Minute => 'M',
        Unit::Day => 'D',
        Unit::Hour => 'H',
        Unit::Second => 'S',
        _ => 'W',
    }
}

/// Size order of a duration's unit letter (Y > M > D > H > M > S).
fn rank(time: bool, c: char) -> Option<u8> {
    Some(match (time, c) {
        (false, 'Y') => 6,
        (false, 'M') => 5,
        (false, 'W') => 4,
        (false, 'D') => 3,
        (true, 'H') => 2,
        (true, 'M') => 1,
        (true, 'S') => 0,
        _ => return None,
    })
}
