//! Searching claims: Tantivy's query language over claim text and sentence, plus filters (kind, subtype,
//! entity, speaker, source, published dates, value range, unit), returning hits with their sentence
//! highlighted and full provenance.

use std::collections::HashMap;
use std::ops::Bound;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, QueryParser,
    QueryParserError, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DateTime, Searcher, TantivyDocument, Term};

use super::join::{ClaimsOf, Level};
use super::ClaimIndex;
use crate::claim::ClaimKind;
use crate::error::{Error, Result};

/// What to look for.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    /// Tantivy query over claim text and sentence; empty or `*` for everything.
    pub query: String,
    /// Only these kinds.
    pub kinds: Vec<ClaimKind>,
    /// Only these subtypes.
    pub subtypes: Vec<String>,
    /// Claims whose sentence names this entity (words of its canonical name, in order).
    pub entity: Option<String>,
    /// Quotes by this speaker (words of the name, in order).
    pub speaker: Option<String>,
    /// Articles whose source path starts with this.
    pub source: Option<String>,
    /// Published on or after.
    pub since: Option<NaiveDate>,
    /// Published on or before.
    pub until: Option<NaiveDate>,
    /// Figures with value at least.
    pub min: Option<f64>,
    /// Figures with value at most.
    pub max: Option<f64>,
    /// Only this unit (case-insensitive).
    pub unit: Option<String>,
    /// Claims from this article only.
    pub doc_id: Option<String>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Count every match (slower on large indexes: it turns off top-k pruning).
    pub count_total: bool,
}

/// A stored claim, as search returns it: the `extract` fields plus the article's metadata.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StoredClaim {
    pub doc_id: String,
    pub source_path: String,
    pub source_line: Option<u64>,
    pub source_id: Option<String>,
    pub kind: String,
    pub subtype: String,
    pub text: String,
    pub start: u64,
    pub end: u64,
    pub char_start: u64,
    pub char_end: u64,
    pub line: u64,
    pub column: u64,
    pub sentence: String,
    pub value: Option<String>,
    pub value_high: Option<String>,
    /// `value` as a number (figures only), for range filters and exports.
    #[serde(skip)]
    pub value_number: Option<f64>,
    pub unit: Option<String>,
    pub per: Option<String>,
    pub qualifier: Option<String>,
    pub speaker: Option<String>,
    pub rule: String,
    pub confidence: f64,
    #[serde(skip)]
    pub claim_id: String,
    #[serde(skip)]
    pub title: Option<String>,
    #[serde(skip)]
    pub url: Option<String>,
    #[serde(skip)]
    pub site: Option<String>,
    #[serde(skip)]
    pub published: Option<String>,
}

/// One hit.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Relevance score (BM25; 1.0 for filter-only searches).
    pub score: f32,
    /// The claim.
    pub claim: StoredClaim,
    /// Byte ranges of `claim.sentence` that match the query's words.
    pub highlights: Vec<(usize, usize)>,
}

/// Hits and the total number of matches.
#[derive(Clone, Debug)]
pub struct SearchResults {
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// How many claims matched in all, when the request asked for the count.
    pub total: Option<usize>,
}

fn keyword(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, &value.to_lowercase()),
        IndexRecordOption::Basic,
    ))
}

/// Words of `text` in `field`'s analyzer, as a term or phrase query.
fn words_query(idx: &ClaimIndex, field: Field, text: &str) -> Result<Box<dyn Query>> {
    let mut analyzer = idx
        .index
        .tokenizer_for_field(field)
        .map_err(|e| Error::store(&idx.path, e))?;
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(Term::from_field_text(field, &stream.token().text));
    }
    Ok(match terms.len() {
        0 => return Err(Error::Usage(format!("nothing to search for in {text:?}"))),
        1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
        _ => Box::new(PhraseQuery::new(terms)),
    })
}

fn date_term(field: Field, d: NaiveDate) -> Term {
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map_or(0, |dt| dt.and_utc().timestamp());
    Term::from_field_date(field, DateTime::from_timestamp_secs(secs))
}

/// A query in Tantivy's language, turned into a query on claim records.
struct Lowered {
    query: Box<dyn Query>,
    /// Whether the query can only match claim records (every leaf a word or phrase in a field that only
    /// claims, or joins to claims, have), so that no `record:claim` clause is needed.
    claims_only: bool,
}

