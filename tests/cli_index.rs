//! `claimdex ingest`, `search`, `show`, `stats` end to end, in temp dirs: incremental and idempotent
//! ingestion, every search filter, exit codes, a killed ingest that the next run completes, and a second
//! writer refused while the first holds the index.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{claimdex, json_lines, write, OutputExt};

const RATES: &str = "Bank holds rates\n\nLONDON, 14 March 2024 — The Bank of England kept its rate at 5.25 per cent. \
\"We are not there yet,\" said Andrew Bailey, the governor. Inflation fell to 3.4 per cent in February.\n";
const CHIPS: &str = "{\"id\": \"w1\", \"published\": \"2025-04-16\", \"title\": \"Chip plant\", \"text\": \"Chip plant\\n\\nPHOENIX, April 16 - Nova Semiconductor Corp. will build a $20bn plant, creating about 3,000 jobs. \\\"It is the most advanced factory we have designed,\\\" said Lena Fischer, the chief executive.\"}\n\
{\"id\": \"w2\", \"published\": \"2025-04-14\", \"title\": \"Tariffs\", \"text\": \"Tariffs\\n\\nWASHINGTON - Scott Bessent said Japan would negotiate first. \\\"Japan is a very important ally,\\\" Bessent said. The surplus was $68 billion.\"}\n";

fn corpus(dir: &Path) {
    write(dir, "corpus/rates.txt", RATES.as_bytes());
    write(dir, "corpus/wire/w.jsonl", CHIPS.as_bytes());
}

/// Runs `claimdex ingest FLAGS --index INDEX INPUT`.
fn ingest(index: &Path, input: &Path, flags: &[&str]) -> Output {
    let mut args = vec!["ingest"];
    args.extend_from_slice(flags);
    args.extend(["--index", index.to_str().unwrap(), input.to_str().unwrap()]);
    claimdex(&args, None)
}

