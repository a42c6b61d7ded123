//! `Document`: one article's text with its identity, provenance and metadata.
//!
//! Sources build Documents; nothing downstream reads files. The text is the article as claimdex sees it
//! (decoded to UTF-8; for HTML, the extracted body text), and every span of every claim is a byte offset into
//! exactly this string.

use std::fmt;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Stable article identity: the first 16 hex digits (64 bits) of the SHA-256 of the article text.
///
/// Equal texts give equal ids on every run and machine, which is what makes ingestion idempotent.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId([u8; 8]);

impl DocId {
    /// Parses 16 hex digits (either case).
    pub fn parse(s: &str) -> Option<DocId> {
        if s.len() != 16 {
            return None;
        }
        let mut out = [0u8; 8];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(DocId(out))
    }

    /// The 16 lower-case hex digits, without allocating (every printed claim carries its doc id).
    pub fn hex(&self) -> [u8; 16] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 16];
        for (pair, b) in out.chunks_exact_mut(2).zip(self.0) {
            pair[0] = DIGITS[usize::from(b >> 4)];
            pair[1] = DIGITS[usize::from(b & 0xf)];
        }
        out
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.hex();
        f.write_str(std::str::from_utf8(&hex).expect("hex digits are ASCII"))
    }
}

impl fmt::Debug for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocId({self})")
    }
}

impl Serialize for DocId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&self.hex()).expect("hex digits are ASCII"))
    }
}

/// The SHA-256 digest of an article text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sha256Digest(pub [u8; 32]);

impl Sha256Digest {
    /// Digest of `text`.
    pub fn of(text: &str) -> Sha256Digest {
        Sha256Digest(Sha256::digest(text.as_bytes()).into())
    }

    /// The doc id: the digest's first 8 bytes.
    pub fn doc_id(&self) -> DocId {
        let mut id = [0u8; 8];
        id.copy_from_slice(&self.0[..8]);
        DocId(id)
    }
}

impl fmt::Display for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256({self})")
    }
}

/// The input format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text or Markdown: the file is the article.
    Txt,
    /// An HTML page: the article body is extracted.
    Html,
    /// A JSON object or array of objects.
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
}

impl Format {
    /// Lower-case name, as used on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Where an article came from, precisely enough to find it again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The path as given on the command line (or found under a given directory); `-` for standard input.
    pub path: String,
    /// 1-based line of the record in a JSON Lines input.
    pub line: Option<u64>,
    /// 0-based position of the record in a JSON array input.
    pub record: Option<u64>,
    /// The format the article was read as.
    pub format: Option<Format>,
    /// The character encoding the bytes were decoded from, when it was not UTF-8.
    pub encoding: Option<String>,
}

/// Descriptive metadata, as the input stated it. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The input's own identifier (`id` in JSON inputs).
    pub source_id: Option<String>,
    /// The article's headline.
    pub title: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Publication date/time as the input gave it.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Site or outlet name.
    pub site: Option<String>,
    /// Language tag (`en`, `en-GB`, ...).
    pub language: Option<String>,
}

/// One article, ready for extraction.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable id derived from the text.
    pub id: DocId,
    /// SHA-256 of the text.
    pub sha256: Sha256Digest,
    /// The article text. Every claim span indexes this string.
    pub text: String,
    /// Where it came from.
    pub provenance: Provenance,
    /// What the input said about it.
    pub metadata: Metadata,
    /// The reference date, worked out on first use: re-ingesting a known article never needs it.
    reference_date: OnceLock<Option<NaiveDate>>,
}

impl Document {
    /// Builds a document, computing its id and digest from `text`.
    pub fn new(text: String, provenance: Provenance, metadata: Metadata) -> Document {
        let sha256 = Sha256Digest::of(&text);
        Document {
            id: sha256.doc_id(),
            sha256,
            text,
            provenance,
            metadata,
            reference_date: OnceLock::new(),
        }
    }

    /// The reference date for relative expressions ("yesterday"): the published date when it can be
    /// parsed, otherwise a dateline date near the start of the text.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        *self.reference_date.get_or_init(|| {
            self.metadata
                .published
                .as_deref()
                .and_then(crate::time::parse_published)
                .or_else(|| crate::time::dateline_date(&self.text))
        })
    }

    /// Length of the text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_id_is_sha256_prefix() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        let d = Document::new("abc".into(), Provenance::default(), Metadata::default());
        assert_eq!(d.id.to_string(), "ba7816bf8f01cfea");
        assert_eq!(
            d.sha256.to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(DocId::parse("ba7816bf8f01cfea"), Some(d.id));
        assert_eq!(DocId::parse("BA7816BF8F01CFEA"), Some(d.id));
        assert_eq!(DocId::parse("xyz"), None);
    }

    #[test]
    fn reference_date_from_published_then_dateline() {
        let meta = Metadata {
            published: Some("2024-03-14T09:00:00Z".into()),
            ..Metadata::default()
        };
        let d = Document::new("Text.".into(), Provenance::default(), meta);
        assert_eq!(d.reference_date(), NaiveDate::from_ymd_opt(2024, 3, 14));
        let d = Document::new(
            "LONDON, 14 March 2024 — The bank said...".into(),
            Provenance::default(),
            Metadata::default(),
        );
        assert_eq!(d.reference_date(), NaiveDate::from_ymd_opt(2024, 3, 14));
    }
}
