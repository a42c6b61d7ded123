//! `claimdex bench`: measures ingest throughput, re-ingest throughput, peak memory and search latency on a
//! generated corpus (deterministic, so it runs on a fresh machine) or on a corpus you give. It checks the
//! counts it expects, so a fast wrong answer fails instead of being reported. A benchmark, not a test.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use super::ingest::{ingest, DEFAULT_COMMIT_EVERY, DEFAULT_MEMORY_MB};
use crate::index::search::{search, SearchRequest};
use crate::index::ClaimIndex;
use crate::source::InputFormat;

/// Arguments of `claimdex bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to generate (ignored with --corpus).
    #[arg(long, default_value_t = 60_000)]
    articles: u64,
    /// Paragraphs per generated article.
    #[arg(long, default_value_t = 6)]
    paragraphs: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Benchmark this corpus instead of a generated one.
    #[arg(long)]
    corpus: Option<String>,
    /// Work directory (a temporary one when not given; kept when given).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Search queries to time.
    #[arg(long, default_value_t = 2_000)]
    queries: usize,
    /// Print the results as one JSON object.
    #[arg(long)]
    json: bool,
    /// Time searches only, on the index already in --dir (from an earlier run).
    #[arg(long, requires = "dir")]
    skip_ingest: bool,
    /// Time each extraction stage on one thread instead (reading, analysis, dates, figures, entities,
    /// quotes, output lines): where extraction spends its time.
    #[arg(long, conflicts_with = "skip_ingest")]
    stages: bool,
}

#[derive(Debug, Serialize)]
struct Results {
    corpus: String,
    articles: u64,
    text_mb: f64,
    claims: u64,
    ingest_seconds: f64,
    ingest_mb_per_s: f64,
    ingest_articles_per_s: f64,
    reingest_seconds: f64,
    reingest_mb_per_s: f64,
    index_mb: f64,
    /// Peak resident memory of the first ingest (the bound), counted from its start.
    ingest_peak_rss_mb: f64,
    /// Peak resident memory of the whole run after generating the corpus: ingest, re-ingest and searches,
    /// whose memory-mapped index pages count too.
    peak_rss_mb: f64,
    search_queries: usize,
    search_p50_ms: f64,
    search_p99_ms: f64,
    search_max_ms: f64,
    /// p50 and p99 per query shape: words, phrase, OR + kind, speaker, range, unit + date.
    search_by_shape_ms: Vec<(String, f64, f64)>,
}

