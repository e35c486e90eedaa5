//! The next step of a Terraform fix: `terraform plan`, saying whether the change replaces the
//! cluster.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::finding::Finding;

/// The `network_profile` arguments whose change forces a new cluster (azurerm provider docs,
/// `website/docs/r/kubernetes_cluster.html.markdown`, "Changing this forces a new resource to
/// be created"); `network_plugin_mode` and `network_policy` update in place.
const FORCE_NEW: [&str; 6] = [
    "network_plugin",
    "pod_cidr",
    "service_cidr",
    "dns_service_ip",
    "ip_versions",
    "docker_bridge_cidr",
];

/// The node pool arguments whose change rotates the pool's nodes: the provider needs
/// `temporary_name_for_rotation` (azurerm docs, `kubernetes_cluster_node_pool.html.markdown` and
/// `kubernetes_cluster.html.markdown`'s `default_node_pool`, at 69697b7).
const ROTATE: [&str; 3] = ["max_pods", "vnet_subnet_id", "pod_subnet_id"];

/// Replaces the command-line next steps with Terraform's: `terraform plan`, and which changed
/// arguments force a new cluster or rotate a node pool.
pub fn plan(findings: &[Finding], next_steps: &mut Vec<String>) {
    // What the fixes change: arguments that replace the cluster, that cycle a pool, and whether
    // any `network_profile` argument changes.
    let (mut replaces, mut rotates) = (Vec::new(), Vec::new());
    let (mut fixed, mut network) = (false, false);
    for fix in findings.iter().filter_map(|f| f.fix.as_ref()) {
        fixed = true;
        network |= fix.title.contains("network_");
        for (names, into) in [(&FORCE_NEW[..], &mut replaces), (&ROTATE[..], &mut rotates)] {
            for name in names {
                if fix.title.contains(&format!("{name} =")) && !into.contains(name) {
                    into.push(*name);
                }
            }
        }
    }
    next_steps.clear();
    if !fixed {
        return;
    }
    if !rotates.is_empty() {
        next_steps.push(format!(
            "terraform plan: changing {} cycles the node pool through a temporary one: the \
             provider needs temporary_name_for_rotation set in the pool",
            rotates.join(", ")
        ));
        if replaces.is_empty() && !network {
            return;
        }
    }
    next_steps.push(if replaces.is_empty() {
        String::from("terraform plan: the fixed arguments update the cluster in place")
    } else {
        format!(
            "terraform plan: changing {} forces a new cluster in the azurerm provider (the plan \
             shows \"must be replaced\")",
            replaces.join(", ")
        )
    });
}
