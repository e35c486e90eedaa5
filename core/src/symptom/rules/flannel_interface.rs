//! Rule `symptom/flannel-interface`: flanneld found no interface to carry the pod network.

use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::FLANNELD;
use crate::symptom::seen::{Out, Seen};
use crate::symptom::signature::find;

const MEANS: &str = "flanneld uses the default route's interface, or the one --iface names, and exits when there is none.";
const WHY: &str = "1. No default route. 2. --iface names an interface the node lacks. 3. --iface-regex written with quotes.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelInterface,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: Failed to find any valid interface to use / Could not find valid interface matching ….",
    what: MEANS,
    why: WHY,
    how_to_fix: "Give the host a default route, or pass --iface with an interface every node has (or --iface-can-reach=<an address of the other nodes>).",
    source: "flannel-io/flannel@cdf7605 main.go:328 (`Failed to find any valid interface to use: `).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line: no default route, or no interface matching the flags.
pub fn check(seen: &Seen<'_>, _model: &ClusterModel, out: &mut Out<'_>) {
    let message = if find(seen.line, "default route").is_some() {
        "flanneld found no interface: the host has no default route"
    } else {
        "flanneld found no interface to use"
    };
    out.paste(FLANNELD.0, FLANNELD.1);
    out.paste(
        "the node's routes and addresses",
        "ip route show default; ip -br addr",
    );
    out.report(
        seen,
        RULE.rule,
        String::from(message),
        (MEANS, WHY),
        String::new(),
    );
}
