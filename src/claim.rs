//! `Claim`: one checkable statement found in an article — a figure, a date, a named entity or a quote —
//! with its exact span, its normalized value and the id of the rule that found it.
//!
//! Claims are domain values: they know nothing of CSV columns or index fields (those live in `output/`,
//! `index/` and `export/`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The four kinds of claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Money, percentages, counts, quantities, ranges.
    Figure,
    /// Absolute and relative dates, times, durations.
    Date,
    /// People, organizations, places.
    Entity,
    /// Direct quotations with their speaker.
    Quote,
}

impl ClaimKind {
    /// Every kind, in output order.
    pub const ALL: [ClaimKind; 4] = [
        ClaimKind::Figure,
        ClaimKind::Date,
        ClaimKind::Entity,
        ClaimKind::Quote,
    ];

    /// Lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Figure => "figure",
            ClaimKind::Date => "date",
            ClaimKind::Entity => "entity",
            ClaimKind::Quote => "quote",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClaimKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown claim kind {s:?} (expected figure, date, entity or quote)")
            })
    }
}

/// The finer type of a claim; which subtypes go with which kind is listed on each variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Subtype {
    /// figure: an amount of money; `unit` is an ISO 4217 code.
    Money,
    /// figure: a percentage (`unit` `%`) or percentage points (`pp`).
    Percent,
    /// figure: a measured quantity with a unit (km, tonnes, MW).
    Quantity,
    /// figure: a count of things; `unit` is the counted noun when there is one.
    Count,
    /// figure: an ordinal (`third`, `21st`).
    Ordinal,
    /// figure: a range (`between 5 and 10 per cent`); `value` is the low end, `value_high` the high end.
    Range,
    /// date: a calendar date, month, year, quarter, season or relative date.
    Date,
    /// date: a clock time, possibly with a date.
    Time,
    /// date: a length of time (`three months`).
    Duration,
    /// date: a recurring time (`every Monday`, `annually`).
    Set,
    /// entity: a person.
    Person,
    /// entity: a company, agency, party, institution.
    Organization,
    /// entity: a country, city, region or other place.
    Location,
    /// entity: other names (events, products, nationalities).
    Misc,
    /// quote: a whole direct quotation with a speaker.
    Direct,
    /// quote: a quoted fragment inside reported speech.
    Partial,
    /// quote: scare quotes, titles and names in quotes; never a statement, never a speaker.
    Scare,
}

impl Subtype {
    /// Lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Subtype::Money => "money",
            Subtype::Percent => "percent",
            Subtype::Quantity => "quantity",
            Subtype::Count => "count",
            Subtype::Ordinal => "ordinal",
            Subtype::Range => "range",
            Subtype::Date => "date",
            Subtype::Time => "time",
            Subtype::Duration => "duration",
            Subtype::Set => "set",
            Subtype::Person => "person",
            Subtype::Organization => "organization",
            Subtype::Location => "location",
            Subtype::Misc => "misc",
            Subtype::Direct => "direct",
            Subtype::Partial => "partial",
            Subtype::Scare => "scare",
        }
    }
}

impl fmt::Display for Subtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a figure or date relates to the stated value ("more than 100", "by 2030").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// more than, over, above, exceeding.
    Gt,
    /// at least, no fewer than.
    Ge,
    /// less than, fewer than, under, below.
    Lt,
    /// up to, at most, no more than.
    Le,
    /// about, around, nearly, almost, roughly, some.
    Approx,
    /// a deadline: by 2030.
    By,
    /// before a time.
    Before,
    /// after a time.
    After,
    /// since a time.
    Since,
    /// until a time.
    Until,
}

impl Qualifier {
    /// Lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Gt => "gt",
            Qualifier::Ge => "ge",
            Qualifier::Lt => "lt",
            Qualifier::Le => "le",
            Qualifier::Approx => "approx",
            Qualifier::By => "by",
            Qualifier::Before => "before",
            Qualifier::After => "after",
            Qualifier::Since => "since",
            Qualifier::Until => "until",
        }
    }
}

/// One claim found in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Figure, date, entity or quote.
    pub kind: ClaimKind,
    /// The finer type.
    pub subtype: Subtype,
    /// Where the claim's text is in the article (UTF-8 bytes, half-open).
    pub span: Span,
    /// The normalized value: an exact decimal string for figures (`500000000000`), a TIMEX3 value for dates
    /// (`2024-03`, `P3M`), the canonical name for entities; `None` where there is none.
    pub value: Option<String>,
    /// The high end of a range figure.
    pub value_high: Option<String>,
    /// Unit: ISO 4217 code, `%`, `pp`, a measure (`km`), or the counted noun.
    pub unit: Option<String>,
    /// What a rate is counted per (`week` in `£350m a week`, `share` in `$5 a share`); the unit stays
    /// the currency or measure.
    pub per: Option<String>,
    /// Comparison or deadline qualifier.
    pub qualifier: Option<Qualifier>,
    /// Who said it (quotes): the canonical name of the speaker.
    pub speaker: Option<String>,
    /// The id of the rule that produced it, such as `figure.money.symbol_scale`.
    pub rule: &'static str,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
}

impl Claim {
    /// A claim with only kind, subtype, span and rule set.
    pub fn new(kind: ClaimKind, subtype: Subtype, span: Span, rule: &'static str) -> Claim {
        Claim {
            kind,
            subtype,
            span,
            value: None,
            value_high: None,
            unit: None,
            per: None,
            qualifier: None,
            speaker: None,
            rule,
            confidence: 0.9,
        }
    }

    /// The claim's text in `article`.
    pub fn text<'t>(&self, article: &'t str) -> &'t str {
        &article[self.span]
    }
}
