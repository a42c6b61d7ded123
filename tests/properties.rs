//! Property tests: on arbitrary Unicode (with CRLF, smart quotes, currency signs and digits mixed in),
//! tokens, sentences and every claim span are in bounds, on char boundaries, and `text == article[span]`;
//! nothing panics; prefixing the text shifts every span by the prefix length.

use claimdex::text::{sentences, tokens, Analyzed};
use claimdex::{ClaimKind, Document, Metadata, Pipeline, Provenance};
use proptest::prelude::*;

fn doc(text: &str, published: Option<&str>) -> Document {
    let meta = Metadata {
        published: published.map(str::to_string),
        ..Metadata::default()
    };
    Document::new(text.to_string(), Provenance::default(), meta)
}

/// Runs `docs` through the standard pipeline as one batch, forwards and backwards, and asserts that every
/// article gets exactly the claims it gets on its own.
fn assert_batch_matches_singles(docs: &[Document]) {
    let pipeline = Pipeline::standard(&[]);
    let analyzed: Vec<Analyzed<'_>> = docs.iter().map(Analyzed::new).collect();
    let alone: Vec<_> = analyzed.iter().map(|a| pipeline.run(a)).collect();
    let forwards: Vec<&Analyzed<'_>> = analyzed.iter().collect();
    assert_eq!(pipeline.run_batch(&forwards), alone);
    let backwards: Vec<&Analyzed<'_>> = analyzed.iter().rev().collect();
    let mut batched = pipeline.run_batch(&backwards);
    batched.reverse();
    assert_eq!(batched, alone);
}

#[test]
fn a_batch_of_generated_articles_finds_what_each_finds_alone() {
    let docs: Vec<Document> = (0..60)
        .map(|n| {
            let a = claimdex::synth::article(11, n, 4);
            doc(&a.text, (n % 3 != 0).then_some(a.published.as_str()))
        })
        .collect();
    // Every article has dates, some relative to its own publication date.
    let pipeline = Pipeline::standard(&[ClaimKind::Date]);
    assert!(docs.iter().all(|d| !pipeline.extract(d).is_empty()));
    assert_batch_matches_singles(&docs);
}

/// Text built from pieces that exercise the extractors, glued with arbitrary Unicode.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("$".to_string()),
        // Letter-prefixed dollar signs with a space, after a multi-byte char ("’ $ 5" once panicked).
        Just("’ $ 5".to_string()),
        Just("c $ 16.4 million".to_string()),
        Just(" two and fifty-four hundredths".to_string()),
        Just("1.1^23".to_string()),
        Just("£3bn".to_string()),
        Just("€".to_string()),
        Just(" per cent".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just(" March 14, 2024".to_string()),
        Just(" last week".to_string()),
        Just(" on Monday ".to_string()),
        Just("\n\n— Ann Lee.\n".to_string()),
        Just("” she said. “".to_string()),
        Just(" said Maria Okafor, a director, ".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just(" Boeing 737 ".to_string()),
        Just("Thanksgiving".to_string()),
        Just("é".repeat(90)),
        Just("“quoted, said Smith”".to_string()),
        Just(" Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just(" twenty-one ".to_string()),
        Just("10:30 a.m.".to_string()),
        Just("\u{a0}".to_string()),
        Just("-".to_string()),
        "[0-9]{1,7}",
        "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        "\\PC{0,12}",
        "[a-zA-Z ]{0,12}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid_and_exact(text in newsy_text(), published in prop::option::of(Just("2024-03-14"))) {
        let d = doc(&text, published);
        let analyzed = Analyzed::new(&d);
        for t in &analyzed.tokens {
            prop_assert!(t.span.is_valid_for(&text));
        }
        for s in &analyzed.sentences {
            prop_assert!(s.is_valid_for(&text));
        }
        let claims = Pipeline::standard(&[]).run(&analyzed);
        for c in &claims {
            prop_assert!(c.span.is_valid_for(&text), "{:?} in {:?}", c, text);
            prop_assert!(!c.span.is_empty());
            prop_assert_eq!(c.text(&text), &text[c.span.start..c.span.end]);
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let d = doc(&text, None);
        let claims = Pipeline::standard(&[]).extract(&d);
        for c in &claims {
            prop_assert!(c.span.is_valid_for(&text));
        }
    }

    #[test]
    fn prefix_shifts_spans(text in newsy_text()) {
        // A paragraph break isolates the prefix, so it cannot change the spans of figures and dates, which
        // are read from local context. (Entities use document-wide evidence — is a sentence-initial word
        // capitalized elsewhere? are lines hard-wrapped? — so a prefix may rightly change them.)
        let prefix = "Intro line.\n\n";
        let shifted_text = format!("{prefix}{text}");
        let local = [ClaimKind::Figure, ClaimKind::Date];
        let a = Pipeline::standard(&local).extract(&doc(&text, None));
        let b = Pipeline::standard(&local).extract(&doc(&shifted_text, None));
        let a: Vec<_> = a.iter().map(|c| (c.span.start + prefix.len(), c.span.end + prefix.len(), c.kind)).collect();
        let b: Vec<_> = b.iter().map(|c| (c.span.start, c.span.end, c.kind)).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_batch_finds_what_each_article_finds_alone(
        articles in prop::collection::vec((newsy_text(), prop::option::of(Just("2021-06-30"))), 1..6)
    ) {
        let docs: Vec<Document> = articles.iter().map(|(t, p)| doc(t, *p)).collect();
        assert_batch_matches_singles(&docs);
    }

    #[test]
    fn tokens_cover_all_non_space(text in "\\PC{0,120}") {
        let toks = tokens::tokenize(&text);
        let mut last = 0;
        for t in &toks {
            prop_assert!(t.span.start >= last);
            prop_assert!(text[last..t.span.start].chars().all(char::is_whitespace));
            last = t.span.end;
        }
        prop_assert!(text[last..].chars().all(char::is_whitespace));
        let sents = sentences::split(&text, &toks);
        for w in sents.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
    }
}
