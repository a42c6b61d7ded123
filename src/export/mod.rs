//! Exports for data teams: `claims.csv`, `documents.csv` and `datapackage.json` (a Frictionless Data
//! Package describing both), or JSON Lines versions of the two tables.
//!
//! Output is deterministic: documents sorted by doc id, claims by (doc id, start, end, kind), no export
//! time stamp anywhere, so two exports of the same index are byte-identical. Files are written beside their
//! final name and renamed into place, so a failed export never leaves a half-written table.
//!
//! Memory stays small on large indexes: a first pass collects only sort keys, a second pass reads and
//! writes one row at a time.

pub mod rows;
pub mod schema;

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tantivy::collector::DocSetCollector;
use tantivy::{DocAddress, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::search::{article_in, build_query, text_of, u64_of, Articles, SearchRequest};
use crate::index::ClaimIndex;
use rows::{ClaimRow, DocumentRow};

/// File format of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// RFC 4180 CSV with a header row, plus `datapackage.json`.
    Csv,
    /// One JSON object per row.
    Jsonl,
}

/// What to export and how.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Output directory (created when missing).
    pub out: PathBuf,
    /// Which claims (the same filters as search; limit and offset are ignored).
    pub filter: SearchRequest,
    /// Neutralize formula-like text cells.
    pub excel_safe: bool,
    /// CSV or JSON Lines.
    pub format: TableFormat,
}

/// What an export wrote.
#[derive(Clone, Debug, Default)]
pub struct ExportSummary {
    /// Documents written.
    pub documents: u64,
    /// Claims written, by kind (figure, date, entity, quote).
    pub claims: [u64; 4],
    /// Files written.
    pub files: Vec<PathBuf>,
}

fn kind_index(kind: &str) -> usize {
    match kind {
        "figure" => 0,
        "date" => 1,
        "entity" => 2,
        _ => 3,
    }
}

/// True when the filter selects everything (then articles without claims are exported too).
fn selects_all(f: &SearchRequest) -> bool {
    let q = f.query.trim();
    (q.is_empty() || q == "*")
        && f.kinds.is_empty()
        && f.subtypes.is_empty()
        && f.entity.is_none()
        && f.speaker.is_none()
        && f.source.is_none()
        && f.since.is_none()
        && f.until.is_none()
        && f.min.is_none()
        && f.max.is_none()
        && f.unit.is_none()
        && f.doc_id.is_none()
}

/// A table being written to a temporary file, renamed into place on `finish`.
struct Table {
    tmp: PathBuf,
    path: PathBuf,
    format: TableFormat,
    csv: Option<csv::Writer<BufWriter<File>>>,
    jsonl: Option<BufWriter<File>>,
}

impl Table {
    fn create(dir: &Path, stem: &str, format: TableFormat, header: &[&str]) -> Result<Table> {
        let ext = if format == TableFormat::Csv {
            "csv"
        } else {
            "jsonl"
        };
        let path = dir.join(format!("{stem}.{ext}"));
        let tmp = dir.join(format!(".{stem}.{ext}.tmp"));
        let file = File::create(&tmp).map_err(|e| Error::store(&tmp, e))?;
        let buf = BufWriter::with_capacity(256 * 1024, file);
        let (csv, jsonl) = match format {
            TableFormat::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .terminator(csv::Terminator::Any(b'\n'))
                    .from_writer(buf);
                w.write_record(header).map_err(|e| Error::store(&tmp, e))?;
                (Some(w), None)
            }
            TableFormat::Jsonl => (None, Some(buf)),
        };
        Ok(Table {
            tmp,
            path,
            format,
            csv,
            jsonl,
        })
    }

    fn write<T: serde::Serialize>(&mut self, row: &T) -> Result<()> {
        match self.format {
            TableFormat::Csv => self
                .csv
                .as_mut()
                .expect("csv writer")
                .serialize(row)
                .map_err(|e| Error::store(&self.tmp, e)),
            TableFormat::Jsonl => {
                let w = self.jsonl.as_mut().expect("jsonl writer");
                serde_json::to_writer(&mut *w, row).map_err(|e| Error::store(&self.tmp, e))?;
                w.write_all(b"\n").map_err(|e| Error::store(&self.tmp, e))
            }
        }
    }

    fn finish(self) -> Result<PathBuf> {
        if let Some(mut w) = self.csv {
            w.flush().map_err(|e| Error::store(&self.tmp, e))?;
        }
        if let Some(mut w) = self.jsonl {
            w.flush().map_err(|e| Error::store(&self.tmp, e))?;
        }
        std::fs::rename(&self.tmp, &self.path).map_err(|e| Error::store(&self.path, e))?;
        Ok(self.path)
    }
}

