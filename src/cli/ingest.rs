//! `claimdex ingest`: read articles, extract their claims and add them to the index on disk. Articles
//! already indexed are skipped (and counted), so re-running adds only what is new.

use std::path::PathBuf;

use super::batch::{drive, Inputs};
use crate::extract::Pipeline;
use crate::index::writer::{build_records, Ingester, WriterOptions};
use crate::index::ClaimIndex;
use crate::source::InputFormat;

/// Default of `--commit-every` (also used by `claimdex run`).
pub const DEFAULT_COMMIT_EVERY: usize = 5_000;
/// Default of `--memory-mb` (also used by `claimdex run`).
pub const DEFAULT_MEMORY_MB: usize = 96;

/// Arguments of `claimdex ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to read (`-` for standard input).
    #[arg(required = true)]
    paths: Vec<String>,
    /// The index directory (created when missing).
    #[arg(long, default_value = "indexes")]
    index: PathBuf,
    /// Input format: auto, txt, html, json or jsonl.
    #[arg(long, default_value = "auto", value_parser = super::extract::parse_input_format)]
    input_format: InputFormat,
    /// Commit after this many new articles (smaller: less to redo after a crash; larger: faster).
    #[arg(long, default_value_t = DEFAULT_COMMIT_EVERY)]
    commit_every: usize,
    /// Memory for the index writer, in MB.
    #[arg(long, default_value_t = DEFAULT_MEMORY_MB)]
    memory_mb: usize,
    /// No warnings, progress or summary on stderr (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
}

/// What an ingest run did.
pub struct IngestSummary {
    /// The reporter with the counts.
    pub report: super::report::Reporter,
    /// Size of the index afterwards.
    pub index_bytes: u64,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let summary = ingest(
        &args.paths,
        &args.index,
        args.input_format,
        args.commit_every,
        args.memory_mb,
        args.quiet,
    )?;
    let code = summary
        .report
        .finish_ingest(&args.index, summary.index_bytes);
    Ok(code)
}

/// Ingests `paths` into the index at `index_path`.
pub fn ingest(
    paths: &[String],
    index_path: &std::path::Path,
    format: InputFormat,
    commit_every: usize,
    memory_mb: usize,
    quiet: bool,
) -> anyhow::Result<IngestSummary> {
    let idx = ClaimIndex::open_or_create(index_path)?;
    let opts = WriterOptions {
        commit_every_docs: commit_every.max(1),
        memory_budget: memory_mb.max(16) << 20,
        // Reproducible builds' convention: a fixed time stamp when SOURCE_DATE_EPOCH is set.
        ingested_at: std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse().ok()),
        ..WriterOptions::default()
    };
    let ingester = std::cell::RefCell::new(Ingester::new(&idx, opts)?);
    let pipeline = Pipeline::standard(&[]);
    let inputs = Inputs {
        paths,
        format,
        quiet,
    };
    let fields = idx.fields.clone();
    let ingested_at = ingester.borrow().ingested_at();
    // Articles queued in this run, so that a duplicate inside the input is skipped before extraction.
    let mut queued = std::collections::HashSet::new();
    let report = drive(
        &inputs,
        &pipeline,
        |doc| ingester.borrow().contains(doc.id) || !queued.insert(doc.id),
        // Records are built on the worker threads; the writer only queues them.
        |analyzed, claims| build_records(&fields, analyzed, claims, ingested_at),
        |analyzed, _claims, records, _report| {
            ingester
                .borrow_mut()
                .add(analyzed.doc.id, analyzed.doc.len(), records)?;
            Ok(())
        },
    )?;
    ingester.into_inner().finish()?;
    let index_bytes = idx.size_on_disk();
    Ok(IngestSummary {
        report,
        index_bytes,
    })
}
