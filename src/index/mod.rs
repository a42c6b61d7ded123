//! The claim index on disk (Tantivy): open or create it, with the claimdex and schema versions recorded
//! beside it and checked on every open, so an index from another version is refused with advice instead of
//! misread.
//!
//! - [`writer`]: ingestion — incremental, idempotent, committed in batches, one writer at a time.
//! - [`search`]: queries with filters, hits with provenance.

pub mod join;
pub mod schema;
pub mod search;
pub mod writer;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
pub use schema::{Fields, SCHEMA_VERSION};

/// The file beside the Tantivy files that says which claimdex made the index.
pub const MANIFEST: &str = "claimdex-index.json";

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    claimdex_version: String,
    schema_version: u32,
}

/// An open claim index.
pub struct ClaimIndex {
    /// The Tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// Where it lives.
    pub path: PathBuf,
    /// One reader for the life of the handle: opening a reader maps every segment file, and dropping it
    /// unmaps them, which on a large index costs more than the query.
    reader: OnceLock<IndexReader>,
}

impl ClaimIndex {
    /// Opens the index at `path`, creating it (and the directory) when there is none yet.
    pub fn open_or_create(path: &Path) -> Result<ClaimIndex> {
        if path.join(MANIFEST).exists() || path.join("meta.json").exists() {
            return ClaimIndex::open(path);
        }
        std::fs::create_dir_all(path)
            .map_err(|e| Error::store(path, format!("cannot create directory: {e}")))?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(path, schema).map_err(|e| Error::store(path, e))?;
        schema::register_tokenizers(&index);
        let manifest = Manifest {
            claimdex_version: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: SCHEMA_VERSION,
        };
        let json = serde_json::to_string_pretty(&manifest).expect("manifest serializes");
        std::fs::write(path.join(MANIFEST), json)
            .map_err(|e| Error::store(path, format!("cannot write {MANIFEST}: {e}")))?;
        Ok(ClaimIndex {
            index,
            fields,
            path: path.to_path_buf(),
            reader: OnceLock::new(),
        })
    }

    /// Opens an existing index, checking its versions.
    pub fn open(path: &Path) -> Result<ClaimIndex> {
        let manifest_path = path.join(MANIFEST);
        let raw = std::fs::read_to_string(&manifest_path).map_err(|_| {
            Error::store(path, format!("not a claimdex index (no {MANIFEST}); ingest into it first with `claimdex ingest --index {}`", path.display()))
        })?;
        let manifest: Manifest = serde_json::from_str(&raw)
            .map_err(|e| Error::store(path, format!("unreadable {MANIFEST}: {e}")))?;
        if manifest.schema_version != SCHEMA_VERSION {
            return Err(Error::store(
                path,
                format!(
                    "index schema version {} was written by claimdex {}, this claimdex {} reads version {}; \
                     re-ingest into a new directory (e.g. `claimdex ingest --index {}-v{} ...`) or remove this one \
                     (`claimdex run --rebuild` does that for the main job)",
                    manifest.schema_version,
                    manifest.claimdex_version,
                    env!("CARGO_PKG_VERSION"),
                    SCHEMA_VERSION,
                    path.display(),
                    SCHEMA_VERSION
                ),
            ));
        }
        let index = Index::open_in_dir(path).map_err(|e| Error::store(path, e))?;
        schema::register_tokenizers(&index);
        let (expected, fields) = schema::build();
        if index.schema() != expected {
            return Err(Error::store(
                path,
                "the index schema does not match this claimdex's; re-ingest into a new directory",
            ));
        }
        Ok(ClaimIndex {
            index,
            fields,
            path: path.to_path_buf(),
            reader: OnceLock::new(),
        })
    }

    /// A searcher over the latest commit. The reader is opened once and reloaded on each call, which only
    /// opens segments it has not seen (commits made since, by this process or another).
    pub fn searcher(&self) -> Result<Searcher> {
        let reader = match self.reader.get() {
            Some(r) => r,
            None => {
                let r = self
                    .index
                    .reader_builder()
                    .reload_policy(ReloadPolicy::Manual)
                    .try_into()
                    .map_err(|e| Error::store(&self.path, e))?;
                self.reader.get_or_init(|| r)
            }
        };
        reader.reload().map_err(|e| Error::store(&self.path, e))?;
        Ok(reader.searcher())
    }

    /// Size of the index files on disk, in bytes.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.path)
            .map(|rd| {
                rd.filter_map(|e| e.ok()?.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}
