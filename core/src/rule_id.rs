//! [`RuleId`], the typed id every finding carries: one variant per rule, nothing else. The id
//! text, the documentation and the check of each rule are in its own file
//! (`<area>/rules/<rule_name>.rs`), which the registry ([`crate::rules`]) connects to its
//! variant; this file names no rule file, so rule files and findings can use the id without
//! depending on every rule.

/// Declares [`RuleId`] and [`RuleId::ALL`] from the list of variants.
macro_rules! declare_rule_ids {
    ($($variant:ident,)*) => {
        /// The typed id of a rule. `as_str`, `info` and `from_id` are in the registry
        /// ([`crate::rules`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(
                #[doc = concat!("The rule `", stringify!($variant), "` (see its declaration through [`RuleId::info`]).")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, in registry order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];
        }
    };
}

declare_rule_ids! {
    AksBacktickFlag,
    AksContinuationBroken,
    AksContinuationMissing,
    AksDataplanePlugin,
    AksDataplanePolicy,
    AksDefaultPlugin,
    AksDnsServiceIp,
    AksDockerBridgeAddress,
    AksDualStack,
    AksFlagGlued,
    AksKubenetRetirement,
    AksLoadBalancer,
    AksMalformedValue,
    AksMaxPods,
    AksMissingValue,
    AksNetworkPolicy,
    AksNodeLimit,
    AksNodeSubnetCapacity,
    AksOpaqueValue,
    AksPluginMode,
    AksPluginRequired,
    AksPodCidrCapacity,
    AksPodCidrNeedsOverlay,
    AksPodCidrOverlap,
    AksPodCidrReserved,
    AksPodCidrSpace,
    AksPreviewFlag,
    AksRepeatedFlag,
    AksResourceId,
    AksServiceCidrOverlap,
    AksServiceCidrReserved,
    AksServiceCidrSize,
    AksStrayArgument,
    AksUnicodePunctuation,
    AksUnknownFlag,
    AksUnreadable,
    AksVnetReservedRange,
    FlannelAzureVnetMtu,
    FlannelBackendMissing,
    FlannelBackendMtu,
    FlannelBackendType,
    FlannelCapacity,
    FlannelClusterCidr,
    FlannelCniVersion,
    FlannelConfigmapValueNotString,
    FlannelDelegateMtu,
    FlannelDuplicateKey,
    FlannelEtcdV2Store,
    FlannelExtensionShell,
    FlannelHostGwL2,
    FlannelIpsecPsk,
    FlannelIpv6Network,
    FlannelKubeModeIgnoredKey,
    FlannelManifestApi,
    FlannelMaxPods,
    FlannelNetConfMissing,
    FlannelNetConfSyntax,
    FlannelNetworkHostBits,
    FlannelNetworkMissing,
    FlannelNetworkOverlap,
    FlannelNetworkPolicyNotEnforced,
    FlannelNetworkReserved,
    FlannelNetworkSyntax,
    FlannelNodeCapacity,
    FlannelNodeMask,
    FlannelPublicNetwork,
    FlannelSubnetEnvMtu,
    FlannelSubnetEnvValue,
    FlannelSubnetLen,
    FlannelSubnetMinMax,
    FlannelUdpBackend,
    FlannelUnknownKey,
    FlannelValueType,
    FlannelVxlanIpv6Mtu,
    FlannelVxlanSettings,
}
