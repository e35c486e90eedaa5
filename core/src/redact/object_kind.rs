//! The `kind` of the one Kubernetes object a key belongs to, in YAML or JSON, so that a `kubectl
//! get cm,secret -o yaml|json` List (one document holding many objects) is redacted object by
//! object: the `data` of a Secret goes, the `data` of a ConfigMap beside it stays.
//!
//! Only the key's own mapping is read: its sibling keys (same indentation in YAML, same depth in
//! JSON), never the nearest `kind` above. Source: Kubernetes API conventions (every object carries
//! `kind` beside `data`); `kubectl get` prints several objects as a `kind: List` with `items`.

use super::scan::{line_end, line_start, next_line, quoted};

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

/// The value of `kind: X` (or `"kind": "X"`) starting at `at`.
fn kind_value(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..line_end(text.as_bytes(), at)];
    let rest = rest
        .strip_prefix("kind:")
        .or_else(|| rest.strip_prefix("\"kind\":"))?;
    let value = rest.split(" #").next().unwrap_or(rest).trim();
    Some(value.trim_matches(['"', '\'']))
}

/// Whether the JSON object holding the key whose opening quote is at `key_quote` is a Secret,
/// when it names its kind (a Secret if any `kind` of the object says so).
pub fn json(text: &str, key_quote: usize) -> Option<bool> {
    either_is_secret(json_forward(text, key_quote), || {
        json_backward(text, key_quote)
    })
}

/// The first `kind` after the key, at the object's own depth.
fn json_forward(text: &str, key_quote: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = key_quote;
    let limit = bytes.len().min(key_quote.saturating_add(LIMIT));
    while at < limit {
        match bytes[at] {
            b'"' => {
                let value = quoted(bytes, at)?;
                if depth == 0 {
                    if let Some(kind) = json_kind_at(text, at, value.end) {
                        return Some(kind);
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

/// The first `kind` before the key, back to the object's opening brace. Inside a JSON string
/// every `"` is escaped, so the previous unescaped quote closes (going backwards: opens) it.
fn json_backward(text: &str, key_quote: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = key_quote;
    let floor = key_quote.saturating_sub(LIMIT);
    while at > floor {
        at -= 1;
        match bytes[at] {
            b'"' if !escaped(bytes, at) => {
                let close = at;
                loop {
                    if at == 0 {
                        return None;
                    }
                    at -= 1;
                    if bytes[at] == b'"' && !escaped(bytes, at) {
                        break;
                    }
                }
                if depth == 0 {
                    if let Some(kind) = json_kind_at(text, at, close) {
                        return Some(kind);
                    }
                }
            }
            b'}' | b']' => depth += 1,
            b'{' | b'[' if depth == 0 => break,
            b'{' | b'[' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `"kind": "X"` when the string whose quotes are at `open` and `close` is the key `kind`.
fn json_kind_at(text: &str, open: usize, close: usize) -> Option<&str> {
    if &text[open + 1..close] != "kind" {
        return None;
    }
    let bytes = text.as_bytes();
    let mut at = close + 1;
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    if bytes.get(at) != Some(&b':') {
        return None;
    }
    at += 1;
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let value = quoted(bytes, at)?;
    Some(&text[value.start..value.end])
}

/// True when the byte at `at` follows an odd run of backslashes.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
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
        assert_eq!(json_forward(text, first), Some("ConfigMap"));
        assert_eq!(json_backward(text, second), Some("Secret"));
        assert_eq!(json(text, first), Some(false));
        assert_eq!(json(text, second), Some(true));
        assert_eq!(
            json_forward(text, text.find("\"items\"").expect("items")),
            Some("List")
        );
        assert_eq!(json("{\"data\":{}}", 1), None);
    }
}
