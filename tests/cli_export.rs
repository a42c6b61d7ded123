//! `claimdex export` and `claimdex run`: golden files for a fixture corpus (refresh with
//! `UPDATE_GOLDEN=1 cargo test --test cli_export`), determinism, `--excel-safe`, filters, JSON Lines, and
//! the provenance round trip for every row exported from the sample corpus.

mod common;

use std::path::{Path, PathBuf};

use common::{claimdex, OutputExt};

/// A fixed ingestion time, so golden files do not depend on when the test runs.
const EPOCH: &str = "1767225600"; // 2026-01-01T00:00:00Z

fn ingest(dir: &Path, corpus: &Path) -> PathBuf {
    let index = dir.join("idx");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimdex"))
        .args([
            "ingest",
            "-q",
            "--index",
            index.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ])
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr_text());
    index
}

fn export(index: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "export",
        "-q",
        "--index",
        index.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = claimdex(&args, None);
    assert_eq!(o.status.code(), Some(0), "{}", o.stderr_text());
    o
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn golden_export_of_fixture_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let index = ingest(dir.path(), &fixtures());
    let out = dir.path().join("out");
    export(&index, &out, &[]);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for name in ["claims.csv", "documents.csv", "datapackage.json"] {
        // Paths in the export are as given at ingest time; make them repository-relative.
        let got = read(&out.join(name))
            .replace(&fixtures().display().to_string(), "tests/fixtures/golden");
        let path = golden.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = read(&path);
        assert!(got == want, "{name} differs from {}; if the change is intended, refresh with UPDATE_GOLDEN=1 cargo test --test cli_export\n--- got ---\n{got}", path.display());
    }
}

