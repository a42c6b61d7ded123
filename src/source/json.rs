//! JSON and JSON Lines records: `id`, `url`, `title`, `author`, `published`, `site` (or `source`),
//! `language`, and the article in `text` (or `body` / `content`). Unknown fields are ignored.

use serde_json::{Map, Value};

use crate::document::Metadata;

/// The text and metadata of one JSON record, or why it is not an article.
pub fn record(value: Value) -> Result<(String, Metadata), String> {
    let Value::Object(mut obj) = value else {
        return Err(format!(
            "expected a JSON object, found {}",
            type_name(&value)
        ));
    };
    let text = ["text", "body", "content"]
        .iter()
        .find_map(|&k| obj.remove(k).filter(|v| !v.is_null()).map(|v| (k, v)));
    let text = match text {
        Some((_, Value::String(s))) => s,
        Some((k, v)) => return Err(format!("field {k:?} is {}, not a string", type_name(&v))),
        None => return Err("no \"text\", \"body\" or \"content\" field".into()),
    };
    let meta = Metadata {
        source_id: scalar(&obj, &["id"]),
        title: scalar(&obj, &["title", "headline"]),
        author: author(&obj),
        published: scalar(
            &obj,
            &["published", "date", "published_at", "datePublished"],
        ),
        url: scalar(&obj, &["url", "link"]),
        site: scalar(&obj, &["site", "source"]),
        language: scalar(&obj, &["language", "lang"]),
    };
    Ok((text, meta))
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first of `keys` holding a string or number, as a trimmed non-empty string.
fn scalar(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|&k| match obj.get(k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// `author` as a string, an object with `name`, or an array of either (joined with ", ").
fn author(obj: &Map<String, Value>) -> Option<String> {
    fn name(v: &Value) -> Option<String> {
        match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Object(o) => o.get("name").and_then(name),
            _ => None,
        }
    }
    match obj.get("author").or_else(|| obj.get("authors"))? {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        v => name(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_and_aliases() {
        let (text, m) = record(json!({
            "id": 7, "body": "Hello.", "title": "T", "source": "Wire", "published": "2024-03-14",
            "author": [{"name": "A. Writer"}, "B. Writer"], "extra": [1, 2]
        }))
        .unwrap();
        assert_eq!(text, "Hello.");
        assert_eq!(m.source_id.as_deref(), Some("7"));
        assert_eq!(m.site.as_deref(), Some("Wire"));
        assert_eq!(m.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.published.as_deref(), Some("2024-03-14"));
    }

    #[test]
    fn rejects_non_articles() {
        assert!(record(json!([1]))
            .unwrap_err()
            .contains("expected a JSON object"));
        assert!(record(json!({"title": "x"}))
            .unwrap_err()
            .contains("no \"text\""));
        assert!(record(json!({"text": 5}))
            .unwrap_err()
            .contains("not a string"));
    }
}
