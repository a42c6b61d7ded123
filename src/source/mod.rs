//! Sources: files, directories, gzip and standard input in, [`Document`]s out.
//!
//! [`Sources`] is an iterator of [`Event`]s: a document, a warning (the input was usable but not clean:
//! Windows-1252 fallback, replaced bytes) or an error (the input, or one record of it, is not usable). A bad
//! input never stops the iteration: the caller reports it, counts it and goes on, as ripgrep does.
//!
//! Formats come from the file name (`.txt`/`.md`, `.html`/`.htm`, `.json`, `.jsonl`/`.ndjson`, each
//! optionally `.gz`), or from the content for standard input and unknown names, unless forced with
//! [`InputFormat`]. JSON Lines are streamed line by line, so a large file never sits in memory whole.

mod decode;
pub mod html;
pub mod json;
mod readahead;
pub mod text;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

use crate::document::{Document, Format, Metadata, Provenance};
use crate::error::Error;

pub use decode::{decode, DecodeError, Decoded};
use readahead::ReadAhead;

/// Which reader to use: detected, or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// From the file name, or the content when the name says nothing.
    #[default]
    Auto,
    /// Force a format.
    Forced(Format),
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "auto" => InputFormat::Auto,
            "txt" | "text" | "md" => InputFormat::Forced(Format::Txt),
            "html" | "htm" => InputFormat::Forced(Format::Html),
            "json" => InputFormat::Forced(Format::Json),
            "jsonl" | "ndjson" => InputFormat::Forced(Format::Jsonl),
            other => {
                return Err(format!(
                    "unknown input format {other:?} (expected auto, txt, html, json or jsonl)"
                ))
            }
        })
    }
}

/// A usable-but-unclean input: reported, counted, and the document is still read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// `path` or `path:line`.
    pub location: String,
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// What reading inputs produces.
#[derive(Debug)]
pub enum Event {
    /// An article.
    Document(Box<Document>),
    /// A problem that did not stop the article from being read.
    Warning(Warning),
    /// An input or record that could not be read; the rest goes on.
    Error(Error),
}

/// The format a file name implies, and whether it is gzip-compressed.
pub fn format_from_name(name: &str) -> (Option<Format>, bool) {
    let lower = name.to_ascii_lowercase();
    let (stem, gz) = match lower.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (lower.as_str(), false),
    };
    let ext = Path::new(stem)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let format = match ext {
        "txt" | "text" | "md" | "markdown" => Some(Format::Txt),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    };
    (format, gz)
}

/// Guesses the format of content with no telling name.
fn sniff(bytes: &[u8]) -> Format {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &bytes[i..]);
    match start.first() {
        Some(b'[') => Format::Json,
        Some(b'{') => {
            if serde_json::from_slice::<serde_json::Value>(bytes).is_ok() {
                Format::Json
            } else {
                Format::Jsonl
            }
        }
        Some(b'<') => Format::Html,
        _ => Format::Txt,
    }
}

enum Input {
    File { display: String, path: PathBuf },
    Stdin,
    Failed(Error),
}

/// Counts bytes read from the underlying file (before decompression), for progress reporting.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

struct JsonLines {
    display: String,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
    gz: bool,
}

/// Reads inputs one after another, yielding [`Event`]s. See the module docs.
pub struct Sources {
    queue: VecDeque<Input>,
    /// Events ready to hand out.
    events: VecDeque<Event>,
    /// The JSON Lines input being streamed, if any.
    lines: Option<JsonLines>,
    format: InputFormat,
    total_bytes: u64,
    read_bytes: Arc<AtomicU64>,
}

