//! The command line: one file per subcommand, each an `Args` struct and a `run` function returning the
//! process exit status (0 all good, 2 when some input failed; usage errors are 1, set in `main`).

mod batch;
mod bench;
mod export;
mod extract;
mod ingest;
mod report;
mod run;
mod search;
mod show;
mod stages;
mod stats;

use clap::{Parser, Subcommand};

/// claimdex: turn news articles into searchable, checkable claims.
#[derive(Debug, Parser)]
#[command(name = "claimdex", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the claims found in articles, without touching any index.
    Extract(extract::Args),
    /// Add articles and their claims to the index (incremental: known articles are skipped).
    Ingest(ingest::Args),
    /// Search claims in the index.
    Search(search::Args),
    /// Print an indexed article with its claims marked.
    Show(show::Args),
    /// Summarize the index: articles, claims by kind, top entities and speakers, size.
    Stats(stats::Args),
    /// Write claims.csv, documents.csv and datapackage.json from the index.
    Export(export::Args),
    /// The main job: process the sample corpus and write the exports.
    Run(run::Args),
    /// Measure ingest and search speed on a generated (or given) corpus.
    Bench(bench::Args),
}

/// Exit status when everything went well.
pub const EXIT_OK: i32 = 0;
/// Exit status for usage errors.
pub const EXIT_USAGE: i32 = 1;
/// Exit status when some input (or the run) failed.
pub const EXIT_ERROR: i32 = 2;

/// Parses the arguments and runs the subcommand, returning the exit status.
pub fn run() -> anyhow::Result<i32> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            // Printing help or a usage error can only fail on a closed stream; nothing more to say then.
            let _ = e.print();
            return Ok(code);
        }
    };
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Search(args) => search::run(args),
        Command::Show(args) => show::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Export(args) => export::run(args),
        Command::Run(args) => run::run(args),
        Command::Bench(args) => bench::run(args),
    }
}

/// The inputs to read: the paths given, or standard input when none are given and it is not a terminal.
/// `None` (after printing why) when there is nothing to read.
fn input_paths(paths: &[String]) -> Option<Vec<String>> {
    use std::io::IsTerminal;
    if !paths.is_empty() {
        return Some(paths.to_vec());
    }
    if std::io::stdin().is_terminal() {
        eprintln!("claimdex: no input: give files or directories, or pipe articles on standard input (try --help)");
        return None;
    }
    Some(vec!["-".to_string()])
}
