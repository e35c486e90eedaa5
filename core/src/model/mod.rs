//! The cluster model: one typed view of a cluster's pod network that every reader fills.
//!
//! Readers turn their format into [`Stated`] values: the value, and where it came from (a
//! document and the exact bytes, the user's context, or a tool's documented default). One
//! analysis merges every document's values into one [`ClusterModel`], so a rule can ask "what
//! is the pod pool?" whatever document said it, and see when two documents disagree.
//!
//! The model and its values are in `cluster.rs`, where they come from in `source.rs`, and one
//! reader per input in `from_*.rs`; this file only re-exports them, so no reader imports it.

mod cluster;
mod from_aks;
mod from_context;
mod from_flannel;
mod source;

pub use cluster::{ClusterModel, Mtu, MtuSetting, NodeMask, NodePodCidr, Stated, Statement};
pub use from_aks::read_command;
pub use from_context::read_context;
pub use from_flannel::{read_cni_conf, read_net_conf, read_subnet_env};
pub use source::{Origin, Source};
