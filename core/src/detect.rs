//! Flannel's document finder: which flannel documents the paste holds, and where.
//!
//! Recognises a bare `net-conf.json` or `cni-conf.json`, `/run/flannel/subnet.env`, and YAML or
//! JSON Kubernetes objects: the `kube-flannel-cfg` ConfigMap (alone, inside the whole multi-document
//! `kube-flannel.yml`, inside a `List`, or as `kubectl get cm -o yaml|json` output) and
//! NetworkPolicy objects. For each ConfigMap it extracts the embedded `net-conf.json` and
//! `cni-conf.json` with a [`SourceMap`](crate::embed::SourceMap) back to the paste.
//!
//! Text that is clearly not flannel's gives `Ok(empty)`, so another area can claim it; text that
//! looks like flannel's but cannot be read gives an [`InputError`] with line and column.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::embed::{self, Embedded, SourceMap};
use crate::json::{self, Node};
use crate::report::{DocumentKind, InputError};
use crate::span::LineIndex;

/// One `KEY=VALUE` line of `subnet.env`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvLine {
    /// The variable name.
    pub key: String,
    /// The value as written.
    pub value: String,
    /// Byte offset of the value.
    pub value_start: usize,
    /// Byte offset one past the value.
    pub value_end: usize,
}

/// A ConfigMap data key whose value is not a string (Kubernetes refuses it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAString {
    /// The data key.
    pub key: String,
    /// Where the value is.
    pub start: usize,
    /// One past the value.
    pub end: usize,
}

/// A flannel document found in the paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What it is.
    pub kind: DocumentKind,
    /// Byte range in the paste.
    pub start: usize,
    /// One past the end.
    pub end: usize,
    /// The `net-conf.json` text it holds, if any.
    pub net_conf: Option<Embedded>,
    /// The `cni-conf.json` text it holds, if any.
    pub cni_conf: Option<Embedded>,
    /// The lines of a `subnet.env`.
    pub env: Vec<EnvLine>,
    /// ConfigMap data keys whose values are not strings.
    pub not_strings: Vec<NotAString>,
    /// `metadata.namespace` of a ConfigMap, when written.
    pub namespace: Option<String>,
}

impl Found {
    fn new(kind: DocumentKind, start: usize, end: usize) -> Self {
        Found {
            kind,
            start,
            end,
            net_conf: None,
            cni_conf: None,
            env: Vec::new(),
            not_strings: Vec::new(),
            namespace: None,
        }
    }
}

/// What the finder read: the documents, and whether the paste runs flanneld without
/// `--kube-subnet-mgr` (a flannel DaemonSet in the paste that lacks the flag means etcd mode).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detected {
    /// The flannel documents, in order.
    pub documents: Vec<Found>,
    /// True when a flanneld DaemonSet in the paste runs without `--kube-subnet-mgr`.
    pub etcd_daemonset: bool,
}

/// Finds every flannel document in `text`.
pub fn detect(text: &str, index: &LineIndex<'_>) -> Result<Detected, InputError> {
    let trimmed = text.trim_start();
    let at = text.len() - trimmed.len();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return detect_json(text, index, at);
    }
    if let Some(env) = subnet_env(text) {
        let mut found = Found::new(DocumentKind::FlannelSubnetEnv, at, text.trim_end().len());
        found.env = env;
        return Ok(Detected {
            documents: alloc::vec![found],
            etcd_daemonset: false,
        });
    }
    detect_yaml(text, index)
}

fn detect_json(text: &str, index: &LineIndex<'_>, at: usize) -> Result<Detected, InputError> {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let span = index.span(error.offset, error.offset);
            return Err(InputError {
                message: format!(
                    "not valid JSON at line {}, column {}: {}",
                    span.line, span.column, error.kind
                ),
                span,
            });
        }
    };
    if root.members().is_none() {
        return Err(InputError {
            message: String::from("the JSON is not an object; net-conf.json is an object such as {\"Network\": \"10.244.0.0/16\"}"),
            span: index.span(at, at),
        });
    }
    let mut detected = Detected::default();
    json_object(text, &root, &mut detected);
    Ok(detected)
}

