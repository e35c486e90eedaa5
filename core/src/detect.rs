//! Flannel's document finder: which flannel documents the paste holds, and where.
//!
//! Recognises a bare `net-conf.json` or `cni-conf.json`, `/run/flannel/subnet.env`, and YAML or
//! JSON Kubernetes objects: the `kube-flannel-cfg` ConfigMap (alone, inside the whole multi-document
//! `kube-flannel.yml`, inside a `List`, or as `kubectl get cm -o yaml|json` output) and
//! NetworkPolicy objects. JSON and YAML objects take one path ([`KubeNode`]); for each ConfigMap,
//! [`config_map::read`] extracts the embedded `net-conf.json` and `cni-conf.json` with a
//! [`SourceMap`] back to the paste.
//!
//! Text that is clearly not flannel's gives `Ok(empty)`, so another area can claim it; text that
//! looks like flannel's but cannot be read gives an [`InputError`] with line and column.

use alloc::string::String;
use alloc::vec::Vec;

use crate::config_map::{self, NotAString};
use crate::document::DocumentKind;
use crate::embed::{Embedded, SourceMap};
use crate::input_error::{InputError, InputErrorKind};
use crate::json::{self, Node};
use crate::kube_object::KubeNode;
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
    /// The `etcdctl` command that writes this net-conf.json, when it is a v2 one.
    pub etcd_v2_write: Option<EtcdWrite>,
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
            etcd_v2_write: None,
        }
    }
}

/// What the finder read: the documents, and whether the paste runs flanneld without
/// `--kube-subnet-mgr` (a flannel DaemonSet in the paste that lacks the flag means etcd mode).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detected {
    /// The flannel documents, in order.
    pub documents: Vec<Found>,
    /// What shows etcd mode (the first one found): a flanneld DaemonSet without
    /// `--kube-subnet-mgr`, or an `etcdctl` line that writes or reads flannel's config.
    pub etcd_evidence: Option<EtcdEvidence>,
    /// Objects of the manifest written in an API version Kubernetes no longer serves.
    pub removed_apis: Vec<RemovedApi>,
    /// ConfigMaps a flanneld container mounts that hold no `net-conf.json`: (name, start, end).
    pub missing_net_conf: Vec<(String, usize, usize)>,
    /// What a JSON document that is not flannel's looks like, when the paste is one.
    pub foreign: Option<&'static str>,
}

/// Where the paste shows that flanneld runs with its etcd subnet manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EtcdEvidence {
    /// What shows it: `etcdctl` or `flanneld DaemonSet`.
    pub what: &'static str,
    /// The kind of document that shows it.
    pub kind: DocumentKind,
    /// Byte range of the `etcdctl` line's document or the DaemonSet object.
    pub start: usize,
    /// One past the end.
    pub end: usize,
}

/// An object whose `apiVersion` Kubernetes removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedApi {
    /// `kind`.
    pub kind: String,
    /// `apiVersion` as written.
    pub api_version: String,
    /// The Kubernetes version that stopped serving it, and the version to use instead.
    pub removed_in: &'static str,
    /// What to write instead.
    pub replacement: &'static str,
    /// Where `apiVersion`'s value is.
    pub start: usize,
    /// One past it.
    pub end: usize,
}

/// Where an `etcdctl` line writes flannel's config with an etcd v2 command (`set`, `mk`,
/// `update`), which flannel v0.18 and later (etcd v3 clients) never read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EtcdWrite {
    /// The command word as written.
    pub command: String,
    /// Where the command word is.
    pub start: usize,
    /// One past it.
    pub end: usize,
}

