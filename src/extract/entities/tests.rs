//! Table-driven entity cases: (text, expected [(span text, subtype, canonical value)]) — negatives included.

use super::*;
use crate::document::{Document, Metadata, Provenance};
use crate::extract::dates::DateExtractor;
use crate::extract::figures::FigureExtractor;

fn run(text: &str) -> Vec<(String, Subtype, String)> {
    let doc = Document::new(text.to_string(), Provenance::default(), Metadata::default());
    let analyzed = Analyzed::new(&doc);
    // The stages before entities, as the pipeline runs them.
    let mut found = Vec::new();
    DateExtractor::new().extract(&analyzed, &[], &mut found);
    let mut figures = Vec::new();
    FigureExtractor::new().extract(&analyzed, &found, &mut figures);
    found.extend(figures);
    let mut out = Vec::new();
    EntityExtractor::new().extract(&analyzed, &found, &mut out);
    out.into_iter()
        .map(|c| {
            (
                text[c.span].to_string(),
                c.subtype,
                c.value.unwrap_or_default(),
            )
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($span:expr, $sub:ident, $value:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, Subtype, String)> =
                vec![$(($span.to_string(), Subtype::$sub, $value.to_string())),*];
            assert_eq!(run($text), want, "{:?}", $text);
        }
    };
}

