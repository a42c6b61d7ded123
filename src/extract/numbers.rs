//! Numbers as fact-checkers need them: exact decimals (no float noise), digits with separators, scale
//! words and number words (`twenty-one`, `a dozen`, `two-thirds`, `1.5 million`). Shared by the figure
//! and date extractors.

use std::fmt;
use std::sync::OnceLock;

/// An exact decimal: `mantissa / 10^scale`. Values beyond ±1.7e38 are out of range and never built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Decimal places kept when a division does not terminate (`a third`).
const MAX_SCALE: u32 = 10;

impl Decimal {
    /// An integer.
    pub fn int(n: i128) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// Parses digits with optional thousands separators (`,` or a thin/no-break space between groups of
    /// three) and a decimal point: `1,234.5`, `.25`, `0.3`. `None` for anything else.
    pub fn parse(s: &str) -> Option<Decimal> {
        let (neg, s) = match s.strip_prefix(['-', '−']) {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int_part, frac_part) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let mut mantissa: i128 = 0;
        let mut digits = 0;
        for c in int_part.chars() {
            match c {
                '0'..='9' => {
                    mantissa = mantissa
                        .checked_mul(10)?
                        .checked_add(c as i128 - '0' as i128)?;
                    digits += 1;
                }
                ',' | '\u{202f}' | '\u{a0}' | '\u{2009}' => {}
                _ => return None,
            }
        }
        let mut scale = 0;
        for c in frac_part.chars() {
            let d = c.to_digit(10)? as i128;
            mantissa = mantissa.checked_mul(10)?.checked_add(d)?;
            scale += 1;
            digits += 1;
        }
        if digits == 0 || scale > 30 {
            return None;
        }
        let d = Decimal {
            mantissa: if neg { -mantissa } else { mantissa },
            scale,
        };
        Some(d.normalized())
    }

