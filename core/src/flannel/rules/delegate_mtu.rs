//! Rule `flannel/delegate-mtu`: the delegate `"mtu"` in cni-conf.json overrides flannel's pod MTU.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::cni_delegate::delegate_mtu;
use crate::flannel::mtu::ping_pair;
use crate::json::Node;
use crate::report::MtuReport;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelDelegateMtu,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The delegate \"mtu\" in cni-conf.json is at most the pod MTU flannel computes.",
    what: "A \"mtu\" in the delegate of the flannel plugin (in a plugins list or a single plugin config) above the pod MTU of the net-conf.json in the paste (or, without one, of the official manifest's vxlan over the underlay), an error; below it, information.",
    why: "The flannel CNI plugin passes FLANNEL_MTU (underlay − overhead) to its delegate, the bridge plugin, unless the delegate sets its own \"mtu\". A value above the pod MTU makes pods send packets the path cannot carry: packets over the pod MTU are dropped, so small requests work and large responses hang. Below it is safe but wastes bytes on every packet.",
    how_to_fix: "Set the delegate \"mtu\" to the pod MTU (the fix does), or remove it so flannel's value applies. Pods keep the MTU they were created with: restart them, then prove the path with the ping -M do pair from the finding.",
    source: "flannel-io/cni-plugin flannel_linux.go (the delegate's own mtu wins over FLANNEL_MTU); flannel-io/flannel pkg/backend/* (the overheads).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Checks the delegate `"mtu"` of a cni-conf.json, and returns it against the pod MTU `mtu`; `assumed` says the
/// MTU picture was not read from a net-conf.json in the same paste.
pub fn check(root: &Node, mtu: &MtuReport, assumed: bool, out: &mut Emitter<'_>) -> Option<u32> {
    let node = delegate_mtu(root)?;
    let value = node.as_i64().and_then(|v| u32::try_from(v).ok())?;
    let assumption = if assumed {
        format!(" (assuming the official manifest's vxlan backend over a {}-byte underlay; paste net-conf.json too for an exact answer)", mtu.underlay)
    } else {
        String::new()
    };
    if value > mtu.pod_mtu {
        out.report(Draft { rule: RuleId::FlannelDelegateMtu, severity: Severity::Error, at: (node.start, node.end), message: format!("The delegate \"mtu\": {value} overrides flannel's pod MTU {}: packets over {} bytes are dropped", mtu.pod_mtu, mtu.pod_mtu), why: format!("The flannel CNI plugin passes FLANNEL_MTU ({} − {} = {} for {}){assumption} to its delegate unless the delegate sets its own \"mtu\"; {value} is {} bytes more than the path carries after encapsulation. Set it to {} or remove it so flannel's value applies. {}", mtu.underlay, mtu.overhead, mtu.pod_mtu, mtu.backend, value - mtu.pod_mtu, mtu.pod_mtu, ping_pair(mtu.pod_mtu)), fix: Some(Fix { title: format!("Set the delegate mtu to {}", mtu.pod_mtu), edits: vec![out.edit(node.start, node.end, &mtu.pod_mtu.to_string())] }) });
    } else if value < mtu.pod_mtu {
        out.report(Draft { rule: RuleId::FlannelDelegateMtu, severity: Severity::Info, at: (node.start, node.end), message: format!("The delegate \"mtu\": {value} is below flannel's pod MTU {}: safe, but {} bytes per packet are unused", mtu.pod_mtu, mtu.pod_mtu - value), why: format!("The delegate \"mtu\" overrides FLANNEL_MTU{assumption}. {}", ping_pair(value)), fix: None });
    }
    Some(value)
}
