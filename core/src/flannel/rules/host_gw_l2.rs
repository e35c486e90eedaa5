//! Rule `flannel/host-gw-l2` (information): host-gw needs every node on one L2 segment.

use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::backend_names::known_backend;
use crate::flannel::inputs::Check;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/host-gw-l2",
    area: Area::Flannel,
    severity: Severity::Info,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
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
    out.report(Draft { rule: RuleId::FlannelHostGwL2, severity: Severity::Info, at: kind.inner(), message: String::from("host-gw needs every node on one L2 segment"), why: String::from("host-gw installs a route to each node's pod range via that node's IP, so nodes must reach each other directly (same subnet, no router between them); across subnets or clouds that block it, use vxlan. Source: flannel Documentation/backends.md."), fix: None });
}
