//! Flannel: reading every form of flannel config in a paste and the rules that check it.
//!
//! [`analyze`] asks [`crate::detect`] for the flannel documents (bare net-conf.json or cni-conf.json,
//! subnet.env, the kube-flannel-cfg ConfigMap in YAML or JSON, NetworkPolicy objects), parses each
//! embedded `net-conf.json` with a source map back to the paste, and runs the rules in a fixed
//! order. Each rule is one file, `rules/<rule_name>.rs`: its declaration (id, severity, what it
//! checks, why, the fix, the upstream source) and its `check`. The other modules here are what
//! the rules share: reading the config, the mode, names and spellings, and the corrected values
//! the fixes write; a rule file never imports another rule file.

mod address_space;
mod backend_names;
mod cni_delegate;
mod etcd_subnets;
mod go_types;
mod inputs;
mod json_edit;
mod keys;
mod mode;
mod model_reader;
mod mtu;
mod mtu_fixes;
pub(crate) mod netconf;
mod network_fit;
pub(crate) mod node_ranges;
mod pool;
pub mod rules;
mod spelling;
mod steps;
mod underlay;

pub use keys::TOP_LEVEL as TOP_LEVEL_KEYS;
pub use mode::Mode;
pub use mtu::{overhead, ping_pair};
pub use netconf::{Field, NetConf};
pub use node_ranges::{pod_addresses, reserved_words};
pub use underlay::Underlay;

use crate::rules::RuleId;
use alloc::string::String;
use alloc::vec::Vec;

use crate::context::Context;
use crate::detect;
use crate::embed::SourceMap;
use crate::emit::Emitter;
use crate::finding::Finding;
use crate::json::Node;
use crate::model::{ClusterModel, Origin};
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

/// The flannel rules that run once on the whole cluster model, after every document and the
/// context stated their values: each net-conf.json's pool against the node masks, cluster
/// CIDRs, node count and max pods, whoever stated them; every node range against flannel's
/// Network. Returns the capacity numbers of the first net-conf.json's pool, for the target node
/// count the model states.
pub fn check_model(model: &ClusterModel, findings: &mut Vec<Finding>) -> Option<Capacity> {
    let pools = pool::pools(model, Mode::of_model(model));
    for pool in &pools {
        rules::cluster_cidr::check(pool, model, findings);
        rules::node_mask::check(pool, model, findings);
        rules::node_capacity::check(pool, model, findings);
        rules::capacity::check(pool, findings);
        rules::max_pods::check(pool, findings);
        rules::network_host_bits::check(pool, findings);
        rules::network_overlap::check(pool, model, findings);
        rules::network_reserved::check(pool, model, findings);
        rules::public_network::check(pool, model, findings);
    }
    rules::cluster_cidr::check_node_ranges(model, findings);
    rules::lease_public_ip::check(model, findings);
    rules::lease_incompatible::check(model, findings);
    rules::stale_lease::check(model, findings);
    let first = pools.first()?;
    first.capacity(first.target.map(|stated| stated.value))
}

/// What to run after applying the fixes of flannel's rules among `findings`: apply the
/// ConfigMap in `namespace` and restart flanneld, and what a new Network or MTU needs too.
pub fn next_steps(
    findings: &[Finding],
    namespace: Option<&str>,
    model: &ClusterModel,
) -> Vec<String> {
    let fixed_rules: Vec<RuleId> = findings
        .iter()
        .filter(|f| f.fix.is_some() && f.rule.area_name() == crate::rules::Area::Flannel.as_str())
        .map(|f| f.rule)
        .collect();
    if fixed_rules.is_empty() {
        return Vec::new();
    }
    let network_changed = fixed_rules.iter().any(|r| NETWORK_RULES.contains(r));
    let mtu_changed = fixed_rules.iter().any(|r| MTU_RULES.contains(r));
    let manager = Mode::of_model(model).manager();
    steps::rollout(namespace, manager, network_changed, mtu_changed)
}

