//! Table-driven figure cases: (text, expected [(span text, value, unit)]) — negatives included.

use super::*;
use crate::document::{Document, Metadata, Provenance};
use crate::extract::dates::DateExtractor;

fn run(text: &str) -> Vec<Claim> {
    let doc = Document::new(text.to_string(), Provenance::default(), Metadata::default());
    let analyzed = Analyzed::new(&doc);
    let mut dates = Vec::new();
    DateExtractor::new().extract(&analyzed, &[], &mut dates);
    let mut out = Vec::new();
    FigureExtractor::new().extract(&analyzed, &dates, &mut out);
    out
}

fn triples(text: &str) -> Vec<(String, String, String)> {
    run(text)
        .into_iter()
        .map(|c| {
            (
                text[c.span].to_string(),
                c.value.unwrap_or_default(),
                c.unit.unwrap_or_default(),
            )
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($span:expr, $value:expr, $unit:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, String, String)> =
                vec![$(($span.to_string(), $value.to_string(), $unit.to_string())),*];
            assert_eq!(triples($text), want, "{:?}", $text);
        }
    };
}

t!(
    lower_case_codes_and_letter_symbols,
    "It cost 20 usd, 40 rmb and hk$ 10 billion; the score was 5 all.",
    [
        ("20 usd", "20", "USD"),
        ("40 rmb", "40", "CNY"),
        ("hk$ 10 billion", "10000000000", "HKD"),
        ("5", "5", "")
    ]
);
t!(
    money_symbol_scale,
    "Stargate will cost $500 billion.",
    [("$500 billion", "500000000000", "USD")]
);
t!(
    money_attached_scale,
    "It raised £3bn and €1.2m.",
    [("£3bn", "3000000000", "GBP"), ("€1.2m", "1200000", "EUR")]
);
t!(
    money_us_dollar_prefix,
    "A US$1.6 billion deal.",
    [("US$1.6 billion", "1600000000", "USD")]
);
t!(
    money_code_before,
    "Fines of CHF 100 and USD 5 million.",
    [
        ("CHF 100", "100", "CHF"),
        ("USD 5 million", "5000000", "USD")
    ]
);
t!(
    money_words,
    "He paid ten dollars and 42 Canadian dollars.",
    [
        ("ten dollars", "10", "USD"),
        ("42 Canadian dollars", "42", "CAD")
    ]
);
t!(
    money_pounds_need_scale,
    "It weighs 5 pounds but cost 2 million pounds.",
    [
        ("5 pounds", "5", "lb"),
        ("2 million pounds", "2000000", "GBP")
    ]
);
t!(
    money_cents,
    "Shares rose 12 cents to 197p.",
    [("12 cents", "0.12", "USD"), ("197p", "1.97", "GBP")]
);
t!(
    percent_forms,
    "Inflation was 3.4 per cent, up from 2.1% and 5 percent.",
    [
        ("3.4 per cent", "3.4", "%"),
        ("2.1%", "2.1", "%"),
        ("5 percent", "5", "%")
    ]
);
t!(
    percent_rare_forms,
    "Turnout hit 30 percentage, 100 percents on paper, then 2 percentage-points more.",
    [
        ("30 percentage", "30", "%"),
        ("100 percents", "100", "%"),
        ("2 percentage-points", "2", "pp")
    ]
);
t!(
    fractions_of_scales,
    "It cost two million and one half dollars, one billion and a half million euros.",
    [
        ("two million and one half dollars", "2500000", "USD"),
        ("one billion and a half million euros", "1000500000", "EUR")
    ]
);
t!(
    rarer_currency_signs,
    "Fares rose to 100 ₡, ₴500 and Mex$ 10 million.",
    [
        ("100 ₡", "100", "CRC"),
        ("₴500", "500", "UAH"),
        ("Mex$ 10 million", "10000000", "MXN")
    ]
);
t!(
    scientific_notation,
    "It weighs 1.3x10^6 tonnes, 2.5 × 10⁻³ metres and 12.32e+14 atoms; Model 4e4 is not one.",
    [
        ("1.3x10^6 tonnes", "1300000", "t"),
        ("2.5 × 10⁻³ metres", "0.0025", "m"),
        ("12.32e+14", "1232000000000000", "atoms")
    ]
);
t!(
    quotients,
    "The odds are one over three, or negative one over 20; they won 3 over 2 rivals.",
    [
        ("one over three", "0.3333333333", ""),
        ("negative one over 20", "-0.05", ""),
        ("3", "3", ""),
        ("2", "2", "rivals")
    ]
);
t!(
    imperial_compounds,
    "He is 5 feet 2 inches, she is 6 ft 1 in tall and the baby weighed 7 lb 8 oz; it fell 3 feet 2 in a day.",
    [
        ("5 feet 2 inches", "5.1666666667", "ft"),
        ("6 ft 1 in", "6.0833333333", "ft"),
        ("7 lb 8 oz", "7.5", "lb"),
        ("3 feet", "3", "ft"),
        ("2", "2", "")
    ]
);
t!(
    digits_with_number_words,
    "We counted 3 hundred and 21 votes, 4 thousand 3 hundred cars and raised $5 million two weeks ago, \
     not between 25 billion and 30 billion dollars.",
    [
        ("3 hundred and 21", "321", "votes"),
        ("4 thousand 3 hundred", "4300", "cars"),
        ("$5 million", "5000000", "USD"),
        ("25 billion and 30 billion dollars", "25000000000", "USD")
    ]
);
t!(
    percentage_points,
    "Rates rose 0.25 percentage points.",
    [("0.25 percentage points", "0.25", "pp")]
);
t!(
    counts_with_noun,
    "The plan creates 100,000 new jobs in 10 data centers.",
    [("100,000", "100000", "jobs"), ("10", "10", "data centers")]
);
t!(
    count_words,
    "Twenty-one people and a dozen firms.",
    [("Twenty-one", "21", "people"), ("a dozen", "12", "firms")]
);
t!(
    scale_words_count,
    "About 1.5 million people voted.",
    [("1.5 million", "1500000", "people")]
);
t!(
    thousand_k,
    "It has 500k users.",
    [("500k", "500000", "users")]
);
t!(
    quantities,
    "A 29km road and 3 tonnes of steel, 2 GW of power.",
    [
        ("29km", "29", "km"),
        ("3 tonnes", "3", "t"),
        ("2 GW", "2", "GW")
    ]
);
t!(
    rate,
    "Leave said £350m a week.",
    [("£350m", "350000000", "GBP")]
);