t!(
    person_with_particles,
    "The plan was backed by Ursula von der Leyen on Monday.",
    [("Ursula von der Leyen", Person, "Ursula von der Leyen")]
);
t!(
    hyphenated_name,
    "The study by Pierre-Carl Langlais was cited.",
    [("Pierre-Carl Langlais", Person, "Pierre-Carl Langlais")]
);
t!(
    ampersand_company,
    "Shares of Procter & Gamble rose.",
    [("Procter & Gamble", Organization, "Procter & Gamble")]
);
t!(
    diacritics,
    "Aid came from Médecins Sans Frontières and others.",
    [(
        "Médecins Sans Frontières",
        Organization,
        "Médecins Sans Frontières"
    )]
);
t!(
    possessive_outside_span,
    "OpenAI’s chief, Sam Altman, spoke. Later Altman left.",
    [
        ("OpenAI", Organization, "OpenAI"),
        ("Sam Altman", Person, "Sam Altman"),
        ("Altman", Person, "Sam Altman")
    ]
);
t!(
    title_is_cut_and_types_person,
    "President Joe Biden met Prime Minister Keir Starmer.",
    [
        ("Joe Biden", Person, "Joe Biden"),
        ("Keir Starmer", Person, "Keir Starmer")
    ]
);
t!(
    lower_title,
    "The company's chief executive, Priya Raman, rejected it.",
    [("Priya Raman", Person, "Priya Raman")]
);
t!(
    org_cue,
    "Nova Semiconductor Corp. will build a plant.",
    [(
        "Nova Semiconductor Corp.",
        Organization,
        "Nova Semiconductor Corp."
    )]
);
t!(
    org_of,
    "The Bank of England and the University of Oxford agreed.",
    [
        ("Bank of England", Organization, "Bank of England"),
        ("University of Oxford", Organization, "University of Oxford")
    ]
);
t!(
    location_cue_and_gazetteer,
    "Floods hit Rio Grande do Sul and Kenya.",
    [
        ("Rio Grande do Sul", Location, "Rio Grande do Sul"),
        ("Kenya", Location, "Kenya")
    ]
);
t!(
    based_suffix,
    "A Denver-based group said so.",
    [("Denver", Location, "Denver")]
);
t!(
    dateline_all_caps,
    "BRUSSELS — The commission met.",
    [("BRUSSELS", Location, "BRUSSELS")]
);
t!(
    dateline_after_a_headline_is_its_own_place_and_the_story_starts_after_the_dash,
    "COCOA CROP REVIEW\n\nSALVADOR, Feb 26 - Showers continued through the week.",
    [("SALVADOR", Location, "SALVADOR")]
);
t!(
    storms_and_craft_are_misc,
    "The crew watched as Hurricane Katrina neared, long after Space Shuttle Columbia flew.",
    [
        ("Hurricane Katrina", Misc, "Hurricane Katrina"),
        ("Space Shuttle Columbia", Misc, "Space Shuttle Columbia")
    ]
);
t!(
    regions_of_known_places_are_locations,
    "Mining grew in Western Australia and South East Asia.",
    [
        ("Western Australia", Location, "Western Australia"),
        ("South East Asia", Location, "South East Asia")
    ]
);
t!(
    romanized_hyphenated_given_names_are_people,
    "Lawmakers including Lau Siu-lai and Shiu Ka-chun objected.",
    [
        ("Lau Siu-lai", Person, "Lau Siu-lai"),
        ("Shiu Ka-chun", Person, "Shiu Ka-chun")
    ]
);
t!(
    demonym_misc,
    "German exports fell.",
    [("German", Misc, "German")]
);
t!(
    sentence_initial_common_word,
    "Funding will come from both sides.",
    []
);
t!(
    months_and_weekdays,
    "On Monday in March the vote failed.",
    []
);
t!(
    acronym_org,
    "Talks at NATO resumed.",
    [("NATO", Organization, "NATO")]
);
t!(
    acronym_defined,
    "The Federal Energy Regulatory Commission (FERC) met. FERC said no.",
    [
        (
            "Federal Energy Regulatory Commission",
            Organization,
            "Federal Energy Regulatory Commission"
        ),
        ("FERC", Organization, "Federal Energy Regulatory Commission"),
        ("FERC", Organization, "Federal Energy Regulatory Commission")
    ]
);
// A name spelled out before its acronym is one name even with small words inside, possessive or not.
t!(
    acronym_spelled_out_with_small_words,
    "Envoys told the Council on Mining and Trade Standards (CMTS) that the plan broke its rules. \
     The Northern Grain Marketing Board's (NGMB) chief agreed, and the CMTS said no to the NGMB.",
    [
        (
            "Council on Mining and Trade Standards",
            Organization,
            "Council on Mining and Trade Standards"
        ),
        (
            "CMTS",
            Organization,
            "Council on Mining and Trade Standards"
        ),
        (
            "Northern Grain Marketing Board",
            Organization,
            "Northern Grain Marketing Board"
        ),
        ("NGMB", Organization, "Northern Grain Marketing Board"),
        (
            "CMTS",
            Organization,
            "Council on Mining and Trade Standards"
        ),
        ("NGMB", Organization, "Northern Grain Marketing Board")
    ]
);
// Wire copy spells a listed name's ampersand out; the mention keeps the listed spelling as its value.
t!(
    ampersand_spelled_out,
    "Shares of Procter and Gamble rose after Johnson and Johnson said so.",
    [
        ("Procter and Gamble", Organization, "Procter & Gamble"),
        ("Johnson and Johnson", Organization, "Johnson & Johnson")
    ]
);
t!(
    acronym_spelled_out_name_elsewhere,
    "Envoys told the Council on Mining and Trade Standards (CMTS) of the plan.\n\nLater the Council \
     on Mining and\nTrade Standards said no.",
    [
        (
            "Council on Mining and Trade Standards",
            Organization,
            "Council on Mining and Trade Standards"
        ),
        ("CMTS", Organization, "Council on Mining and Trade Standards"),
        (
            "Council on Mining and\nTrade Standards",
            Organization,
            "Council on Mining and Trade Standards"
        )
    ]
);
t!(
    headline_capitalization,
    "Utilities Scramble As Power Demand Soars\n\nDemand rose in Texas.",
    [("Texas", Location, "Texas")]
);
t!(
    all_caps_wire_headlines_and_tables_name_nothing,
    "KESTREL FOODS INC <KSF> 2ND QTR NET\n\nSHR 31 CTS VS 28 CTS\nOATS\nMAY7  149 1/4 UP  3/4\n\nKestrel Foods Inc said sales rose.",
    [("Kestrel Foods Inc", Organization, "Kestrel Foods Inc")]
);
t!(
    state_abbreviation_after_a_town_is_the_state,
    "The plant in Fremont, Calif., will close; the clinic in Camden, N.J. stays.",
    [
        ("Fremont", Location, "Fremont"),
        ("Calif", Location, "California"),
        ("Camden", Location, "Camden"),
        ("N.J.", Location, "New Jersey")
    ]
);

