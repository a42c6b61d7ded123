//! `claimdex bench --stages`: how long each extraction stage takes on one thread, so that speed work
//! starts from a measurement. The stages run as the pipeline runs them (each sees the claims of the
//! stages before it); the output stage renders JSON Lines, as `claimdex extract` does.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::claim::ClaimKind;
use crate::extract::Pipeline;
use crate::output::{ClaimRecord, Renderer};
use crate::source::{Event, InputFormat, Sources};
use crate::text::Analyzed;

#[derive(Debug, Serialize)]
struct Stage {
    stage: String,
    seconds: f64,
    mb_per_s: f64,
    share: f64,
}

#[derive(Debug, Serialize)]
struct Results {
    corpus: String,
    articles: usize,
    text_mb: f64,
    claims: usize,
    stages: Vec<Stage>,
    /// Extraction and output together (reading left out): what one core sustains.
    total_mb_per_s: f64,
}

pub(super) fn run(corpus: &str, json: bool) -> anyhow::Result<i32> {
    eprintln!("claimdex: bench: timing the stages on {corpus} ...");
    let started = Instant::now();
    let mut docs = Vec::new();
    for event in Sources::new(&[corpus], InputFormat::Auto) {
        match event {
            Event::Document(doc) => docs.push(*doc),
            Event::Warning(_) => {}
            Event::Error(e) => eprintln!("claimdex: {e}"),
        }
    }
    let read = started.elapsed();
    anyhow::ensure!(!docs.is_empty(), "no article in {corpus}");
    let pipeline = Pipeline::standard(&[]);
    let extractors = pipeline.extractors();
    let mut analyze = Duration::ZERO;
    let mut output = Duration::ZERO;
    let mut per_stage = vec![Duration::ZERO; extractors.len()];
    let mut claims_seen = 0;
    let mut bytes = Vec::new();
    // In chunks, as the workers of `extract` take them.
    for chunk in docs.chunks(super::batch::CHUNK_DOCS) {
        let t = Instant::now();
        let analyzed: Vec<Analyzed<'_>> = chunk.iter().map(Analyzed::new).collect();
        analyze += t.elapsed();
        let refs: Vec<&Analyzed<'_>> = analyzed.iter().collect();
        let claims = pipeline.run_timed(&refs, &mut per_stage);
        let t = Instant::now();
        for (analyzed, claims) in analyzed.iter().zip(&claims) {
            bytes.clear();
            Renderer::Jsonl.render(&ClaimRecord::all(analyzed, claims), &mut bytes)?;
            claims_seen += claims.len();
        }
        output += t.elapsed();
    }
    anyhow::ensure!(claims_seen > 0, "no claims extracted");
    let text_mb = docs.iter().map(|d| d.len()).sum::<usize>() as f64 / 1e6;
    let mut timed: Vec<(String, Duration)> = vec![("analysis".into(), analyze)];
    timed.extend(
        extractors
            .iter()
            .zip(&per_stage)
            .map(|(e, &d)| (stage_name(e.kind()).to_string(), d)),
    );
    timed.push(("output (jsonl)".into(), output));
    let total: f64 = timed.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let stage = |(name, d): (String, Duration)| Stage {
        stage: name,
        seconds: d.as_secs_f64(),
        mb_per_s: text_mb / d.as_secs_f64().max(1e-9),
        share: d.as_secs_f64() / total.max(1e-9),
    };
    let mut stages = vec![Stage {
        share: 0.0,
        ..stage(("reading (not in total)".into(), read))
    }];
    stages.extend(timed.into_iter().map(stage));
    let res = Results {
        corpus: corpus.to_string(),
        articles: docs.len(),
        text_mb,
        claims: claims_seen,
        stages,
        total_mb_per_s: text_mb / total.max(1e-9),
    };
    if json {
        println!("{}", serde_json::to_string(&res)?);
    } else {
        println!("corpus            {}", res.corpus);
        println!(
            "articles          {} ({:.1} MB of text), {} claims",
            res.articles, res.text_mb, res.claims
        );
        for s in &res.stages {
            println!(
                "{:<24} {:>7.3} s  {:>7.1} MB/s  {:>5.1}%",
                s.stage,
                s.seconds,
                s.mb_per_s,
                s.share * 100.0
            );
        }
        println!(
            "{:<24} {:>7.1} MB/s on one thread",
            "total", res.total_mb_per_s
        );
    }
    Ok(0)
}

fn stage_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Figure => "figures",
        ClaimKind::Date => "dates",
        ClaimKind::Entity => "entities",
        ClaimKind::Quote => "quotes",
    }
}
