//! The declaration of every rule over the whole cluster model, one file each (see
//! [`crate::rules`]).

pub mod conflicting_values;