fn json_object(text: &str, node: &Node, detected: &mut Detected) {
    let kind = node.get_ignore_case("kind").and_then(|m| m.value.as_str());
    let Some(kind) = kind else {
        let document_kind = if is_cni_conf(node) {
            DocumentKind::FlannelCniConf
        } else {
            DocumentKind::FlannelNetConf
        };
        let mut found = Found::new(document_kind, node.start, node.end);
        let inner = Embedded {
            text: String::from(&text[node.start..node.end]),
            map: SourceMap::offset(node.start).limited_to(text.len()),
            exact: true,
        };
        if document_kind == DocumentKind::FlannelCniConf {
            found.cni_conf = Some(inner);
        } else {
            found.net_conf = Some(inner);
        }
        detected.documents.push(found);
        return;
    };
    match kind {
        "List" => {
            if let Some(items) = node.get_ignore_case("items") {
                if let json::Value::Array(items) = &items.value.value {
                    for item in items {
                        json_object(text, item, detected);
                    }
                }
            }
        }
        "NetworkPolicy" => detected.documents.push(Found::new(
            DocumentKind::NetworkPolicy,
            node.start,
            node.end,
        )),
        "ConfigMap" => {
            let data = node.get_ignore_case("data").map(|m| &m.value);
            let mut found = Found::new(DocumentKind::FlannelConfigMap, node.start, node.end);
            found.namespace = node
                .get_ignore_case("metadata")
                .and_then(|m| m.value.get_ignore_case("namespace"))
                .and_then(|m| m.value.as_str())
                .map(String::from);
            for (key, slot) in [("net-conf.json", 0), ("cni-conf.json", 1)] {
                let Some(member) =
                    data.and_then(|d| d.members()?.iter().rev().find(|m| m.key == key))
                else {
                    continue;
                };
                let inner = match member.value.as_str() {
                    Some(_) => embed::json_string(text, member.value.start),
                    None => {
                        found.not_strings.push(NotAString {
                            key: String::from(key),
                            start: member.value.start,
                            end: member.value.end,
                        });
                        None
                    }
                };
                if slot == 0 {
                    found.net_conf = inner;
                } else {
                    found.cni_conf = inner;
                }
            }
            if found.net_conf.is_some()
                || found.cni_conf.is_some()
                || !found.not_strings.is_empty()
                || is_flannel_name(node)
            {
                detected.documents.push(found);
            }
        }
        _ => {}
    }
}

fn is_flannel_name(node: &Node) -> bool {
    node.get_ignore_case("metadata")
        .and_then(|m| m.value.get_ignore_case("name"))
        .and_then(|m| m.value.as_str())
        .is_some_and(|name| name.contains("flannel"))
}

/// A bare `cni-conf.json`: a CNI network config list or a single flannel plugin config.
fn is_cni_conf(node: &Node) -> bool {
    node.get_ignore_case("cniVersion").is_some()
        || node.get_ignore_case("plugins").is_some()
        || node.get_ignore_case("delegate").is_some()
}

/// The lines of a `subnet.env`, when every non-blank line is `NAME=value` and one is `FLANNEL_*`.
fn subnet_env(text: &str) -> Option<Vec<EnvLine>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let stripped = content.trim();
        if stripped.is_empty() || stripped.starts_with('#') {
            continue;
        }
        let (key, value) = stripped.split_once('=')?;
        let valid_name = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !valid_name {
            return None;
        }
        let lead = content.len() - content.trim_start().len();
        let value_start = start + lead + key.len() + 1;
        lines.push(EnvLine {
            key: String::from(key),
            value: String::from(value),
            value_start,
            value_end: value_start + value.len(),
        });
    }
    lines
        .iter()
        .any(|line| line.key.starts_with("FLANNEL_"))
        .then_some(lines)
}

