//! The declaration of every rule over the control plane's own documents, one file each (see
//! [`crate::rules`]).

pub mod malformed_value;
