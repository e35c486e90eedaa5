//! The typed rule ids: every rule's id, listed once. A leaf: it imports nothing, so any file
//! can name a rule (findings, rule files, lists such as the rules whose fixes rewrite Network)
//! without reaching the rules' documentation.

use core::fmt;

/// Declares [`RuleId`] from the list of rules and their ids.
macro_rules! declare_ids {
    ($($variant:ident => $id:literal,)*) => {
        /// The typed id of a rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, in registry order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The stable id, `area/name`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }
    };
}

declare_ids! {
    AksAutoscalerCounts => "aks/autoscaler-counts",
    AksBacktickFlag => "aks/backtick-flag",
    AksContinuationBroken => "aks/continuation-broken",
    AksContinuationMissing => "aks/continuation-missing",
    AksDataplanePlugin => "aks/dataplane-plugin",
    AksDataplanePolicy => "aks/dataplane-policy",
    AksDefaultPlugin => "aks/default-plugin",
    AksDnsServiceIp => "aks/dns-service-ip",
    AksDockerBridgeAddress => "aks/docker-bridge-address",
    AksDualStack => "aks/dual-stack",
    AksFlagGlued => "aks/flag-glued",
    AksKubenetRetirement => "aks/kubenet-retirement",
    AksLoadBalancer => "aks/load-balancer",
    AksMalformedValue => "aks/malformed-value",
    AksMaxPods => "aks/max-pods",
    AksMissingValue => "aks/missing-value",
    AksNetworkPolicy => "aks/network-policy",
    AksNodeLimit => "aks/node-limit",
    AksNodeSubnetCapacity => "aks/node-subnet-capacity",
    AksOpaqueValue => "aks/opaque-value",
    AksPluginMode => "aks/plugin-mode",
    AksPluginRequired => "aks/plugin-required",
    AksPodCidrCapacity => "aks/pod-cidr-capacity",
    AksPodCidrNeedsOverlay => "aks/pod-cidr-needs-overlay",
    AksPodCidrOverlap => "aks/pod-cidr-overlap",
    AksPodCidrReserved => "aks/pod-cidr-reserved",
    AksPodCidrSpace => "aks/pod-cidr-space",
    AksPreviewFlag => "aks/preview-flag",
    AksRepeatedFlag => "aks/repeated-flag",
    AksResourceId => "aks/resource-id",
    AksServiceCidrOverlap => "aks/service-cidr-overlap",
    AksServiceCidrReserved => "aks/service-cidr-reserved",
    AksServiceCidrSize => "aks/service-cidr-size",
    AksStrayArgument => "aks/stray-argument",
    AksUnicodePunctuation => "aks/unicode-punctuation",
    AksUnknownFlag => "aks/unknown-flag",
    AksUnreadable => "aks/unreadable",
    AksVnetReservedRange => "aks/vnet-reserved-range",
    ClusterConflictingValues => "cluster/conflicting-values",
    ClusterNodeCidrMask => "cluster/node-cidr-mask",
    ClusterNodeCidrMissing => "cluster/node-cidr-missing",
    ClusterNodeCidrOutsidePool => "cluster/node-cidr-outside-pool",
    ClusterNodeCidrOverlap => "cluster/node-cidr-overlap",
    ClusterNodePodsFit => "cluster/node-pods-fit",
    ClusterNodeRangesCapacity => "cluster/node-ranges-capacity",
    ClusterNodeCidrsNotAllocated => "cluster/node-cidrs-not-allocated",
    ClusterServiceRangeOverlap => "cluster/service-range-overlap",
    ControlClusterCidrMissing => "control/cluster-cidr-missing",
    ControlMalformedValue => "control/malformed-value",
    FlannelAzureVnetMtu => "flannel/azure-vnet-mtu",
    FlannelBackendMissing => "flannel/backend-missing",
    FlannelBackendMtu => "flannel/backend-mtu",
    FlannelBackendType => "flannel/backend-type",
    FlannelCapacity => "flannel/capacity",
    FlannelClusterCidr => "flannel/cluster-cidr",
    FlannelCniVersion => "flannel/cni-version",
    FlannelConfigmapValueNotString => "flannel/configmap-value-not-string",
    FlannelDelegateMtu => "flannel/delegate-mtu",
    FlannelDuplicateKey => "flannel/duplicate-key",
    FlannelEtcdV2Store => "flannel/etcd-v2-store",
    FlannelExtensionShell => "flannel/extension-shell",
    FlannelHostGwL2 => "flannel/host-gw-l2",
    FlannelIpsecPsk => "flannel/ipsec-psk",
    FlannelIpv6Network => "flannel/ipv6-network",
    FlannelKubeModeIgnoredKey => "flannel/kube-mode-ignored-key",
    FlannelLeaseIncompatible => "flannel/lease-incompatible",
    FlannelLeasePublicIp => "flannel/lease-public-ip",
    FlannelManifestApi => "flannel/manifest-api",
    FlannelMaxPods => "flannel/max-pods",
    FlannelNetConfMissing => "flannel/net-conf-missing",
    FlannelNetConfSyntax => "flannel/net-conf-syntax",
    FlannelNetworkHostBits => "flannel/network-host-bits",
    FlannelNetworkMissing => "flannel/network-missing",
    FlannelNetworkOverlap => "flannel/network-overlap",
    FlannelNetworkPolicyNotEnforced => "flannel/network-policy-not-enforced",
    FlannelNetworkReserved => "flannel/network-reserved",
    FlannelNetworkSyntax => "flannel/network-syntax",
    FlannelNodeCapacity => "flannel/node-capacity",
    FlannelNodeMask => "flannel/node-mask",
    FlannelPublicNetwork => "flannel/public-network",
    FlannelSubnetEnvMtu => "flannel/subnet-env-mtu",
    FlannelSubnetEnvValue => "flannel/subnet-env-value",
    FlannelSubnetLen => "flannel/subnet-len",
    FlannelStaleLease => "flannel/stale-lease",
    FlannelSubnetMinMax => "flannel/subnet-min-max",
    FlannelUdpBackend => "flannel/udp-backend",
    FlannelUnknownKey => "flannel/unknown-key",
    FlannelValueType => "flannel/value-type",
    FlannelVxlanIpv6Mtu => "flannel/vxlan-ipv6-mtu",
    FlannelVxlanSettings => "flannel/vxlan-settings",
    PodnetUnusedSuppression => "podnet/unused-suppression",
    SymptomAksCidrOverlap => "symptom/aks-cidr-overlap",
    SymptomAksSubnetCapacity => "symptom/aks-subnet-capacity",
    SymptomClusterCidrExhausted => "symptom/cluster-cidr-exhausted",
    SymptomCniBridgeAddress => "symptom/cni-bridge-address",
    SymptomCniNotReady => "symptom/cni-not-ready",
    SymptomFlannelBackendUnknown => "symptom/flannel-backend-unknown",
    SymptomFlannelConfigFetch => "symptom/flannel-config-fetch",
    SymptomFlannelConfigInvalid => "symptom/flannel-config-invalid",
    SymptomFlannelInterface => "symptom/flannel-interface",
    SymptomFlannelIpv6Lease => "symptom/flannel-ipv6-lease",
    SymptomFlannelLeaseFailed => "symptom/flannel-lease-failed",
    SymptomFlannelOutOfSubnets => "symptom/flannel-out-of-subnets",
    SymptomFlannelSubnetManager => "symptom/flannel-subnet-manager",
    SymptomNodeCidrMaskInvalid => "symptom/node-cidr-mask-invalid",
    SymptomNodePodCidrMissing => "symptom/node-pod-cidr-missing",
    SymptomPodCidrOutsideNetwork => "symptom/pod-cidr-outside-network",
    SymptomPodIpsExhausted => "symptom/pod-ips-exhausted",
    SymptomServiceIpRange => "symptom/service-ip-range",
    SymptomServiceRangeTooLarge => "symptom/service-range-too-large",
    SymptomSubnetEnvMissing => "symptom/subnet-env-missing",
}

impl RuleId {
    /// The area part of the id (`flannel`, `aks`): what a runtime check of a rule's area
    /// reads, since [`RuleId::info`](crate::rules::RuleId) would link every rule's
    /// documentation into the page.
    pub fn area_name(self) -> &'static str {
        let id = self.as_str();
        id.split_once('/').map_or(id, |(area, _)| area)
    }

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
