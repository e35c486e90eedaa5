//! Flannel: reading every form of flannel config in a paste and the rules that check it.
//!
//! [`analyze`] asks [`crate::detect`] for the flannel documents (bare net-conf.json or cni-conf.json,
//! subnet.env, the kube-flannel-cfg ConfigMap in YAML or JSON, NetworkPolicy objects), parses each
//! embedded `net-conf.json` with a source map back to the paste, and runs the rules; rule modules
//! hold one rule or one family each and document what they check, why, the fix and the source.

mod addresses;
mod backend;
mod capacity;
mod cni_conf;
mod etcd;
mod go_types;
mod keys;
mod kube_mode;
mod manifest;
mod mtu;
mod mtu_rules;
pub(crate) mod netconf;
mod policy;
mod rule;
pub mod rules;
mod steps;
mod subnet_env;
mod validation;
mod value_types;

pub use capacity::node_prefix;
pub use keys::{is_typo_of, TOP_LEVEL as TOP_LEVEL_KEYS};
pub use mtu::{overhead, ping_pair};
pub use netconf::{Field, NetConf};
pub use rule::Mode;

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::context::Context;
use crate::detect::{self, Found};
use crate::embed::{Embedded, SourceMap};
use crate::emit::Emitter;
use crate::finding::{Finding, Severity};
use crate::json::{self, Node};
use crate::model::{self, Origin};
use crate::redact::Redaction;
use crate::report::{
    AreaOutcome, Capacity, Document, DocumentKind, InputError, InputErrorKind, MtuReport,
};
use crate::span::LineIndex;

/// Rules whose fixes rewrite Network (the rollout then involves `--cluster-cidr`).
const NETWORK_RULES: [RuleId; 5] = [
    RuleId::FlannelNodeCapacity,
    RuleId::FlannelClusterCidr,
    RuleId::FlannelNetworkOverlap,
    RuleId::FlannelNetworkHostBits,
    RuleId::FlannelNetworkMissing,
];
/// Rules whose fixes change an MTU.
const MTU_RULES: [RuleId; 3] = [
    RuleId::FlannelBackendMtu,
    RuleId::FlannelAzureVnetMtu,
    RuleId::FlannelDelegateMtu,
];

/// Finds every flannel document in `text` and checks it.
pub fn analyze(text: &str, index: &LineIndex<'_>, context: &Context) -> AreaOutcome {
    analyze_redacted(text, index, context, &[])
}

