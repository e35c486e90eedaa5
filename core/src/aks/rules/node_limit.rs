//! `aks/node-limit`: More nodes than the network mode supports.

use alloc::format;
use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::network::Mode;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksNodeLimit,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "More nodes than the network mode supports.",
    what: "A node count (the largest of --node-count, --max-count and the context's target) above \
        400 with kubenet or above 5,000 with Azure CNI Overlay.",
    why: "Kubenet routes each node's /24 through a user-defined route, and a route table holds \
        400 routes, so scale-out stops at node 400. Azure CNI Overlay supports up to 5,000 nodes \
        per cluster. AKS refuses the cluster, or scale-out fails at the limit.",
    how_to_fix: "Plan fewer nodes, or move kubenet to Azure CNI Overlay: on az aks create the \
        kubenet migration's fix (aks/kubenet-retirement) does this, and this finding carries it \
        when the nodes fit Overlay's 5,000.",
    source: "AKS docs configure-kubenet.md (400 routes) and \"Azure CNI Overlay\" (5,000 nodes).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports more nodes than kubenet (400) or Azure CNI Overlay (5,000) supports; on create the
/// kubenet migration's fix resolves kubenet's limit when the nodes fit Overlay's.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (command, network) = (facts.command, facts.network);
    let Some(nodes) = network.nodes(command.verb, facts.around) else {
        return;
    };
    let (limit, why) = match network.mode {
        Some(Mode::Kubenet) => (400, "kubenet routes each node's /24 through a user-defined route in the subnet's route table, and a route table holds 400 routes, so a kubenet cluster stops at 400 nodes. Azure CNI Overlay has no route table and supports 5,000 nodes."),
        Some(Mode::Overlay) => (5000, "Azure CNI Overlay supports up to 5,000 nodes per cluster."),
        _ => return,
    };
    if nodes <= limit {
        return;
    }
    let (start, end) = [command.get("--max-count"), command.get("--node-count")]
        .into_iter()
        .flatten()
        .find(|o| o.text().and_then(|t| t.parse::<u32>().ok()) == Some(nodes))
        .map_or((command.start, command.start + 2), |o| o.value_range());
    out.report(Draft {
        rule: RuleId::AksNodeLimit,
        severity: Severity::Error,
        at: (start, end),
        message: format!(
            "{nodes} nodes exceed the {limit}-node limit of {}",
            network.mode.map_or("", Mode::name)
        ),
        why: String::from(why),
        fix: facts.fix_if(facts.corrections.migrates_from_kubenet && nodes <= 5000),
    });
}
