//! Sizing: the smallest pod network that holds a node count with headroom.
//!
//! Pools are sized so that the target node count uses at most [`MAX_UTILIZATION_PERCENT`] of the
//! node ranges, the threshold at which operators alert on IPAM exhaustion. [`plan`] is the solver
//! behind `podnet plan` and the capacity and overlap fixes: per-node size from max pods, pool size
//! from nodes with headroom, placed at the user's base address when free, otherwise at the nearest
//! free RFC 1918 or RFC 6598 block.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::net::{private_ranges, Cidr, IpFamily};

/// What to size for.
#[derive(Debug, Clone, Default)]
pub struct PlanRequest {
    /// Nodes the cluster must hold.
    pub nodes: u32,
    /// kubelet `--max-pods` (default 110).
    pub max_pods: Option<u32>,
    /// Ranges the pool must not overlap.
    pub avoid: Vec<Cidr>,
    /// The address the user would like to keep (its prefix is ignored).
    pub base: Option<Cidr>,
    /// Extra nodes on top of `nodes`, in percent.
    pub headroom_percent: Option<u32>,
}

/// A sized pod network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The pod address pool (flannel Network, `--cluster-cidr`).
    pub pool: Cidr,
    /// The per-node prefix (`--node-cidr-mask-size`, flannel SubnetLen in etcd mode).
    pub node_prefix: u8,
    /// Node ranges in the pool.
    pub node_ranges: u128,
    /// Pod addresses per node (network, broadcast and bridge gateway excluded).
    pub pod_addresses_per_node: u128,
    /// Why, in sentences with the math.
    pub reasons: Vec<String>,
}

/// Why no plan exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// Zero nodes asked for.
    NoNodes,
    /// Max pods of zero or more than any node range can hold.
    MaxPods(u32),
    /// The pool would have to be wider than /8, the largest private block.
    TooLarge {
        /// The prefix the pool would need.
        prefix: u8,
    },
    /// Every candidate block overlaps a range to avoid.
    NoFreeRange {
        /// The pool prefix looked for.
        prefix: u8,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::NoNodes => f.write_str("the node count must be at least 1"),
            PlanError::MaxPods(n) => write!(f, "max pods {n} is not between 1 and 65533 (a /16 per node holds 65533 pods)"),
            PlanError::TooLarge { prefix } => write!(f, "the pool would need a /{prefix}, wider than the largest private block 10.0.0.0/8; use fewer nodes or fewer pods per node"),
            PlanError::NoFreeRange { prefix } => write!(f, "no free /{prefix} in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10 avoids every range given"),
        }
    }
}

/// Default kubelet `--max-pods`.
pub const DEFAULT_MAX_PODS: u32 = 110;

/// Sizes a pod network for `request`.
pub fn plan(request: &PlanRequest) -> Result<Plan, PlanError> {
    if request.nodes == 0 {
        return Err(PlanError::NoNodes);
    }
    let max_pods = request.max_pods.unwrap_or(DEFAULT_MAX_PODS);
    if max_pods == 0 || max_pods > 65_533 {
        return Err(PlanError::MaxPods(max_pods));
    }
    let mut reasons = Vec::new();
    if let Some(base) = request.base.filter(|b| b.family() == IpFamily::V6) {
        return plan_v6(request, base);
    }
    let node_prefix = (16..=30u8)
        .rev()
        .find(|p| (1u128 << (32 - p)) - 3 >= u128::from(max_pods))
        .unwrap_or(16);
    let pods = (1u128 << (32 - node_prefix)) - 3;
    reasons.push(format!("{max_pods} pods per node need a /{node_prefix} per node: 2^(32 − {node_prefix}) − 3 = {pods} pod addresses (network, broadcast and the bridge gateway excluded){}.", if node_prefix < 30 { format!(", while a /{} holds only {}", node_prefix + 1, (1u128 << (31 - node_prefix)) - 3) } else { String::new() }));
    let headroom = request.headroom_percent.unwrap_or(0);
    let nodes = nodes_with_headroom(request.nodes, request.headroom_percent);
    if headroom > 0 {
        reasons.push(format!(
            "{} nodes with {headroom}% headroom plan for ⌈{} × {} / 100⌉ = {nodes} nodes.",
            request.nodes,
            request.nodes,
            100 + headroom
        ));
    }
    let needed = ranges_needed(nodes);
    let bits = (0..=32u8).find(|b| (1u128 << b) >= needed).unwrap_or(32);
    let prefix = node_prefix
        .checked_sub(bits)
        .filter(|p| *p >= 8)
        .ok_or(PlanError::TooLarge {
            prefix: node_prefix.saturating_sub(bits),
        })?;
    reasons.push(format!("{nodes} nodes at most {MAX_UTILIZATION_PERCENT}% used need ⌈{nodes} × 100 / {MAX_UTILIZATION_PERCENT}⌉ = {needed} node ranges; 2^{bits} = {} is the smallest power of two that holds them, so the pool is a /{node_prefix} − {bits} = /{prefix}.", 1u128 << bits));
    let free = |c: &Cidr| !request.avoid.iter().any(|a| a.overlaps(c));
    let pool = match request.base.and_then(|b| b.with_prefix(prefix)) {
        Some(kept) if free(&kept) => {
            reasons.push(format!(
                "{kept} keeps your base address and overlaps nothing to avoid."
            ));
            kept
        }
        base => {
            let target = base.map_or(u128::from(u32::from_be_bytes([10, 0, 0, 0])), |b| {
                b.network()
            });
            let found =
                nearest_free(prefix, target, &free).ok_or(PlanError::NoFreeRange { prefix })?;
            match base {
                Some(kept) => reasons.push(format!("{kept} overlaps a range to avoid; {found} is the nearest free /{prefix} in private or RFC 6598 space.")),
                None => reasons.push(format!("{found} is the first free /{prefix} in private space (10.0.0.0/8 first, then 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10).")),
            }
            found
        }
    };
    let ranges = 1u128 << bits;
    reasons.push(format!("{pool} with /{node_prefix} per node: {ranges} node ranges, {} used at {nodes} nodes; node {} would get no range (flannel's etcd mode skips the first range: {} usable).", crate::share::percent(nodes, ranges), ranges + 1, ranges - 1));
    Ok(Plan {
        pool,
        node_prefix,
        node_ranges: ranges,
        pod_addresses_per_node: pods,
        reasons,
    })
}

