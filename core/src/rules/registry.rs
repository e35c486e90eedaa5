//! From a rule's id to its declaration in its own file: the one place that names every rule
//! file. Only `podnet rules`, `podnet explain` and the tests reach it, so the page, which only
//! names rules, carries none of their documentation.

use super::{RuleId, RuleInfo};

impl RuleId {
    /// The rule's declaration.
    pub fn info(self) -> &'static RuleInfo {
        match self {
            RuleId::AksBacktickFlag => &crate::aks::rules::backtick_flag::RULE,
            RuleId::AksContinuationBroken => &crate::aks::rules::continuation_broken::RULE,
            RuleId::AksContinuationMissing => &crate::aks::rules::continuation_missing::RULE,
            RuleId::AksDataplanePlugin => &crate::aks::rules::dataplane_plugin::RULE,
            RuleId::AksDataplanePolicy => &crate::aks::rules::dataplane_policy::RULE,
            RuleId::AksDefaultPlugin => &crate::aks::rules::default_plugin::RULE,
            RuleId::AksDnsServiceIp => &crate::aks::rules::dns_service_ip::RULE,
            RuleId::AksAutoscalerCounts => &crate::aks::rules::autoscaler_counts::RULE,
            RuleId::AksDockerBridgeAddress => &crate::aks::rules::docker_bridge_address::RULE,
            RuleId::AksDualStack => &crate::aks::rules::dual_stack::RULE,
            RuleId::AksFlagGlued => &crate::aks::rules::flag_glued::RULE,
            RuleId::AksKubenetRetirement => &crate::aks::rules::kubenet_retirement::RULE,
            RuleId::AksLoadBalancer => &crate::aks::rules::load_balancer::RULE,
            RuleId::AksMalformedValue => &crate::aks::rules::malformed_value::RULE,
            RuleId::AksMaxPods => &crate::aks::rules::max_pods::RULE,
            RuleId::AksMissingValue => &crate::aks::rules::missing_value::RULE,
            RuleId::AksNetworkPolicy => &crate::aks::rules::network_policy::RULE,
            RuleId::AksNodeLimit => &crate::aks::rules::node_limit::RULE,
            RuleId::AksNodeSubnetCapacity => &crate::aks::rules::node_subnet_capacity::RULE,
            RuleId::AksOpaqueValue => &crate::aks::rules::opaque_value::RULE,
            RuleId::AksPluginMode => &crate::aks::rules::plugin_mode::RULE,
            RuleId::AksPluginRequired => &crate::aks::rules::plugin_required::RULE,
            RuleId::AksPodCidrCapacity => &crate::aks::rules::pod_cidr_capacity::RULE,
            RuleId::AksPodCidrNeedsOverlay => &crate::aks::rules::pod_cidr_needs_overlay::RULE,
            RuleId::AksPodCidrOverlap => &crate::aks::rules::pod_cidr_overlap::RULE,
            RuleId::AksPodCidrReserved => &crate::aks::rules::pod_cidr_reserved::RULE,
            RuleId::AksPodCidrSpace => &crate::aks::rules::pod_cidr_space::RULE,
            RuleId::AksPreviewFlag => &crate::aks::rules::preview_flag::RULE,
            RuleId::AksRepeatedFlag => &crate::aks::rules::repeated_flag::RULE,
            RuleId::AksResourceId => &crate::aks::rules::resource_id::RULE,
            RuleId::AksServiceCidrOverlap => &crate::aks::rules::service_cidr_overlap::RULE,
            RuleId::AksServiceCidrReserved => &crate::aks::rules::service_cidr_reserved::RULE,
            RuleId::AksServiceCidrSize => &crate::aks::rules::service_cidr_size::RULE,
            RuleId::AksStrayArgument => &crate::aks::rules::stray_argument::RULE,
            RuleId::AksUnicodePunctuation => &crate::aks::rules::unicode_punctuation::RULE,
            RuleId::AksUnknownFlag => &crate::aks::rules::unknown_flag::RULE,
            RuleId::AksUnreadable => &crate::aks::rules::unreadable::RULE,
            RuleId::AksVnetReservedRange => &crate::aks::rules::vnet_reserved_range::RULE,
            RuleId::ClusterConflictingValues => &crate::cluster::rules::conflicting_values::RULE,
            RuleId::ClusterNodeCidrMask => &crate::cluster::rules::node_cidr_mask::RULE,
            RuleId::ClusterNodeCidrMissing => &crate::cluster::rules::node_cidr_missing::RULE,
            RuleId::ClusterNodeCidrOutsidePool => {
                &crate::cluster::rules::node_cidr_outside_pool::RULE
            }
            RuleId::ClusterNodeCidrOverlap => &crate::cluster::rules::node_cidr_overlap::RULE,
            RuleId::ClusterNodePodsFit => &crate::cluster::rules::node_pods_fit::RULE,
            RuleId::ClusterNodeRangesCapacity => &crate::cluster::rules::node_ranges_capacity::RULE,
            RuleId::ClusterNodeCidrsNotAllocated => {
                &crate::cluster::rules::node_cidrs_not_allocated::RULE
            }
            RuleId::ClusterServiceRangeOverlap => {
                &crate::cluster::rules::service_range_overlap::RULE
            }
            RuleId::ControlClusterCidrMissing => &crate::control::rules::cluster_cidr_missing::RULE,
            RuleId::ControlMalformedValue => &crate::control::rules::malformed_value::RULE,
            RuleId::FlannelAzureVnetMtu => &crate::flannel::rules::azure_vnet_mtu::RULE,
            RuleId::FlannelBackendMissing => &crate::flannel::rules::backend_missing::RULE,
            RuleId::FlannelBackendMtu => &crate::flannel::rules::backend_mtu::RULE,
            RuleId::FlannelBackendType => &crate::flannel::rules::backend_type::RULE,
            RuleId::FlannelCapacity => &crate::flannel::rules::capacity::RULE,
            RuleId::FlannelClusterCidr => &crate::flannel::rules::cluster_cidr::RULE,
            RuleId::FlannelCniVersion => &crate::flannel::rules::cni_version::RULE,
            RuleId::FlannelConfigmapValueNotString => {
                &crate::flannel::rules::configmap_value_not_string::RULE
            }
            RuleId::FlannelDelegateMtu => &crate::flannel::rules::delegate_mtu::RULE,
            RuleId::FlannelDuplicateKey => &crate::flannel::rules::duplicate_key::RULE,
            RuleId::FlannelEtcdV2Store => &crate::flannel::rules::etcd_v2_store::RULE,
            RuleId::FlannelExtensionShell => &crate::flannel::rules::extension_shell::RULE,
            RuleId::FlannelHostGwL2 => &crate::flannel::rules::host_gw_l2::RULE,
            RuleId::FlannelIpsecPsk => &crate::flannel::rules::ipsec_psk::RULE,
            RuleId::FlannelIpv6Network => &crate::flannel::rules::ipv6_network::RULE,
            RuleId::FlannelKubeModeIgnoredKey => {
                &crate::flannel::rules::kube_mode_ignored_key::RULE
            }
            RuleId::FlannelLeaseIncompatible => &crate::flannel::rules::lease_incompatible::RULE,
            RuleId::FlannelLeasePublicIp => &crate::flannel::rules::lease_public_ip::RULE,
            RuleId::FlannelManifestApi => &crate::flannel::rules::manifest_api::RULE,
            RuleId::FlannelMaxPods => &crate::flannel::rules::max_pods::RULE,
            RuleId::FlannelNetConfMissing => &crate::flannel::rules::net_conf_missing::RULE,
            RuleId::FlannelNetConfSyntax => &crate::flannel::rules::net_conf_syntax::RULE,
            RuleId::FlannelNetworkHostBits => &crate::flannel::rules::network_host_bits::RULE,
            RuleId::FlannelNetworkMissing => &crate::flannel::rules::network_missing::RULE,
            RuleId::FlannelNetworkOverlap => &crate::flannel::rules::network_overlap::RULE,
            RuleId::FlannelNetworkPolicyNotEnforced => {
                &crate::flannel::rules::network_policy_not_enforced::RULE
            }
            RuleId::FlannelNetworkReserved => &crate::flannel::rules::network_reserved::RULE,
            RuleId::FlannelNetworkSyntax => &crate::flannel::rules::network_syntax::RULE,
            RuleId::FlannelNodeCapacity => &crate::flannel::rules::node_capacity::RULE,
            RuleId::FlannelNodeMask => &crate::flannel::rules::node_mask::RULE,
            RuleId::FlannelPublicNetwork => &crate::flannel::rules::public_network::RULE,
            RuleId::FlannelSubnetEnvMtu => &crate::flannel::rules::subnet_env_mtu::RULE,
            RuleId::FlannelSubnetEnvValue => &crate::flannel::rules::subnet_env_value::RULE,
            RuleId::FlannelSubnetLen => &crate::flannel::rules::subnet_len::RULE,
            RuleId::FlannelStaleLease => &crate::flannel::rules::stale_lease::RULE,
            RuleId::FlannelSubnetMinMax => &crate::flannel::rules::subnet_min_max::RULE,
            RuleId::FlannelUdpBackend => &crate::flannel::rules::udp_backend::RULE,
            RuleId::FlannelUnknownKey => &crate::flannel::rules::unknown_key::RULE,
            RuleId::FlannelValueType => &crate::flannel::rules::value_type::RULE,
            RuleId::FlannelVxlanIpv6Mtu => &crate::flannel::rules::vxlan_ipv6_mtu::RULE,
            RuleId::FlannelVxlanSettings => &crate::flannel::rules::vxlan_settings::RULE,
            RuleId::PodnetUnusedSuppression => &crate::podnet::rules::unused_suppression::RULE,
            RuleId::SymptomAksCidrOverlap => &crate::symptom::rules::aks_cidr_overlap::RULE,
            RuleId::SymptomAksSubnetCapacity => &crate::symptom::rules::aks_subnet_capacity::RULE,
            RuleId::SymptomClusterCidrExhausted => {
                &crate::symptom::rules::cluster_cidr_exhausted::RULE
            }
            RuleId::SymptomCniBridgeAddress => &crate::symptom::rules::cni_bridge_address::RULE,
            RuleId::SymptomCniNotReady => &crate::symptom::rules::cni_not_ready::RULE,
            RuleId::SymptomFlannelConfigFetch => &crate::symptom::rules::flannel_config_fetch::RULE,
            RuleId::SymptomFlannelConfigInvalid => {
                &crate::symptom::rules::flannel_config_invalid::RULE
            }
            RuleId::SymptomFlannelInterface => &crate::symptom::rules::flannel_interface::RULE,
            RuleId::SymptomNodeCidrMaskInvalid => {
                &crate::symptom::rules::node_cidr_mask_invalid::RULE
            }
            RuleId::SymptomServiceRangeTooLarge => {
                &crate::symptom::rules::service_range_too_large::RULE
            }
            RuleId::SymptomFlannelBackendUnknown => {
                &crate::symptom::rules::flannel_backend_unknown::RULE
            }
            RuleId::SymptomFlannelIpv6Lease => &crate::symptom::rules::flannel_ipv6_lease::RULE,
            RuleId::SymptomFlannelLeaseFailed => &crate::symptom::rules::flannel_lease_failed::RULE,
            RuleId::SymptomFlannelOutOfSubnets => {
                &crate::symptom::rules::flannel_out_of_subnets::RULE
            }
            RuleId::SymptomFlannelSubnetManager => {
                &crate::symptom::rules::flannel_subnet_manager::RULE
            }
            RuleId::SymptomNodePodCidrMissing => {
                &crate::symptom::rules::node_pod_cidr_missing::RULE
            }
            RuleId::SymptomPodCidrOutsideNetwork => {
                &crate::symptom::rules::pod_cidr_outside_network::RULE
            }
            RuleId::SymptomPodIpsExhausted => &crate::symptom::rules::pod_ips_exhausted::RULE,
            RuleId::SymptomServiceIpRange => &crate::symptom::rules::service_ip_range::RULE,
            RuleId::SymptomSubnetEnvMissing => &crate::symptom::rules::subnet_env_missing::RULE,
        }
    }
}
