//! flannel's pod network as the cluster model states it: each net-conf.json's pool, the node
//! mask its subnet manager uses (wherever that was stated), and the capacity numbers. The rules
//! on node ranges and pod addresses read this, whatever document or context gave each value.

use alloc::vec::Vec;

use super::etcd_subnets::corrected_subnet_len;
use super::mode::Mode;
use super::node_ranges::pod_addresses;
use crate::context::SubnetManager;
use crate::document::DocumentKind;
use crate::model::{ClusterModel, NodeMask, Origin, Stated};
use crate::net::{Cidr, IpFamily};
use crate::report::Capacity;

/// One net-conf.json's pool and how it splits into node ranges.
#[derive(Debug, Clone, Copy)]
pub struct FlannelPool<'m> {
    /// The pool: the document's `Network`, or its `IPv6Network` when it states no IPv4 pool.
    pub network: &'m Stated<Cidr>,
    /// The per-node prefix (see [`node_prefix`]); may be shorter than the pool's own.
    pub node_prefix: u8,
    /// The statement the per-node prefix comes from; `None` for the subnet manager's default.
    pub mask: Option<&'m Stated<NodeMask>>,
    /// The mode the numbers assume.
    pub mode: Mode,
}

impl FlannelPool<'_> {
    /// The block.
    pub fn cidr(&self) -> Cidr {
        self.network.value
    }

    /// The capacity numbers for `target` nodes; `None` when the per-node prefix does not fit
    /// in the block.
    pub fn capacity(&self, target: Option<u32>) -> Option<Capacity> {
        let (network, node_prefix) = (self.cidr(), self.node_prefix);
        if network.subnet_count(node_prefix) == 0 {
            return None;
        }
        // flannel's configs never name the cluster's service range.
        Some(Capacity::new(
            network,
            node_prefix,
            self.mode.manager() == SubnetManager::Etcd,
            pod_addresses(&network, node_prefix),
            target,
            None,
        ))
    }
}

/// The pool of every net-conf.json in the model, in the order they were read: per document its
/// IPv4 `Network`, else its `IPv6Network` (an IPv6-only config).
pub fn pools(model: &ClusterModel, mode: Mode) -> Vec<FlannelPool<'_>> {
    let mut pools: Vec<FlannelPool<'_>> = Vec::new();
    let in_net_conf = model.pod_pools.iter().filter(|pool| {
        matches!(
            pool.source.origin,
            Origin::Document {
                kind: DocumentKind::FlannelNetConf | DocumentKind::FlannelConfigMap,
                ..
            }
        )
    });
    for network in in_net_conf {
        let same_document = pools
            .iter()
            .position(|pool| pool.network.source.origin == network.source.origin);
        let pool = with_node_prefix(model, network, mode);
        match same_document {
            // The IPv4 pool wins over the IPv6 one of the same document.
            Some(at) if network.value.family() == IpFamily::V4 => pools[at] = pool,
            Some(_) => {}
            None => pools.push(pool),
        }
    }
    pools
}

/// `network` with the per-node prefix its subnet manager uses: in kube mode the controller's
/// `--node-cidr-mask-size` (default /24, /64 for IPv6); in etcd mode the document's SubnetLen,
/// or flannel's default for the Network (`pkg/subnet/config.go`: /24 or /64 when the Network is
/// wide enough for four, else prefix + 2). A SubnetLen flanneld refuses counts as the one its
/// fix writes: the capacity after that fix is what matters next.
fn with_node_prefix<'m>(
    model: &'m ClusterModel,
    network: &'m Stated<Cidr>,
    mode: Mode,
) -> FlannelPool<'m> {
    let family = network.value.family();
    let v4 = family == IpFamily::V4;
    let family_default = if v4 { 24 } else { 64 };
    let manager = mode.manager();
    let mut masks = model.node_masks_for(family, manager);
    let (mask, node_prefix) = match manager {
        SubnetManager::Kube => {
            let mask = masks.next();
            (mask, mask.map_or(family_default, |m| m.value.prefix))
        }
        SubnetManager::Etcd => {
            let mask = masks.find(|m| m.source.origin == network.source.origin);
            let written = mask.map(|m| m.value.prefix);
            let fixed = written
                .filter(|_| v4)
                .and_then(|len| corrected_subnet_len(&network.value, i64::from(len)));
            let wide = if v4 { 22 } else { 62 };
            let prefix = match fixed.or(written) {
                Some(len) => len,
                None if network.value.prefix() <= wide => family_default,
                // At most 128 + 2: no overflow.
                None => network.value.prefix() + 2,
            };
            (mask, prefix)
        }
    };
    FlannelPool {
        network,
        node_prefix,
        mask,
        mode,
    }
}
