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
    /// The per-node prefix its subnet manager uses (see [`pools`]); may be shorter than the
    /// pool's own.
    pub node_prefix: u8,
    /// The statement the per-node prefix comes from; `None` for the subnet manager's default.
    pub mask: Option<&'m Stated<NodeMask>>,
    /// The mode the numbers assume.
    pub mode: Mode,
    /// The node count the cluster must hold, as the model states it (see
    /// [`ClusterModel::target_nodes`]).
    pub target: Option<&'m Stated<u32>>,
    /// The most pods a node runs, as the model states it.
    pub max_pods: Option<&'m Stated<u32>>,
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
    let mut lease_masks: Vec<&Stated<NodeMask>> = model
        .node_masks
        .iter()
        .filter(|mask| mask.value.manager == SubnetManager::Etcd)
        .collect();
    crate::order::sort_by_position(&mut lease_masks, |mask| {
        (document_start(&mask.source.origin).unwrap_or(0), 0)
    });
    let around = Around {
        model,
        mode,
        lease_masks,
        target: model.target_nodes(),
        max_pods: model.max_pods_per_node(),
    };
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
        // A document's pools are stated one after the other.
        let same_document = pools
            .last_mut()
            .filter(|pool| pool.network.source.origin == network.source.origin);
        let pool = with_node_prefix(&around, network);
        match same_document {
            // The IPv4 pool wins over the IPv6 one of the same document.
            Some(last) if network.value.family() == IpFamily::V4 => *last = pool,
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
fn with_node_prefix<'m>(around: &Around<'m>, network: &'m Stated<Cidr>) -> FlannelPool<'m> {
    let (model, mode) = (around.model, around.mode);
    let family = network.value.family();
    let v4 = family == IpFamily::V4;
    let family_default = if v4 { 24 } else { 64 };
    let manager = mode.manager();
    let (mask, node_prefix) = match manager {
        SubnetManager::Kube => {
            let mask = model.node_masks_for(family, manager).next();
            (mask, mask.map_or(family_default, |m| m.value.prefix))
        }
        SubnetManager::Etcd => {
            let mask = around.lease_mask(network);
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
        target: around.target,
        max_pods: around.max_pods,
    }
}

/// What every pool of one analysis shares, found once.
struct Around<'m> {
    model: &'m ClusterModel,
    mode: Mode,
    /// The SubnetLen statements, by the position of their document.
    lease_masks: Vec<&'m Stated<NodeMask>>,
    target: Option<&'m Stated<u32>>,
    max_pods: Option<&'m Stated<u32>>,
}

impl<'m> Around<'m> {
    /// The SubnetLen of `network`'s own document for its family.
    fn lease_mask(&self, network: &Stated<Cidr>) -> Option<&'m Stated<NodeMask>> {
        let start = document_start(&network.source.origin)?;
        let masks = &self.lease_masks;
        let first = masks.partition_point(|mask| {
            document_start(&mask.source.origin).is_some_and(|at| at < start)
        });
        masks[first..]
            .iter()
            .take_while(|mask| document_start(&mask.source.origin) == Some(start))
            .find(|mask| {
                mask.source.origin == network.source.origin
                    && mask.value.applies_to(network.value.family())
            })
            .copied()
    }
}

fn document_start(origin: &Origin) -> Option<usize> {
    match origin {
        Origin::Document { document, .. } => Some(document.start),
        _ => None,
    }
}
