//! What listings state into the cluster model: node ranges, nodes without one, pod capacities,
//! addresses, the node count, leases, and the subnet manager leases and flanneld's flags show.
//! Every value is shown, not written: no rule edits a listing.

use alloc::string::String;

use super::flanneld::FlanneldLine;
use super::leases::LeaseListing;
use super::node::Listing;
use super::words::At;
use crate::context::SubnetManager;
use crate::model::{
    ClusterModel, Lease, NodeAddress, NodePodCidr, NodePods, Origin, Source, Stated,
};
use crate::span::LineIndex;

fn shown<T>(origin: Origin, key: &'static str, at: &At<T>, index: &LineIndex<'_>) -> Source {
    Source::shown(origin, key, index.span(at.start, at.end))
}

/// States one node listing.
pub fn state_nodes(
    listing: &Listing<'_>,
    origin: Origin,
    index: &LineIndex<'_>,
    model: &mut ClusterModel,
) {
    for node in &listing.nodes {
        let name = node.name.map(|name| String::from(name.value));
        for range in &node.ranges {
            model.node_pod_cidrs.push(Stated {
                value: NodePodCidr {
                    node: name.clone(),
                    cidr: range.value,
                },
                source: shown(origin, "podCIDR", range, index),
            });
        }
        if let Some(at) = node.no_range.filter(|_| node.ranges.is_empty()) {
            model.nodes_without_pod_cidr.push(Stated {
                value: name.clone().unwrap_or_default(),
                source: shown(origin, "podCIDR", &at, index),
            });
        }
        if let Some(pods) = &node.pods {
            model.node_pods.push(Stated {
                value: NodePods {
                    node: name.clone(),
                    pods: pods.value,
                },
                source: shown(origin, "pods", pods, index),
            });
        }
        for (key, ip) in &node.addresses {
            model.node_addresses.push(Stated {
                value: NodeAddress {
                    node: name.clone(),
                    ip: ip.value,
                },
                source: shown(origin, key, ip, index),
            });
        }
    }
    let named = listing
        .nodes
        .iter()
        .filter(|node| node.name.is_some())
        .count();
    if let Ok(count) = u32::try_from(named) {
        if count > 0 {
            let whole = At {
                value: (),
                start: listing.start,
                end: listing.start,
            };
            model.node_count.push(Stated {
                value: count,
                source: shown(origin, "nodes", &whole, index),
            });
        }
    }
}

/// States one run of etcd leases: each lease, and etcd mode (only flannel's etcd subnet manager
/// keeps leases there).
pub fn state_leases(
    listing: &LeaseListing,
    origin: Origin,
    index: &LineIndex<'_>,
    model: &mut ClusterModel,
) {
    for lease in &listing.leases {
        model.leases.push(Stated {
            value: Lease {
                subnet: lease.subnet.value,
                ipv6_subnet: lease.subnet6.map(|v6| v6.value),
                public_ip: lease.public_ip.map(|ip| ip.value),
            },
            source: shown(origin, "subnets", &lease.subnet, index),
        });
    }
    if let Some(first) = listing.leases.first() {
        model.subnet_manager.push(Stated {
            value: SubnetManager::Etcd,
            source: shown(origin, "subnets", &first.subnet, index),
        });
    }
}

/// States the subnet manager a flanneld command line shows.
pub fn state_flanneld(
    line: &FlanneldLine,
    origin: Origin,
    index: &LineIndex<'_>,
    model: &mut ClusterModel,
) {
    if let Some((manager, flag)) = &line.manager {
        let key = match manager {
            SubnetManager::Kube => "--kube-subnet-mgr",
            SubnetManager::Etcd => "--etcd-endpoints",
        };
        model.subnet_manager.push(Stated {
            value: *manager,
            source: shown(origin, key, flag, index),
        });
    }
}