impl Sources {
    /// Plans to read `paths` (files, directories walked recursively in name order with hidden entries
    /// skipped, or `-` for standard input). Nothing is read until the iterator is advanced.
    pub fn new<P: AsRef<str>>(paths: &[P], format: InputFormat) -> Sources {
        let mut queue = VecDeque::new();
        let mut total_bytes = 0;
        for p in paths {
            let p = p.as_ref();
            if p == "-" {
                queue.push_back(Input::Stdin);
                continue;
            }
            let path = PathBuf::from(p);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => walk_dir(&path, format, &mut queue, &mut total_bytes),
                Ok(m) => {
                    total_bytes += m.len();
                    queue.push_back(Input::File {
                        display: p.to_string(),
                        path,
                    });
                }
                Err(source) => queue.push_back(Input::Failed(Error::Io {
                    path: p.to_string(),
                    source,
                })),
            }
        }
        Sources {
            queue,
            events: VecDeque::new(),
            lines: None,
            format,
            total_bytes,
            read_bytes: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Total size of the input files on disk (compressed size for gzip; standard input not included).
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Bytes read from input files so far (compressed size for gzip).
    pub fn read_bytes(&self) -> u64 {
        self.read_bytes.load(Ordering::Relaxed)
    }

    /// Opens the next input: its events go to `self.events`, or it becomes the streamed `self.lines`.
    fn open(&mut self, input: Input) {
        match input {
            Input::Failed(e) => self.events.push_back(Event::Error(e)),
            Input::Stdin => {
                let stdin = Counting {
                    inner: io::stdin(),
                    count: Arc::clone(&self.read_bytes),
                };
                self.open_reader("-".to_string(), "", Box::new(BufReader::new(stdin)))
            }
            Input::File { display, path } => match File::open(&path) {
                Ok(f) => {
                    let f = Counting {
                        inner: f,
                        count: Arc::clone(&self.read_bytes),
                    };
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.open_reader(
                        display,
                        &name,
                        Box::new(BufReader::with_capacity(64 * 1024, f)),
                    )
                }
                Err(source) => self.events.push_back(Event::Error(Error::Io {
                    path: display,
                    source,
                })),
            },
        }
    }

    fn open_reader(&mut self, display: String, name: &str, mut reader: Box<dyn BufRead + Send>) {
        let (name_format, name_gz) = format_from_name(name);
        let magic_gz = match reader.fill_buf() {
            Ok(buf) => buf.starts_with(&[0x1f, 0x8b]),
            Err(e) => {
                return self.events.push_back(Event::Error(Error::Io {
                    path: display,
                    source: e,
                }))
            }
        };
        let gz = name_gz || magic_gz;
        if magic_gz {
            // Decompression runs on its own thread, overlapping with parsing and hashing.
            reader = Box::new(ReadAhead::new(MultiGzDecoder::new(reader)));
        }
        let format = match self.format {
            InputFormat::Forced(f) => Some(f),
            InputFormat::Auto => name_format,
        };
        if format == Some(Format::Jsonl) {
            self.lines = Some(JsonLines {
                display,
                reader,
                line: 0,
                buf: Vec::new(),
                gz,
            });
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return self
                .events
                .push_back(Event::Error(read_error(display, e, gz)));
        }
        match format.unwrap_or_else(|| sniff(&bytes)) {
            Format::Jsonl => {
                let reader = Box::new(Cursor::new(bytes));
                self.lines = Some(JsonLines {
                    display,
                    reader,
                    line: 0,
                    buf: Vec::new(),
                    gz: false,
                });
            }
            format => read_whole(&display, format, &bytes, &mut self.events),
        }
    }
}

fn read_error(display: String, e: io::Error, gz: bool) -> Error {
    if gz
        && matches!(
            e.kind(),
            io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData
        )
    {
        return Error::BadInput {
            location: display,
            reason: format!("truncated or corrupt gzip stream ({e})"),
        };
    }
    Error::Io {
        path: display,
        source: e,
    }
}

fn walk_dir(root: &Path, format: InputFormat, queue: &mut VecDeque<Input>, total: &mut u64) {
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let name = e.file_name().to_string_lossy();
                let known = format_from_name(&name).0.is_some();
                if known || matches!(format, InputFormat::Forced(_)) {
                    *total += e.metadata().map(|m| m.len()).unwrap_or(0);
                    let display = e.path().to_string_lossy().into_owned();
                    queue.push_back(Input::File {
                        display,
                        path: e.into_path(),
                    });
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let source = err
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("file system loop"));
                queue.push_back(Input::Failed(Error::Io { path, source }));
            }
        }
    }
}