#[test]
fn postal_code_after_a_name_is_not_a_state() {
    let found = run("Dana Whitlock, MD, said the clinic will stay open.");
    assert!(found
        .iter()
        .any(|(t, s, _)| t == "Dana Whitlock" && *s == Subtype::Person));
    assert!(
        !found.iter().any(|(_, s, _)| *s == Subtype::Location),
        "{found:?}"
    );
}
t!(
    wire_ticker_resolves_to_its_company_and_exchange_suffix_is_nothing,
    "Talvero Industries Inc <TLVO> bought a stake in Brunmark SA <BRUN.PA> on Monday.",
    [
        (
            "Talvero Industries Inc",
            Organization,
            "Talvero Industries Inc"
        ),
        ("TLVO", Organization, "Talvero Industries Inc"),
        ("Brunmark SA", Organization, "Brunmark SA"),
        ("BRUN", Organization, "Brunmark SA")
    ]
);
t!(
    vocabulary_name_wrapped_over_two_lines,
    "The filing went to the United Arab\nEmirates on Monday.",
    [("United Arab\nEmirates", Location, "United Arab Emirates")]
);
t!(
    org_short_mention,
    "Helios Compute Inc. announced sites. Helios said more would come.",
    [
        ("Helios Compute Inc.", Organization, "Helios Compute Inc."),
        ("Helios", Organization, "Helios Compute Inc.")
    ]
);
t!(
    everyday_words_are_not_a_person,
    "The council gave a grant to Silver Lanterns, a choir that performs at weddings.",
    [("Silver Lanterns", Organization, "Silver Lanterns")]
);
t!(
    unknown_names_are_a_person,
    "The award went to Tafadzwa Mutasa, a nurse from the north.",
    [("Tafadzwa Mutasa", Person, "Tafadzwa Mutasa")]
);
t!(
    everyday_surname_is_still_a_person,
    "The plan was drafted by Zanele Gold, a local engineer.",
    [("Zanele Gold", Person, "Zanele Gold")]
);
t!(
    quoted_sentence_start_is_not_a_name,
    "“Anything can happen,” the coach said. He added: \"Looking ahead, we are ready.\"",
    []
);
t!(
    quoted_name_is_still_a_name,
    "The airline named its jet \"Skylark\" and flew it to Oslo.",
    [
        ("Skylark", Organization, "Skylark"),
        ("Oslo", Location, "Oslo")
    ]
);
t!(
    religions_are_misc,
    "The course compares Islam with Buddhism.",
    [("Islam", Misc, "Islam"), ("Buddhism", Misc, "Buddhism")]
);
t!(
    split_at_inner_title,
    "UN Secretary-General Antonio Guterres urged calm.",
    [
        ("UN", Organization, "UN"),
        ("Antonio Guterres", Person, "Antonio Guterres")
    ]
);

#[test]
fn cross_article_key_ignores_case_and_accents() {
    assert_eq!(entity_key("SoftBank"), entity_key("Softbank"));
    assert_eq!(
        entity_key("Médecins Sans Frontières"),
        entity_key("Medecins Sans Frontieres")
    );
    assert_eq!(entity_key("  Bank  of England "), "bank of england");
}
t!(
    month_as_surname,
    "Prime Minister Theresa May spoke in March.",
    [("Theresa May", Person, "Theresa May")]
);

// Head words of institutions and places; a given name before a head word that is also a surname.
t!(
    institution_and_place_heads,
    "Reporters from Harbor View Magazine met clergy of the Anglican Church near Saratoga Springs.",
    [
        ("Harbor View Magazine", Organization, "Harbor View Magazine"),
        ("Anglican Church", Organization, "Anglican Church"),
        ("Saratoga Springs", Location, "Saratoga Springs")
    ]
);
t!(
    given_name_then_surname_cue,
    "The singer Charlotte Church performed.",
    [("Charlotte Church", Person, "Charlotte Church")]
);
t!(
    lone_surname_is_a_person,
    "The figures were disputed by Gonzalez and by officials in Trento.",
    [
        ("Gonzalez", Person, "Gonzalez"),
        ("Trento", Location, "Trento")
    ]
);
t!(
    name_broken_over_a_line,
    "Talks with the United\nStates resumed.",
    [("United\nStates", Location, "United States")]
);

