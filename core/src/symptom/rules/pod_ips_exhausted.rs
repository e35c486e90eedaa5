//! Rule `symptom/pod-ips-exhausted`: host-local gave out every address of the node's range.

use alloc::format;
use alloc::string::String;
use core::fmt::Write as _;

use crate::finding::Severity;
use crate::flannel::node_ranges::reserved;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::NODES;
use crate::symptom::capacity::say;
use crate::symptom::numbers::{block, count, ip_range};
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "host-local (flannel's and kubenet's IPAM) has no free address in the node's range: pods, or pods gone whose reservation stayed, hold them all.";
const WHY: &str = "1. Leaked reservations: pods removed without a CNI DEL (runtime crash, reboot) leave files in /var/lib/cni/networks/<network>. 2. --max-pods above the range's pod addresses. 3. A node mask too long.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomPodIpsExhausted,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "host-local: no IP addresses available in range set.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Delete the reservation files of pods that no longer run (or drain the node and clear the directory); keep --max-pods at most the range's pod addresses; a shorter --node-cidr-mask-size gives new nodes more.",
    source: "containernetworking/plugins@3d27709 plugins/ipam/host-local/backend/allocator/allocator.go:109 (`no IP addresses available in range set: %s`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with its range's size, against max pods when the analysis states it.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let range = ip_range(seen.line, "range set:");
    let mut here = String::new();
    let mut message = String::from("The node's pod range is full");
    if let Some((first, last)) = range {
        let addresses = count(first, last);
        let node = block(first, last);
        let family = node.map_or(crate::net::IpFamily::V4, |n| n.family());
        let pods = node.map_or(addresses, |n| n.size().saturating_sub(reserved(family)));
        let node = node.map_or(String::new(), |n| format!(" {n}"));
        message =
            format!("{first}-{last} is {addresses} addresses: the node's range{node} is full");
        let _ = write!(
            here,
            " The range holds {pods} pods (the cni0 gateway takes one)."
        );
        if let Some(max) = model.max_pods_per_node() {
            let verdict = if u128::from(max.value) > pods {
                " is more than the range holds: the range fills before the node does."
            } else {
                " is within the range: look for leaked reservations."
            };
            say(&mut here, "Max pods", &max.value, &max.source, verdict);
        }
    }
    out.paste(
        "the node's reservations beside its running pods",
        "ls /var/lib/cni/networks/cbr0 | wc -l",
    );
    out.paste(
        "the node's pods",
        "kubectl get pods -A -o wide --field-selector spec.nodeName=<node>",
    );
    out.paste(NODES.0, NODES.1);
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