/// Finds every flannel document in `text` and checks it: the flannel area alone, with the
/// context as the only other source (tests use it; an analysis reads every area first, see
/// [`crate::analyze`]).
pub fn analyze(text: &str, index: &LineIndex<'_>, context: &Context) -> AreaOutcome {
    let (mut outcome, read) = read(text, index);
    let mut model = outcome.model.clone();
    crate::model::read_context(context, &mut model);
    let checked = check(&read, index, &model, &[]);
    outcome.findings.extend(checked.findings);
    outcome.mtu = checked.mtu;
    let mut findings = Vec::new();
    outcome.capacity = check_model(&model, &mut findings);
    outcome.findings.extend(findings);
    outcome
}

/// flannel's documents as [`read`] found and parsed them, for [`check`].
#[derive(Debug, Default)]
pub struct FlannelRead {
    detected: detect::Detected,
    /// Per document of `detected`, in order: its net-conf.json and cni-conf.json, parsed.
    parsed: Vec<Parsed>,
}

#[derive(Debug, Default)]
struct Parsed {
    net_conf: Option<NetConf>,
    cni_conf: Option<Node>,
}

impl FlannelRead {
    /// Adds what another part of the paste read (another file of one analysis) after this.
    pub fn extend(&mut self, other: FlannelRead) {
        let (mine, theirs) = (&mut self.detected, other.detected);
        mine.documents.extend(theirs.documents);
        mine.etcd_evidence = mine.etcd_evidence.or(theirs.etcd_evidence);
        mine.removed_apis.extend(theirs.removed_apis);
        mine.missing_net_conf.extend(theirs.missing_net_conf);
        mine.foreign = mine.foreign.or(theirs.foreign);
        self.parsed.extend(other.parsed);
    }
}

/// Finds every flannel document in `text` (see [`crate::detect`]) and reads it: the documents,
/// the findings about how they are written (manifest API versions, a missing net-conf.json,
/// JSON syntax, values that are not strings), the namespace, and the values each states into
/// the model. [`check`] runs the other rules once the model is whole.
pub fn read(text: &str, index: &LineIndex<'_>) -> (AreaOutcome, FlannelRead) {
    let mut outcome = AreaOutcome::default();
    let mut read = FlannelRead::default();
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
    let detected = match detect::detect(text, index, &TOP_LEVEL_KEYS) {
        Ok(detected) => detected,
        Err(error) => {
            outcome.input_error = Some(error);
            return (outcome, read);
        }
    };
    if let (true, Some(what)) = (detected.documents.is_empty(), detected.foreign) {
        // JSON that is not flannel's is never "fixed" into a flannel config: say what it is.
        let at = text.len() - text.trim_start().len();
        outcome.input_error = Some(InputError {
            kind: InputErrorKind::ForeignJson { looks_like: what },
            span: index.span(at, at),
        });
        return (outcome, read);
    }
    {
        let whole = SourceMap::offset(0);
        let mut out = Emitter::new(index, &whole, &mut outcome.findings);
        rules::manifest_api::check(&detected, &mut out);
        rules::net_conf_missing::check(&detected, &mut out);
        for found in &detected.documents {
            if let Some(write) = &found.etcd_v2_write {
                rules::etcd_v2_store::check(write, &mut out);
            }
        }
    }
    model_reader::read_mode_evidence(&detected, index, &mut outcome.model);
    for found in &detected.documents {
        let document = index.span(found.start, found.end);
        outcome.documents.push(Document {
            kind: found.kind,
            span: document,
        });
        let whole = SourceMap::offset(0);
        let mut findings = Vec::new();
        let mut out = Emitter::new(index, &whole, &mut findings);
        rules::configmap_value_not_string::check(&found.not_strings, &mut out);
        if found.kind == DocumentKind::NetworkPolicy {
            rules::network_policy_not_enforced::check(found.start, found.end, &mut out);
        }
        outcome.findings.extend(findings);
        if found.namespace.is_some() {
            outcome.namespace.clone_from(&found.namespace);
        }
        let origin = Origin::Document {
            kind: found.kind,
            document,
        };
        if !found.env.is_empty() {
            model_reader::read_subnet_env(&found.env, index, &origin, &mut outcome.model);
        }
        let mut parsed = Parsed::default();
        if let Some(inner) = &found.net_conf {
            let syntax = rules::net_conf_syntax::check;
            if let Some(root) = syntax(inner, "net-conf.json", index, templated, &mut outcome) {
                let conf = NetConf::read(&root);
                let map = (&inner.map, inner.exact);
                model_reader::read_net_conf(&conf, map, index, &origin, &mut outcome.model);
                parsed.net_conf = Some(conf);
            }
        }
        if let Some(inner) = &found.cni_conf {
            let syntax = rules::net_conf_syntax::check;
            if let Some(root) = syntax(inner, "cni-conf.json", index, templated, &mut outcome) {
                if let Some(mtu) = cni_delegate::delegate_mtu(&root) {
                    let model = &mut outcome.model;
                    model_reader::read_cni_conf(mtu, &inner.map, index, &origin, model);
                }
                parsed.cni_conf = Some(root);
            }
        }
        read.parsed.push(parsed);
    }
    read.detected = detected;
    (outcome, read)
}

