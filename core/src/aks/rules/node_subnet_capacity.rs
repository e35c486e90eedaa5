//! `aks/node-subnet-capacity`: Azure CNI node subnet mode: the nodes and their pods do not fit the
//! node subnet.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/node-subnet-capacity",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "Azure CNI node subnet mode: the nodes and their pods do not fit the node subnet.",
    what: "In Azure CNI node subnet mode, (nodes + surge) × (max-pods + 1) against the subnet's \
        addresses minus the 5 Azure reserves: an error above, a warning above 75%. Without the \
        subnet's range in the context (vnet-cidr) it says how big the subnet must be (info).",
    why: "Every node reserves one subnet address for itself and one per pod up front; surge is \
        AKS's default max surge, 10% of the nodes rounded up (at least 1). When the subnet runs \
        out, scale-out and upgrades fail with subnet-full errors. --vnet-subnet-id names the \
        subnet but not its range.",
    how_to_fix: "Use a bigger subnet, lower --max-pods, or move to Azure CNI Overlay, which takes \
        pod addresses outside the VNet and needs one subnet address per node. No fix from the \
        command: it does not set the subnet's range.",
    source: "AKS docs \"Configure Azure CNI\" (configure-azure-cni.md, IP planning); the AKS \
        API's default max surge (10%); the 5 addresses Azure reserves in every subnet.",
    fix: FixSafety::None,
    file: file!(),
};
