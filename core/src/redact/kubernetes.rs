//! Kubernetes Secrets: every value under `data` and `stringData` of a document whose `kind` is
//! `Secret` (YAML or JSON), and the `kubectl.kubernetes.io/last-applied-configuration` annotation
//! when it carries a Secret (it is a full copy of the object, data included).
//!
//! A ConfigMap's `data` is left alone: that is where flannel's `net-conf.json` lives. In a List
//! (`kubectl get cm,secret -o yaml`), each `data` goes by the `kind` of its own object
//! ([`object_kind`]), not by the document's.
//! Source: Kubernetes API reference, Secret v1 (`data`, `stringData`); kubectl apply docs.

use alloc::vec::Vec;

use super::found::Found;
use super::kind;
use super::object_kind;
use super::scan::{
    indent, key_shape, line_end, line_start, next_line, quoted, skip_blanks, value_after_key,
};

/// Where YAML documents start and where the word `kind` appears, so each document is looked at
/// once to learn whether it is a Secret. Filled from the keyword pass (`\n---` and `kind` are
/// keywords), so the text is not searched again.
#[derive(Debug)]
pub struct SecretDocuments {
    /// Byte offsets where a document starts: 0, then after each `\n---`, in order.
    starts: Vec<usize>,
    /// Byte offsets of `kind`, in order.
    kinds: Vec<usize>,
    /// Per document, once learnt: is it a Secret?
    known: Vec<(usize, bool)>,
}

impl Default for SecretDocuments {
    fn default() -> Self {
        SecretDocuments {
            starts: alloc::vec![0],
            kinds: Vec::new(),
            known: Vec::new(),
        }
    }
}

impl SecretDocuments {
    /// Finds the document starts and `kind` words itself (for callers without the keyword pass).
    #[cfg(test)]
    pub fn scan(text: &str) -> Self {
        let mut documents = SecretDocuments::default();
        for (at, _) in text.match_indices("\n---") {
            documents.document_separator(text, at);
        }
        for (at, _) in text.match_indices("kind") {
            documents.kind_word(at);
        }
        documents
    }

    /// A `\n---` at `newline` (in text order): a document starts when the dashes are the YAML
    /// marker (followed by a blank or the line's end), not the start of `-----BEGIN …` or `----`
    /// (a redaction may take those away, and the next pass must see the same documents).
    pub fn document_separator(&mut self, text: &str, newline: usize) {
        let marker = matches!(
            text.as_bytes().get(newline + 4),
            None | Some(b' ' | b'\t' | b'\r' | b'\n')
        );
        if marker {
            self.starts.push(newline + 1);
        }
    }

    /// A `kind` at `at` (in text order).
    pub fn kind_word(&mut self, at: usize) {
        self.kinds.push(at);
    }

    /// True when the document holding `at` has the word `kind` more than once (a List, or
    /// objects pasted without `---`): only then can a key belong to an object other than the
    /// document's Secret.
    fn has_several_kinds(&self, at: usize) -> bool {
        let index = self.starts.partition_point(|&start| start <= at) - 1;
        let start = self.starts[index];
        let end = self.starts.get(index + 1).copied().unwrap_or(usize::MAX);
        let first = self.kinds.partition_point(|&kind| kind < start);
        self.kinds[first..]
            .iter()
            .take(2)
            .filter(|&&kind| kind < end)
            .count()
            > 1
    }

    fn is_secret(&mut self, text: &str, at: usize) -> bool {
        let index = self.starts.partition_point(|&start| start <= at) - 1;
        let start = self.starts[index];
        let end = self
            .starts
            .get(index + 1)
            .map_or(text.len(), |&next| next - 1);
        if let Some(&(_, secret)) = self.known.iter().rev().find(|(known, _)| *known == start) {
            return secret;
        }
        let first = self.kinds.partition_point(|&kind| kind < start);
        let document = &text[start..end];
        let secret = self.kinds[first..]
            .iter()
            .take_while(|&&kind| kind + 4 <= end)
            .any(|&kind| declares_secret_kind(document, kind - start));
        self.known.push((start, secret));
        secret
    }
}

