//! The Frictionless Data Package descriptor (`datapackage.json`) of an export: a Table Schema per file
//! giving every column a type, a format where one applies, and a description; primary keys; and the
//! foreign key `claims.doc_id -> documents.doc_id`.

use serde_json::{json, Value};

/// (name, type, format, required, description) of every `claims.csv` column, in order.
const CLAIM_COLUMNS: &[(&str, &str, &str, bool, &str)] = &[
    ("claim_id", "string", "default", true, "Stable claim id: doc_id:kind:start-end."),
    ("doc_id", "string", "default", true, "The article's id: the first 16 hex digits of the SHA-256 of its text. Foreign key to documents.doc_id."),
    ("kind", "string", "default", true, "figure, date, entity or quote."),
    ("subtype", "string", "default", true, "figure: money, percent, quantity, count, ordinal, range; date: date, time, duration, set; entity: person, organization, location, misc; quote: direct, partial, scare."),
    ("text", "string", "default", true, "The claim's exact text: the article text's UTF-8 bytes [start, end)."),
    ("value", "string", "default", false, "Normalized value: figures, an exact decimal string (\"$500 billion\" -> 500000000000; the low end of a range); dates, a TIMEX3 value (2024-03-14, 2027-Q2, P3M, PRESENT_REF; 2024-03-14T09:30-04:00 for a time with a written zone); entities, the canonical name."),
    ("value_high", "string", "default", false, "The high end of a range figure, as an exact decimal string."),
    ("value_number", "number", "default", false, "The figure's value as a number, for sorting and filtering (value keeps the exact digits)."),
    ("unit", "string", "default", false, "Money: ISO 4217 code; % (percent), pp (percentage points), bp (basis points); a unit of measure (km, t, GW); for counts, the counted noun."),
    ("per", "string", "default", false, "What a rate is counted per: week in \"£350m a week\", share in \"$5 a share\" (unit stays GBP, USD)."),
    ("qualifier", "string", "default", false, "Figures: gt (more than), ge (at least), lt (less than), le (up to), approx (about). Dates: by, since, until, before, after."),
    ("speaker", "string", "default", false, "Quotes: the canonical name of who said it."),
    ("sentence", "string", "default", true, "The sentence (or sentences) around the claim."),
    ("start", "integer", "default", true, "UTF-8 byte offset of the claim's first byte in the article text (0-based)."),
    ("end", "integer", "default", true, "UTF-8 byte offset one past the claim's last byte (half-open)."),
    ("char_start", "integer", "default", true, "The same start as a Unicode scalar (character) offset, 0-based."),
    ("char_end", "integer", "default", true, "The same end as a Unicode scalar (character) offset."),
    ("line", "integer", "default", true, "1-based line of the claim's start in the article text."),
    ("column", "integer", "default", true, "1-based column of the claim's start, in characters."),
    ("rule", "string", "default", true, "The id of the extraction rule that produced the claim."),
    ("confidence", "number", "default", true, "How sure the rule is, from 0 to 1."),
    ("published", "string", "default", false, "The article's published date as the input gave it (or the dateline date)."),
    ("url", "string", "default", false, "The article's canonical URL."),
    ("source_path", "string", "default", true, "The input path the article was read from."),
    ("title", "string", "default", false, "The article's headline."),
    ("pipeline_version", "string", "default", true, "The claimdex version that produced the row."),
];

/// (name, type, format, required, description) of every `documents.csv` column, in order.
const DOCUMENT_COLUMNS: &[(&str, &str, &str, bool, &str)] = &[
    ("doc_id", "string", "default", true, "The article's id: the first 16 hex digits of the SHA-256 of its text."),
    ("sha256", "string", "default", true, "The full SHA-256 of the article text, hex."),
    ("source_path", "string", "default", true, "The input path as given (a file, or - for standard input)."),
    ("source_line", "integer", "default", false, "1-based line of the article in a JSON Lines input."),
    ("source_id", "string", "default", false, "The input's own id field."),
    ("url", "string", "default", false, "Canonical URL."),
    ("title", "string", "default", false, "Headline."),
    ("author", "string", "default", false, "Author or byline."),
    ("site", "string", "default", false, "Site or outlet name."),
    ("language", "string", "default", false, "Language tag."),
    ("published", "string", "default", false, "Published date/time as the input gave it (or the dateline date, YYYY-MM-DD)."),
    ("bytes", "integer", "default", true, "Length of the article text in UTF-8 bytes."),
    ("ingested_at", "datetime", "default", true, "When the article was ingested (UTC, ISO 8601). Exports do not stamp their own time, so two exports of one index are byte-identical."),
    ("figure_claims", "integer", "default", true, "Figure claims of the article in this export."),
    ("date_claims", "integer", "default", true, "Date claims of the article in this export."),
    ("entity_claims", "integer", "default", true, "Entity claims of the article in this export."),
    ("quote_claims", "integer", "default", true, "Quote claims of the article in this export."),
    ("text", "string", "default", true, "The article text, exactly: every claim's start/end index its UTF-8 bytes."),
];

/// The column names of `claims.csv`.
pub fn claim_columns() -> Vec<&'static str> {
    CLAIM_COLUMNS.iter().map(|c| c.0).collect()
}

/// The column names of `documents.csv`.
pub fn document_columns() -> Vec<&'static str> {
    DOCUMENT_COLUMNS.iter().map(|c| c.0).collect()
}

fn fields(cols: &[(&str, &str, &str, bool, &str)]) -> Vec<Value> {
    cols.iter()
        .map(|(name, ty, format, required, description)| {
            let mut f =
                json!({ "name": name, "type": ty, "format": format, "description": description });
            if *required {
                f["constraints"] = json!({ "required": true });
            }
            f
        })
        .collect()
}

/// The descriptor. `excel_safe` is recorded so readers know text cells may carry a leading `'`.
pub fn datapackage(excel_safe: bool) -> Value {
    let dialect = json!({ "delimiter": ",", "quoteChar": "\"", "doubleQuote": true, "header": true, "lineTerminator": "\n" });
    let note = if excel_safe {
        " Written with --excel-safe: text cells starting with =, +, -, @, tab or carriage return (and not a plain number) carry a leading ' so spreadsheets do not run them as formulas; numeric columns are untouched."
    } else {
        ""
    };
    json!({
        "profile": "tabular-data-package",
        "name": "claimdex-export",
        "title": "claimdex claims with provenance",
        "description": format!("Claims (figures, dates, entities, quotes) extracted from news articles by claimdex {}, each pointing back to the exact bytes of its article. Rows are sorted by key; empty cells are nulls.{note}", env!("CARGO_PKG_VERSION")),
        "version": env!("CARGO_PKG_VERSION"),
        "resources": [
            {
                "name": "documents",
                "path": "documents.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": dialect,
                "schema": { "fields": fields(DOCUMENT_COLUMNS), "primaryKey": ["doc_id"], "missingValues": [""] }
            },
            {
                "name": "claims",
                "path": "claims.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": dialect,
                "schema": {
                    "fields": fields(CLAIM_COLUMNS),
                    "primaryKey": ["claim_id"],
                    "foreignKeys": [{ "fields": ["doc_id"], "reference": { "resource": "documents", "fields": ["doc_id"] } }],
                    "missingValues": [""]
                }
            }
        ]
    })
}
