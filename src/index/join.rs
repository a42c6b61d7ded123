//! From sentences and articles to their claims: a block join over the index's document order.
//!
//! An article's records are consecutive documents (see [`super::schema`]): the article, then each sentence
//! followed by its claims. [`ClaimsOf`] runs a query on sentence (or article) records and matches the claim
//! records of every sentence (or article) it finds, with that record's score. Going from a parent to its
//! claims reads the parent's `block_len`; going from a claim back to its parent (to seek) reads the claim's
//! `to_sentence` or `to_article`. Both are fast fields, so the join costs a few array reads per match and
//! no second search.

use std::fmt;
use std::sync::Arc;

use tantivy::columnar::ColumnValues;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The records a [`ClaimsOf`] query runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Sentence,
    Article,
}

impl Level {
    /// The fast field holding a claim's distance back to its record of this level.
    fn up_field(self) -> &'static str {
        match self {
            Level::Sentence => "to_sentence",
            Level::Article => "to_article",
        }
    }
}

/// The claims of the sentences (or articles) that `parent` matches, scored as their parent.
pub struct ClaimsOf {
    parent: Box<dyn Query>,
    level: Level,
}

impl Clone for ClaimsOf {
    fn clone(&self) -> Self {
        ClaimsOf {
            parent: self.parent.box_clone(),
            level: self.level,
        }
    }
}

impl ClaimsOf {
    pub fn new(parent: Box<dyn Query>, level: Level) -> ClaimsOf {
        ClaimsOf { parent, level }
    }
}

impl fmt::Debug for ClaimsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClaimsOf({:?}, {:?})", self.level, self.parent)
    }
}

impl Query for ClaimsOf {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ClaimsOfWeight {
            parent: self.parent.weight(enable_scoring)?,
            level: self.level,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.parent.query_terms(visitor);
    }
}

struct ClaimsOfWeight {
    parent: Box<dyn Weight>,
    level: Level,
}

impl Weight for ClaimsOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let fast = reader.fast_fields();
        let column = |name: &str| -> tantivy::Result<Arc<dyn ColumnValues<u64>>> {
            Ok(fast.u64(name)?.first_or_default_col(0))
        };
        let mut scorer = ClaimsOfScorer {
            parent: self.parent.scorer(reader, boost)?,
            block_len: column("block_len")?,
            up: column(self.level.up_field())?,
            // A sentence's block holds only its claims; an article's also holds its sentences.
            to_sentence: match self.level {
                Level::Sentence => None,
                Level::Article => Some(column("to_sentence")?),
            },
            end: 0,
            doc: 0,
            score: 0.0,
            current: TERMINATED,
        };
        scorer.enter_parent(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #{doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "claim of a matching record",
            scorer.score(),
        ))
    }
}

/// Walks the parent matches in order and, for each, its claims: the documents after it in its block that
/// are claims (`to_sentence > 0`; an article's block also holds its sentence records).
struct ClaimsOfScorer {
    parent: Box<dyn Scorer>,
    block_len: Arc<dyn ColumnValues<u64>>,
    up: Arc<dyn ColumnValues<u64>>,
    /// To tell claims from sentence records in an article's block (`None` at the sentence level).
    to_sentence: Option<Arc<dyn ColumnValues<u64>>>,
    /// The last document of the current parent's block (inclusive).
    end: DocId,
    doc: DocId,
    /// The parent whose block end and score `end` and `score` hold, read once for all its claims.
    current: DocId,
    score: Score,
}

impl ClaimsOfScorer {
    fn is_claim(&self, doc: DocId) -> bool {
        self.to_sentence.as_ref().is_none_or(|c| c.get_val(doc) > 0)
    }

    /// Moves to the first claim at or after `from` under the current parent, or under the parents after it.
    fn enter_parent(&mut self, from: DocId) {
        let mut from = from;
        loop {
            let p = self.parent.doc();
            if p == TERMINATED {
                self.doc = TERMINATED;
                return;
            }
            if self.current != p {
                self.current = p;
                self.end = p.saturating_add(self.block_len.get_val(p) as DocId);
                self.score = self.parent.score();
            }
            let mut d = from.max(p + 1);
            while d <= self.end && !self.is_claim(d) {
                d += 1;
            }
            if d <= self.end {
                self.doc = d;
                return;
            }
            self.parent.advance();
            from = 0;
        }
    }
}

impl DocSet for ClaimsOfScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let next = self.doc + 1;
        if next <= self.end {
            // Still in the current block; `enter_parent` skips its sentence records.
            self.enter_parent(next);
        } else {
            self.parent.advance();
            self.enter_parent(0);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        if target == TERMINATED {
            self.doc = TERMINATED;
            return TERMINATED;
        }
        if target > self.end {
            // The record of this level `target` falls under (at the sentence level, a sentence or an
            // article record has none, and the parents from `target` on are the candidates).
            let up = self.up.get_val(target) as DocId;
            let parent = target - up.min(target);
            if self.parent.doc() < parent {
                self.parent.seek(parent);
            }
        }
        self.enter_parent(target);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.parent.size_hint().saturating_mul(3)
    }
}

impl Scorer for ClaimsOfScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}
