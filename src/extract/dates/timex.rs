//! TIMEX3 values (the TimeML convention TimeBank and TempEval use) and their resolution against a
//! reference date. Without a reference date, relative values stay unresolved (`XXXX-03`, `PAST_REF`).

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// Time units of durations and offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Two weeks.
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit named by `word` (singular or plural, any case).
    pub fn from_word(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let w = w.strip_suffix("ies").map(|s| format!("{s}y")).unwrap_or(w);
        Some(match w.trim_end_matches('s') {
            "second" | "sec" => Unit::Second,
            "minute" | "min" => Unit::Minute,
            "hour" | "hr" => Unit::Hour,
            "day" | "night" => Unit::Day,
            "week" | "wk" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" | "mo" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" | "yr" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }
}

/// A TIMEX3 duration: `P3M`, `P20Y`, `PT2H`, `PXY` (`amount` `None` = unspecified).
pub fn duration(amount: Option<&str>, unit: Unit) -> String {
    let scaled = |factor: u32| -> String {
        match amount {
            Some(a) => match a.parse::<f64>() {
                Ok(x) if factor != 1 => trim_float(x * factor as f64),
                _ => a.to_string(),
            },
            None => "X".to_string(),
        }
    };
    match unit {
        Unit::Second => format!("PT{}S", scaled(1)),
        Unit::Minute => format!("PT{}M", scaled(1)),
        Unit::Hour => format!("PT{}H", scaled(1)),
        Unit::Day => format!("P{}D", scaled(1)),
        Unit::Week => format!("P{}W", scaled(1)),
        Unit::Fortnight => match amount {
            Some(_) => format!("P{}W", scaled(2)),
            None => "PXW".to_string(),
        },
        Unit::Month => format!("P{}M", scaled(1)),
        Unit::Quarter => format!("P{}M", scaled(3)),
        Unit::Year => format!("P{}Y", scaled(1)),
        Unit::Decade => match amount {
            Some(_) => format!("P{}Y", scaled(10)),
            None => "PXDE".to_string(),
        },
        Unit::Century => match amount {
            Some(_) => format!("P{}Y", scaled(100)),
            None => "PXCE".to_string(),
        },
    }
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `YYYY-MM-DD`.
pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `YYYY-MM`.
pub fn month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// `YYYY-Www` (ISO week).
pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `YYYY-QN`.
pub fn quarter(d: NaiveDate) -> String {
    format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
}

/// `d` moved by `n` units (negative for the past), at the unit's granularity, as a TIMEX value.
pub fn shifted(d: NaiveDate, n: i64, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => return None,
        Unit::Day => day(d.checked_add_signed(Duration::days(n))?),
        Unit::Week => week(d.checked_add_signed(Duration::weeks(n))?),
        Unit::Fortnight => week(d.checked_add_signed(Duration::weeks(2 * n))?),
        Unit::Month => month(add_months(d, n)?),
        Unit::Quarter => quarter(add_months(d, 3 * n)?),
        Unit::Year => format!("{:04}", d.year() as i64 + n),
        Unit::Decade => format!("{:03}", (d.year() as i64 + 10 * n) / 10),
        Unit::Century => format!("{:02}", (d.year() as i64 + 100 * n) / 100),
    })
}

/// `d` moved by `n` months.
pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(n.unsigned_abs() as u32);
    if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

/// Which occurrence of a weekday or month a phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The most recent one before the reference (`last Monday`, or a past-tense context).
    Past,
    /// The next one after the reference (`next Monday`, or a future context).
    Future,
    /// The one in the reference's own week or year (`this Monday`, `this April`).
    This,
    /// A bare weekday in a past-tense clause: the reference day itself if it is that weekday, else the
    /// most recent one ("said on Thursday" in a Thursday paper is that Thursday).
    RecentPast,
    /// A bare weekday in a future clause: the reference day itself or the next one.
    Upcoming,
}

/// The date of weekday `wd` relative to `reference`.
pub fn weekday_date(reference: NaiveDate, wd: Weekday, dir: Direction) -> NaiveDate {
    let today = reference.weekday().num_days_from_monday() as i64;
    let target = wd.num_days_from_monday() as i64;
    let delta = match dir {
        Direction::This => target - today,
        Direction::RecentPast => -(today - target).rem_euclid(7),
        Direction::Upcoming => (target - today).rem_euclid(7),
        Direction::Past => {
            let back = (today - target).rem_euclid(7);
            -(if back == 0 { 7 } else { back })
        }
        Direction::Future => {
            let fwd = (target - today).rem_euclid(7);
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    reference + Duration::days(delta)
}

/// `XXXX-WXX-N`, an unresolved weekday (N = 1 for Monday).
pub fn unresolved_weekday(wd: Weekday) -> String {
    format!("XXXX-WXX-{}", wd.number_from_monday())
}

/// The value of a relative expression shifted by `shift` periods when there is no reference date:
/// the direction alone (`yesterday`, `the end of last year` → `PAST_REF`; `today` → `PRESENT_REF`).
pub fn unanchored(shift: i64) -> String {
    match shift.signum() {
        -1 => "PAST_REF",
        1 => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Some("3"), Unit::Month), "P3M");
        assert_eq!(duration(Some("2"), Unit::Decade), "P20Y");
        assert_eq!(duration(Some("1.5"), Unit::Hour), "PT1.5H");
        assert_eq!(duration(None, Unit::Year), "PXY");
        assert_eq!(duration(Some("2"), Unit::Quarter), "P6M");
    }

    #[test]
    fn shifts() {
        let r = d(2013, 2, 12);
        assert_eq!(shifted(r, -1, Unit::Year).unwrap(), "2012");
        assert_eq!(shifted(r, -1, Unit::Month).unwrap(), "2013-01");
        assert_eq!(shifted(r, -1, Unit::Week).unwrap(), "2013-W06");
        assert_eq!(shifted(r, 1, Unit::Day).unwrap(), "2013-02-13");
        assert_eq!(shifted(r, -1, Unit::Quarter).unwrap(), "2012-Q4");
        assert_eq!(shifted(r, 0, Unit::Decade).unwrap(), "201");
    }

    #[test]
    fn weekdays() {
        let tue = d(2013, 2, 12);
        assert_eq!(
            weekday_date(tue, Weekday::Mon, Direction::Past),
            d(2013, 2, 11)
        );
        assert_eq!(
            weekday_date(tue, Weekday::Wed, Direction::Future),
            d(2013, 2, 13)
        );
        assert_eq!(
            weekday_date(tue, Weekday::Tue, Direction::Past),
            d(2013, 2, 5)
        );
        assert_eq!(
            weekday_date(tue, Weekday::Fri, Direction::This),
            d(2013, 2, 15)
        );
        assert_eq!(weekday_date(tue, Weekday::Tue, Direction::RecentPast), tue);
        assert_eq!(
            weekday_date(tue, Weekday::Mon, Direction::RecentPast),
            d(2013, 2, 11)
        );
        assert_eq!(weekday_date(tue, Weekday::Tue, Direction::Upcoming), tue);
        assert_eq!(
            weekday_date(tue, Weekday::Mon, Direction::Upcoming),
            d(2013, 2, 18)
        );
        assert_eq!(unresolved_weekday(Weekday::Wed), "XXXX-WXX-3");
    }
}
