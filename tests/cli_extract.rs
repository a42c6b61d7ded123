//! `claimdex extract` end to end: the real binary on real files in temp dirs.

mod common;

use common::{claimdex, gzip, json_lines, write, OutputExt};
use serde_json::Value;

const ARTICLE: &str = "Bank holds rates\n\nLONDON, 14 March 2024 — The bank kept its rate at 5.25 per cent, \
the governor said. Profits rose to £3bn, more than 100,000 jobs were added and prices rose 2.1% last week.\n";

/// The exact JSON Lines contract the eval kit reads.
const FIELDS: &[&str] = &[
    "doc_id",
    "source_path",
    "source_line",
    "source_id",
    "kind",
    "subtype",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "line",
    "column",
    "sentence",
    "value",
    "value_high",
    "unit",
    "per",
    "qualifier",
    "speaker",
    "rule",
    "confidence",
];

#[test]
fn jsonl_records_point_at_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = claimdex(
        &["extract", "--format", "jsonl", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let records = json_lines(&out.stdout);
    assert!(records.len() >= 6, "{records:?}");
    for r in &records {
        let obj = r.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut want = FIELDS.to_vec();
        want.sort_unstable();
        let mut got = keys.clone();
        got.sort_unstable();
        assert_eq!(got, want);
        let (start, end) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[start..end], r["text"].as_str().unwrap());
        let cs = r["char_start"].as_u64().unwrap() as usize;
        let ce = r["char_end"].as_u64().unwrap() as usize;
        let by_chars: String = ARTICLE.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(by_chars, r["text"].as_str().unwrap());
        assert_eq!(r["doc_id"].as_str().unwrap().len(), 16);
        assert!(r["sentence"]
            .as_str()
            .unwrap()
            .contains(r["text"].as_str().unwrap()));
    }
    let money: Vec<&Value> = records.iter().filter(|r| r["subtype"] == "money").collect();
    assert_eq!(money[0]["value"], "3000000000");
    assert_eq!(money[0]["unit"], "GBP");
    let jobs = records.iter().find(|r| r["text"] == "100,000").unwrap();
    assert_eq!(jobs["qualifier"], "gt");
    assert_eq!(jobs["unit"], "jobs");
    // The dateline gives the reference date: "last week" resolves.
    let week = records.iter().find(|r| r["text"] == "last week").unwrap();
    assert_eq!(week["value"], "2024-W10");
}

#[test]
fn mixed_bad_inputs_are_named_counted_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(d, "binary.txt", b"\x00\x01\x02ELF");
    write(d, "latin1.txt", b"Caf\xe9 prices rose 5% in 2023.");
    write(d, "empty.txt", b"");
    write(
        d,
        "lines.jsonl",
        b"{\"id\": \"ok1\", \"text\": \"Sales rose 7% in 2024.\"}\n{broken json\n{\"id\": \"no-text\"}\n{\"id\": \"ok2\", \"text\": \"It cost $5 million.\"}\n",
    );
    let gz = gzip(ARTICLE.as_bytes());
    write(d, "truncated.txt.gz", &gz[..gz.len() / 2]);
    write(d, "good2.txt.gz", &gzip(b"Output fell 4.1% in March 2025."));
    let out = claimdex(&["extract", "--format", "jsonl", d.to_str().unwrap()], None);
    let err = out.stderr_text();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("binary.txt") && err.contains("binary file"),
        "{err}"
    );
    assert!(
        err.contains("latin1.txt") && err.contains("Windows-1252"),
        "{err}"
    );
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(
        err.contains("lines.jsonl:2") && err.contains("invalid JSON"),
        "{err}"
    );
    assert!(
        err.contains("lines.jsonl:3") && err.contains("no \"text\""),
        "{err}"
    );
    assert!(
        err.contains("truncated.txt.gz") && err.contains("gzip"),
        "{err}"
    );
    assert!(err.contains("5 failed"), "{err}");
    let records = json_lines(&out.stdout);
    let sources: std::collections::BTreeSet<String> = records
        .iter()
        .map(|r| {
            let p = r["source_path"].as_str().unwrap();
            let name = std::path::Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            match r["source_line"].as_u64() {
                Some(l) => format!("{name}:{l}"),
                None => name,
            }
        })
        .collect();
    let want: std::collections::BTreeSet<String> = [
        "good.txt",
        "good2.txt.gz",
        "latin1.txt",
        "lines.jsonl:1",
        "lines.jsonl:4",
    ]
    .map(String::from)
    .into();
    assert_eq!(sources, want);
    // The Latin-1 file was decoded, not dropped: its é survives.
    let latin = records
        .iter()
        .find(|r| r["source_path"].as_str().unwrap().ends_with("latin1.txt"))
        .unwrap();
    assert!(latin["sentence"].as_str().unwrap().starts_with("Café"));
}