/// Reads a whole-file input (txt, html, json) into events.
fn read_whole(display: &str, format: Format, bytes: &[u8], events: &mut VecDeque<Event>) {
    let declared = if format == Format::Html {
        html::declared_charset(bytes)
    } else {
        None
    };
    let decoded = match decode(bytes, declared.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            events.push_back(Event::Error(Error::bad_input(display, None, e.to_string())));
            return;
        }
    };
    if let Some(message) = decoded.warning {
        events.push_back(Event::Warning(Warning {
            location: display.to_string(),
            message,
        }));
    }
    let provenance = |line, record| Provenance {
        path: display.to_string(),
        line,
        record,
        format: Some(format),
        encoding: decoded.encoding.map(str::to_string),
    };
    match format {
        Format::Txt => {
            let meta = text::metadata(&decoded.text);
            push_doc(
                events,
                decoded.text,
                provenance(None, None),
                meta,
                display,
                None,
            );
        }
        Format::Html => {
            let (text, meta) = if html::nesting_depth(&decoded.text) > html::MAX_NESTING {
                let message = format!(
                    "HTML nested over {} levels deep; read as plain text without metadata",
                    html::MAX_NESTING
                );
                events.push_back(Event::Warning(Warning {
                    location: display.to_string(),
                    message,
                }));
                (html::strip_tags(&decoded.text), Metadata::default())
            } else {
                html::extract(&decoded.text)
            };
            push_doc(events, text, provenance(None, None), meta, display, None);
        }
        Format::Json => match serde_json::from_str::<serde_json::Value>(&decoded.text) {
            Ok(serde_json::Value::Array(items)) => {
                for (i, item) in items.into_iter().enumerate() {
                    match json::record(item) {
                        Ok((text, meta)) => push_doc(
                            events,
                            text,
                            provenance(None, Some(i as u64)),
                            meta,
                            display,
                            None,
                        ),
                        Err(reason) => events.push_back(Event::Error(Error::bad_input(
                            display,
                            None,
                            format!("record {i}: {reason}"),
                        ))),
                    }
                }
            }
            Ok(value) => match json::record(value) {
                Ok((text, meta)) => {
                    push_doc(events, text, provenance(None, None), meta, display, None)
                }
                Err(reason) => {
                    events.push_back(Event::Error(Error::bad_input(display, None, reason)))
                }
            },
            Err(e) => events.push_back(Event::Error(Error::bad_input(
                display,
                Some(e.line() as u64),
                format!("invalid JSON: {e}"),
            ))),
        },
        Format::Jsonl => unreachable!("JSON Lines are streamed"),
    }
}

fn push_doc(
    events: &mut VecDeque<Event>,
    text: String,
    provenance: Provenance,
    meta: Metadata,
    display: &str,
    line: Option<u64>,
) {
    if text.trim().is_empty() {
        let reason = if text.is_empty() {
            "empty article text"
        } else {
            "article text is only white space"
        };
        events.push_back(Event::Error(Error::bad_input(display, line, reason)));
        return;
    }
    events.push_back(Event::Document(Box::new(Document::new(
        text, provenance, meta,
    ))));
}

impl JsonLines {
    /// Reads the next line into events (possibly none, for a blank line). `None` at end of input.
    fn next_line(&mut self, events: &mut VecDeque<Event>) -> Option<()> {
        self.buf.clear();
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                events.push_back(Event::Error(read_error(self.display.clone(), e, self.gz)));
                return None;
            }
        }
        self.line += 1;
        let line = Some(self.line);
        let raw = trim_ascii(&self.buf);
        if raw.is_empty() {
            return Some(());
        }
        let decoded = match decode(raw, None) {
            Ok(d) => d,
            Err(e) => {
                events.push_back(Event::Error(Error::bad_input(
                    &self.display,
                    line,
                    e.to_string(),
                )));
                return Some(());
            }
        };
        if let Some(message) = decoded.warning {
            let location = format!("{}:{}", self.display, self.line);
            events.push_back(Event::Warning(Warning { location, message }));
        }
        let value = match serde_json::from_str::<serde_json::Value>(&decoded.text) {
            Ok(v) => v,
            Err(e) => {
                let reason = format!("invalid JSON: {e}");
                events.push_back(Event::Error(Error::bad_input(&self.display, line, reason)));
                return Some(());
            }
        };
        match json::record(value) {
            Ok((text, meta)) => {
                let provenance = Provenance {
                    path: self.display.clone(),
                    line,
                    record: None,
                    format: Some(Format::Jsonl),
                    encoding: decoded.encoding.map(str::to_string),
                };
                push_doc(events, text, provenance, meta, &self.display, line);
            }
            Err(reason) => {
                events.push_back(Event::Error(Error::bad_input(&self.display, line, reason)))
            }
        }
        Some(())
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

impl Iterator for Sources {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(e) = self.events.pop_front() {
                return Some(e);
            }
            if let Some(lines) = &mut self.lines {
                if lines.next_line(&mut self.events).is_none() {
                    self.lines = None;
                }
                continue;
            }
            let input = self.queue.pop_front()?;
            self.open(input);
        }
    }
}