/// True when the `kind` at `at` of `document` is a key whose value is `Secret`.
fn declares_secret_kind(document: &str, at: usize) -> bool {
    let bytes = document.as_bytes();
    if &document[at..at + 4] != "kind" || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
        return false;
    }
    let shape = key_shape(bytes, at, at + 4);
    value_after_key(document, shape, false)
        .is_some_and(|value| &document[value.start..value.end] == "Secret")
}

/// `data` or `stringData` whose keyword (`data:` or `data"`) starts at `at`.
pub fn secret_data(text: &str, at: usize, documents: &mut SecretDocuments, found: &mut Found) {
    let bytes = text.as_bytes();
    let key_start = if text[..at].ends_with("string") {
        at - 6
    } else {
        at
    };
    // A ConfigMap's `binaryData` is not secret (Kubernetes API reference, ConfigMap v1), though
    // its base64 looks random: the block under it is marked benign.
    if text[..at].ends_with("binary") {
        if let Some(block) = super::scan::block_scalar(bytes, at) {
            found.benign(block.start, block.end);
        }
        return;
    }
    if key_start > 0
        && (bytes[key_start - 1].is_ascii_alphanumeric()
            || matches!(bytes[key_start - 1], b'-' | b'_' | b'.'))
    {
        return;
    }
    if !documents.is_secret(text, at) {
        return;
    }
    let key_end = at + 4;
    let json = bytes.get(key_end) == Some(&b'"');
    // The document holds a Secret; this key belongs to it only when its own object says so (a
    // `kubectl get cm,secret` List holds ConfigMaps beside the Secret). An object that names no
    // kind (a fragment) goes by its document.
    let another_kind = documents.has_several_kinds(at)
        && if json {
            key_start
                .checked_sub(1)
                .is_some_and(|quote| object_kind::json(text, quote) == Some(false))
        } else {
            object_kind::yaml(text, key_start) == Some(false)
        };
    if another_kind {
        return;
    }
    if json {
        json_object_values(text, key_end + 1, found);
    } else {
        yaml_mapping_values(text, key_start, key_end + 1, found);
    }
}

