//! The network a command asks for, read into typed values: plugin and mode, ranges, addresses,
//! counts. Values that cannot be read are reported by rule `aks/malformed-value` (pointed at the
//! exact token) and left out, so later rules see only values they can trust.
//!
//! What it checks: CIDRs, IP addresses, whole numbers and the enumerated values azure-cli accepts
//! (`--network-plugin`, `--network-plugin-mode`, `--network-dataplane`, `--network-policy`,
//! `--ip-families`, `--outbound-type`), and flags given without a value.
//! Why it matters: azure-cli or the AKS API refuses the command, often with a message that does
//! not name the token.
//! Source: azure-cli `acs/_params.py` and `acs/_validators.py`.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::net::{Ipv4Addr, Ipv6Addr};
use core::str::FromStr;

use super::command::{AksCommand, Opt, Verb};
use super::Out;
use crate::context::Context;
use crate::finding::Severity;
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
pub const DEFAULT_POD_CIDR: Cidr = Cidr::v4(10, 244, 0, 0, 16);
/// The AKS default service CIDR.
pub const DEFAULT_SERVICE_CIDR: Cidr = Cidr::v4(10, 0, 0, 0, 16);
/// AKS's default node count.
pub const DEFAULT_NODE_COUNT: u32 = 3;

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
    /// `--network-dataplane`, lower-cased.
    pub dataplane: Option<String>,
    /// `--network-policy`, lower-cased.
    pub policy: Option<String>,
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
    /// Blocks written with host bits set: flag, the aligned block, and the finding's position.
    pub unaligned: Vec<(&'static str, Cidr, usize)>,
    /// `--kubernetes-version` as (major, minor), when written as a version.
    pub kubernetes_version: Option<(u32, u32)>,
    /// True when `--pod-cidr` is written (readable or not).
    pub pod_cidr_written: bool,
    /// True when `--service-cidr` is written (readable or not).
    pub service_cidr_written: bool,
}

impl Network {
    /// The nodes the cluster must hold: the largest of `--node-count`, `--max-count` and the
    /// context's target (the node count defaults to 3 on create).
    pub fn nodes(&self, verb: Verb, context: &Context) -> Option<u32> {
        let count = self
            .node_count
            .or((verb == Verb::Create).then_some(DEFAULT_NODE_COUNT));
        [count, self.max_count, context.target_nodes]
            .into_iter()
            .flatten()
            .max()
    }

