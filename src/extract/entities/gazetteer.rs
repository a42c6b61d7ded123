//! The entity vocabularies: place, organization and nationality names, given names, titles and cue words,
//! from `data/entities/`, compiled once into an Aho-Corasick automaton and hash sets.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::claim::Subtype;
use crate::text::sentences::data_lines;

/// Everything the entity extractor looks words up in.
pub struct Gazetteer {
    /// Known names, longest match first, matched anchored where a word starts (see [`Gazetteer::name_at`]).
    names: AhoCorasick,
    /// The first two bytes of every name, as bits of a set indexed by the pair: the only places a name
    /// can be looked up at. A name of one byte sets every pair it starts.
    name_starts: Box<[u64; 1024]>,
    /// The type of each pattern of `names`.
    pub name_types: Vec<Subtype>,
    /// The listed spelling of each pattern of `names` that is a variant of it (`AT and T`, wire copy's
    /// `Standard and Poor's`, for `AT&T` and `Standard & Poor's`).
    pub name_canonical: Vec<Option<&'static str>>,
    /// Known names by text, for whole-run lookups.
    pub by_name: HashMap<&'static str, Subtype>,
    /// Known names written with a capital inside a word ("PepsiCo", "WorldCom"), by their
    /// [`entity_key`](super::entity_key): text often writes them "Pepsico" or "Worldcom".
    pub by_folded: HashMap<String, Subtype>,
    /// Given names ("Sam", "Priya").
    pub given: HashSet<&'static str>,
    /// Surnames ("Gonzalez", "Merkel"): a lone one is a person.
    pub surnames: HashSet<&'static str>,
    /// Titles before names ("Prime Minister", "Dr.").
    pub titles: HashSet<&'static str>,
    /// First words of the titles, without a final full stop ("Prime", "Dr").
    pub title_starts: HashSet<&'static str>,
    /// Head words that type the name they end ("Corp" -> organization).
    pub cues: HashMap<&'static str, Subtype>,
    /// Country names ("Sweden", "South Korea"): the places that field national teams.
    pub countries: HashSet<&'static str>,
    /// Everyday English words, lower case ("creative", "circle").
    pub common: HashSet<&'static str>,
    /// States and provinces by their abbreviation without its last period (`Calif`, `N.Y`, `TX`): the
    /// full name.
    pub region_abbreviations: HashMap<&'static str, &'static str>,
}

impl Gazetteer {
    /// Whether a known name can start with the first two bytes of `rest`.
    pub fn may_start_name(&self, rest: &[u8]) -> bool {
        let Some(&first) = rest.first() else {
            return false;
        };
        let pair = usize::from(first) << 8 | usize::from(rest.get(1).copied().unwrap_or(0));
        self.name_starts[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// The longest known name starting at `at` in `hay`: its end and pattern number (for `name_types`
    /// and `name_canonical`).
    pub fn name_at(&self, hay: &str, at: usize) -> Option<(usize, usize)> {
        let m = self
            .names
            .find(Input::new(hay).range(at..).anchored(Anchored::Yes))?;
        Some((m.end(), m.pattern().as_usize()))
    }

    /// Whether a capitalized word of a name is an everyday word ("Creative", "Circle") and not also a
    /// known given name or surname ("Rose", "Brown").
    pub fn is_common_word(&self, word: &str) -> bool {
        if !word.is_ascii() || self.given.contains(word) || self.surnames.contains(word) {
            return false;
        }
        // Lower-cased on the stack: no word of the list is longer than 32 letters.
        let mut buf = [0u8; 32];
        let Some(lower) = buf.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.common.contains(w))
    }
}

fn load_names(src: &'static str, subtype: Subtype, into: &mut Vec<(&'static str, Subtype)>) {
    into.extend(data_lines(src).map(|l| (l, subtype)));
}