#[test]
fn exports_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let index = ingest(dir.path(), &fixtures());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    export(&index, &a, &[]);
    export(&index, &b, &[]);
    for name in ["claims.csv", "documents.csv", "datapackage.json"] {
        assert_eq!(
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
            "{name}"
        );
    }
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&a)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn excel_safe_neutralizes_formulas_but_not_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let index = ingest(dir.path(), &fixtures());
    let plain = dir.path().join("plain");
    let safe = dir.path().join("safe");
    export(&index, &plain, &[]);
    export(&index, &safe, &["--excel-safe"]);
    let mut rdr = csv::Reader::from_path(safe.join("claims.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let text_col = headers.iter().position(|h| h == "sentence").unwrap();
    let value_col = headers.iter().position(|h| h == "value_number").unwrap();
    let mut saw_formula = false;
    for r in rdr.records() {
        let r = r.unwrap();
        for (i, cell) in r.iter().enumerate() {
            if i == value_col {
                assert!(!cell.starts_with('\''), "numbers are never touched: {cell}");
            } else if cell.starts_with(['=', '+', '@', '\t', '\r']) {
                panic!("formula-like cell survived --excel-safe: {cell:?}");
            }
        }
        saw_formula |= r[text_col].starts_with("'=SUM");
    }
    assert!(saw_formula, "the fixture's =SUM sentence is neutralized");
    // The article text cell starts with its headline, not a formula character: it is left as it is.
    assert_eq!(
        read(&safe.join("documents.csv")),
        read(&plain.join("documents.csv"))
    );
    assert!(!read(&plain.join("claims.csv")).contains("'=SUM"));
    assert!(read(&safe.join("datapackage.json")).contains("excel-safe"));
}

#[test]
fn filtered_and_jsonl_exports() {
    let dir = tempfile::tempdir().unwrap();
    let index = ingest(dir.path(), &fixtures());
    let out = dir.path().join("money");
    export(&index, &out, &["--kind", "figure", "--unit", "USD"]);
    let mut rdr = csv::Reader::from_path(out.join("claims.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][5], "3600000000");
    // Only the article the claims come from.
    let docs = csv::Reader::from_path(out.join("documents.csv"))
        .unwrap()
        .into_records()
        .count();
    assert_eq!(docs, 1);
    let out = dir.path().join("jsonl");
    export(&index, &out, &["--format", "jsonl", "--query", "harvest"]);
    let claims = common::json_lines(&std::fs::read(out.join("claims.jsonl")).unwrap());
    assert!(
        !claims.is_empty()
            && claims.iter().all(|c| c["sentence"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("harvest"))
    );
    assert!(!out.join("datapackage.json").exists());
}

#[test]
fn provenance_round_trip_for_every_exported_row_of_the_sample_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let index = dir.path().join("idx");
    let out = dir.path().join("out");
    let run = |flags: &[&str]| {
        let mut args = vec!["run"];
        args.extend_from_slice(flags);
        args.extend([
            "--corpus",
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        claimdex(&args, None)
    };
    let o = run(&["-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", o.stderr_text());
    // An index from another schema version is refused, and `--rebuild` replaces it.
    let manifest = index.join("claimdex-index.json");
    let raw = std::fs::read_to_string(&manifest).unwrap();
    let old = raw.replace(
        &format!("\"schema_version\": {}", claimdex::index::SCHEMA_VERSION),
        "\"schema_version\": 999",
    );
    assert_ne!(raw, old);
    std::fs::write(&manifest, old).unwrap();
    let o = run(&["-q"]);
    assert_eq!(o.status.code(), Some(2), "{}", o.stderr_text());
    assert!(o.stderr_text().contains("--rebuild"), "{}", o.stderr_text());
    std::fs::write(index.join(".gitkeep"), "").unwrap();
    let o = run(&["-q", "--rebuild"]);
    assert_eq!(o.status.code(), Some(0), "{}", o.stderr_text());
    assert!(
        index.join(".gitkeep").exists(),
        "the placeholder survives a rebuild"
    );
    // Article texts from documents.csv, by doc id.
    let mut texts = std::collections::HashMap::new();
    let mut rdr = csv::Reader::from_path(out.join("documents.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let (id_col, text_col) = (
        h.iter().position(|c| c == "doc_id").unwrap(),
        h.iter().position(|c| c == "text").unwrap(),
    );
    for r in rdr.records() {
        let r = r.unwrap();
        texts.insert(r[id_col].to_string(), r[text_col].to_string());
    }
    assert!(texts.len() >= 10);
    let mut rdr = csv::Reader::from_path(out.join("claims.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let (doc, txt, s, e, cs, ce, line, column) = (
        col("doc_id"),
        col("text"),
        col("start"),
        col("end"),
        col("char_start"),
        col("char_end"),
        col("line"),
        col("column"),
    );
    let mut rows = 0;
    for r in rdr.records() {
        let r = r.unwrap();
        let article = &texts[&r[doc]];
        let (s, e): (usize, usize) = (r[s].parse().unwrap(), r[e].parse().unwrap());
        assert_eq!(
            &article.as_bytes()[s..e],
            r[txt].as_bytes(),
            "bytes [{s}, {e})"
        );
        let (cs, ce): (usize, usize) = (r[cs].parse().unwrap(), r[ce].parse().unwrap());
        let by_chars: String = article.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(by_chars, r[txt]);
        let (line, column): (usize, usize) = (r[line].parse().unwrap(), r[column].parse().unwrap());
        let line_text = article.split('\n').nth(line - 1).unwrap();
        let from_column: String = line_text.chars().skip(column - 1).collect();
        assert!(
            from_column.starts_with(r[txt].split('\n').next().unwrap()),
            "line {line} column {column}"
        );
        // `show --text` gives the same bytes.
        if rows % 50 == 0 {
            let shown = claimdex(
                &[
                    "show",
                    "--text",
                    "--index",
                    index.to_str().unwrap(),
                    &r[doc],
                ],
                None,
            )
            .stdout;
            assert_eq!(&shown[s..e], r[txt].as_bytes());
        }
        rows += 1;
    }
    assert!(rows > 300, "{rows}");
    // Re-running the main job adds nothing and exports the same bytes.
    let before = std::fs::read(out.join("claims.csv")).unwrap();
    let o = run(&[]);
    assert!(
        o.stderr_text().contains("0 new articles"),
        "{}",
        o.stderr_text()
    );
    assert_eq!(std::fs::read(out.join("claims.csv")).unwrap(), before);
}