fn stat(index: &Path, label: &str) -> u64 {
    let out = claimdex(&["stats", "--index", index.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let text = out.stdout_text();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("{label} in {text}"));
    line.split_whitespace().last().unwrap().parse().unwrap()
}

fn search(index: &Path, args: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let mut all = vec![
        "search",
        "--index",
        index.to_str().unwrap(),
        "--format",
        "jsonl",
    ];
    if !args.contains(&"--limit") {
        all.extend_from_slice(&["--limit", "1000"]);
    }
    all.extend_from_slice(args);
    let out = claimdex(&all, None);
    (out.status.code().unwrap(), json_lines(&out.stdout))
}

#[test]
fn ingest_is_incremental_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let index = dir.path().join("idx");
    let corpus = dir.path().join("corpus");
    let out = ingest(&index, &corpus, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    assert!(
        out.stderr_text().contains("3 new articles"),
        "{}",
        out.stderr_text()
    );
    let claims = stat(&index, "claims:");
    assert_eq!(stat(&index, "articles:"), 3);
    assert!(claims > 15, "{claims}");
    // Re-running adds nothing.
    let out = ingest(&index, &corpus, &[]);
    assert!(
        out.stderr_text().contains("0 new articles, 3 skipped"),
        "{}",
        out.stderr_text()
    );
    assert_eq!(stat(&index, "claims:"), claims);
    // A new file: only it is added.
    write(
        dir.path(),
        "corpus/new.txt",
        b"Shares rose 4% on Monday, said Maria Lopez.",
    );
    let out = ingest(&index, &corpus, &[]);
    assert!(
        out.stderr_text().contains("1 new articles, 3 skipped"),
        "{}",
        out.stderr_text()
    );
    assert_eq!(stat(&index, "articles:"), 4);
    // The same text under another name is the same article.
    write(dir.path(), "corpus/copy.txt", RATES.as_bytes());
    let out = ingest(&index, &corpus, &[]);
    assert!(
        out.stderr_text().contains("0 new articles, 5 skipped"),
        "{}",
        out.stderr_text()
    );
}

#[test]
fn search_filters_exit_codes_and_provenance() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let index = dir.path().join("idx");
    let out = ingest(&index, &dir.path().join("corpus"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());

    let (code, hits) = search(&index, &["billion"]);
    assert_eq!(code, 0);
    assert!(hits.iter().any(|h| h["text"] == "$68 billion"));
    assert!(hits.iter().all(|h| h["score"].as_f64().unwrap() > 0.0));

    let (_, hits) = search(&index, &["*", "--kind", "quote"]);
    assert_eq!(hits.len(), 3, "{hits:?}");
    let (_, hits) = search(&index, &["*", "--subtype", "money"]);
    assert!(!hits.is_empty() && hits.iter().all(|h| h["subtype"] == "money"));
    let (_, hits) = search(&index, &["*", "--speaker", "Bessent"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["speaker"], "Scott Bessent");
    let (_, hits) = search(
        &index,
        &["*", "--entity", "Nova Semiconductor", "--kind", "figure"],
    );
    let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert!(
        texts.contains(&"$20bn") && texts.contains(&"3,000"),
        "{texts:?}"
    );
    let (_, hits) = search(
        &index,
        &[
            "*",
            "--source",
            dir.path().join("corpus/wire").to_str().unwrap(),
        ],
    );
    assert!(
        !hits.is_empty()
            && hits
                .iter()
                .all(|h| h["source_path"].as_str().unwrap().contains("wire"))
    );
    let (_, hits) = search(&index, &["*", "--since", "2025-04-15", "--kind", "figure"]);
    assert!(
        !hits.is_empty() && hits.iter().all(|h| h["source_id"] == "w1"),
        "{hits:?}"
    );
    let (_, hits) = search(&index, &["*", "--until", "2024-12-31", "--kind", "figure"]);
    assert!(
        !hits.is_empty()
            && hits
                .iter()
                .all(|h| h["source_path"].as_str().unwrap().ends_with("rates.txt"))
    );
    let (_, hits) = search(&index, &["*", "--min", "1e9", "--max", "3e10"]);
    let values: Vec<&str> = hits.iter().map(|h| h["value"].as_str().unwrap()).collect();
    assert_eq!(values, ["20000000000"]);
    let (_, hits) = search(&index, &["*", "--unit", "usd"]);
    assert_eq!(hits.len(), 2);
    let (_, page1) = search(&index, &["*", "--limit", "2"]);
    let (_, page2) = search(&index, &["*", "--limit", "2", "--offset", "2"]);
    assert_eq!(page1.len(), 2);
    assert_ne!(page1[0]["start"], page2[0]["start"]);

    // Provenance: the hit's bytes are the article's bytes.
    let (_, hits) = search(&index, &["\"3.4 per cent\""]);
    let hit = &hits[0];
    let out = claimdex(
        &[
            "show",
            "--index",
            index.to_str().unwrap(),
            "--text",
            hit["doc_id"].as_str().unwrap(),
        ],
        None,
    );
    let text = out.stdout;
    let (s, e) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], hit["text"].as_str().unwrap().as_bytes());
    assert_eq!(text, RATES.as_bytes());

    // grep conventions: 1 for no hits, 2 for a bad query or a missing index.
    let (code, hits) = search(&index, &["zeppelin"]);
    assert_eq!((code, hits.len()), (1, 0));
    let out = claimdex(
        &["search", "--index", index.to_str().unwrap(), "rates AND ("],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stderr_text().contains("bad query"),
        "{}",
        out.stderr_text()
    );
    let out = claimdex(
        &[
            "search",
            "--index",
            dir.path().join("nope").to_str().unwrap(),
            "x",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stderr_text().contains("not a claimdex index"),
        "{}",
        out.stderr_text()
    );

    // show marks claims; table search highlights matched words.
    let out = claimdex(
        &[
            "show",
            "--index",
            index.to_str().unwrap(),
            hit["doc_id"].as_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.stdout_text().contains("⟦3.4 per cent⟧{figure}"),
        "{}",
        out.stdout_text()
    );
    let out = claimdex(
        &[
            "search",
            "--index",
            index.to_str().unwrap(),
            "--format",
            "table",
            "inflation",
        ],
        None,
    );
    assert!(
        out.stdout_text().contains("[Inflation]"),
        "{}",
        out.stdout_text()
    );
}

#[test]
fn version_mismatch_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let index = dir.path().join("idx");
    ingest(&index, &dir.path().join("corpus"), &["-q"]);
    let manifest = index.join("claimdex-index.json");
    let raw = std::fs::read_to_string(&manifest).unwrap().replace(
        &format!("\"schema_version\": {}", claimdex::index::SCHEMA_VERSION),
        "\"schema_version\": 999",
    );
    std::fs::write(&manifest, raw).unwrap();
    let out = claimdex(&["search", "--index", index.to_str().unwrap(), "x"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stderr_text().contains("schema version 999") && out.stderr_text().contains("re-ingest"),
        "{}",
        out.stderr_text()
    );
}

/// Synthetic articles as JSON Lines.
fn synth(count: u64) -> Vec<u8> {
    let mut buf = Vec::new();
    claimdex::synth::write_jsonl(&mut buf, 42, count, 3).unwrap();
    buf
}

fn committed_docs(index: &Path) -> u64 {
    match claimdex::index::ClaimIndex::open(index) {
        Ok(idx) => idx
            .index
            .reader()
            .map(|r| r.searcher().num_docs())
            .unwrap_or(0),
        Err(_) => 0,
    }
}

fn spawn_ingest(index: &Path, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_claimdex"))
        .args([
            "ingest",
            "-q",
            "--input-format",
            "jsonl",
            "--index",
            index.to_str().unwrap(),
        ])
        .args(extra)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn killed_ingest_is_completed_by_the_next_run_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let data = synth(400);
    let file = write(dir.path(), "synth.jsonl", &data);
    // Reference: a clean ingest.
    let clean = dir.path().join("clean");
    let out = ingest(&clean, &file, &["-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let want_articles = stat(&clean, "articles:");
    let want_claims = stat(&clean, "claims:");
    assert_eq!(want_articles, 400);

    // Feed most articles through a pipe that stays open (more than one 256-article batch, so work
    // reaches the writer), wait for a commit, then kill -9.
    let index = dir.path().join("killed");
    let mut child = spawn_ingest(&index, &["--commit-every", "50"]);
    let half: Vec<u8> = data
        .split_inclusive(|&b| b == b'\n')
        .take(300)
        .flatten()
        .copied()
        .collect();
    child.stdin.as_mut().unwrap().write_all(&half).unwrap();
    child.stdin.as_mut().unwrap().flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while committed_docs(&index) == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = stat(&index, "articles:");
    assert!(partial > 0 && partial < 400, "{partial}");

    // The index still opens; the next run completes it, with no duplicate article or claim.
    let out = ingest(&index, &file, &["-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    assert_eq!(stat(&index, "articles:"), want_articles);
    assert_eq!(stat(&index, "claims:"), want_claims);
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let mut first = spawn_ingest(&index, &[]);
    // The first writer has the lock once the index exists; keep its input open.
    first.stdin.as_mut().unwrap().write_all(&synth(5)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !index.join(".tantivy-writer.lock").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let file = write(dir.path(), "more.jsonl", &synth(3));
    let out = ingest(&index, &file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stderr_text().contains("in use by another process"),
        "{}",
        out.stderr_text()
    );
    // The first one finishes normally.
    drop(first.stdin.take());
    let status = first.wait().unwrap();
    assert!(status.success());
    assert_eq!(stat(&index, "articles:"), 5);
}

/// A claim as `extract` and `search` both print it: (doc id, start, end, kind).
fn claim_key(v: &serde_json::Value) -> (String, u64, u64, String) {
    (
        v["doc_id"].as_str().unwrap().to_string(),
        v["start"].as_u64().unwrap(),
        v["end"].as_u64().unwrap(),
        v["kind"].as_str().unwrap().to_string(),
    )
}

/// The entities of a sentence live on its sentence record and an article's title on its article record;
/// queries on them reach the claims below through the index's blocks of records. After many small
/// commits and the merges they set off, they must find exactly the claims `extract` puts in the sentences
/// naming an entity, and in the articles whose title has a word.
#[test]
fn sentence_and_article_fields_find_exactly_their_claims_after_merges() {
    use std::collections::{BTreeSet, HashMap};

    let dir = tempfile::tempdir().unwrap();
    // And one article with no claim at all: a block of one record.
    let mut articles = synth(300);
    articles.extend_from_slice(
        b"{\"id\": \"quiet\", \"title\": \"quiet\", \"text\": \"nothing was said here.\"}\n",
    );
    let input = write(dir.path(), "synth.jsonl", &articles);
    let index = dir.path().join("index");
    let out = ingest(&index, &input, &["-q", "--commit-every", "10"]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    assert_eq!(stat(&index, "articles:"), 301);
    let extracted = claimdex(
        &["extract", "--format", "jsonl", input.to_str().unwrap()],
        None,
    );
    let claims = json_lines(&extracted.stdout);
    assert!(claims.len() > 3000, "{} claims", claims.len());

    // Entities: the claims of every sentence with an entity of that key.
    let key = claimdex::extract::entities::entity_key;
    let sentence_of = |c: &serde_json::Value| {
        (
            c["doc_id"].as_str().unwrap().to_string(),
            c["sentence"].as_str().unwrap().to_string(),
        )
    };
    let mut keys_of: HashMap<(String, String), BTreeSet<String>> = HashMap::new();
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for c in claims.iter().filter(|c| c["kind"] == "entity") {
        let k = key(c["value"].as_str().unwrap());
        *frequency.entry(k.clone()).or_default() += 1;
        keys_of.entry(sentence_of(c)).or_default().insert(k);
    }
    let mut by_frequency: Vec<(usize, String)> =
        frequency.into_iter().map(|(k, n)| (n, k)).collect();
    by_frequency.sort_unstable_by(|a, b| b.cmp(a));
    for (_, k) in by_frequency.iter().take(3).chain(by_frequency.last()) {
        let expected: BTreeSet<_> = claims
            .iter()
            .filter(|c| keys_of.get(&sentence_of(c)).is_some_and(|s| s.contains(k)))
            .map(claim_key)
            .collect();
        let (code, hits) = search(
            &index,
            &[&format!("entity_keys:\"{k}\""), "--limit", "100000"],
        );
        assert_eq!(code, 0, "{k}");
        let found: BTreeSet<_> = hits.iter().map(claim_key).collect();
        assert_eq!(found, expected, "entity_keys:{k}");
    }

    // Titles: the claims of every article whose title has the word (lower case, as the tokenizer
    // reads it), for a word in some titles but not all.
    let mut titles: HashMap<String, String> = HashMap::new();
    for a in json_lines(&std::fs::read(&input).unwrap()) {
        let title = a["title"].as_str().unwrap().to_lowercase();
        titles.insert(a["id"].as_str().unwrap().to_string(), title);
    }
    let words_of = |t: &str| -> BTreeSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut in_titles: HashMap<String, usize> = HashMap::new();
    for t in titles.values() {
        for w in words_of(t) {
            *in_titles.entry(w).or_default() += 1;
        }
    }
    let (word, n) = in_titles
        .iter()
        .filter(|(_, &n)| n < titles.len() / 2)
        .max_by_key(|(w, &n)| (n, std::cmp::Reverse(w.to_string())))
        .unwrap();
    assert!(*n > 10, "{word} in {n} titles");
    let expected: BTreeSet<_> = claims
        .iter()
        .filter(|c| words_of(&titles[c["source_id"].as_str().unwrap()]).contains(word))
        .map(claim_key)
        .collect();
    for query in [
        format!("title:{word}"),
        format!("title:{word} AND kind:figure"),
    ] {
        let (code, hits) = search(&index, &[&query, "--limit", "100000"]);
        assert_eq!(code, 0, "{query}");
        let found: BTreeSet<_> = hits.iter().map(claim_key).collect();
        let wanted: BTreeSet<_> = if query.contains("figure") {
            expected
                .iter()
                .filter(|k| k.3 == "figure")
                .cloned()
                .collect()
        } else {
            expected.clone()
        };
        assert!(!wanted.is_empty(), "{query}");
        assert_eq!(found, wanted, "{query}");
    }
}
