//! The managed cluster's properties podnet reads, as the AKS REST API names them (the same in
//! `az aks show -o json` and an ARM template's `Microsoft.ContainerService/managedClusters`
//! resource), each with the azure-cli flag the rules know it by: the one table the reader and
//! the messages share. Property names match in any ASCII case (`vnetSubnetID` in templates,
//! `vnetSubnetId` in azure-cli's output).

use crate::aks::form::Form;
use crate::document::DocumentKind;

/// Each flag and the property's path under the cluster's properties (`0` is the first pool).
pub const NAMES: &[(&str, &str)] = &[
    ("--kubernetes-version", "kubernetesVersion"),
    ("--node-count", "agentPoolProfiles.0.count"),
    ("--min-count", "agentPoolProfiles.0.minCount"),
    ("--max-count", "agentPoolProfiles.0.maxCount"),
    ("--max-pods", "agentPoolProfiles.0.maxPods"),
    ("--vnet-subnet-id", "agentPoolProfiles.0.vnetSubnetID"),
    ("--pod-subnet-id", "agentPoolProfiles.0.podSubnetID"),
    (
        "--max-surge",
        "agentPoolProfiles.0.upgradeSettings.maxSurge",
    ),
    (
        "--enable-cluster-autoscaler",
        "agentPoolProfiles.0.enableAutoScaling",
    ),
    ("--network-plugin", "networkProfile.networkPlugin"),
    ("--network-plugin-mode", "networkProfile.networkPluginMode"),
    ("--network-policy", "networkProfile.networkPolicy"),
    ("--network-dataplane", "networkProfile.networkDataplane"),
    ("--pod-cidr", "networkProfile.podCidr"),
    ("--service-cidr", "networkProfile.serviceCidr"),
    ("--dns-service-ip", "networkProfile.dnsServiceIP"),
    ("--outbound-type", "networkProfile.outboundType"),
    ("--pod-cidrs", "networkProfile.podCidrs"),
    ("--service-cidrs", "networkProfile.serviceCidrs"),
    ("--ip-families", "networkProfile.ipFamilies"),
    ("--docker-bridge-address", "networkProfile.dockerBridgeCidr"),
    ("--load-balancer-sku", "networkProfile.loadBalancerSku"),
    (
        "--load-balancer-outbound-ports",
        "networkProfile.loadBalancerProfile.allocatedOutboundPorts",
    ),
    (
        "--load-balancer-idle-timeout",
        "networkProfile.loadBalancerProfile.idleTimeoutInMinutes",
    ),
];

/// `az aks show -o json` (or its `networkProfile`).
pub const SHOW: Form = Form {
    kind: DocumentKind::AksShow,
    default_tool: "AKS",
    names: NAMES,
};

/// An ARM template's managed cluster resource.
pub const ARM: Form = Form {
    kind: DocumentKind::ArmAks,
    default_tool: "AKS",
    names: NAMES,
};

/// A Bicep file's managed cluster resource (the same properties as ARM's).
pub const BICEP: Form = Form {
    kind: DocumentKind::BicepAks,
    default_tool: "AKS",
    names: NAMES,
};

/// The Azure Verified Module `avm/res/container-service/managed-cluster` (Bicep
/// `module x 'br/public:avm/res/container-service/managed-cluster:…' = { params: { … } }`): its
/// params as Azure/bicep-registry-modules@9f9ea1a1 `main.bicep` (0.14) names them, the primary
/// pool first in `primaryAgentPoolProfiles`, other pools in `agentPools`.
pub const AVM_NAMES: &[(&str, &str)] = &[
    ("--kubernetes-version", "kubernetesVersion"),
    ("--node-count", "primaryAgentPoolProfiles.0.count"),
    ("--min-count", "primaryAgentPoolProfiles.0.minCount"),
    ("--max-count", "primaryAgentPoolProfiles.0.maxCount"),
    ("--max-pods", "primaryAgentPoolProfiles.0.maxPods"),
    (
        "--vnet-subnet-id",
        "primaryAgentPoolProfiles.0.vnetSubnetResourceId",
    ),
    (
        "--pod-subnet-id",
        "primaryAgentPoolProfiles.0.podSubnetResourceId",
    ),
    (
        "--max-surge",
        "primaryAgentPoolProfiles.0.upgradeSettings.maxSurge",
    ),
    (
        "--enable-cluster-autoscaler",
        "primaryAgentPoolProfiles.0.enableAutoScaling",
    ),
    ("--network-plugin", "networkPlugin"),
    ("--network-plugin-mode", "networkPluginMode"),
    ("--network-policy", "networkPolicy"),
    ("--network-dataplane", "networkDataplane"),
    ("--pod-cidr", "podCidr"),
    ("--service-cidr", "serviceCidr"),
    ("--dns-service-ip", "dnsServiceIP"),
    ("--outbound-type", "outboundType"),
    ("--pod-cidrs", "podCidrs"),
    ("--service-cidrs", "serviceCidrs"),
    ("--ip-families", "ipFamilies"),
    ("--load-balancer-sku", "loadBalancerSku"),
];

/// A Bicep file's Azure Verified Module cluster.
pub const AVM: Form = Form {
    kind: DocumentKind::BicepAks,
    default_tool: "AKS",
    names: AVM_NAMES,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tables_name_the_pool_count_and_subnet_at_the_same_rows() {
        // `definition` finds the pools' list and subnet key by these rows.
        for names in [NAMES, AVM_NAMES] {
            assert_eq!(names[1].0, "--node-count");
            assert!(names[1].1.ends_with(".0.count"));
            assert_eq!(names[5].0, "--vnet-subnet-id");
        }
    }
}