#[test]
fn stdin_and_forced_format() {
    let input =
        "{\"id\": \"s1\", \"published\": \"2013-02-12\", \"text\": \"Shares fell yesterday.\"}\n";
    let out = claimdex(
        &[
            "extract",
            "--format",
            "jsonl",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source_id"], "s1");
    assert_eq!(records[0]["source_path"], "-");
    assert_eq!(records[0]["source_line"], 1);
    assert_eq!(records[0]["value"], "2013-02-11");
    // Forced txt reads the same bytes as one plain article.
    let out = claimdex(
        &["extract", "--format", "jsonl", "--input-format", "txt", "-"],
        Some(input.as_bytes()),
    );
    let records = json_lines(&out.stdout);
    assert!(records.iter().all(|r| r["source_id"].is_null()));
}

#[test]
fn html_and_json_array_sources() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><head><meta property=\"article:published_time\" content=\"2024-07-19\"><title>T</title></head>\
<body><nav>Home 2020</nav><article><h1>Port strike</h1><p>Workers rejected a 7 per cent offer on Thursday.</p></article>\
<footer>© 2024</footer></body></html>";
    let h = write(dir.path(), "page.html", html.as_bytes());
    let j = write(
        dir.path(),
        "arr.json",
        br#"[{"id": "a", "text": "It rose 3%."}, {"id": "b", "body": "It fell 4%."}]"#,
    );
    let out = claimdex(
        &[
            "extract",
            "--format",
            "jsonl",
            h.to_str().unwrap(),
            j.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let records = json_lines(&out.stdout);
    let texts: Vec<&str> = records
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["7 per cent", "Thursday", "3%", "4%"]);
    // Boilerplate years ("2020" in the nav, "2024" in the footer) are not in the article text.
    assert_eq!(records[1]["value"], "2024-07-18");
    assert_eq!(records[3]["source_id"], "b");
}

#[test]
fn csv_and_table_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = claimdex(
        &["extract", "--format", "csv", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, FIELDS);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 6);
    let out = claimdex(
        &["extract", "--format", "table", path.to_str().unwrap()],
        None,
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("KIND") && table.contains("figure/money") && table.contains("£3bn"),
        "{table}"
    );
}

#[test]
fn kind_filter_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = claimdex(
        &[
            "extract",
            "--format",
            "jsonl",
            "--kind",
            "date",
            path.to_str().unwrap(),
        ],
        None,
    );
    let records = json_lines(&out.stdout);
    assert!(!records.is_empty() && records.iter().all(|r| r["kind"] == "date"));
    let out = claimdex(
        &["extract", "--kind", "nonsense", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let out = claimdex(
        &["extract", "--format", "jsonl", "/definitely/not/here.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr_text().contains("/definitely/not/here.txt"));
    let out = claimdex(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn output_order_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            dir.path(),
            &format!("{i:02}.txt"),
            format!("Item {i}: sales rose {i}% in 2024.").as_bytes(),
        );
    }
    let a = claimdex(
        &["extract", "--format", "jsonl", dir.path().to_str().unwrap()],
        None,
    );
    let b = claimdex(
        &["extract", "--format", "jsonl", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(a.stdout, b.stdout);
    let records = json_lines(&a.stdout);
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["source_path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn bench_stages_times_every_stage_and_finds_the_claims_extract_prints() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write(dir.path(), &format!("{i}.txt"), ARTICLE.as_bytes());
    }
    let corpus = dir.path().to_str().unwrap();
    let out = claimdex(&["bench", "--stages", "--json", "--corpus", corpus], None);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let res: Value = serde_json::from_slice(&out.stdout).unwrap();
    let extracted = json_lines(&claimdex(&["extract", "--format", "jsonl", corpus], None).stdout);
    assert_eq!(res["articles"], 5);
    assert_eq!(res["claims"].as_u64().unwrap() as usize, extracted.len());
    let names: Vec<&str> = res["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    for want in [
        "analysis",
        "dates",
        "figures",
        "entities",
        "quotes",
        "output (jsonl)",
    ] {
        assert!(names.contains(&want), "{names:?}");
    }
    assert!(res["stages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["seconds"].as_f64().unwrap() > 0.0));
    assert!(res["total_mb_per_s"].as_f64().unwrap() > 0.0);
}

#[test]
fn bench_ingests_a_generated_corpus_and_reports_the_ingest_memory_apart() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().to_str().unwrap();
    let out = claimdex(
        &[
            "bench",
            "--articles",
            "40",
            "--queries",
            "12",
            "--json",
            "--dir",
            work,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    let res: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(res["articles"], 40);
    assert!(res["claims"].as_u64().unwrap() > 40);
    assert_eq!(res["search_queries"], 12);
    // The ingest's peak is measured from its start, and the searches after it can only add to the peak.
    let ingest_peak = res["ingest_peak_rss_mb"].as_f64().unwrap();
    let whole = res["peak_rss_mb"].as_f64().unwrap();
    if cfg!(target_os = "linux") {
        assert!(ingest_peak > 0.0, "{res}");
    }
    assert!(ingest_peak <= whole, "{res}");
}