/// Peak resident memory of this process (VmHWM), in MB; 0 where /proc is not available.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Restarts the count of [`peak_rss_mb`] from the memory in use now (Linux; elsewhere a no-op), so that a
/// phase's peak excludes what came before it.
fn reset_peak_rss() {
    // Writing 5 to clear_refs resets VmHWM (proc(5)); a kernel without it keeps the peak of the whole process,
    // which only overstates.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The queries timed: words, phrases, boolean queries and filters, as fact-checkers use them.
fn query_mix(i: usize) -> SearchRequest {
    let words = [
        "jobs",
        "billion",
        "per cent",
        "quarter",
        "spend",
        "prices",
        "investment",
        "Nairobi",
        "homes",
        "Texas",
    ];
    let mut r = SearchRequest {
        limit: 20,
        ..SearchRequest::default()
    };
    let w = words[i % words.len()];
    match i % 6 {
        0 => r.query = w.to_string(),
        1 => r.query = format!("\"{w}\""),
        2 => {
            r.query = format!("{w} OR homes");
            r.kinds = vec![crate::ClaimKind::Figure];
        }
        3 => {
            r.query = "*".into();
            r.speaker = Some(["Okafor", "Tanaka", "Novak", "Mensah"][i % 4].into());
        }
        4 => {
            r.query = w.to_string();
            r.min = Some(1e6);
            r.max = Some(5e9);
        }
        _ => {
            r.query = "*".into();
            r.unit = Some("USD".into());
            r.since = chrono::NaiveDate::from_ymd_opt(2018, 1, 1);
        }
    }
    r
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let tmp;
    let dir = match &args.dir {
        Some(d) => {
            std::fs::create_dir_all(d)?;
            d.clone()
        }
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    let (corpus, expected_articles) = match &args.corpus {
        Some(c) => (c.clone(), None),
        None if args.skip_ingest => (String::from("(existing index)"), None),
        None => {
            let path = dir.join("synth.jsonl");
            eprintln!("claimdex: bench: generating {} articles ...", args.articles);
            let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
            crate::synth::write_jsonl(&mut w, args.seed, args.articles, args.paragraphs)?;
            w.flush()?;
            (path.to_string_lossy().into_owned(), Some(args.articles))
        }
    };
    if args.stages {
        return super::stages::run(&corpus, args.json);
    }
    let index = dir.join("index");
    let mut ingest_peak = 0.0;
    let (first, second, ingest_s, reingest_s) = if args.skip_ingest {
        (None, None, 0.0, 0.0)
    } else {
        if index.exists() {
            std::fs::remove_dir_all(&index)?;
        }
        eprintln!("claimdex: bench: ingesting {corpus} ...");
        reset_peak_rss();
        let timed = || -> anyhow::Result<(_, f64)> {
            let t = Instant::now();
            let summary = ingest(
                std::slice::from_ref(&corpus),
                &index,
                InputFormat::Auto,
                // The defaults of `claimdex ingest`: the speed and memory measured are those users get.
                DEFAULT_COMMIT_EVERY,
                DEFAULT_MEMORY_MB,
                true,
            )?;
            Ok((summary, t.elapsed().as_secs_f64()))
        };
        let (first, ingest_s) = timed()?;
        ingest_peak = peak_rss_mb();
        let (second, reingest_s) = timed()?;
        let articles = first.report.articles;
        // A fast wrong answer must fail.
        if let Some(n) = expected_articles {
            anyhow::ensure!(articles == n, "ingested {articles} articles, expected {n}");
        }
        anyhow::ensure!(
            first.report.failed == 0,
            "{} inputs failed",
            first.report.failed
        );
        anyhow::ensure!(
            second.report.articles == 0 && second.report.skipped == articles,
            "re-ingest added articles"
        );
        anyhow::ensure!(
            first.report.claims.iter().sum::<u64>() > 0,
            "no claims extracted"
        );
        (Some(first), Some(second), ingest_s, reingest_s)
    };
    let idx = ClaimIndex::open(&index)?;
    // Warm up: the first queries of a fresh process pay for page faults and caches.
    for i in 0..args.queries.min(200) {
        search(&idx, &query_mix(i))?;
    }
    let mut lat = Vec::with_capacity(args.queries);
    let mut by_shape: Vec<Vec<f64>> = vec![Vec::new(); 6];
    let mut hits = 0usize;
    for i in 0..args.queries {
        let req = query_mix(i);
        let t = Instant::now();
        let r = search(&idx, &req)?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        lat.push(ms);
        by_shape[i % 6].push(ms);
        hits += r.hits.len();
    }
    anyhow::ensure!(args.queries == 0 || hits > 0, "no search returned a hit");
    lat.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let pct_of = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(|a, b| a.total_cmp(b));
        v.get(((v.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let shapes = [
        "words",
        "phrase",
        "or+kind",
        "speaker",
        "value range",
        "unit+since",
    ];
    let search_by_shape_ms: Vec<(String, f64, f64)> = by_shape
        .iter_mut()
        .zip(shapes)
        .map(|(v, name)| (name.to_string(), pct_of(v, 0.5), pct_of(v, 0.99)))
        .collect();
    let text_mb = first
        .as_ref()
        .map_or(0.0, |f| f.report.text_bytes as f64 / 1e6);
    let articles = first.as_ref().map_or(0, |f| f.report.articles);
    let claims: u64 = first.as_ref().map_or(0, |f| f.report.claims.iter().sum());
    let res = Results {
        corpus: if args.corpus.is_some() {
            corpus
        } else {
            format!("synthetic (seed {}, {} articles)", args.seed, args.articles)
        },
        articles,
        text_mb,
        claims,
        ingest_seconds: ingest_s,
        ingest_mb_per_s: text_mb / ingest_s.max(1e-9),
        ingest_articles_per_s: articles as f64 / ingest_s.max(1e-9),
        reingest_seconds: reingest_s,
        reingest_mb_per_s: second.as_ref().map_or(0.0, |s| {
            s.report.text_bytes as f64 / 1e6 / reingest_s.max(1e-9)
        }),
        index_mb: idx.size_on_disk() as f64 / 1e6,
        ingest_peak_rss_mb: ingest_peak,
        peak_rss_mb: peak_rss_mb(),
        search_queries: args.queries,
        search_p50_ms: pct(0.50),
        search_p99_ms: pct(0.99),
        search_max_ms: lat.last().copied().unwrap_or(0.0),
        search_by_shape_ms,
    };
    if args.json {
        println!("{}", serde_json::to_string(&res)?);
    } else {
        println!("corpus            {}", res.corpus);
        println!(
            "articles          {} ({:.1} MB of text)",
            res.articles, res.text_mb
        );
        println!("claims            {}", res.claims);
        println!(
            "ingest            {:.2} s  {:.1} MB/s  {:.0} articles/s",
            res.ingest_seconds, res.ingest_mb_per_s, res.ingest_articles_per_s
        );
        println!(
            "re-ingest         {:.2} s  {:.1} MB/s",
            res.reingest_seconds, res.reingest_mb_per_s
        );
        println!("index on disk     {:.1} MB", res.index_mb);
        println!(
            "peak RSS          {:.0} MB ingest, {:.0} MB whole run (with searches' mapped index pages)",
            res.ingest_peak_rss_mb, res.peak_rss_mb
        );
        println!(
            "search            {} queries: p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
            res.search_queries, res.search_p50_ms, res.search_p99_ms, res.search_max_ms
        );
        for (name, p50, p99) in &res.search_by_shape_ms {
            println!("  {name:<15} p50 {p50:.2} ms  p99 {p99:.2} ms");
        }
    }
    Ok(0)
}
