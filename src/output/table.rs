//! The aligned table for people: one block per article, one row per claim, with the sentence as context.

use std::io::{self, Write};

use super::{ClaimRecord, ClaimSink};
use crate::document::Document;

/// Widest a text cell gets before it is cut with an ellipsis.
const MAX_TEXT: usize = 40;
/// Widest the sentence context gets.
const MAX_CONTEXT: usize = 100;

/// Aligned columns: location, kind/subtype, text, value (unit, qualifier), speaker, context.
pub struct TableSink<W: Write> {
    out: W,
}

impl<W: Write> TableSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        TableSink { out }
    }
}

fn cut(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut t: String = flat.chars().take(max - 1).collect();
    t.push('…');
    t
}

impl<W: Write> ClaimSink for TableSink<W> {
    fn write_doc(&mut self, doc: &Document, records: &[ClaimRecord<'_>]) -> io::Result<()> {
        let title = doc.metadata.title.as_deref().unwrap_or("(untitled)");
        let mut origin = doc.provenance.path.clone();
        if let Some(line) = doc.provenance.line {
            origin.push_str(&format!(":{line}"));
        }
        writeln!(self.out, "== {} {} — {}", doc.id, origin, cut(title, 80))?;
        if records.is_empty() {
            writeln!(self.out, "   (no claims)")?;
            return Ok(());
        }
        let rows: Vec<[String; 6]> = records
            .iter()
            .map(|r| {
                let mut value = r.value.unwrap_or("").to_string();
                if let Some(high) = r.value_high {
                    value.push_str(&format!("..{high}"));
                }
                if let Some(unit) = r.unit {
                    value.push_str(&format!(" {unit}"));
                }
                if let Some(per) = r.per {
                    value.push_str(&format!(" per {per}"));
                }
                if let Some(q) = r.qualifier {
                    value = format!("{} {}", q.as_str(), value);
                }
                [
                    format!("{}:{}", r.line, r.column),
                    format!("{}/{}", r.kind.as_str(), r.subtype.as_str()),
                    cut(r.text, MAX_TEXT),
                    cut(&value, MAX_TEXT),
                    r.speaker.map(|s| cut(s, 24)).unwrap_or_default(),
                    cut(r.sentence, MAX_CONTEXT),
                ]
            })
            .collect();
        let header = ["AT", "KIND", "TEXT", "VALUE", "SPEAKER", "SENTENCE"];
        let mut widths = header.map(|h| h.chars().count());
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[&str]| {
            let mut s = String::from("   ");
            for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
                s.push_str(cell);
                if i + 1 < cells.len() {
                    s.push_str(&" ".repeat(w - cell.chars().count() + 2));
                }
            }
            s
        };
        writeln!(self.out, "{}", line(&header))?;
        for row in &rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            writeln!(self.out, "{}", line(&cells))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