/// Turns a parsed query into one on claim records: a leaf on a field of sentence records (`entities`) or
/// of article records (`title`, `body`) runs there and is joined to the claims under the records it
/// matches ([`ClaimsOf`]); any other leaf runs on claims, and one with no field searches the claim's text
/// (boosted) and its sentence. The parser's own build of each leaf keeps its tokenizing, phrase and range
/// rules.
struct Lowering<'i> {
    idx: &'i ClaimIndex,
    parser: QueryParser,
    claims_only: bool,
}

impl<'i> Lowering<'i> {
    fn new(idx: &'i ClaimIndex) -> Lowering<'i> {
        let f = &idx.fields;
        let mut parser = QueryParser::for_index(&idx.index, vec![f.text, f.sentence]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.text, 2.0);
        Lowering {
            idx,
            parser,
            claims_only: true,
        }
    }

    fn query(mut self, q: &str) -> Result<Lowered> {
        let bad = |e: &dyn std::fmt::Display| Error::Usage(format!("bad query {q:?}: {e}"));
        // The whole query through the parser first, for its errors (syntax, unknown fields, a query
        // with only exclusions), as it states them.
        self.parser.parse_query(q).map_err(|e| bad(&e))?;
        let ast = tantivy::query_grammar::parse_query(q).map_err(|_| bad(&"syntax error"))?;
        let query = self.lower(ast).map_err(|e| bad(&e))?;
        Ok(Lowered {
            query,
            claims_only: self.claims_only,
        })
    }

    fn lower(
        &mut self,
        ast: UserInputAst,
    ) -> std::result::Result<Box<dyn Query>, QueryParserError> {
        Ok(match ast {
            UserInputAst::Clause(clauses) => {
                let mut subs = Vec::with_capacity(clauses.len());
                for (occur, sub) in clauses {
                    let sub = self.lower(sub)?;
                    // As the parser does, a part with nothing to search for (only stop characters)
                    // is left out rather than matching nothing.
                    if !sub.is::<EmptyQuery>() {
                        subs.push((occur.unwrap_or(Occur::Must), sub));
                    }
                }
                match subs.len() {
                    0 => Box::new(EmptyQuery),
                    _ => Box::new(BooleanQuery::new(subs)),
                }
            }
            UserInputAst::Boost(sub, boost) => {
                Box::new(BoostQuery::new(self.lower(*sub)?, boost as f32))
            }
            UserInputAst::Leaf(leaf) => self.leaf(*leaf)?,
        })
    }

    fn leaf(
        &mut self,
        leaf: UserInputLeaf,
    ) -> std::result::Result<Box<dyn Query>, QueryParserError> {
        let f = &self.idx.fields;
        let field = match &leaf {
            UserInputLeaf::Literal(l) => l.field_name.clone(),
            UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => field.clone(),
            UserInputLeaf::Exists { field } => Some(field.clone()),
            UserInputLeaf::All => None,
        };
        let words = matches!(leaf, UserInputLeaf::Literal(_));
        let query = self
            .parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))?;
        let field = field.map(|name| self.idx.index.schema().get_field(&name));
        let level = match field {
            Some(Ok(x)) if x == f.entities || x == f.entity_keys => Some(Level::Sentence),
            Some(Ok(x)) if x == f.title || x == f.body => Some(Level::Article),
            _ => None,
        };
        // Words in a claim's text or sentence, or joined from a sentence or an article, match claims
        // only; other fields (doc_id, published, ...) are on articles too.
        let claim_field = match field {
            None => true,
            Some(Ok(x)) => x == f.text || x == f.sentence,
            Some(Err(_)) => false,
        };
        self.claims_only &= words && (claim_field || level.is_some());
        Ok(match level {
            Some(level) if !query.is::<EmptyQuery>() => Box::new(ClaimsOf::new(query, level)),
            _ => query,
        })
    }
}

