//! Match reports: in an article about a game, a country that plays ("Sweden defeated South Korea 1 – 0",
//! "a late goal for Belgium", "Tunisia's goalkeeper") is its national team, an organization, not the place.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

/// Words of sports reporting; an article needs several different ones to count as a match report.
const SPORT_WORDS: &[&str] = &[
    "match",
    "goal",
    "goals",
    "scored",
    "scorer",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "penalty",
    "referee",
    "half-time",
    "halftime",
    "injury time",
    "stoppage time",
    "extra time",
    "equaliser",
    "equalizer",
    "kick-off",
    "free kick",
    "corner kick",
    "yellow card",
    "red card",
    "hat-trick",
    "offside",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "touchdown",
    "quarterback",
    "tournament",
    "semi-final",
    "semifinal",
    "quarter-final",
    "World Cup",
    "coach",
    "squad",
    "fixture",
    "playoff",
    "play-off",
    "substituted",
    "substitute",
];

/// How many different sports words make a match report (with a score).
const MIN_SPORT_WORDS: usize = 3;

fn sport_words() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(SPORT_WORDS)
            .expect("sport words compile")
    })
}

/// A result: a score after a result word ("defeated Panama 3 – 0", "lost 1-2 to England") or between two
/// names ("Sweden 1 – 0 Korea Republic").
fn score() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?-u:\b)(?:beat|beats|beaten|defeated|defeats|lost|loses|losing|won|wins|winning|drew|draws|thrashed|edged|victory|defeat|draw|win|leading|trailing)\s+(?:[\w’'-]+\s+){0,3}?[0-9]{1,2}\s?[-–—]\s?[0-9]{1,2}(?-u:\b)|\p{Lu}\p{Ll}+ [0-9]{1,2}\s?[-–—]\s?[0-9]{1,2} \p{Lu}",
        )
        .expect("score regex compiles")
    })
}

/// Whether `text` reports a game: several different sports words and at least one result.
pub fn is_match_report(text: &str) -> bool {
    let mut seen = [false; SPORT_WORDS.len()];
    let bytes = text.as_bytes();
    let word_edge = |i: usize| bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
    for m in sport_words().find_iter(text) {
        let before_ok = m.start() == 0 || word_edge(m.start() - 1);
        if before_ok && word_edge(m.end()) {
            seen[m.pattern().as_usize()] = true;
        }
    }
    seen.iter().filter(|s| **s).count() >= MIN_SPORT_WORDS && score().is_match(text)
}

#[cfg(test)]
mod tests {
    use super::is_match_report;

    #[test]
    fn match_reports_need_sports_words_and_a_result() {
        let cases = [
            (
                "Norway defeated Chile 2 – 1 in the group match. The striker scored a penalty after the \
                 referee consulted the video.",
                true,
            ),
            (
                "Group B — Norway 2-1 Chile. The goalkeeper saved a penalty and the coach praised the squad.",
                true,
            ),
            // Sports words without a result.
            ("The coach said the squad would arrive for the match on Friday.", false),
            // A result-like number pair without sports words.
            ("Shares in the group won 2-3 points as the index beat forecasts.", false),
            ("The committee voted 7-2 to approve the budget after a long match of wills.", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_match_report(text), want, "{text}");
        }
    }
}