/// Finds every flannel document in `text`. `net_conf_keys` are the top-level keys of flannel's
/// net-conf.json ([`TOP_LEVEL_KEYS`](crate::flannel::TOP_LEVEL_KEYS)): a JSON object with one of
/// them, or a typo of one, is a net-conf.json. The caller passes them, so the finder does not
/// depend on the rules that use what it finds.
pub fn detect(
    text: &str,
    index: &LineIndex<'_>,
    net_conf_keys: &[&str],
) -> Result<Detected, InputError> {
    let trimmed = text.trim_start();
    let at = text.len() - trimmed.len();
    // A JSON document with a comment on top (`// …`) is still meant as JSON, which has none.
    let commented_json = (trimmed.starts_with("//") || trimmed.starts_with("/*"))
        && trimmed
            .lines()
            .any(|line| line.trim_start().starts_with('{'));
    if trimmed.starts_with('{') {
        if let Some((end, parses)) = object_with_more_after(text, at) {
            // One that does not parse is reported as the JSON it is meant to be.
            if !parses {
                return detect_json(&text[..end], index, at, net_conf_keys);
            }
            return json_then_more(text, end, index, at, net_conf_keys);
        }
    }
    if trimmed.starts_with('{')
        || commented_json
        || (trimmed.starts_with('[') && !json::is_prompt_line(trimmed))
    {
        return detect_json(text, index, at, net_conf_keys);
    }
    detect_not_json(text, index, at, net_conf_keys)
}

/// One past the JSON object that opens the paste at `at`, and whether it parses, when nothing
/// but blanks follow its closing brace on that line and more text follows on later lines (a
/// net-conf.json followed by the node listing or the log the user pasted with it, or by the
/// next file's documents after `---`).
fn object_with_more_after(text: &str, at: usize) -> Option<(usize, bool)> {
    let end = json::object_end(text, at)?;
    let after = &text[end..];
    let closing_line_rest = &after[..after.find('\n').unwrap_or(after.len())];
    let more = closing_line_rest.trim().is_empty() && !after.trim().is_empty();
    more.then(|| (end, json::parse(&text[at..end]).is_ok()))
}

/// The JSON object that ends at `end`, then whatever the rest of the paste holds, read as if the
/// object were blank (same offsets). A rest that is not flannel's is left to the other readers;
/// its error counts only when the object gave no document.
fn json_then_more(
    text: &str,
    end: usize,
    index: &LineIndex<'_>,
    at: usize,
    net_conf_keys: &[&str],
) -> Result<Detected, InputError> {
    let mut detected = detect_json(&text[..end], index, at, net_conf_keys)?;
    let rest = crate::reading_view::part_view(text, end, text.len());
    let rest_at = rest.len() - rest.trim_start().len();
    match detect_not_json(&rest, index, rest_at, net_conf_keys) {
        Ok(more) => {
            detected.documents.extend(more.documents);
            detected.etcd_evidence = detected.etcd_evidence.or(more.etcd_evidence);
            detected.removed_apis.extend(more.removed_apis);
            detected.missing_net_conf.extend(more.missing_net_conf);
            detected.foreign = detected.foreign.or(more.foreign);
        }
        Err(error) if detected.documents.is_empty() => return Err(error),
        Err(_) => {}
    }
    Ok(detected)
}

/// A paste that does not open with JSON: a subnet.env, else YAML documents, `etcdctl` lines and
/// bare JSON objects among other text.
fn detect_not_json(
    text: &str,
    index: &LineIndex<'_>,
    at: usize,
    net_conf_keys: &[&str],
) -> Result<Detected, InputError> {
    if let Some(env) = subnet_env(text) {
        let mut found = Found::new(DocumentKind::FlannelSubnetEnv, at, text.trim_end().len());
        found.env = env;
        return Ok(Detected {
            documents: alloc::vec![found],
            ..Detected::default()
        });
    }
    let mut detected = detect_yaml(text, index)?;
    etcdctl_documents(text, &mut detected);
    let before = detected.documents.len();
    json_pieces(text, &mut detected, net_conf_keys);
    env_pieces(text, &mut detected);
    // The pieces come after the documents found before them; one sort puts all in order.
    if detected.documents.len() > before {
        crate::order::sort_by_position(&mut detected.documents, |found| (found.start, found.end));
    }
    Ok(detected)
}

