//! The declaration of every rule over the whole cluster model, one file each (see
//! [`crate::rules`]).

pub mod conflicting_values;
pub mod node_cidr_mask;
pub mod node_cidr_missing;
pub mod node_cidr_outside_pool;
pub mod node_cidr_overlap;
pub mod node_cidrs_not_allocated;
pub mod node_pods_fit;
pub mod node_ranges_capacity;
pub mod service_range_overlap;