#[test]
fn rate_is_counted_per_its_period_or_item() {
    let got: Vec<(Option<String>, Option<String>)> =
        run("It pays $5 a share and costs £350m per annum.")
            .into_iter()
            .map(|c| (c.unit, c.per))
            .collect();
    assert_eq!(
        got,
        vec![
            (Some("USD".into()), Some("share".into())),
            (Some("GBP".into()), Some("year".into()))
        ]
    );
}
t!(
    range_to,
    "Between 5 and 10 per cent of staff.",
    [("5 and 10 per cent", "5", "%")]
);
t!(
    range_dash_money,
    "A $5-10bn deal.",
    [("$5-10bn", "5000000000", "USD")]
);
t!(
    fraction,
    "Two-thirds of voters and half of firms agreed.",
    [("Two-thirds", "0.6666666667", ""), ("half", "0.5", "")]
);
t!(
    vague,
    "Hundreds of workers and tens of thousands of fans.",
    [
        ("Hundreds", "100", "workers"),
        ("tens of thousands", "10000", "fans")
    ]
);
t!(
    ordinal_digits,
    "It was the 25th attempt.",
    [("25th", "25", "")]
);
t!(
    years_are_dates,
    "In 2024 sales rose 5%.",
    [("5%", "5", "%")]
);
t!(day_of_date_not_figure, "On March 5, 2024 it fell.", []);
t!(clock_time_not_figure, "At 10:30 a.m. shares fell.", []);
t!(phone_numbers, "Call 800.553.8359 or 555-0142 now.", []);
t!(
    model_names,
    "A Boeing 737 and COVID-19 and the R1 and Windows 11.",
    []
);
t!(
    urls_emails_handles,
    "See https://example.com/5 or mail a@b5.com or @user42.",
    []
);
t!(
    markup_tag_attributes,
    "<tweet id=\"771328864018726912\" width=\"550\">Up 12 points.</tweet>",
    [("12", "12", "points")]
);
t!(list_numbering, "1. First point\n2) Second point", []);
t!(street_number, "He lives at 10 Downing Street.", []);
t!(version_numbers, "Version 10.2.1 shipped.", []);
t!(no_number_is_not_a_figure, "No. 5 on the list.", []);
t!(one_of_is_not_a_count, "This one is one of the best.", []);
t!(
    dot_leaders_are_not_decimal_points,
    "Net free reserves.....644 vs.....1,337 and a .5 pct rise",
    [
        ("644", "644", ""),
        ("1,337", "1337", ""),
        (".5 pct", "0.5", "%")
    ]
);
// A plural after "one" is a verb, a label's noun or a compound, not what "one" counts.
t!(
    one_is_a_pronoun_or_label,
    "One condition calls for a vote; no-one knows. Series one dividends fell. One analyst said so.",
    []
);
t!(score, "They won 3-1 at home.", []);

