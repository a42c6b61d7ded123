//! The batch driver shared by `extract` and `ingest`: read inputs, report bad ones, skip articles the
//! caller already has, analyze and extract the rest in parallel batches, and hand the results to a sink in
//! input order.
//!
//! Three things run at once: a reader thread parses the inputs, the worker pool extracts one batch, and
//! the calling thread hands the batch before it to the sink and gathers the next one. So reading and
//! writing never leave the workers idle.

use crossbeam_channel::{select, Receiver};
use rayon::prelude::*;

use super::report::Reporter;
use crate::claim::Claim;
use crate::document::Document;
use crate::extract::Pipeline;
use crate::source::{Event, InputFormat, Sources};
use crate::span::Span;
use crate::text::{Analyzed, Token};

/// Documents processed together at most: big enough to keep both cores busy, small enough to stream.
/// A smaller batch goes as soon as the workers are free and no more input is waiting.
const BATCH_DOCS: usize = 1024;
/// Documents a worker extracts together, stage by stage ([`Pipeline::run_batch`]): enough for each
/// stage's automata to stay in the CPU's cache, few enough for a batch to feed every worker.
pub(super) const CHUNK_DOCS: usize = 128;
const BATCH_BYTES: usize = 4 << 20;
/// Input events the reader may run ahead of the batches.
const READ_AHEAD: usize = 64;

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
/// `prepare` runs on the worker threads after extraction (building index records or output lines, say);
/// `sink` gets every other article with its extraction and what `prepare` made, in input order.
///
/// One batch is extracted at a time while this thread delivers the one before and gathers the next, so
/// at most two batches are in memory besides the reader's few events.
pub fn drive<T: Send>(
    inputs: &Inputs<'_>,
    pipeline: &Pipeline,
    mut skip: impl FnMut(&Document) -> bool,
    prepare: impl Fn(&Analyzed<'_>, &[Claim]) -> T + Sync,
    mut sink: impl FnMut(&Analyzed<'_>, &[Claim], T, &mut Reporter) -> anyhow::Result<()>,
) -> anyhow::Result<Reporter> {
    let sources = Sources::new(inputs.paths, inputs.format);
    let mut report = Reporter::new(sources.total_bytes(), inputs.quiet);
    let events = read_ahead(sources)?;
    // Articles extracted together, stage by stage, each with what `prepare` makes of it.
    let extract_all = |docs: &[Document]| -> Result<Vec<Extracted<T>>, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let analyzed: Vec<Analyzed<'_>> = docs.iter().map(Analyzed::new).collect();
            let refs: Vec<&Analyzed<'_>> = analyzed.iter().collect();
            let claims = pipeline.run_batch(&refs);
            analyzed
                .into_iter()
                .zip(claims)
                .map(|(analyzed, claims)| {
                    let prepared = prepare(&analyzed, &claims);
                    Extracted {
                        parts: analyzed.into_parts(),
                        claims,
                        prepared,
                    }
                })
                .collect()
        }))
        .map_err(|panic| panic_message(panic.as_ref()))
    };
    // A bug in an extractor costs its article, not the batch: when a chunk panics, its articles run
    // again one by one, and only the one that meets the bug is reported as failed.
    let chunk = |docs: &[Document]| -> Vec<Result<Extracted<T>, String>> {
        let each = |done: Result<Vec<Extracted<T>>, String>| match done {
            Ok(done) => done.into_iter().map(Ok).collect(),
            Err(msg) => vec![Err(msg)],
        };
        match extract_all(docs) {
            Ok(done) => each(Ok(done)),
            Err(_) => docs
                .chunks(1)
                .flat_map(|one| each(extract_all(one)))
                .collect(),
        }
    };
    let extract = |batch: Vec<Document>| -> Done<T> {
        // Enough chunks for every worker to have a few, none larger than CHUNK_DOCS.
        let size = batch
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .clamp(1, CHUNK_DOCS);
        let results = batch.par_chunks(size).flat_map_iter(chunk).collect();
        (batch, results)
    };
    let extract = &extract;
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = crossbeam_channel::unbounded::<Result<Done<T>, String>>();
        let idle = crossbeam_channel::never();
        let mut batch: Vec<Document> = Vec::new();
        let mut batch_bytes = 0;
        let mut busy = false;
        let mut reading = true;
        let mut read_bytes = 0;
        loop {
            let full = batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES;
            let go = full || !reading || events.is_empty();
            if !busy && !batch.is_empty() && go {
                let job = std::mem::take(&mut batch);
                batch_bytes = 0;
                let tx = done_tx.clone();
                scope.spawn(move || {
                    let done =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(job)))
                            .map_err(|panic| panic_message(panic.as_ref()));
                    // The receiver outlives every batch unless the sink failed; then nobody waits.
                    let _ = tx.send(done);
                });
                busy = true;
            }
            if !busy && !reading {
                break;
            }
            // While a full batch waits for the workers, input waits too.
            let input = if reading && !(busy && full) {
                &events
            } else {
                &idle
            };
            select! {
                recv(input) -> msg => match msg {
                    Ok(Read::Event(event, read)) => {
                        read_bytes = read;
                        match event {
                            Event::Document(doc) => {
                                if skip(&doc) {
                                    report.skipped += 1;
                                    report.text_bytes += doc.len() as u64;
                                } else {
                                    batch_bytes += doc.len();
                                    batch.push(*doc);
                                }
                            }
                            Event::Warning(w) => report.warning(&w),
                            Event::Error(e) => report.error(&e),
                        }
                    }
                    Ok(Read::Failed(msg)) => anyhow::bail!(
                        "reading the input stopped (a claimdex bug, please report it): {msg}"
                    ),
                    Err(_) => reading = false,
                },
                recv(done_rx) -> done => {
                    busy = false;
                    let done = done.expect("the sender is held here").map_err(|msg| {
                        anyhow::anyhow!(
                            "claim extraction stopped (a claimdex bug, please report it): {msg}"
                        )
                    })?;
                    deliver(done, &mut sink, &mut report)?;
                    report.progress(read_bytes);
                },
            }
        }
        Ok(report)
    })
}

