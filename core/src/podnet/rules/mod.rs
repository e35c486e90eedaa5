//! The declaration of podnet's own rules, one file each (see [`crate::rules`]).

pub mod unused_suppression;
