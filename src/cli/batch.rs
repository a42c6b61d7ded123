//! The batch driver shared by `extract` and `ingest`: read inputs, report bad ones, skip articles the
//! caller already has, analyze and extract the rest in parallel batches, and hand the results to a sink in
//! input order.

use rayon::prelude::*;

use super::report::Reporter;
use crate::claim::Claim;
use crate::document::Document;
use crate::extract::Pipeline;
use crate::source::{Event, InputFormat, Sources};
use crate::span::Span;
use crate::text::{Analyzed, Token};

/// Documents processed together: big enough to keep both cores busy, small enough to stream.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 4 << 20;

/// An article with its analysis, claims and the caller's per-article result, as handed to a sink.
pub struct Extracted<T> {
    /// Tokens and sentences of the article.
    pub parts: (Vec<Token>, Vec<Span>),
    /// Claims, sorted by position.
    pub claims: Vec<Claim>,
    /// What `prepare` made of it (on a worker thread).
    pub prepared: T,
}

/// What to read.
pub struct Inputs<'a> {
    /// Paths (or `-`).
    pub paths: &'a [String],
    /// Input format.
    pub format: InputFormat,
    /// No warnings, progress or summary.
    pub quiet: bool,
}

/// Runs the batches. `skip` is asked first for every article (true: count it as skipped, do no work);
/// `prepare` runs on the worker threads after extraction (building index records, say); `sink` gets every
/// other article with its extraction and what `prepare` made, in input order.
pub fn drive<T: Send>(
    inputs: &Inputs<'_>,
    pipeline: &Pipeline,
    mut skip: impl FnMut(&Document) -> bool,
    prepare: impl Fn(&Analyzed<'_>, &[Claim]) -> T + Sync,
    mut sink: impl FnMut(&Analyzed<'_>, &[Claim], T, &mut Reporter) -> anyhow::Result<()>,
) -> anyhow::Result<Reporter> {
    let mut sources = Sources::new(inputs.paths, inputs.format);
    let mut report = Reporter::new(sources.total_bytes(), inputs.quiet);
    let mut batch: Vec<Document> = Vec::new();
    let mut batch_bytes = 0;
    loop {
        let event = sources.next();
        let end = event.is_none();
        match event {
            Some(Event::Document(doc)) => {
                if skip(&doc) {
                    report.skipped += 1;
                    report.text_bytes += doc.len() as u64;
                } else {
                    batch_bytes += doc.len();
                    batch.push(*doc);
                }
            }
            Some(Event::Warning(w)) => report.warning(&w),
            Some(Event::Error(e)) => report.error(&e),
            None => {}
        }
        if end || batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
            let results: Vec<Result<Extracted<T>, String>> = batch
                .par_iter()
                .map(|doc| {
                    // A bug in an extractor costs its article, not the batch: the article is reported
                    // as failed and the others go on.
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let analyzed = Analyzed::new(doc);
                        let claims = pipeline.run(&analyzed);
                        let prepared = prepare(&analyzed, &claims);
                        Extracted {
                            parts: analyzed.into_parts(),
                            claims,
                            prepared,
                        }
                    }))
                    .map_err(|panic| panic_message(panic.as_ref()))
                })
                .collect();
            for (doc, ex) in batch.iter().zip(results) {
                let ex = match ex {
                    Ok(ex) => ex,
                    Err(msg) => {
                        let p = &doc.provenance;
                        report.error(&crate::Error::bad_input(
                            &p.path,
                            p.line,
                            format!(
                                "article {} skipped: internal error in claim extraction (a claimdex \
                                 bug, please report it): {msg}",
                                doc.id
                            ),
                        ));
                        continue;
                    }
                };
                let analyzed = Analyzed::from_parts(doc, ex.parts.0, ex.parts.1);
                sink(&analyzed, &ex.claims, ex.prepared, &mut report)?;
                report.article(doc.len(), ex.claims.iter().map(|c| c.kind));
            }
            report.progress(sources.read_bytes());
            batch.clear();
            batch_bytes = 0;
        }
        if end {
            break;
        }
    }
    Ok(report)
}

/// The message a panic carried.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimKind;
    use crate::extract::Extractor;

    /// An extractor with a bug: it panics on any article that mentions "boom".
    struct Fragile;

    impl Extractor for Fragile {
        fn kind(&self) -> ClaimKind {
            ClaimKind::Figure
        }

        fn extract(&self, doc: &Analyzed<'_>, _found: &[Claim], _out: &mut Vec<Claim>) {
            assert!(
                !doc.text().contains("boom"),
                "fragile extractor met {:?}",
                doc.text()
            );
        }
    }

    #[test]
    fn a_panicking_extractor_costs_its_article_not_the_batch() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("articles.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"First article.\"}\n\
             {\"id\": \"b\", \"text\": \"This one goes boom.\"}\n\
             {\"id\": \"c\", \"text\": \"Third article.\"}\n",
        )
        .expect("write input");
        let paths = vec![path.display().to_string()];
        let inputs = Inputs {
            paths: &paths,
            format: InputFormat::Auto,
            quiet: true,
        };
        let pipeline = Pipeline::with_extractors(vec![Box::new(Fragile)]);
        let mut seen = Vec::new();
        let report = drive(
            &inputs,
            &pipeline,
            |_| false,
            |_, _| (),
            |analyzed, _, (), _| {
                seen.push(analyzed.text().to_string());
                Ok(())
            },
        )
        .expect("the batch runs to the end");
        assert_eq!(seen, ["First article.", "Third article."]);
        assert_eq!(report.failed, 1);
        assert_eq!(report.articles, 2);
    }
}
