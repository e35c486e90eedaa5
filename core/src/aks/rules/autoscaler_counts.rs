//! `aks/autoscaler-counts`: the autoscaler's counts as azure-cli and the azurerm provider check
//! them, with the message each prints.

use alloc::format;
use alloc::string::String;

use crate::aks::command::Verb;
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::document::DocumentKind;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksAutoscalerCounts,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "The autoscaler's min and max counts missing, reversed, around a node count outside \
        them, or set without the autoscaler.",
    what: "With the cluster autoscaler on, both --min-count and --max-count, min ≤ max and (on \
        create) the node count between them; without it, neither count. On az aks commands and \
        on Terraform's default_node_pool and azurerm_kubernetes_cluster_node_pool (min_count, \
        max_count, node_count, auto_scaling_enabled), each with its tool's own checks.",
    why: "azure-cli refuses the command before sending it, and the azurerm provider refuses the \
        pool at terraform apply: the finding quotes the message each prints.",
    how_to_fix: "Give both counts with min ≤ node count ≤ max, or turn the autoscaler on, or \
        drop the counts. No fix: which count is meant is the author's choice.",
    source: "azure-cli src/azure-cli/azure/cli/command_modules/acs/agentpool_decorator.py \
        (the autoscaler's count validation); terraform-provider-azurerm \
        internal/services/containers/kubernetes_nodepool.go (the default node pool) and \
        kubernetes_cluster_node_pool_resource.go at 69697b7.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports the first count problem the command's tool would stop at.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    let terraform = match facts.form.kind {
        DocumentKind::TerraformAks => true,
        DocumentKind::AksCommand => false,
        _ => return,
    };
    // An opaque count is given but unknown: nothing to compare it with.
    let count = |flag: &str| {
        let option = command.get(flag)?;
        Some(option.text().and_then(|t| t.parse::<u32>().ok()))
    };
    let (min, max) = (count("--min-count"), count("--max-count"));
    if [min, max].contains(&Some(None)) {
        return;
    }
    let (min, max) = (min.flatten(), max.flatten());
    let nodes = count("--node-count");
    if nodes == Some(None) {
        return;
    }
    let nodes = nodes.flatten();
    let on = command.has("--enable-cluster-autoscaler");
    // A new pool is checked as a new cluster's default pool is.
    let create = command.verb != Verb::Update;
    let message = if terraform {
        provider(on, create, min, max, nodes)
    } else {
        azure_cli(on, create, min, max, nodes)
    };
    let Some(message) = message else {
        return;
    };
    let at = [
        "--min-count",
        "--max-count",
        "--node-count",
        "--enable-cluster-autoscaler",
    ]
    .iter()
    .find_map(|flag| command.get(flag))
    .map_or((command.start, command.start + 2), |o| {
        (o.name_start, o.name_end)
    });
    let tool = if terraform {
        "The azurerm provider"
    } else {
        "azure-cli"
    };
    let why = String::from("The tool stops here, before anything is created. The autoscaler keeps the pool between --min-count and --max-count, so it needs both, in order, around the starting --node-count; without the autoscaler the counts are refused.");
    out.report(Draft {
        rule: RuleId::AksAutoscalerCounts,
        severity: Severity::Error,
        at,
        message: format!("{tool} refuses the counts: \"{message}\""),
        why,
        fix: None,
    });
}

/// azure-cli's check (agentpool_decorator.py), in its order.
fn azure_cli(
    on: bool,
    create: bool,
    min: Option<u32>,
    max: Option<u32>,
    nodes: Option<u32>,
) -> Option<String> {
    let text = if !on {
        if min.is_none() && max.is_none() {
            return None;
        }
        "min-count and max-count are required for --enable-cluster-autoscaler, please use the flag"
    } else {
        let (Some(min), Some(max)) = (min, max) else {
            return Some(String::from("Please specify both min-count and max-count when --enable-cluster-autoscaler enabled"));
        };
        // azure-cli's default node count on create is 3.
        let nodes = nodes.unwrap_or(3);
        if min > max {
            "Value of min-count should be less than or equal to value of max-count"
        } else if create && (nodes < min || nodes > max) {
            "node-count is not in the range of min-count and max-count"
        } else {
            return None;
        }
    };
    Some(String::from(text))
}

/// The azurerm provider's check: the default node pool's (kubernetes_nodepool.go) on a cluster,
/// the node pool resource's (kubernetes_cluster_node_pool_resource.go) on a separate pool.
fn provider(
    on: bool,
    cluster: bool,
    min: Option<u32>,
    max: Option<u32>,
    nodes: Option<u32>,
) -> Option<String> {
    let (min, max) = (min.unwrap_or(0), max.unwrap_or(0));
    if !on {
        return (min > 0 || max > 0).then(|| match cluster {
            true => format!("`max_count`({max}) and `min_count`({min}) must be set to `null` when `auto_scaling_enabled` is set to `false`"),
            false => String::from("`max_count` and `min_count` must be set to `null` when auto_scaling_enabled is set to `false`"),
        });
    }
    if cluster {
        // An unset node_count starts at min_count.
        let count = nodes.filter(|n| *n > 0).unwrap_or(min);
        if max == 0 {
            return Some(String::from(
                "`max_count` must be configured when `auto_scaling_enabled` is set to `true`",
            ));
        }
        if max < count {
            return Some(format!("`node_count`({count}) must be equal to or less than `max_count`({max}) when `auto_scaling_enabled` is set to `true`"));
        }
        if min == 0 {
            return Some(String::from(
                "`min_count` must be configured when `auto_scaling_enabled` is set to `true`",
            ));
        }
        if min > count {
            return Some(format!("`node_count`({count}) must be equal to or greater than `min_count`({min}) when `auto_scaling_enabled` is set to `true`"));
        }
    }
    (min > max).then(|| String::from("`max_count` must be >= `min_count`"))
}
