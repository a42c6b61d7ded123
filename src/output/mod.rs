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
    /// The field names in order: the CSV header and the JSON keys.
    pub const COLUMNS: [&'static str; 22] = [
        "doc_id",
        "source_path",
        "source_line",
        "source_id",
        "kind",
        "subtype",
        "text",
        "start",
        "end",
        "char_start",
        "char_end",
        "line",
        "column",
        "sentence",
        "value",
        "value_high",
        "unit",
        "per",
        "qualifier",
        "speaker",
        "rule",
        "confidence",
    ];

    /// The records of an article's claims, in the order given.
    pub fn all(analyzed: &Analyzed<'a>, claims: &'a [Claim]) -> Vec<ClaimRecord<'a>> {
        let lines = LineIndex::new(analyzed.text());
        claims
            .iter()
            .map(|c| ClaimRecord::new(analyzed, &lines, c))
            .collect()
    }

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

    /// Appends the record as one JSON object: the bytes `serde_json::to_writer` makes of it, with the
    /// article's fields taken from `head` when the previous record came from the same article, and the
    /// sentence's escaped form from `sentence` when it had the same sentence (an article's claims come
    /// sentence by sentence, about three to a sentence).
    fn write_json(
        &self,
        head: &mut ArticleHead<'a>,
        sentence: &mut EscapedSentence<'a>,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        out.extend_from_slice(head.of(self)?);
        field(out, "kind", &self.kind)?;
        field(out, "subtype", &self.subtype)?;
        field(out, "text", self.text)?;
        field(out, "start", &self.start)?;
        field(out, "end", &self.end)?;
        field(out, "char_start", &self.char_start)?;
        field(out, "char_end", &self.char_end)?;
        field(out, "line", &self.line)?;
        field(out, "column", &self.column)?;
        out.extend_from_slice(b",\"sentence\":");
        out.extend_from_slice(sentence.of(self.sentence)?);
        field(out, "value", &self.value)?;
        field(out, "value_high", &self.value_high)?;
        field(out, "unit", &self.unit)?;
        field(out, "per", &self.per)?;
        field(out, "qualifier", &self.qualifier)?;
        field(out, "speaker", &self.speaker)?;
        field(out, "rule", self.rule)?;
        field(out, "confidence", &self.confidence)?;
        out.push(b'}');
        Ok(())
    }
}

/// `,"key":value`.
fn field<T: Serialize + ?Sized>(out: &mut Vec<u8>, key: &str, value: &T) -> io::Result<()> {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)
}

/// The opening of the last record written, `{"doc_id":…,"source_path":…,"source_line":…,"source_id":…`,
/// kept while the next records come from the same article (all of them, as a renderer gets them).
#[derive(Default)]
struct ArticleHead<'s> {
    /// The fields it was made of.
    of: Option<(DocId, &'s str, Option<u64>, Option<&'s str>)>,
    json: Vec<u8>,
}

impl<'s> ArticleHead<'s> {
    fn of(&mut self, r: &ClaimRecord<'s>) -> io::Result<&[u8]> {
        let key = (r.doc_id, r.source_path, r.source_line, r.source_id);
        if self.of != Some(key) {
            self.json.clear();
            self.json.extend_from_slice(b"{\"doc_id\":");
            serde_json::to_writer(&mut self.json, &r.doc_id)?;
            field(&mut self.json, "source_path", r.source_path)?;
            field(&mut self.json, "source_line", &r.source_line)?;
            field(&mut self.json, "source_id", &r.source_id)?;
            self.of = Some(key);
        }
        Ok(&self.json)
    }
}

/// The JSON string of the last sentence written, kept while the next records share it.
#[derive(Default)]
struct EscapedSentence<'s> {
    /// The sentence, borrowed from its article: the same text at the same place is the same sentence.
    of: Option<&'s str>,
    json: Vec<u8>,
}

impl<'s> EscapedSentence<'s> {
    fn of(&mut self, sentence: &'s str) -> io::Result<&[u8]> {
        if !self.of.is_some_and(|last| std::ptr::eq(last, sentence)) {
            self.json.clear();
            serde_json::to_writer(&mut self.json, sentence)?;
            self.of = Some(sentence);
        }
        Ok(&self.json)
    }
}

/// Where printed claims go.
pub trait ClaimSink {
    /// Writes the records of one document.
    fn write_doc(&mut self, doc: &Document, records: &[ClaimRecord<'_>]) -> io::Result<()>;
    /// The renderer that makes this sink's bytes for one document on any thread, for sinks whose
    /// documents are formatted independently of each other. For such a sink, `write_doc` is the same as
    /// rendering the records and passing the bytes to [`ClaimSink::write_rendered`].
    fn renderer(&self) -> Option<Renderer> {
        None
    }
    /// Writes the bytes [`ClaimSink::renderer`] made for one document. Sinks without a renderer never get
    /// here; they report an error.
    fn write_rendered(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Err(io::Error::other(
            "this output format cannot take pre-rendered claims",
        ))
    }
    /// Flushes what is buffered.
    fn finish(&mut self) -> io::Result<()>;
}

/// Formats whose output for one document depends on nothing else, so documents can be rendered on worker
/// threads and their bytes concatenated in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// One JSON object per line.
    Jsonl,
    /// CSV rows without the header (the sink writes the header once, before the first row).
    Csv,
}

impl Renderer {
    /// Appends the lines of `records` to `out`.
    pub fn render(self, records: &[ClaimRecord<'_>], out: &mut Vec<u8>) -> io::Result<()> {
        match self {
            Renderer::Jsonl => {
                // Room for records of a typical size (about 550 bytes of news): one allocation for an
                // article's lines, not a series of doublings that copy them.
                out.reserve(records.len() * 512);
                let mut head = ArticleHead::default();
                let mut sentence = EscapedSentence::default();
                for r in records {
                    r.write_json(&mut head, &mut sentence, out)?;
                    out.push(b'\n');
                }
                Ok(())
            }
            Renderer::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut *out);
                for r in records {
                    w.serialize(r).map_err(csv_io)?;
                }
                w.flush()
            }
        }
    }
}

