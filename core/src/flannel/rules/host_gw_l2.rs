//! Rule `flannel/host-gw-l2` (information): host-gw needs every node on one L2 segment.

use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::backend_names::known_backend;
use crate::flannel::inputs::Check;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelHostGwL2,
    area: Area::Flannel,
    severity: Severity::Info,
    summary: "The host-gw backend needs direct layer 2 connectivity between all nodes.",
    what: "A Backend whose Type is host-gw: a reminder of what it needs, since the paste cannot show the network between the nodes.",
    why: "host-gw installs a route to each node's pod range via that node's IP, so every node must reach every other directly (same subnet, no router between them). Across subnets pod traffic between those nodes is lost, and flannel's documentation warns that host-gw typically cannot be used in cloud environments.",
    how_to_fix: "Keep host-gw where all nodes share one L2 segment; otherwise use vxlan (or vxlan with DirectRouting, which routes directly where it can). Nothing to change in the text.",
    source: "flannel-io/flannel Documentation/backends.md (host-gw: \"Requires direct layer2 connectivity between hosts running flannel\").",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports a host-gw backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(backend) = known_backend(check.conf).filter(|backend| backend.name == "host-gw")
    else {
        return;
    };
    let kind = backend.kind;
    out.report(Draft { rule: RuleId::FlannelHostGwL2, severity: Severity::Info, at: kind.inner(), message: String::from("host-gw needs every node on one L2 segment"), why: String::from("host-gw installs a route to each node's pod range via that node's IP, so nodes must reach each other directly (same subnet, no router between them); across subnets or clouds that block it, use vxlan."), fix: None });
}
