//! `claimdex search QUERY`: find claims. grep's exit convention: 0 with hits, 1 with none, 2 on error.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;

use crate::claim::ClaimKind;
use crate::index::search::{search, Hit, SearchRequest, StoredClaim};
use crate::index::ClaimIndex;

/// Output formats of `search`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Hits for people: claim, highlighted sentence, value, speaker, article, provenance.
    Table,
    /// One JSON object per hit: the `extract` fields plus `score`.
    Jsonl,
    /// The same as CSV.
    Csv,
}

/// The claim filters shared by `search` and `export`.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only these kinds (figure, date, entity, quote); repeat or separate with commas.
    #[arg(long = "kind", value_delimiter = ',')]
    pub kinds: Vec<ClaimKind>,
    /// Only these subtypes (money, percent, person, direct, ...).
    #[arg(long = "subtype", value_delimiter = ',')]
    pub subtypes: Vec<String>,
    /// Claims whose sentence names this entity (e.g. "Stargate", "Bessent").
    #[arg(long)]
    pub entity: Option<String>,
    /// Quotes said by this speaker.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Articles whose source path starts with this.
    #[arg(long)]
    pub source: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<NaiveDate>,
    /// Figures with a value of at least this.
    #[arg(long, allow_hyphen_values = true)]
    pub min: Option<f64>,
    /// Figures with a value of at most this.
    #[arg(long, allow_hyphen_values = true)]
    pub max: Option<f64>,
    /// Only this unit (USD, %, km, jobs, ...).
    #[arg(long)]
    pub unit: Option<String>,
}

impl FilterArgs {
    /// The search request for `query` with these filters.
    pub fn request(&self, query: &str, limit: usize, offset: usize) -> SearchRequest {
        SearchRequest {
            query: query.to_string(),
            kinds: self.kinds.clone(),
            subtypes: self.subtypes.clone(),
            entity: self.entity.clone(),
            speaker: self.speaker.clone(),
            source: self.source.clone(),
            since: self.since,
            until: self.until,
            min: self.min,
            max: self.max,
            unit: self.unit.clone(),
            doc_id: None,
            limit,
            offset,
            count_total: false,
        }
    }
}

/// Arguments of `claimdex search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Tantivy query over claim text and sentence: words (all must match), "phrases", OR, NOT/-word,
    /// field:value (text:, sentence:, kind:, unit:, speaker:, entities:, title:, body:). Use `*` for everything.
    query: String,
    /// The index directory.
    #[arg(long, default_value = "indexes")]
    index: PathBuf,
    #[command(flatten)]
    filters: FilterArgs,
    /// Hits to show.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Count every matching claim (slower on large indexes).
    #[arg(long)]
    count: bool,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    claim: &'a StoredClaim,
    score: f32,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let idx = match ClaimIndex::open(&args.index) {
        Ok(idx) => idx,
        Err(e) => {
            eprintln!("claimdex: error: {e}");
            return Ok(super::EXIT_ERROR);
        }
    };
    let mut req = args.filters.request(&args.query, args.limit, args.offset);
    req.count_total = args.count;
    let results = match search(&idx, &req) {
        Ok(r) => r,
        Err(crate::Error::Usage(msg)) => {
            eprintln!("claimdex: {msg}");
            eprintln!("claimdex: query syntax: words, \"a phrase\", a OR b, -word, field:value (see `claimdex search --help`)");
            return Ok(super::EXIT_ERROR);
        }
        Err(e) => return Err(e.into()),
    };
    let stdout = io::stdout();
    let tty = stdout.is_terminal();
    let mut out = io::BufWriter::new(stdout.lock());
    match args
        .format
        .unwrap_or(if tty { Format::Table } else { Format::Jsonl })
    {
        Format::Jsonl => {
            for h in &results.hits {
                serde_json::to_writer(
                    &mut out,
                    &JsonHit {
                        claim: &h.claim,
                        score: h.score,
                    },
                )?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for h in &results.hits {
                w.serialize(JsonHit {
                    claim: &h.claim,
                    score: h.score,
                })?;
            }
            w.flush()?;
        }
        Format::Table => {
            for (i, h) in results.hits.iter().enumerate() {
                write_hit(&mut out, args.offset + i + 1, h, tty)?;
            }
            match results.total {
                Some(total) => writeln!(
                    out,
                    "{} of {} matching claims{}",
                    results.hits.len(),
                    total,
                    if total > args.offset + results.hits.len() {
                        " (use --offset for more)"
                    } else {
                        ""
                    }
                )?,
                None if results.hits.len() == args.limit => writeln!(
                    out,
                    "{} claims shown; more with --offset {} (or --count for the total)",
                    results.hits.len(),
                    args.offset + args.limit
                )?,
                None => writeln!(out, "{} claims", results.hits.len())?,
            }
        }
    }
    out.flush()?;
    Ok(if results.hits.is_empty() {
        1
    } else {
        super::EXIT_OK
    })
}

/// The sentence with its matching words marked: bold on a terminal, `[…]` otherwise.
pub fn mark(sentence: &str, ranges: &[(usize, usize)], tty: bool) -> String {
    let (open, close) = if tty {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::with_capacity(sentence.len() + ranges.len() * 8);
    let mut at = 0;
    for &(a, b) in ranges {
        if a < at
            || b > sentence.len()
            || !sentence.is_char_boundary(a)
            || !sentence.is_char_boundary(b)
        {
            continue;
        }
        out.push_str(&sentence[at..a]);
        out.push_str(open);
        out.push_str(&sentence[a..b]);
        out.push_str(close);
        at = b;
    }
    out.push_str(&sentence[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_hit(out: &mut impl Write, n: usize, h: &Hit, tty: bool) -> io::Result<()> {
    let c = &h.claim;
    let mut value = c.value.clone().unwrap_or_default();
    if let Some(hi) = &c.value_high {
        value.push_str(&format!("..{hi}"));
    }
    if let Some(u) = &c.unit {
        value.push_str(&format!(" {u}"));
    }
    if let Some(p) = &c.per {
        value.push_str(&format!(" per {p}"));
    }
    if let Some(q) = &c.qualifier {
        value = format!("{q} {value}");
    }
    writeln!(
        out,
        "{n}. [{}/{}] {}",
        c.kind,
        c.subtype,
        c.text.split_whitespace().collect::<Vec<_>>().join(" ")
    )?;
    if !value.trim().is_empty() {
        writeln!(out, "   value: {}", value.trim())?;
    }
    if let Some(s) = &c.speaker {
        writeln!(out, "   speaker: {s}")?;
    }
    writeln!(out, "   “{}”", mark(&c.sentence, &h.highlights, tty))?;
    writeln!(
        out,
        "   {} — {}{}",
        c.title.as_deref().unwrap_or("(untitled)"),
        c.site
            .as_deref()
            .map(|s| format!("{s}, "))
            .unwrap_or_default(),
        c.published.as_deref().unwrap_or("date unknown")
    )?;
    let line = c.source_line.map(|l| format!(":{l}")).unwrap_or_default();
    writeln!(
        out,
        "   {}{} doc {} bytes {}..{} line {}:{} score {:.2}",
        c.source_path, line, c.doc_id, c.start, c.end, c.line, c.column, h.score
    )?;
    writeln!(out)
}