/// The shared gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut entries = Vec::new();
        load_names(
            include_str!("../../../data/entities/countries.txt"),
            Subtype::Location,
            &mut entries,
        );
        load_names(
            include_str!("../../../data/entities/cities.txt"),
            Subtype::Location,
            &mut entries,
        );
        load_names(
            include_str!("../../../data/entities/regions.txt"),
            Subtype::Location,
            &mut entries,
        );
        load_names(
            include_str!("../../../data/entities/organizations.txt"),
            Subtype::Organization,
            &mut entries,
        );
        load_names(
            include_str!("../../../data/entities/companies.txt"),
            Subtype::Organization,
            &mut entries,
        );
        load_names(
            include_str!("../../../data/entities/demonyms.txt"),
            Subtype::Misc,
            &mut entries,
        );
        // First listing wins when a name is in two files (Georgia: country before state).
        let mut by_name = HashMap::new();
        let mut patterns = Vec::new();
        let mut name_types = Vec::new();
        let mut name_canonical = Vec::new();
        for (name, subtype) in entries {
            if by_name.contains_key(name) {
                continue;
            }
            by_name.insert(name, subtype);
            patterns.push(name);
            name_types.push(subtype);
            name_canonical.push(None);
            // Wire copy spells the ampersand out: "Procter and Gamble", "AT and T". The variants are
            // made once per process.
            if name.contains('&') {
                let spelled: &'static str = Box::leak(
                    name.split('&')
                        .map(str::trim)
                        .collect::<Vec<_>>()
                        .join(" and ")
                        .into_boxed_str(),
                );
                if !by_name.contains_key(spelled) {
                    by_name.insert(spelled, subtype);
                    patterns.push(spelled);
                    name_types.push(subtype);
                    name_canonical.push(Some(name));
                }
            }
        }
        let by_folded = by_name
            .iter()
            .filter(|(name, _)| {
                name.split(' ')
                    .any(|w| w.chars().skip(1).any(char::is_uppercase) && !super::is_all_caps(w))
            })
            .map(|(name, t)| (super::entity_key(name), *t))
            .collect();
        // Anchored only: names are looked up where a word starts, a small share of a text's bytes,
        // instead of running the automaton over every byte.
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("gazetteer automaton builds");
        let mut name_starts = Box::new([0u64; 1024]);
        for p in &patterns {
            let (first, second) = match p.as_bytes() {
                [] => continue,
                &[first] => (usize::from(first), 0..256),
                &[first, second, ..] => (
                    usize::from(first),
                    usize::from(second)..usize::from(second) + 1,
                ),
            };
            for pair in second.map(|b| first << 8 | b) {
                name_starts[pair / 64] |= 1 << (pair % 64);
            }
        }
        let given = data_lines(include_str!("../../../data/entities/given_names.txt")).collect();
        let surnames = data_lines(include_str!("../../../data/entities/surnames.txt")).collect();
        let titles: HashSet<&'static str> =
            data_lines(include_str!("../../../data/entities/titles.txt"))
                .filter_map(|l| l.split_once(' ').map(|(_, t)| t))
                .collect();
        let title_starts = titles
            .iter()
            .filter_map(|t| t.split(' ').next())
            .map(|w| w.trim_end_matches('.'))
            .collect();
        let cues = data_lines(include_str!("../../../data/entities/cue_words.txt"))
            .filter_map(|l| {
                let (kind, word) = l.split_once(' ')?;
                let subtype = match kind {
                    "organization" => Subtype::Organization,
                    "location" => Subtype::Location,
                    _ => Subtype::Misc,
                };
                Some((word, subtype))
            })
            .collect();
        let countries = data_lines(include_str!("../../../data/entities/countries.txt")).collect();
        let common = data_lines(include_str!("../../../data/entities/common_words.txt")).collect();
        let region_abbreviations = data_lines(include_str!(
            "../../../data/entities/region_abbreviations.txt"
        ))
        .filter_map(|l| {
            let (abbreviation, full) = l.split_once(' ')?;
            Some((abbreviation.trim_end_matches('.'), full))
        })
        .collect();
        Gazetteer {
            countries,
            common,
            region_abbreviations,
            names,
            name_starts,
            name_types,
            name_canonical,
            by_name,
            by_folded,
            given,
            surnames,
            titles,
            title_starts,
            cues,
        }
    })
}