// Sites: a museum, a memorial or a kind of centre people visit is a place; a centre on its own is a body.
t!(
    sites_are_places,
    "Visitors to the Brandt Science Museum and the Halvorsen Space Center queued, the Marlow Policy Centre said.",
    [
        ("Brandt Science Museum", Location, "Brandt Science Museum"),
        ("Halvorsen Space Center", Location, "Halvorsen Space Center"),
        ("Marlow Policy Centre", Organization, "Marlow Policy Centre"),
    ]
);
t!(
    place_cue_before_of,
    "The exhibit moved to the Museum of Glass last year.",
    [("Museum of Glass", Location, "Museum of Glass")]
);
// Dotted company codes end a company's name ("S.A.", "N.V.").
t!(
    dotted_company_code,
    "Orders went to Lindqvist Maritima S.A. last week.",
    [(
        "Lindqvist Maritima S.A.",
        Organization,
        "Lindqvist Maritima S.A."
    )]
);
// In a match report a country that plays is its national team; where the game is played stays a place.
t!(
    national_teams_in_match_reports,
    "Norway defeated Chile 2 – 1 in Oslo, Norway. The striker scored a penalty after the referee \
     checked, and the coach of Chile praised his goalkeeper.",
    [
        ("Norway", Organization, "Norway"),
        ("Chile", Organization, "Chile"),
        ("Oslo", Location, "Oslo"),
        ("Norway", Location, "Norway"),
        ("Chile", Organization, "Chile"),
    ]
);
t!(
    a_name_before_the_comma_that_is_no_town_does_not_place_the_country,
    "On day two of the Nordic Cup, Norway defeated Chile 2 – 1. The striker scored a penalty after the \
     referee checked, said Lars Eide Berg, Chile coach, of his goalkeeper.",
    [
        ("Nordic Cup", Misc, "Nordic Cup"),
        ("Norway", Organization, "Norway"),
        ("Chile", Organization, "Chile"),
        ("Lars Eide Berg", Person, "Lars Eide Berg"),
        ("Chile", Organization, "Chile"),
    ]
);
t!(
    countries_outside_match_reports_stay_places,
    "Norway and Chile signed a trade deal in Oslo, the coach of the delegation said.",
    [
        ("Norway", Location, "Norway"),
        ("Chile", Location, "Chile"),
        ("Oslo", Location, "Oslo"),
    ]
);
// An unknown name followed by a known place, or after "the town of", is a settlement.
t!(
    settlement_by_context,
    "Floods reached Marrowby, Ohio, and the town of Kestrelholm on Monday.",
    [
        ("Marrowby", Location, "Marrowby"),
        ("Ohio", Location, "Ohio"),
        ("Kestrelholm", Location, "Kestrelholm"),
    ]
);
// Initials before a surname make a person; "-like" is not part of the name.
t!(
    initials_and_like_suffix,
    "Critics compared it to a Brannigan-like farce staged by T.R. Wexley.",
    [
        ("Brannigan", Organization, "Brannigan"),
        ("T.R. Wexley", Person, "T.R. Wexley"),
    ]
);
t!(
    romanized_given_name_of_six_letters,
    "The motion was tabled by Wong Chi-cheung yesterday.",
    [("Wong Chi-cheung", Person, "Wong Chi-cheung")]
);