/// Builds the query for `req`: the parsed query text AND every filter.
pub fn build_query(idx: &ClaimIndex, req: &SearchRequest) -> Result<Box<dyn Query>> {
    let f = &idx.fields;
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // Only claims are returned. A query over claim text and sentence (fields articles do not have) needs
    // no extra clause for that, which keeps the record term (it matches every claim) out of scoring.
    let mut claims_only = false;
    let q = req.query.trim();
    if !q.is_empty() && q != "*" {
        let lowered = Lowering::new(idx).query(q)?;
        claims_only = lowered.claims_only;
        must.push((Occur::Must, lowered.query));
    }
    if !claims_only {
        must.push((Occur::Must, keyword(f.record, "claim")));
    }
    let any_of = |field: Field, values: Vec<String>| -> Box<dyn Query> {
        if let [one] = values.as_slice() {
            return keyword(field, one);
        }
        Box::new(BooleanQuery::new(
            values
                .iter()
                .map(|v| (Occur::Should, keyword(field, v)))
                .collect(),
        ))
    };
    if !req.kinds.is_empty() {
        must.push((
            Occur::Must,
            any_of(
                f.kind,
                req.kinds.iter().map(|k| k.as_str().to_string()).collect(),
            ),
        ));
    }
    if !req.subtypes.is_empty() {
        must.push((Occur::Must, any_of(f.subtype, req.subtypes.clone())));
    }
    if let Some(e) = &req.entity {
        let sentences = words_query(idx, f.entities, e)?;
        must.push((
            Occur::Must,
            Box::new(ClaimsOf::new(sentences, Level::Sentence)),
        ));
    }
    if let Some(s) = &req.speaker {
        must.push((Occur::Must, words_query(idx, f.speaker, s)?));
    }
    if let Some(src) = &req.source {
        let pattern = format!("{}.*", regex::escape(&src.to_lowercase()));
        let rq = RegexQuery::from_pattern(&pattern, f.source_path)
            .map_err(|e| Error::Usage(format!("bad --source: {e}")))?;
        must.push((Occur::Must, Box::new(rq)));
    }
    if req.since.is_some() || req.until.is_some() {
        let lo = req.since.map_or(Bound::Unbounded, |d| {
            Bound::Included(date_term(f.published, d))
        });
        let hi = req.until.map_or(Bound::Unbounded, |d| {
            Bound::Excluded(date_term(f.published, d.succ_opt().unwrap_or(d)))
        });
        must.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
    }
    if req.min.is_some() || req.max.is_some() {
        let lo = req.min.map_or(Bound::Unbounded, |x| {
            Bound::Included(Term::from_field_f64(f.value_num, x))
        });
        let hi = req.max.map_or(Bound::Unbounded, |x| {
            Bound::Included(Term::from_field_f64(f.value_num, x))
        });
        must.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
    }
    if let Some(u) = &req.unit {
        must.push((Occur::Must, keyword(f.unit, u)));
    }
    if let Some(d) = &req.doc_id {
        must.push((Occur::Must, keyword(f.doc_id, d)));
    }
    if must.len() == 1 && (q.is_empty() || q == "*") {
        must.push((Occur::Must, Box::new(AllQuery)));
    }
    // A lone clause runs as itself: wrapped in a boolean query it would lose block-max pruning.
    if must.len() == 1 {
        if let Some((_, q)) = must.pop() {
            return Ok(q);
        }
    }
    Ok(Box::new(BooleanQuery::new(must)))
}

/// Runs a search.
pub fn search(idx: &ClaimIndex, req: &SearchRequest) -> Result<SearchResults> {
    let query = build_query(idx, req)?;
    let searcher = idx.searcher()?;
    let limit = req.limit.max(1);
    let top_docs = TopDocs::with_limit(limit).and_offset(req.offset);
    let (top, total) = if req.count_total {
        let (top, n) = searcher
            .search(&query, &(top_docs, Count))
            .map_err(|e| Error::store(&idx.path, e))?;
        (top, Some(n))
    } else {
        (
            searcher
                .search(&query, &top_docs)
                .map_err(|e| Error::store(&idx.path, e))?,
            None,
        )
    };
    let words = query_words(idx, query.as_ref());
    let mut hits = Vec::with_capacity(top.len());
    let mut articles = Articles::new(idx, &searcher);
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| Error::store(&idx.path, e))?;
        let claim = articles.claim(&doc)?;
        let highlights = highlight(idx, &claim.sentence, &words);
        hits.push(Hit {
            score,
            claim,
            highlights,
        });
    }
    Ok(SearchResults { hits, total })
}

