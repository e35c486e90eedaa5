//! Rules over the whole cluster model that belong to no one format: what several documents, or
//! a document and the context, say about the same value. Each rule is one file in [`rules`].

pub mod rules;

use alloc::vec::Vec;

use crate::finding::Finding;
use crate::model::ClusterModel;

/// Runs every rule over the model, after every document and the context stated their values.
pub fn check_model(model: &ClusterModel, findings: &mut Vec<Finding>) {
    rules::conflicting_values::check(model, findings);
    rules::service_range_overlap::check(model, findings);
    rules::node_cidrs_not_allocated::check(model, findings);
}
