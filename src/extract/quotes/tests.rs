//! Table-driven quote cases: (text, expected [(quote text, subtype, speaker)]).

use super::*;
use crate::document::{Document, Metadata, Provenance};
use crate::extract::{DateExtractor, EntityExtractor, FigureExtractor};

fn run(text: &str) -> Vec<(String, Subtype, Option<String>)> {
    let doc = Document::new(text.to_string(), Provenance::default(), Metadata::default());
    let analyzed = Analyzed::new(&doc);
    // The stages before quotes, as the pipeline runs them.
    let mut found = Vec::new();
    DateExtractor::new().extract(&analyzed, &[], &mut found);
    let mut figures = Vec::new();
    FigureExtractor::new().extract(&analyzed, &found, &mut figures);
    found.extend(figures);
    let mut ents = Vec::new();
    EntityExtractor::new().extract(&analyzed, &found, &mut ents);
    found.extend(ents);
    let mut out = Vec::new();
    QuoteExtractor::new().extract(&analyzed, &found, &mut out);
    out.into_iter()
        .map(|c| (text[c.span].to_string(), c.subtype, c.speaker))
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($q:expr, $sub:ident, $speaker:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, Subtype, Option<String>)> =
                vec![$(($q.to_string(), Subtype::$sub, $speaker.map(|s: &str| s.to_string()))),*];
            assert_eq!(run($text), want, "{:?}", $text);
        }
    };
}

t!(
    quoted_attributes_in_markup_are_not_quotes,
    "<tweet author=\"@Maria_Ruiz\" date=\"May 2\">“Count every vote,” Maria Ruiz wrote.</tweet>",
    [("“Count every vote,”", Direct, Some("Maria Ruiz"))]
);
t!(
    x_said_after,
    "“We will know more in June,” Christine Lagarde said.",
    [(
        "“We will know more in June,”",
        Direct,
        Some("Christine Lagarde")
    )]
);
t!(
    said_x_apposition,
    "“Forecasts routinely overshoot the mark,” said Marcus Ortega, a senior fellow at the center.",
    [(
        "“Forecasts routinely overshoot the mark,”",
        Direct,
        Some("Marcus Ortega")
    )]
);
t!(
    pronoun_resolves,
    "Dana Whitfield runs the institute. \"We have not seen growth like this,\" she said.",
    [(
        "\"We have not seen growth like this,\"",
        Direct,
        Some("Dana Whitfield")
    )]
);
t!(
    short_name_resolves,
    "Geoffrey Lang chairs the group. “The council has not published the business case,” Lang said.",
    [(
        "“The council has not published the business case,”",
        Direct,
        Some("Geoffrey Lang")
    )]
);
t!(
    colon,
    "Scott Bessent: “Everything is on the table for the talks.”",
    [(
        "“Everything is on the table for the talks.”",
        Direct,
        Some("Scott Bessent")
    )]
);
t!(
    said_before,
    "Bessent said in an interview: \"Japan moved very quickly on this.\"",
    [(
        "\"Japan moved very quickly on this.\"",
        Direct,
        Some("Bessent")
    )]
);
t!(
    partial_in_reported_speech,
    "Christine Lagarde told reporters that the council was “making good progress” on prices.",
    [("“making good progress”", Partial, Some("Christine Lagarde"))]
);
t!(organization_speaker, "Hutchison Ports owns the port. The company said the offer was “fair and generous to all of our staff”.", [("“fair and generous to all of our staff”", Direct, Some("Hutchison Ports"))]);
t!(
    british_single,
    "'The labour market is still tight,' Tobias Klein said.",
    [(
        "'The labour market is still tight,'",
        Direct,
        Some("Tobias Klein")
    )]
);
t!(
    scare_quotes,
    "The firm calls it the “Green AI Grid” and promises “democratic AI”.",
    [
        ("“Green AI Grid”", Scare, None),
        ("“democratic AI”", Scare, None)
    ]
);
t!(continuation, "“We are behind where we wanted to be,” Maximo Pacheco said. “We are not hiding that from anyone.”", [("“We are behind where we wanted to be,”", Direct, Some("Maximo Pacheco")), ("“We are not hiding that from anyone.”", Direct, Some("Maximo Pacheco"))]);
t!(
    according_to,
    "According to Chris Lehane, “the idea came together after the summit in Paris.”",
    [(
        "“the idea came together after the summit in Paris.”",
        Direct,
        Some("Chris Lehane")
    )]
);
t!(over_paragraphs, "“The council has not published the full case,” Geoffrey Lang said. “It has asked people to trust a number.\n\n“We are not against a bridge at all.”\n", [
    ("“The council has not published the full case,”", Direct, Some("Geoffrey Lang")),
    ("“It has asked people to trust a number.", Direct, Some("Geoffrey Lang")),
    ("“We are not against a bridge at all.”", Direct, Some("Geoffrey Lang")),
]);
t!(
    titles_with_inside_punctuation,
    "He watched “State of the Union,” and praised “Make America Great Again” hats.",
    [
        ("“State of the Union,”", Scare, None),
        ("“Make America Great Again”", Scare, None)
    ]
);