    /// Max pods per node: the command's, else the context's, else the mode's default.
    pub fn max_pods(&self, context: &Context) -> Option<u32> {
        self.max_pods
            .or(context.max_pods)
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

    /// True when the ranges come from the dual-stack lists, which the fix does not rewrite.
    pub fn dual_stack_lists(&self) -> bool {
        !self.pod_cidrs.is_empty() || !self.service_cidrs.is_empty()
    }
}

fn first_v4(blocks: &[Cidr]) -> Option<Cidr> {
    blocks.iter().copied().find(|b| b.family == IpFamily::V4)
}

/// Reads the typed values of `command`, reporting the ones that cannot be read.
pub fn read(command: &AksCommand, out: &mut Out<'_>) -> Network {
    let mut network = Network::default();
    for option in &command.options {
        let last = command.get(&option.name);
        if let Some(last) = last.filter(|l| l.name_start != option.name_start) {
            // azure-cli keeps the last of a repeated flag; an earlier one with another value is
            // lost (the same value twice is harmless).
            let values = |o: &Opt| -> Vec<String> {
                o.value
                    .iter()
                    .chain(&o.more)
                    .map(|v| v.text.clone())
                    .collect()
            };
            let differs = values(option) != values(last);
            if differs && matches!(option.state, super::command::FlagState::Known(_)) {
                out.report(Draft { rule: RuleId::AksRepeatedFlag, severity: Severity::Warning, at: (option.name_start, option.name_end), message: format!("{} is given again later with another value; azure-cli uses only the last one", option.name), why: String::from("argparse keeps the last value of a repeated flag, so this one is ignored. Remove it to avoid doubt about which value the cluster gets."), fix: None });
            }
            continue;
        }
        if option.value.is_none() {
            // A flag without its value is reported by `syntax`.
            continue;
        }
        read_option(option, command.verb.name(), &mut network, out);
    }
    opaque(command, out);
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

/// The flags whose values the rules read and check.
const CHECKED_FLAGS: [&str; 23] = [
    "--network-plugin",
    "--network-plugin-mode",
    "--network-dataplane",
    "--network-policy",
    "--outbound-type",
    "--ip-families",
    "--pod-cidr",
    "--service-cidr",
    "--docker-bridge-address",
    "--pod-cidrs",
    "--service-cidrs",
    "--dns-service-ip",
    "--node-count",
    "--max-count",
    "--max-pods",
    "--load-balancer-outbound-ports",
    "--load-balancer-idle-timeout",
    "--min-count",
    "--vnet-subnet-id",
    "--pod-subnet-id",
    "--kubernetes-version",
    "--enable-cluster-autoscaler",
    "--load-balancer-sku",
];

/// Rule `aks/opaque-value` (info): says which checked flags hold a shell variable or a
/// placeholder (`$POD_CIDR`, `<subnet-id>`, `{{ .Values.podCidr }}`), whose value podnet cannot
/// know and so does not check. One finding per command, at the first such value.
fn opaque(command: &AksCommand, out: &mut Out<'_>) {
    let mut written = Vec::new();
    let mut first = None;
    for option in &command.options {
        let Some(value) = option.value.as_ref().filter(|v| v.opaque) else {
            continue;
        };
        if !CHECKED_FLAGS.contains(&option.name.as_str()) {
            continue;
        }
        first.get_or_insert((value.start, value.end));
        written.push(format!("{} {}", option.name, value.text));
    }
    let Some(range) = first else {
        return;
    };
    out.report(Draft { rule: RuleId::AksOpaqueValue, severity: Severity::Info, at: range, message: format!("not checked: {}", written.join(", ")), why: String::from("podnet cannot know what shell variables, command substitutions and template placeholders hold, so the rules that need these values skip them. Paste the command with the values filled in, or give the ranges in the context."), fix: None });
}

fn read_option(option: &Opt, verb: &str, network: &mut Network, out: &mut Out<'_>) {
    let Some(text) = option.text() else { return };
    let name = option.name.as_str();
    let lower = text.to_ascii_lowercase();
    match name {
        "--network-plugin" => {
            network.plugin = match lower.as_str() {
                "kubenet" => Some(Plugin::Kubenet),
                "azure" => Some(Plugin::Azure),
                "none" => Some(Plugin::None),
                _ => return bad_choice(option, verb, text, &["kubenet", "azure", "none"], out),
            }
        }
        "--network-plugin-mode" => match lower.as_str() {
            "overlay" => network.overlay = true,
            _ => bad_choice(option, verb, text, &["overlay"], out),
        },
        "--network-dataplane" => match lower.as_str() {
            "azure" | "cilium" => network.dataplane = Some(lower),
            _ => bad_choice(option, verb, text, &["azure", "cilium"], out),
        },
        "--network-policy" => match lower.as_str() {
            "azure" | "calico" | "cilium" | "none" => network.policy = Some(lower),
            _ => bad_choice(
                option,
                verb,
                text,
                &["azure", "calico", "cilium", "none"],
                out,
            ),
        },
        "--outbound-type" => {
            let known = [
                "loadbalancer",
                "userdefinedrouting",
                "managednatgateway",
                "managednatgatewayv2",
                "userassignednatgateway",
                "none",
                "block",
            ];
            if !known.contains(&lower.as_str()) {
                bad_choice(
                    option,
                    verb,
                    text,
                    &[
                        "loadBalancer",
                        "userDefinedRouting",
                        "managedNATGateway",
                        "userAssignedNATGateway",
                        "none",
                    ],
                    out,
                );
            }
        }
        "--ip-families" => {
            let mut families = Vec::new();
            for part in lower.split(',') {
                match part.trim() {
                    "ipv4" => families.push(IpFamily::V4),
                    "ipv6" => families.push(IpFamily::V6),
                    _ => {
                        // azure-cli passes --ip-families through; AKS refuses other families.
                        out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Error, at: option.value_range(), message: format!("--ip-families \"{text}\" is not IPv4 or IPv4,IPv6"), why: String::from("AKS takes IPv4 (the default) or IPv4,IPv6 (dual-stack), in any case; azure-cli sends the value as written and AKS refuses anything else."), fix: None });
                        return;
                    }
                }
            }
            network.ip_families = families;
        }
        "--pod-cidr" => network.pod_cidr = aligned_cidr("--pod-cidr", option, text, network, out),
        "--service-cidr" => {
            network.service_cidr = aligned_cidr("--service-cidr", option, text, network, out)
        }
        // The bridge address is the bridge's own IP with its prefix, so host bits are expected.
        "--docker-bridge-address" => network.docker_bridge = loose_cidr(option, text, out),
        "--pod-cidrs" => network.pod_cidrs = cidr_list(option, text, out),
        "--service-cidrs" => network.service_cidrs = cidr_list(option, text, out),
        "--dns-service-ip" => network.dns_ip = ip(option, text, out),
        "--kubernetes-version" => network.kubernetes_version = version(text),
        "--node-count" => network.node_count = whole(option, text, out),
        "--max-count" => network.max_count = whole(option, text, out),
        "--max-pods" => network.max_pods = whole(option, text, out),
        "--load-balancer-outbound-ports" => {
            if let Some(ports) = whole(option, text, out) {
                if ports > 64_000 || ports % 8 != 0 {
                    let reason = if ports > 64_000 {
                        "must be in the range [0,64000]"
                    } else {
                        "must be a multiple of 8"
                    };
                    load_balancer(option, format!("--load-balancer-outbound-ports {ports}: azure-cli stops with \"--load-balancer-allocated-ports {reason}\""), "azure-cli checks the SNAT ports per node before it calls Azure (its message names the option --load-balancer-allocated-ports): a number from 0 to 64000, in blocks of 8.", out);
                }
            }
        }
        "--load-balancer-idle-timeout" => {
            if let Some(minutes) = whole(option, text, out) {
                if !(4..=100).contains(&minutes) {
                    load_balancer(option, format!("--load-balancer-idle-timeout {minutes}: azure-cli stops with \"--load-balancer-idle-timeout must be in the range [4,100]\""), "azure-cli checks the idle timeout (minutes) before it calls Azure.", out);
                }
            }
        }
        "--min-count" => {
            whole(option, text, out);
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

fn load_balancer(option: &Opt, message: String, why: &str, out: &mut Out<'_>) {
    out.report(Draft {
        rule: RuleId::AksLoadBalancer,
        severity: Severity::Error,
        at: option.value_range(),
        message,
        why: String::from(why),
        fix: None,
    });
}

fn bad_choice(option: &Opt, verb: &str, text: &str, allowed: &[&str], out: &mut Out<'_>) {
    let allowed = allowed.join(", ");
    out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Error, at: option.value_range(), message: format!("az aks {verb}: '{text}' is not a valid value for '{}'. Allowed values: {allowed}.", option.name), why: format!("azure-cli checks this before it sends anything (case does not matter) and stops with this message; {} takes {allowed}.", option.name), fix: None });
}

/// Reads a block; one with host bits set is reported as a warning and read as its aligned block.
fn aligned_cidr(
    name: &'static str,
    option: &Opt,
    text: &str,
    network: &mut Network,
    out: &mut Out<'_>,
) -> Option<Cidr> {
    let (start, end) = option.value_range();
    match Cidr::from_str(text) {
        Ok(block) if !block.is_aligned() => {
            let aligned = block.aligned();
            let at = out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Warning, at: (start, end), message: format!("{name} {text} has host bits set; the block is {aligned}"), why: format!("A CIDR block is written with its network address: {text} masked to /{} is {aligned}. Writing it so avoids any doubt about the range meant.", block.prefix), fix: None });
            network.unaligned.push((name, aligned, at));
            Some(aligned)
        }
        _ => cidr_at(option, text, start, out),
    }
}

