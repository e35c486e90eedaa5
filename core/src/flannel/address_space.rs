//! Where the pod Network sits in the address space: over a range to avoid or the VNet/VPC, in
//! reserved space, in public space, or in private space. One decision, which the placement rules
//! (`flannel/network-overlap`, `flannel/network-reserved`, `flannel/public-network`) each report
//! their part of, so that at most one of them speaks.

use alloc::vec::Vec;

use super::inputs::Check;
use super::netconf::CidrField;
use crate::context::Context;
use crate::net::{private_ranges, Cidr, IpFamily, WellKnownRange, WELL_KNOWN_RANGES};

/// Where a Network sits.
pub enum Placement {
    /// It overlaps `range`, one of the context's ranges to avoid or its VNet/VPC (`what` says which).
    Overlaps {
        /// The range it overlaps.
        range: Cidr,
        /// "a range to avoid" or "the VNet/VPC".
        what: &'static str,
    },
    /// It overlaps reserved IPv4 space (loopback, link-local, documentation, multicast, …).
    Reserved(&'static WellKnownRange),
    /// It lies outside the private IPv4 ranges (RFC 1918, RFC 6598).
    Public,
    /// Private IPv4 space, or an IPv6 block clear of the ranges to avoid (not judged further).
    Fine,
}

/// The ranges the context asks to keep clear, each with the words for it in messages.
pub fn ranges_to_avoid(context: &Context) -> Vec<(Cidr, &'static str)> {
    let mut avoid: Vec<(Cidr, &'static str)> = context
        .avoid
        .iter()
        .map(|c| (*c, "a range to avoid"))
        .collect();
    avoid.extend(context.vnet.iter().map(|c| (*c, "the VNet/VPC")));
    avoid
}

/// A Network and where it sits.
pub struct Placed {
    /// The inner range of the Network value, inside its quotes.
    pub inner: (usize, usize),
    /// The block it means: host bits masked, as Go's net.ParseCIDR does.
    pub network: Cidr,
    /// Where that block sits.
    pub placement: Placement,
}

/// Where the config's Network sits; `None` when Network is missing or does not parse.
pub fn placement(check: &Check<'_>) -> Option<Placed> {
    let (written, inner) = check.conf.network.as_ref().and_then(CidrField::cidr)?;
    let network = written.aligned();
    let avoid = ranges_to_avoid(check.context);
    let overlapped = avoid.iter().find(|(range, _)| range.overlaps(&network));
    let placement = if let Some((range, what)) = overlapped {
        Placement::Overlaps {
            range: *range,
            what,
        }
    } else if network.family() != IpFamily::V4 {
        Placement::Fine
    } else if let Some(range) = WELL_KNOWN_RANGES.iter().find(|r| r.cidr.overlaps(&network)) {
        Placement::Reserved(range)
    } else if !private_ranges().iter().any(|r| r.cidr.contains(&network)) {
        Placement::Public
    } else {
        Placement::Fine
    };
    Some(Placed {
        inner,
        network,
        placement,
    })
}