    /// Drops trailing zero decimals.
    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// The product, `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mut d = Decimal {
            mantissa: self.mantissa.checked_mul(other.mantissa)?,
            scale: self.scale + other.scale,
        }
        .normalized();
        while d.scale > MAX_SCALE {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        Some(d.normalized())
    }

    /// The sum, `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale,
            }
            .normalized(),
        )
    }

    /// `self / divisor` rounded to ten decimal places, `None` for a zero divisor or overflow.
    pub fn div_int(self, divisor: i128) -> Option<Decimal> {
        if divisor == 0 {
            return None;
        }
        let extra = MAX_SCALE.saturating_sub(self.scale);
        let m = self.mantissa.checked_mul(10i128.checked_pow(extra)?)?;
        let q = m / divisor;
        let r = m % divisor;
        let q = if r.abs() * 2 >= divisor.abs() {
            q + m.signum() * divisor.signum()
        } else {
            q
        };
        Some(
            Decimal {
                mantissa: q,
                scale: self.scale + extra,
            }
            .normalized(),
        )
    }

    /// `self × 10^exp` (`exp` may be negative), `None` on overflow or beyond the kept decimal places.
    pub fn times_pow10(self, exp: i32) -> Option<Decimal> {
        if exp >= 0 {
            return self.checked_mul(Decimal {
                mantissa: 10i128.checked_pow(exp as u32)?,
                scale: 0,
            });
        }
        let scale = self.scale.checked_add(exp.unsigned_abs())?;
        (scale <= MAX_SCALE).then(|| {
            Decimal {
                mantissa: self.mantissa,
                scale,
            }
            .normalized()
        })
    }

    /// `self^n` for a small integer `n` (negative: the reciprocal), rounded to the kept decimal places;
    /// `None` on overflow or for zero to a negative power.
    pub fn checked_powi(self, n: i32) -> Option<Decimal> {
        let mut p = Decimal::int(1);
        for _ in 0..n.unsigned_abs().min(100) {
            p = p.checked_mul(self)?;
        }
        if n >= 0 {
            return Some(p);
        }
        // 1 / (m × 10^-s) = 10^s / m.
        Decimal::int(10i128.checked_pow(p.scale)?).div_int(p.mantissa)
    }

    /// `10^exp`.
    pub fn pow10(exp: u32) -> Decimal {
        Decimal {
            mantissa: 10i128.pow(exp),
            scale: 0,
        }
    }

    /// True for a whole number.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// The integer value when whole and within `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// A float approximation (for range filters, never for output).
    pub fn to_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if digits.len() > scale {
            let (i, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{i}.{frac}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

/// The multiplier of a scale word or abbreviation (`million`, `bn`, `k`), case-insensitive.
pub fn scale_word(w: &str) -> Option<Decimal> {
    // Compounds multiply: a lakh crore is 10^5 x 10^7, a thousand crore 10^3 x 10^7.
    let mut parts = w.split_whitespace();
    if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) {
        return scale_word(a)?.checked_mul(scale_word(b)?);
    }
    let w = w.to_ascii_lowercase();
    let exp = match w.trim_end_matches('.') {
        "hundred" => 2,
        "thousand" | "k" | "thousands" => 3,
        "million" | "m" | "mn" | "mln" | "mil" | "millions" | "mio" => 6,
        "billion" | "bn" | "b" | "bln" | "billions" => 9,
        "trillion" | "tn" | "trn" | "tln" | "trillions" => 12,
        "lakh" => 5,
        "crore" | "crores" => 7,
        "mm" => 6,
        "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => return Some(Decimal::int(12)),
        _ => return None,
    };
    Some(Decimal::pow10(exp))
}

fn small_word(w: &str) -> Option<i128> {
    Some(match w {
        "zero" | "nil" | "naught" | "nought" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<i128> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Ordinal words to their number (`first` = 1, `twenty-first` handled by the parser).
pub fn ordinal_word(w: &str) -> Option<i128> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        _ => return None,
    })
}

/// Denominators of fraction words (`third` = 3, `quarters` = 4): the ordinals from third to tenth, plus
/// half and quarter.
fn fraction_word(w: &str) -> Option<i128> {
    match w.trim_end_matches('s') {
        "half" | "halve" => Some(2),
        "quarter" => Some(4),
        w => ordinal_word(w).filter(|n| (3..=10).contains(n)),
    }
}

/// Words before a number that name a thing rather than count it ("Boeing 737", "Windows 11",
/// "Fahrenheit 9/11") are recognized by their capital; these capitalized words are ordinary sentence
/// words instead, the function words that open a sentence before a number ("When 300 workers", "After
/// 9/11").
pub const CAPITAL_OK: &[&str] = &[
    "Boeing 737",
    "Windows 11",
    "The",
    "About",
    "Over",
    "Nearly",
    "Some",
    "Only",
    "Almost",
    "Around",
    "More",
    "Fewer",
    "Less",
    "At",
    "Up",
    "To",
    "And",
    "Or",
    "With",
    "By",
    "For",
    "In",
    "Of",
    "On",
    "All",
    "Those",
    "These",
    "Just",
    "Roughly",
    "Approximately",
    "Exactly",
    "Another",
    "Between",
    "From",
    "Than",
    "Under",
    "Below",
    "Above",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "We",
    "They",
    "He",
    "She",
    "It",
    "I",
    "Top",
    "Total",
    "Least",
    "Most",
    "Estimated",
    "An",
    "A",
    "As",
    "Since",
    "After",
    "Before",
    "Until",
    "Within",
    "Per",
    "Each",
    "Every",
    "Plus",
    "Minus",
    "Both",
    "First",
    "Last",
    "Next",
    "Even",
    "Still",
    "Yet",
    "Already",
    "Following",
    "Post",
    "Pre",
    "During",
    "Like",
    "But",
    "When",
    "Then",
];

/// The regex alternation of every word the number-word parser knows, for building patterns.
pub const NUMBER_WORDS: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|\
fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|\
hundred|thousand|million|billion|trillion|dozen|naught|nought";

/// True when `w` is one of [`NUMBER_WORDS`] (`Seven`, `HUNDRED`), in any ASCII case. Asked of many
/// capitalized words, so the list is split once and words of a length none has are turned away first.
pub fn is_number_word(w: &str) -> bool {
    static WORDS: OnceLock<(std::ops::RangeInclusive<usize>, Vec<&'static str>)> = OnceLock::new();
    let (lengths, words) = WORDS.get_or_init(|| {
        let words: Vec<&str> = NUMBER_WORDS.split('|').collect();
        let shortest = words.iter().map(|w| w.len()).min().unwrap_or(0);
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        (shortest..=longest, words)
    });
    lengths.contains(&w.len()) && words.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// What a run of number words means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordNumber {
    /// The value.
    pub value: Decimal,
    /// True for an ordinal (`twenty-first`).
    pub ordinal: bool,
}

/// Parses English number words: `twenty-one`, `one hundred and five`, `three thousand`, `a dozen`, `two
/// dozen`, `a million`, `half`, `a third`, `two-thirds`, `three quarters`, `twenty-first`. The whole input
/// must be the number (words separated by spaces or hyphens; a leading `a`/`an` means one).
pub fn parse_words(s: &str) -> Option<WordNumber> {
    let lower = s.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    // "minus one", "negative five".
    if matches!(words[0], "minus" | "negative") {
        let rest = parse_words(&words[1..].join(" "))?;
        let value = rest.value.checked_mul(Decimal::int(-1))?;
        return Some(WordNumber { value, ..rest });
    }
    // "two hundred point zero three": digits after "point" are decimals.
    if let Some(p) = words.iter().position(|w| *w == "point") {
        let whole = parse_words(&words[..p].join(" "))?;
        let mut frac = String::new();
        for w in &words[p + 1..] {
            frac.push_str(&small_word(w).filter(|d| *d < 10)?.to_string());
        }
        if frac.is_empty() || !whole.value.is_integer() {
            return None;
        }
        return Some(WordNumber {
            value: Decimal::parse(&format!("{}.{frac}", whole.value))?,
            ordinal: false,
        });
    }
    // "half a million", "a quarter million", "three quarters billion".
    if let Some(&last) = words.last() {
        if matches!(
            last,
            "thousand" | "million" | "billion" | "trillion" | "dozen"
        ) && words.len() >= 2
        {
            let mut head = &words[..words.len() - 1];
            if head.last() == Some(&"a") && head.len() >= 2 {
                head = &head[..head.len() - 1];
            }
            // "two and a half million" is scaled whole; "one billion and a half million" (a number with a
            // scale of its own before the fraction) is read below.
            let own_scale = head.iter().any(|w| scale_word(w).is_some());
            if head.last().is_some_and(|w| fraction_word(w).is_some()) && !own_scale {
                let joined = head.join(" ");
                let frac = parse_words(&joined).or_else(|| parse_words(&format!("a {joined}")))?;
                return Some(WordNumber {
                    value: frac.value.checked_mul(scale_word(last)?)?,
                    ordinal: false,
                });
            }
        }
    }
    // "three and one fourth", "twenty and three fifths": a whole number and a fraction; "one billion and a
    // half million": a whole number and a scaled fraction.
    if let Some(p) = words.iter().rposition(|w| *w == "and") {
        let scaled_fraction = p > 0
            && words.len() >= p + 3
            && scale_word(words[words.len() - 1]).is_some()
            && fraction_word(words[words.len() - 2]).is_some()
            && words[..p].iter().any(|w| scale_word(w).is_some());
        if scaled_fraction {
            let a = parse_words(&words[..p].join(" "))?;
            let b = parse_words(&words[p + 1..].join(" "))?;
            if a.ordinal || !a.value.is_integer() {
                return None;
            }
            return Some(WordNumber {
                value: a.value.checked_add(b.value)?,
                ordinal: false,
            });
        }
        if p > 0 && p + 1 < words.len() && words.last().is_some_and(|w| fraction_word(w).is_some())
        {
            if let (Some(a), Some(b)) = (
                parse_words(&words[..p].join(" ")),
                parse_words(&words[p + 1..].join(" ")),
            ) {
                if !b.value.is_integer() && !a.ordinal {
                    // "one million and a half" is a million and a half million.
                    let frac = match scale_word(words[p - 1]) {
                        Some(scale) if words[p - 1] != "hundred" => b.value.checked_mul(scale)?,
                        _ => b.value,
                    };
                    return Some(WordNumber {
                        value: a.value.checked_add(frac)?,
                        ordinal: false,
                    });
                }
            }
        }
    }
    if words.len() > 1 && words[0] == "a" && words[1] == "half" {
        words.remove(0);
    }
    // Fractions: "half", "a half", "a third", "two-thirds", "three quarters", "one and a half" is left out.
    if let Some(&last) = words.last() {
        if let Some(den) = fraction_word(last) {
            let head = &words[..words.len() - 1];
            // A plural denominator takes any whole numerator ("twenty-three fifths"); a singular one
            // takes one, a or an ("one fifth"), or a small number ("three quarter" is rare but read).
            let num = match head {
                [] if last == "half" => Some(1),
                [] => None,
                ["a" | "an" | "one"] => Some(1),
                [w] => small_word(w),
                _ if last.ends_with('s') => parse_words(&head.join(" "))
                    .filter(|n| !n.ordinal && n.value.is_integer())
                    .and_then(|n| n.value.as_i64())
                    .map(i128::from),
                _ => None,
            };
            if let Some(num) = num {
                return Some(WordNumber {
                    value: Decimal::int(num).div_int(den)?,
                    ordinal: false,
                });
            }
            // Otherwise an ordinal ("twenty-fifth") or nothing: read on.
        }
    }
    let mut total = Decimal::int(0);
    let mut group: i128 = 0;
    let mut seen_number = false;
    let mut ordinal = false;
    let mut pending_a = false;
    for (i, &w) in words.iter().enumerate() {
        if ordinal {
            return None; // nothing may follow an ordinal word
        }
        match w {
            "a" | "an" if i == 0 => {
                pending_a = true;
                continue;
            }
            "and" if seen_number => continue,
            _ => {}
        }
        // Digits mixed with scale words: "3 hundred and 21", "4 thousand 3 hundred".
        if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
            let n: i128 = w.parse().ok()?;
            if pending_a || group % 100 != 0 || (group != 0 && n >= 100) {
                return None;
            }
            group += n;
            seen_number = true;
            continue;
        }
        if let Some(n) = small_word(w).or_else(|| tens_word(w)) {
            if pending_a {
                return None;
            }
            // "twenty one" adds; "one two" is not a number.
            if group % 100 != 0 && !(group % 100 >= 20 && group % 10 == 0 && n < 10) {
                return None;
            }
            group += n;
            seen_number = true;
            continue;
        }
        if let Some(n) = ordinal_word(w) {
            if pending_a || (seen_number && group % 10 != 0 && n < 100) {
                return None;
            }
            if n >= 100 {
                group = group.max(1) * n;
            } else {
                group += n;
            }
            ordinal = true;
            seen_number = true;
            continue;
        }
        let mult: i128 = match w {
            "hundred" => 100,
            "dozen" => 12,
            "thousand" => 1_000,
            "million" => 1_000_000,
            "billion" => 1_000_000_000,
            "trillion" => 1_000_000_000_000,
            _ => return None,
        };
        if pending_a {
            group = 1;
            pending_a = false;
        }
        if group == 0 && !seen_number {
            return None;
        }
        if mult == 100 || mult == 12 {
            group = group.checked_mul(mult)?;
        } else {
            total = total.checked_add(Decimal::int(group.checked_mul(mult)?))?;
            group = 0;
        }
        seen_number = true;
    }
    if !seen_number || pending_a {
        return None;
    }
    Some(WordNumber {
        value: total.checked_add(Decimal::int(group))?,
        ordinal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_and_print_exactly() {
        for (input, want) in [
            ("1,234.5", "1234.5"),
            ("0.3", "0.3"),
            (".25", "0.25"),
            ("500", "500"),
            ("3.40", "3.4"),
            ("-3200000", "-3200000"),
            ("1,000,000", "1000000"),
        ] {
            assert_eq!(
                Decimal::parse(input).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{input}"
            );
        }
        for bad in ["", ".", "1.2.3", "abc", "1e5"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn number_words_in_any_case() {
        for w in ["one", "Seven", "SEVENTEEN", "hundred", "Trillion", "nought"] {
            assert!(is_number_word(w), "{w}");
        }
        for w in [
            "",
            "on",
            "ones",
            "seventeens",
            "hundreds",
            "first",
            "a",
            "Sevens",
            "tenth",
        ] {
            assert!(!is_number_word(w), "{w}");
        }
    }

    #[test]
    fn scaling_is_exact() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(
            d("1.2")
                .checked_mul(scale_word("m").unwrap())
                .unwrap()
                .to_string(),
            "1200000"
        );
        assert_eq!(
            d("500")
                .checked_mul(scale_word("billion").unwrap())
                .unwrap()
                .to_string(),
            "500000000000"
        );
        assert_eq!(
            d("48.2")
                .checked_mul(scale_word("million").unwrap())
                .unwrap()
                .to_string(),
            "48200000"
        );
        assert_eq!(d("0.1").checked_add(d("0.2")).unwrap().to_string(), "0.3");
        assert_eq!(
            Decimal::int(1).div_int(3).unwrap().to_string(),
            "0.3333333333"
        );
        assert_eq!(
            Decimal::int(2).div_int(3).unwrap().to_string(),
            "0.6666666667"
        );
        assert_eq!(Decimal::int(-4).div_int(5).unwrap().to_string(), "-0.8");
    }

    #[test]
    fn number_words() {
        let v = |s: &str| parse_words(s).map(|w| (w.value.to_string(), w.ordinal));
        for (input, want, ord) in [
            ("ten", "10", false),
            ("twenty-one", "21", false),
            ("twenty one", "21", false),
            ("one hundred and five", "105", false),
            ("three thousand", "3000", false),
            ("a dozen", "12", false),
            ("two dozen", "24", false),
            ("a million", "1000000", false),
            ("half", "0.5", false),
            ("a third", "0.3333333333", false),
            ("two-thirds", "0.6666666667", false),
            ("three quarters", "0.75", false),
            ("twenty-first", "21", true),
            ("forty second", "42", true),
            ("minus one", "-1", false),
            ("negative five hundred and four", "-504", false),
            ("two hundred point zero three", "200.03", false),
            ("half a million", "500000", false),
            ("a quarter million", "250000", false),
            ("two and a half million", "2500000", false),
            ("one million and a half", "1500000", false),
            ("one billion and a half million", "1000500000", false),
            ("two billion and a quarter million", "2000250000", false),
            ("3 hundred and 21", "321", false),
            ("4 thousand 3 hundred and 21", "4321", false),
            ("three and one fourth", "3.25", false),
            ("twenty-three fifths", "4.6", false),
            ("twenty-fifth", "25", true),
            ("third", "3", true),
            (
                "one hundred twenty three thousand four hundred fifty six",
                "123456",
                false,
            ),
        ] {
            assert_eq!(v(input), Some((want.to_string(), ord)), "{input}");
        }
        for bad in [
            "a",
            "one two",
            "and",
            "a five",
            "hundred and",
            "nineteen ninety six",
            "3 21",
            "twenty 1",
        ] {
            assert_eq!(v(bad), None, "{bad}");
        }
    }
}
