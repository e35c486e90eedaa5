//! The declaration of every rule over the control plane's own documents, one file each (see
//! [`crate::rules`]).

pub mod cluster_cidr_missing;
pub mod malformed_value;