/// Every claim of one article, in text order.
pub fn claims_of(idx: &ClaimIndex, doc_id: &str) -> Result<Vec<StoredClaim>> {
    let req = SearchRequest {
        doc_id: Some(doc_id.to_string()),
        limit: 1,
        ..SearchRequest::default()
    };
    let query = build_query(idx, &req)?;
    let searcher = idx.searcher()?;
    let mut articles = Articles::new(idx, &searcher);
    let mut out = matching_docs(idx, &searcher, query.as_ref())?
        .iter()
        .map(|doc| articles.claim(doc))
        .collect::<Result<Vec<_>>>()?;
    out.sort_by(|a, b| (a.start, a.end, &a.kind).cmp(&(b.start, b.end, &b.kind)));
    Ok(out)
}

/// An article's stored record.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StoredArticle {
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
    pub ingested_at: i64,
    #[serde(skip)]
    pub text: String,
}

/// The article with `doc_id`, if indexed.
pub fn article(idx: &ClaimIndex, doc_id: &str) -> Result<Option<StoredArticle>> {
    article_in(idx, &idx.searcher()?, doc_id)
}

/// The article with `doc_id` in `searcher`'s view of the index.
pub(crate) fn article_in(
    idx: &ClaimIndex,
    searcher: &Searcher,
    doc_id: &str,
) -> Result<Option<StoredArticle>> {
    let f = &idx.fields;
    let query = BooleanQuery::new(vec![
        (Occur::Must, keyword(f.record, "article")),
        (Occur::Must, keyword(f.doc_id, doc_id)),
    ]);
    let top = searcher
        .search(&query, &TopDocs::with_limit(1))
        .map_err(|e| Error::store(&idx.path, e))?;
    let Some((_, addr)) = top.into_iter().next() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(addr).map_err(|e| Error::store(&idx.path, e))?;
    Ok(Some(stored_article(idx, &doc)))
}

/// Reads claim records whole: a claim record stores neither its sentence nor its article's metadata, so
/// they are taken from the article record, each article read once while it is in use (claims of one
/// article come together in exports and often in hits).
pub struct Articles<'a> {
    idx: &'a ClaimIndex,
    searcher: &'a Searcher,
    cache: HashMap<String, Option<Rc<StoredArticle>>>,
}

impl<'a> Articles<'a> {
    /// Articles held at once; more and the cache starts over.
    const CAPACITY: usize = 64;

    /// A reader over `searcher`'s view of the index.
    pub fn new(idx: &'a ClaimIndex, searcher: &'a Searcher) -> Articles<'a> {
        Articles {
            idx,
            searcher,
            cache: HashMap::new(),
        }
    }

    /// The article with `doc_id`, if indexed.
    pub fn get(&mut self, doc_id: &str) -> Result<Option<Rc<StoredArticle>>> {
        if let Some(a) = self.cache.get(doc_id) {
            return Ok(a.clone());
        }
        if self.cache.len() >= Self::CAPACITY {
            self.cache.clear();
        }
        let a = article_in(self.idx, self.searcher, doc_id)?.map(Rc::new);
        self.cache.insert(doc_id.to_string(), a.clone());
        Ok(a)
    }

    /// The claim stored in `doc`, with its sentence and its article's metadata.
    pub fn claim(&mut self, doc: &TantivyDocument) -> Result<StoredClaim> {
        let f = &self.idx.fields;
        let mut c = stored_claim(self.idx, doc);
        let Some(a) = self.get(&c.doc_id)? else {
            return Ok(c);
        };
        let (s, e) = (
            u64_of(doc, f.sentence_start).unwrap_or(c.start) as usize,
            u64_of(doc, f.sentence_end).unwrap_or(c.end) as usize,
        );
        c.sentence = a.text.get(s..e).unwrap_or_default().to_string();
        c.source_line = a.source_line;
        c.source_id = a.source_id.clone();
        c.title = a.title.clone();
        c.url = a.url.clone();
        c.site = a.site.clone();
        c.published = a.published.clone();
        Ok(c)
    }
}

/// Every article record, in doc id order (for exports).
pub fn all_articles(idx: &ClaimIndex, searcher: &Searcher) -> Result<Vec<StoredArticle>> {
    let query = keyword(idx.fields.record, "article");
    let mut out = matching_docs(idx, searcher, query.as_ref())?
        .iter()
        .map(|doc| stored_article(idx, doc))
        .collect::<Vec<_>>();
    out.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    Ok(out)
}

