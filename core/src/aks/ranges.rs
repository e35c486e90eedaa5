//! What the pod and service ranges of a command collide with, where the DNS service IP sits in
//! the service range, and how findings name them.
//!
//! The address rules report these conflicts (`aks/pod-cidr-reserved`, `aks/pod-cidr-overlap`,
//! `aks/pod-cidr-space`, `aks/service-cidr-reserved`, `aks/service-cidr-overlap`) and the
//! corrections replace a range that has any, so both read them from here.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::around::Around;
use super::command::AksCommand;
use super::network::Mode;
use super::reserved;
use crate::net::{private_ranges, Cidr, IpFamily, WellKnownRange};

/// One thing a pod or service range must not overlap, or a space it must stay in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// A range AKS reserves.
    Reserved(&'static WellKnownRange),
    /// A VNet or subnet range from the context.
    Vnet(Cidr),
    /// A range to avoid from the context (on-premises, peered, VPN).
    Avoid(Cidr),
    /// The service CIDR (for the pod CIDR).
    Service(Cidr),
    /// Public address space (for a kubenet or overlay pod CIDR).
    Public,
}

/// The conflicts of a service CIDR, in report order: reserved, VNet, avoid.
pub fn service_conflicts(service: Cidr, around: &Around<'_>) -> Vec<Conflict> {
    let mut found = Vec::new();
    found.extend(reserved::hit(&service).map(Conflict::Reserved));
    found.extend(overlapping(around.vnet_blocks(), service).map(Conflict::Vnet));
    found.extend(overlapping(around.avoid_blocks(), service).map(Conflict::Avoid));
    found
}

/// The conflicts of a pod CIDR, in report order: reserved, VNet, avoid, the service CIDR
/// (`service`, when it stays), public space (when `mode` takes pod ranges from it).
pub fn pod_conflicts(
    pod: Cidr,
    service: Option<Cidr>,
    around: &Around<'_>,
    mode: Option<Mode>,
) -> Vec<Conflict> {
    let reserved = reserved::hit(&pod);
    let mut found = Vec::new();
    found.extend(reserved.map(Conflict::Reserved));
    found.extend(overlapping(around.vnet_blocks(), pod).map(Conflict::Vnet));
    found.extend(overlapping(around.avoid_blocks(), pod).map(Conflict::Avoid));
    found.extend(service.filter(|s| s.overlaps(&pod)).map(Conflict::Service));
    if mode.is_some_and(Mode::uses_pod_cidr) && !is_private(&pod) && reserved.is_none() {
        found.push(Conflict::Public);
    }
    found
}

fn overlapping(ranges: impl Iterator<Item = Cidr>, block: Cidr) -> impl Iterator<Item = Cidr> {
    ranges.filter(move |range| range.overlaps(&block))
}

/// True when an IPv4 service CIDR's size must change: larger than /12 or smaller than /29.
pub fn service_size_is_wrong(service: &Cidr) -> bool {
    !(12..=29).contains(&service.prefix()) && service.family() == IpFamily::V4
}

/// True when `block` lies in RFC 1918 or RFC 6598 space.
pub fn is_private(block: &Cidr) -> bool {
    private_ranges()
        .iter()
        .any(|range| range.cidr.contains(block))
}

/// Where a finding about the range of flag `name` (`--pod-cidr`) points, and how it names
/// `block`: the value and `--pod-cidr 10.0.0.0/8` when written, else `az` and `the default pod
/// CIDR 10.244.0.0/16` (`what` is `pod` or `service`).
pub fn located(
    command: &AksCommand,
    name: &str,
    what: &str,
    block: Cidr,
) -> ((usize, usize), String) {
    match command.get(name) {
        Some(option) => (option.value_range(), format!("{name} {block}")),
        None => (
            (command.start, command.start + 2),
            format!("the default {what} CIDR {block}"),
        ),
    }
}

/// The range two overlapping blocks share, as text.
pub fn shared(a: &Cidr, b: &Cidr) -> String {
    let inner = if a.prefix() >= b.prefix() { a } else { b };
    format!(
        "{}–{}",
        inner.format_addr(inner.network()),
        inner.format_addr(inner.last())
    )
}

/// Why the fix chose `new`: the preferred block when it was free, else the first free one.
pub fn choice_reason(
    what: &str,
    new: Cidr,
    preferred: Cidr,
    taken: &[(Cidr, &'static str)],
) -> String {
    let known = if taken.is_empty() {
        String::from("nothing else is known")
    } else {
        let list: Vec<String> = taken
            .iter()
            .map(|(c, label)| format!("{label} {c}"))
            .collect();
        format!("known ranges: {}", list.join(", "))
    };
    if new == preferred {
        format!("The fix sets the {what} CIDR to {new}, which overlaps no known or reserved range ({known}).")
    } else {
        format!("The fix sets the {what} CIDR to {new}, the first free block in RFC 6598/RFC 1918 space of the size the nodes need, or else the biggest free one ({known}; {preferred} is taken or does not fit).")
    }
}

/// `why`, followed by the sentence saying what the fix chose, when it chose something.
pub fn with_reason(why: String, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("{why} {reason}"),
        None => why,
    }
}

/// Where a DNS service IP sits wrong in the service range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnsProblem {
    /// Outside the range (or of the other family).
    Outside,
    /// The range's network address.
    NetworkAddress,
    /// The range's first address, the kubernetes service's.
    FirstAddress,
}

/// What is wrong with DNS service IP `dns` (family and address) in `service`, if anything.
pub fn dns_problem(service: Cidr, (family, address): (IpFamily, u128)) -> Option<DnsProblem> {
    if family != service.family() || !service.contains_addr(address) {
        Some(DnsProblem::Outside)
    } else if address == service.network() {
        Some(DnsProblem::NetworkAddress)
    } else if address == service.network() + 1 {
        Some(DnsProblem::FirstAddress)
    } else {
        None
    }
}

/// The tenth address of an IPv4 service range, where AKS and kubeadm put DNS.
pub fn tenth_address(service: Cidr) -> Option<String> {
    (service.family() == IpFamily::V4 && service.size() > 10)
        .then(|| service.format_addr(service.network() + 10))
}
