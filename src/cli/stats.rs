//! `claimdex stats`: what the index holds — articles, claims by kind and subtype, top entities and
//! speakers, size on disk.

use std::collections::BTreeMap;
use std::path::PathBuf;

use tantivy::schema::Field;

use crate::index::ClaimIndex;

/// Arguments of `claimdex stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The index directory.
    #[arg(long, default_value = "indexes")]
    index: PathBuf,
    /// How many top entities and speakers to list.
    #[arg(long, default_value_t = 10)]
    top: usize,
}

/// Document frequency of every term of `field`, summed over segments.
pub fn term_counts(idx: &ClaimIndex, field: Field) -> anyhow::Result<BTreeMap<String, u64>> {
    let searcher = idx.searcher()?;
    let mut counts = BTreeMap::new();
    for seg in searcher.segment_readers() {
        let inverted = seg.inverted_index(field)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let key = String::from_utf8_lossy(stream.key()).into_owned();
            *counts.entry(key).or_insert(0) += stream.value().doc_freq as u64;
        }
    }
    Ok(counts)
}

/// The `n` most frequent terms, most frequent first (ties by term).
pub(super) fn top(counts: &BTreeMap<String, u64>, n: usize) -> Vec<(&String, &u64)> {
    let mut v: Vec<_> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.truncate(n);
    v
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    use std::io::Write;
    let idx = ClaimIndex::open(&args.index)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let f = &idx.fields;
    let records = term_counts(&idx, f.record)?;
    let kinds = term_counts(&idx, f.kind)?;
    let subtypes = term_counts(&idx, f.subtype)?;
    writeln!(
        out,
        "index:     {} ({:.1} MB)",
        args.index.display(),
        idx.size_on_disk() as f64 / 1e6
    )?;
    writeln!(
        out,
        "articles:  {}",
        records.get("article").copied().unwrap_or(0)
    )?;
    writeln!(
        out,
        "claims:    {}",
        records.get("claim").copied().unwrap_or(0)
    )?;
    for (k, n) in &kinds {
        writeln!(out, "  {k:<10} {n}")?;
    }
    writeln!(out, "subtypes:")?;
    for (k, n) in &subtypes {
        writeln!(out, "  {k:<14} {n}")?;
    }
    writeln!(out, "top entities (sentences naming them):")?;
    for (k, n) in top(&term_counts(&idx, f.entity_keys)?, args.top) {
        writeln!(out, "  {n:>7}  {k}")?;
    }
    writeln!(out, "top speakers (quotes):")?;
    for (k, n) in top(&term_counts(&idx, f.speaker_key)?, args.top) {
        writeln!(out, "  {n:>7}  {k}")?;
    }
    out.flush()?;
    Ok(0)
}