fn plan_v6(request: &PlanRequest, base: Cidr) -> Result<Plan, PlanError> {
    let node_prefix = 64u8;
    let nodes = nodes_with_headroom(request.nodes, request.headroom_percent);
    let needed = ranges_needed(nodes);
    let bits = (0..=16u8)
        .find(|b| (1u128 << b) >= needed)
        .ok_or(PlanError::TooLarge { prefix: 48 })?;
    // A /48 to /64: always within IPv6's width.
    let pool = base
        .with_prefix(node_prefix - bits)
        .ok_or(PlanError::TooLarge { prefix: 48 })?;
    if request.avoid.iter().any(|a| a.overlaps(&pool)) {
        return Err(PlanError::NoFreeRange {
            prefix: pool.prefix(),
        });
    }
    Ok(Plan {
        pool,
        node_prefix,
        node_ranges: 1u128 << bits,
        pod_addresses_per_node: u128::MAX,
        reasons: alloc::vec![format!(
            "IPv6: a /64 per node; {needed} ranges need 2^{bits}, so the pool is a /{}: {pool}.",
            pool.prefix()
        )],
    })
}

/// The free aligned IPv4 `/prefix` nearest to address `target` inside RFC 1918 or RFC 6598
/// space, overlapping nothing in `avoid`.
pub fn nearest_free_block(prefix: u8, target: u128, avoid: &[Cidr]) -> Option<Cidr> {
    nearest_free(prefix, target, &|c: &Cidr| {
        !avoid.iter().any(|a| a.overlaps(c))
    })
}

/// The free aligned `/prefix` nearest to `target` inside private or RFC 6598 space.
fn nearest_free(prefix: u8, target: u128, free: &dyn Fn(&Cidr) -> bool) -> Option<Cidr> {
    let mut best: Option<(u128, Cidr)> = None;
    for range in private_ranges() {
        let space = range.cidr;
        // No /prefix fits in a space narrower than it.
        let Some(first) = space.subnet(prefix, 0) else {
            continue;
        };
        let size = first.size();
        let count = space.subnet_count(prefix);
        let clamped = target.clamp(space.network(), space.last());
        let centre = (clamped - space.network()) / size;
        for step in 0..count.min(1 << 16) {
            let candidates = [centre.checked_add(step), centre.checked_sub(step)];
            let hit = candidates
                .into_iter()
                .flatten()
                .filter_map(|index| space.subnet(prefix, index))
                .find(|c| free(c));
            if let Some(cidr) = hit {
                let distance = cidr.network().abs_diff(target);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, cidr));
                }
                break;
            }
        }
    }
    best.map(|(_, cidr)| cidr)
}

/// The highest share of node ranges (or subnet addresses) a healthy pool uses at its target node
/// count: the one alert threshold of every capacity rule and of the sizing solver.
///
/// Why 75%: fitting today's nodes is not enough. Upgrades add surge nodes, the autoscaler adds
/// nodes on its own, and a replaced node takes a new range before its old one is released. Moving
/// a pod network is disruptive too (nodes keep their ranges until they are recreated), so the
/// warning has to come while a quarter is still free and there is time to plan the move. It is
/// also where operators commonly alert on IPAM exhaustion.
pub const MAX_UTILIZATION_PERCENT: u128 = 75;

/// True when `used` of `available` stays at or under [`MAX_UTILIZATION_PERCENT`].
pub fn within_max_utilization(used: u128, available: u128) -> bool {
    used.saturating_mul(100) <= available.saturating_mul(MAX_UTILIZATION_PERCENT)
}