// What the text says a name is: a kind noun before it, or the head of its description after it; the
// rest of the article keeps that type.
t!(
    kind_noun_before_a_name,
    "Crew left the cargo ship Norrvik in port. Norrvik sails again in May.",
    [("Norrvik", Misc, "Norrvik"), ("Norrvik", Misc, "Norrvik"),]
);
t!(
    kind_noun_before_a_relative_clause_says_nothing,
    "It was the film Zentrix funded last year.",
    [("Zentrix", Organization, "Zentrix")]
);
t!(
    kind_in_a_description,
    "Quillfeather, a software company based in Leeds, hired staff. Later Quillfeather said more.",
    [
        ("Quillfeather", Organization, "Quillfeather"),
        ("Leeds", Location, "Leeds"),
        ("Quillfeather", Organization, "Quillfeather"),
    ]
);
t!(
    copula_description,
    "Dust came back on Tessaract. Tessaract is a NASA space capsule that landed.",
    [
        ("Tessaract", Misc, "Tessaract"),
        ("Tessaract", Misc, "Tessaract"),
        ("NASA", Organization, "NASA")
    ]
);
t!(
    craft_prefix_resolves_the_bare_name,
    "Space Shuttle Meridian landed. Meridian will go to a museum.",
    [
        ("Space Shuttle Meridian", Misc, "Space Shuttle Meridian"),
        ("Meridian", Misc, "Space Shuttle Meridian"),
    ]
);
t!(
    acronym_takes_the_type_of_its_expansion,
    "Staff at the Corvallis Space Center (CSC) cheered; CSC will reopen.",
    [
        ("Corvallis Space Center", Location, "Corvallis Space Center"),
        ("CSC", Location, "Corvallis Space Center"),
        ("CSC", Location, "Corvallis Space Center"),
    ]
);
t!(
    name_modifying_a_noun_is_not_a_product,
    "Visits to the Veltrane homepage rose, and the Oskarsson government fell in the Brunmark region.",
    [
        ("Veltrane", Organization, "Veltrane"),
        ("Oskarsson", Person, "Oskarsson"),
        ("Brunmark", Location, "Brunmark"),
    ]
);
t!(
    contractions_are_not_names,
    "\"I'm sure I've said it,\" she said. \"Don't wait.\"",
    []
);
t!(
    political_adjective_is_misc_and_keeps_the_body_whole,
    "The Republican nominee met the Democratic National Committee.",
    [
        ("Republican", Misc, "Republican"),
        (
            "Democratic National Committee",
            Organization,
            "Democratic National Committee"
        ),
    ]
);
t!(
    org_abbreviation_is_a_cue,
    "She left the Ember Org last year.",
    [("Ember Org", Organization, "Ember Org")]
);
t!(
    resident_of_names_a_place,
    "The clinic serves the 8,000 residents of Holmfirthby.",
    [("Holmfirthby", Location, "Holmfirthby")]
);
t!(
    a_date_after_on_is_not_part_of_the_name,
    "The crew flew from the Corvallis Space Center on April 12.",
    [("Corvallis Space Center", Location, "Corvallis Space Center")]
);
t!(
    demonym_before_a_long_body_name_keeps_it_whole,
    "Credits from the Ecuadorean Banana Boat Owners Federation rose, as did Ecuadorean exports.",
    [
        (
            "Ecuadorean Banana Boat Owners Federation",
            Organization,
            "Ecuadorean Banana Boat Owners Federation"
        ),
        ("Ecuadorean", Misc, "Ecuadorean"),
    ]
);
t!(
    a_given_name_after_a_body_still_starts_a_person,
    "A spokesman for Kestrel Motors Corp Jane Doyle declined to comment.",
    [
        ("Kestrel Motors Corp", Organization, "Kestrel Motors Corp"),
        ("Jane Doyle", Person, "Jane Doyle"),
    ]
);

// A kind noun before a name types it, also when the name's own reporting verb follows.
t!(
    agency_before_a_name_with_its_verb,
    "The state news agency Vostra Nova reported that the dam held.",
    [("Vostra Nova", Organization, "Vostra Nova")]
);
t!(
    product_kind_before_a_name,
    "Buyers queued for the console Zentra at dawn.",
    [("Zentra", Misc, "Zentra")]
);
t!(
    plural_abbreviations_are_common_nouns,
    "Three MPs and two CEOs bought new TVs for the NGOs.",
    []
);
t!(
    common_abbreviation_alone_is_no_name,
    "GNP rose and every DVD sold out, CPI Corp said on Monday.",
    [("CPI Corp", Organization, "CPI Corp")]
);
t!(
    bare_initial_before_known_surname,
    "The side named R Jones and T Garcia, who wore J Crew.",
    [
        ("R Jones", Person, "R Jones"),
        ("T Garcia", Person, "T Garcia"),
        ("J Crew", Organization, "J Crew")
    ]
);
t!(
    clause_after_colon_starts_like_a_sentence,
    "NOTE: Results include a charge. Subs not used: Garcia, Jones.",
    [("Garcia", Person, "Garcia"), ("Jones", Person, "Jones")]
);
t!(
    firm_name_goes_on_over_and_into_its_suffix,
    "Gabelli and Co Inc said it would bid, and Smith and Sons agreed.",
    [
        ("Gabelli and Co Inc", Organization, "Gabelli and Co Inc"),
        ("Smith and Sons", Organization, "Smith and Sons")
    ]
);

#[test]
fn possessive_ending_is_measured_on_chars() {
    assert_eq!(possessive_len("OpenAI’s"), "’s".len());
    assert_eq!(possessive_len("Obama's"), 2);
    assert_eq!(possessive_len("Sanders’"), "’".len());
    assert_eq!(possessive_len("Sanders'"), 1);
    assert_eq!(possessive_len("SANDERS'"), 1);
    // Not a possessive: no s before the mark, a lone mark, a bare `'s`.
    assert_eq!(possessive_len("Renée'"), 0);
    assert_eq!(possessive_len("'"), 0);
    assert_eq!(possessive_len("s'"), 0);
    assert_eq!(possessive_len("'s"), 0);
    // A multi-byte letter just before an ASCII mark is not cut through.
    assert_eq!(possessive_len("Marcéa'"), 0);
    assert_eq!(possessive_len("Andrés'"), 1);
}

