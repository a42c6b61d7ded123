//! The library's one error type. Every variant carries the context a person needs to find the problem:
//! the input path, the line of a JSON Lines record, the doc id.

use std::path::{Path, PathBuf};

/// `Result` with claimdex's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input file or stream could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path as the user gave it (`-` for standard input).
        path: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An input was read but is not usable as an article.
    #[error("{location}: {reason}")]
    BadInput {
        /// `path` or `path:line`.
        location: String,
        /// Why it was rejected, in words.
        reason: String,
    },
    /// Bad command-line style arguments reaching the library (for instance an unknown input format).
    #[error("{0}")]
    Usage(String),
    /// A problem with an on-disk index or export directory.
    #[error("{path}: {reason}")]
    Store {
        /// The index or output path.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

impl Error {
    /// A bad-input error for `path` (and `line`, 1-based, when the input is line-oriented).
    pub fn bad_input(path: &str, line: Option<u64>, reason: impl Into<String>) -> Error {
        let location = match line {
            Some(line) => format!("{path}:{line}"),
            None => path.to_string(),
        };
        Error::BadInput {
            location,
            reason: reason.into(),
        }
    }

    /// A problem with the index or export directory at `path`.
    pub fn store(path: &Path, reason: impl std::fmt::Display) -> Error {
        Error::Store {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        }
    }
}
