//! Ingestion into the claim index: each new article becomes one `article` record and one `claim` record per
//! claim, added together and committed in batches. Articles whose doc id is already in the index are
//! skipped, so re-running over a growing folder only adds what is new.
//!
//! Crash safety comes from Tantivy's atomic commits: a killed process leaves the index at its last commit,
//! and since an article and its claims always land in the same commit, the next run re-adds exactly the
//! articles that were lost, with no duplicates. Only one writer may hold an index; a second one gets
//! [`Error::Store`] saying the index is in use.

use std::collections::HashSet;

use tantivy::indexer::UserOperation;
use tantivy::{DateTime, IndexWriter, TantivyDocument, TantivyError};

use super::{ClaimIndex, Fields};
use crate::claim::{Claim, ClaimKind};
use crate::document::{DocId, Document};
use crate::error::{Error, Result};
use crate::extract::entities::entity_key;
use crate::span::Span;
use crate::text::{Analyzed, LineIndex};

/// How the writer uses memory and when it commits.
#[derive(Clone, Debug)]
pub struct WriterOptions {
    /// Indexing threads.
    pub threads: usize,
    /// Memory for all indexing threads together, in bytes.
    pub memory_budget: usize,
    /// Commit after this many new articles...
    pub commit_every_docs: usize,
    /// ...or this many bytes of new article text, whichever comes first.
    pub commit_every_bytes: usize,
    /// The ingestion time stamp to record (seconds since the epoch); `None` for now.
    pub ingested_at: Option<i64>,
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            threads: 2,
            memory_budget: 96 << 20,
            commit_every_docs: 5_000,
            commit_every_bytes: 32 << 20,
            ingested_at: None,
        }
    }
}

/// Adds articles and their claims to an index.
pub struct Ingester<'i> {
    idx: &'i ClaimIndex,
    writer: IndexWriter,
    known: HashSet<DocId>,
    opts: WriterOptions,
    pending_docs: usize,
    pending_bytes: usize,
    ingested_at: i64,
    /// Commits made so far.
    pub commits: usize,
}

impl<'i> Ingester<'i> {
    /// Takes the index's writer lock and loads the ids of the articles already in it.
    pub fn new(idx: &'i ClaimIndex, opts: WriterOptions) -> Result<Ingester<'i>> {
        let writer = idx
            .index
            .writer_with_num_threads(opts.threads.max(1), opts.memory_budget)
            .map_err(|e| {
                match e {
            TantivyError::LockFailure(..) => Error::store(
                &idx.path,
                "index is in use by another process (another `claimdex ingest` is writing to it); \
                 wait for it to finish or use another --index",
            ),
            e => Error::store(&idx.path, e),
        }
            })?;
        let known = indexed_doc_ids(idx)?;
        let ingested_at = opts.ingested_at.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
        Ok(Ingester {
            idx,
            writer,
            known,
            opts,
            pending_docs: 0,
            pending_bytes: 0,
            ingested_at,
            commits: 0,
        })
    }

    /// True when an article with this id is already indexed (or queued in this run).
    pub fn contains(&self, id: DocId) -> bool {
        self.known.contains(&id)
    }

    /// Number of articles in the index, counting those queued in this run.
    pub fn known_articles(&self) -> usize {
        self.known.len()
    }

    /// Queues an article and its claims (built by [`build_records`]); commits when a batch is full.
    /// Returns false, adding nothing, when the article is already indexed.
    pub fn add(
        &mut self,
        id: DocId,
        text_len: usize,
        records: Vec<TantivyDocument>,
    ) -> Result<bool> {
        if !self.known.insert(id) {
            return Ok(false);
        }
        // One batch: Tantivy indexes a batch on one thread, in order, into one segment, which keeps the
        // article's block of records whole (see `schema`).
        self.writer
            .run(records.into_iter().map(UserOperation::Add))
            .map_err(|e| self.err(e))?;
        self.pending_docs += 1;
        self.pending_bytes += text_len;
        if self.pending_docs >= self.opts.commit_every_docs
            || self.pending_bytes >= self.opts.commit_every_bytes
        {
            self.commit()?;
        }
        Ok(true)
    }

    /// Commits what is queued.
    pub fn commit(&mut self) -> Result<()> {
        if self.pending_docs == 0 {
            return Ok(());
        }
        self.writer.commit().map_err(|e| self.err(e))?;
        self.commits += 1;
        self.pending_docs = 0;
        self.pending_bytes = 0;
        Ok(())
    }

    /// Commits and waits for the writer's merges to finish.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        let idx = self.idx;
        self.writer
            .wait_merging_threads()
            .map_err(|e| Error::store(&idx.path, e))
    }