/// `write_doc` of a sink that has a renderer: render, then write the bytes.
fn render_and_write(
    sink: &mut dyn ClaimSink,
    renderer: Renderer,
    records: &[ClaimRecord<'_>],
) -> io::Result<()> {
    let mut bytes = Vec::new();
    renderer.render(records, &mut bytes)?;
    sink.write_rendered(&bytes)
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
        render_and_write(self, Renderer::Jsonl, records)
    }

    fn renderer(&self) -> Option<Renderer> {
        Some(Renderer::Jsonl)
    }

    fn write_rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// RFC 4180 CSV with a header row ([`ClaimRecord::COLUMNS`]), written before the first claim (an
/// output with no claims is empty).
pub struct CsvSink<W: Write> {
    out: W,
    header_written: bool,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            out,
            header_written: false,
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
        render_and_write(self, Renderer::Csv, records)
    }

    fn renderer(&self) -> Option<Renderer> {
        Some(Renderer::Csv)
    }

    fn write_rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
        if !bytes.is_empty() && !self.header_written {
            let mut w = csv::Writer::from_writer(&mut self.out);
            w.write_record(ClaimRecord::COLUMNS).map_err(csv_io)?;
            w.flush()?;
            self.header_written = true;
        }
        self.out.write_all(bytes)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Metadata, Provenance};
    use crate::span::Span;

    fn doc() -> Document {
        Document::new(
            "Sales rose \"about 5%\", she said.\nIn March, \"it fell\".".into(),
            Provenance::default(),
            Metadata::default(),
        )
    }

    fn claims(doc: &Document) -> Vec<Claim> {
        let figure = doc.text.find("5%").unwrap();
        let date = doc.text.find("March").unwrap();
        vec![
            Claim::new(
                ClaimKind::Figure,
                Subtype::Percent,
                Span::new(figure, figure + 2),
                "figure.test",
            ),
            Claim::new(
                ClaimKind::Date,
                Subtype::Date,
                Span::new(date, date + 5),
                "date.test",
            ),
        ]
    }

    fn written(sink: &mut dyn ClaimSink, doc: &Document, claims: &[Claim]) {
        let analyzed = Analyzed::new(doc);
        sink.write_doc(doc, &ClaimRecord::all(&analyzed, claims))
            .unwrap();
        sink.finish().unwrap();
    }

    #[test]
    fn csv_header_is_the_record_columns_once_and_absent_without_claims() {
        let doc = doc();
        let claims = claims(&doc);
        let mut out = Vec::new();
        let mut sink = CsvSink::new(&mut out);
        written(&mut sink, &doc, &[]);
        written(&mut sink, &doc, &claims);
        written(&mut sink, &doc, &claims);
        // The header serde would write for the record type is the declared column list.
        let mut serde_csv = csv::Writer::from_writer(Vec::new());
        let analyzed = Analyzed::new(&doc);
        serde_csv
            .serialize(&ClaimRecord::all(&analyzed, &claims)[0])
            .unwrap();
        let serde_out = String::from_utf8(serde_csv.into_inner().unwrap()).unwrap();
        let mut rdr = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, ClaimRecord::COLUMNS);
        assert_eq!(
            serde_out.lines().next().unwrap(),
            ClaimRecord::COLUMNS.join(",")
        );
        let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4, "two documents of two claims, one header");
        assert_eq!(&rows[0][6], "5%");
        assert_eq!(&rows[1][6], "March");
        // No claims at all: no header either.
        let mut empty = Vec::new();
        written(&mut CsvSink::new(&mut empty), &doc, &[]);
        assert!(empty.is_empty());
    }

    /// The hand-written JSON of a record is byte for byte what serde writes for it, on every claim of the
    /// sample corpus (quotes, newlines and non-ASCII text in sentences; nulls; several claims to a
    /// sentence, so the kept sentence is reused, and sentences that follow each other).
    #[test]
    fn jsonl_lines_are_what_serde_writes() {
        let pipeline = crate::extract::Pipeline::standard(&[]);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut records = 0;
        for entry in walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let doc = Document::new(text, Provenance::default(), Metadata::default());
            let analyzed = Analyzed::new(&doc);
            let claims = pipeline.run(&analyzed);
            let all = ClaimRecord::all(&analyzed, &claims);
            let mut ours = Vec::new();
            Renderer::Jsonl.render(&all, &mut ours).unwrap();
            let mut serde = Vec::new();
            for r in &all {
                serde_json::to_writer(&mut serde, r).unwrap();
                serde.push(b'\n');
            }
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(serde).unwrap(),
                "{}",
                entry.path().display()
            );
            records += all.len();
        }
        assert!(records > 100, "{records} records");
    }

    #[test]
    fn jsonl_keys_are_the_record_columns_in_order() {
        let doc = doc();
        let claims = claims(&doc);
        let mut out = Vec::new();
        written(&mut JsonlSink::new(&mut out), &doc, &claims);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            // serde_json keeps keys sorted unless preserve_order is on, so check the raw order.
            let mut at = 0;
            for key in ClaimRecord::COLUMNS {
                let found = line[at..].find(&format!("\"{key}\":")).expect(key);
                at += found;
            }
            assert!(v.get("sentence").is_some());
        }
    }
}
