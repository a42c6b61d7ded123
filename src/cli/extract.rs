//! `claimdex extract`: read articles, print their claims (JSON Lines, CSV or a table). Touches no index.

use std::io::{self, IsTerminal};

use super::batch::{drive, Inputs};
use super::report::Reporter;
use crate::claim::ClaimKind;
use crate::extract::Pipeline;
use crate::output::{ClaimRecord, ClaimSink, CsvSink, JsonlSink, TableSink};
use crate::source::InputFormat;
use clap::ValueEnum;

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per claim per line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Aligned columns for people, with sentence context.
    Table,
}

/// Arguments of `claimdex extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to read (`-` for standard input). Without paths, standard input is read when
    /// it is not a terminal.
    paths: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Input format: auto (by file name, then content), txt, html, json or jsonl.
    #[arg(long, default_value = "auto", value_parser = parse_input_format)]
    input_format: InputFormat,
    /// Only these claim kinds (figure, date, entity, quote); repeat or separate with commas.
    #[arg(long = "kind", value_delimiter = ',')]
    kinds: Vec<ClaimKind>,
    /// No warnings, progress or summary on stderr (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
}

pub(super) fn parse_input_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

/// What to read and extract.
pub struct ExtractOptions {
    /// Input format.
    pub format: InputFormat,
    /// Claim kinds (all when empty).
    pub kinds: Vec<ClaimKind>,
    /// No warnings, progress or summary.
    pub quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let paths = match super::input_paths(&args.paths) {
        Some(p) => p,
        None => return Ok(super::EXIT_USAGE),
    };
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Jsonl
    });
    let out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut sink: Box<dyn ClaimSink> = match format {
        OutputFormat::Jsonl => Box::new(JsonlSink::new(out)),
        OutputFormat::Csv => Box::new(CsvSink::new(out)),
        OutputFormat::Table => Box::new(TableSink::new(out)),
    };
    let opts = ExtractOptions {
        format: args.input_format,
        kinds: args.kinds,
        quiet: args.quiet,
    };
    let report = extract_all(&paths, &opts, sink.as_mut())?;
    Ok(report.finish("extract"))
}

/// Reads `paths`, extracts claims in parallel batches, and writes them to `sink` in input order.
/// Bad inputs are reported and counted in the returned reporter.
pub fn extract_all(
    paths: &[String],
    opts: &ExtractOptions,
    sink: &mut dyn ClaimSink,
) -> anyhow::Result<Reporter> {
    let pipeline = Pipeline::standard(&opts.kinds);
    let inputs = Inputs {
        paths,
        format: opts.format,
        quiet: opts.quiet,
    };
    // JSON Lines and CSV are formatted on the worker threads; the table needs the sink itself.
    let renderer = sink.renderer();
    let report = drive(
        &inputs,
        &pipeline,
        |_| false,
        |analyzed, claims| {
            renderer.map(|r| {
                let mut bytes = Vec::new();
                r.render(&ClaimRecord::all(analyzed, claims), &mut bytes)
                    .map(|()| bytes)
            })
        },
        |analyzed, claims, rendered, _| {
            match rendered {
                Some(bytes) => sink.write_rendered(&bytes?)?,
                None => sink.write_doc(analyzed.doc, &ClaimRecord::all(analyzed, claims))?,
            }
            Ok(())
        },
    )?;
    sink.finish()?;
    Ok(report)
}
