//! The index schema, declared once. One Tantivy index holds three kinds of record, told apart by
//! `record`: `article` (full text and metadata, one per document), `sentence` (one per sentence that has
//! claims: the entities it names) and `claim` (one per claim).
//!
//! An article's records are one block of consecutive documents, added in one batch and committed together:
//! the article, then each sentence followed by its claims. Tantivy keeps a segment's documents in the order
//! they were added, and a merge keeps each segment's order, so a block stays whole. Fast fields tie the
//! block together ([`Fields::block_len`], [`Fields::to_sentence`], [`Fields::to_article`]), and a query on
//! a sentence's or an article's fields reaches the claims under it by doc id arithmetic
//! ([`super::join`]). That keeps a claim record lean: the entities of a sentence with three claims are
//! indexed once, not three times, and an article's title once, not once per claim. A claim carries what
//! claims are searched and filtered by (text, sentence, kind, value, speaker, the article's doc id, source,
//! url, site and published date) and its own provenance. Its sentence stays on the claim because the
//! words a query looks for are scored there with Tantivy's own pruning (block-max WAND), which a join
//! cannot do: as sentence records, searches of common words ran 2-3 times slower. Its sentence is
//! indexed, not stored: readers slice it out of the article's text by the stored sentence span, and take
//! the article's metadata from there too ([`super::search::Articles`]).

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

/// Bumped whenever a field is added, removed or changes meaning; an index with another version is refused.
pub const SCHEMA_VERSION: u32 = 4;

/// The tokenizer of keyword fields: the whole value, lower-cased (`--unit usd` finds `USD`).
pub const KEYWORD: &str = "claimdex_keyword";

/// Every field, by name.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `article`, `sentence` or `claim`.
    pub record: Field,
    /// The article's doc id (articles and claims).
    pub doc_id: Field,
    pub kind: Field,
    pub subtype: Field,
    /// Claim text, searchable.
    pub text: Field,
    /// The sentence around the claim, searchable (not stored: see `sentence_start`).
    pub sentence: Field,
    /// Byte span of the sentence in the article's text.
    pub sentence_start: Field,
    pub sentence_end: Field,
    /// Exact normalized value (string).
    pub value: Field,
    /// Numeric value for range filters (figures).
    pub value_num: Field,
    pub value_high: Field,
    pub unit: Field,
    /// What a rate is counted per (`week`, `share`).
    pub per: Field,
    pub qualifier: Field,
    /// Speaker, searchable by words.
    pub speaker: Field,
    /// Sentences: the canonical entities they name, searchable by words (multi-valued). A query on it
    /// finds the claims of the matching sentences.
    pub entities: Field,
    /// Case- and accent-insensitive keys of `entities` and `speaker`, for exact filters and stats.
    pub entity_keys: Field,
    pub speaker_key: Field,
    pub rule: Field,
    pub confidence: Field,
    pub start: Field,
    pub end: Field,
    pub char_start: Field,
    pub char_end: Field,
    pub line: Field,
    pub column: Field,
    pub source_path: Field,
    pub source_line: Field,
    pub source_record: Field,
    pub source_id: Field,
    /// Articles: the title, searchable (`title:` in a query finds the claims of the matching articles).
    pub title: Field,
    /// The article's title as stored (articles only).
    pub stored_title: Field,
    pub author: Field,
    pub url: Field,
    pub site: Field,
    pub language: Field,
    /// Published date as a date (for `--since` / `--until`).
    pub published: Field,
    /// Published as the input gave it.
    pub published_raw: Field,
    /// Articles: the full text.
    pub body: Field,
    pub sha256: Field,
    pub bytes: Field,
    pub encoding: Field,
    pub format: Field,
    /// When the article was ingested (seconds since the epoch, UTC).
    pub ingested_at: Field,
    /// Fast field: how many documents follow a record in its block and belong to it (an article: its
    /// sentences and claims; a sentence: its claims; a claim: 0).
    pub block_len: Field,
    /// Fast field: a claim's distance back to its sentence record (0 on other records).
    pub to_sentence: Field,
    /// Fast field: a sentence's or a claim's distance back to its article record (0 on articles).
    pub to_article: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored();
    let keyword_unstored = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic),
    );
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("default")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let text_unstored = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored = TextOptions::default().set_stored();
    let num = NumericOptions::default().set_stored();
    let fields = Fields {
        record: b.add_text_field("record", keyword.clone()),
        doc_id: b.add_text_field("doc_id", keyword.clone()),
        kind: b.add_text_field("kind", keyword.clone()),
        subtype: b.add_text_field("subtype", keyword.clone()),
        text: b.add_text_field("text", text.clone()),
        sentence: b.add_text_field("sentence", text_unstored.clone()),
        sentence_start: b.add_u64_field("sentence_start", num.clone()),
        sentence_end: b.add_u64_field("sentence_end", num.clone()),
        value: b.add_text_field("value", keyword.clone()),
        value_num: b.add_f64_field(
            "value_num",
            NumericOptions::default() | FAST | INDEXED | STORED,
        ),
        value_high: b.add_text_field("value_high", stored.clone()),
        unit: b.add_text_field("unit", keyword.clone()),
        per: b.add_text_field("per", keyword.clone()),
        qualifier: b.add_text_field("qualifier", keyword.clone()),
        speaker: b.add_text_field("speaker", text.clone()),
        entities: b.add_text_field("entities", text_unstored.clone()),
        entity_keys: b.add_text_field("entity_keys", keyword_unstored.clone()),
        speaker_key: b.add_text_field("speaker_key", keyword_unstored),
        rule: b.add_text_field("rule", keyword.clone()),
        confidence: b.add_f64_field("confidence", num.clone()),
        start: b.add_u64_field("start", num.clone() | FAST),
        end: b.add_u64_field("end", num.clone()),
        char_start: b.add_u64_field("char_start", num.clone()),
        char_end: b.add_u64_field("char_end", num.clone()),
        line: b.add_u64_field("line", num.clone()),
        column: b.add_u64_field("column", num.clone()),
        source_path: b.add_text_field("source", keyword.clone()),
        source_line: b.add_u64_field("source_line", num.clone()),
        source_record: b.add_u64_field("source_record", num.clone()),
        source_id: b.add_text_field("source_id", keyword.clone()),
        title: b.add_text_field("title", text_unstored.clone()),
        stored_title: b.add_text_field("stored_title", stored.clone()),
        author: b.add_text_field("author", stored.clone()),
        url: b.add_text_field("url", keyword.clone()),
        site: b.add_text_field("site", keyword.clone()),
        language: b.add_text_field("language", stored.clone()),
        published: b.add_date_field("published", INDEXED | FAST | STORED),
        published_raw: b.add_text_field("published_raw", stored.clone()),
        body: b.add_text_field("body", text),
        sha256: b.add_text_field("sha256", stored.clone()),
        bytes: b.add_u64_field("bytes", num.clone()),
        encoding: b.add_text_field("encoding", stored.clone()),
        format: b.add_text_field("format", stored),
        ingested_at: b.add_i64_field("ingested_at", num | FAST),
        block_len: b.add_u64_field("block_len", FAST),
        to_sentence: b.add_u64_field("to_sentence", FAST),
        to_article: b.add_u64_field("to_article", FAST),
    };
    (b.build(), fields)
}

/// Registers the tokenizers the schema names.
pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}
