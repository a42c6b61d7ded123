//! HTML pages: the article body as text, without scripts, styles, navigation, headers, footers, asides and
//! other boilerplate, plus metadata from `<meta>`, JSON-LD, `<time>` and `<link rel=canonical>`.
//!
//! Block elements become paragraphs separated by a blank line; white space inside a paragraph is folded to
//! single spaces. Offsets of claims are offsets into this extracted text (see `claimdex show --text`).

use std::sync::OnceLock;

use regex::bytes::Regex as BytesRegex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::document::Metadata;

/// The charset an HTML page declares in its first 2 KiB (`<meta charset>` or `http-equiv` content type).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    static RE: OnceLock<BytesRegex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        BytesRegex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#)
            .expect("static regex")
    });
    let head = &bytes[..bytes.len().min(2048)];
    let m = re.captures(head)?.get(1)?;
    Some(String::from_utf8_lossy(m.as_bytes()).into_owned())
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "option", "iframe", "svg", "canvas", "object", "embed", "menu", "dialog",
    "head", "figure", "video", "audio", "map", "textarea", "input",
];

/// Elements that start a new paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "body",
    "center",
    "details",
    "summary",
    "figcaption",
];

/// Words in a class or id that mark boilerplate blocks.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "newsletter",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "popup",
    "modal",
    "banner",
    "masthead",
    "paywall",
    "byline",
    "signup",
    "recommended",
    "trending",
    "toolbar",
    "skip",
];

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

struct Selectors {
    roots: Vec<Selector>,
    h1: Selector,
    title: Selector,
    meta: Selector,
    canonical: Selector,
    time: Selector,
    json_ld: Selector,
    html: Selector,
}

fn selectors() -> &'static Selectors {
    static S: OnceLock<Selectors> = OnceLock::new();
    S.get_or_init(|| Selectors {
        roots: vec![
            sel("[itemprop=articleBody]"),
            sel("article"),
            sel("main"),
            sel("[role=main]"),
            sel("body"),
        ],
        h1: sel("h1"),
        title: sel("title"),
        meta: sel("meta"),
        canonical: sel("link[rel=canonical]"),
        time: sel("time[datetime]"),
        json_ld: sel(r#"script[type="application/ld+json"]"#),
        html: sel("html"),
    })
}

/// Nesting deeper than this is not a real page; the HTML parser's scope checks grow with the square of
/// the depth, so such input is read by [`strip_tags`] instead.
pub const MAX_NESTING: usize = 5_000;

