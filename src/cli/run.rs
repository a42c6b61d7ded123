//! `claimdex run`: the main job. Ingests `corpus/` into `indexes/` (only what is new), exports everything
//! to `output/`, and prints a short summary: articles, claims by kind, top entities, where the files are.
//! Re-running is safe and adds nothing twice.

use std::path::PathBuf;

use super::export::describe;
use super::ingest::ingest;
use crate::export::{export, ExportOptions, TableFormat};
use crate::index::search::SearchRequest;
use crate::index::ClaimIndex;
use crate::source::InputFormat;

/// Arguments of `claimdex run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The articles to process.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// The index directory.
    #[arg(long, default_value = "indexes")]
    index: PathBuf,
    /// Where the exports go.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// No progress or summary on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Delete the index first and ingest the corpus again (after an upgrade that changed the index
    /// schema). Only a directory holding a claimdex index is deleted.
    #[arg(long)]
    rebuild: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    if args.rebuild && args.index.join(crate::index::MANIFEST).is_file() {
        remove_index(&args.index)?;
    }
    let corpus = args.corpus.to_string_lossy().into_owned();
    let summary = ingest(
        &[corpus],
        &args.index,
        InputFormat::Auto,
        super::ingest::DEFAULT_COMMIT_EVERY,
        super::ingest::DEFAULT_MEMORY_MB,
        args.quiet,
    )?;
    let code = summary
        .report
        .finish_ingest(&args.index, summary.index_bytes);
    let idx = ClaimIndex::open(&args.index)?;
    let opts = ExportOptions {
        out: args.out.clone(),
        filter: SearchRequest {
            query: "*".into(),
            ..SearchRequest::default()
        },
        excel_safe: false,
        format: TableFormat::Csv,
    };
    let exported = export(&idx, &opts)?;
    if !args.quiet {
        eprintln!("claimdex: {}", describe(&exported));
        let counts = super::stats::term_counts(&idx, idx.fields.entity_keys)?;
        let names: Vec<String> = super::stats::top(&counts, 8)
            .into_iter()
            .map(|(k, n)| format!("{k} ({n})"))
            .collect();
        eprintln!("claimdex: top entities: {}", names.join(", "));
        eprintln!(
            "claimdex: search it with `claimdex search --index {} QUERY`; the data package is {}",
            args.index.display(),
            args.out.join("datapackage.json").display()
        );
    }
    Ok(code)
}

/// Removes an index's files, keeping the directory and a `.gitkeep` placeholder in it.
fn remove_index(dir: &std::path::Path) -> anyhow::Result<()> {
    let fail = |e: std::io::Error| {
        anyhow::anyhow!(
            "{}: cannot remove the index to rebuild it: {e}",
            dir.display()
        )
    };
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        if path.file_name().is_some_and(|n| n == ".gitkeep") {
            continue;
        }
        if path.is_dir() {
            std::fs::remove_dir_all(&path).map_err(fail)?;
        } else {
            std::fs::remove_file(&path).map_err(fail)?;
        }
    }
    Ok(())
}