    /// The ingestion time stamp of this run (seconds since the epoch).
    pub fn ingested_at(&self) -> i64 {
        self.ingested_at
    }

    fn err(&self, e: TantivyError) -> Error {
        Error::store(&self.idx.path, e)
    }
}

/// The doc ids present in the index, read from the `doc_id` term dictionary.
pub fn indexed_doc_ids(idx: &ClaimIndex) -> Result<HashSet<DocId>> {
    let err = |e: String| Error::store(&idx.path, e);
    let reader = idx.index.reader().map_err(|e| err(e.to_string()))?;
    let searcher = reader.searcher();
    let mut out = HashSet::new();
    for seg in searcher.segment_readers() {
        let inverted = seg
            .inverted_index(idx.fields.doc_id)
            .map_err(|e| err(e.to_string()))?;
        let mut stream = inverted.terms().stream().map_err(|e| err(e.to_string()))?;
        while stream.advance() {
            if let Some(id) = std::str::from_utf8(stream.key())
                .ok()
                .and_then(DocId::parse)
            {
                out.insert(id);
            }
        }
    }
    Ok(out)
}

/// The records for one article: the article itself and one per claim.
pub fn build_records(
    f: &Fields,
    analyzed: &Analyzed<'_>,
    claims: &[Claim],
    ingested_at: i64,
) -> Vec<TantivyDocument> {
    let doc: &Document = analyzed.doc;
    let text: &str = &doc.text;
    let lines = LineIndex::new(text);
    let id = doc.id.to_string();
    let published = doc.reference_date().and_then(|d| {
        d.and_hms_opt(0, 0, 0)
            .map(|dt| DateTime::from_timestamp_secs(dt.and_utc().timestamp()))
    });
    let mut out = Vec::with_capacity(claims.len() + 1);

    let m = &doc.metadata;
    // What claims are filtered by; the rest of the metadata is stored on the article only.
    let mut common = TantivyDocument::new();
    common.add_text(f.doc_id, &id);
    common.add_text(f.source_path, &doc.provenance.path);
    for (field, value) in [(f.url, &m.url), (f.site, &m.site)] {
        if let Some(v) = value {
            common.add_text(field, v);
        }
    }
    if let Some(p) = published {
        common.add_date(f.published, p);
    }

    let mut article = common.clone();
    article.add_text(f.record, "article");
    if let Some(t) = &m.title {
        article.add_text(f.title, t);
    }
    if let Some(l) = doc.provenance.line {
        article.add_u64(f.source_line, l);
    }
    if let Some(r) = doc.provenance.record {
        article.add_u64(f.source_record, r);
    }
    for (field, value) in [
        (f.source_id, &m.source_id),
        (f.stored_title, &m.title),
        (f.author, &m.author),
        (f.language, &m.language),
    ] {
        if let Some(v) = value {
            article.add_text(field, v);
        }
    }
    // As the input gave it; else the dateline date the reference date came from.
    match (&m.published, doc.reference_date()) {
        (Some(p), _) => article.add_text(f.published_raw, p),
        (None, Some(d)) => article.add_text(f.published_raw, d.format("%Y-%m-%d").to_string()),
        (None, None) => {}
    }
    article.add_i64(f.ingested_at, ingested_at);
    article.add_u64(f.to_sentence, 0);
    article.add_u64(f.to_article, 0);
    article.add_text(f.body, text);
    article.add_text(f.sha256, doc.sha256.to_string());
    article.add_u64(f.bytes, text.len() as u64);
    if let Some(enc) = &doc.provenance.encoding {
        article.add_text(f.encoding, enc);
    }
    if let Some(fmt) = doc.provenance.format {
        article.add_text(f.format, fmt.as_str());
    }
    out.push(article);

    // The claims by sentence, in the order of the sentences and, within one, of the claims.
    let mut by_sentence: Vec<(Span, &Claim)> = claims
        .iter()
        .map(|c| (analyzed.sentence_around(c.span), c))
        .collect();
    by_sentence.sort_by_key(|(s, _)| (s.start, s.end));
    // The block: the article first (at 0), then each sentence followed by its claims.
    let mut sentence_at = 0;
    for (i, &(sentence, c)) in by_sentence.iter().enumerate() {
        if i == 0 || by_sentence[i - 1].0 != sentence {
            sentence_at = out.len();
            let claims_here = by_sentence[i..]
                .iter()
                .take_while(|(s, _)| *s == sentence)
                .map(|&(_, c)| c);
            out.push(sentence_record(f, claims_here, sentence_at, published));
        }
        let mut r = common.clone();
        r.add_u64(f.to_sentence, (out.len() - sentence_at) as u64);
        r.add_u64(f.to_article, out.len() as u64);
        r.add_u64(f.block_len, 0);
        let start = lines.position(text, c.span.start);
        let end = lines.position(text, c.span.end);
        r.add_text(f.record, "claim");
        r.add_text(f.kind, c.kind.as_str());
        r.add_text(f.subtype, c.subtype.as_str());
        r.add_text(f.text, &text[c.span]);
        r.add_text(f.sentence, &text[sentence]);
        r.add_u64(f.sentence_start, sentence.start as u64);
        r.add_u64(f.sentence_end, sentence.end as u64);
        if let Some(v) = &c.value {
            r.add_text(f.value, v);
            if c.kind == ClaimKind::Figure {
                if let Ok(x) = v.parse::<f64>() {
                    r.add_f64(f.value_num, x);
                }
            }
        }
        if let Some(v) = &c.value_high {
            r.add_text(f.value_high, v);
        }
        if let Some(u) = &c.unit {
            r.add_text(f.unit, u);
        }
        if let Some(p) = &c.per {
            r.add_text(f.per, p);
        }
        if let Some(q) = c.qualifier {
            r.add_text(f.qualifier, q.as_str());
        }
        if let Some(s) = &c.speaker {
            r.add_text(f.speaker, s);
            r.add_text(f.speaker_key, entity_key(s));
        }
        r.add_text(f.rule, c.rule);
        r.add_f64(
            f.confidence,
            (c.confidence as f64 * 1000.0).round() / 1000.0,
        );
        r.add_u64(f.start, c.span.start as u64);
        r.add_u64(f.end, c.span.end as u64);
        r.add_u64(f.char_start, start.char_offset as u64);
        r.add_u64(f.char_end, end.char_offset as u64);
        r.add_u64(f.line, start.line as u64);
        r.add_u64(f.column, start.column as u64);
        out.push(r);
    }
    let block_len = (out.len() - 1) as u64;
    out[0].add_u64(f.block_len, block_len);
    out
}

/// A sentence's record: the canonical entities its claims name, searchable, with how many claim records
/// follow it (`claims` are its claims), its distance back to its article, and the article's published
/// date (every record has it, so that its fast column stays dense and quick to filter).
fn sentence_record<'c>(
    f: &Fields,
    claims: impl Iterator<Item = &'c Claim> + Clone,
    to_article: usize,
    published: Option<DateTime>,
) -> TantivyDocument {
    let mut r = TantivyDocument::new();
    if let Some(p) = published {
        r.add_date(f.published, p);
    }
    r.add_text(f.record, "sentence");
    let mut names: Vec<&str> = Vec::new();
    for c in claims.clone().filter(|c| c.kind == ClaimKind::Entity) {
        if let Some(v) = c.value.as_deref() {
            if !names.contains(&v) {
                names.push(v);
                r.add_text(f.entities, v);
                r.add_text(f.entity_keys, entity_key(v));
            }
        }
    }
    r.add_u64(f.block_len, claims.count() as u64);
    r.add_u64(f.to_sentence, 0);
    r.add_u64(f.to_article, to_article as u64);
    r
}