/// An upper estimate of the element nesting depth of `page` (opening tags minus closing tags, running).
pub fn nesting_depth(page: &str) -> usize {
    let b = page.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    for i in 0..b.len().saturating_sub(1) {
        if b[i] == b'<' {
            if b[i + 1] == b'/' {
                depth = depth.saturating_sub(1);
            } else if b[i + 1].is_ascii_alphabetic() {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

/// Plain text of a page by dropping every tag (for pathological input only): no metadata, no boilerplate
/// removal, white space folded.
pub fn strip_tags(page: &str) -> String {
    let mut out = String::with_capacity(page.len() / 2);
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    fold_ws(&out)
}

/// Extracts the article text and metadata from a decoded HTML page.
pub fn extract(page: &str) -> (String, Metadata) {
    let html = Html::parse_document(page);
    let s = selectors();
    let mut meta = Metadata::default();
    let mut og_title = None;
    let mut meta_published = None;
    for m in html.select(&s.meta) {
        let el = m.value();
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"))
            .map(str::to_ascii_lowercase);
        let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        let slot = match key.as_deref() {
            Some("og:title" | "twitter:title") => &mut og_title,
            Some(
                "article:published_time"
                | "datepublished"
                | "pubdate"
                | "publishdate"
                | "date"
                | "dc.date"
                | "dc.date.issued"
                | "sailthru.date"
                | "parsely-pub-date",
            ) => &mut meta_published,
            Some("author" | "article:author" | "dc.creator" | "byl" | "parsely-author") => {
                &mut meta.author
            }
            Some("og:url") => &mut meta.url,
            Some("og:site_name" | "application-name") => &mut meta.site,
            Some("content-language" | "og:locale" | "language") => &mut meta.language,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(content.to_string());
        }
    }
    let mut ld = JsonLd::default();
    for script in html.select(&s.json_ld) {
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(&raw) {
            ld.visit(&v);
        }
    }
    meta.published = meta_published.or(ld.published).or_else(|| {
        html.select(&s.time)
            .find_map(|t| t.value().attr("datetime").map(|d| d.trim().to_string()))
    });
    meta.author = meta.author.or(ld.author);
    meta.site = meta.site.or(ld.site);
    if let Some(link) = html
        .select(&s.canonical)
        .find_map(|l| l.value().attr("href"))
    {
        meta.url = Some(link.trim().to_string());
    }
    meta.url = meta.url.or(ld.url);
    if let Some(lang) = html.select(&s.html).find_map(|h| h.value().attr("lang")) {
        if !lang.trim().is_empty() {
            meta.language = Some(lang.trim().to_string());
        }
    }
    let h1 = html
        .select(&s.h1)
        .next()
        .map(|h| fold_ws(&h.text().collect::<String>()));
    let title_tag = html
        .select(&s.title)
        .next()
        .map(|t| fold_ws(&t.text().collect::<String>()));
    meta.title = [
        og_title.map(|t| fold_ws(&t)),
        ld.headline,
        h1.clone(),
        title_tag,
    ]
    .into_iter()
    .flatten()
    .find(|t| !t.is_empty());

    let root = pick_root(&html, s);
    let mut body = TextBuilder::default();
    if let Some(root) = root {
        body.walk(root);
    }
    let mut text = body.finish();
    // The headline carries claims too: put it first when the body does not already start with it.
    if let Some(head) = h1.filter(|h| !h.is_empty()).or_else(|| meta.title.clone()) {
        if !text.starts_with(&head) {
            text = if text.is_empty() {
                head
            } else {
                format!("{head}\n\n{text}")
            };
        }
    }
    (text, meta)
}

/// The element holding the article: the first candidate selector that matches, and among its matches the
/// one with the most text.
fn pick_root<'a>(html: &'a Html, s: &Selectors) -> Option<ElementRef<'a>> {
    s.roots.iter().find_map(|selector| {
        html.select(selector)
            .max_by_key(|e| e.text().map(|t| t.trim().len()).sum::<usize>())
            .filter(|e| e.text().any(|t| !t.trim().is_empty()))
    })
}

fn is_boilerplate(el: &scraper::node::Element) -> bool {
    if SKIP.contains(&el.name())
        || el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu"
        ) {
            return true;
        }
    }
    let words = el.attr("class").into_iter().chain(el.attr("id"));
    words
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| BOILERPLATE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

#[derive(Default)]
struct TextBuilder {
    out: String,
    /// A paragraph break is owed before the next text.
    pending_break: bool,
    /// A space is owed before the next text.
    pending_space: bool,
}

impl TextBuilder {
    /// Walks the subtree under `root` without recursion (deeply nested pages must not exhaust the stack),
    /// skipping boilerplate elements and everything inside them.
    fn walk(&mut self, root: ElementRef<'_>) {
        use ego_tree::iter::Edge;
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() || node.id() == root.id() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => self.push_text(t),
                        Node::Element(e) if is_boilerplate(e) => skipping = Some(node.id()),
                        Node::Element(e) if e.name() == "br" || BLOCK.contains(&e.name()) => {
                            self.pending_break = true
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if let Node::Element(e) = node.value() {
                        if BLOCK.contains(&e.name()) {
                            self.pending_break = true;
                        }
                    }
                }
            }
        }
    }

    fn push_text(&mut self, t: &str) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if !self.out.is_empty() {
                if self.pending_break {
                    self.out.push_str("\n\n");
                } else if self.pending_space {
                    self.out.push(' ');
                }
            }
            self.pending_break = false;
            self.pending_space = false;
            self.out.push_str(word);
        }
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Collapses runs of white space to single spaces and trims.
fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct JsonLd {
    published: Option<String>,
    author: Option<String>,
    headline: Option<String>,
    site: Option<String>,
    url: Option<String>,
}

