//! What the user tells podnet beyond the pasted text: targets, platform, ranges to avoid.

use alloc::format;
use alloc::string::String;
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

/// The keys [`Context::set`] accepts, in the order the page and `--help` list them.
pub const CONTEXT_KEYS: [&str; 11] = [
    "nodes",
    "max-pods",
    "underlay-mtu",
    "platform",
    "avoid",
    "vnet-cidr",
    "subnet-manager",
    "cluster-cidr",
    "node-cidr-mask-size",
    "headroom",
    "keep",
];

impl Context {
    /// Sets one field from its text form, as the CLI flags, fixture files and the page's URL
    /// fragment write it (`nodes=300`, `avoid=10.0.0.0/8`, ...). List keys (`avoid`, `vnet-cidr`,
    /// `keep`) append. An empty value clears an optional field.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        match key {
            "nodes" => self.target_nodes = number(key, value, 1, 1_000_000)?,
            "max-pods" => self.max_pods = number(key, value, 1, 100_000)?,
            "underlay-mtu" => self.underlay_mtu = number(key, value, 68, 65_535)?,
            "headroom" => self.headroom_percent = number(key, value, 0, 1_000)?,
            "node-cidr-mask-size" => {
                self.node_cidr_mask_size = number(key, value, 1, 128)?.map(|n: u32| n as u8)
            }
            "platform" => {
                self.platform = if value.is_empty() {
                    Platform::Generic
                } else {
                    Platform::from_name(value).ok_or_else(|| {
                        format!("platform \"{value}\" is not one of generic, aws, gcp, azure")
                    })?
                }
            }
            "subnet-manager" => {
                self.subnet_manager =
                    if value.is_empty() {
                        None
                    } else {
                        Some(SubnetManager::from_name(value).ok_or_else(|| {
                            format!("subnet manager \"{value}\" is not kube or etcd")
                        })?)
                    }
            }
            "cluster-cidr" => {
                self.cluster_cidr = if value.is_empty() {
                    None
                } else {
                    Some(cidr(key, value)?)
                }
            }
            "avoid" => self.avoid.push(cidr(key, value)?),
            "vnet-cidr" => self.vnet.push(cidr(key, value)?),
            "keep" => self.redaction.keep.push(String::from(value)),
            _ => {
                return Err(format!(
                    "unknown setting \"{key}\"; known: {}",
                    CONTEXT_KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }

    /// The underlay MTU: the explicit one, else the platform's default.
    pub fn underlay_mtu(&self) -> u32 {
        self.underlay_mtu.unwrap_or(self.platform.default_mtu())
    }
}

fn number(key: &str, value: &str, min: u32, max: u32) -> Result<Option<u32>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "{key} must be a whole number from {min} to {max}, not \"{value}\""
        )),
    }
}

fn cidr(key: &str, value: &str) -> Result<Cidr, String> {
    value
        .parse::<Cidr>()
        .map_err(|error| format!("{key}: \"{value}\" {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse_from_text() {
        let mut context = Context::default();
        context.set("nodes", "300").expect("nodes");
        context.set("platform", "AWS").expect("platform");
        context.set("avoid", "10.0.0.0/8").expect("avoid");
        context.set("avoid", "192.168.0.0/16").expect("avoid");
        context.set("subnet-manager", "etcd").expect("manager");
        assert_eq!(context.target_nodes, Some(300));
        assert_eq!(context.platform, Platform::Aws);
        assert_eq!(context.avoid.len(), 2);
        assert_eq!(context.subnet_manager, Some(SubnetManager::Etcd));
        assert_eq!(context.underlay_mtu(), 9001);
        context.set("nodes", "").expect("clear");
        assert_eq!(context.target_nodes, None);
    }

    #[test]
    fn bad_settings_say_what_is_wrong() {
        let mut context = Context::default();
        assert!(context
            .set("nodes", "lots")
            .expect_err("rejected")
            .contains("whole number"));
        assert!(context
            .set("underlay-mtu", "20")
            .expect_err("rejected")
            .contains("68"));
        assert!(context
            .set("platform", "ibm")
            .expect_err("rejected")
            .contains("generic, aws"));
        assert!(context
            .set("avoid", "10.0.0.0")
            .expect_err("rejected")
            .contains("prefix length"));
        assert!(context
            .set("colour", "red")
            .expect_err("rejected")
            .contains("unknown setting"));
    }
}
