//! The user's context into the cluster model: each value with "context" as its source.

use crate::context::{Context, Platform, SubnetManager};

use super::cluster::{ClusterModel, NodeMask, Stated};
use super::source::Source;

/// The values the context states (a platform only when one was chosen: `generic` is the
/// context's "not said").
pub fn read_context(context: &Context, model: &mut ClusterModel) {
    let stated = |value, key: &'static str| Stated {
        value,
        source: Source::context(key),
    };
    if let Some(nodes) = context.target_nodes {
        model.node_count.push(stated(nodes, "nodes"));
    }
    if let Some(max_pods) = context.max_pods {
        model.max_pods.push(stated(max_pods, "max-pods"));
    }
    if let Some(mtu) = context.underlay_mtu {
        model.underlay_mtu.push(stated(mtu, "underlay-mtu"));
    }
    if context.platform != Platform::Generic {
        model.platform.push(Stated {
            value: context.platform,
            source: Source::context("platform"),
        });
    }
    for &cidr in &context.avoid {
        model.avoid.push(stated_cidr(cidr, "avoid"));
    }
    for &cidr in &context.vnet {
        model.vnet_ranges.push(stated_cidr(cidr, "vnet-cidr"));
    }
    if let Some(manager) = context.subnet_manager {
        model.subnet_manager.push(Stated {
            value: manager,
            source: Source::context("subnet-manager"),
        });
    }
    if let Some(prefix) = context.node_cidr_mask_size {
        model.node_masks.push(Stated {
            // kube-controller-manager's single-stack flag: whichever family the cluster has.
            value: NodeMask {
                family: None,
                prefix,
                manager: SubnetManager::Kube,
            },
            source: Source::context("node-cidr-mask-size"),
        });
    }
    if let Some(cidr) = context.cluster_cidr {
        model.cluster_cidrs.push(stated_cidr(cidr, "cluster-cidr"));
    }
}

fn stated_cidr(cidr: crate::net::Cidr, key: &'static str) -> Stated<crate::net::Cidr> {
    Stated {
        value: cidr,
        source: Source::context(key),
    }
}
