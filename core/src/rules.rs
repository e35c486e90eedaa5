//! The rule registry: every rule podnet has, connected once to its declaration.
//!
//! Each rule lives in its own file, `<area>/rules/<rule_name>.rs`, which holds its [`RuleInfo`]
//! (id, default severity, summary and documentation). [`RuleId`] is the typed id findings carry;
//! the list below is the only place that connects every id to its rule's declaration, so
//! `podnet rules`, `podnet explain` and the page all read the same text. The types live in
//! their own files ([`crate::rule_id`], [`crate::rule_info`]), which name no rule file: rule
//! files import those, never this registry.

use core::fmt;

pub use crate::rule_id::RuleId;
pub use crate::rule_info::{Area, FixSafety, RuleInfo};

/// Connects each [`RuleId`] to the `RULE` its file declares.
macro_rules! register_rules {
    ($($variant:ident => $info:path,)*) => {
        impl RuleId {
            /// The rule's declaration.
            pub fn info(self) -> &'static RuleInfo {
                match self {
                    $(RuleId::$variant => &$info,)*
                }
            }

            /// The stable id, `area/name`. Read from the constant itself rather than through
            /// [`RuleId::info`], so that a program which only names rules (the page) does not
            /// carry every rule's documentation.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $info.id,)*
                }
            }
        }
    };
}

