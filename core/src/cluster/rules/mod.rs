//! The declaration of every rule over the whole cluster model, one file each (see
//! [`crate::rules`]).

pub mod conflicting_values;
pub mod node_cidrs_not_allocated;
pub mod service_range_overlap;