// Offices named by "of": the office is no name, its holder is ("of Energy" used to be an organization).
t!(
    office_after_title_in_run,
    "The rules came from Secretary of Energy Rick Palmer last week.",
    [("Rick Palmer", Person, "Rick Palmer")]
);
t!(
    office_holder_without_known_given_name,
    "It was signed by Minister of Education Stelian Varga on Friday.",
    [("Stelian Varga", Person, "Stelian Varga")]
);
t!(
    office_alone_is_no_name,
    "A letter went to the Minister of Finance yesterday.",
    []
);
t!(
    office_after_of_the,
    "Talks with the Chancellor of the Exchequer Nigel Barrow ended.",
    [("Nigel Barrow", Person, "Nigel Barrow")]
);
t!(
    body_after_of_the_without_holder_stays,
    "Ken Saito, chairman of the Federation of Steel Producers, spoke.",
    [
        ("Ken Saito", Person, "Ken Saito"),
        (
            "Federation of Steel Producers",
            Organization,
            "Federation of Steel Producers"
        )
    ]
);
// A participle capitalized because it opens the sentence is no part of the name after it.
t!(
    sentence_initial_participle,
    "Existing Norvex shareholders will be paid in cash.",
    [("Norvex", Organization, "Norvex")]
);
t!(
    sentence_initial_given_name_kept,
    "Hazel Gilbert said the plant would close.",
    [("Hazel Gilbert", Person, "Hazel Gilbert")]
);
// Plural business nouns are organization cues; a cue word other than a legal form (Corp, Inc) does not
// end a name before an everyday word.
t!(
    plural_business_cue,
    "Both hotels are owned by Kv Hotels and Dunmore Bancshares.",
    [
        ("Kv Hotels", Organization, "Kv Hotels"),
        ("Dunmore Bancshares", Organization, "Dunmore Bancshares")
    ]
);
t!(
    cue_then_everyday_word_is_one_name,
    "Visitors reached the Kennedy Space Center Visitor Complex by bus.",
    [(
        "Kennedy Space Center Visitor Complex",
        Organization,
        "Kennedy Space Center Visitor Complex"
    )]
);
t!(
    court_title_before_name,
    "Then District Judge Maria B. Stone agreed.",
    [("Maria B. Stone", Person, "Maria B. Stone")]
);
// Hard-wrapped wire copy: a line that opens with a dateline and goes on into the story is no headline, so
// the names on it count; all-caps dateline places keep an abbreviated word ("ST. LOUIS") and shouted state
// abbreviations ("ILL.") are states.
t!(
    dateline_line_is_no_headline,
    "Harwick, N.C., June 2 - U.S. District Court Judge Edwin\nB. Larkin said he will rule soon.",
    [
        ("Harwick", Location, "Harwick"),
        ("N.C.", Location, "North Carolina"),
        ("U.S. District Court", Organization, "U.S. District Court"),
        ("Edwin\nB. Larkin", Person, "Edwin B. Larkin")
    ]
);
t!(
    dateline_with_abbreviated_word,
    "ST. LOUIS, March 3 - Tellmark Systems Inc said sales rose.",
    [
        ("ST. LOUIS", Location, "ST. LOUIS"),
        ("Tellmark Systems Inc", Organization, "Tellmark Systems Inc")
    ]
);
t!(
    shouted_state_abbreviation,
    "PEORIA, ILL., March 3 - Bryce Tractor Co said sales fell.",
    [
        ("PEORIA", Location, "PEORIA"),
        ("ILL", Location, "Illinois"),
        ("Bryce Tractor Co", Organization, "Bryce Tractor Co")
    ]
);
t!(
    lone_legal_form_is_no_name,
    "The shares were placed by Halvorsen, Brandt and Co on Monday.",
    [
        ("Halvorsen", Organization, "Halvorsen"),
        ("Brandt", Organization, "Brandt")
    ]
);
t!(
    town_before_two_letter_state_abbreviation,
    "Orwell, Pa., June 2 - Lintner Foods Inc said sales rose.",
    [
        ("Orwell", Location, "Orwell"),
        ("Pa", Location, "Pennsylvania"),
        ("Lintner Foods Inc", Organization, "Lintner Foods Inc")
    ]
);