/// `subnet.env` files among the paste's other documents (several files joined, a `cat` of it
/// after a ConfigMap): each run of `NAME=value` lines with `FLANNEL_NETWORK` or
/// `FLANNEL_SUBNET` outside the documents found so far, read as a `subnet.env` of its own.
fn env_pieces(text: &str, detected: &mut Detected) {
    if !text.contains("FLANNEL_") {
        return;
    }
    let is_env = |line: &str| {
        let line = line.trim_ascii();
        line.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        })
    };
    let mut runs = Vec::new();
    let (mut offset, mut run) = (0, None);
    for line in text.split_inclusive('\n') {
        match (is_env(line), run) {
            (true, None) => run = Some(offset),
            (false, Some(start)) => {
                runs.push((start, offset));
                run = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    runs.extend(run.map(|start| (start, offset)));
    for (start, end) in runs {
        let inside = |found: &Found| found.start < end && start < found.end;
        let piece = &text[start..end];
        let named = piece.contains("FLANNEL_NETWORK=") || piece.contains("FLANNEL_SUBNET=");
        if !named || detected.documents.iter().any(inside) {
            continue;
        }
        let Some(mut env) = subnet_env(piece) else {
            continue;
        };
        for line in &mut env {
            line.value_start += start;
            line.value_end += start;
        }
        let mut found = Found::new(
            DocumentKind::FlannelSubnetEnv,
            start,
            start + piece.trim_ascii_end().len(),
        );
        found.env = env;
        detected.documents.push(found);
    }
}

/// Bare net-conf.json and cni-conf.json objects among the paste's other documents (after a
/// YAML document, or after the `cat` that printed them): each object [`json::line_start_objects`]
/// finds outside the documents found so far, read on its own. Objects that are not flannel's
/// (a `kubectl … -o json` a listing reader takes) are left alone.
fn json_pieces(text: &str, detected: &mut Detected, net_conf_keys: &[&str]) {
    // The documents found so far by start; the objects come in order, so one sweep tells
    // whether any of them overlaps an object (the largest end among those starting before it).
    let mut found: Vec<(usize, usize)> = detected
        .documents
        .iter()
        .map(|d| (d.start, d.end))
        .collect();
    crate::order::sort_by_position(&mut found, |&range| range);
    let (mut next, mut reach) = (0, 0);
    for (start, end) in json::line_start_objects(text, json::opens_object) {
        while let Some(&(_, to)) = found.get(next).filter(|(from, _)| *from < end) {
            reach = reach.max(to);
            next += 1;
        }
        if reach > start {
            continue;
        }
        let Ok(node) = json::parse(&text[start..end]) else {
            continue;
        };
        if node.get_ignore_case("kind").is_some() {
            continue;
        }
        if is_cni_conf(&node) || has_flannel_key(&node, net_conf_keys) {
            bare_json(text, start, &node, detected, net_conf_keys);
        }
    }
}

/// `etcdctl set|put|mk|update <prefix>/config '<json>'`, flannel's config written to etcd, on any
/// line; and `etcdctl get <prefix>/config` followed by the JSON it printed. Both are etcd mode.
fn etcdctl_documents(text: &str, detected: &mut Detected) {
    let mut from = 0;
    while let Some(found) = text[from..].find("etcdctl ") {
        let at = from + found;
        from = at + "etcdctl ".len();
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let words: Vec<(usize, &str)> = text[from..line_end]
            .split(' ')
            .scan(from, |offset, word| {
                let start = *offset;
                *offset += word.len() + 1;
                Some((start, word))
            })
            .filter(|(_, word)| !word.is_empty())
            .collect();
        let Some(verb_at) = words
            .iter()
            .position(|(_, w)| matches!(*w, "set" | "put" | "mk" | "update" | "get"))
        else {
            continue;
        };
        let (verb_start, verb) = words[verb_at];
        let Some(&(_, key)) = words.get(verb_at + 1) else {
            continue;
        };
        if !key.trim_matches(['"', '\'']).ends_with("/config") {
            continue;
        }
        let document = if verb == "get" {
            printed_json(text, line_end)
        } else {
            let key_end = words[verb_at + 1].0 + key.len();
            single_quoted_json(text, key_end)
        };
        let Some((start, end)) = document else {
            continue;
        };
        let mut found = Found::new(DocumentKind::FlannelNetConf, at, end.max(start));
        found.net_conf = Some(Embedded {
            text: String::from(&text[start..end]),
            map: SourceMap::offset(start).limited_to(text.len()),
            exact: true,
        });
        if matches!(verb, "set" | "mk" | "update") {
            found.etcd_v2_write = Some(EtcdWrite {
                command: String::from(verb),
                start: verb_start,
                end: verb_start + verb.len(),
            });
        }
        detected.etcd_evidence.get_or_insert(EtcdEvidence {
            what: "etcdctl",
            kind: found.kind,
            start: found.start,
            end: found.end,
        });
        detected.documents.push(found);
        from = end.max(from);
    }
}

/// The JSON inside the single-quoted word after `from` (it may span lines): its byte range.
fn single_quoted_json(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let open = from + rest.find(|c: char| c != ' ' && c != '\t')?;
    if text.as_bytes().get(open) != Some(&b'\'') {
        return None;
    }
    let close = open + 1 + text[open + 1..].find('\'')?;
    let inner = &text[open + 1..close];
    inner
        .trim_start()
        .starts_with('{')
        .then_some((open + 1, close))
}

/// The JSON object printed on the lines after `etcdctl get …/config` (etcd v3 prints the key
/// first, then the value): from its `{` to the brace that closes it.
fn printed_json(text: &str, line_end: usize) -> Option<(usize, usize)> {
    let mut offset = (line_end + 1).min(text.len());
    let mut open = None;
    for line in text[offset..].split_inclusive('\n').take(3) {
        if line.trim_start().starts_with('{') {
            open = line.find('{').map(|brace| offset + brace);
            break;
        }
        offset += line.len();
    }
    let open = open?;
    json::object_end(text, open).map(|end| (open, end))
}

fn detect_json(
    text: &str,
    index: &LineIndex<'_>,
    at: usize,
    net_conf_keys: &[&str],
) -> Result<Detected, InputError> {
    let root = match json::parse(text) {
        Ok(root) => root,
        // Broken JSON that names flannel's keys is a net-conf.json with a syntax error: read it as
        // one, so the error is a finding at its line and column.
        Err(_) if FLANNEL_WORDS.iter().any(|word| text.contains(word)) => {
            let mut found = Found::new(DocumentKind::FlannelNetConf, at, text.trim_end().len());
            found.net_conf = Some(Embedded {
                text: String::from(text),
                map: SourceMap::offset(0).limited_to(text.len()),
                exact: true,
            });
            return Ok(Detected {
                documents: alloc::vec![found],
                ..Detected::default()
            });
        }
        Err(error) => {
            let span = index.span(error.offset, error.offset);
            return Err(InputError {
                kind: InputErrorKind::JsonSyntax(error.kind),
                span,
            });
        }
    };
    if root.members().is_none() {
        if let Some(what) = foreign_array(&root) {
            return Ok(Detected {
                foreign: Some(what),
                ..Detected::default()
            });
        }
        return Err(InputError {
            kind: InputErrorKind::JsonNotObject,
            span: index.span(at, at),
        });
    }
    let mut detected = Detected::default();
    let bare = |text: &str, node: &dyn KubeNode, detected: &mut Detected| {
        if let Some(node) = node.as_json() {
            bare_json(text, 0, node, detected, net_conf_keys);
        }
    };
    kube_object(text, &root, &mut detected, &bare);
    Ok(detected)
}

/// Words a flannel net-conf.json holds (with their quotes).
const FLANNEL_WORDS: [&str; 4] = [
    "\"Network\"",
    "\"Backend\"",
    "\"SubnetLen\"",
    "\"IPv6Network\"",
];

/// True when an object has one of `net_conf_keys`, or a typo of one (`networkProfile` contains
/// "network" but is not a typo of it).
fn has_flannel_key(node: &Node, net_conf_keys: &[&str]) -> bool {
    node.members()
        .unwrap_or_default()
        .iter()
        .any(|member| net_conf_keys.iter().any(|key| is_typo_of(&member.key, key)))
}

/// True when `written` is `known` or a typo of it: the same ignoring case, or within two edits
/// of a name longer than three letters. Stricter than flannel's `spelling::close` (no
/// containment), for telling flannel's JSON from other JSON.
fn is_typo_of(written: &str, known: &str) -> bool {
    let a = written.to_ascii_lowercase();
    let b = known.to_ascii_lowercase();
    a == b || (b.len() > 3 && crate::edit_distance::edit_distance(a.as_bytes(), b.as_bytes()) <= 2)
}

/// What a JSON object that is not flannel's looks like, from its keys.
fn foreign_object(node: &Node) -> &'static str {
    let has = |key: &str| node.get_ignore_case(key).is_some();
    let schema = node
        .get_ignore_case("$schema")
        .and_then(|m| m.value.as_str())
        .unwrap_or_default();
    if schema.contains("deploymentTemplate") {
        "an ARM template"
    } else if schema.contains("deploymentParameters") {
        "an ARM parameters file"
    } else if has("networkProfile") || has("agentPoolProfiles") {
        "az aks show output (a managed cluster: networkProfile, agentPoolProfiles)"
    } else if has("networkPlugin") || has("podCidr") || has("serviceCidr") {
        "an AKS networkProfile (az aks show --query networkProfile)"
    } else if has("addressSpace") || has("addressPrefix") || has("addressPrefixes") {
        "az network vnet or subnet output"
    } else {
        "a JSON object with none of flannel's keys (Network, Backend, SubnetLen, …)"
    }
}

/// What a JSON array is, when it is a known non-flannel listing.
fn foreign_array(root: &Node) -> Option<&'static str> {
    let json::Value::Array(items) = &root.value else {
        return None;
    };
    let first = items.first()?;
    let has = |key: &str| first.get_ignore_case(key).is_some();
    if has("agentPoolType") || has("vmSize") {
        Some("az aks nodepool list output")
    } else if has("networkProfile") {
        Some("az aks list output")
    } else {
        None
    }
}

