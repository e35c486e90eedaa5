//! The numbers a policy is computed from: the target (nodes with headroom, at most 75% of the node
//! ranges used), the per-node prefix, and, when a config was given, its capacity.

use podnet_core::plan::{nodes_with_headroom, ranges_needed, MAX_UTILIZATION_PERCENT};
use podnet_core::{Capacity, Context, SubnetManager};

/// The pool a config states, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pool {
    /// The pod pool (`10.244.0.0/16`).
    pub cidr: String,
    /// Node ranges it holds at the config's per-node prefix.
    pub node_ranges: u128,
    /// Pod addresses in each node's range.
    pub pod_addresses_per_node: u128,
}

/// Everything the policies say in numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbers {
    /// The target node count.
    pub target_nodes: u32,
    /// The headroom on top, in percent.
    pub headroom_percent: u32,
    /// Nodes planned for: the target with headroom.
    pub planned_nodes: u128,
    /// The fewest node ranges that keep the planned nodes at or under 75% used.
    pub min_node_ranges: u128,
    /// The per-node prefix in kube mode (kube-controller-manager `--node-cidr-mask-size`).
    pub node_prefix: u8,
    /// True when flanneld runs with `--kube-subnet-mgr` (the official manifest): SubnetLen is
    /// ignored, nodes get `node_prefix`.
    pub kube_subnet_manager: bool,
    /// kubelet `--max-pods`, when known.
    pub max_pods: Option<u32>,
    /// The pool of the config given, if any.
    pub pool: Option<Pool>,
    /// The alert threshold, in percent (`plan::MAX_UTILIZATION_PERCENT`).
    pub threshold_percent: u128,
}

impl Numbers {
    /// The numbers for `context` and the capacity of the config read, if any; `None` without a
    /// target node count.
    pub fn new(context: &Context, capacity: Option<&Capacity>) -> Option<Numbers> {
        let target_nodes = context.target_nodes?;
        let planned_nodes = nodes_with_headroom(target_nodes, context.headroom_percent);
        Some(Numbers {
            target_nodes,
            headroom_percent: context.headroom_percent.unwrap_or(0),
            planned_nodes,
            min_node_ranges: ranges_needed(planned_nodes),
            node_prefix: context
                .node_cidr_mask_size
                .or(capacity.map(|capacity| capacity.node_prefix))
                .unwrap_or(24),
            kube_subnet_manager: context.subnet_manager != Some(SubnetManager::Etcd),
            max_pods: context.max_pods,
            pool: capacity.map(|capacity| Pool {
                cidr: capacity.pool.to_string(),
                node_ranges: capacity.node_ranges,
                pod_addresses_per_node: capacity.pod_addresses_per_node,
            }),
            threshold_percent: MAX_UTILIZATION_PERCENT,
        })
    }
}

impl Numbers {
    /// The same numbers for nodes that get a `/node_prefix` each (AKS: a /24 per node).
    pub fn with_node_prefix(&self, node_prefix: u8) -> Numbers {
        Numbers {
            node_prefix,
            kube_subnet_manager: false,
            ..self.clone()
        }
    }

    /// The policy's parameters, by the names the Rego reads them (`params.minNodeRanges`, …),
    /// as JSON/YAML scalars.
    pub fn parameters(&self) -> [(&'static str, String); 4] {
        [
            ("minNodeRanges", self.min_node_ranges.to_string()),
            ("nodePrefix", self.node_prefix.to_string()),
            ("kubeSubnetManager", self.kube_subnet_manager.to_string()),
            ("thresholdPercent", self.threshold_percent.to_string()),
        ]
    }
}