/// Runs an export.
pub fn export(idx: &ClaimIndex, opts: &ExportOptions) -> Result<ExportSummary> {
    std::fs::create_dir_all(&opts.out).map_err(|e| Error::store(&opts.out, e))?;
    let f = &idx.fields;
    let searcher = idx.searcher()?;
    let query = build_query(idx, &opts.filter)?;
    let matching = searcher
        .search(query.as_ref(), &DocSetCollector)
        .map_err(|e| Error::store(&idx.path, e))?;

    // Pass 1: sort keys only.
    let load = |addr: DocAddress| -> Result<TantivyDocument> {
        searcher.doc(addr).map_err(|e| Error::store(&idx.path, e))
    };
    let mut keys: Vec<(String, u64, u64, String, DocAddress)> = Vec::with_capacity(matching.len());
    let mut counts: BTreeMap<String, [u64; 4]> = BTreeMap::new();
    for addr in matching {
        let d = load(addr)?;
        let doc_id = text_of(&d, f.doc_id).unwrap_or_default();
        let kind = text_of(&d, f.kind).unwrap_or_default();
        let (start, end) = (
            u64_of(&d, f.start).unwrap_or(0),
            u64_of(&d, f.end).unwrap_or(0),
        );
        counts.entry(doc_id.clone()).or_default()[kind_index(&kind)] += 1;
        keys.push((doc_id, start, end, kind, addr));
    }
    keys.sort();

    // Documents: every article when the filter selects all, else those the claims come from.
    let mut doc_ids: BTreeSet<String> = counts.keys().cloned().collect();
    if selects_all(&opts.filter) {
        doc_ids.extend(
            crate::index::writer::indexed_doc_ids(idx)?
                .into_iter()
                .map(|d| d.to_string()),
        );
    }
    let mut summary = ExportSummary::default();
    let mut docs = Table::create(
        &opts.out,
        "documents",
        opts.format,
        &schema::document_columns(),
    )?;
    for id in &doc_ids {
        let Some(a) = article_in(idx, &searcher, id)? else {
            continue;
        };
        let c = counts.get(id).copied().unwrap_or_default();
        let mut row = DocumentRow {
            doc_id: a.doc_id,
            sha256: a.sha256,
            source_path: a.source_path,
            source_line: a.source_line,
            source_id: a.source_id,
            url: a.url,
            title: a.title,
            author: a.author,
            site: a.site,
            language: a.language,
            published: a.published,
            bytes: a.bytes,
            ingested_at: iso_utc(a.ingested_at),
            figure_claims: c[0],
            date_claims: c[1],
            entity_claims: c[2],
            quote_claims: c[3],
            text: a.text,
        };
        if opts.excel_safe {
            row.excel_safe();
        }
        docs.write(&row)?;
        summary.documents += 1;
    }
    summary.files.push(docs.finish()?);

    // Pass 2: claims in key order.
    let mut claims = Table::create(&opts.out, "claims", opts.format, &schema::claim_columns())?;
    let version = format!("claimdex {}", env!("CARGO_PKG_VERSION"));
    let mut articles = Articles::new(idx, &searcher);
    for (.., addr) in keys {
        let c = articles.claim(&load(addr)?)?;
        let mut row = ClaimRow {
            claim_id: c.claim_id,
            doc_id: c.doc_id,
            kind: c.kind,
            subtype: c.subtype,
            text: c.text,
            value: c.value,
            value_high: c.value_high,
            value_number: c.value_number,
            unit: c.unit,
            per: c.per,
            qualifier: c.qualifier,
            speaker: c.speaker,
            sentence: c.sentence,
            start: c.start,
            end: c.end,
            char_start: c.char_start,
            char_end: c.char_end,
            line: c.line,
            column: c.column,
            rule: c.rule,
            confidence: c.confidence,
            published: c.published,
            url: c.url,
            source_path: c.source_path,
            title: c.title,
            pipeline_version: version.clone(),
        };
        summary.claims[kind_index(&row.kind)] += 1;
        if opts.excel_safe {
            row.excel_safe();
        }
        claims.write(&row)?;
    }
    summary.files.push(claims.finish()?);

    if opts.format == TableFormat::Csv {
        let path = opts.out.join("datapackage.json");
        let json = serde_json::to_string_pretty(&schema::datapackage(opts.excel_safe))
            .expect("descriptor serializes");
        std::fs::write(&path, json + "\n").map_err(|e| Error::store(&path, e))?;
        summary.files.push(path);
    }
    Ok(summary)
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
fn iso_utc(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map_or_else(String::new, |d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}
