//! `claimdex export`: write `claims.csv`, `documents.csv` and `datapackage.json` from the index, all or a
//! filtered subset, deterministically.

use std::path::PathBuf;

use clap::ValueEnum;

use super::search::FilterArgs;
use crate::export::{export, ExportOptions, ExportSummary, TableFormat};
use crate::index::ClaimIndex;

/// Table formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CSV tables and a Frictionless datapackage.json.
    Csv,
    /// JSON Lines tables.
    Jsonl,
}

/// Arguments of `claimdex export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The index directory.
    #[arg(long, default_value = "indexes")]
    index: PathBuf,
    /// The output directory.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// Only claims matching this query (the search query language).
    #[arg(long, default_value = "*")]
    query: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// Neutralize text cells a spreadsheet would run as formulas (leading =, +, -, @, tab, CR get a ').
    #[arg(long)]
    excel_safe: bool,
    /// Table format.
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// No summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let idx = ClaimIndex::open(&args.index)?;
    let opts = ExportOptions {
        out: args.out.clone(),
        filter: args.filters.request(&args.query, 0, 0),
        excel_safe: args.excel_safe,
        format: match args.format {
            Format::Csv => TableFormat::Csv,
            Format::Jsonl => TableFormat::Jsonl,
        },
    };
    let summary = match export(&idx, &opts) {
        Ok(s) => s,
        Err(crate::Error::Usage(msg)) => {
            eprintln!("claimdex: {msg}");
            return Ok(super::EXIT_ERROR);
        }
        Err(e) => return Err(e.into()),
    };
    if !args.quiet {
        eprintln!("claimdex: {}", describe(&summary));
    }
    Ok(super::EXIT_OK)
}

/// "export: 11 documents, 346 claims (...) -> files".
pub fn describe(s: &ExportSummary) -> String {
    let files: Vec<String> = s.files.iter().map(|p| p.display().to_string()).collect();
    format!(
        "export: {} documents, {} claims ({} figure, {} date, {} entity, {} quote) -> {}",
        s.documents,
        s.claims.iter().sum::<u64>(),
        s.claims[0],
        s.claims[1],
        s.claims[2],
        s.claims[3],
        files.join(", ")
    )
}
