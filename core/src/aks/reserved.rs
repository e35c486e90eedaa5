//! The ranges AKS reserves, for the reserved-range rules (`aks/pod-cidr-reserved`,
//! `aks/service-cidr-reserved`, `aks/vnet-reserved-range` in `addresses`; `aks/dual-stack`) and the range choice.
//!
//! AKS refuses pod, service and VNet ranges that overlap 169.254.0.0/16, 172.30.0.0/16,
//! 172.31.0.0/16 or 192.0.2.0/24, so a block around them, such as 172.16.0.0/12, is refused too;
//! the error often does not say which range (Azure/AKS#2234: a service CIDR in 172.30.0.0/16).
//! Source: AKS docs, "Azure CNI Overlay" and "kubenet" networking limitations.

use crate::net::{Cidr, WellKnownRange};

/// The ranges AKS refuses for pod, service and VNet ranges.
pub const RESERVED: [WellKnownRange; 4] = [
    WellKnownRange {
        cidr: Cidr::v4::<169, 254, 0, 0, 16>(),
        name: "link-local space",
    },
    WellKnownRange {
        cidr: Cidr::v4::<172, 30, 0, 0, 16>(),
        name: "a range AKS reserves",
    },
    WellKnownRange {
        cidr: Cidr::v4::<172, 31, 0, 0, 16>(),
        name: "a range AKS reserves",
    },
    WellKnownRange {
        cidr: Cidr::v4::<192, 0, 2, 0, 24>(),
        name: "documentation space (TEST-NET-1) AKS reserves",
    },
];

/// The first reserved range `block` overlaps.
pub fn hit(block: &Cidr) -> Option<&'static WellKnownRange> {
    RESERVED.iter().find(|range| range.cidr.overlaps(block))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_around_reserved_ranges_are_hits() {
        let wide: Cidr = "172.16.0.0/12".parse().expect("cidr");
        assert_eq!(
            hit(&wide).map(|r| r.cidr),
            Some(Cidr::v4::<172, 30, 0, 0, 16>())
        );
        let fine: Cidr = "10.244.0.0/16".parse().expect("cidr");
        assert!(hit(&fine).is_none());
    }
}
