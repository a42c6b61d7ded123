//! Printing claims: the flat [`ClaimRecord`] (the JSON Lines / CSV contract of `claimdex extract`) and the
//! sinks that write it as JSON Lines, CSV or an aligned table for people.
//!
//! Records are built at the edge from domain values; char offsets, lines and columns are derived here, once.

mod table;

use std::io::{self, Write};

use serde::Serialize;

use crate::claim::{Claim, ClaimKind, Qualifier, Subtype};
use crate::document::{DocId, Document};
use crate::text::{Analyzed, LineIndex};

pub use table::TableSink;

/// One claim as `claimdex extract` prints it. Field order is the column order of the CSV.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimRecord<'a> {
    /// The article's id.
    pub doc_id: DocId,
    /// Input path as given.
    pub source_path: &'a str,
    /// 1-based line of the article in a JSON Lines input.
    pub source_line: Option<u64>,
    /// The input's own `id`.
    pub source_id: Option<&'a str>,
    /// figure | date | entity | quote.
    pub kind: ClaimKind,
    /// The finer type.
    pub subtype: Subtype,
    /// The claim's exact text: `article[start..end]`.
    pub text: &'a str,
    /// UTF-8 byte offset of the first byte (0-based).
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// Unicode scalar offset of the first char (0-based).
    pub char_start: usize,
    /// Unicode scalar offset one past the last char.
    pub char_end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in chars.
    pub column: usize,
    /// The sentence (or sentences) around the claim.
    pub sentence: &'a str,
    /// Normalized value.
    pub value: Option<&'a str>,
    /// High end of a range.
    pub value_high: Option<&'a str>,
    /// Unit.
    pub unit: Option<&'a str>,
    /// What a rate is counted per.
    pub per: Option<&'a str>,
    /// Qualifier.
    pub qualifier: Option<Qualifier>,
    /// Speaker of a quote.
    pub speaker: Option<&'a str>,
    /// Rule id.
    pub rule: &'a str,
    /// Confidence, 0 to 1.
    pub confidence: f32,
}

impl<'a> ClaimRecord<'a> {
    /// The record for `claim` in `doc`, with positions from `lines` and the sentence from `analyzed`.
    pub fn new(analyzed: &Analyzed<'a>, lines: &LineIndex, claim: &'a Claim) -> ClaimRecord<'a> {
        let doc: &'a Document = analyzed.doc;
        let text: &str = &doc.text;
        let start = lines.position(text, claim.span.start);
        let end = lines.position(text, claim.span.end);
        ClaimRecord {
            doc_id: doc.id,
            source_path: &doc.provenance.path,
            source_line: doc.provenance.line,
            source_id: doc.metadata.source_id.as_deref(),
            kind: claim.kind,
            subtype: claim.subtype,
            text: &text[claim.span],
            start: claim.span.start,
            end: claim.span.end,
            char_start: start.char_offset,
            char_end: end.char_offset,
            line: start.line,
            column: start.column,
            sentence: &text[analyzed.sentence_around(claim.span)],
            value: claim.value.as_deref(),
            value_high: claim.value_high.as_deref(),
            unit: claim.unit.as_deref(),
            per: claim.per.as_deref(),
            qualifier: claim.qualifier,
            speaker: claim.speaker.as_deref(),
            rule: claim.rule,
            confidence: claim.confidence,
        }
    }
}

/// Where printed claims go.
pub trait ClaimSink {
    /// Writes the records of one document.
    fn write_doc(&mut self, doc: &Document, records: &[ClaimRecord<'_>]) -> io::Result<()>;
    /// Flushes what is buffered.
    fn finish(&mut self) -> io::Result<()>;
}

/// One JSON object per line.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> ClaimSink for JsonlSink<W> {
    fn write_doc(&mut self, _doc: &Document, records: &[ClaimRecord<'_>]) -> io::Result<()> {
        for r in records {
            serde_json::to_writer(&mut self.out, r)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// RFC 4180 CSV with a header row.
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            out: csv::Writer::from_writer(out),
        }
    }
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> ClaimSink for CsvSink<W> {
    fn write_doc(&mut self, _doc: &Document, records: &[ClaimRecord<'_>]) -> io::Result<()> {
        records
            .iter()
            .try_for_each(|r| self.out.serialize(r).map_err(csv_io))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
