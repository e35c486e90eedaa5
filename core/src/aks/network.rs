//! The network a command asks for, read into typed values: plugin and mode, ranges, addresses,
//! counts. Values that cannot be read are left out, so the rules see only values they can trust,
//! and recorded with where they are and why ([`Unreadable`]), for rule `aks/malformed-value`.
//!
//! Reading follows azure-cli: the last of a repeated flag wins, choices match in any case, and
//! AKS's defaults fill in what a new cluster does not say (azure-cli `acs/_params.py` and
//! `acs/_validators.py`).

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::net::{Ipv4Addr, Ipv6Addr};
use core::str::FromStr;

use super::around::Around;
use super::command::{AksCommand, Opt, Verb};
use crate::net::{Cidr, IpFamily};

/// The network plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plugin {
    /// `kubenet`: pod routes in a route table, retiring.
    Kubenet,
    /// `azure`: Azure CNI (node subnet, pod subnet or overlay).
    Azure,
    /// `none`: bring your own CNI.
    None,
}

impl Plugin {
    /// The value as `--network-plugin` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Plugin::Kubenet => "kubenet",
            Plugin::Azure => "azure",
            Plugin::None => "none",
        }
    }
}

/// How pods get addresses, which sets max-pods defaults, node limits and capacity math.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// kubenet: a /24 per node from `--pod-cidr`.
    Kubenet,
    /// Azure CNI Overlay: a /24 per node from `--pod-cidr`.
    Overlay,
    /// Azure CNI with `--pod-subnet-id`: pod IPs from a dedicated VNet subnet.
    PodSubnet,
    /// Azure CNI node subnet (legacy): every pod takes a VNet address.
    NodeSubnet,
    /// `--network-plugin none`: bring your own CNI.
    Byo,
}

impl Mode {
    /// The name people know the mode by.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Kubenet => "kubenet",
            Mode::Overlay => "Azure CNI Overlay",
            Mode::PodSubnet => "Azure CNI pod subnet",
            Mode::NodeSubnet => "Azure CNI node subnet",
            Mode::Byo => "no CNI (--network-plugin none)",
        }
    }

    /// AKS's max-pods default for the mode (azure-cli help says 250 for `none`).
    pub fn default_max_pods(self) -> u32 {
        match self {
            Mode::Kubenet | Mode::PodSubnet => 110,
            Mode::Overlay | Mode::Byo => 250,
            Mode::NodeSubnet => 30,
        }
    }

    /// True when pods get a /24 per node from `--pod-cidr`.
    pub fn uses_pod_cidr(self) -> bool {
        matches!(self, Mode::Kubenet | Mode::Overlay)
    }
}

/// The AKS default pod CIDR for kubenet and overlay.
pub const DEFAULT_POD_CIDR: Cidr = Cidr::v4::<10, 244, 0, 0, 16>();
/// The AKS default service CIDR.
pub const DEFAULT_SERVICE_CIDR: Cidr = Cidr::v4::<10, 0, 0, 0, 16>();
/// The `--network-dataplane` values azure-cli accepts.
pub const DATAPLANES: [&str; 2] = ["azure", "cilium"];
/// The `--network-policy` values azure-cli accepts.
pub const POLICIES: [&str; 4] = ["azure", "calico", "cilium", "none"];

/// The one of `choices` that `lower` (a lower-cased value) is.
fn accepted(choices: &[&'static str], lower: &str) -> Option<&'static str> {
    choices.iter().copied().find(|choice| *choice == lower)
}

/// The `--outbound-type` values azure-cli and the aks-preview extension accept, lower-case.
pub const OUTBOUND_TYPES: [&str; 7] = [
    "loadbalancer",
    "userdefinedrouting",
    "managednatgateway",
    "managednatgatewayv2",
    "userassignednatgateway",
    "none",
    "block",
];
/// AKS's default node count.
pub const DEFAULT_NODE_COUNT: u32 = 3;

/// A value that cannot be read as its flag needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The text range of the value (of one block in a list).
    pub at: (usize, usize),
    /// The flag's long name.
    pub flag: String,
    /// The value as written (one block of a list).
    pub text: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// Why a value cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not one of the flag's choices, which are given as azure-cli lists them.
    Choice(&'static [&'static str]),
    /// `--ip-families` with a family other than IPv4 and IPv6.
    Families,
    /// `--pod-cidr` or `--service-cidr` with host bits set: read as its aligned block.
    Unaligned(Cidr),
    /// A block with host bits set where only its network address is accepted: not read.
    HostBits(Cidr),
    /// Not a CIDR block: the parser's reason.
    NotCidr(String),
    /// Not an IP address.
    NotIp,
    /// Not a whole number.
    NotWhole,
}