// An unknown name that speaks of itself as "it" is a company or body; a known name stays a person.
t!(
    speaks_as_it_is_an_organization,
    "In March, Tarvoline said it would close two plants. Later, Brenmark Vossel said its profit fell. Natalie Koether said it was too early.",
    [
        ("Tarvoline", Organization, "Tarvoline"),
        ("Brenmark Vossel", Organization, "Brenmark Vossel"),
        ("Natalie Koether", Person, "Natalie Koether")
    ]
);

// An occupation before a name makes a person, even of a name that then speaks of "it"; a title word that
// ends the sentence before does not.
t!(
    occupation_before_name_is_a_person,
    "Dallas investor Bradbury Dyer said it had bought shares. Wasps midfielder Tovo joined.",
    [
        ("Dallas", Location, "Dallas"),
        ("Bradbury Dyer", Person, "Bradbury Dyer"),
        ("Tovo", Person, "Tovo")
    ]
);
t!(
    title_word_ending_a_sentence_titles_nothing,
    "He became a senator. Elected in 1945, he served long. So said the analyst. Disruptions followed.",
    []
);
// A middle initial or a generational suffix makes a person's name whatever the given name; known initials
// ("U.S.") and everyday first words do not (that run stays what it was before: no person).
t!(
    middle_initial_or_suffix_is_a_person,
    "The board named Rexford T. Babcock and Hartwell Quimby Jr. to it. Raising U.S. Trade barriers would hurt.",
    [
        ("Rexford T. Babcock", Person, "Rexford T. Babcock"),
        ("Hartwell Quimby Jr.", Person, "Hartwell Quimby Jr."),
        ("Raising U.S. Trade", Organization, "Raising U.S. Trade")
    ]
);
// Businesses named in the possessive keep their "'s": "Lloyd's" is no person called Lloyd.
t!(
    possessive_business_name,
    "Lloyd's said losses rose. Shares of Wendy's fell.",
    [
        ("Lloyd's", Organization, "Lloyd's"),
        ("Wendy's", Organization, "Wendy's")
    ]
);
// An unknown name that modifies a kind of site is the place it is in; a known company keeps its type.
t!(
    name_before_a_site_is_a_place,
    "Rebels shelled the Kessam Doura airstrip. Output at its Varnley plant fell. The Saab factory closed.",
    [
        ("Kessam Doura", Location, "Kessam Doura"),
        ("Varnley", Location, "Varnley"),
        ("Saab", Organization, "Saab")
    ]
);
t!(
    legal_form_with_period_ends_the_name,
    "They sold the mill to Brenlow Timber Corp. Brenlow will pay in cash. Terms were set with Quillan Metals Ltd. Terms were not disclosed.",
    [
        ("Brenlow Timber Corp.", Organization, "Brenlow Timber Corp."),
        ("Brenlow", Organization, "Brenlow Timber Corp."),
        ("Quillan Metals Ltd.", Organization, "Quillan Metals Ltd.")
    ]
);
t!(
    two_legal_forms_stay_one_name,
    "The parts come from Marubeni Koki Co. Ltd. in Osaka.",
    [
        (
            "Marubeni Koki Co. Ltd.",
            Organization,
            "Marubeni Koki Co. Ltd."
        ),
        ("Osaka", Location, "Osaka")
    ]
);
t!(
    modifier_opening_a_sentence_is_no_name,
    "Former Tellmark chief executive Dorian Vasquez was fined. Veteran Brightwave Ltd staff said it was fair.",
    [
        ("Tellmark", Organization, "Tellmark"),
        ("Dorian Vasquez", Person, "Dorian Vasquez"),
        ("Brightwave Ltd", Organization, "Brightwave Ltd")
    ]
);
t!(
    name_before_its_people_is_a_body,
    "\"It was fair,\" said Corlander Gaming spokesman Rupert Adams. Senior Tessaro executives agreed.",
    [
        ("Corlander Gaming", Organization, "Corlander Gaming"),
        ("Rupert Adams", Person, "Rupert Adams"),
        ("Tessaro", Organization, "Tessaro")
    ]
);
t!(
    known_name_with_its_inner_capital_small,
    "Analysts said Pepsico and Softbank would gain.",
    [
        ("Pepsico", Organization, "Pepsico"),
        ("Softbank", Organization, "Softbank")
    ]
);
t!(
    industry_word_ends_a_company_name,
    "Crews from Marlow Electric and Dunmore Gas restored power.",
    [
        ("Marlow Electric", Organization, "Marlow Electric"),
        ("Dunmore Gas", Organization, "Dunmore Gas")
    ]
);
t!(
    head_word_alone_names_its_body,
    "The Ministry said exports fell, and officials at the Commission agreed.",
    [
        ("Ministry", Organization, "Ministry"),
        ("Commission", Organization, "Commission")
    ]
);