fn loose_cidr(option: &Opt, text: &str, out: &mut Out<'_>) -> Option<Cidr> {
    match Cidr::from_str(text) {
        Ok(block) => Some(block.aligned()),
        Err(_) => cidr_at(option, text, option.value_range().0, out),
    }
}

fn cidr_at(option: &Opt, text: &str, start: usize, out: &mut Out<'_>) -> Option<Cidr> {
    match Cidr::from_str(text) {
        Ok(cidr) if cidr.is_aligned() => Some(cidr),
        Ok(cidr) => {
            out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Error, at: (start, start + text.len()), message: format!("{} {text} has host bits set; the block is {}", option.name, cidr.aligned()), why: format!("A CIDR block starts at its network address: {text} masked to /{} is {}. AKS rejects a range whose address is not the network address.", cidr.prefix, cidr.aligned()), fix: None });
            None
        }
        Err(error) => {
            out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Error, at: (start, start + text.len()), message: format!("{} \"{text}\" {error}", option.name), why: String::from("A CIDR block is an address and a prefix length, such as 10.244.0.0/16 or fd12:3456:789a::/64."), fix: None });
            None
        }
    }
}

fn cidr_list(option: &Opt, text: &str, out: &mut Out<'_>) -> Vec<Cidr> {
    let (start, _) = option.value_range();
    let mut blocks = Vec::new();
    let mut offset = 0;
    for part in text.split(',') {
        let trimmed = part.trim();
        let lead = part.len() - part.trim_start().len();
        if let Some(block) = cidr_at(option, trimmed, start + offset + lead, out) {
            blocks.push(block);
        }
        offset += part.len() + 1;
    }
    blocks
}

fn ip(option: &Opt, text: &str, out: &mut Out<'_>) -> Option<(IpFamily, u128)> {
    if let Ok(v4) = Ipv4Addr::from_str(text) {
        return Some((IpFamily::V4, u128::from(u32::from(v4))));
    }
    if let Ok(v6) = Ipv6Addr::from_str(text) {
        return Some((IpFamily::V6, u128::from(v6)));
    }
    out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Error, at: option.value_range(), message: format!("{} \"{text}\" is not an IP address", option.name), why: String::from("--dns-service-ip takes one address inside --service-cidr, such as 10.0.0.10, without a prefix length."), fix: None });
    None
}

fn whole(option: &Opt, text: &str, out: &mut Out<'_>) -> Option<u32> {
    if let Ok(number) = text.parse::<u32>() {
        return Some(number);
    }
    out.report(Draft { rule: RuleId::AksMalformedValue, severity: Severity::Error, at: option.value_range(), message: format!("{} \"{text}\" is not a whole number: azure-cli stops with \"invalid int value: '{text}'\"", option.name), why: String::from("azure-cli reads the value as an integer before it sends anything."), fix: None });
    None
}