/// The typed network settings of one command.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// `--network-plugin`, when written and valid.
    pub plugin: Option<Plugin>,
    /// `--network-plugin-mode overlay` was written.
    pub overlay: bool,
    /// The effective mode; `None` for an update that does not say.
    pub mode: Option<Mode>,
    /// True when the mode is AKS's default because no plugin was given.
    pub mode_is_default: bool,
    /// `--network-dataplane`, as one of [`DATAPLANES`].
    pub dataplane: Option<&'static str>,
    /// `--network-policy`, as one of [`POLICIES`].
    pub policy: Option<&'static str>,
    /// `--pod-cidr`.
    pub pod_cidr: Option<Cidr>,
    /// `--service-cidr`.
    pub service_cidr: Option<Cidr>,
    /// `--dns-service-ip`: family and address.
    pub dns_ip: Option<(IpFamily, u128)>,
    /// `--pod-cidrs`, each block.
    pub pod_cidrs: Vec<Cidr>,
    /// `--service-cidrs`, each block.
    pub service_cidrs: Vec<Cidr>,
    /// `--ip-families`, lower-cased families.
    pub ip_families: Vec<IpFamily>,
    /// `--docker-bridge-address`.
    pub docker_bridge: Option<Cidr>,
    /// `--node-count`.
    pub node_count: Option<u32>,
    /// `--max-count` when the autoscaler is on.
    pub max_count: Option<u32>,
    /// `--max-pods` from the command.
    pub max_pods: Option<u32>,
    /// The default pool's max surge (`33%` or `5`), as written.
    pub max_surge: Option<Surge>,
    /// `--pod-cidr` or `--service-cidr` written with host bits set: the flag and the aligned block
    /// it is read as.
    pub unaligned: Vec<(&'static str, Cidr)>,
    /// `--load-balancer-outbound-ports`.
    pub outbound_ports: Option<u32>,
    /// `--outbound-type`, as one of [`OUTBOUND_TYPES`].
    pub outbound_type: Option<&'static str>,
    /// `--load-balancer-idle-timeout`, in minutes.
    pub idle_timeout: Option<u32>,
    /// The values that could not be read, in the order written.
    pub unreadable: Vec<Unreadable>,
    /// `--kubernetes-version` as (major, minor), when written as a version.
    pub kubernetes_version: Option<(u32, u32)>,
    /// True when `--pod-cidr` is written (readable or not).
    pub pod_cidr_written: bool,
    /// True when `--service-cidr` is written (readable or not).
    pub service_cidr_written: bool,
}

/// A node pool's max surge: a share of its nodes or a number of nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surge {
    /// `33%`.
    Percent(u32),
    /// `5`.
    Nodes(u32),
}

impl Surge {
    /// `33%` or `5`; `None` for anything else (AKS refuses it).
    pub fn read(text: &str) -> Option<Surge> {
        match text.strip_suffix('%') {
            Some(percent) => percent.parse().ok().map(Surge::Percent),
            None => text.parse().ok().map(Surge::Nodes),
        }
    }

    /// The surge nodes for `nodes` nodes (a share rounds up, as AKS rounds it).
    pub fn nodes(self, nodes: u32) -> u32 {
        match self {
            Surge::Nodes(count) => count,
            Surge::Percent(percent) => {
                let share = (u64::from(nodes) * u64::from(percent)).div_ceil(100);
                u32::try_from(share).unwrap_or(u32::MAX)
            }
        }
    }
}

impl Network {
    /// The nodes the cluster must hold: the largest of `--node-count`, `--max-count` and the
    /// context's target (the node count defaults to 3 on create).
    pub fn nodes(&self, verb: Verb, around: &Around<'_>) -> Option<u32> {
        let count = self
            .node_count
            .or((verb == Verb::Create).then_some(DEFAULT_NODE_COUNT));
        [count, self.max_count, around.target_nodes]
            .into_iter()
            .flatten()
            .max()
    }

    /// Max pods per node: the command's, else the context's, else the mode's default.
    pub fn max_pods(&self, around: &Around<'_>) -> Option<u32> {
        self.max_pods
            .or(around.max_pods)
            .or(self.mode.map(Mode::default_max_pods))
    }

    /// The IPv4 pod CIDR that applies: the written one (or the IPv4 block of `--pod-cidrs`), else
    /// AKS's default for a new cluster; `None` when it is written but cannot be read.
    pub fn effective_pod_cidr(&self, verb: Verb) -> Option<Cidr> {
        if self.pod_cidr_written {
            return self.pod_cidr;
        }
        first_v4(&self.pod_cidrs).or((verb == Verb::Create).then_some(DEFAULT_POD_CIDR))
    }