#[test]
fn qualifiers() {
    let cases = [
        ("more than 100,000 jobs", Qualifier::Gt),
        ("over $5 million", Qualifier::Gt),
        ("at least 30 people", Qualifier::Ge),
        ("up to 840 seats", Qualifier::Le),
        ("fewer than 20 firms", Qualifier::Lt),
        ("nearly 40%", Qualifier::Approx),
        ("about 500 staff", Qualifier::Approx),
    ];
    for (text, want) in cases {
        let got = run(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].qualifier, Some(want), "{text}");
        assert!(
            !text[got[0].span].starts_with(char::is_alphabetic)
                || text[got[0].span].starts_with("fifty"),
            "{text}: qualifier kept out of span"
        );
    }
}

#[test]
fn range_has_both_ends() {
    let got = run("Between 1.1 and 1.3 dollars.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].subtype, Subtype::Range);
    assert_eq!(got[0].value.as_deref(), Some("1.1"));
    assert_eq!(got[0].value_high.as_deref(), Some("1.3"));
    assert_eq!(got[0].unit.as_deref(), Some("USD"));
}

// A capitalized number word after a capitalized word, or after one and "of", is part of a name.
t!(
    number_words_inside_names,
    "Envoys of the Coalition of Nine met. She spoke on Channel Six before the Harbor Seven trial.",
    []
);
// The capital of a sentence's first word, of an ordinary word or of a title-case headline is no name.
t!(
    number_words_that_only_look_capitalized,
    "Mill Town Loses Six Hundred Jobs\n\nThe vote was held in Leeds. Nine of the members left. About Twelve stayed.",
    [
        ("Six Hundred", "600", ""),
        ("Nine", "9", ""),
        ("Twelve", "12", "")
    ]
);
t!(
    model_numbers_elsewhere,
    "Boeing 737 jets. The first 737 flew in 1967; 300 were sold.",
    [("300", "300", "")]
);
// A function word opening a sentence is no name: the number after it counts.
t!(
    function_words_before_a_number,
    "When 300 workers walked out, 12 stayed. But 40 returned. Then 7 left.",
    [
        ("300", "300", "workers"),
        ("12", "12", ""),
        ("40", "40", ""),
        ("7", "7", "")
    ]
);
t!(
    camel_case_product,
    "The iPhone 4 sold 1.7 million units.",
    [("1.7 million", "1700000", "units")]
);
t!(
    compound_money,
    "It cost 3 dollars 50 cents, or thirteen dollars and forty-five cents.",
    [
        ("3 dollars 50 cents", "3.5", "USD"),
        ("thirteen dollars and forty-five cents", "13.45", "USD")
    ]
);
t!(
    finance_scaled_codes,
    "Losses of 30 MUSD and 120 MEUR.",
    [
        ("30 MUSD", "30000000", "USD"),
        ("120 MEUR", "120000000", "EUR")
    ]
);
t!(
    ratios,
    "One in three adults and 2 out of 5 children.",
    [
        ("One in three", "0.3333333333", "adults"),
        ("2 out of 5", "0.4", "children")
    ]
);

t!(
    ratio_after_only,
    "Only one in five voters agreed; it was their only one in three tries and the only one in 12 bids.",
    [
        ("one in five", "0.2", "voters"),
        ("three", "3", "tries"),
        ("12", "12", "bids")
    ]
);

t!(
    scale_and_a_fraction,
    "It raised $2 billion and a quarter; 3 million and a half shares; one million and a half voters.",
    [
        ("$2 billion and a quarter", "2250000000", "USD"),
        ("3 million and a half", "3500000", "shares"),
        ("one million and a half", "1500000", "voters")
    ]
);
t!(
    half_a_dozen,
    "Half a dozen firms bid.",
    [("Half a dozen", "6", "firms")]
);
t!(
    indian_grouping_and_compound_scales,
    "The plan costs ₹3 lakh crore, up from Rs 20 thousand crore; one grant was 12,34,567.89 rupees.",
    [
        ("₹3 lakh crore", "3000000000000", "INR"),
        ("Rs 20 thousand crore", "200000000000", "INR"),
        ("12,34,567.89 rupees", "1234567.89", "INR")
    ]
);
t!(
    symbol_after_the_number,
    "Tickets cost 20 € in Lyon and 15€ online.",
    [("20 €", "20", "EUR"), ("15€", "15", "EUR")]
);
t!(
    spaced_dollar_prefixes_but_not_articles_or_possessives,
    "It raised c $ 16.4 million, the firm's $5bn and a $ 20 fee; US $200.",
    [
        ("c $ 16.4 million", "16400000", "CAD"),
        ("$5bn", "5000000000", "USD"),
        ("$ 20", "20", "USD"),
        ("US $200", "200", "USD")
    ]
);
t!(
    scale_after_a_code_and_fractions_of_a_scale,
    "Deals of 75 USD million; two thirds of a million people; a quarter of a billion dlrs.",
    [
        ("75 USD million", "75000000", "USD"),
        ("two thirds of a million", "666666.6667", "people"),
        ("a quarter of a billion dlrs", "250000000", "USD")
    ]
);
t!(
    parts_powers_and_dozens,
    "He won by two hundredths of a second, a hundredth of a point; two and fifty-four hundredths; \
     1.1^2 and 2.5^-1; 3 doz eggs; the hundredth anniversary.",
    [
        ("two hundredths", "0.02", ""),
        ("a hundredth", "0.01", ""),
        ("two and fifty-four hundredths", "2.54", ""),
        ("1.1^2", "1.21", ""),
        ("2.5^-1", "0.4", ""),
        ("3 doz", "36", "eggs"),
        ("hundredth", "100", "")
    ]
);

// A bare number compared with an amount or a rate right before it takes its unit; not across a scale
// that is not written again, cents, a noun of its own, or the level a change is from.
t!(
    unit_carried_to_compared_number,
    "Net 10.7 billion yen vs 37.1 billion. Profit rose to 5.2 mln dlrs from 4.1 mln. The rate fell to 5.5 pct from 6.1. Output hit 87.9 mln dlrs from 89.2. Shr 1.20 dlrs vs 78 cts. Sales were 121,616, up 8.8 pct from 111,743. It raised 3 mln dlrs from 200 investors.",
    [
        ("10.7 billion yen", "10700000000", "JPY"),
        ("37.1 billion", "37100000000", "JPY"),
        ("5.2 mln dlrs", "5200000", "USD"),
        ("4.1 mln", "4100000", "USD"),
        ("5.5 pct", "5.5", "%"),
        ("6.1", "6.1", "%"),
        ("87.9 mln dlrs", "87900000", "USD"),
        ("89.2", "89.2", ""),
        ("1.20 dlrs", "1.2", "USD"),
        ("78 cts", "0.78", "USD"),
        ("121,616", "121616", ""),
        ("8.8 pct", "8.8", "%"),
        ("111,743", "111743", ""),
        ("3 mln dlrs", "3000000", "USD"),
        ("200", "200", "investors")
    ]
);

// The second half of a fiscal or season year, or of a span of years, is no count; other numbers after a
// year and a dash are.
t!(
    split_year_is_no_count,
    "Aid reached 1.85 billion dlrs in 1986/87 and 2 billion in the 2023-24 season, over 1980/85 and 1999/00; the code was 2001/7.",
    [
        ("1.85 billion dlrs", "1850000000", "USD"),
        ("2 billion", "2000000000", ""),
        ("7", "7", "")
    ]
);

// Wire copy writes mixed numbers with a hyphen (`37-1/2`) and cents as `cts`.
t!(
    wire_mixed_numbers_and_cents,
    "The prime rose to 7-3/4 pct from 7-1/2. It pays 37-1/2 cts, up from 30 cts; a 5-1/4 inch drive; 9/11 and 24/7 are no fractions.",
    [
        ("7-3/4 pct", "7.75", "%"),
        ("7-1/2", "7.5", "%"),
        ("37-1/2 cts", "0.375", "USD"),
        ("30 cts", "0.3", "USD"),
        ("5-1/4 inch", "5.25", "in")
    ]
);

// After a verb of change, `X to Y` is the change and the new level, unless the bare first number is of
// the level's size (a range of changes). A percentage never ranges to a bare number.
t!(
    change_then_level_is_two_figures,
    "Chrysler rose 3/8 to 58-5/8. Reserves fell by 4.64 billion francs to 7.88 billion. Lloyds rose one penny to 488. Exports rose 17.3 pct to 413,462. Cattle gained 0.50 to 1.00 dlr. Profit may be down 50 to 60 pct.",
    [
        ("3/8", "0.375", ""),
        ("58-5/8", "58.625", ""),
        ("4.64 billion francs", "4640000000", "CHF"),
        ("7.88 billion", "7880000000", "CHF"),
        ("one penny", "0.01", "GBP"),
        ("488", "4.88", "GBP"),
        ("17.3 pct", "17.3", "%"),
        ("413,462", "413462", ""),
        ("0.50 to 1.00 dlr", "0.5", "USD"),
        ("50 to 60 pct", "50", "%")
    ]
);

// Wire copy quotes a share's change, then its price, in eighths, also in lists after one verb; a range
// of eighths ("1/8 to 3/8 point"), a quoted range and a range of close prices stay ranges.
t!(
    wire_change_then_price_is_two_figures,
    "Telmark fell 11 to 34-1/4. Oil issues gained, Verco <VRC> 5/8 to 62-3/4, Ambrex <AMB> 2 to 83-1/8. Gains were 1/8 to 3/8 point. It traded in a range of 5-7/8 to 13-1/4.",
    [
        ("11", "11", ""),
        ("34-1/4", "34.25", ""),
        ("5/8", "0.625", ""),
        ("62-3/4", "62.75", ""),
        ("2", "2", ""),
        ("83-1/8", "83.125", ""),
        ("1/8 to 3/8", "0.125", ""),
        ("5-7/8 to 13-1/4", "5.875", "")
    ]
);
// Spelled numbers share the scale word of the second end: `six to seven billion` is 6 to 7 billion.
t!(
    spelled_range_shares_its_scale,
    "Profit was put at six to seven billion marks, and sales at between 700,000 and one million units.",
    [
        ("six to seven billion marks", "6000000000", "DEM"),
        ("700,000 and one million", "700000", "units")
    ]
);
// ... also when a currency follows the scale word.
t!(
    spelled_range_shares_its_scale_before_a_currency,
    "Costs were put at five to six million euros.",
    [("five to six million euros", "5000000", "EUR")]
);

// A number compared with cents or pence is in cents too, unless money written just after it is shared.
t!(
    cents_carried_to_compared_number,
    "Int div 5.5 cents vs 5.0. Lloyds dipped 4p to 488. Grades were raised 50 cts to 18.10 and 19.35 dlrs.",
    [
        ("5.5 cents", "0.055", "USD"),
        ("5.0", "0.05", "USD"),
        ("4p", "0.04", "GBP"),
        ("488", "4.88", "GBP"),
        ("50 cts", "0.5", "USD"),
        ("18.10", "18.1", ""),
        ("19.35 dlrs", "19.35", "USD")
    ]
);
// "Canadian dlrs" is the wire's "Canadian dollars"; vague amounts of a currency are money.
t!(
    wire_currency_abbreviations_and_vague_money,
    "It raised 947 mln Canadian dlrs and 200 mln U.S. Dlrs, after losing hundreds of millions of dollars and thousands of euros.",
    [
        ("947 mln Canadian dlrs", "947000000", "CAD"),
        ("200 mln U.S. Dlrs", "200000000", "USD"),
        ("hundreds of millions of dollars", "100000000", "USD"),
        ("thousands of euros", "1000", "EUR")
    ]
);
// A nationality before a shared currency name reads in any case, in the singular or the plural, and not
// where the currency word goes on into another word.
t!(
    currency_adjectives_in_any_case,
    "Sales were 12 NEW ZEALAND DOLLARS, 3 hong kong dollar and 40 Canadian Dollarama shares.",
    [
        ("12 NEW ZEALAND DOLLARS", "12", "NZD"),
        ("3 hong kong dollar", "3", "HKD"),
        ("40", "40", "")
    ]
);
t!(
    bare_cents_take_the_currency_of_the_level,
    "Norvale fell 14 cents to 2.37 Australian dlrs, and Keswick rose 9 U.S. cents to 4.10 Canadian dlrs.",
    [
        ("14 cents", "0.14", "AUD"),
        ("2.37 Australian dlrs", "2.37", "AUD"),
        ("9 U.S. cents", "0.09", "USD"),
        ("4.10 Canadian dlrs", "4.1", "CAD")
    ]
);
t!(
    cents_of_a_named_dollar,
    "Dividends rose to 40 Canadian cents and 5 euro cents, and the US cents figure was 7 cents.",
    [
        ("40 Canadian cents", "0.4", "CAD"),
        ("5 euro cents", "0.05", "EUR"),
        ("7 cents", "0.07", "USD")
    ]
);

t!(
    historic_currencies_are_money,
    "Net profit rose to 105.79 mln marks from 80.71 mln. The dividend is 2.50 guilders. The EIB lent 200 mln French francs, 3,196 billion lire and 40 mln Danish crowns.",
    [
        ("105.79 mln marks", "105790000", "DEM"),
        ("80.71 mln", "80710000", "DEM"),
        ("2.50 guilders", "2.5", "NLG"),
        ("200 mln French francs", "200000000", "FRF"),
        ("3,196 billion lire", "3196000000000", "ITL"),
        ("40 mln Danish crowns", "40000000", "DKK"),
    ]
);

t!(
    the_european_currency_unit_is_money,
    "The levy is 0.95 Ecus a tonne, the fund holds ECU 120 mln and the grant is 30 ecus.",
    [
        ("0.95 Ecus", "0.95", "XEU"),
        ("ECU 120 mln", "120000000", "XEU"),
        ("30 ecus", "30", "XEU"),
    ]
);

t!(
    marks_as_a_verb_or_threshold_is_no_money,
    "The year 2020 marks the 50th anniversary. Reaching 500 marks another first. The index passed the 10,000 mark. Shares rose 12 marks to 450.",
    [
        ("50th", "50", ""),
        ("10,000", "10000", ""),
        ("12 marks", "12", "DEM"),
        ("450", "450", "DEM"),
    ]
);

// Two-way quotes write only the digits that change on the other side.
t!(
    two_way_quote_is_one_range,
    "The dollar was quoted at 1.7975/85 marks, against 3.7500/03 yesterday and 1.5085/00 in Europe. Rates eased to 3.85/95 pct from 4.35/25. Scores were 1.5/2 and 7.25/1000.",
    [
        ("1.7975/85 marks", "1.7975", "DEM"),
        ("3.7500/03", "3.75", "DEM"),
        ("1.5085/00", "1.5085", ""),
        ("3.85/95 pct", "3.85", "%"),
        ("4.35/25", "4.25", "%"),
        ("1.5", "1.5", ""),
        ("2", "2", ""),
        ("7.25", "7.25", ""),
        ("1000", "1000", ""),
    ]
);

#[test]
fn two_way_quote_rolls_over_to_the_next_figure() {
    let text = "The dollar was at 1.5085/00 francs and rates at 4.35/25 pct.";
    let ends: Vec<_> = run(text)
        .into_iter()
        .map(|c| {
            (
                c.value.unwrap_or_default(),
                c.value_high.unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("1.5085".to_string(), "1.51".to_string()),
            ("4.25".to_string(), "4.35".to_string())
        ]
    );
}

// The unit carries after `up from` / `down from`, and to a second amount of money joined by `and` that
// writes its scale again; a rate never carries to a number with a scale word.
t!(
    unit_carried_after_direction_and_to_joined_amount,
    "Profit was 163 mln rupees, up from 133 mln. Inflation was 4.1 pct, down from 4.4. Reserves were 5.19 pct up from 49.98 billion. It sold 1.5 billion yen in 1987 and 3.5 billion in 1988. It paid 23 mln dlrs in debt and 27 mln in stock. It spent 5 mln dlrs and 2 mln workers left.",
    [
        ("163 mln rupees", "163000000", "INR"),
        ("133 mln", "133000000", "INR"),
        ("4.1 pct", "4.1", "%"),
        ("4.4", "4.4", "%"),
        ("5.19 pct", "5.19", "%"),
        ("49.98 billion", "49980000000", ""),
        ("1.5 billion yen", "1500000000", "JPY"),
        ("3.5 billion", "3500000000", "JPY"),
        ("23 mln dlrs", "23000000", "USD"),
        ("27 mln", "27000000", "USD"),
        ("5 mln dlrs", "5000000", "USD"),
        ("2 mln", "2000000", "workers")
    ]
);

// `rand` in lower case after a number is the currency, with or without a scale.
t!(
    rand_in_lower_case_is_money,
    "Wages are 800 rand; the deficit is seven billion rand.",
    [
        ("800 rand", "800", "ZAR"),
        ("seven billion rand", "7000000000", "ZAR")
    ]
);

// Hard-wrapped wire copy breaks lines between a number and its noun or its cents; a blank line between
// them is a paragraph break, not a noun.
t!(
    line_break_before_noun_or_cents,
    "It paid 14\ncents a share for 2.5 mln\nshares of stock.\n\nIt had 30\n\nworkers say so.",
    [
        ("14\ncents", "0.14", "USD"),
        ("2.5 mln", "2500000", "shares"),
        ("30", "30", "")
    ]
);

// After a verb of change in its -ing form, `to` leads from the change to the new level.
t!(
    change_verb_in_ing_form_then_level,
    "Shares were slipping five to 165, with rigs dropping by 5 to 761 and prices increasing by 1.50 cents to 67.0 cents.",
    [
        ("five", "5", ""),
        ("165", "165", ""),
        ("5", "5", ""),
        ("761", "761", ""),
        ("1.50 cents", "0.015", "USD"),
        ("67.0 cents", "0.67", "USD")
    ]
);

// Symbols in either case and spaced, and the cents of a named dollar: the currency vocabulary is looked
// up by the symbol's last byte and the adjective's first.
t!(
    symbols_in_any_case_and_named_cents,
    "It cost hk$10, RS. 500, RS 20 and c $ 300 million, and 40 Canadian cents.",
    [
        ("hk$10", "10", "HKD"),
        ("RS. 500", "500", "INR"),
        ("RS 20", "20", "INR"),
        ("c $ 300 million", "300000000", "CAD"),
        ("40 Canadian cents", "0.4", "CAD")
    ]
);

/// What the core pattern's capture groups say about a match, as [`Core`] reads it from the text alone.
fn core_from_groups(c: &regex::Captures<'_>) -> Core {
    let m = c.get(0).expect("group 0");
    let form = if c.name("frac").is_some() {
        CoreForm::Fraction
    } else if let Some(d) = c.name("digits") {
        CoreForm::Digits {
            end: d.end(),
            ordinal: c.name("ord").is_some(),
        }
    } else {
        assert!(c.name("words").is_some(), "{:?}", m.as_str());
        CoreForm::Words
    };
    Core {
        span: Span::new(m.start(), m.end()),
        form,
    }
}

proptest::proptest! {
    /// The core pattern runs without captures: the alternative a match took, and where its digits end,
    /// read from the matched text, are what the capture groups say, on texts made of numbers' pieces.
    #[test]
    fn core_form_read_from_text_is_the_capture_groups(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "1", "12", "1,250", "3.5", ".5", "000", "-", "−", "/", "½", "¾", " ", "\u{a0}", ",", ".",
            "st", "th", "nd", "rd", "x", "two", "Three", "hundred", "and", "a", "half", "quarters",
            "minus", "twenty", "first", "ſix", "eleventh", "point", "$",
        ]), 1..12)
    ) {
        let text = pieces.concat();
        let core = &patterns().core;
        let from_text: Vec<(Span, CoreForm)> =
            core.find_iter(&text).map(Core::of).map(|c| (c.span, c.form)).collect();
        let from_groups: Vec<(Span, CoreForm)> = core
            .captures_iter(&text)
            .map(|c| core_from_groups(&c))
            .map(|c| (c.span, c.form))
            .collect();
        proptest::prop_assert_eq!(from_text, from_groups, "{:?}", text);
    }
}
