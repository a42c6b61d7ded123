//! The flat row types of the export, separate from the domain and index types. Field order is column
//! order; the data package descriptor (`schema.rs`) documents every column.

use serde::Serialize;

/// One row of `claims.csv`.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimRow {
    pub claim_id: String,
    pub doc_id: String,
    pub kind: String,
    pub subtype: String,
    pub text: String,
    pub value: Option<String>,
    pub value_high: Option<String>,
    pub value_number: Option<f64>,
    pub unit: Option<String>,
    pub per: Option<String>,
    pub qualifier: Option<String>,
    pub speaker: Option<String>,
    pub sentence: String,
    pub start: u64,
    pub end: u64,
    pub char_start: u64,
    pub char_end: u64,
    pub line: u64,
    pub column: u64,
    pub rule: String,
    pub confidence: f64,
    pub published: Option<String>,
    pub url: Option<String>,
    pub source_path: String,
    pub title: Option<String>,
    pub pipeline_version: String,
}

/// One row of `documents.csv`.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentRow {
    pub doc_id: String,
    pub sha256: String,
    pub source_path: String,
    pub source_line: Option<u64>,
    pub source_id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    pub bytes: u64,
    pub ingested_at: String,
    pub figure_claims: u64,
    pub date_claims: u64,
    pub entity_claims: u64,
    pub quote_claims: u64,
    pub text: String,
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `--excel-safe`: prefixes a text cell that a spreadsheet would run as a formula with `'`. Cells that are
/// plain numbers (`-3.2`) are left alone, and numeric columns are never passed here.
pub fn neutralize(cell: &mut String) {
    if cell.starts_with(FORMULA_START) && cell.trim().parse::<f64>().is_err() {
        cell.insert(0, '\'');
    }
}

fn neutralize_opt(cell: &mut Option<String>) {
    if let Some(c) = cell {
        neutralize(c);
    }
}

impl ClaimRow {
    /// Applies [`neutralize`] to every text column.
    pub fn excel_safe(&mut self) {
        for c in [
            &mut self.claim_id,
            &mut self.doc_id,
            &mut self.kind,
            &mut self.subtype,
            &mut self.text,
            &mut self.sentence,
            &mut self.rule,
            &mut self.source_path,
            &mut self.pipeline_version,
        ] {
            neutralize(c);
        }
        for c in [
            &mut self.value,
            &mut self.value_high,
            &mut self.unit,
            &mut self.per,
            &mut self.qualifier,
            &mut self.speaker,
            &mut self.published,
            &mut self.url,
            &mut self.title,
        ] {
            neutralize_opt(c);
        }
    }
}

impl DocumentRow {
    /// Applies [`neutralize`] to every text column.
    pub fn excel_safe(&mut self) {
        for c in [
            &mut self.doc_id,
            &mut self.sha256,
            &mut self.source_path,
            &mut self.ingested_at,
            &mut self.text,
        ] {
            neutralize(c);
        }
        for c in [
            &mut self.source_id,
            &mut self.url,
            &mut self.title,
            &mut self.author,
            &mut self.site,
            &mut self.language,
            &mut self.published,
        ] {
            neutralize_opt(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralizes_formulas_not_numbers() {
        for (input, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1+1", "'+1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("-3.2", "-3.2"),
            ("- a list item", "'- a list item"),
            ("plain", "plain"),
            ("", ""),
        ] {
            let mut s = input.to_string();
            neutralize(&mut s);
            assert_eq!(s, want);
        }
    }
}