#[test]
fn quote_nested_in_the_one_before_does_not_break_inheritance() {
    // The inner quotation starts before the outer one ends (found by the property tests).
    let text = "'U.S. “quoted, said Smith”' said Maria Okafor, a director, ";
    let got = run(text);
    assert!(!got.is_empty(), "{got:?}");
    for (q, _, _) in &got {
        assert!(text.contains(q.as_str()));
    }
}

// A name that only modifies the speaker's description does not make its bearer the speaker.
t!(
    name_modifying_a_description_is_not_the_speaker,
    "Governor Elena Dawson spoke on Monday. “The plan is dead,” said one Dawson confidant.",
    [("“The plan is dead,”", Direct, Some("one Dawson confidant"))]
);
t!(
    possessive_description_is_an_apposition,
    "Governor Elena Dawson spoke on Monday. “We raised more than anyone,” Mara Quinlan, Dawson's campaign manager, said.",
    [(
        "“We raised more than anyone,”",
        Direct,
        Some("Mara Quinlan")
    )]
);
t!(
    party_and_state_tag_is_an_apposition,
    "“That is not our view,” Senate Majority Leader Tom Hadley, R-Ky., said.",
    [("“That is not our view,”", Direct, Some("Tom Hadley"))]
);
t!(
    scene_setting_clause_names_no_speaker,
    "In a statement, the company said: “Prices will stay where they are.”",
    [(
        "“Prices will stay where they are.”",
        Direct,
        Some("the company")
    )]
);
t!(
    name_before_a_verb_is_still_the_subject,
    "Asked about the vote, Carla Brenner smiled and said, “I am waiting for the count.”",
    [(
        "“I am waiting for the count.”",
        Direct,
        Some("Carla Brenner")
    )]
);
t!(
    name_before_an_adverb_is_still_the_subject,
    "Vice President Omar Reyes spoke first. “It is over,” Reyes also said on Friday.",
    [("“It is over,”", Direct, Some("Omar Reyes"))]
);
t!(
    linking_word_is_no_part_of_a_description,
    "Governor Elena Dawson spoke on Monday. But a Dawson spokesman said the ruling was “deeply flawed and unfair to everyone”.",
    [(
        "“deeply flawed and unfair to everyone”",
        Direct,
        Some("a Dawson spokesman")
    )]
);
t!(
    speaker_before_age_town_and_clause,
    "“Both of them scare me,” Harry Lindqvist, 30, of Raleigh, N.C., who was among those polled, said.",
    [("“Both of them scare me,”", Direct, Some("Harry Lindqvist"))]
);
t!(
    described_speaker_before_an_apposition,
    "“Wages may finally be rising,” the economist Jared Moss, a former adviser in the Treasury, wrote.",
    [("“Wages may finally be rising,”", Direct, Some("Jared Moss"))]
);
t!(
    party_letter_in_parentheses,
    "“We are tying their hands,” state Sen. Jason Holt (D) said.",
    [("“We are tying their hands,”", Direct, Some("Jason Holt"))]
);
t!(
    possessive_title_is_an_apposition,
    "“The losers will be the poorest workers,” Andrew Pendle, Christian Aid's head of trade policy, said.",
    [(
        "“The losers will be the poorest workers,”",
        Direct,
        Some("Andrew Pendle")
    )]
);
t!(
    a_statement_is_not_resolved_to_the_nearest_organization,
    "Reporters asked the Aldgate Energy board about the sale. “We remain confident in the plan,” the statement said.",
    [(
        "“We remain confident in the plan,”",
        Direct,
        Some("the statement")
    )]
);
t!(
    manner_of_speaking_verbs,
    "Sam Oliver lost his temper on air. “You are not listening,” Oliver barked.",
    [("“You are not listening,”", Direct, Some("Sam Oliver"))]
);
t!(
    initials_do_not_cut_the_lead,
    "The panel met on Monday. As Andrew J. Fuller, an expert on trade, noted, “Everyone is waiting for the vote.”",
    [("“Everyone is waiting for the vote.”", Direct, Some("Andrew J. Fuller"))]
);
t!(
    subject_of_the_last_clause_before_the_verb,
    "The row came up on Monday after Mr. Lopez, asked about the strikes under Mr. Petrov, had said, “We do plenty of that too.”",
    [("“We do plenty of that too.”", Direct, Some("Lopez"))]
);
t!(
    subject_after_that,
    "The meeting was so calm that Mr. Hale was moved to say, “I cannot believe how polite it is.”",
    [("“I cannot believe how polite it is.”", Direct, Some("Hale"))]
);
t!(
    pronoun_subject_of_a_relative_clause,
    "The files included 40 pages that Ms. Brandt had given to the agency, which she said were all her “work-related” notes.",
    [("“work-related”", Partial, Some("Brandt"))]
);
t!(
    person_after_a_conjunction,
    "Ruritania has been warning that it is running out of cash, and Ms. Alvarez said the “special steps” were unsustainable.",
    [("“special steps”", Partial, Some("Alvarez"))]
);
t!(
    person_with_a_place_tag,
    "The worry was clear when House Speaker Paul D. Ryland of Wisconsin lamented the “gloomy” state of the race.",
    [("“gloomy”", Partial, Some("Paul D. Ryland"))]
);
t!(
    a_two_letter_acronym_ends_a_sentence,
    "Roukis works at a fund that has shares in GE. GE said orders were up, “with growth across the board”.",
    [("“with growth across the board”", Direct, Some("GE"))]
);
t!(
    state_abbreviation_does_not_cut_the_lead,
    "Sen. Ron Jansen, R-Wis., said in a column, “The agency failed to act.”",
    [("“The agency failed to act.”", Direct, Some("Ron Jansen"))]
);
t!(
    so_called_is_no_reporting_verb,
    "Brussels fought the turmoil after the so-called Grexit vote, citing “calm, steady leadership”.",
    [("“calm, steady leadership”", Scare, None)]
);
t!(
    double_apostrophe_quotes_bound_the_lead,
    "''Paula thinks it's fine to want money,'' Ms. Grant said, ''and drive is not a bad thing.''",
    [
        (
            "''Paula thinks it's fine to want money,''",
            Direct,
            Some("Grant")
        ),
        ("''and drive is not a bad thing.''", Direct, Some("Grant"))
    ]
);

