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

/// How a context key's value is written, and so how the CLI and the page ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyValue {
    /// A whole number from `min` to `max`; `unset` describes what an empty field means.
    Number {
        /// The smallest value.
        min: u32,
        /// The largest value.
        max: u32,
        /// What leaving it empty means ("platform default").
        unset: &'static str,
    },
    /// One of a few words, each with how the page shows it (`""` is "not said").
    Choice(&'static [(&'static str, &'static str)]),
    /// One CIDR block.
    Cidr,
    /// CIDR blocks: repeat the flag, or separate them by commas or spaces on the page.
    Cidrs,
    /// Redaction kind names (`email`): which identifier kinds to leave unredacted.
    Kinds,
}

/// One setting of the context: its name (the CLI flag without `--`, the URL fragment and
/// fixture key), how people see it, and how it is written (its `--help` line is [`ContextKey::help`]). [`CONTEXT_KEYS`] declares every one;
/// the CLI builds its flags and the page its form from it, and [`Context::set`] refuses any
/// key not declared there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextKey {
    /// The key (`nodes`, `vnet-cidr`).
    pub name: &'static str,
    /// The page's label.
    pub label: &'static str,
    /// How the value is written.
    pub value: KeyValue,
    /// True when the page's Context form shows it (the rest are CLI and link only).
    pub on_page: bool,
    /// A valid value, for `--help` and the tests.
    pub example: &'static str,
}

impl ContextKey {
    /// True when the key takes several values (the CLI flag repeats).
    pub fn repeatable(&self) -> bool {
        matches!(self.value, KeyValue::Cidrs | KeyValue::Kinds)
    }

    /// The key's line for `--help`. Kept out of the declaration's data so that the page, which
    /// shows labels and not help lines, does not carry them.
    pub fn help(&self) -> &'static str {
        match self.name {
            "platform" => "Where the cluster runs: generic (1500), aws (9001), gcp (1460), azure (1500, 1400 in the VNet)",
            "underlay-mtu" => "MTU of the node network (overrides the platform default)",
            "nodes" => "Target node count the pod network must hold",
            "max-pods" => "kubelet --max-pods of the nodes",
            "headroom" => "Extra nodes to plan for, in percent of the target",
            "avoid" => "A CIDR the pod network must not overlap (repeatable)",
            "vnet-cidr" => "An address range of the VNet/VPC or its subnets (repeatable)",
            "subnet-manager" => "How flannel gets node ranges: kube (--kube-subnet-mgr) or etcd",
            "cluster-cidr" => "kube-controller-manager --cluster-cidr, when known",
            "node-cidr-mask-size" => "kube-controller-manager --node-cidr-mask-size, when known",
            "keep" => "A redaction kind to leave alone (repeatable), e.g. email",
            _ => "",
        }
    }

    /// The declared key named `name`.
    pub fn named(name: &str) -> Option<&'static ContextKey> {
        CONTEXT_KEYS.iter().find(|key| key.name == name)
    }
}

/// Every context key, in the order the page's form and `--help` list them: sizing first (the
/// first questions a planner asks), then the network around the pods.
pub const CONTEXT_KEYS: [ContextKey; 11] = [
    ContextKey {
        name: "nodes",
        label: "Target nodes",
        value: KeyValue::Number {
            min: 1,
            max: 1_000_000,
            unset: "",
        },
        on_page: true,
        example: "300",
    },
    ContextKey {
        name: "max-pods",
        label: "Max pods per node",
        value: KeyValue::Number {
            min: 1,
            max: 100_000,
            unset: "",
        },
        on_page: true,
        example: "110",
    },
    ContextKey {
        name: "headroom",
        label: "Headroom (%)",
        value: KeyValue::Number {
            min: 0,
            max: 1_000,
            unset: "0",
        },
        on_page: true,
        example: "25",
    },
    ContextKey {
        name: "platform",
        label: "Platform",
        value: KeyValue::Choice(&[
            ("", "generic (1500)"),
            ("aws", "AWS (9001)"),
            ("gcp", "GCP (1460)"),
            ("azure", "Azure (1500, 1400 in the VNet)"),
        ]),
        on_page: true,
        example: "azure",
    },
    ContextKey {
        name: "underlay-mtu",
        label: "Underlay MTU",
        value: KeyValue::Number {
            min: 68,
            max: 65_535,
            unset: "platform default",
        },
        on_page: true,
        example: "9001",
    },
    ContextKey {
        name: "avoid",
        label: "CIDRs to avoid",
        value: KeyValue::Cidrs,
        on_page: true,
        example: "10.0.0.0/8",
    },
    ContextKey {
        name: "vnet-cidr",
        label: "VNet ranges",
        value: KeyValue::Cidrs,
        on_page: true,
        example: "10.20.0.0/16",
    },
    ContextKey {
        name: "subnet-manager",
        label: "Subnet manager",
        value: KeyValue::Choice(&[
            ("", "as the document says"),
            ("kube", "kube (--kube-subnet-mgr)"),
            ("etcd", "etcd"),
        ]),
        on_page: true,
        example: "kube",
    },
    ContextKey {
        name: "cluster-cidr",
        label: "Cluster CIDR",
        value: KeyValue::Cidr,
        on_page: false,
        example: "10.244.0.0/16",
    },
    ContextKey {
        name: "node-cidr-mask-size",
        label: "Node CIDR mask size",
        value: KeyValue::Number {
            min: 1,
            max: 128,
            unset: "",
        },
        on_page: false,
        example: "24",
    },
    ContextKey {
        name: "keep",
        label: "Keep unredacted",
        value: KeyValue::Kinds,
        on_page: false,
        example: "email",
    },
];

impl Context {
    /// Sets one field from its text form, as the CLI flags, fixture files and the page's URL
    /// fragment write it (`nodes=300`, `avoid=10.0.0.0/8`, ...). List keys (`avoid`, `vnet-cidr`,
    /// `keep`) append. An empty value clears an optional field.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        let Some(declared) = ContextKey::named(key) else {
            let known: Vec<&str> = CONTEXT_KEYS.iter().map(|key| key.name).collect();
            return Err(format!(
                "unknown setting \"{key}\"; known: {}",
                known.join(", ")
            ));
        };
        let number = || match declared.value {
            KeyValue::Number { min, max, .. } => number(key, value, min, max),
            _ => Ok(None),
        };
        match key {
            "nodes" => self.target_nodes = number()?,
            "max-pods" => self.max_pods = number()?,
            "underlay-mtu" => self.underlay_mtu = number()?,
            "headroom" => self.headroom_percent = number()?,
            "node-cidr-mask-size" => {
                self.node_cidr_mask_size = number()?.and_then(|n| u8::try_from(n).ok())
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
            // Declared in CONTEXT_KEYS but not read here: the test
            // `every_declared_key_sets_a_value` fails first.
            _ => return Err(format!("setting \"{key}\" is declared but not read")),
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
    fn every_declared_key_sets_a_value() {
        for key in CONTEXT_KEYS {
            assert!(!key.help().is_empty(), "{} has no --help line", key.name);
            let mut context = Context::default();
            context.set(key.name, key.example).expect(key.name);
            assert_ne!(context, Context::default(), "{} changed nothing", key.name);
            if let KeyValue::Number { min, max, .. } = key.value {
                assert!(context.set(key.name, &(max + 1).to_string()).is_err());
                if min > 0 {
                    assert!(context.set(key.name, &(min - 1).to_string()).is_err());
                }
            }
            if let KeyValue::Choice(choices) = key.value {
                for (choice, _) in choices {
                    context.set(key.name, choice).expect(choice);
                }
            }
        }
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
