//! What the user tells podnet beyond the pasted text: targets, platform, ranges to avoid.

use alloc::vec::Vec;

use crate::net::Cidr;

/// Where the cluster runs; sets the default underlay MTU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Platform {
    /// Plain Ethernet, bare metal or an unknown cloud: 1500.
    #[default]
    Generic,
    /// AWS VPC: 9001 inside the VPC.
    Aws,
    /// GCP VPC: 1460 by default.
    Gcp,
    /// Azure VNet: 1500 on the NIC, fragmenting at 1400 inside the VNet.
    Azure,
}

impl Platform {
    /// All platforms, for pickers and argument parsing.
    pub const ALL: [Platform; 4] = [
        Platform::Generic,
        Platform::Aws,
        Platform::Gcp,
        Platform::Azure,
    ];

    /// The lower-case name used by the CLI and the page.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Generic => "generic",
            Platform::Aws => "aws",
            Platform::Gcp => "gcp",
            Platform::Azure => "azure",
        }
    }

    /// The platform with this name, if any.
    pub fn from_name(name: &str) -> Option<Platform> {
        Platform::ALL
            .into_iter()
            .find(|platform| platform.name().eq_ignore_ascii_case(name))
    }

    /// The interface MTU a node on this platform has by default.
    pub fn default_mtu(self) -> u32 {
        match self {
            Platform::Generic | Platform::Azure => 1500,
            Platform::Aws => 9001,
            Platform::Gcp => 1460,
        }
    }
}

/// Everything the analysis knows besides the text. All fields are optional hints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// How many nodes the cluster must hold.
    pub target_nodes: Option<u32>,
    /// The kubelet `--max-pods` the nodes run with.
    pub max_pods: Option<u32>,
    /// The MTU of the node network, overriding the platform default.
    pub underlay_mtu: Option<u32>,
    /// Where the cluster runs.
    pub platform: Platform,
    /// Ranges the pod network must not overlap (VPN, on-prem, peered networks).
    pub avoid: Vec<Cidr>,
    /// How flannel hands out node ranges; `None` means the default for the document read.
    pub subnet_manager: Option<SubnetManager>,
    /// kube-controller-manager `--node-cidr-mask-size`, when known (kube mode's per-node size).
    pub node_cidr_mask_size: Option<u8>,
    /// kube-controller-manager `--cluster-cidr`, when known.
    pub cluster_cidr: Option<Cidr>,
    /// Address ranges of the VNet/VPC and its subnets (an Azure subnet id names no range).
    pub vnet: Vec<Cidr>,
    /// Extra nodes to plan for on top of the target, in percent (surge, autoscaler slack).
    pub headroom_percent: Option<u32>,
    /// Which redaction kinds to leave alone.
    pub redaction: RedactionOptions,
}

/// Redaction switches: the identifier-tier kinds a user may turn off.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedactionOptions {
    /// Kind names (as in [`crate::redact::Redaction::kind`]) not to redact.
    pub keep: Vec<alloc::string::String>,
}

/// How flannel gets each node's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubnetManager {
    /// `--kube-subnet-mgr`: kube-controller-manager assigns `node.spec.podCIDR` (the official manifest).
    #[default]
    Kube,
    /// flannel leases ranges from etcd itself, honouring SubnetLen/SubnetMin/SubnetMax.
    Etcd,
}

impl SubnetManager {
    /// The lower-case name used by the CLI and the page.
    pub fn name(self) -> &'static str {
        match self {
            SubnetManager::Kube => "kube",
            SubnetManager::Etcd => "etcd",
        }
    }

    /// The subnet manager with this name, if any.
    pub fn from_name(name: &str) -> Option<SubnetManager> {
        [SubnetManager::Kube, SubnetManager::Etcd]
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }
}

impl Context {
    /// The underlay MTU: the explicit one, else the platform's default.
    pub fn underlay_mtu(&self) -> u32 {
        self.underlay_mtu.unwrap_or(self.platform.default_mtu())
    }
}
