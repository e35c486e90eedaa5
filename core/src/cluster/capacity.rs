//! The capacity numbers of the cluster's node-range pool when no plugin area gave any: the pool
//! kube-controller-manager (or kubeadm, k3s) allocates from, cut at the node mask the model
//! states (else the size of the ranges the listings and leases show, else /24 for IPv4), so the
//! page can draw a node listing's ranges inside the pool they came from. Without a listing or a
//! lease there is nothing to draw, and the areas' own choice (none for a subnet.env, a BYO-CNI
//! command) stands.

use crate::cluster::pools::{etcd_mode, listed, node_mask, pools_of};
use crate::flannel::node_ranges::pod_addresses;
use crate::model::ClusterModel;
use crate::net::IpFamily;
use crate::report::Capacity;

/// The first stated pool's capacity (IPv4 first), at the model's target node count; only when
/// node listings or etcd leases show ranges to draw in it.
pub fn capacity(model: &ClusterModel) -> Option<Capacity> {
    if listed(model).next().is_none() && model.leases.is_empty() {
        return None;
    }
    [IpFamily::V4, IpFamily::V6].into_iter().find_map(|family| {
        let pool = pools_of(model, family).first()?.value.aligned();
        let prefix = node_mask(model, family)
            .map(|mask| mask.value.prefix)
            .or_else(|| {
                listed(model)
                    .map(|node| node.value.cidr)
                    .chain(model.leases.iter().map(|lease| lease.value.subnet))
                    .find(|range| range.family() == family)
                    .map(|range| range.prefix())
            })
            .unwrap_or(if family == IpFamily::V4 { 24 } else { 64 });
        (prefix >= pool.prefix()).then(|| {
            Capacity::new(
                pool,
                prefix,
                etcd_mode(model),
                pod_addresses(&pool, prefix),
                model.target_nodes().map(|nodes| nodes.value),
                model.service_ranges.first().map(|range| range.value),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::context::Context;

    #[test]
    fn a_controller_manager_and_a_node_listing_give_the_pool_the_nodes_came_from() {
        let paste = "$ ps aux | grep kube-controller-manager\nroot 1 0.0 0.0 kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 --node-cidr-mask-size=23 --service-cluster-ip-range=10.96.0.0/12\n$ kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR\nNAME       CIDR\nnode-a     10.244.0.0/23\nnode-b     10.32.3.0/24\n";
        let report = crate::analyze(paste, &Context::default());
        let capacity = report.capacity.expect("capacity");
        assert_eq!(capacity.pool.to_string(), "10.244.0.0/16");
        assert_eq!(
            (capacity.node_prefix, capacity.usable_node_ranges),
            (23, 128)
        );
        assert_eq!(capacity.pod_addresses_per_node, 509);
        assert_eq!(
            capacity.service_range.map(|r| r.to_string()).as_deref(),
            Some("10.96.0.0/12")
        );
        assert_eq!(report.node_ranges.len(), 2);
    }

    #[test]
    fn a_pool_without_a_listing_or_lease_gets_no_capacity_here() {
        let paste =
            "kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16\n";
        let report = crate::analyze(paste, &Context::default());
        assert_eq!(report.model.cluster_cidrs.len(), 1, "the pool is read");
        assert_eq!(report.capacity, None);
    }

    #[test]
    fn a_listing_alone_has_no_pool_and_so_no_capacity() {
        let paste = "NAME       CIDR\nnode-a     10.244.0.0/24\nnode-b     10.244.1.0/24\n";
        let report = crate::analyze(paste, &Context::default());
        assert_eq!(report.node_ranges.len(), 2, "the listing is read");
        assert_eq!(report.capacity, None);
    }
}