/// One Kubernetes object of a JSON or YAML tree: the items of a `List`, a NetworkPolicy, a
/// flanneld DaemonSet (without `--kube-subnet-mgr`: etcd mode), and flannel's ConfigMap or its
/// `data` section alone. `kindless` reads any other object that says no `kind`.
fn kube_object(
    text: &str,
    node: &dyn KubeNode,
    detected: &mut Detected,
    kindless: &dyn Fn(&str, &dyn KubeNode, &mut Detected),
) {
    let kind = node.field("kind").and_then(|kind| kind.string());
    match kind {
        Some("List") => {
            let items = node.field("items");
            let items = (0..).map_while(|index| items.and_then(|items| items.item(index)));
            for item in items {
                kube_object(text, item, detected, kindless);
            }
        }
        Some("NetworkPolicy") => detected.documents.push(Found::new(
            DocumentKind::NetworkPolicy,
            node.start(),
            node.end(),
        )),
        Some("DaemonSet") => {
            let source = text.get(node.start()..node.end()).unwrap_or_default();
            if source.contains("flanneld") && !source.contains("--kube-subnet-mgr") {
                detected.etcd_evidence.get_or_insert(EtcdEvidence {
                    what: "flanneld DaemonSet",
                    kind: DocumentKind::FlannelDaemonSet,
                    start: node.start(),
                    end: node.end(),
                });
            }
        }
        Some("ConfigMap") | None => match config_map::read(text, node, kind) {
            Some(data) => {
                let mut found =
                    Found::new(DocumentKind::FlannelConfigMap, node.start(), node.end());
                found.net_conf = data.net_conf;
                found.cni_conf = data.cni_conf;
                found.not_strings = data.not_strings;
                found.namespace = data.namespace;
                detected.documents.push(found);
            }
            None if kind.is_none() => kindless(text, node, detected),
            None => {}
        },
        Some(_) => {}
    }
}

