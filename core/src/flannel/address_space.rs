//! Where the pod Network sits in the address space: over a range to avoid or the VNet/VPC, in
//! reserved space, in public space, or in private space. One decision, which the placement rules
//! (`flannel/network-overlap`, `flannel/network-reserved`, `flannel/public-network`) each report
//! their part of, so that at most one of them speaks.

use alloc::vec::Vec;

use super::pool::FlannelPool;
use crate::model::ClusterModel;
use crate::net::{private_ranges, Cidr, IpFamily, WellKnownRange, WELL_KNOWN_RANGES};

/// Where a Network sits.
pub enum Placement {
    /// It overlaps `range`, one of the model's ranges to avoid or its VNet/VPC (`what` says which).
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

/// The ranges the model asks to keep clear (the context's, or a document's), each with the
/// words for it in messages.
pub fn ranges_to_avoid(model: &ClusterModel) -> Vec<(Cidr, &'static str)> {
    let mut avoid: Vec<(Cidr, &'static str)> = model
        .avoid
        .iter()
        .map(|c| (c.value, "a range to avoid"))
        .collect();
    avoid.extend(model.vnet_ranges.iter().map(|c| (c.value, "the VNet/VPC")));
    avoid
}

/// A Network and where it sits.
pub struct Placed {
    /// The block it means: host bits masked, as Go's net.ParseCIDR does.
    pub network: Cidr,
    /// Where that block sits.
    pub placement: Placement,
}

/// Where the pool sits.
pub fn placement(pool: &FlannelPool<'_>, model: &ClusterModel) -> Placed {
    let network = pool.cidr().aligned();
    let avoid = ranges_to_avoid(model);
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
    Placed { network, placement }
}