#[cfg(feature = "std")]
fn detect_yaml(text: &str, index: &LineIndex<'_>) -> Result<Detected, InputError> {
    use crate::yaml;
    let looks_like_kubernetes =
        text.contains("kind:") || text.contains("net-conf.json") || text.contains("apiVersion:");
    if !looks_like_kubernetes {
        return Ok(Detected::default());
    }
    let documents = match yaml::parse_stream(text) {
        Ok(documents) => documents,
        Err(error) => {
            if !(text.contains("flannel")
                || text.contains("net-conf.json")
                || text.contains("NetworkPolicy"))
            {
                return Ok(Detected::default());
            }
            let span = index.span(error.offset, error.offset);
            // The reader's own limits (aliases, nesting) refuse valid YAML; say so plainly.
            let what = if error.message.contains("refused") {
                "YAML refused"
            } else {
                "not valid YAML"
            };
            return Err(InputError {
                message: format!(
                    "{what} at line {}, column {}: {}",
                    span.line, span.column, error.message
                ),
                span,
            });
        }
    };
    let mut detected = Detected::default();
    for document in &documents {
        yaml_object(text, &document.root, &mut detected);
    }
    Ok(detected)
}

#[cfg(feature = "std")]
fn yaml_object(text: &str, node: &crate::yaml::Node, detected: &mut Detected) {
    use crate::yaml::{scalar_content, NodeKind};
    let kind = node.get("kind").and_then(|k| k.as_str());
    match kind {
        Some("List") => {
            for item in node.get("items").map(|i| i.items()).unwrap_or_default() {
                yaml_object(text, item, detected);
            }
        }
        Some("NetworkPolicy") => detected.documents.push(Found::new(
            DocumentKind::NetworkPolicy,
            node.start,
            node.end,
        )),
        Some("DaemonSet") => {
            let source = &text[node.start..node.end];
            if source.contains("flanneld") && !source.contains("--kube-subnet-mgr") {
                detected.etcd_daemonset = true;
            }
        }
        Some("ConfigMap") | None => {
            // A pasted `data:` section alone, or just its keys, counts as the ConfigMap too.
            let data = node.get("data").or_else(|| {
                (kind.is_none()
                    && (node.get("net-conf.json").is_some() || node.get("cni-conf.json").is_some()))
                .then_some(node)
            });
            let mut found = Found::new(DocumentKind::FlannelConfigMap, node.start, node.end);
            found.namespace = node
                .get("metadata")
                .and_then(|m| m.get("namespace"))
                .and_then(|n| n.as_str())
                .map(String::from);
            for key in ["net-conf.json", "cni-conf.json"] {
                let Some(value) = data.and_then(|d| d.get(key)) else {
                    continue;
                };
                let inner = match value.kind {
                    NodeKind::Scalar(..) => scalar_content(text, value),
                    _ => {
                        found.not_strings.push(NotAString {
                            key: String::from(key),
                            start: value.start,
                            end: value.end,
                        });
                        None
                    }
                };
                if key == "net-conf.json" {
                    found.net_conf = inner;
                } else {
                    found.cni_conf = inner;
                }
            }
            let named = node
                .get("metadata")
                .and_then(|m| m.get("name"))
                .and_then(|n| n.as_str())
                .is_some_and(|n| n.contains("flannel"));
            if found.net_conf.is_some()
                || found.cni_conf.is_some()
                || !found.not_strings.is_empty()
                || (kind.is_some() && named)
            {
                detected.documents.push(found);
            }
        }
        Some(_) => {}
    }
}

#[cfg(not(feature = "std"))]
fn detect_yaml(_text: &str, _index: &LineIndex<'_>) -> Result<Detected, InputError> {
    Ok(Detected::default())
}