/// A JSON object that says no `kind` and holds no ConfigMap data: a bare `net-conf.json` or
/// `cni-conf.json`, or something that is not flannel's. `node` was parsed from the text at
/// `base` of `text`.
fn bare_json(
    text: &str,
    base: usize,
    node: &Node,
    detected: &mut Detected,
    net_conf_keys: &[&str],
) {
    if !is_cni_conf(node) && !has_flannel_key(node, net_conf_keys) {
        detected.foreign = Some(foreign_object(node));
        return;
    }
    let document_kind = if is_cni_conf(node) {
        DocumentKind::FlannelCniConf
    } else {
        DocumentKind::FlannelNetConf
    };
    let (start, end) = (base + node.start, base + node.end);
    let mut found = Found::new(document_kind, start, end);
    let inner = Embedded {
        text: String::from(&text[start..end]),
        map: SourceMap::offset(start).limited_to(text.len()),
        exact: true,
    };
    if document_kind == DocumentKind::FlannelCniConf {
        found.cni_conf = Some(inner);
    } else {
        found.net_conf = Some(inner);
    }
    detected.documents.push(found);
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
        // The command that printed the file (`$ cat /run/flannel/subnet.env`, with a prompt).
        if stripped.contains("subnet.env") && !stripped.starts_with("FLANNEL_") {
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
    // A transcript or a runbook: the pieces between other text that parse; a piece that is
    // clearly a Kubernetes object and does not parse is still an error.
    let wanted = |piece: &str| piece.contains("kind:") || piece.contains("net-conf.json");
    let documents = match yaml::parse_pieces(text, &wanted) {
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
            let kind = if error.message.contains("refused") {
                InputErrorKind::YamlRefused {
                    reason: error.message,
                }
            } else {
                InputErrorKind::YamlSyntax {
                    reason: error.message,
                }
            };
            return Err(InputError { kind, span });
        }
    };
    let mut detected = Detected::default();
    let mut objects = Vec::new();
    for document in &documents {
        kube_object(text, &document.root, &mut detected, &|_, _, _| {});
        manifest_objects(&document.root, &mut objects);
    }
    manifest_checks(&objects, &mut detected);
    Ok(detected)
}

