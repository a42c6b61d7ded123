//! A deterministic generator of news-like articles, for benchmarks and tests that must run on a fresh
//! machine: the same seed always gives the same articles. The articles mix the things claimdex extracts
//! (money, percentages, counts, dates, people, organizations, places, attributed quotes) into wire-style
//! prose, so throughput measured on them is throughput on realistic work.

use serde::Serialize;

/// A small, fast, seedable PRNG (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One item of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Maria", "James", "Aisha", "Kenji", "Elena", "Rahul", "Sofia", "David", "Amara", "Lukas",
    "Priya", "Tomas", "Grace", "Omar", "Hannah", "Diego",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Castillo",
    "Brennan",
    "Mensah",
    "Kowalski",
    "Iyer",
    "Fischer",
    "Duarte",
    "Whitlock",
    "Nakamura",
    "Adeyemi",
];
const ORGS: &[&str] = &[
    "Northwind Energy Corp.",
    "the Harbor Institute",
    "Crestline Bank",
    "Meridian Freight",
    "the Ministry of Finance",
    "Atlas Robotics Inc.",
    "the Central Statistics Office",
    "Bluewater Mining",
    "the Regional Transport Authority",
    "Solace Pharmaceuticals",
];
const PLACES: &[&str] = &[
    "London",
    "Nairobi",
    "Texas",
    "Brazil",
    "Singapore",
    "Ohio",
    "Germany",
    "Chile",
    "Jakarta",
    "Ontario",
    "Lagos",
    "Poland",
];
const ROLES: &[&str] = &[
    "chief executive",
    "finance minister",
    "senior economist",
    "spokeswoman",
    "director",
    "chairman",
    "analyst",
];
const THINGS: &[&str] = &[
    "jobs",
    "homes",
    "data centers",
    "vehicles",
    "schools",
    "turbines",
    "patients",
    "contracts",
    "stores",
    "flights",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const CURRENCIES: &[&str] = &["$", "£", "€"];
const SCALES: &[&str] = &["million", "billion", "m", "bn"];
const VERBS: &[&str] = &["rose", "fell", "climbed", "dropped", "jumped", "slipped"];
const QUALIFIERS: &[&str] = &["more than ", "about ", "nearly ", "up to ", "at least ", ""];
const SAYINGS: &[&str] = &[
    "We expect demand to stay strong for the rest of the year",
    "This is the biggest investment the region has seen in a decade",
    "The numbers are moving in the right direction, but slowly",
    "Nobody should be surprised by these figures",
    "We will not cut jobs to meet the target",
    "Prices have to come down before families feel any relief",
];

/// One generated article.
#[derive(Clone, Debug, Serialize)]
pub struct SynthArticle {
    /// A stable id (`synth-000001`).
    pub id: String,
    /// The headline.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// The article text: headline, blank line, body.
    pub text: String,
}

/// Generates article number `n` of the stream seeded with `seed`, with about `paragraphs` paragraphs.
pub fn article(seed: u64, n: u64, paragraphs: usize) -> SynthArticle {
    let mut r = Rng::new(seed ^ n.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let year = 2015 + r.below(11);
    let month = 1 + r.below(12);
    let day = 1 + r.below(28);
    let place = r.pick(PLACES).to_string();
    let org = r.pick(ORGS).to_string();
    let person = format!("{} {}", r.pick(FIRST), r.pick(LAST));
    let surname = person.split(' ').nth(1).unwrap_or("").to_string();
    let title = format!(
        "{} output {} as {} weighs new plan",
        place,
        r.pick(VERBS),
        org.trim_start_matches("the ")
    );
    let mut body = format!(
        "{}, {} {}, {} (Synth Wire) - ",
        place.to_uppercase(),
        MONTHS[month - 1],
        day,
        year
    );
    for p in 0..paragraphs.max(1) {
        let cur = r.pick(CURRENCIES);
        let amount = 1 + r.below(900);
        let scale = r.pick(SCALES);
        let sep = if scale.len() <= 2 { "" } else { " " };
        let pct = format!("{}.{}", r.below(30), r.below(10));
        let count = (1 + r.below(99)) * 1000;
        let thing = r.pick(THINGS);
        let q = r.pick(QUALIFIERS);
        let m2 = MONTHS[r.below(12)];
        let para = match (p + r.below(3)) % 4 {
            0 => format!(
                "{} said on {} that it would spend {cur}{amount}{sep}{scale} on {q}{count} new {thing} in {place} by {}, after sales {} {pct} per cent in {m2}.",
                capitalize(&org), weekday(&mut r), year + 1 + r.below(5), r.pick(VERBS)
            ),
            1 => format!(
                "\"{}, and we have told our partners so,\" said {}, the company's {}. {} added that the plan had been discussed with officials in {} last month.",
                r.pick(SAYINGS), person, r.pick(ROLES), surname, r.pick(PLACES)
            ),
            2 => format!(
                "According to {}, {q}{}% of {thing} in the country were affected in the second quarter of {}, compared with {}% a year earlier.",
                org, r.below(60), year, r.below(60)
            ),
            _ => format!(
                "The {} of {} has warned that costs could reach between {cur}{} and {cur}{}{sep}{scale} over the next {} years. \"{}.\" {} told reporters.",
                r.pick(ROLES), capitalize(&org), amount, amount + 1 + r.below(500), 2 + r.below(9), r.pick(SAYINGS), surname
            ),
        };
        body.push_str(&para);
        body.push_str("\n\n");
    }
    let text = format!("{title}\n\n{}", body.trim_end());
    SynthArticle {
        id: format!("synth-{n:06}"),
        title,
        published: format!("{year:04}-{month:02}-{day:02}"),
        text,
    }
}

fn weekday(r: &mut Rng) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][r.below(5)]
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Writes `count` articles as JSON Lines to `out`, returning the bytes of article text written.
pub fn write_jsonl(
    out: &mut impl std::io::Write,
    seed: u64,
    count: u64,
    paragraphs: usize,
) -> std::io::Result<u64> {
    let mut text_bytes = 0;
    for n in 0..count {
        let a = article(seed, n, paragraphs);
        text_bytes += a.text.len() as u64;
        serde_json::to_writer(&mut *out, &a)?;
        out.write_all(b"\n")?;
    }
    Ok(text_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        assert_eq!(article(7, 3, 4).text, article(7, 3, 4).text);
        assert_ne!(article(7, 3, 4).text, article(7, 4, 4).text);
        assert_ne!(article(7, 3, 4).text, article(8, 3, 4).text);
        let a = article(1, 0, 6);
        assert!(a.text.len() > 400, "{}", a.text);
    }
}
