#!/usr/bin/env python3
"""SQLite FTS5 baseline for `claimdex ingest`: index the bare text of the same articles.

Issue #5 sets the ingest goal at "about what SQLite FTS5 needs to index the bare text alone, measured side
by side". This script is that other side. It reads the same JSON Lines input as claimdex (plain or gzip; the
text under `text`, `body` or `content`, the title under `title`), loads every article into memory first so
that reading and JSON parsing are not timed, then times one thing: inserting title and text into an FTS5
table in a database file on disk, in one transaction, and committing. SQLite gets its fastest settings
(journal off, synchronous off), so the figure is an upper bound on what FTS5 does here.

MB/s counts the UTF-8 bytes of the article texts, as `claimdex ingest` does.

    python3 scripts/fts5_baseline.py ../shared/bench/news.jsonl.gz [--runs 3] [--tokenizer unicode61]
"""

import argparse
import gzip
import json
import os
import sqlite3
import sys
import tempfile
import time

TEXT_KEYS = ("text", "body", "content")


def load(path):
    """Return [(title, text)] and the total UTF-8 bytes of the texts; skip lines without text."""
    opener = gzip.open if path.endswith(".gz") else open
    articles, text_bytes, skipped = [], 0, 0
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                skipped += 1
                continue
            text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
            if text is None:
                skipped += 1
                continue
            title = record.get("title") if isinstance(record.get("title"), str) else ""
            articles.append((title, text))
            text_bytes += len(text.encode("utf-8"))
    return articles, text_bytes, skipped


def index_once(articles, directory, tokenizer):
    """Index the articles into a fresh database file; return (seconds, database bytes)."""
    path = os.path.join(directory, "fts5.db")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize = '{tokenizer}')")
    started = time.perf_counter()
    db.execute("BEGIN")
    db.executemany("INSERT INTO articles (title, body) VALUES (?, ?)", articles)
    db.execute("COMMIT")
    seconds = time.perf_counter() - started
    db.close()
    return seconds, os.path.getsize(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSON Lines file, plain or .gz")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best and the median are shown")
    parser.add_argument("--tokenizer", default="unicode61", help="FTS5 tokenizer (default unicode61)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    try:
        articles, text_bytes, skipped = load(args.corpus)
    except OSError as err:
        sys.exit(f"fts5_baseline: {args.corpus}: {err}")
    if not articles:
        sys.exit(f"fts5_baseline: {args.corpus}: no article with a text field")

    with tempfile.TemporaryDirectory(prefix="claimdex-fts5-") as directory:
        runs = [index_once(articles, directory, args.tokenizer) for _ in range(args.runs)]
    seconds = sorted(s for s, _ in runs)
    best, median = seconds[0], seconds[len(seconds) // 2]
    mb = text_bytes / 1e6
    result = {
        "sqlite_version": sqlite3.sqlite_version,
        "articles": len(articles),
        "skipped": skipped,
        "text_mb": round(mb, 2),
        "best_seconds": round(best, 3),
        "median_seconds": round(median, 3),
        "best_mb_per_s": round(mb / best, 2),
        "median_mb_per_s": round(mb / median, 2),
        "database_mb": round(runs[-1][1] / 1e6, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"SQLite {result['sqlite_version']} FTS5 ({args.tokenizer}): {len(articles)} articles, "
            f"{mb:.2f} MB of text; best {best:.2f} s ({mb / best:.1f} MB/s), median {median:.2f} s "
            f"({mb / median:.1f} MB/s) of {args.runs}; database {result['database_mb']} MB"
        )


if __name__ == "__main__":
    main()
