//! Rule `symptom/aks-subnet-capacity`: the AKS node (or pod) subnet has too few free addresses.

use alloc::format;
use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{AKS, SUBNETS};
use crate::symptom::capacity::say;
use crate::symptom::numbers::{cidrs, word_near};
use crate::symptom::seen::{Out, Seen};

const MEANS: &str =
    "AKS needs more free addresses in the subnet than it has; Azure keeps 5 of every subnet.";
const WHY: &str = "1. Azure CNI without overlay: each node takes 1 + max pods addresses (31 by default): a /24 holds 8 nodes. 2. Upgrades and scale-outs need room for surge nodes. 3. Load balancers or private endpoints share the subnet.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomAksSubnetCapacity,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "AKS: InsufficientSubnetSize; subnet does not have enough capacity.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Use Azure CNI Overlay (pods take no subnet addresses), lower --max-pods, or put the node pool in a larger subnet.",
    source: "Azure resource provider error codes as az prints them (closed source): learn.microsoft.com troubleshoot/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking; Azure/AKS-Construction#403.",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the subnet's usable addresses.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    let mut message = String::from("The subnet has too few free addresses for the nodes");
    if let Some(subnet) = cidrs(seen.line).first() {
        let usable = subnet.size().saturating_sub(5);
        message = format!(
            "The subnet {subnet} has {usable} usable addresses ({} less Azure's 5): too few",
            subnet.size()
        );
        if let (Some(need), Some(free)) = (
            word_near(seen.line, "pre-allocated ips", false),
            word_near(seen.line, "ips available", false),
        ) {
            message = format!("{message}: {need} needed, {free} free");
        }
    }
    match model.max_pods_per_node() {
        Some(max) => say(&mut here, "Max pods here:", &max.value, &max.source, "."),
        None => out.paste(AKS.0, AKS.1),
    }
    out.paste(SUBNETS.0, SUBNETS.1);
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
