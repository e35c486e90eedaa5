//! Rule `symptom/flannel-ipv6-lease`: IPv6 is enabled but the node's lease has no IPv6 range.

use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::net::IpFamily;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{CONFIGMAP, NODES};
use crate::symptom::seen::{Out, Seen};

const MEANS: &str =
    "flannel runs with EnableIPv6, but the node's range has no IPv6 part, so flanneld exits.";
const WHY: &str = "1. kube-controller-manager is not dual-stack: --cluster-cidr needs an IPv6 range too. 2. IPv6Network missing or not the cluster's. 3. Nodes registered before dual-stack keep IPv4 ranges only.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelIpv6Lease,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: IPv6 is enabled but the lease has no IPv6.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Make the cluster dual-stack (an IPv6 --cluster-cidr, IPv6Network equal to it) and re-register the nodes, or turn EnableIPv6 off.",
    source: "flannel-io/flannel@cdf7605 pkg/backend/vxlan/vxlan.go:266 and pkg/backend/wireguard/wireguard.go:195.",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line, saying whether the analysis states an IPv6 pool.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    if model.pod_pools.is_empty() {
        out.paste(CONFIGMAP.0, CONFIGMAP.1);
    } else if model.pod_pools_of(IpFamily::V6).next().is_none() {
        here.push_str(" The config here has no IPv6Network.");
    }
    out.paste(
        NODES.0,
        "kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDRS:.spec.podCIDRs",
    );
    out.report(
        seen,
        RULE.rule,
        String::from("The node's lease has no IPv6 range, but IPv6 is enabled"),
        (MEANS, WHY),
        here,
    );
}
