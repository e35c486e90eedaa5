//! Choosing a replacement range that overlaps nothing known.
//!
//! For a pod CIDR: 100.64.0.0/10 (RFC 6598 shared address space, which Overlay accepts) when it overlaps
//! nothing known; otherwise the first block of the smallest size that fits, searched in RFC 6598
//! space, then 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 (RFC 1918). For a service CIDR: AKS's
//! default 10.0.0.0/16 when free, otherwise the first free /16 in the same order.
//!
//! "Known" means the VNet and subnet ranges and ranges to avoid from the context, the other
//! ranges of the command, and the ranges AKS reserves.
//!
//! (`crate::plan` offers sizing helpers but no search for a free block yet, so the search lives
//! here.)

use alloc::vec::Vec;

use super::reserved::RESERVED;
use crate::net::Cidr;
use crate::plan;

/// The first replacement pod CIDR tried: RFC 6598 shared address space, rarely used on premises.
pub const PREFERRED_POD_CIDR: Cidr = Cidr::v4::<100, 64, 0, 0, 10>();

/// Where replacement pod ranges are searched, in order.
const POD_SPACES: [Cidr; 4] = [
    Cidr::v4::<100, 64, 0, 0, 10>(),
    Cidr::v4::<10, 0, 0, 0, 8>(),
    Cidr::v4::<172, 16, 0, 0, 12>(),
    Cidr::v4::<192, 168, 0, 0, 16>(),
];

/// Where replacement service ranges are searched, in order (RFC 1918 first, like AKS's default).
const SERVICE_SPACES: [Cidr; 4] = [
    Cidr::v4::<10, 0, 0, 0, 8>(),
    Cidr::v4::<172, 16, 0, 0, 12>(),
    Cidr::v4::<192, 168, 0, 0, 16>(),
    Cidr::v4::<100, 64, 0, 0, 10>(),
];

/// The widest prefix a replacement pod CIDR gets: a /16, AKS's default size (256 node ranges).
pub const MIN_POD_PREFIX: u8 = 16;

/// The pod CIDR prefix that holds `nodes` with /24 per node at most
/// [`MAX_UTILIZATION_PERCENT`](plan::MAX_UTILIZATION_PERCENT) used, and at least a /16.
pub fn pod_prefix_for(nodes: u32) -> u8 {
    let needed = plan::ranges_needed(nodes);
    (0..=24u8)
        .rev()
        .find(|&prefix| plan::usable_ranges(prefix, 24, false) >= needed)
        .unwrap_or(0)
        .min(MIN_POD_PREFIX)
}

/// A replacement pod CIDR for `nodes` that overlaps none of `taken` (reserved ranges are added).
pub fn pod_cidr(nodes: u32, taken: &[Cidr]) -> Option<Cidr> {
    let taken = with_reserved(taken);
    let prefix = pod_prefix_for(nodes);
    if prefix >= PREFERRED_POD_CIDR.prefix() && is_free(&PREFERRED_POD_CIDR, &taken) {
        return Some(PREFERRED_POD_CIDR);
    }
    // When no free block is big enough, the biggest free one still beats an overlapping range;
    // the capacity rule then says it is too small.
    (prefix..=MIN_POD_PREFIX.max(prefix)).find_map(|p| free_block(p, &POD_SPACES, &taken))
}

/// A replacement service CIDR (a /16) that overlaps none of `taken`.
pub fn service_cidr(taken: &[Cidr]) -> Option<Cidr> {
    let taken = with_reserved(taken);
    let default = super::network::DEFAULT_SERVICE_CIDR;
    if is_free(&default, &taken) {
        return Some(default);
    }
    free_block(16, &SERVICE_SPACES, &taken)
}

fn with_reserved(taken: &[Cidr]) -> Vec<Cidr> {
    let mut all: Vec<Cidr> = taken.to_vec();
    all.extend(RESERVED.iter().map(|range| range.cidr));
    all
}

fn is_free(candidate: &Cidr, taken: &[Cidr]) -> bool {
    !taken.iter().any(|range| range.overlaps(candidate))
}

/// The first block of `prefix` in the search spaces that overlaps none of `taken`.
fn free_block(prefix: u8, spaces: &[Cidr], taken: &[Cidr]) -> Option<Cidr> {
    spaces.iter().find_map(|space| {
        let count = space.subnet_count(prefix).min(1 << 16);
        (0..count)
            .filter_map(|index| space.subnet(prefix, index))
            .find(|candidate| is_free(candidate, taken))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn cidr(text: &str) -> Cidr {
        text.parse().expect("cidr")
    }

    #[test]
    fn the_preferred_range_when_nothing_overlaps() {
        assert_eq!(pod_cidr(9, &[cidr("10.0.0.0/8")]), Some(PREFERRED_POD_CIDR));
    }

    #[test]
    fn the_smallest_fitting_free_block_otherwise() {
        let taken = [cidr("100.64.0.0/16"), cidr("10.0.0.0/16")];
        assert_eq!(
            pod_cidr(9, &taken).map(|c| c.to_string()),
            Some("100.65.0.0/16".into())
        );
        // 1,000 nodes need 1,334 ranges: a /13.
        assert_eq!(
            pod_cidr(1000, &taken).map(|c| c.to_string()),
            Some("100.72.0.0/13".into())
        );
        let all_cgnat = [cidr("100.64.0.0/10")];
        assert_eq!(
            pod_cidr(3, &all_cgnat).map(|c| c.to_string()),
            Some("10.0.0.0/16".into())
        );
    }

    #[test]
    fn sizes_grow_with_nodes_from_a_slash_16() {
        assert_eq!(pod_prefix_for(3), 16);
        assert_eq!(pod_prefix_for(300), 15);
        assert_eq!(pod_prefix_for(5000), 11);
    }

    #[test]
    fn service_ranges_avoid_the_vnet() {
        assert_eq!(
            service_cidr(&[]),
            Some(super::super::network::DEFAULT_SERVICE_CIDR)
        );
        assert_eq!(
            service_cidr(&[cidr("10.0.0.0/8")]).map(|c| c.to_string()),
            Some("172.16.0.0/16".into())
        );
    }
}
