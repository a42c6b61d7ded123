//! Extractors turn an analyzed document into claims. Each one is a small stage with one method; the
//! [`Pipeline`] runs them in dependency order (dates before figures, so a year is never a figure; entities
//! before quotes, so a quote can name its speaker) and returns the claims sorted by position.
//!
//! Extractors do no I/O and compile their patterns and automata once, in their constructors.

pub mod dates;
pub mod entities;
pub mod figures;
pub mod numbers;
pub mod quotes;

pub use dates::DateExtractor;
pub use entities::EntityExtractor;
pub use figures::FigureExtractor;
pub use quotes::QuoteExtractor;

use crate::claim::{Claim, ClaimKind};
use crate::document::Document;
use crate::text::Analyzed;
use std::time::{Duration, Instant};

/// One stage of claim extraction.
pub trait Extractor: Send + Sync {
    /// The kind of claim this extractor emits.
    fn kind(&self) -> ClaimKind;

    /// Appends the claims found in `doc` to `out`. `found` holds the claims of the stages that ran before
    /// this one (for instance dates, which a figure extractor must not claim again).
    fn extract(&self, doc: &Analyzed<'_>, found: &[Claim], out: &mut Vec<Claim>);

    /// [`Extractor::extract`] over several documents: `found[i]` and `out[i]` belong to `docs[i]`, and the
    /// claims must be those `extract` finds in each. The default calls `extract` on each document. An
    /// extractor that runs many automata over every document overrides it to run each automaton over
    /// all of them in turn, so that its tables stay in the CPU's cache.
    fn extract_batch(&self, docs: &[&Analyzed<'_>], found: &[Vec<Claim>], out: &mut [Vec<Claim>]) {
        for ((doc, found), out) in docs.iter().zip(found).zip(out) {
            self.extract(doc, found, out);
        }
    }
}

/// The extractors to run, in order.
pub struct Pipeline {
    extractors: Vec<Box<dyn Extractor>>,
    /// The kinds returned (stages may run only because another kind needs them).
    keep: Vec<ClaimKind>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kinds: Vec<_> = self.extractors.iter().map(|e| e.kind()).collect();
        f.debug_struct("Pipeline")
            .field("extractors", &kinds)
            .finish()
    }
}

impl Pipeline {
    /// A pipeline of the given extractors, run in the order given.
    pub fn with_extractors(extractors: Vec<Box<dyn Extractor>>) -> Pipeline {
        let mut keep: Vec<ClaimKind> = extractors.iter().map(|e| e.kind()).collect();
        keep.sort();
        keep.dedup();
        Pipeline { extractors, keep }
    }

    /// The standard pipeline for the requested kinds (all kinds when `kinds` is empty). Stages a requested
    /// kind depends on run too, but only the requested kinds are returned.
    pub fn standard(kinds: &[ClaimKind]) -> Pipeline {
        let wants = |k: ClaimKind| kinds.is_empty() || kinds.contains(&k);
        let mut extractors: Vec<Box<dyn Extractor>> = Vec::new();
        // Figures and entities need dates (a year is not a figure, a month not a name).
        if wants(ClaimKind::Date)
            || wants(ClaimKind::Figure)
            || wants(ClaimKind::Entity)
            || wants(ClaimKind::Quote)
        {
            extractors.push(Box::new(DateExtractor::new()));
        }
        // Entities need figures (the currency of a sum is no name), and quotes need entities.
        if wants(ClaimKind::Figure) || wants(ClaimKind::Entity) || wants(ClaimKind::Quote) {
            extractors.push(Box::new(FigureExtractor::new()));
        }
        // Quotes need entities for their speakers.
        if wants(ClaimKind::Entity) || wants(ClaimKind::Quote) {
            extractors.push(Box::new(EntityExtractor::new()));
        }
        if wants(ClaimKind::Quote) {
            extractors.push(Box::new(QuoteExtractor::new()));
        }
        let keep = ClaimKind::ALL.into_iter().filter(|&k| wants(k)).collect();
        Pipeline { extractors, keep }
    }

    /// The kinds this pipeline emits.
    pub fn kinds(&self) -> &[ClaimKind] {
        &self.keep
    }

    /// The stages, in the order they run.
    pub fn extractors(&self) -> &[Box<dyn Extractor>] {
        &self.extractors
    }

    /// Runs every stage over `analyzed` and returns its claims sorted by (start, end, kind).
    pub fn run(&self, analyzed: &Analyzed<'_>) -> Vec<Claim> {
        self.run_inner(&[analyzed], None).pop().unwrap_or_default()
    }

    /// [`Pipeline::run`] over several documents (their claims, in the same order). Each stage runs over
    /// all of them before the next one starts: the same claims as one document at a time, faster for a
    /// hundred documents or so (each stage's patterns stay in the CPU's cache; 32 gain little).
    pub fn run_batch(&self, docs: &[&Analyzed<'_>]) -> Vec<Vec<Claim>> {
        self.run_inner(docs, None)
    }

    /// [`Pipeline::run_batch`], adding the time each stage took to `spent` (one entry per stage, in the
    /// order of [`Pipeline::extractors`]).
    pub fn run_timed(&self, docs: &[&Analyzed<'_>], spent: &mut [Duration]) -> Vec<Vec<Claim>> {
        assert_eq!(spent.len(), self.extractors.len(), "one duration per stage");
        self.run_inner(docs, Some(spent))
    }

    fn run_inner(
        &self,
        docs: &[&Analyzed<'_>],
        mut spent: Option<&mut [Duration]>,
    ) -> Vec<Vec<Claim>> {
        let mut claims: Vec<Vec<Claim>> = docs.iter().map(|_| Vec::new()).collect();
        let mut out: Vec<Vec<Claim>> = docs.iter().map(|_| Vec::new()).collect();
        for (i, extractor) in self.extractors.iter().enumerate() {
            let started = spent.is_some().then(Instant::now);
            extractor.extract_batch(docs, &claims, &mut out);
            if let (Some(spent), Some(started)) = (spent.as_deref_mut(), started) {
                spent[i] += started.elapsed();
            }
            for ((analyzed, claims), out) in docs.iter().zip(&mut claims).zip(&mut out) {
                debug_assert!(
                    out.iter()
                        .all(|c| c.span.is_valid_for(analyzed.text()) && !c.span.is_empty()),
                    "extractor {:?} emitted an invalid span",
                    extractor.kind()
                );
                // A bad span is dropped rather than allowed to reach an output (release builds).
                claims.extend(
                    out.drain(..)
                        .filter(|c| c.span.is_valid_for(analyzed.text()) && !c.span.is_empty()),
                );
            }
        }
        for claims in &mut claims {
            claims.retain(|c| self.keep.contains(&c.kind));
            claims.sort_by(|a, b| {
                (a.span.start, a.span.end, a.kind).cmp(&(b.span.start, b.span.end, b.kind))
            });
        }
        claims
    }

    /// Analyzes `doc` and runs the pipeline over it.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        self.run(&Analyzed::new(doc))
    }
}
