//! `aks/max-pods`: --max-pods outside the 10 to 250 AKS accepts.

use alloc::format;

use crate::aks::corrections::{max_pods_out_of_range, MAX_PODS_RANGE};
use crate::aks::facts::Facts;
use crate::aks::network::Mode;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksMaxPods,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--max-pods outside the 10 to 250 AKS accepts.",
    what: "--max-pods (or -m) below 10 or above 250.",
    why: "AKS accepts 10 to 250 pods per node in every network mode (10 only when the node pool \
        can still run 30 pods in total) and refuses the cluster otherwise. Above 253 a per-node \
        /24 (256 addresses minus network, broadcast and gateway) could not hold the pods either. \
        The defaults differ by mode: kubenet 110, Overlay 250, pod subnet 110, node subnet 30.",
    how_to_fix: "Set a value from 10 to 250; the fix sets the nearest one.",
    source: "AKS docs \"Azure CNI Overlay\" and \"Use kubenet networking\" (limits and the \
        max-pods table).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Reports `--max-pods` outside 10–250; the command's fix sets the nearest allowed value.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let network = facts.network;
    let Some(value) = max_pods_out_of_range(facts.command, network) else {
        return;
    };
    let Some(option) = facts.command.get("--max-pods") else {
        return;
    };
    let (low, high) = MAX_PODS_RANGE;
    let clamped = value.clamp(low, high);
    let default = network
        .mode
        .map(|mode| {
            format!(
                " (the {} default is {})",
                mode.name(),
                mode.default_max_pods()
            )
        })
        .unwrap_or_default();
    let slash24 = if value > 253 && network.mode.is_some_and(Mode::uses_pod_cidr) {
        " A per-node /24 has 256 addresses; minus the network, broadcast and gateway addresses it holds 253 pods, fewer than asked."
    } else {
        ""
    };
    out.report(Draft { rule: RuleId::AksMaxPods, severity: Severity::Error, at: option.value_range(), message: format!("--max-pods {value} is outside {low}–{high}{default}"), why: format!("AKS accepts 10 to 250 pods per node in every network mode (10 only when the node pool can still run 30 pods in total).{slash24} Setting {clamped}, the nearest allowed value."), fix: facts.fix_if(true) });
}