/// Every value of the JSON object after the `:` following `from`.
fn json_object_values(text: &str, from: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, from);
    if bytes.get(at) != Some(&b':') {
        return;
    }
    at = skip_space(bytes, at + 1);
    if bytes.get(at) != Some(&b'{') {
        return;
    }
    at += 1;
    loop {
        at = skip_space(bytes, at);
        match bytes.get(at) {
            Some(b',') => at += 1,
            Some(b'"') => {
                let Some(key) = quoted(bytes, at) else { return };
                at = skip_space(bytes, key.end + 1);
                if bytes.get(at) != Some(&b':') {
                    return;
                }
                at = skip_space(bytes, at + 1);
                if bytes.get(at) != Some(&b'"') {
                    return;
                }
                let Some(value) = quoted(bytes, at) else {
                    return;
                };
                add(text, value.start, value.end, found);
                at = value.end + 1;
            }
            _ => return,
        }
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// Every value of the YAML block mapping under the key at `key_start` (whose `:` ends at `after`).
fn yaml_mapping_values(text: &str, key_start: usize, after: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let rest = skip_blanks(bytes, after);
    if !matches!(bytes.get(rest), None | Some(b'\n' | b'\r' | b'#')) {
        return;
    }
    let parent_indent = indent(bytes, line_start(bytes, key_start));
    let mut child_indent = None;
    let mut line = next_line(bytes, key_start);
    while let Some(start) = line {
        if start >= bytes.len() {
            break;
        }
        let content = skip_blanks(bytes, start);
        let eol = line_end(bytes, start);
        if content >= eol || bytes[content] == b'#' {
            line = next_line(bytes, start);
            continue;
        }
        let depth = content - start;
        if depth <= parent_indent {
            break;
        }
        let child = *child_indent.get_or_insert(depth);
        let mut skip_to = start;
        if depth == child {
            let quote = matches!(bytes[content], b'"' | b'\'');
            let key_from = content + usize::from(quote);
            let key_end = key_from
                + bytes[key_from..eol]
                    .iter()
                    .take_while(|&&b| b != b':' && !(quote && (b == b'"' || b == b'\'')))
                    .count();
            let shape = key_shape(bytes, key_from, key_end);
            if let Some(value) = value_after_key(text, shape, false) {
                add(text, value.start, value.end, found);
                skip_to = value.end;
            }
        }
        line = next_line(bytes, skip_to.max(start));
    }
}

fn add(text: &str, start: usize, end: usize, found: &mut Found) {
    let value = &text[start..end];
    if value.starts_with(super::kind::PLACEHOLDER_PREFIX)
        || value.contains("{{")
        || value.starts_with("${")
    {
        return;
    }
    found.add(start, end, &kind::KUBERNETES_SECRET_DATA);
}

/// The last-applied-configuration annotation whose key ends at `key_end`, when it holds a Secret.
pub fn last_applied(text: &str, key_end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let quoted_key = bytes.get(key_end) == Some(&b'"');
    let key_start = key_end - "last-applied-configuration".len();
    let shape = super::scan::KeyShape {
        start: key_start,
        after: key_end + usize::from(quoted_key),
        quoted: quoted_key,
        enclosing: None,
    };
    let Some(value) = value_after_key(text, shape, false) else {
        return;
    };
    let annotation = &text[value.start..value.end];
    let carries_secret = [
        "\"kind\":\"Secret\"",
        "\\\"kind\\\":\\\"Secret\\\"",
        "\"kind\": \"Secret\"",
        "kind: Secret",
    ]
    .iter()
    .any(|needle| annotation.contains(needle));
    if carries_secret {
        found.add(
            value.start,
            value.end,
            &kind::KUBERNETES_LAST_APPLIED_SECRET,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    fn values(text: &str) -> Vec<String> {
        let mut found = Found::default();
        let mut documents = SecretDocuments::scan(text);
        let lower = text.to_ascii_lowercase();
        for keyword in ["data:", "data\""] {
            for (at, _) in lower.match_indices(keyword) {
                secret_data(text, at, &mut documents, &mut found);
            }
        }
        for (at, _) in text.match_indices("last-applied-configuration") {
            last_applied(text, at + "last-applied-configuration".len(), &mut found);
        }
        found.merged_texts(text)
    }

    #[test]
    fn secret_values_are_found_and_config_maps_left_alone() {
        let text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\"}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  user: YWRtaW4=\n  tls.key: |\n    RkFLRQ==\n    RkFLRQ==\nstringData:\n  \"pw\": \"FAKE pw\"\ntype: Opaque\n";
        assert_eq!(
            values(text),
            ["YWRtaW4=", "RkFLRQ==\n    RkFLRQ==", "FAKE pw"]
        );
    }

    #[test]
    fn only_the_yaml_marker_starts_a_document() {
        let text = "kind: Secret\nstringData:\n  a: FAKE1\n-----BEGIN X\nstringData:\n  b: FAKE2\n--- \nstringData:\n  c: FAKE3\n";
        assert_eq!(values(text), ["FAKE1", "FAKE2"]);
    }

    #[test]
    fn json_secrets_and_last_applied_annotations_are_found() {
        let text = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"data\\\":{\\\"k\\\":\\\"RkFLRQ==\\\"},\\\"kind\\\":\\\"Secret\\\"}\\n\"}},\n\"data\": {\"k\": \"RkFLRQ==\", \"j\":\"SGk=\"}}";
        let found = values(text);
        assert_eq!(found.len(), 3);
        assert!(found[0].starts_with("{\\\"data"));
        assert_eq!(&found[1..], ["RkFLRQ==", "SGk="]);
    }

    #[test]
    fn binary_data_is_benign() {
        let text = "kind: ConfigMap\nbinaryData:\n  logo.bin: FAKEjQzA0ddCNKJ0nQ+eq8DLXOXx35Izpm76qryuJ35RQSqIe8mvV6J0y+SI==\n";
        let mut found = Found::default();
        let mut documents = SecretDocuments::scan(text);
        let at = text.find("Data:").expect("key");
        secret_data(text, at, &mut documents, &mut found);
        assert_eq!(found.benign_ranges().len(), 1);
        assert!(found.merged_texts(text).is_empty());
    }
}
