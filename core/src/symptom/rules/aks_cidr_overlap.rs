//! Rule `symptom/aks-cidr-overlap`: AKS refused a service or pod CIDR that overlaps the VNet.

use alloc::format;
use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{AKS, SUBNETS};
use crate::symptom::capacity::say;
use crate::symptom::numbers::cidrs;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str =
    "AKS refused the cluster: its service CIDR (or overlay pod CIDR) overlaps a VNet subnet.";
const WHY: &str = "1. The default service CIDR 10.0.0.0/16 in a VNet using 10.0.x.x. 2. A subnet added after the cluster was made (upgrades check again). 3. A pod CIDR taken from the VNet's space.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomAksCidrOverlap,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "AKS: ServiceCidrOverlapExistingSubnetsCidr, NetworkProfileCIDROverlapVNET.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Choose --service-cidr (with --dns-service-ip inside it) and --pod-cidr outside every VNet range and peered network; a cluster's service CIDR cannot change later.",
    source: "Azure resource provider error codes as az prints them (closed source): Azure/AKS#1117, Azure/azure-cli#20810, Azure/AKS-Construction#403; AKS docs, configure-azure-cni.",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with its two ranges and the command's value when the analysis has one.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    let message = match cidrs(seen.line).as_slice() {
        [ours, theirs, ..] => {
            let shared = if ours.contains(theirs) {
                format!("{theirs} lies inside {ours}")
            } else if theirs.contains(ours) {
                format!("{ours} lies inside {theirs}")
            } else {
                format!("{ours} and {theirs} overlap")
            };
            format!("AKS refused the cluster: {shared}")
        }
        _ => String::from("AKS refused the cluster: a CIDR overlaps the VNet"),
    };
    match model.service_ranges.first() {
        Some(range) => say(
            &mut here,
            "Service CIDR here:",
            &range.value,
            &range.source,
            ".",
        ),
        None => out.paste(AKS.0, AKS.1),
    }
    out.paste(SUBNETS.0, SUBNETS.1);
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