/// Runs the rules over each document [`read`] read, against the whole `model` (the mode, the
/// platform and underlay it states): each net-conf.json's keys, backend and MTU, then each
/// cni-conf.json's and subnet.env's against the MTU the configs give. `redactions` are what
/// redaction replaced (the ipsec PSK's length). Returns the findings and the MTU picture.
pub fn check(
    read: &FlannelRead,
    index: &LineIndex<'_>,
    model: &ClusterModel,
    redactions: &[Redaction],
) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    let mode = Mode::of_model(model);
    let underlay = Underlay::of(model);
    let documents = read.detected.documents.iter().zip(&read.parsed);
    let mut mtu_after_fixes: Option<MtuReport> = None;
    for (found, parsed) in documents.clone() {
        let (Some(inner), Some(conf)) = (&found.net_conf, &parsed.net_conf) else {
            continue;
        };
        let inputs = Inputs {
            model,
            underlay,
            mode,
            redactions,
        };
        let checked = check_net_conf(conf, &inner.text, &inner.map, index, &inputs);
        let mut findings = checked.findings;
        if !inner.exact {
            withhold_fixes(&mut findings);
        }
        outcome.findings.extend(findings);
        outcome.mtu = outcome.mtu.take().or(checked.mtu);
        mtu_after_fixes = mtu_after_fixes.take().or(checked.mtu_after_fixes);
    }
    let assumed = outcome.mtu.is_none();
    let mtu = mtu_after_fixes.unwrap_or_else(|| assumed_mtu(&underlay));
    // The first pod MTU the paste sets explicitly, for the packet picture.
    let mut configured: Option<(u32, &str)> = None;
    for (found, parsed) in documents {
        let mut findings = Vec::new();
        if let (Some(root), Some(inner)) = (&parsed.cni_conf, &found.cni_conf) {
            let mut out = Emitter::new(index, &inner.map, &mut findings);
            rules::cni_version::check(root, &inner.text, &mut out);
            let value = rules::delegate_mtu::check(root, &mtu, assumed, &mut out);
            if !inner.exact {
                withhold_fixes(&mut findings);
            }
            configured = configured.or(value.map(|v| (v, "cni-conf.json delegate mtu")));
        }
        if !found.env.is_empty() {
            let whole = SourceMap::offset(0);
            let mut out = Emitter::new(index, &whole, &mut findings);
            rules::subnet_env_value::check(&found.env, &mut out);
            let value = rules::subnet_env_mtu::check(&found.env, &mtu, assumed, &mut out);
            configured = configured.or(value.map(|v| (v, "FLANNEL_MTU")));
        }
        outcome.findings.extend(findings);
    }
    if let Some((value, source)) = configured {
        // With no net-conf.json in the paste, the picture compares the pod MTU it sets with the
        // assumed vxlan over the context's underlay (its `underlay_source` says so).
        let report = outcome.mtu.get_or_insert(mtu);
        report.configured_pod_mtu = Some(value);
        report.configured_source = Some(String::from(source));
    }
    outcome
}