// The adverbs and auxiliaries between a subject and its verb are no part of the speaker: a pronoun
// before them still points back to a person, a description ends before them, and an `it` that stands
// for no one names no speaker.
t!(
    pronoun_before_an_adverb_points_back,
    "Mara Quintero spoke on Monday. He also said the plan was \"a fair deal for savers\".",
    [("\"a fair deal for savers\"", Direct, Some("Mara Quintero"))]
);
t!(
    description_ends_before_an_adverb,
    "The spokesperson also confirmed that there were \"very clear rules\" on the use of the brand.",
    [("\"very clear rules\"", Partial, Some("The spokesperson"))]
);
t!(
    description_ends_before_auxiliaries,
    "The minister would later say the deal was \"a fair one for everyone involved\".",
    [(
        "\"a fair one for everyone involved\"",
        Direct,
        Some("The minister")
    )]
);
t!(
    impersonal_it_names_no_speaker,
    "It was also agreed that a plan to \"de-mystify\" the rules was a priority.",
    [("\"de-mystify\"", Scare, None)]
);
t!(
    commented_reports_speech,
    "\"Demand is holding up well,\" commented Dana Whitfield, an industry consultant.",
    [(
        "\"Demand is holding up well,\"",
        Direct,
        Some("Dana Whitfield")
    )]
);
// The person an employer qualifies is the speaker, even when the entity extractor reads the employer
// as a person too.
t!(
    person_before_of_employer_is_the_speaker,
    "\"It makes sense,\" said Owen Tallis of Keller Brandt.",
    [("\"It makes sense,\"", Direct, Some("Owen Tallis"))]
);

// Hard-wrapped wire copy: a line break alone ends no paragraph, before or after a quotation.
t!(
    hard_wrapped_lead_runs_over_line_breaks,
    "Shares rose on talk\nthat the firm might bid for the unit. But a spokesman for the group in\nBoston said \"there is no plan to bid for it.\"\n",
    [(
        "\"there is no plan to bid for it.\"",
        Direct,
        Some("a spokesman for the group in Boston")
    )]
);
t!(
    hard_wrapped_said_after_on_the_next_line,
    "The bank cut its rates again on\nMonday, chief executive Hans Paulsen said in\nan interview, and its shares rose in early trade in\nLondon and in New York after the move was\nannounced by the board.\n    \"That does not mean we will sell the unit,\"\nsaid Paulsen. \"It is a good business.\"\n",
    [
        ("\"That does not mean we will sell the unit,\"", Direct, Some("Hans Paulsen")),
        ("\"It is a good business.\"", Direct, Some("Hans Paulsen")),
    ]
);
t!(
    hard_wrapped_speaker_is_one_line,
    "Bond prices fell sharply in\nTokyo on the news from the central\nbank.\n    \"The discount rate cannot rise,\" the senior bank\nanalyst said.\n",
    [(
        "\"The discount rate cannot rise,\"",
        Direct,
        Some("the senior bank analyst")
    )]
);