register_rules! {
    AksBacktickFlag => crate::aks::rules::backtick_flag::RULE,
    AksContinuationBroken => crate::aks::rules::continuation_broken::RULE,
    AksContinuationMissing => crate::aks::rules::continuation_missing::RULE,
    AksDataplanePlugin => crate::aks::rules::dataplane_plugin::RULE,
    AksDataplanePolicy => crate::aks::rules::dataplane_policy::RULE,
    AksDefaultPlugin => crate::aks::rules::default_plugin::RULE,
    AksDnsServiceIp => crate::aks::rules::dns_service_ip::RULE,
    AksDockerBridgeAddress => crate::aks::rules::docker_bridge_address::RULE,
    AksDualStack => crate::aks::rules::dual_stack::RULE,
    AksFlagGlued => crate::aks::rules::flag_glued::RULE,
    AksKubenetRetirement => crate::aks::rules::kubenet_retirement::RULE,
    AksLoadBalancer => crate::aks::rules::load_balancer::RULE,
    AksMalformedValue => crate::aks::rules::malformed_value::RULE,
    AksMaxPods => crate::aks::rules::max_pods::RULE,
    AksMissingValue => crate::aks::rules::missing_value::RULE,
    AksNetworkPolicy => crate::aks::rules::network_policy::RULE,
    AksNodeLimit => crate::aks::rules::node_limit::RULE,
    AksNodeSubnetCapacity => crate::aks::rules::node_subnet_capacity::RULE,
    AksOpaqueValue => crate::aks::rules::opaque_value::RULE,
    AksPluginMode => crate::aks::rules::plugin_mode::RULE,
    AksPluginRequired => crate::aks::rules::plugin_required::RULE,
    AksPodCidrCapacity => crate::aks::rules::pod_cidr_capacity::RULE,
    AksPodCidrNeedsOverlay => crate::aks::rules::pod_cidr_needs_overlay::RULE,
    AksPodCidrOverlap => crate::aks::rules::pod_cidr_overlap::RULE,
    AksPodCidrReserved => crate::aks::rules::pod_cidr_reserved::RULE,
    AksPodCidrSpace => crate::aks::rules::pod_cidr_space::RULE,
    AksPreviewFlag => crate::aks::rules::preview_flag::RULE,
    AksRepeatedFlag => crate::aks::rules::repeated_flag::RULE,
    AksResourceId => crate::aks::rules::resource_id::RULE,
    AksServiceCidrOverlap => crate::aks::rules::service_cidr_overlap::RULE,
    AksServiceCidrReserved => crate::aks::rules::service_cidr_reserved::RULE,
    AksServiceCidrSize => crate::aks::rules::service_cidr_size::RULE,
    AksStrayArgument => crate::aks::rules::stray_argument::RULE,
    AksUnicodePunctuation => crate::aks::rules::unicode_punctuation::RULE,
    AksUnknownFlag => crate::aks::rules::unknown_flag::RULE,
    AksUnreadable => crate::aks::rules::unreadable::RULE,
    AksVnetReservedRange => crate::aks::rules::vnet_reserved_range::RULE,
    FlannelAzureVnetMtu => crate::flannel::rules::azure_vnet_mtu::RULE,
    FlannelBackendMissing => crate::flannel::rules::backend_missing::RULE,
    FlannelBackendMtu => crate::flannel::rules::backend_mtu::RULE,
    FlannelBackendType => crate::flannel::rules::backend_type::RULE,
    FlannelCapacity => crate::flannel::rules::capacity::RULE,
    FlannelClusterCidr => crate::flannel::rules::cluster_cidr::RULE,
    FlannelCniVersion => crate::flannel::rules::cni_version::RULE,
    FlannelConfigmapValueNotString => crate::flannel::rules::configmap_value_not_string::RULE,
    FlannelDelegateMtu => crate::flannel::rules::delegate_mtu::RULE,
    FlannelDuplicateKey => crate::flannel::rules::duplicate_key::RULE,
    FlannelEtcdV2Store => crate::flannel::rules::etcd_v2_store::RULE,
    FlannelExtensionShell => crate::flannel::rules::extension_shell::RULE,
    FlannelHostGwL2 => crate::flannel::rules::host_gw_l2::RULE,
    FlannelIpsecPsk => crate::flannel::rules::ipsec_psk::RULE,
    FlannelIpv6Network => crate::flannel::rules::ipv6_network::RULE,
    FlannelKubeModeIgnoredKey => crate::flannel::rules::kube_mode_ignored_key::RULE,
    FlannelManifestApi => crate::flannel::rules::manifest_api::RULE,
    FlannelMaxPods => crate::flannel::rules::max_pods::RULE,
    FlannelNetConfMissing => crate::flannel::rules::net_conf_missing::RULE,
    FlannelNetConfSyntax => crate::flannel::rules::net_conf_syntax::RULE,
    FlannelNetworkHostBits => crate::flannel::rules::network_host_bits::RULE,
    FlannelNetworkMissing => crate::flannel::rules::network_missing::RULE,
    FlannelNetworkOverlap => crate::flannel::rules::network_overlap::RULE,
    FlannelNetworkPolicyNotEnforced => crate::flannel::rules::network_policy_not_enforced::RULE,
    FlannelNetworkReserved => crate::flannel::rules::network_reserved::RULE,
    FlannelNetworkSyntax => crate::flannel::rules::network_syntax::RULE,
    FlannelNodeCapacity => crate::flannel::rules::node_capacity::RULE,
    FlannelNodeMask => crate::flannel::rules::node_mask::RULE,
    FlannelPublicNetwork => crate::flannel::rules::public_network::RULE,
    FlannelSubnetEnvMtu => crate::flannel::rules::subnet_env_mtu::RULE,
    FlannelSubnetEnvValue => crate::flannel::rules::subnet_env_value::RULE,
    FlannelSubnetLen => crate::flannel::rules::subnet_len::RULE,
    FlannelSubnetMinMax => crate::flannel::rules::subnet_min_max::RULE,
    FlannelUdpBackend => crate::flannel::rules::udp_backend::RULE,
    FlannelUnknownKey => crate::flannel::rules::unknown_key::RULE,
    FlannelValueType => crate::flannel::rules::value_type::RULE,
    FlannelVxlanIpv6Mtu => crate::flannel::rules::vxlan_ipv6_mtu::RULE,
    FlannelVxlanSettings => crate::flannel::rules::vxlan_settings::RULE,
}

impl RuleId {
    /// The rule whose id is `id`.
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|rule| rule.as_str() == id)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn ids_are_unique_and_name_their_area() {
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|rule| rule.as_str()).collect();
        for rule in RuleId::ALL {
            let info = rule.info();
            assert!(info.id.starts_with(info.area.as_str()), "{}", info.id);
            assert_eq!(RuleId::from_id(info.id), Some(*rule));
        }
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "a rule id is declared twice");
    }

    #[test]
    fn each_rule_is_declared_in_a_file_named_after_it() {
        for rule in RuleId::ALL {
            let info = rule.info();
            let (area, name) = info.id.split_once('/').unwrap_or_default();
            let expected = alloc::format!("core/src/{area}/rules/{}.rs", name.replace('-', "_"));
            assert_eq!(info.file, expected, "{}", info.id);
        }
    }
}