impl JsonLd {
    fn visit(&mut self, v: &Value) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.visit(i)),
            Value::Object(o) => {
                let str_of = |k: &str| {
                    o.get(k)
                        .and_then(Value::as_str)
                        .map(|s| s.trim().to_string())
                };
                if self.published.is_none() {
                    self.published = str_of("datePublished");
                }
                if self.headline.is_none() {
                    self.headline = str_of("headline");
                }
                if self.url.is_none() && o.contains_key("datePublished") {
                    self.url = str_of("url");
                }
                if self.author.is_none() {
                    self.author = o.get("author").and_then(person_names);
                }
                if self.site.is_none() {
                    self.site = o
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(str::to_string);
                }
                if let Some(graph) = o.get("@graph") {
                    self.visit(graph);
                }
            }
            _ => {}
        }
    }
}

fn person_names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(person_names).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
<meta charset="utf-8"><title>Bank holds rates | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://example.com/rates">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01","headline":"LD headline"}</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><p>Site header text</p></header>
<article><h1>Bank holds rates</h1>
<p>The bank kept its rate at 5.25%,
   the governor said.</p>
<div class="share-tools">Share this</div>
<p>Inflation fell to 3.4 per cent.<br>Markets rose.</p>
<script>var x = "not text";</script></article>
<aside>Related stories</aside><footer>Copyright</footer></body></html>"#;

    #[test]
    fn body_without_boilerplate() {
        let (text, _) = extract(PAGE);
        assert_eq!(
            text,
            "Bank holds rates\n\nThe bank kept its rate at 5.25%, the governor said.\n\nInflation fell to 3.4 per cent.\n\nMarkets rose."
        );
    }

    #[test]
    fn metadata() {
        let (_, m) = extract(PAGE);
        assert_eq!(m.published.as_deref(), Some("2024-03-14T09:00:00Z"));
        assert_eq!(m.author.as_deref(), Some("Jane Reporter"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/rates"));
        assert_eq!(m.site.as_deref(), Some("The Example Times"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.title.as_deref(), Some("LD headline"));
    }

    #[test]
    fn json_ld_and_time_fallbacks_and_title_prepended() {
        let page = r#"<html><head><title>Headline only in title</title>
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-09-05","author":{"@type":"Person","name":"Sam Writer"}}]}</script></head>
<body><p>Body text here.</p></body></html>"#;
        let (text, m) = extract(page);
        assert_eq!(m.published.as_deref(), Some("2025-09-05"));
        assert_eq!(m.author.as_deref(), Some("Sam Writer"));
        assert_eq!(text, "Headline only in title\n\nBody text here.");
        let page = r#"<html><body><p>Posted <time datetime="2023-01-02">Jan 2</time>. Text.</p></body></html>"#;
        assert_eq!(extract(page).1.published.as_deref(), Some("2023-01-02"));
    }

    #[test]
    fn deeply_nested_page_does_not_overflow_the_stack() {
        // Deep enough to overflow a recursive walk on a test thread's stack, shallow enough to parse fast.
        let page = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(4_000),
            "</div>".repeat(4_000)
        );
        let (text, _) = extract(&page);
        assert_eq!(text, "deep text");
    }

    #[test]
    fn pathological_nesting_is_measured_and_stripped() {
        let page = format!(
            "<html><body>{}deep <b>text</b>{}</body></html>",
            "<div>".repeat(6_000),
            "</div>".repeat(6_000)
        );
        assert!(nesting_depth(&page) > MAX_NESTING);
        assert_eq!(nesting_depth("<p>a</p><p>b<br></p>"), 2);
        assert_eq!(strip_tags(&page), "deep text");
    }

    #[test]
    fn charset_sniffing() {
        assert_eq!(
            declared_charset(br#"<meta charset="ISO-8859-1">"#).as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            declared_charset(
                br#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#
            )
            .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(declared_charset(b"<p>none</p>"), None);
    }
}
