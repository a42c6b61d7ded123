//! Composition: neighbouring date claims that form one expression become one claim.
//!
//! The rules in `mod.rs` each read one shape (`Friday`, `4 p.m.`, `Nov 18`, `2015`, `three weeks`). Written
//! together they say one thing, and a fact-checker wants one claim with one value:
//!
//! | shape | example | value |
//! |---|---|---|
//! | day + time | `Friday at 4 p.m.`, `tonight at 8` | `2025-03-14T16:00` |
//! | time + day | `4 p.m. Friday`, `9am on Monday` | `2025-03-14T16:00` |
//! | day + part of day | `Tuesday in the morning`, `Sunday late evening` | `2025-03-11TMO` |
//! | time + part of day | `half past eight in the evening`, `early morning at 8:00` | `T20:30` |
//! | partial date + year | `July 4th of 1995`, `Dec. 31 , 1994` | `1995-07-04` |
//! | offset | `three weeks after March 2`, `two days from tomorrow` | `2025-03-23` |
//! | duration sum | `two years and six months` | `P2Y6M` |
//!
//! The two ends of a range stay two claims, as TIMEX3 marks them, but complete each other's values
//! (`Nov 18-Dec 19, 2015`: the start is in 2015 too). Composition runs after overlap resolution, on
//! claims already sorted by position, so it never changes what is found, only how it is grouped.

use chrono::NaiveDate;

use super::timex::{self, Unit};
use super::{Candidate, Ctx};
use crate::claim::Subtype;
use crate::span::Span;