/// [`analyze`] with what redaction replaced, so that rules judging a secret (the ipsec PSK
/// length) can use the recorded length instead of the placeholder's.
pub fn analyze_redacted(
    text: &str,
    index: &LineIndex<'_>,
    context: &Context,
    redactions: &[Redaction],
) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    // A template (Helm, Jinja) is read with its tags blanked out, at the same offsets.
    let neutral = crate::template::neutralize(text).map(|neutral| {
        // In a bare JSON document a bare `{{ value }}` stands where a JSON value belongs.
        if neutral.trim_start().starts_with('{') {
            crate::template::quote_bare_placeholders(&neutral).unwrap_or(neutral)
        } else {
            neutral
        }
    });
    let templated = neutral.is_some();
    let text = neutral.as_deref().unwrap_or(text);
    let detected = match detect::detect(text, index) {
        Ok(detected) => detected,
        Err(error) => {
            outcome.input_error = Some(error);
            return outcome;
        }
    };
    if let (true, Some(what)) = (detected.documents.is_empty(), detected.foreign) {
        // JSON that is not flannel's is never "fixed" into a flannel config: say what it is.
        let at = text.len() - text.trim_start().len();
        outcome.input_error = Some(InputError {
            kind: InputErrorKind::ForeignJson { looks_like: what },
            span: index.span(at, at),
        });
        return outcome;
    }
    {
        let whole = SourceMap::offset(0);
        let mut out = Emitter::new(index, &whole, &mut outcome.findings);
        manifest::check(&detected, &mut out);
        for found in &detected.documents {
            if let Some(write) = &found.etcd_v2_write {
                etcd::check(write, &mut out);
            }
        }
    }
    let shown = if detected.etcd_daemonset {
        Mode::Etcd
    } else if detected
        .documents
        .iter()
        .any(|found| found.kind == DocumentKind::FlannelConfigMap)
        || context.cluster_cidr.is_some()
        || context.node_cidr_mask_size.is_some()
    {
        // A ConfigMap is how kube mode (the official manifest) gets its net-conf.json, and
        // --cluster-cidr / --node-cidr-mask-size are kube-controller-manager's, which only kube
        // mode uses.
        Mode::Kube
    } else {
        Mode::Unknown
    };
    let mode = Mode::of(context.subnet_manager, shown);
    let mut later: Vec<(&Found, Option<Node>)> = Vec::new();
    let mut namespace = None;
    let mut mtu_after_fixes: Option<MtuReport> = None;
    for found in &detected.documents {
        outcome.documents.push(Document {
            kind: found.kind,
            span: index.span(found.start, found.end),
        });
        let whole = SourceMap::offset(0);
        let mut findings = Vec::new();
        let mut out = Emitter::new(index, &whole, &mut findings);
        for value in &found.not_strings {
            out.report(Draft { rule: RuleId::FlannelConfigmapValueNotString, severity: Severity::Error, at: (value.start, value.end), message: format!("{} must be a string: write it as a block scalar (`{}: |`)", value.key, value.key), why: String::from("ConfigMap data values are strings; written without `|` the JSON becomes a YAML mapping and the API server rejects the ConfigMap (\"cannot unmarshal object into Go struct field ConfigMap.data of type string\")."), fix: None });
        }
        if found.kind == DocumentKind::NetworkPolicy {
            policy::check(found.start, found.end, &mut out);
        }
        outcome.findings.extend(findings);
        if found.namespace.is_some() {
            namespace.clone_from(&found.namespace);
        }
        let origin = Origin::Document {
            kind: found.kind,
            document: index.span(found.start, found.end),
        };
        if !found.env.is_empty() {
            outcome
                .model
                .extend(model::read_subnet_env(&found.env, index, &origin));
        }
        if let Some(inner) = &found.net_conf {
            if let Some(root) = parse_inner(inner, "net-conf.json", index, templated, &mut outcome)
            {
                let conf = NetConf::read(&root);
                outcome
                    .model
                    .extend(model::read_net_conf(&conf, &inner.map, index, &origin));
                let checked = check_net_conf(
                    &root,
                    &inner.text,
                    &inner.map,
                    index,
                    context,
                    mode,
                    redactions,
                );
                let mut findings = checked.findings;
                if !inner.exact {
                    withhold_fixes(&mut findings);
                }
                outcome.findings.extend(findings);
                outcome.capacity = outcome.capacity.take().or(checked.capacity);
                outcome.mtu = outcome.mtu.take().or(checked.mtu);
                mtu_after_fixes = mtu_after_fixes.take().or(checked.mtu_after_fixes);
            }
        }
        if let Some(inner) = &found.cni_conf {
            if let Some(root) = parse_inner(inner, "cni-conf.json", index, templated, &mut outcome)
            {
                if let Some(mtu) = mtu_rules::delegate_mtu(&root) {
                    outcome
                        .model
                        .extend(model::read_cni_conf(mtu, &inner.map, index, &origin));
                }
                later.push((found, Some(root)));
            }
        }
        if !found.env.is_empty() {
            later.push((found, None));
        }
    }
    let assumed = outcome.mtu.is_none();
    let mtu = mtu_after_fixes.unwrap_or_else(|| assumed_mtu(context));
    // The first pod MTU the paste sets explicitly, for the packet picture.
    let mut configured: Option<(u32, &str)> = None;
    for (found, root) in later {
        let mut findings = Vec::new();
        let read = match (root, &found.cni_conf) {
            (Some(root), Some(inner)) => {
                let mut out = Emitter::new(index, &inner.map, &mut findings);
                cni_conf::check(&root, &inner.text, &mut out);
                let value = mtu_rules::check_delegate(&root, &mtu, assumed, &mut out);
                if !inner.exact {
                    withhold_fixes(&mut findings);
                }
                value.map(|v| (v, "cni-conf.json delegate mtu"))
            }
            _ => {
                let whole = SourceMap::offset(0);
                let mut out = Emitter::new(index, &whole, &mut findings);
                subnet_env::check(&found.env, &mut out);
                mtu_rules::check_subnet_env(&found.env, &mtu, assumed, &mut out)
                    .map(|v| (v, "FLANNEL_MTU"))
            }
        };
        configured = configured.or(read);
        outcome.findings.extend(findings);
    }
    if let Some((value, source)) = configured {
        // With no net-conf.json in the paste, the picture compares the pod MTU it sets with the
        // assumed vxlan over the context's underlay (its `underlay_source` says so).
        let report = outcome.mtu.get_or_insert(mtu);
        report.configured_pod_mtu = Some(value);
        report.configured_source = Some(String::from(source));
    }
    let fixed_rules: Vec<RuleId> = outcome
        .findings
        .iter()
        .filter(|f| f.fix.is_some())
        .map(|f| f.rule)
        .collect();
    if !fixed_rules.is_empty() {
        let network_changed = fixed_rules.iter().any(|r| NETWORK_RULES.contains(r));
        let mtu_changed = fixed_rules.iter().any(|r| MTU_RULES.contains(r));
        outcome.next_steps = steps::rollout(
            namespace.as_deref(),
            mode.manager(),
            network_changed,
            mtu_changed,
        );
    }
    outcome
}

/// The MTU picture when only a cni-conf.json or subnet.env was pasted: the official manifest's
/// vxlan over the context's underlay.
fn assumed_mtu(context: &Context) -> MtuReport {
    let underlay = context.underlay_mtu();
    MtuReport {
        backend: String::from("vxlan"),
        underlay,
        underlay_source: String::from("assumed: official manifest, vxlan"),
        overhead: 50,
        pod_mtu: underlay.saturating_sub(50),
        configured_pod_mtu: None,
        configured_source: None,
    }
}

