//! Bytes to text: NUL detection (binary files), byte-order marks, declared charsets, and the Windows-1252
//! fallback for invalid UTF-8.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Text decoded from bytes, with a note when it was not plain UTF-8.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used when it was not UTF-8 (for provenance).
    pub encoding: Option<&'static str>,
    /// A warning to report: the bytes were not what they claimed to be.
    pub warning: Option<String>,
}

/// Why bytes could not be decoded at all.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte: this is a binary file, not text.
    Binary {
        /// Offset of the first NUL.
        offset: usize,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset}), skipped")
            }
        }
    }
}

/// Decodes `bytes`. A BOM wins; then the `declared` charset label (HTML `<meta charset>`); then UTF-8, and
/// if that fails Windows-1252 with a warning.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        // UTF-16 text is full of NULs, so the BOM is checked before the binary test.
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let text = text.into_owned();
        return Ok(Decoded {
            encoding: (enc != UTF_8).then(|| enc.name()),
            warning: had_errors
                .then(|| format!("invalid {} sequences replaced with U+FFFD", enc.name())),
            text,
        });
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    let declared = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    if let Some(enc) = declared.filter(|&e| e != UTF_8) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Some(enc.name()),
            warning: had_errors
                .then(|| format!("invalid {} sequences replaced with U+FFFD", enc.name())),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: None,
            warning: None,
        }),
        Err(e) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                encoding: Some(WINDOWS_1252.name()),
                warning: Some(format!(
                    "invalid UTF-8 at byte {}; decoded as Windows-1252",
                    e.valid_up_to()
                )),
            })
        }
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("café".as_bytes(), None).unwrap();
        assert_eq!(d.text, "café");
        assert!(d.warning.is_none() && d.encoding.is_none());
    }

    #[test]
    fn bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFhi", None).unwrap();
        assert_eq!(d.text, "hi");
        let d = decode(b"\xFF\xFEh\0i\0", None).unwrap();
        assert_eq!(d.text, "hi");
        assert_eq!(d.encoding, Some("UTF-16LE"));
    }

    #[test]
    fn latin1_falls_back_with_warning() {
        let d = decode(b"caf\xe9 \x93quoted\x94", None).unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert_eq!(d.encoding, Some("windows-1252"));
        assert!(d.warning.unwrap().contains("byte 3"));
    }

    #[test]
    fn declared_charset_is_honoured() {
        let d = decode(b"caf\xe9", Some("iso-8859-1")).unwrap();
        assert_eq!(d.text, "café");
        assert!(d.warning.is_none());
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(
            decode(b"ab\0c", None).unwrap_err(),
            DecodeError::Binary { offset: 2 }
        );
    }
}
