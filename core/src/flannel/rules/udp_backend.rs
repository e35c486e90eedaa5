//! Rule `flannel/udp-backend`: the udp backend, slow and amd64 only.

use alloc::string::String;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::backend_names::known_backend;
use crate::flannel::inputs::Check;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelUdpBackend,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "The udp backend is for debugging only; vxlan does its job in the kernel.",
    what: "A Backend whose Type is udp (any case).",
    why: "udp encapsulates in user space: flanneld copies every packet, which costs throughput and latency, and the backend is built for amd64 only, so arm64 nodes cannot run it. flannel's documentation suggests it for debugging only, or for kernels without VXLAN.",
    how_to_fix: "Switch Type to vxlan (the fix does). All nodes must switch together: restart every flanneld, open UDP 8472 between nodes instead of 8285, and restart the pods so they pick up vxlan's pod MTU.",
    source: "flannel-io/flannel Documentation/backends.md (UDP); pkg/backend/udp (udp_amd64.go, udp_network_amd64.go).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a udp backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(backend) = known_backend(check.conf).filter(|backend| backend.name == "udp") else {
        return;
    };
    let kind = backend.kind;
    out.report(Draft { rule: RuleId::FlannelUdpBackend, severity: Severity::Warning, at: kind.inner(), message: String::from("the udp backend is slow and runs on amd64 only"), why: String::from("udp encapsulates in user space (flanneld copies every packet) and is built for amd64 only; flannel recommends it for debugging. vxlan does the same job in the kernel."), fix: Some(Fix { title: String::from("Switch to vxlan"), edits: vec![out.edit(kind.inner().0, kind.inner().1, "vxlan")] }) });
}