/// Parses an embedded JSON text; a syntax error becomes an error finding and the area's input
/// error, both at the exact line and column of the paste.
fn parse_inner(
    inner: &Embedded,
    what: &'static str,
    index: &LineIndex<'_>,
    templated: bool,
    outcome: &mut AreaOutcome,
) -> Option<Node> {
    let at = |offset: usize| {
        let at = inner.map.outer(offset.min(inner.text.len()));
        index.span(at, at)
    };
    if templated && crate::placeholder::is_placeholder(&inner.text) {
        outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Info, message: format!("{what} is set by a template, so it is not checked"), span: at(0), explanation: String::from("A template tag inserts the whole document when the chart is rendered. Render it (helm template) or read it from the cluster (kubectl get cm -o yaml) and paste the result to check it."), fix: None });
        return None;
    }
    if crate::placeholder::is_hand_redacted(&inner.text) {
        outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Info, message: format!("{what} was left out of the paste (\"{}\"), so it is not checked", inner.text.trim()), span: at(0), explanation: String::from("The value stands in for the real document (someone redacted it before posting). Paste the document itself to check it."), fix: None });
        return None;
    }
    let parsed = json::parse(&inner.text);
    let parsed = match (parsed, templated) {
        (Err(_), true) => {
            // A template's bare `{{ value }}` became underscores: read them as string placeholders.
            let quoted = crate::template::quote_bare_placeholders(&inner.text);
            match quoted.as_deref().map(json::parse) {
                Some(Ok(root)) => Ok(root),
                _ => {
                    outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Info, message: format!("{what} is a template that is JSON only once rendered, so it is not checked"), span: at(0), explanation: String::from("Template tags ({{ … }}, {% … %}) decide what the document holds (conditionals, values inserted as JSON). Render it (helm template, ansible --check, or read it from the cluster with kubectl get cm -o yaml) and paste the result to check it."), fix: None });
                    return None;
                }
            }
        }
        (parsed, _) => parsed,
    };
    let (offset, kind) = match parsed {
        Ok(root) if root.members().is_some() => return Some(root),
        Ok(root) => (
            root.start,
            InputErrorKind::EmbeddedJsonNotObject {
                document: what,
                found: root.type_name(),
            },
        ),
        Err(error) => (
            error.offset,
            InputErrorKind::EmbeddedJsonSyntax {
                document: what,
                error: error.kind,
            },
        ),
    };
    let span = at(offset);
    let message = format!("{kind} (line {}, column {})", span.line, span.column);
    outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Error, message, span, explanation: String::from("flanneld reads this text with Go's encoding/json and exits at start-up when it does not parse (\"failed to parse network config\")."), fix: None });
    outcome.input_error.get_or_insert(InputError { kind, span });
    None
}

fn withhold_fixes(findings: &mut [Finding]) {
    for finding in findings {
        if finding.fix.take().is_some() {
            finding.explanation.push_str(" (podnet could not map this scalar's bytes exactly, so it shows no automatic fix.)");
        }
    }
}

/// What checking one `net-conf.json` produced.
#[derive(Debug, Clone, Default)]
pub struct NetConfOutcome {
    /// Findings, spans already in the analysed text.
    pub findings: Vec<Finding>,
    /// Capacity numbers, when `Network` could be read.
    pub capacity: Option<Capacity>,
    /// MTU numbers for the backend.
    pub mtu: Option<MtuReport>,
    /// The MTU picture after this config's own fixes (see `mtu_rules::after_fixes`).
    pub mtu_after_fixes: Option<MtuReport>,
}

/// Checks the `net-conf.json` whose JSON is `json` (parsed from `text`), with inner offsets mapped by `map` into
/// `index`'s text, in subnet-manager mode `mode`; `redactions` are what redaction replaced.
pub fn check_net_conf(
    json: &Node,
    text: &str,
    map: &SourceMap,
    index: &LineIndex<'_>,
    context: &Context,
    mode: Mode,
    redactions: &[Redaction],
) -> NetConfOutcome {
    let conf = NetConf::read(json);
    let mtu = mtu::compute(&conf, context);
    let mut findings = Vec::new();
    let mut out = Emitter::new(index, map, &mut findings);
    let check = rule::Check {
        conf: &conf,
        text,
        context,
        mode,
        mtu: &mtu,
        redactions,
    };
    value_types::check(&check, &mut out);
    validation::check(&check, &mut out);
    kube_mode::check(&check, &mut out);
    let capacity = capacity::check(&conf, context, mode, &mut out);
    addresses::check(&check, &mut out);
    backend::check(&check, &mut out);
    // A backend a template decides has no known overhead: no MTU picture, no MTU rules.
    let backend_known = !conf.is_opaque("Backend") && !conf.is_opaque("Backend.Type");
    if backend_known {
        mtu_rules::check(&check, &mut out);
        mtu_rules::ipv6_overhead(&check, &mut out);
    }
    keys::check(&check, &mut out);
    let after = mtu_rules::after_fixes(&check);
    NetConfOutcome {
        findings,
        capacity,
        mtu_after_fixes: backend_known.then_some(after),
        mtu: backend_known.then_some(mtu),
    }
}
