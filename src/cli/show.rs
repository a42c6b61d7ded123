//! `claimdex show DOC_ID`: an indexed article with its claims marked, or (`--text`) its exact text, the
//! bytes every claim's offsets point into.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::index::search::{article, claims_of};
use crate::index::ClaimIndex;

/// Arguments of `claimdex show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article's doc id (16 hex digits).
    doc_id: String,
    /// The index directory.
    #[arg(long, default_value = "indexes")]
    index: PathBuf,
    /// Print only the article text, byte for byte.
    #[arg(long)]
    text: bool,
    /// Print the claims as JSON Lines instead of marking them in the text.
    #[arg(long)]
    jsonl: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let idx = ClaimIndex::open(&args.index)?;
    let id = args.doc_id.trim().to_lowercase();
    let Some(a) = article(&idx, &id)? else {
        eprintln!(
            "claimdex: no article with doc id {id} in {}",
            args.index.display()
        );
        return Ok(1);
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.text {
        out.write_all(a.text.as_bytes())?;
        out.flush()?;
        return Ok(0);
    }
    let claims = claims_of(&idx, &id)?;
    if args.jsonl {
        for c in &claims {
            serde_json::to_writer(&mut out, c)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        return Ok(0);
    }
    writeln!(out, "doc_id:    {}", a.doc_id)?;
    writeln!(
        out,
        "title:     {}",
        a.title.as_deref().unwrap_or("(untitled)")
    )?;
    for (label, v) in [
        ("source:", Some(&a.source_path)),
        ("url:", a.url.as_ref()),
        ("site:", a.site.as_ref()),
        ("author:", a.author.as_ref()),
        ("published:", a.published.as_ref()),
    ] {
        if let Some(v) = v {
            writeln!(out, "{label:<10} {v}")?;
        }
    }
    writeln!(out, "claims:    {}", claims.len())?;
    writeln!(out)?;
    // Mark outermost claims inline: ⟦text⟧⁽kind⁾; nested claims are listed below.
    let text = &a.text;
    let mut at = 0usize;
    let mut marked = String::with_capacity(text.len() + claims.len() * 16);
    for c in &claims {
        let (s, e) = (c.start as usize, c.end as usize);
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        marked.push_str(&text[at..s]);
        marked.push_str(&format!("⟦{}⟧{{{}}}", &text[s..e], c.kind));
        at = e;
    }
    marked.push_str(&text[at..]);
    writeln!(out, "{marked}")?;
    writeln!(out)?;
    for c in &claims {
        let mut value = c.value.clone().unwrap_or_default();
        if let Some(u) = &c.unit {
            value.push_str(&format!(" {u}"));
        }
        writeln!(
            out,
            "{:>6}..{:<6} {:>4}:{:<4} {:<8} {:<12} {:<40} {}{}",
            c.start,
            c.end,
            c.line,
            c.column,
            c.kind,
            c.subtype,
            c.text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(40)
                .collect::<String>(),
            value,
            c.speaker
                .as_deref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default()
        )?;
    }
    out.flush()?;
    Ok(0)
}