/// The nodes to plan for: `nodes` and `headroom_percent` more, rounded up.
pub fn nodes_with_headroom(nodes: u32, headroom_percent: Option<u32>) -> u128 {
    (u128::from(nodes) * u128::from(100 + headroom_percent.unwrap_or(0))).div_ceil(100)
}

/// The fewest node ranges that keep `nodes` at or under [`MAX_UTILIZATION_PERCENT`].
pub fn ranges_needed(nodes: impl Into<u128>) -> u128 {
    nodes
        .into()
        .saturating_mul(100)
        .div_ceil(MAX_UTILIZATION_PERCENT)
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
    let widened = pool
        .supernets()
        .filter(|wider| wider.prefix() <= node_prefix)
        .find(|wider| usable_ranges(wider.prefix(), node_prefix, skip_first) >= needed)?;
    if avoid.iter().any(|range| range.overlaps(&widened)) {
        return None;
    }
    Some(widened)
}

#[cfg(test)]
mod tests {
    #[test]
    fn plan_sizes_the_pool_and_keeps_the_base() {
        // 110 pods (the default) fit a /25: 2^7 − 3 = 125; 300 nodes need 400 → 512 ranges → /16.
        let request = PlanRequest {
            nodes: 300,
            base: "10.244.0.0/16".parse().ok(),
            ..PlanRequest::default()
        };
        let plan = plan(&request).expect("plan");
        assert_eq!(
            (plan.pool.to_string().as_str(), plan.node_prefix),
            ("10.244.0.0/16", 25)
        );
        let request = PlanRequest {
            max_pods: Some(250),
            ..request
        };
        let plan = super::plan(&request).expect("plan");
        assert_eq!(plan.pool.to_string(), "10.244.0.0/15");
        assert_eq!(plan.node_prefix, 24);
        assert_eq!((plan.node_ranges, plan.pod_addresses_per_node), (512, 253));
        assert!(
            plan.reasons
                .iter()
                .any(|r| r.contains("⌈300 × 100 / 75⌉ = 400")),
            "{:?}",
            plan.reasons
        );
    }

    #[test]
    fn plan_moves_away_from_an_avoided_range_and_sizes_for_max_pods() {
        let request = PlanRequest {
            nodes: 50,
            max_pods: Some(250),
            avoid: alloc::vec!["10.0.0.0/8".parse().expect("cidr")],
            base: "10.244.0.0/16".parse().ok(),
            headroom_percent: Some(20),
        };
        let plan = plan(&request).expect("plan");
        // 250 pods need a /24 (253); 60 nodes need 80 ranges → 128 → /17.
        assert_eq!(plan.node_prefix, 24);
        assert_eq!(plan.pool.prefix(), 17);
        assert!(!plan.pool.overlaps(&"10.0.0.0/8".parse().expect("cidr")));
        let small = PlanRequest {
            nodes: 3,
            max_pods: Some(30),
            ..PlanRequest::default()
        };
        let plan = super::plan(&small).expect("plan");
        // 30 pods need a /26 (61; a /27 holds 29); 3 nodes need 4 ranges → /24.
        assert_eq!(plan.node_prefix, 26);
        assert_eq!(plan.pool.to_string(), "10.0.0.0/24");
    }

    #[test]
    fn impossible_requests_say_why() {
        assert_eq!(plan(&PlanRequest::default()), Err(PlanError::NoNodes));
        let huge = PlanRequest {
            nodes: 1_000_000,
            ..PlanRequest::default()
        };
        assert!(matches!(plan(&huge), Err(PlanError::TooLarge { .. })));
        let everything = PlanRequest {
            nodes: 10,
            avoid: private_ranges().iter().map(|r| r.cidr).collect(),
            ..PlanRequest::default()
        };
        let error = plan(&everything).expect_err("no free range");
        assert!(error.to_string().contains("no free"), "{error}");
    }

    use super::*;
    use alloc::string::ToString;

    #[test]
    fn rule_documentation_names_the_threshold_itself() {
        use crate::rules::RuleId;
        // The rule texts are constants and cannot format the number: they must say the same.
        let threshold = alloc::format!("{MAX_UTILIZATION_PERCENT}%");
        for rule in [
            RuleId::FlannelCapacity,
            RuleId::FlannelNodeCapacity,
            RuleId::AksPodCidrCapacity,
            RuleId::AksNodeSubnetCapacity,
        ] {
            let info = rule.info();
            let texts = [info.summary, info.what, info.why, info.how_to_fix];
            assert!(texts.iter().any(|t| t.contains(&threshold)), "{rule}");
        }
    }

    #[test]
    fn three_hundred_nodes_need_four_hundred_ranges() {
        assert_eq!(ranges_needed(300u32), 400);
        assert_eq!(ranges_needed(3u32), 4);
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
