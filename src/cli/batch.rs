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
            let results: Vec<Extracted<T>> = batch
                .par_iter()
                .map(|doc| {
                    let analyzed = Analyzed::new(doc);
                    let claims = pipeline.run(&analyzed);
                    let prepared = prepare(&analyzed, &claims);
                    Extracted {
                        parts: analyzed.into_parts(),
                        claims,
                        prepared,
                    }
                })
                .collect();
            for (doc, ex) in batch.iter().zip(results) {
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
