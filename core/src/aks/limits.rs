//! Limits per mode: max pods per node and nodes per cluster.
//!
//! - `aks/max-pods` (error): `--max-pods` (or `-m`) outside 10–250, the range AKS accepts in every
//!   mode; above 253 a per-node /24 (256 − network, broadcast, gateway) cannot hold the pods either.
//!   (info) the mode's default when max-pods is not given, since it differs by mode (kubenet 110,
//!   overlay 250, pod subnet 110, node subnet 30).
//! - `aks/node-limit` (error): more nodes than the mode supports: kubenet 400 (one user-defined
//!   route per node in the route table), Azure CNI Overlay 5,000.
//!
//! Why it matters: AKS refuses the cluster, or scale-out fails at the limit.
//! Fix: max-pods is clamped into 10–250; kubenet's node limit goes away with the move to overlay
//! (see `kubenet`).
//! Source: AKS docs "Configure Azure CNI Overlay", "Use kubenet networking" (limits), max-pods table.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;

use super::command::{AksCommand, Verb};
use super::network::{Mode, Network, Plugin};
use super::{Changes, Out};
use crate::context::Context;
use crate::finding::Severity;

/// The fewest and most pods per node AKS accepts.
pub const MAX_PODS_RANGE: (u32, u32) = (10, 250);

/// Runs the max-pods and node-limit rules.
pub fn check(
    command: &AksCommand,
    network: &Network,
    context: &Context,
    out: &mut Out<'_>,
    changes: &mut Changes,
) {
    max_pods(command, network, out, changes);
    node_limit(command, network, context, out, changes);
}

fn max_pods(command: &AksCommand, network: &Network, out: &mut Out<'_>, changes: &mut Changes) {
    let Some(option) = command.get("--max-pods") else {
        return;
    };
    let Some(value) = network.max_pods else {
        return;
    };
    let (low, high) = MAX_PODS_RANGE;
    if (low..=high).contains(&value) {
        return;
    }
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
    let at = out.report(Draft { rule: RuleId::AksMaxPods, severity: Severity::Error, at: option.value_range(), message: format!("--max-pods {value} is outside {low}–{high}{default}"), why: format!("AKS accepts 10 to 250 pods per node in every network mode (10 only when the node pool can still run 30 pods in total).{slash24} Setting {clamped}, the nearest allowed value."), fix: None });
    changes.max_pods = Some(clamped);
    changes.resolve(at);
}

fn node_limit(
    command: &AksCommand,
    network: &Network,
    context: &Context,
    out: &mut Out<'_>,
    changes: &mut Changes,
) {
    let Some(nodes) = network.nodes(command.verb, context) else {
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
    let at = out.report(Draft {
        rule: RuleId::AksNodeLimit,
        severity: Severity::Error,
        at: (start, end),
        message: format!(
            "{nodes} nodes exceed the {limit}-node limit of {}",
            network.mode.map_or("", Mode::name)
        ),
        why: String::from(why),
        fix: None,
    });
    if network.plugin == Some(Plugin::Kubenet) && command.verb == Verb::Create && nodes <= 5000 {
        changes.resolve(at);
    }
}
