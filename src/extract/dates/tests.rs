//! Table-driven date cases: (text, published date, expected [(span text, value)]) — negatives included.

use super::*;
use crate::document::{Document, Metadata, Provenance};

fn run(text: &str, published: Option<&str>) -> Vec<(String, Option<String>, Option<Qualifier>)> {
    let meta = Metadata {
        published: published.map(str::to_string),
        ..Metadata::default()
    };
    let doc = Document::new(text.to_string(), Provenance::default(), meta);
    let analyzed = Analyzed::new(&doc);
    let mut out = Vec::new();
    DateExtractor::new().extract(&analyzed, &[], &mut out);
    out.into_iter()
        .map(|c| (text[c.span].to_string(), c.value, c.qualifier))
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, $published:expr, [$(($span:expr, $value:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let got: Vec<(String, Option<String>)> =
                run($text, $published).into_iter().map(|(s, v, _)| (s, v)).collect();
            let want: Vec<(String, Option<String>)> =
                vec![$(($span.to_string(), Some($value.to_string()))),*];
            assert_eq!(got, want, "{:?}", $text);
        }
    };
}

const REF: Option<&str> = Some("2013-02-12");

t!(
    iso,
    "Filed on 2024-03-14 at noon.",
    None,
    [("2024-03-14 at noon", "2024-03-14T12:00")]
);
t!(
    month_day_year,
    "On March 14, 2024 the bank moved.",
    None,
    [("March 14, 2024", "2024-03-14")]
);
t!(
    abbrev_month,
    "It closed Sept. 5, 2025, early.",
    None,
    [("Sept. 5, 2025", "2025-09-05")]
);
t!(
    day_month_year,
    "It was signed on 14 March 2024 in Rome.",
    None,
    [("14 March 2024", "2024-03-14")]
);
t!(
    weekday_date,
    "It fell on Friday, Oct. 23 last year.",
    REF,
    [("Friday, Oct. 23", "2012-10-23"), ("last year", "2012")]
);
t!(
    month_day_resolved,
    "The vote on June 5 passed.",
    REF,
    [("June 5", "2012-06-05")]
);
t!(
    month_day_unresolved,
    "The vote on June 5 passed.",
    None,
    [("June 5", "XXXX-06-05")]
);
t!(
    month_year,
    "Inflation peaked in March 2024.",
    None,
    [("March 2024", "2024-03")]
);
t!(
    month_alone,
    "Talks resume in April.",
    REF,
    [("April", "2013-04")]
);
t!(
    last_month_name,
    "Prices rose last April.",
    REF,
    [("last April", "2012-04")]
);
t!(
    may_modal_is_not_a_month,
    "Rates may rise. The March was long.",
    None,
    []
);
t!(
    may_after_preposition,
    "It ends in May.",
    None,
    [("May", "XXXX-05")]
);
t!(
    year_alone,
    "The law passed in 2019.",
    None,
    [("2019", "2019")]
);
t!(
    year_is_not_a_count,
    "The firm hired 2000 workers.",
    None,
    []
);
t!(year_not_money, "It cost $2024 in all.", None, []);
t!(
    deadline,
    "Emissions must halve by 2030.",
    None,
    [("2030", "2030")]
);
t!(
    fiscal,
    "Sales grew in fiscal 2025.",
    None,
    [("fiscal 2025", "2025")]
);
t!(
    quarters,
    "Growth slowed in the second quarter of 2027 and in Q3 2024.",
    None,
    [
        ("the second quarter of 2027", "2027-Q2"),
        ("Q3 2024", "2024-Q3")
    ]
);
t!(
    quarter_resolved,
    "Profit rose in the fourth quarter.",
    REF,
    [("the fourth quarter", "2013-Q4")]
);
t!(
    half,
    "Hiring picks up in the first half of 2026.",
    None,
    [("the first half of 2026", "2026-H1")]
);
t!(
    season,
    "A launch is planned this summer.",
    Some("2025-05-01"),
    [("this summer", "2025-SU")]
);
t!(
    fall_verb_is_not_a_season,
    "Prices fall when supply rises.",
    None,
    []
);
t!(
    decade,
    "Rates were higher in the 1990s.",
    None,
    [("the 1990s", "199")]
);
t!(
    century,
    "The 21st century began.",
    None,
    [("The 21st century", "20")]
);
t!(
    relative_days,
    "Yesterday it rained; tomorrow it will not.",
    REF,
    [("Yesterday", "2013-02-11"), ("tomorrow", "2013-02-13")]
);
t!(
    today_unresolved,
    "Shares fell today.",
    None,
    [("today", "PRESENT_REF")]
);
// Without a reference date, a relative day or period edge keeps its direction.
t!(
    relative_days_and_edges_unresolved,
    "Shares fell yesterday, after a rise at the end of last year; they may gain tomorrow and at the start of next year.",
    None,
    [
        ("yesterday", "PAST_REF"),
        ("the end of last year", "PAST_REF"),
        ("tomorrow", "FUTURE_REF"),
        ("the start of next year", "FUTURE_REF")
    ]
);
t!(
    relative_units,
    "Sales fell last week and will rise next month.",
    REF,
    [("last week", "2013-W06"), ("next month", "2013-03")]
);
t!(
    last_year_unresolved,
    "Sales fell last year.",
    None,
    [("last year", "PAST_REF")]
);
t!(
    ago,
    "The plant closed two years ago.",
    REF,
    [("two years ago", "2011")]
);
t!(
    a_year_earlier,
    "Profit doubled from a year earlier.",
    REF,
    [("a year earlier", "2012")]
);
t!(
    durations,
    "The strike lasted three months, after two decades of calm.",
    None,
    [("three months", "P3M"), ("two decades", "P20Y")]
);
t!(
    past_duration,
    "Prices rose over the past two weeks.",
    None,
    [("the past two weeks", "P2W")]
);
t!(
    adjective_duration,
    "A 10-year plan was agreed.",
    None,
    [("10-year", "P10Y")]
);
t!(
    age_is_not_a_duration,
    "A 30-year-old man was arrested.",
    None,
    []
);
t!(
    clock_time,
    "Markets opened at 10:30 a.m. on Friday.",
    Some("2025-09-05"),
    [("10:30 a.m. on Friday", "2025-09-05T10:30")]
);
// A written zone gives the time's UTC offset; US zones without standard/daylight follow the date.
t!(
    zoned_times,
    "Polls close at 8 p.m. EDT (0000 GMT), the result is due at 9 a.m. ET and the count resumes at 6:40 p.m. (GMT +8).",
    REF,
    [
        ("8 p.m. EDT", "2013-02-12T20:00-04:00"),
        ("0000 GMT", "2013-02-12T00:00Z"),
        ("9 a.m. ET", "2013-02-12T09:00-05:00"),
        ("6:40 p.m. (GMT +8)", "2013-02-12T18:40+08:00")
    ]
);
t!(
    clock_24h,
    "Read John 3:16 before talks begin at 14:30 GMT; markets shut 16:05.",
    None,
    [("14:30 GMT", "T14:30Z"), ("16:05", "T16:05")]
);
t!(
    part_of_day_after_time,
    "They met at 4:30 in the afternoon.",
    None,
    [("4:30 in the afternoon", "T16:30")]
);
t!(
    lowercase_month_with_of,
    "due on the 2nd of march",
    Some("2013-02-12"),
    [("the 2nd of march", "2013-03-02")]
);
t!(
    schedule_line_looks_ahead,
    "Talks resume Tuesday.",
    REF,
    [("Tuesday", "2013-02-12")]
);
t!(
    upcoming_and_qtr,
    "In the upcoming month and the third qtr.",
    REF,
    [
        ("the upcoming month", "2013-03"),
        ("the third qtr", "2013-Q3")
    ]
);
t!(
    next_weekday,
    "They meet next Wednesday.",
    REF,
    [("next Wednesday", "2013-02-13")]
);
t!(
    weekday_future_tense,
    "The board will vote on Thursday.",
    REF,
    [("Thursday", "2013-02-14")]
);
t!(
    weekday_past_tense,
    "The board voted on Thursday.",
    REF,
    [("Thursday", "2013-02-07")]
);
t!(
    sets,
    "The index is published monthly and every Monday.",
    None,
    [("monthly", "P1M"), ("every Monday", "XXXX-WXX-1")]
);
t!(
    present_ref,
    "The rate is now 4%.",
    None,
    [("now", "PRESENT_REF")]
);
t!(
    numeric_us,
    "Filed 3/14/2024.",
    None,
    [("3/14/2024", "2024-03-14")]
);
t!(
    numeric_day_first,
    "Filed 23/12/2024.",
    None,
    [("23/12/2024", "2024-12-23")]
);
t!(
    week_of_year_from_dateline,
    "LONDON, 14 March 2024 — Trade fell last week.",
    None,
    [("14 March 2024", "2024-03-14"), ("last week", "2024-W10")]
);
t!(
    phone_is_not_a_date,
    "Call 800.553.8359 or 555-0142.",
    None,
    []
);
t!(
    version_is_not_a_date,
    "Update to 10.2.1 now or use 192.168.1.2.",
    None,
    [("now", "PRESENT_REF")]
);
t!(
    negatives_duckling_style,
    "I second that. We are separated. For months.",
    None,
    []
);

t!(
    unit_abbreviations,
    "The vote took 15.5 mins; the recount 1.5 hrs. Output fell last yr and this qtr.",
    REF,
    [
        ("15.5 mins", "PT15.5M"),
        ("1.5 hrs", "PT1.5H"),
        ("last yr", "2012"),
        ("this qtr", "2013-Q1")
    ]
);
t!(
    halves_and_fortnights,
    "Talks ran half an hour, then a half day; he left a fortnight ago after three-and-a-half years.",
    REF,
    [
        ("half an hour", "PT0.5H"),
        ("a half day", "P0.5D"),
        ("a fortnight ago", "2013-W05"),
        ("three-and-a-half years", "P3.5Y")
    ]
);
t!(
    half_year_is_a_period_not_a_duration,
    "Sales fell in the comparable half year. Tax cut 1986 yr profit.",
    None,
    [("1986", "1986")]
);
t!(
    clock_times_as_one_number,
    "Trading halted at 1430 GMT, resumed 0900 hrs, and closed at 330 p.m.; we meet at 1030.",
    REF,
    [
        ("at 1430 GMT", "2013-02-12T14:30Z"),
        ("0900 hrs", "2013-02-12T09:00"),
        ("330 p.m.", "2013-02-12T15:30"),
        ("at 1030", "2013-02-12T10:30")
    ]
);
t!(
    four_digit_numbers_that_are_not_times,
    "Prices rose around 2010. The plane flew at 1230 metres. It ran 1000 hours.",
    None,
    [("2010", "2010"), ("1000 hours", "PT1000H")]
);
t!(
    holidays_with_offsets,
    "Stores opened on Black Friday and Cyber Monday, before Mardi Gras.",
    Some("2024-11-20"),
    [
        ("Black Friday", "2024-11-29"),
        ("Cyber Monday", "2024-12-02"),
        ("Mardi Gras", "2024-02-13")
    ]
);

t!(
    weekday_with_day_of_month,
    "Meet on Mon 14th or Sat 13th, not at the Friday the 13th films.",
    REF,
    [
        ("Mon 14th", "2013-01-14"),
        ("Sat 13th", "2013-04-13"),
        ("Friday", "2013-02-08")
    ]
);
t!(
    week_numbers,
    "Sales in week 23 rose; week 3 of the trial; week 10-3/16.",
    REF,
    [("week 23", "2013-W23")]
);
t!(
    day_of_month_after_a_preposition,
    "Pay on the 18th. Go to the 18th floor, by the 18th-century hall; due by the 4th of this month.",
    REF,
    [
        ("the 18th", "2013-02-18"),
        ("the 4th", "2013-02-04"),
        ("this month", "2013-02")
    ]
);
t!(
    clock_times_past_the_hour,
    "At ten past nine, half past eight in the evening; not 10 past 9 votes.",
    None,
    [
        ("ten past nine", "T09:10"),
        ("half past eight in the evening", "T20:30")
    ]
);
t!(
    month_day_without_a_year,
    "Ship on 11/20, 11/22 or 11/25; rates fell by 1/2 pct; odds from 4/1 to 5/2 favourite; since 9/12.",
    None,
    [
        ("11/20", "XXXX-11-20"),
        ("11/22", "XXXX-11-22"),
        ("11/25", "XXXX-11-25"),
        ("9/12", "XXXX-09-12")
    ]
);
t!(
    month_ranges_vouch_for_bare_months,
    "It ran from Sep to Nov and between august and october. This may be true.",
    None,
    [
        ("Sep", "XXXX-09"),
        ("Nov", "XXXX-11"),
        ("august", "XXXX-08"),
        ("october", "XXXX-10")
    ]
);
t!(
    counts_with_the_relative_word_after_the_number,
    "Over 3 next weeks and the next 4 business days; it fell to 5 last week.",
    None,
    [
        ("3 next weeks", "P3W"),
        ("the next 4 business days", "P4D"),
        ("last week", "PAST_REF")
    ]
);
t!(
    parts_of_day_and_their_days,
    "Early morning and late afternoon; tuesday in the morning; early morning at 8:00.",
    None,
    [
        ("Early morning", "TMO"),
        ("late afternoon", "TAF"),
        ("tuesday in the morning", "XXXX-WXX-2TMO"),
        ("early morning at 8:00", "T08:00")
    ]
);
t!(
    sets_every_other_and_every_n,
    "Every other day, every three weeks, semiannual reviews, on weekends; I go there everyday. Everyday life.",
    None,
    [
        ("Every other day", "P2D"),
        ("every three weeks", "P3W"),
        ("semiannual", "P6M"),
        ("on weekends", "P1WE"),
        ("everyday", "P1D")
    ]
);
t!(
    rates_of_measures_are_not_dates,
    "It flew at 188 miles an hour and 10 km per hour; 180 officers a year.",
    None,
    [("a year", "P1Y")]
);
t!(
    quarters_of_numbers_are_not_durations,
    "It costs a quarter million; five billion and three quarters; the 1986 quarter rose.",
    None,
    [("1986", "1986")]
);
t!(
    decade_words_the_week_after_next_and_the_weekend,
    "Music of the nineties; sales in the week after next; the weekend was cold; 30 minutes later this week.",
    REF,
    [
        ("the nineties", "199"),
        ("the week after next", "2013-W09"),
        ("the weekend", "2013-W06-WE"),
        ("30 minutes", "PT30M"),
        ("later this week", "2013-W07")
    ]
);
t!(
    meal_times_after_a_preposition,
    "We met after lunch, left at dinnertime and ate before breakfast. He had lunch; at a dinner in Rome.",
    None,
    [
        ("lunch", "TMI"),
        ("dinnertime", "TEV"),
        ("breakfast", "TMO")
    ]
);
t!(
    the_same_day_month_or_year,
    "Sales fell from the same month last year; the same quarter of 1986; that same day; at the same time.",
    REF,
    [
        ("the same month last year", "2012-XX"),
        ("the same quarter of 1986", "1986-QX"),
        ("that same day", "XXXX-XX-XX")
    ]
);
t!(
    slash_month_day_joined_units_and_spellings,
    "Back Oct/2, not Dec/2018; gone 3.5years and 24hours; see you tonite; quiet at the minute; every weekday.",
    REF,
    [
        ("Oct/2", "2013-10-02"),
        ("Dec/2018", "2018-12"),
        ("3.5years and 24hours", "P3.5YT24H"),
        ("tonite", "2013-02-12TNI"),
        ("at the minute", "PRESENT_REF"),
        ("every weekday", "P1WD")
    ]
);
t!(
    months_joined_by_dashes_and_slashes,
    "Filed 14-Mar-2024, due Sept.-2025 or Oct/3, not May 4.",
    None,
    [
        ("14-Mar-2024", "2024-03-14"),
        ("Sept.-2025", "2025-09"),
        ("Oct/3", "XXXX-10-03"),
        ("May 4", "XXXX-05-04")
    ]
);
t!(
    a_season_after_whole_or_throughout,
    "Drills ran through the whole summer; prices spring back.",
    None,
    [("summer", "XXXX-SU")]
);

#[test]
fn lunar_holidays_are_found_without_a_computed_date() {
    let got = run("Markets shut for Eid and Diwali.", Some("2024-03-01"));
    let got: Vec<(String, Option<String>)> = got.into_iter().map(|(s, v, _)| (s, v)).collect();
    assert_eq!(
        got,
        vec![("Eid".to_string(), None), ("Diwali".to_string(), None)]
    );
}

#[test]
fn deadline_qualifier() {
    let got = run(
        "Emissions must halve by 2030, as promised since March 2024.",
        None,
    );
    assert_eq!(got[0].2, Some(Qualifier::By));
    assert_eq!(got[1].2, Some(Qualifier::Since));
}

#[test]
fn prior_to_is_before_and_a_bare_to_is_nothing() {
    let got = run(
        "Shares rose Prior to 2020 and fell from 2021 to 2023.",
        None,
    );
    let quals: Vec<_> = got.iter().map(|(s, _, q)| (s.as_str(), *q)).collect();
    assert_eq!(
        quals,
        vec![
            ("2020", Some(Qualifier::Before)),
            ("2021", None),
            ("2023", None)
        ]
    );
}
t!(
    holidays,
    "Sales peak at Thanksgiving and on Christmas Eve; next Easter is late.",
    REF,
    [
        ("Thanksgiving", "2013-11-28"),
        ("Christmas Eve", "2013-12-24"),
        ("next Easter", "2014-04-20")
    ]
);
t!(
    events_named_by_their_date,
    "Since 9/11 and the 7/7 bombings, post-9/11 rules apply; the votes of 9/11/2024, 19/9/11 and 9/11-12 and the film Fahrenheit 9/11 do not. Fahrenheit 9/11 won. After 9/11 it changed.",
    REF,
    [
        ("9/11", "2001-09-11"),
        ("7/7", "2005-07-07"),
        ("9/11", "2001-09-11"),
        ("9/11/2024", "2024-09-11"),
        ("19/9/11", "2011-09-19"),
        ("9/11", "2001-09-11")
    ]
);
t!(
    past_month_is_last_year,
    "Prices fell in December.",
    Some("2014-01-20"),
    [("December", "2013-12")]
);
t!(
    future_month_stays,
    "The bank expects to cut in June.",
    Some("2014-01-20"),
    [("June", "2014-06")]
);
t!(
    month_last_year,
    "It opened in June last year.",
    Some("2014-01-20"),
    [("June last year", "2013-06")]
);
t!(
    date_soon_after_reference,
    "Invitations went out for the Feb. 28 event.",
    REF,
    [("Feb. 28", "2013-02-28")]
);
t!(
    quarter_of_last_year,
    "Profit fell from the first quarter of last year.",
    REF,
    [("the first quarter of last year", "2012-Q1")]
);
t!(
    ordinal_word_days,
    "It starts on the third of March and ends March twenty-first.",
    REF,
    [
        ("the third of March", "2013-03-03"),
        ("March twenty-first", "2013-03-21")
    ]
);
t!(
    period_edges,
    "By the end of the year, and the beginning of next month.",
    REF,
    [
        ("the end of the year", "2013"),
        ("the beginning of next month", "2013-03")
    ]
);
t!(
    european_and_short_times,
    "Kick-off at 15h30, doors at 4:30p.",
    None,
    [("15h30", "T15:30"), ("4:30p", "T16:30")]
);

t!(
    generic_part_of_day,
    "Markets open in the morning and trade all day; all years count.",
    None,
    [("in the morning", "TMO"), ("all day", "P1D")]
);
t!(
    month_names_between_separators,
    "Filed 05-Aug-2016, amended Sep-23-2020, audited Dec/2018 at 10 oclock.",
    REF,
    [
        ("05-Aug-2016", "2016-08-05"),
        ("Sep-23-2020", "2020-09-23"),
        ("Dec/2018", "2018-12"),
        ("10 oclock", "2013-02-12T10:00")
    ]
);

t!(
    year_like_measures_are_not_years,
    "He ran at 1500 metres and moved 1990 tonnes in 1999, since 2010 in Paris.",
    None,
    [("1999", "1999"), ("2010", "2010")]
);
t!(
    year_before_reported_measures_is_a_year,
    "Vantell had 1986 sales of 40 mln dlrs and expects 1987 earnings to rise; it sold 1988 cars.",
    None,
    [("1986", "1986"), ("1987", "1987")]
);

// Phrases broken over lines (hard-wrapped wire copy) are read like any other.
t!(
    phrases_over_lines,
    "Prices rise at the end\nof the year. The loan is due 14 months from\nnow.",
    REF,
    [
        ("the end\nof the year", "2013"),
        ("14 months from\nnow", "2014-04")
    ]
);

/// Searching windows around trigger words finds exactly the matches a pass over the whole text finds, for
/// every rule (checked on the sample corpus and on tricky strings: phrases broken over lines, triggers at
/// the ends of the text, multi-byte characters near window edges).
#[test]
fn windows_find_what_a_full_pass_finds() {
    let mut texts: Vec<String> = vec![
        "per\nhour, every\tday, FY24, the 1990’s, Q3 2024, H1 2026, the end of\nthe year".into(),
        "A 10-YEAR plan; three CENTURIES; tonight at 9 p.m.; noon; 5 o’clock".into(),
        "at the beginning\nof next year, 14 months from\nnow, the day\nbefore".into(),
        // Trigger words inside other words, and month abbreviations as whole words.
        "marketing in Mar. 2020, Sept. 5, decided Dec 1; yesterday, biweekly, 5 oclock, 2024Q1, a five-year\
         plan, the 1990s, per cent, personnel, hrs, three hrs, Mayday"
            .into(),
        "Mon 14th, week 23, 11ish, noonish, mid night, half past 3, on 11/20, 11/22, semiannual; go\
         everyday, the nineties, next workweek, the next hour, the week after next, Sep to nov"
            .into(),
        format!(
            "{}March 3, 1987 — “two weeks”{}",
            "é".repeat(70),
            "ü ".repeat(70)
        ),
        "Sunday the\u{a0}1st, 4 a".into(),
    ];
    // Clock times, numeric dates, weekdays before a day and units joined to numbers: the shapes the cheap
    // tests before their rules let through, and near misses they must turn away. Each is a text of its
    // own, so that no other trigger's window covers it.
    texts.extend(
        [
            "at 1530.",
            "Around\n0600,",
            "approximately 2215 GMT",
            "10.30 pm",
            "7 in the morning",
            "5 PM",
            "2 at night",
            "9h30",
            "1530 local time",
            "0900 hrs",
            "1145am",
            "12 noon",
            "1,530 pm",
            "15:45:10 CEST in the afternoon",
            "at\u{a0}1530",
            "5\u{a0}p.m.",
            "12-31-2024",
            "1.2.24",
            "3/4/05",
            "123/4/2005",
            "Tues., the 3rd",
            "THURS  the\n21st",
            "Wed,5th",
            "Wed\u{a0}5th",
            "Mon the5th",
            "3.5years",
            // Numbers before units and units before directions, in every shape the tests before
            // `date.duration` and `date.ago` let through, and near misses.
            "a couple of weeks",
            "half an hour",
            "two and a quarter years",
            "3.5 years",
            "1,000\nyears",
            "twenty-five years",
            "all day",
            "several more months",
            "five consecutive business days",
            "three next weeks",
            "the past year",
            "last week",
            "a day",
            "dozen days",
            "2\u{a0}years",
            "é years",
            "(years)",
            "six hrs ago",
            "10 days earlier",
            "three days from now",
            "three days from\tnow",
            "two yrs. ago",
            "the day before",
            "right now",
            "years ago",
            "2 years\u{a0}ago",
            "30DAYS",
            "٣days",
            "10days",
            "a 5-days",
            "2024 at 1530",
            "at 1530 on Monday",
            "2024-03-05",
            "(2024-03-05T09:30:00.125+05:30)",
            "x2024-03-05",
            "12024-03-05",
            "2024-3-5",
            "2024-03-05 09:30Z",
        ]
        .map(String::from),
    );
    // The longest words each rule allows around its trigger, as `reach` sizes its windows for them.
    texts.extend(
        [
            "Wednesday, September the twenty-seventh, 2024",
            "Wednesday, the twenty-seventh of September, 2024",
            "the beginning of Sept., of 2024",
            "the middle of May 2024",
            "earlier this September",
            "later this Sept.",
            "14-Sept-2024",
            "Sept/14/2024",
            "Sept-2024",
            "Sept/14",
            "the following one hundred and twenty-five consecutive business days and a half",
            "two and a half years from now",
            "earlier in the academic year",
            "the working week after next",
            "the very beginning of the previous year",
            "at this point in time",
            "in the distant future",
            "year-to-date",
            "12:30:00 (GMT +10:30) in the afternoon",
            "previous Mondays afternoon",
            "the early-1990s",
            "the late nineties",
            "the twenty-first century",
            "the following fourth quarter of the fiscal year 2024",
            "2024-Q1",
            "the latter half of fiscal 2024",
            "this coming spring of 2024",
            "the day before yesterday afternoon",
            "late last night",
            "in the night-times",
            "twenty-five-year-old",
            "twelve o'clock",
            "Wed, the 14th",
            "Week 23",
            "through the 21st",
            "a quarter past midnight",
            "between 11/20/",
            "during breakfast time",
            "that same quarter a year earlier",
            "every twelve months",
            "on weekends",
        ]
        .map(String::from),
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            texts.push(std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    let spans = |caps: regex::Captures<'_>| {
        (0..caps.len())
            .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
            .collect::<Vec<_>>()
    };
    for text in &texts {
        let planned = plan(text);
        for (i, rule) in rules().iter().enumerate() {
            let full: Vec<_> = rule.re.captures_iter(text).map(spans).collect();
            let mut windowed = Vec::new();
            for w in planned.iter().filter(|p| p.0 == i).flat_map(|p| p.1.iter()) {
                captures_in(&rule.re, text, *w, |c| windowed.push(spans(c)));
            }
            assert_eq!(
                windowed,
                full,
                "rule {} in {:?}",
                rule.id,
                &text[..text.len().min(80)]
            );
        }
    }
}

// Composition: parts written together are one claim with one value.
t!(
    day_then_time,
    "Polls will open Friday at 4 p.m. local time.",
    REF,
    [("Friday at 4 p.m.", "2013-02-15T16:00")]
);
t!(
    time_then_day,
    "The hearing will resume at 9 a.m. Monday.",
    REF,
    [("9 a.m. Monday", "2013-02-18T09:00")]
);
t!(
    part_of_day_sets_pm,
    "The address will air tonight at 8:30.",
    REF,
    [("tonight at 8:30", "2013-02-12T20:30")]
);
t!(
    set_then_time,
    "The market will close every Monday at 4pm.",
    REF,
    [("every Monday at 4pm", "XXXX-WXX-1T16:00")]
);
t!(
    year_completes_date,
    "The treaty took effect on July 4th of 1995.",
    REF,
    [("July 4th of 1995", "1995-07-04")]
);
t!(
    range_ends_stay_apart_and_share_the_year,
    "Sales ran from Nov 18 to Dec 19, 2015, and from 1992 through 1995.",
    REF,
    [
        ("Nov 18", "2015-11-18"),
        ("Dec 19, 2015", "2015-12-19"),
        ("1992", "1992"),
        ("1995", "1995")
    ]
);
t!(
    range_start_a_year_before_its_end,
    "The season ran from December to February 2015.",
    REF,
    [("December", "2014-12"), ("February 2015", "2015-02")]
);
t!(
    range_start_shares_pm,
    "The briefing ran from 2:00 to 2:30 pm.",
    REF,
    [
        ("2:00", "2013-02-12T14:00"),
        ("2:30 pm", "2013-02-12T14:30")
    ]
);
t!(
    offset_from_a_date,
    "The deadline falls three weeks after March 2, 2013, or two weeks before Christmas.",
    REF,
    [
        ("three weeks after March 2, 2013", "2013-03-23"),
        ("two weeks before Christmas", "2013-12-11")
    ]
);
t!(
    duration_sum,
    "He served two years and six months in prison.",
    REF,
    [("two years and six months", "P2Y6M")]
);
t!(
    weekday_of_a_week,
    "The talks will resume on Tuesday of next week.",
    REF,
    [("Tuesday of next week", "2013-02-19")]
);

// Relative days, weeks and years written as phrases.
t!(
    next_and_previous_day,
    "The next day, officials resigned. He had arrived the day before.",
    REF,
    [("next day", "2013-02-13"), ("the day before", "2013-02-11")]
);
t!(
    day_after_an_event_is_not_today_based,
    "He resigned the day after the vote.",
    REF,
    []
);
t!(
    over_the_weekend_in_past_tense,
    "Officials said over the weekend that talks failed.",
    REF,
    [("the weekend", "2013-W06-WE")]
);
t!(
    fiscal_and_in_the_year,
    "Revenue fell in the current fiscal year after prices rose earlier in the year.",
    REF,
    [
        ("the current fiscal year", "2013"),
        ("earlier in the year", "2013")
    ]
);
t!(
    end_of_the_day,
    "A ruling is due by the end of the day. At the end of the day, voters decide.",
    REF,
    [("the end of the day", "2013-02-12")]
);
t!(
    year_to_date_and_up_to_date,
    "Shares are up 12% year to date; the records were brought up to date.",
    REF,
    [("year to date", "2013")]
);
t!(
    nights_but_not_a_nightly_rate,
    "She spent two nights in a cell, at $90 a night.",
    REF,
    [("two nights", "P2D")]
);
t!(
    couple_without_of,
    "A decision is expected within a couple weeks.",
    REF,
    [("a couple weeks", "P2W")]
);
t!(
    past_quarter,
    "Profit rose in the past quarter.",
    REF,
    [("the past quarter", "2012-Q4")]
);
t!(
    or_later_is_not_a_date,
    "Models from 2018 or later qualify.",
    REF,
    [("2018", "2018")]
);
t!(
    quarters_as_fractions_are_not_periods,
    "Three quarters of voters agreed and output rose five and a quarter times, after profit fell for two quarters of the year.",
    REF,
    [("two quarters", "P6M")]
);
t!(
    quarter_hours_stay_durations,
    "The call lasted one and a quarter hours.",
    REF,
    [("one and a quarter hours", "PT1.25H")]
);

// A day placed by the year named after it, or by `last` / `next` / `this` before it; without a
// published date the year stays unknown.
t!(
    day_placed_by_a_relative_year,
    "It opened on March 27 last year and shuts on the 5th of June next year. He left last June 5, returns next March 3 or next May 2, and This April 20 is key.",
    Some("1987-04-10"),
    [
        ("March 27", "1986-03-27"),
        ("last year", "1986"),
        ("the 5th of June", "1988-06-05"),
        ("next year", "1988"),
        ("last June 5", "1986-06-05"),
        ("next March 3", "1988-03-03"),
        ("next May 2", "1987-05-02"),
        ("This April 20", "1987-04-20")
    ]
);
t!(
    day_after_a_relative_word_unresolved,
    "The law takes effect next January 1.",
    None,
    [("next January 1", "XXXX-01-01")]
);

/// The tests that keep `date.duration` and `date.ago` to windows around units with a number before them,
/// and directions with a unit before them: what they let through and what they turn away.
#[test]
fn count_and_unit_tests_before_duration_and_ago() {
    // The test on a text with `|` where the trigger starts.
    let at_bar = |test: fn(&[u8], usize, usize) -> bool, text: &str| {
        let at = text.rfind('|').unwrap();
        test(text.replace('|', "").as_bytes(), at, at + 1)
    };
    let duration = |text: &str| at_bar(super::count_before_unit, text);
    for yes in [
        "two |years",
        "a couple of |weeks",
        "3.5 |years",
        "the next three full business |days",
        "ALL |DAY",
        "2\u{a0}|years",
    ] {
        assert!(duration(yes), "{yes}");
    }
    for no in [
        "this |year",
        "last |week",
        "the past |year",
        "more full business |days",
        "(|years",
        "|years",
        "two, |years",
        "two to|day",
    ] {
        assert!(!duration(no), "{no}");
    }
    let ago = |text: &str| at_bar(super::unit_before_direction, text);
    for yes in [
        "two years |ago",
        "three days from |now",
        "six HRS |earlier",
        "a centuries |later",
        "2 years\u{a0}|ago",
    ] {
        assert!(ago(yes), "{yes}");
    }
    for no in [
        "the deal |before",
        "right |now",
        "from |now",
        "years|ago",
        "two yearsx |ago",
    ] {
        assert!(!ago(no), "{no}");
    }
}

/// The words of a regex pattern: runs of ASCII letters that are not escapes (`\s`, `\d`).
fn pattern_words(pattern: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut escaped = false;
    for c in pattern.chars().chain([' ']) {
        if c.is_ascii_alphabetic() && !escaped {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        escaped = c == '\\';
    }
    words
}

/// Every word of the number pattern but the joining `and` can end a number for the test before
/// `date.duration`, and every unit of the unit pattern (`seconds?`: with and without its `s`) is a unit to
/// the test before `date.ago` (so a word added to a pattern and not to the tests fails here).
#[test]
fn count_tests_know_every_word_of_the_number_and_unit_patterns() {
    let mut words = pattern_words(&super::count_pattern());
    words.retain(|w| w != "and");
    assert!(words.len() > 40, "{words:?}");
    for w in words {
        assert!(super::ends_count(w.as_bytes()), "{w}");
    }
    let units = pattern_words(&super::unit_pattern());
    assert!(units.len() > 15, "{units:?}");
    for w in units {
        let singular = w
            .strip_suffix("ies")
            .map(|w| format!("{w}y"))
            .or_else(|| w.strip_suffix('s').map(String::from))
            .unwrap_or_else(|| w.clone());
        assert!(super::is_unit_word(w.as_bytes()), "{w}");
        assert!(super::is_unit_word(singular.as_bytes()), "{singular}");
    }
}

#[test]
fn digits_of_other_scripts_are_not_dates() {
    // Only ASCII digits are read: no value parses the others.
    let got = run(
        "Filed on ٢٠٢٤-٠٣-٠٥ and on 2024-03-06, at ٩:٣٠ and at 9:45 a.m.",
        None,
    );
    let spans: Vec<&str> = got.iter().map(|(s, ..)| s.as_str()).collect();
    assert_eq!(spans, ["2024-03-06", "9:45 a.m."]);
}
