//! Progress and problem reporting for batch commands: a progress bar on stderr when stderr is a terminal,
//! every bad input named with its reason, and counts for the end summary and the exit status.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::claim::ClaimKind;
use crate::source::Warning;

/// Counts and progress for one run.
pub struct Reporter {
    bar: ProgressBar,
    quiet: bool,
    started: Instant,
    /// Articles read.
    pub articles: u64,
    /// Bytes of article text processed.
    pub text_bytes: u64,
    /// Inputs or records that failed.
    pub failed: u64,
    /// Articles skipped because they were already processed (ingest).
    pub skipped: u64,
    /// Warnings.
    pub warnings: u64,
    /// Claims by kind, in `ClaimKind::ALL` order.
    pub claims: [u64; 4],
}

impl Reporter {
    /// A reporter for a run over `total_bytes` of input; `quiet` silences warnings and the summary (errors
    /// are always printed).
    pub fn new(total_bytes: u64, quiet: bool) -> Reporter {
        let bar = if std::io::stderr().is_terminal() && !quiet {
            let bar =
                ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}) {msg}",
                )
                .expect("static template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        Reporter {
            bar,
            quiet,
            started: Instant::now(),
            articles: 0,
            text_bytes: 0,
            failed: 0,
            skipped: 0,
            warnings: 0,
            claims: [0; 4],
        }
    }

    /// Reports a failed input or record.
    pub fn error(&mut self, e: &dyn std::fmt::Display) {
        self.failed += 1;
        self.bar.suspend(|| eprintln!("claimdex: error: {e}"));
    }

    /// Reports a warning.
    pub fn warning(&mut self, w: &Warning) {
        self.warnings += 1;
        if !self.quiet {
            self.bar.suspend(|| eprintln!("claimdex: warning: {w}"));
        }
    }

    /// Counts a processed article and its claims.
    pub fn article(&mut self, text_bytes: usize, kinds: impl Iterator<Item = ClaimKind>) {
        self.articles += 1;
        self.text_bytes += text_bytes as u64;
        for k in kinds {
            self.claims[k as usize] += 1;
        }
    }

    /// Moves the bar to `read_bytes` of input and shows the counts.
    pub fn progress(&self, read_bytes: u64) {
        if !self.bar.is_hidden() {
            self.bar.set_position(read_bytes);
            self.bar.set_message(format!(
                "{} articles, {} claims",
                self.articles,
                self.claims.iter().sum::<u64>()
            ));
        }
    }

    /// Seconds since the run started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Clears the bar and prints the summary line for `verb` (unless quiet); returns the exit status.
    pub fn finish(&self, verb: &str) -> i32 {
        self.bar.finish_and_clear();
        if !self.quiet {
            eprintln!("claimdex: {}", self.summary(verb));
        }
        if self.failed > 0 {
            super::EXIT_ERROR
        } else {
            super::EXIT_OK
        }
    }

    /// Clears the bar and prints the ingest summary (unless quiet); returns the exit status.
    pub fn finish_ingest(&self, index: &std::path::Path, index_bytes: u64) -> i32 {
        self.bar.finish_and_clear();
        if !self.quiet {
            let secs = self.elapsed().as_secs_f64().max(1e-9);
            let by_kind: Vec<String> = ClaimKind::ALL
                .iter()
                .map(|k| format!("{} {}", self.claims[*k as usize], k.as_str()))
                .collect();
            let mb = self.text_bytes as f64 / 1e6;
            eprintln!(
                "claimdex: ingest: {} new articles, {} skipped (already indexed), {} failed, {} warnings; \
                 {} claims ({}); {:.2} MB of text in {:.2} s ({:.1} MB/s, {:.0} articles/s); index {} ({:.1} MB)",
                self.articles,
                self.skipped,
                self.failed,
                self.warnings,
                self.claims.iter().sum::<u64>(),
                by_kind.join(", "),
                mb,
                secs,
                mb / secs,
                (self.articles + self.skipped) as f64 / secs,
                index.display(),
                index_bytes as f64 / 1e6
            );
        }
        if self.failed > 0 {
            super::EXIT_ERROR
        } else {
            super::EXIT_OK
        }
    }

    /// The one-line summary: articles, claims by kind, failures, throughput.
    pub fn summary(&self, verb: &str) -> String {
        let secs = self.elapsed().as_secs_f64().max(1e-9);
        let mb = self.text_bytes as f64 / 1e6;
        let by_kind: Vec<String> = ClaimKind::ALL
            .iter()
            .map(|k| format!("{} {}", self.claims[*k as usize], k.as_str()))
            .collect();
        format!(
            "{verb}: {} articles, {} claims ({}), {} failed, {} warnings; {:.2} MB of text in {:.2} s ({:.1} MB/s)",
            self.articles,
            self.claims.iter().sum::<u64>(),
            by_kind.join(", "),
            self.failed,
            self.warnings,
            mb,
            secs,
            mb / secs
        )
    }
}