/// Merges neighbours left to right; a merged claim can merge again with the next one
/// (`Tuesday, Jan 15` + `, 1:00 PM`), and completes the next as a range end (`- 1:15 PM`).
pub(super) fn compose(ctx: &Ctx<'_>, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for mut next in cands {
        if let Some(prev) = out.last_mut() {
            if let Some(g) = gap(ctx.text, prev.span, next.span) {
                if let Some(merged) = merge(ctx, prev, &next, &g) {
                    *prev = merged;
                    continue;
                }
                complete_range(ctx, &g, prev, &mut next);
            }
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
    // Spacing is dropped: "," and " , " read alike, "-" and " - " too.
    Some(out)
}

fn merge(ctx: &Ctx<'_>, l: &Candidate, r: &Candidate, g: &str) -> Option<Candidate> {
    let text = ctx.text;
    let (rule, subtype, value) = day_and_time(text, l, r, g)
        .or_else(|| day_and_part(l, r, g))
        .or_else(|| time_and_part(text, l, r, g))
        .or_else(|| weekday_of_week(text, l, r, g))
        .or_else(|| with_year(text, l, r, g))
        .or_else(|| offset(ctx, l, r, g))
        .or_else(|| duration_sum(l, r, g))?;
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

/// True when a value starts with a year or `XXXX` and a dash (`2025-`, `XXXX-`).
fn year_prefix(b: &[u8]) -> bool {
    b.len() >= 5 && (b[..4].iter().all(u8::is_ascii_digit) || &b[..4] == b"XXXX") && b[4] == b'-'
}

/// The day a value names and its part of day: `2025-03-14`, `XXXX-03-14`, `XXXX-WXX-5`, with an optional
/// `TMO` / `TAF` / `TEV` / `TNI` after it. A value that already has a clock time is not a bare day.
fn day_of(value: &str) -> Option<(&str, Option<&str>)> {
    let b = value.as_bytes();
    if b.len() < 10 || !year_prefix(b) {
        return None;
    }
    let md = b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    let week_day = &b[5..9] == b"WXX-" && b[9].is_ascii_digit();
    if !(md || week_day) {
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
pub(super) fn clock_of(value: &str) -> Option<(u32, u32)> {
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

/// The hour of a clock time said in a part of the day (`MO`, `AF`, `EV`, `NI`): 7:30 in the evening is
/// 19:30 unless the time writes its own a.m. or p.m.
fn in_part_of_day(text: &str, time_c: &Candidate, hour: u32, part: &str) -> u32 {
    let pm = match part {
        "AF" | "EV" => true,
        "NI" => hour >= 6,
        _ => false,
    };
    if pm && meridiem(&text[time_c.span]).is_none() && (1..12).contains(&hour) {
        hour + 12
    } else {
        hour
    }
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
    let (hour, minute) = clock_of(time_c.value.as_deref()?)?;
    // "this evening at 7:30", "tonight at 8": the part of day sets p.m. when the time does not.
    let hour = part.map_or(hour, |p| in_part_of_day(text, time_c, hour, p));
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

/// The part of day a bare part-of-day claim names (`in the morning`, `late evening`: `MO`, `EV`).
fn bare_part(c: &Candidate) -> Option<&str> {
    let v = c.value.as_deref()?;
    (c.rule == "date.part_of_day" && v.len() == 3 && v.starts_with('T')).then(|| &v[1..])
}

/// `Tuesday in the morning`, `Sunday late evening`: the part of that day.
fn day_and_part(l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    if !matches!(g, "" | ",") || l.subtype != Subtype::Date {
        return None;
    }
    let part = bare_part(r)?;
    let (day, None) = day_of(l.value.as_deref()?)? else {
        return None;
    };
    Some((l.rule, Subtype::Time, format!("{day}T{part}")))
}

/// `half past eight in the evening`, `early morning at 8:00`: the clock time, in the afternoon or
/// evening when the part of day says so and the time does not.
fn time_and_part(text: &str, l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
    let (time_c, part, rule) = if is_clock(l) && g.is_empty() {
        (l, bare_part(r)?, l.rule)
    } else if is_clock(r) && matches!(g, "at" | "," | "around") {
        (r, bare_part(l)?, r.rule)
    } else {
        return None;
    };
    let v = time_c.value.as_deref()?;
    let (hour, minute) = clock_of(v)?;
    let hour = in_part_of_day(text, time_c, hour, part);
    let t = v.rfind('T')?;
    Some((
        rule,
        Subtype::Time,
        format!("{}T{hour:02}:{minute:02}", &v[..t]),
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
    b.len() >= 7
        && year_prefix(b)
        && b[5..7].iter().all(u8::is_ascii_digit)
        && (b.len() == 7 || (b.len() == 10 && b[7] == b'-'))
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
fn complete_range(ctx: &Ctx<'_>, g: &str, l: &mut Candidate, r: &mut Candidate) {
    let text = ctx.text;
    let joined = match g {
        "-" | "–" | "—" | "to" | "through" | "thru" | "until" | "till" => true,
        "and" => ctx.preceded_by(l.span.start, &["between"]),
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
fn offset(ctx: &Ctx<'_>, l: &Candidate, r: &Candidate, g: &str) -> Option<Merged> {
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
    if ctx.preceded_by(
        l.span.start,
        &["for", "the", "in", "within", "over", "during"],
    ) {
        return None;
    }
    let (n, unit) = simple_duration(l.value.as_deref()?)?;
    let n = n * sign;
    let rv = r.value.as_deref()?;
    // The date moves at its own granularity: a day by days or more, a month by months or years, a
    // year by years.
    let moved = |d: NaiveDate| -> Option<NaiveDate> {
        match unit {
            Unit::Day => d.checked_add_signed(chrono::Duration::days(n)),
            Unit::Week => d.checked_add_signed(chrono::Duration::weeks(n)),
            Unit::Month => timex::add_months(d, n),
            Unit::Year => timex::add_months(d, 12 * n),
            _ => None,
        }
    };
    let value = match rv.len() {
        10 => timex::day(moved(NaiveDate::parse_from_str(rv, "%Y-%m-%d").ok()?)?),
        7 if matches!(unit, Unit::Month | Unit::Year) => {
            let first = NaiveDate::parse_from_str(&format!("{rv}-01"), "%Y-%m-%d").ok()?;
            timex::month(moved(first)?)
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
    let rv = r.value.as_deref()?;
    simple_duration(rv)?;
    // The left side may already be a sum ("2 years 1 month" + "21 days"): its last unit counts. Weeks
    // do not mix with other units in ISO 8601.
    let (l_rank, r_rank) = (last_unit_rank(lv)?, last_unit_rank(rv)?);
    if r_rank >= l_rank || lv.ends_with('W') || rv.ends_with('W') {
        return None;
    }
    // "P2Y" + "P6M" -> "P2Y6M"; "PT2H" + "PT30M" -> "PT2H30M"; "P1D" + "PT2H" -> "P1DT2H".
    let r_body = &rv[1..];
    let r_body = if lv.contains('T') {
        r_body.trim_start_matches('T')
    } else {
        r_body
    };
    Some(("date.duration", Subtype::Duration, format!("{lv}{r_body}")))
}

/// Size order of a duration value's last unit (Y > M > W > D > H > M > S).
fn last_unit_rank(value: &str) -> Option<u8> {
    Some(match (value.contains('T'), value.chars().last()?) {
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
