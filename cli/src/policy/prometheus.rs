//! The Prometheus alerting rules: node ranges in use over the pool's capacity, and pods per node
//! over the addresses (or max pods) a node has, each above the 75% threshold. Node counts and pod
//! counts come from kube-state-metrics (`kube_node_info`, `kube_pod_info`).

use std::fmt::Write as _;

use super::numbers::Numbers;

/// The rules file (`groups:`), or `None` without a config to take the capacity from.
pub fn rules(numbers: &Numbers) -> Option<String> {
    let pool = numbers.pool.as_ref()?;
    let threshold = numbers.threshold_percent;
    let ratio = format!("0.{threshold:02}");
    let mut out = format!(
        "# podnet policy: Prometheus alerts at {threshold}% of the pod network's capacity ({} with a /{} per node).\n\
         # Load it as a rules file, or put `groups` under a PrometheusRule's spec.\ngroups:\n  - name: podnet\n    rules:\n",
        pool.cidr, numbers.node_prefix
    );
    let _ = write!(
        out,
        "      - alert: PodNetworkNodeRangesNearlyExhausted\n        expr: count(kube_node_info) / {ranges} > {ratio}\n        for: 15m\n        labels:\n          severity: warning\n        annotations:\n          summary: Over {threshold}% of the pod network's node ranges are in use\n          description: \"{{{{ $value | humanizePercentage }}}} of the {ranges} node ranges of {cidr} are in use; node {next} gets no range and its pods stay in ContainerCreating.\"\n",
        ranges = pool.node_ranges,
        cidr = pool.cidr,
        next = pool.node_ranges + 1,
    );
    let per_node = numbers.max_pods.map_or(pool.pod_addresses_per_node, |max| {
        pool.pod_addresses_per_node.min(u128::from(max))
    });
    let _ = write!(
        out,
        "      - alert: PodNetworkNodeAddressesNearlyExhausted\n        expr: count by (node) (kube_pod_info{{host_network=\"false\"}}) / {per_node} > {ratio}\n        for: 15m\n        labels:\n          severity: warning\n        annotations:\n          summary: Over {threshold}% of a node's pod addresses are in use\n          description: \"Node {{{{ $labels.node }}}} runs {{{{ $value | humanizePercentage }}}} of its {per_node} pods (its /{prefix} range{max_pods}).\"\n",
        prefix = numbers.node_prefix,
        max_pods = numbers
            .max_pods
            .map(|max| format!(" and --max-pods {max}"))
            .unwrap_or_default(),
    );
    Some(out)
}