// A lone number word is no name, even where the article capitalizes it inside one (`Harbor Seven`).
t!(
    lone_number_words_are_not_names,
    "The Harbor Seven trial opened. Seven of the jurors were local, the court in Leeds said. About Four \
     were from Hull. The Gang of Nine had met Paul there.",
    [
        ("Harbor Seven", Organization, "Harbor Seven"),
        ("Leeds", Location, "Leeds"),
        ("Hull", Location, "Hull"),
        // A name over "of" into a number word is a group, though `Gang` is a given name too.
        ("Gang of Nine", Organization, "Gang of Nine"),
        ("Paul", Person, "Paul")
    ]
);

// A capitalized place opens a dateline when a date and a dash follow it: the place is a location, and the
// story's first word is sentence-initial, no name. A capitalized name and a comma without the date are
// no dateline.
t!(
    dateline_in_title_case,
    "HOGS HIGHER\n\nSt Louis, April 7 - Barrows rose.\n\nLake Oswin, Sept. 5 (Reuters) - Takeover talk grew.\n\nMaria Stone, a judge, spoke.",
    [
        ("St Louis", Location, "St Louis"),
        ("Lake Oswin", Location, "Lake Oswin"),
        ("Reuters", Organization, "Reuters"),
        ("Maria Stone", Person, "Maria Stone")
    ]
);

// Known names are looked up only where a word starts: lower-case and digit starts are places too, and a
// name after a hyphen is not one.
t!(
    gazetteer_names_start_where_words_do,
    "Shares of eBay and 3M fell. Anti-Iran groups met in mid-Ohio.",
    [("eBay", Organization, "eBay"), ("3M", Organization, "3M")]
);

/// Headline lines as the one pass over their chars reads them: Unicode capitals and white space (a
/// no-break space between words, a line with no break at its end) count as ASCII ones do.
#[test]
fn headline_lines_read_unicode_words() {
    for (line, headline) in [
        ("ÉLECTIONS EN FRANCE: ÉDOUARD PHILIPPE GAGNE\n", true),
        ("Élections\u{a0}Régionales Donnent Une Majorité Nette", true),
        (
            "Les élections régionales donnent une majorité nette.\n",
            false,
        ),
        ("GTE CORP 1ST QTR SHR 78 CTS VS 86 CTS", true),
        ("The bank said on Monday that profits rose.", false),
        ("", false),
    ] {
        assert_eq!(is_headline_line(line), headline, "{line:?}");
    }
}

#[test]
fn ascii_class_table_is_the_char_class() {
    for b in 0..128u8 {
        assert_eq!(
            ASCII_CLASS[usize::from(b)],
            char_class(char::from(b)),
            "{b:#x}"
        );
    }
}

t!(
    currency_of_a_sum_is_no_name,
    "Rebates of 0.87 Ecus and DM 50 mln were paid in Bonn, and 20 Marks more.",
    [("Bonn", Location, "Bonn")]
);

t!(
    a_name_ends_before_the_sum_it_runs_into,
    "Chrysler was sold to Cerberus Capital Management for US$7.4 billion. Cerberus paid cash.",
    [
        ("Chrysler", Organization, "Chrysler"),
        (
            "Cerberus Capital Management",
            Organization,
            "Cerberus Capital Management"
        ),
        ("US", Location, "US"),
        ("Cerberus", Organization, "Cerberus Capital Management"),
    ]
);

t!(
    a_place_in_a_currency_stays_a_name,
    "The bank raised 50 Hong Kong dollars.",
    [("Hong Kong", Location, "Hong Kong")]
);

t!(
    a_currency_in_a_wire_headline_is_no_dateline,
    "TREASURY WANTS THE POUND NEAR 1.70\nDLRS, 2.80 MARKS.\n",
    []
);

t!(
    compound_office_titles_are_titles,
    "Assistant Secretary Mara Lindqvist and High Commissioner Tomas Ek met Vice Chairman Ruth Okafor on Monday.",
    [
        ("Mara Lindqvist", Person, "Mara Lindqvist"),
        ("Tomas Ek", Person, "Tomas Ek"),
        ("Ruth Okafor", Person, "Ruth Okafor"),
    ]
);