    /// The IPv4 service CIDR that applies, like [`Network::effective_pod_cidr`].
    pub fn effective_service_cidr(&self, verb: Verb) -> Option<Cidr> {
        if self.service_cidr_written {
            return self.service_cidr;
        }
        first_v4(&self.service_cidrs).or((verb == Verb::Create).then_some(DEFAULT_SERVICE_CIDR))
    }

    /// True when the kubenet migration (`aks/kubenet-retirement`) turns the command into Azure
    /// CNI Overlay: `az aks create` with kubenet.
    pub fn migrates_from_kubenet(&self, verb: Verb) -> bool {
        self.plugin == Some(Plugin::Kubenet) && verb == Verb::Create
    }

    /// True when the ranges come from the dual-stack lists, which the fix does not rewrite.
    pub fn dual_stack_lists(&self) -> bool {
        !self.pod_cidrs.is_empty() || !self.service_cidrs.is_empty()
    }
}

fn first_v4(blocks: &[Cidr]) -> Option<Cidr> {
    blocks.iter().copied().find(|b| b.family() == IpFamily::V4)
}

/// Reads the typed values of `command`. Values that cannot be read are left out and recorded in
/// [`Network::unreadable`].
pub fn read(command: &AksCommand) -> Network {
    let mut network = Network::default();
    for option in &command.options {
        if command
            .get(&option.name)
            .is_some_and(|last| last.name_start != option.name_start)
        {
            // azure-cli keeps the last of a repeated flag (`aks/repeated-flag` says so).
            continue;
        }
        if option.value.is_none() {
            // A flag without its value is `aks/missing-value`'s.
            continue;
        }
        read_option(option, &mut network);
    }
    network.pod_cidr_written = command.has("--pod-cidr");
    network.service_cidr_written = command.has("--service-cidr");
    network.mode = effective_mode(command, &network);
    network.mode_is_default = command.verb == Verb::Create && !command.has("--network-plugin");
    network
}

fn effective_mode(command: &AksCommand, network: &Network) -> Option<Mode> {
    match network.plugin {
        Some(Plugin::Kubenet) => Some(Mode::Kubenet),
        Some(Plugin::None) => Some(Mode::Byo),
        Some(Plugin::Azure) if network.overlay => Some(Mode::Overlay),
        Some(Plugin::Azure) if command.has("--pod-subnet-id") => Some(Mode::PodSubnet),
        Some(Plugin::Azure) => Some(Mode::NodeSubnet),
        None if command.has("--network-plugin") => None,
        // azure-cli sends no plugin and AKS picks: Overlay from Kubernetes 1.30, kubenet below.
        None if command.verb == Verb::Create => match network.kubernetes_version {
            Some(version) if version < (1, 30) => Some(Mode::Kubenet),
            _ => Some(Mode::Overlay),
        },
        None if network.overlay => Some(Mode::Overlay),
        None => None,
    }
}

