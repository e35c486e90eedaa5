//! The `kind` of the one Kubernetes object a key belongs to, in YAML or JSON, so that a `kubectl
//! get cm,secret -o yaml|json` List (one document holding many objects) is redacted object by
//! object: the `data` of a Secret goes, the `data` of a ConfigMap beside it stays.
//!
//! Only the key's own mapping is read: its sibling keys (same indentation in YAML, same depth in
//! JSON), never the nearest `kind` above. Source: Kubernetes API conventions (every object carries
//! `kind` beside `data`); `kubectl get` prints several objects as a `kind: List` with `items`.

use super::scan::{key_shape, line_end, line_start, next_line, quoted, value_after_key};

/// Most lines or bytes walked each way from the key: an object is read whole, a runaway text is not.
const LIMIT: usize = 1 << 20;

/// Whether the YAML mapping whose key starts at `key_start` is a Secret, when it names its
/// kind. A mapping that says `kind` twice (objects pasted without `---`) is a Secret if either says
/// so: a doubt keeps the value redacted.
pub fn yaml(text: &str, key_start: usize) -> Option<bool> {
    either_is_secret(yaml_forward(text, key_start), || {
        yaml_backward(text, key_start)
    })
}

/// Sibling keys after the key at the same column, nested lines deeper; anything else ends it.
fn yaml_forward(text: &str, key_start: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let own_line = line_start(bytes, key_start);
    let column = key_start - own_line;
    let mut line = next_line(bytes, key_start);
    while let Some(start) = line.filter(|&s| s < bytes.len() && s - own_line < LIMIT) {
        if is_document_marker(bytes, start) {
            break;
        }
        if let Some((indent, key, item)) = shape(bytes, start) {
            if indent == column && !item {
                if let Some(kind) = kind_value(text, start + key) {
                    return Some(kind);
                }
            } else if indent < column {
                break;
            }
        }
        line = next_line(bytes, start);
    }
    None
}

/// Sibling keys before the key, up to the line that opens the mapping (`- key:` at the same key
/// column).
fn yaml_backward(text: &str, key_start: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let own_line = line_start(bytes, key_start);
    let column = key_start - own_line;
    if is_item_key(bytes, own_line, column) {
        return None;
    }
    let mut end = own_line;
    while end > 0 && own_line - end < LIMIT {
        let start = line_start(bytes, end - 1);
        end = start;
        if is_document_marker(bytes, start) {
            break;
        }
        let Some((indent, key, item)) = shape(bytes, start) else {
            continue;
        };
        let sibling = indent == column && !item;
        let opener = item && key == column && indent < column;
        if sibling || opener {
            if let Some(kind) = kind_value(text, start + key) {
                return Some(kind);
            }
        }
        if opener || indent < column {
            break;
        }
    }
    None
}

/// Secret when either kind says so, another kind when one was found, unknown otherwise.
fn either_is_secret<'a>(
    first: Option<&'a str>,
    second: impl FnOnce() -> Option<&'a str>,
) -> Option<bool> {
    if first == Some("Secret") {
        return Some(true);
    }
    match (first, second()) {
        (_, Some(kind)) => Some(kind == "Secret"),
        (Some(_), None) => Some(false),
        (None, None) => None,
    }
}

/// True for a line that starts or ends a YAML document (`---`, `...`).
fn is_document_marker(bytes: &[u8], start: usize) -> bool {
    bytes[start..].starts_with(b"---") || bytes[start..].starts_with(b"...")
}

/// True when the key at `column` of the line at `line` follows a `- ` item marker.
fn is_item_key(bytes: &[u8], line: usize, column: usize) -> bool {
    matches!(shape(bytes, line), Some((_, key, true)) if key == column)
}

/// A YAML line's indentation, the column of its first key (after any `- ` item markers), and
/// whether an item marker opened it; `None` for a blank or comment line.
fn shape(bytes: &[u8], start: usize) -> Option<(usize, usize, bool)> {
    let end = line_end(bytes, start);
    let mut at = start;
    while at < end && bytes[at] == b' ' {
        at += 1;
    }
    if at == end || bytes[at] == b'#' {
        return None;
    }
    let indent = at - start;
    let mut item = false;
    while bytes.get(at) == Some(&b'-') && matches!(bytes.get(at + 1), Some(b' ')) {
        item = true;
        at += 2;
        while at < end && bytes[at] == b' ' {
            at += 1;
        }
    }
    Some((indent, at - start, item))
}

/// The value of the key `kind` starting at `at` (`kind: X`, `"kind": "X"`).
fn kind_value(text: &str, at: usize) -> Option<&str> {
    if !text[at..].starts_with("kind") {
        return None;
    }
    let value = value_after_key(text, key_shape(text.as_bytes(), at, at + 4), false)?;
    Some(&text[value.start..value.end])
}

/// Whether the JSON object holding the key whose opening quote is at `key_quote` is a Secret,
/// by the first `kind` after the key at the object's own depth (`kubectl` prints keys sorted:
/// `data` before `kind`). An object whose `kind` comes first answers nothing: its document decides.
pub fn json(text: &str, key_quote: usize) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = key_quote;
    let limit = bytes.len().min(key_quote.saturating_add(LIMIT));
    while at < limit {
        match bytes[at] {
            b'"' => {
                let value = quoted(bytes, at)?;
                if depth == 0 {
                    if let Some(kind) = kind_value(text, at + 1).filter(|_| value.end == at + 5) {
                        return Some(kind == "Secret");
                    }
                }
                at = value.end;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => break,
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_kind_of_each_item_of_a_yaml_list() {
        let text = "apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    a: |\n      kind: Secret\n  kind: ConfigMap\n- data:\n    b: x\n  kind: Secret\n- kind: Service\n  data:\n    c: y\nkind: List\n";
        let at = |needle: &str| text.find(needle).expect("needle");
        assert_eq!(yaml_forward(text, at("data:\n    a")), Some("ConfigMap"));
        assert_eq!(yaml_forward(text, at("data:\n    b")), Some("Secret"));
        assert_eq!(yaml_backward(text, at("data:\n    c")), Some("Service"));
        assert_eq!(yaml_forward(text, at("items:")), Some("List"));
        assert_eq!(yaml(text, at("data:\n    a")), Some(false));
        assert_eq!(yaml(text, at("data:\n    b")), Some(true));
        // Two objects pasted without `---`: the doubt keeps the Secret's value redacted.
        let pasted = "kind: Secret\ndata:\n  a: x\nkind: ConfigMap\n";
        assert_eq!(
            yaml(pasted, pasted.find("data:").expect("data")),
            Some(true)
        );
    }

    #[test]
    fn reads_the_kind_of_each_object_of_a_json_list() {
        let text = r#"{"items":[{"data":{"k":"{\"kind\":\"Secret\"}"},"kind":"ConfigMap"},{"kind":"Secret","metadata":{"kind":"x"},"data":{"k":"v"}}],"kind":"List"}"#;
        let first = text.find("\"data\"").expect("first");
        let second = text.rfind("\"data\"").expect("second");
        assert_eq!(json(text, first), Some(false));
        assert_eq!(json(text, second), None);
        assert_eq!(
            json(text, text.find("\"items\"").expect("items")),
            Some(false)
        );
        let sorted = r#"{"data":{"k":"v"},"kind":"Secret"}"#;
        assert_eq!(json(sorted, 1), Some(true));
        assert_eq!(json("{\"data\":{}}", 1), None);
    }
}
