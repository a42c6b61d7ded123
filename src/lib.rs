//! claimdex turns raw news articles into searchable, checkable claims.
//!
//! The pipeline, one way through:
//!
//! ```text
//! source (files, html, json/jsonl, gz, stdin)  -> Document { id, text, provenance, metadata }
//!   -> text::Analyzed (tokens, sentences as byte spans)
//!   -> extract::Pipeline (dates, figures, entities, quotes) -> Claim (typed, normalized, rule id)
//!   -> sinks: output (jsonl / csv / table)
//! ```
//!
//! ```
//! use claimdex::{Document, Metadata, Pipeline, Provenance};
//!
//! let doc = Document::new("Prices rose.".to_string(), Provenance::default(), Metadata::default());
//! let claims = Pipeline::standard(&[]).extract(&doc);
//! for claim in &claims {
//!     // Every span indexes the article text exactly.
//!     assert!(claim.span.is_valid_for(&doc.text));
//! }
//! ```
//!
//! Every offset is a UTF-8 byte offset into [`Document::text`], half-open ([`Span`]); char offsets, lines
//! and columns are derived at the edge ([`text::LineIndex`]).

pub mod claim;
pub mod cli;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod index;
pub mod output;
pub mod source;
pub mod span;
pub mod synth;
pub mod text;
pub mod time;

pub use claim::{Claim, ClaimKind, Qualifier, Subtype};
pub use document::{DocId, Document, Format, Metadata, Provenance};
pub use error::{Error, Result};
pub use extract::{Extractor, Pipeline};
pub use span::Span;