fn read_option(option: &Opt, network: &mut Network) {
    let Some(text) = option.text() else { return };
    let name = option.name.as_str();
    let lower = text.to_ascii_lowercase();
    let found = &mut network.unreadable;
    let choice = |allowed, found: &mut Vec<Unreadable>| {
        record(
            found,
            option,
            option.value_range(),
            text,
            Problem::Choice(allowed),
        )
    };
    match name {
        "--network-plugin" => {
            network.plugin = match lower.as_str() {
                "kubenet" => Some(Plugin::Kubenet),
                "azure" => Some(Plugin::Azure),
                "none" => Some(Plugin::None),
                _ => {
                    let allowed = &["kubenet", "azure", "none"];
                    return choice(allowed, found);
                }
            }
        }
        "--network-plugin-mode" => match lower.as_str() {
            "overlay" => network.overlay = true,
            _ => choice(&["overlay"], found),
        },
        "--network-dataplane" => match accepted(&DATAPLANES, &lower) {
            Some(dataplane) => network.dataplane = Some(dataplane),
            None => choice(&DATAPLANES, found),
        },
        "--network-policy" => match accepted(&POLICIES, &lower) {
            Some(policy) => network.policy = Some(policy),
            None => choice(&POLICIES, found),
        },
        "--outbound-type" if accepted(&OUTBOUND_TYPES, &lower).is_some() => {
            network.outbound_type = accepted(&OUTBOUND_TYPES, &lower);
        }
        "--outbound-type" => {
            let allowed = &[
                "loadBalancer",
                "userDefinedRouting",
                "managedNATGateway",
                "userAssignedNATGateway",
                "none",
            ];
            choice(allowed, found);
        }
        "--ip-families" => {
            let mut families = Vec::new();
            for part in lower.split(',') {
                match part.trim() {
                    "ipv4" => families.push(IpFamily::V4),
                    "ipv6" => families.push(IpFamily::V6),
                    // azure-cli passes --ip-families through; AKS refuses other families.
                    _ => {
                        let at = option.value_range();
                        return record(found, option, at, text, Problem::Families);
                    }
                }
            }
            network.ip_families = families;
        }
        "--pod-cidr" | "--service-cidr" => {
            let (start, end) = option.value_range();
            let block = match Cidr::from_str(text) {
                Ok(block) if !block.is_aligned() => {
                    // Read as its aligned block; `aks/malformed-value` warns.
                    let aligned = block.aligned();
                    let flag = if name == "--pod-cidr" {
                        "--pod-cidr"
                    } else {
                        "--service-cidr"
                    };
                    network.unaligned.push((flag, aligned));
                    record(found, option, (start, end), text, Problem::Unaligned(block));
                    Some(aligned)
                }
                _ => cidr_at(option, text, start, found),
            };
            if name == "--pod-cidr" {
                network.pod_cidr = block;
            } else {
                network.service_cidr = block;
            }
        }
        // The bridge address is the bridge's own IP with its prefix, so host bits are expected.
        "--docker-bridge-address" => {
            network.docker_bridge = match Cidr::from_str(text) {
                Ok(block) => Some(block.aligned()),
                Err(_) => cidr_at(option, text, option.value_range().0, found),
            }
        }
        "--pod-cidrs" => network.pod_cidrs = cidr_list(option, text, found),
        "--service-cidrs" => network.service_cidrs = cidr_list(option, text, found),
        "--dns-service-ip" => network.dns_ip = ip(option, text, found),
        "--kubernetes-version" => network.kubernetes_version = version(text),
        "--node-count" => network.node_count = whole(option, text, found),
        "--max-count" => network.max_count = whole(option, text, found),
        "--max-pods" => network.max_pods = whole(option, text, found),
        "--max-surge" => network.max_surge = Surge::read(text),
        "--load-balancer-outbound-ports" => network.outbound_ports = whole(option, text, found),
        "--load-balancer-idle-timeout" => network.idle_timeout = whole(option, text, found),
        "--min-count" => {
            whole(option, text, found);
        }
        _ => {}
    }
}

/// `1.29`, `1.29.2` or `v1.30` as (major, minor).
fn version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim_start_matches(['v', 'V']).split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Records a value of `option` that cannot be read: where, its text, and why.
fn record(
    found: &mut Vec<Unreadable>,
    option: &Opt,
    at: (usize, usize),
    text: &str,
    problem: Problem,
) {
    found.push(Unreadable {
        at,
        flag: option.name.clone(),
        text: String::from(text),
        problem,
    });
}

/// A block (aligned) starting at `start`.
fn cidr_at(option: &Opt, text: &str, start: usize, found: &mut Vec<Unreadable>) -> Option<Cidr> {
    let at = (start, start + text.len());
    match Cidr::from_str(text) {
        Ok(cidr) if cidr.is_aligned() => Some(cidr),
        Ok(cidr) => {
            record(found, option, at, text, Problem::HostBits(cidr));
            None
        }
        Err(error) => {
            record(found, option, at, text, Problem::NotCidr(error.to_string()));
            None
        }
    }
}

fn cidr_list(option: &Opt, text: &str, found: &mut Vec<Unreadable>) -> Vec<Cidr> {
    let (start, _) = option.value_range();
    let mut blocks = Vec::new();
    let mut offset = 0;
    for part in text.split(',') {
        let trimmed = part.trim();
        let lead = part.len() - part.trim_start().len();
        if let Some(block) = cidr_at(option, trimmed, start + offset + lead, found) {
            blocks.push(block);
        }
        offset += part.len() + 1;
    }
    blocks
}

fn ip(option: &Opt, text: &str, found: &mut Vec<Unreadable>) -> Option<(IpFamily, u128)> {
    if let Ok(v4) = Ipv4Addr::from_str(text) {
        return Some((IpFamily::V4, u128::from(u32::from(v4))));
    }
    if let Ok(v6) = Ipv6Addr::from_str(text) {
        return Some((IpFamily::V6, u128::from(v6)));
    }
    record(found, option, option.value_range(), text, Problem::NotIp);
    None
}

fn whole(option: &Opt, text: &str, found: &mut Vec<Unreadable>) -> Option<u32> {
    if let Ok(number) = text.parse::<u32>() {
        return Some(number);
    }
    record(found, option, option.value_range(), text, Problem::NotWhole);
    None
}
