//! Sizing: the smallest pod network that holds a node count with headroom.
//!
//! Pools are sized so that the target node count uses at most [`MAX_UTILIZATION_PERCENT`] of the
//! node ranges, the threshold at which operators alert on IPAM exhaustion.

use crate::net::Cidr;

/// The highest share of node ranges a healthy pool uses at its target node count.
pub const MAX_UTILIZATION_PERCENT: u128 = 75;

/// The fewest node ranges that keep `nodes` at or under [`MAX_UTILIZATION_PERCENT`].
pub fn ranges_needed(nodes: u32) -> u128 {
    (u128::from(nodes) * 100).div_ceil(MAX_UTILIZATION_PERCENT)
}

/// Usable node ranges in a pool of `pool_prefix` with `node_prefix` per node; `skip_first` for
/// flannel's etcd mode, which never hands out the first range.
pub fn usable_ranges(pool_prefix: u8, node_prefix: u8, skip_first: bool) -> u128 {
    if node_prefix < pool_prefix {
        return 0;
    }
    let all = 1u128
        .checked_shl(u32::from(node_prefix - pool_prefix))
        .unwrap_or(u128::MAX);
    all - u128::from(skip_first && all > 0)
}

/// `pool` widened by the fewest prefix bits so that `nodes` fit with headroom, keeping its base
/// address (masked to the new boundary). `None` when even the widest pool of the family cannot
/// hold them, or when the widened pool would overlap a range in `avoid`.
pub fn widen_for_nodes(
    pool: Cidr,
    node_prefix: u8,
    nodes: u32,
    skip_first: bool,
    avoid: &[Cidr],
) -> Option<Cidr> {
    let needed = ranges_needed(nodes);
    let prefix = (0..=pool.prefix.min(node_prefix))
        .rev()
        .find(|&prefix| usable_ranges(prefix, node_prefix, skip_first) >= needed)?;
    let widened = pool.with_prefix(prefix);
    if avoid.iter().any(|range| range.overlaps(&widened)) {
        return None;
    }
    Some(widened)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn three_hundred_nodes_need_four_hundred_ranges() {
        assert_eq!(ranges_needed(300), 400);
        assert_eq!(ranges_needed(3), 4);
    }

    #[test]
    fn widening_a_slash_16_for_300_nodes_gives_a_slash_15() {
        let pool: Cidr = "10.244.0.0/16".parse().expect("cidr");
        assert_eq!(
            widen_for_nodes(pool, 24, 300, false, &[]).map(|c| c.to_string()),
            Some("10.244.0.0/15".into())
        );
        // 1,000 nodes need 1,334 ranges: /13 gives 2,048.
        assert_eq!(
            widen_for_nodes(pool, 24, 1000, false, &[]).map(|c| c.to_string()),
            Some("10.240.0.0/13".into())
        );
    }

    #[test]
    fn etcd_mode_loses_the_first_range() {
        assert_eq!(usable_ranges(16, 24, true), 255);
        assert_eq!(usable_ranges(16, 24, false), 256);
        assert_eq!(usable_ranges(25, 24, false), 0);
    }

    #[test]
    fn a_widened_pool_that_hits_an_avoided_range_is_refused() {
        let pool: Cidr = "10.244.0.0/16".parse().expect("cidr");
        let vpn: Cidr = "10.245.8.0/24".parse().expect("cidr");
        assert_eq!(widen_for_nodes(pool, 24, 300, false, &[vpn]), None);
    }
}
