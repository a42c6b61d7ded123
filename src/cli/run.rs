//! `claimdex run`: the main job over the sample corpus. Reads `corpus/`, writes every claim to
//! `output/claims.jsonl`, and prints a short summary.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use anyhow::Context;

use super::extract::{extract_all, ExtractOptions};
use crate::output::JsonlSink;
use crate::source::InputFormat;

/// Arguments of `claimdex run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The articles to process.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Where the exports go.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// No progress or summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let path = args.out.join("claims.jsonl");
    let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    let mut sink = JsonlSink::new(BufWriter::new(file));
    let corpus = args.corpus.to_string_lossy().into_owned();
    let opts = ExtractOptions {
        format: InputFormat::Auto,
        kinds: Vec::new(),
        quiet: args.quiet,
    };
    let report = extract_all(&[corpus], &opts, &mut sink)?;
    let code = report.finish("run");
    if !args.quiet {
        eprintln!("claimdex: claims written to {}", path.display());
    }
    Ok(code)
}
