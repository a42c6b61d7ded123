//! Plain text and Markdown: the file is the article. A first line followed by a blank line is the title;
//! the text keeps it, so offsets stay offsets into the file.

use crate::document::Metadata;

/// Metadata of a plain-text article: its title, when the first line is one.
pub fn metadata(text: &str) -> Metadata {
    Metadata {
        title: title(text),
        ..Metadata::default()
    }
}

fn title(text: &str) -> Option<String> {
    let mut lines = text.lines();
    let first = lines.next()?.trim();
    let second = lines.next()?;
    if first.is_empty() || !second.trim().is_empty() || first.chars().count() > 300 {
        return None;
    }
    let first = first.trim_start_matches('#').trim();
    (!first.is_empty()).then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_needs_a_blank_line() {
        assert_eq!(title("Headline\n\nBody."), Some("Headline".into()));
        assert_eq!(title("# Headline\r\n\r\nBody."), Some("Headline".into()));
        assert_eq!(title("Body line one\nBody line two"), None);
        assert_eq!(title("Only a line"), None);
        assert_eq!(title("\n\nBody"), None);
    }
}
