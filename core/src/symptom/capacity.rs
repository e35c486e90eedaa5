//! A pool cut into node ranges, in words: how many it holds and which node is the first to get
//! none. What the exhaustion rules (flannel's "out of subnets", kube-controller-manager's "no
//! remaining CIDRs") say about the pool a config of the same analysis states.

use alloc::format;
use alloc::string::String;
use core::fmt::Write as _;

use crate::context::SubnetManager;
use crate::model::{ClusterModel, Source, Stated};

use crate::net::{Cidr, IpFamily};
use core::fmt::Display;

/// Appends " {what} {value} ({where it was stated}){after}" to `here`: a value of the analysis
/// that explains a failure, named with its source (one formatting for every rule).
pub fn say(here: &mut String, what: &str, value: &dyn Display, stated: &Source, after: &str) {
    let _ = write!(here, " {what} {value} ({}){after}", stated.describe());
}

/// Where a value came from, in a sentence: "Network at 13:19 (flannel-configmap)".
pub fn from(stated: &Stated<impl Sized>) -> String {
    stated.source.describe()
}

/// The node ranges of the model's first pool for `manager` (kube-controller-manager's cluster
/// CIDR, else the plugin's pool, for kube; flannel's Network for etcd), with the node mask the
/// manager uses (its default when no document states one), in words; `None` without a pool.
pub fn node_ranges(model: &ClusterModel, manager: SubnetManager) -> Option<String> {
    let pool = match manager {
        SubnetManager::Kube => model.cluster_cidrs.first().or(model.pod_pools.first()),
        SubnetManager::Etcd => model.pod_pools.first(),
    }?;
    let family = pool.value.family();
    let stated = model.node_masks_for(family, manager).next();
    let (mask, mask_from) = match stated {
        Some(mask) => (mask.value.prefix, from(mask)),
        None => (
            default_mask(&pool.value, manager),
            String::from("the default"),
        ),
    };
    let skip_first = manager == SubnetManager::Etcd;
    let usable = crate::plan::usable_ranges(pool.value.prefix(), mask, skip_first);
    let first = if skip_first {
        ", the first never leased"
    } else {
        ""
    };
    Some(format!(
        "{} ({}) cut into /{mask} node ranges ({mask_from}) holds {usable}{first}: node {} gets none.",
        pool.value,
        from(pool),
        usable.saturating_add(1)
    ))
}

/// The node mask a manager uses when none is set: kube-controller-manager's /24 and /64,
/// flannel's SubnetLen default (/24 up to a /22 pool, else two bits below it).
fn default_mask(pool: &Cidr, manager: SubnetManager) -> u8 {
    match (manager, pool.family()) {
        (SubnetManager::Kube, IpFamily::V4) => 24,
        (SubnetManager::Kube, IpFamily::V6) => 64,
        (SubnetManager::Etcd, IpFamily::V4) if pool.prefix() <= 22 => 24,
        (SubnetManager::Etcd, IpFamily::V6) if pool.prefix() <= 62 => 64,
        (SubnetManager::Etcd, family) => (pool.prefix() + 2).min(family.bits()),
    }
}
