//! A cluster's node pools, summed where the rules need the cluster's nodes: every pool for the
//! pod CIDR (kubenet and Overlay give each node a /24), the pools that share the node subnet
//! for its capacity. A pool is a cluster's default pool, another `agentPoolProfiles` entry, a
//! Terraform `azurerm_kubernetes_cluster_node_pool`, an `az aks nodepool add` or an
//! `az aks nodepool list` entry; the separate ones join the cluster they name.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

/// One node pool: its name, the most nodes it runs (its max count when autoscaling), its node
/// subnet as written (`None`: the cluster's default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pool {
    /// Its name.
    pub name: String,
    /// The most nodes it runs.
    pub nodes: u32,
    /// Its `--vnet-subnet-id` as written.
    pub subnet: Option<String>,
}

/// What a definition says of pools: its own (the default pool first), and the cluster it
/// names: a cluster's own name, or, for a separate pool (`joins`), the cluster it is added to.
#[derive(Debug, Clone, Default)]
pub struct Pools {
    /// The name of the pool the definition's own values describe (its default pool).
    pub first: String,
    /// The pools it states: the first one's once its values are read, then any others.
    pub own: Vec<Pool>,
    /// The cluster's name or address, when known.
    pub cluster: Option<String>,
    /// True for a pool added to a cluster defined elsewhere.
    pub joins: bool,
}

/// The pools of the cluster `of` defines, with the separate pools in `all` that join it (no
/// cluster named, or this one), each name once.
pub fn of_cluster<'a>(of: &'a Pools, all: impl Iterator<Item = &'a Pools>) -> Vec<&'a Pool> {
    let mut pools: Vec<&Pool> = of.own.iter().collect();
    let joining = all.filter(|p| p.joins && (p.cluster.is_none() || p.cluster == of.cluster));
    for pool in joining.flat_map(|p| &p.own) {
        if !pools.iter().any(|p| p.name == pool.name) {
            pools.push(pool);
        }
    }
    pools
}

/// The nodes of `pools` and the pools in words (`nodepool1 3 + spot 20`), when there are
/// `least` or more (one copy in the page: not generic, not inlined).
#[inline(never)]
pub fn counted(pools: &[&Pool], least: usize) -> Option<(u32, String)> {
    let (mut total, mut words, mut count) = (0u32, String::new(), 0);
    for pool in pools {
        total = total.saturating_add(pool.nodes);
        let plus = if count == 0 { "" } else { " + " };
        let _ = write!(words, "{plus}{} {}", pool.name, pool.nodes);
        count += 1;
    }
    (count >= least).then_some((total, words))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(name: &str, nodes: u32, subnet: Option<&str>) -> Pool {
        Pool {
            name: String::from(name),
            nodes,
            subnet: subnet.map(String::from),
        }
    }

    #[test]
    fn separate_pools_join_the_cluster_they_name_once() {
        let cluster = Pools {
            first: String::new(),
            own: alloc::vec![pool("system", 3, None)],
            cluster: Some(String::from("main")),
            joins: false,
        };
        let added = |name: &str, to: Option<&str>| Pools {
            first: String::new(),
            own: alloc::vec![pool(name, 10, Some("s"))],
            cluster: to.map(String::from),
            joins: true,
        };
        let all = [
            added("spot", Some("main")),
            added("other", Some("elsewhere")),
            added("listed", None),
            added("spot", None),
        ];
        let pools = of_cluster(&cluster, all.iter());
        let names: Vec<&str> = pools.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["system", "spot", "listed"]);
        let (nodes, words) = counted(&pools, 2).expect("three pools");
        assert_eq!(
            (nodes, words.as_str()),
            (23, "system 3 + spot 10 + listed 10")
        );
        let one = pool("one", 4, None);
        assert_eq!(counted(&[&one], 2), None);
        let one = counted(&[&one], 1);
        assert_eq!(one, Some((4, String::from("one 4"))));
    }
}
