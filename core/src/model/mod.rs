//! The cluster model: one typed view of a cluster's pod network that every reader fills.
//!
//! Each format's reader (`flannel/model_reader.rs`, `aks/model_reader.rs`; the context's here)
//! turns its values into [`Stated`] values: the value, and where it came from (a
//! document and the exact bytes, the user's context, or a tool's documented default). One
//! analysis merges every document's values into one [`ClusterModel`], so a rule can ask "what
//! is the pod pool?" whatever document said it, and see when two documents disagree.

mod cluster;
mod from_context;
mod source;

pub use cluster::{
    ClusterModel, Lease, Mtu, MtuSetting, NodeAddress, NodeMask, NodePodCidr, NodePods, Stated,
    Statement,
};
pub use from_context::read_context;
pub use source::{Origin, Source, UNMAPPED_NOTE};
