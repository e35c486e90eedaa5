//! Rules over the whole cluster model that belong to no one format: what several documents, or
//! a document and the context, say about the same value. Each rule is one file in [`rules`].

mod capacity;
mod pools;
pub mod rules;

pub use capacity::capacity;

use alloc::vec::Vec;

use crate::finding::Finding;
use crate::model::ClusterModel;
use crate::net::Cidr;
use crate::report::NodeRange;

/// The node ranges listings and leases show, each marked inside or outside its family's pools.
pub fn node_ranges(model: &ClusterModel) -> Vec<NodeRange> {
    let inside = |cidr: Cidr| {
        let pools = pools::pools_of(model, cidr.family());
        pools.is_empty()
            || pools
                .iter()
                .any(|pool| pool.value.contains(&cidr.aligned()))
    };
    let nodes = pools::listed(model).map(|node| NodeRange {
        cidr: node.value.cidr,
        node: node.value.node.clone(),
        lease: false,
        inside_pool: inside(node.value.cidr),
    });
    let leases = model.leases.iter().map(|lease| NodeRange {
        cidr: lease.value.subnet,
        node: None,
        lease: true,
        inside_pool: inside(lease.value.subnet),
    });
    nodes.chain(leases).collect()
}

/// Runs every rule over the model, after every document and the context stated their values.
pub fn check_model(model: &ClusterModel, findings: &mut Vec<Finding>) {
    rules::conflicting_values::check(model, findings);
    rules::node_cidr_outside_pool::check(model, findings);
    rules::node_cidr_overlap::check(model, findings);
    rules::node_cidr_mask::check(model, findings);
    rules::node_cidr_missing::check(model, findings);
    rules::node_ranges_capacity::check(model, findings);
    rules::node_pods_fit::check(model, findings);
    rules::service_range_overlap::check(model, findings);
    rules::node_cidrs_not_allocated::check(model, findings);
}