/// What the reader thread sends: an input event with the bytes read so far, or the message of a panic
/// that stopped it.
enum Read {
    Event(Event, u64),
    Failed(String),
}

/// Reads `sources` on a thread of its own, a few events ahead of the batches. The channel closes at the
/// end of the input; the thread stops early when nobody listens any more.
fn read_ahead(mut sources: Sources) -> anyhow::Result<Receiver<Read>> {
    let (tx, rx) = crossbeam_channel::bounded(READ_AHEAD);
    std::thread::Builder::new()
        .name("claimdex-read".into())
        .spawn(move || {
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                while let Some(event) = sources.next() {
                    if tx.send(Read::Event(event, sources.read_bytes())).is_err() {
                        return;
                    }
                }
            }));
            if let Err(panic) = read {
                let _ = tx.send(Read::Failed(panic_message(panic.as_ref())));
            }
        })?;
    Ok(rx)
}

/// A batch of articles with what extraction made of each (or the panic message of a failed one).
type Done<T> = (Vec<Document>, Vec<Result<Extracted<T>, String>>);

/// Hands a finished batch to the sink in input order, reporting the articles whose extraction failed.
fn deliver<T>(
    (batch, results): Done<T>,
    sink: &mut impl FnMut(&Analyzed<'_>, &[Claim], T, &mut Reporter) -> anyhow::Result<()>,
    report: &mut Reporter,
) -> anyhow::Result<()> {
    for (doc, ex) in batch.iter().zip(results) {
        let ex = match ex {
            Ok(ex) => ex,
            Err(msg) => {
                let p = &doc.provenance;
                report.error(&crate::Error::bad_input(
                    &p.path,
                    p.line,
                    format!(
                        "article {} skipped: internal error in claim extraction (a claimdex bug, \
                         please report it): {msg}",
                        doc.id
                    ),
                ));
                continue;
            }
        };
        let analyzed = Analyzed::from_parts(doc, ex.parts.0, ex.parts.1);
        sink(&analyzed, &ex.claims, ex.prepared, report)?;
        report.article(doc.len(), ex.claims.iter().map(|c| c.kind));
    }
    Ok(())
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