/// The Kubernetes objects of a stream: each document, and each item of a `List`.
#[cfg(feature = "std")]
fn manifest_objects<'n>(node: &'n crate::yaml::Node, objects: &mut Vec<&'n crate::yaml::Node>) {
    match node.get("kind").and_then(|k| k.as_str()) {
        Some("List") => {
            for item in node.get("items").map(|i| i.items()).unwrap_or_default() {
                manifest_objects(item, objects);
            }
        }
        Some(_) => objects.push(node),
        None => {}
    }
}

/// API versions Kubernetes no longer serves: (apiVersion, kinds or `*`, removed in, use instead).
/// Source: Kubernetes "Deprecated API Migration Guide".
#[cfg(feature = "std")]
const REMOVED_APIS: [(&str, &[&str], &str, &str); 7] = [
    (
        "extensions/v1beta1",
        &["*"],
        "1.16 (Ingress 1.22)",
        "apps/v1 (networking.k8s.io/v1 for NetworkPolicy and Ingress)",
    ),
    ("apps/v1beta1", &["*"], "1.16", "apps/v1"),
    ("apps/v1beta2", &["*"], "1.16", "apps/v1"),
    (
        "rbac.authorization.k8s.io/v1beta1",
        &["*"],
        "1.22",
        "rbac.authorization.k8s.io/v1",
    ),
    (
        "apiextensions.k8s.io/v1beta1",
        &["*"],
        "1.22",
        "apiextensions.k8s.io/v1",
    ),
    (
        "policy/v1beta1",
        &["PodSecurityPolicy"],
        "1.25",
        "nothing: PodSecurityPolicy is gone; use Pod Security Admission",
    ),
    (
        "policy/v1beta1",
        &["PodDisruptionBudget"],
        "1.25",
        "policy/v1",
    ),
];

