//! Well-known IPv4 ranges: private space, CGNAT space, and ranges platforms reserve.

use super::cidr::Cidr;

/// A named range and why it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WellKnownRange {
    /// The block.
    pub cidr: Cidr,
    /// What it is, for messages.
    pub name: &'static str,
}

/// RFC 1918 private space and RFC 6598 shared (CGNAT) space: the ranges a pod network may use.
pub fn private_ranges() -> [WellKnownRange; 4] {
    [
        WellKnownRange {
            cidr: Cidr::v4::<10, 0, 0, 0, 8>(),
            name: "RFC 1918 private space",
        },
        WellKnownRange {
            cidr: Cidr::v4::<172, 16, 0, 0, 12>(),
            name: "RFC 1918 private space",
        },
        WellKnownRange {
            cidr: Cidr::v4::<192, 168, 0, 0, 16>(),
            name: "RFC 1918 private space",
        },
        WellKnownRange {
            cidr: Cidr::v4::<100, 64, 0, 0, 10>(),
            name: "RFC 6598 shared address space",
        },
    ]
}

/// Ranges that are not ordinary public unicast space.
pub const WELL_KNOWN_RANGES: [WellKnownRange; 9] = [
    WellKnownRange {
        cidr: Cidr::v4::<0, 0, 0, 0, 8>(),
        name: "\"this network\" (RFC 791)",
    },
    WellKnownRange {
        cidr: Cidr::v4::<127, 0, 0, 0, 8>(),
        name: "loopback",
    },
    WellKnownRange {
        cidr: Cidr::v4::<169, 254, 0, 0, 16>(),
        name: "link-local",
    },
    WellKnownRange {
        cidr: Cidr::v4::<192, 0, 2, 0, 24>(),
        name: "documentation (TEST-NET-1)",
    },
    WellKnownRange {
        cidr: Cidr::v4::<198, 51, 100, 0, 24>(),
        name: "documentation (TEST-NET-2)",
    },
    WellKnownRange {
        cidr: Cidr::v4::<203, 0, 113, 0, 24>(),
        name: "documentation (TEST-NET-3)",
    },
    WellKnownRange {
        cidr: Cidr::v4::<198, 18, 0, 0, 15>(),
        name: "benchmarking (RFC 2544)",
    },
    WellKnownRange {
        cidr: Cidr::v4::<224, 0, 0, 0, 4>(),
        name: "multicast",
    },
    WellKnownRange {
        cidr: Cidr::v4::<240, 0, 0, 0, 4>(),
        name: "reserved (class E)",
    },
];