/// Every stored document matching `query`, in index order (one pass, no scoring).
fn matching_docs(
    idx: &ClaimIndex,
    searcher: &Searcher,
    query: &dyn Query,
) -> Result<Vec<TantivyDocument>> {
    let mut addrs: Vec<_> = searcher
        .search(query, &DocSetCollector)
        .map_err(|e| Error::store(&idx.path, e))?
        .into_iter()
        .collect();
    addrs.sort();
    addrs
        .into_iter()
        .map(|addr| searcher.doc(addr).map_err(|e| Error::store(&idx.path, e)))
        .collect()
}

pub(crate) fn text_of(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_string))
}

pub(crate) fn u64_of(doc: &TantivyDocument, field: Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}

fn stored_article(idx: &ClaimIndex, doc: &TantivyDocument) -> StoredArticle {
    let f = &idx.fields;
    StoredArticle {
        doc_id: text_of(doc, f.doc_id).unwrap_or_default(),
        sha256: text_of(doc, f.sha256).unwrap_or_default(),
        source_path: text_of(doc, f.source_path).unwrap_or_default(),
        source_line: u64_of(doc, f.source_line),
        source_id: text_of(doc, f.source_id),
        url: text_of(doc, f.url),
        title: text_of(doc, f.stored_title),
        author: text_of(doc, f.author),
        site: text_of(doc, f.site),
        language: text_of(doc, f.language),
        published: text_of(doc, f.published_raw),
        bytes: u64_of(doc, f.bytes).unwrap_or(0),
        ingested_at: doc
            .get_first(f.ingested_at)
            .and_then(|v| v.as_i64())
            .unwrap_or(0),
        text: text_of(doc, f.body).unwrap_or_default(),
    }
}

/// What a claim record holds itself (see [`Articles::claim`] for the rest).
fn stored_claim(idx: &ClaimIndex, doc: &TantivyDocument) -> StoredClaim {
    let f = &idx.fields;
    let doc_id = text_of(doc, f.doc_id).unwrap_or_default();
    let kind = text_of(doc, f.kind).unwrap_or_default();
    let (start, end) = (
        u64_of(doc, f.start).unwrap_or(0),
        u64_of(doc, f.end).unwrap_or(0),
    );
    StoredClaim {
        // A claim's stable id (not stored: it is made of what is).
        claim_id: format!("{doc_id}:{kind}:{start}-{end}"),
        doc_id,
        source_path: text_of(doc, f.source_path).unwrap_or_default(),
        kind,
        subtype: text_of(doc, f.subtype).unwrap_or_default(),
        text: text_of(doc, f.text).unwrap_or_default(),
        start,
        end,
        char_start: u64_of(doc, f.char_start).unwrap_or(0),
        char_end: u64_of(doc, f.char_end).unwrap_or(0),
        line: u64_of(doc, f.line).unwrap_or(0),
        column: u64_of(doc, f.column).unwrap_or(0),
        value: text_of(doc, f.value),
        value_high: text_of(doc, f.value_high),
        value_number: doc.get_first(f.value_num).and_then(|v| v.as_f64()),
        unit: text_of(doc, f.unit),
        per: text_of(doc, f.per),
        qualifier: text_of(doc, f.qualifier),
        speaker: text_of(doc, f.speaker),
        rule: text_of(doc, f.rule).unwrap_or_default(),
        confidence: doc
            .get_first(f.confidence)
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0),
        ..StoredClaim::default()
    }
}

/// The lower-cased words the query looks for in claim text and sentence.
fn query_words(idx: &ClaimIndex, query: &dyn Query) -> Vec<String> {
    let f = &idx.fields;
    let mut words = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == f.text || term.field() == f.sentence {
            if let Some(s) = term.value().as_str() {
                if !words.iter().any(|w: &String| w == s) {
                    words.push(s.to_string());
                }
            }
        }
    });
    words
}

/// Byte ranges of `sentence` whose tokens are query words.
fn highlight(idx: &ClaimIndex, sentence: &str, words: &[String]) -> Vec<(usize, usize)> {
    if words.is_empty() {
        return Vec::new();
    }
    let Ok(mut analyzer) = idx.index.tokenizer_for_field(idx.fields.sentence) else {
        return Vec::new();
    };
    let mut stream = analyzer.token_stream(sentence);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        if words.contains(&t.text) {
            out.push((t.offset_from, t.offset_to));
        }
    }
    out
}