/// The manifest-level checks: API versions Kubernetes removed, and ConfigMaps a flanneld
/// container mounts without a `net-conf.json`.
#[cfg(feature = "std")]
fn manifest_checks(objects: &[&crate::yaml::Node], detected: &mut Detected) {
    let flannel_paste = !detected.documents.is_empty()
        || objects
            .iter()
            .any(|object| mounts_flannel_config(object).is_some());
    if !flannel_paste {
        return;
    }
    for object in objects {
        let kind = object
            .get("kind")
            .and_then(|k| k.as_str())
            .unwrap_or_default();
        let Some(version) = object.get("apiVersion") else {
            continue;
        };
        let Some(written) = version.as_str() else {
            continue;
        };
        let removed = REMOVED_APIS.iter().find(|(api, kinds, _, _)| {
            *api == written && (kinds.contains(&"*") || kinds.contains(&kind))
        });
        if let Some((_, _, removed_in, replacement)) = removed {
            detected.removed_apis.push(RemovedApi {
                kind: String::from(kind),
                api_version: String::from(written),
                removed_in,
                replacement,
                start: version.start,
                end: version.end,
            });
        }
    }
    for object in objects {
        let Some(name) = mounts_flannel_config(object) else {
            continue;
        };
        let config_map = objects.iter().find(|candidate| {
            candidate.get("kind").and_then(|k| k.as_str()) == Some("ConfigMap")
                && candidate
                    .get("metadata")
                    .and_then(|m| m.get("name"))
                    .and_then(|n| n.as_str())
                    == Some(name)
        });
        let Some(config_map) = config_map else {
            continue;
        };
        let has_net_conf = config_map
            .field("data")
            .and_then(|data| data.map_value(crate::config_map::NET_CONF_KEY))
            .is_some();
        if has_net_conf {
            continue;
        }
        if !detected
            .documents
            .iter()
            .any(|found| found.start == config_map.start)
        {
            detected.documents.push(Found::new(
                DocumentKind::FlannelConfigMap,
                config_map.start,
                config_map.end,
            ));
        }
        detected
            .missing_net_conf
            .push((String::from(name), config_map.start, config_map.end));
    }
}

/// The ConfigMap a workload's flanneld container mounts at /etc/kube-flannel/ (where flanneld
/// reads net-conf.json by default), by the volume that backs that mount.
#[cfg(feature = "std")]
fn mounts_flannel_config(object: &crate::yaml::Node) -> Option<&str> {
    let pod = object.get("spec")?.get("template")?.get("spec")?;
    let container = pod.get("containers")?.items().iter().find(|container| {
        let image = container
            .get("image")
            .and_then(|i| i.as_str())
            .unwrap_or_default();
        image.contains("flannel")
            && container
                .get("command")
                .map(|c| {
                    c.items()
                        .iter()
                        .any(|w| w.as_str().is_some_and(|w| w.contains("flanneld")))
                })
                .unwrap_or(false)
    })?;
    let volume = container
        .get("volumeMounts")?
        .items()
        .iter()
        .find(|mount| {
            mount
                .get("mountPath")
                .and_then(|p| p.as_str())
                .is_some_and(|path| path.trim_end_matches('/') == "/etc/kube-flannel")
        })?
        .get("name")?
        .as_str()?;
    pod.get("volumes")?
        .items()
        .iter()
        .find(|v| v.get("name").and_then(|n| n.as_str()) == Some(volume))?
        .get("configMap")?
        .get("name")?
        .as_str()
}

#[cfg(not(feature = "std"))]
fn detect_yaml(_text: &str, _index: &LineIndex<'_>) -> Result<Detected, InputError> {
    Ok(Detected::default())
}