/// The MTU picture when only a cni-conf.json or subnet.env was pasted: the official manifest's
/// vxlan over the model's underlay.
fn assumed_mtu(underlay: &Underlay) -> MtuReport {
    let underlay = underlay.mtu_or_default();
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

fn withhold_fixes(findings: &mut [Finding]) {
    for finding in findings {
        if finding.fix.take().is_some() {
            finding.explanation.push_str(crate::model::UNMAPPED_NOTE);
        }
    }
}

/// What checking one `net-conf.json` produced.
#[derive(Debug, Clone, Default)]
pub struct NetConfOutcome {
    /// Findings, spans already in the analysed text.
    pub findings: Vec<Finding>,
    /// MTU numbers for the backend.
    pub mtu: Option<MtuReport>,
    /// The MTU picture after this config's own fixes (see `mtu_rules::after_fixes`).
    pub mtu_after_fixes: Option<MtuReport>,
}

/// What checking a `net-conf.json` reads besides the config: the whole model, the underlay and
/// mode it gives, and what redaction replaced.
pub struct Inputs<'a> {
    /// Every value the paste and the context state.
    pub model: &'a ClusterModel,
    /// The platform and underlay MTU the model states.
    pub underlay: Underlay,
    /// The subnet manager the model shows.
    pub mode: Mode,
    /// What redaction replaced (placeholders and the secrets' lengths, never the values).
    pub redactions: &'a [Redaction],
}

/// Checks the `net-conf.json` read as `conf` (parsed from `text`), with inner offsets mapped by
/// `map` into `index`'s text.
pub fn check_net_conf(
    conf: &NetConf,
    text: &str,
    map: &SourceMap,
    index: &LineIndex<'_>,
    inputs: &Inputs<'_>,
) -> NetConfOutcome {
    let mtu = mtu::compute(conf, &inputs.underlay);
    let mut findings = Vec::new();
    let mut out = Emitter::new(index, map, &mut findings);
    let check = inputs::Check {
        conf,
        text,
        model: inputs.model,
        underlay: inputs.underlay,
        mode: inputs.mode,
        mtu: &mtu,
        redactions: inputs.redactions,
    };
    rules::value_type::check(&check, &mut out);
    // flannel's own validation (config.go's CheckNetworkConfig).
    rules::network_missing::check(&check, &mut out);
    rules::subnet_len::check(&check, &mut out);
    rules::subnet_min_max::check(&check, &mut out);
    rules::ipv6_network::check(&check, &mut out);
    // What the kube subnet manager does with the config.
    rules::kube_mode_ignored_key::check(&check, &mut out);
    // Node ranges and pod addresses: `check_model`'s, on the whole model.
    rules::network_syntax::check(&check, &mut out);
    // Where Network sits in the address space.
    // How Network is written and where it sits (overlaps, reserved and public space):
    // `check_model`'s.
    // The backend.
    rules::backend_missing::check(&check, &mut out);
    rules::backend_type::check(&check, &mut out);
    rules::udp_backend::check(&check, &mut out);
    rules::ipsec_psk::check(&check, &mut out);
    rules::host_gw_l2::check(&check, &mut out);
    rules::vxlan_settings::check(&check, &mut out);
    rules::extension_shell::check(&check, &mut out);
    // A backend a template decides has no known overhead: no MTU picture, no MTU rules.
    let backend_known = !conf.is_opaque("Backend") && !conf.is_opaque("Backend.Type");
    if backend_known {
        rules::backend_mtu::check(&check, &mut out);
        rules::azure_vnet_mtu::check(&check, &mut out);
        rules::vxlan_ipv6_mtu::check(&check, &mut out);
    }
    // Keys flannel ignores.
    rules::duplicate_key::check(&check, &mut out);
    rules::unknown_key::check(&check, &mut out);
    let after = mtu_fixes::after_fixes(&check);
    NetConfOutcome {
        findings,
        mtu_after_fixes: backend_known.then_some(after),
        mtu: backend_known.then_some(mtu),
    }
}
