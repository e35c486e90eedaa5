//! The `azurerm_kubernetes_cluster` arguments podnet reads, each with the azure-cli flag the
//! rules know it by (azurerm provider docs, `website/docs/r/kubernetes_cluster.html.markdown`):
//! the one table the reader, the messages and the fixes share.

use crate::aks::form::Form;
use crate::document::DocumentKind;

/// Each flag and the argument's path in the resource (`block.name`, or `name` at its top).
/// `network_data_plane` is provider 4.x's name, `ebpf_data_plane` 3.x's; `auto_scaling_enabled`
/// and `enable_auto_scaling` likewise.
pub const NAMES: &[(&str, &str)] = &[
    ("--kubernetes-version", "kubernetes_version"),
    ("--node-count", "default_node_pool.node_count"),
    ("--min-count", "default_node_pool.min_count"),
    ("--max-count", "default_node_pool.max_count"),
    ("--max-pods", "default_node_pool.max_pods"),
    ("--vnet-subnet-id", "default_node_pool.vnet_subnet_id"),
    ("--pod-subnet-id", "default_node_pool.pod_subnet_id"),
    (
        "--max-surge",
        "default_node_pool.upgrade_settings.max_surge",
    ),
    (
        "--enable-cluster-autoscaler",
        "default_node_pool.auto_scaling_enabled",
    ),
    (
        "--enable-cluster-autoscaler",
        "default_node_pool.enable_auto_scaling",
    ),
    ("--network-plugin", "network_profile.network_plugin"),
    (
        "--network-plugin-mode",
        "network_profile.network_plugin_mode",
    ),
    ("--network-policy", "network_profile.network_policy"),
    ("--network-dataplane", "network_profile.network_data_plane"),
    ("--network-dataplane", "network_profile.ebpf_data_plane"),
    ("--pod-cidr", "network_profile.pod_cidr"),
    ("--service-cidr", "network_profile.service_cidr"),
    ("--dns-service-ip", "network_profile.dns_service_ip"),
    ("--outbound-type", "network_profile.outbound_type"),
    ("--pod-cidrs", "network_profile.pod_cidrs"),
    ("--service-cidrs", "network_profile.service_cidrs"),
    ("--ip-families", "network_profile.ip_versions"),
    (
        "--docker-bridge-address",
        "network_profile.docker_bridge_cidr",
    ),
    ("--load-balancer-sku", "network_profile.load_balancer_sku"),
    (
        "--load-balancer-outbound-ports",
        "network_profile.load_balancer_profile.outbound_ports_allocated",
    ),
    (
        "--load-balancer-idle-timeout",
        "network_profile.load_balancer_profile.idle_timeout_in_minutes",
    ),
];

/// The arguments of a separate `azurerm_kubernetes_cluster_node_pool`, as `az aks nodepool add`
/// names them (the same flags as `az aks create`'s for the default pool).
pub const POOL_NAMES: &[(&str, &str)] = &[
    ("--node-count", "node_count"),
    ("--min-count", "min_count"),
    ("--max-count", "max_count"),
    ("--max-pods", "max_pods"),
    ("--vnet-subnet-id", "vnet_subnet_id"),
    ("--pod-subnet-id", "pod_subnet_id"),
    ("--max-surge", "upgrade_settings.max_surge"),
    ("--enable-cluster-autoscaler", "auto_scaling_enabled"),
    ("--enable-cluster-autoscaler", "enable_auto_scaling"),
];

/// Terraform's `azurerm_kubernetes_cluster_node_pool`.
pub const TERRAFORM_POOL: Form = Form {
    kind: DocumentKind::TerraformAks,
    default_tool: "AKS",
    names: POOL_NAMES,
};

/// Terraform's `azurerm_kubernetes_cluster`.
pub const TERRAFORM: Form = Form {
    kind: DocumentKind::TerraformAks,
    default_tool: "AKS",
    names: NAMES,
};

/// The flags whose value is a list in Terraform (joined with commas, as azure-cli takes them).
pub const LISTS: [&str; 3] = ["--pod-cidrs", "--service-cidrs", "--ip-families"];

/// The flags that are switches (`true` turns them on).
pub const SWITCHES: [&str; 1] = ["--enable-cluster-autoscaler"];
