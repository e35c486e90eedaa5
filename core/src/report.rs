//! The result of one analysis: what was read, what was found, the numbers, and the corrected text.

use alloc::string::String;
use alloc::vec::Vec;

use crate::diff::Diff;
pub use crate::document::{Document, DocumentKind};
use crate::finding::{Finding, Severity};
use crate::model::ClusterModel;
use crate::net::Cidr;
use crate::redact::Redaction;
use crate::span::Span;

pub use crate::input_error::{InputError, InputErrorKind};

/// Address capacity of a pod network, as the analysis computed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capacity {
    /// The pod address pool.
    pub pool: Cidr,
    /// The prefix length of each node's range.
    pub node_prefix: u8,
    /// How many node ranges the pool holds: 2^(node_prefix − pool prefix).
    pub node_ranges: u128,
    /// How many of them can be handed out (etcd mode skips the first).
    pub usable_node_ranges: u128,
    /// Pod addresses per node: the range minus network, broadcast and the bridge gateway.
    pub pod_addresses_per_node: u128,
    /// The node count the user asked about.
    pub target_nodes: Option<u32>,
    /// Share of usable node ranges taken at the target, in tenths of a percent.
    pub utilization_permille: Option<u32>,
    /// The first node number that gets no range (usable + 1).
    pub first_node_without_range: u128,
    /// The cluster's service range, when the input names it or a documented default applies
    /// (AKS: `--service-cidr`, else 10.0.0.0/16). `None` when the input does not say (flannel's
    /// configs never hold the service range).
    pub service_range: Option<Cidr>,
}

impl Capacity {
    /// The capacity of `pool` cut into /`node_prefix` node ranges of `pod_addresses_per_node`
    /// pod addresses each, with the first range left out when `skip_first` (flannel's etcd mode
    /// never leases it), at `target_nodes`.
    pub fn new(
        pool: Cidr,
        node_prefix: u8,
        skip_first: bool,
        pod_addresses_per_node: u128,
        target_nodes: Option<u32>,
        service_range: Option<Cidr>,
    ) -> Self {
        let usable = crate::plan::usable_ranges(pool.prefix(), node_prefix, skip_first);
        let utilization = target_nodes.filter(|_| usable > 0).map(|nodes| {
            let permille = crate::share::permille(u128::from(nodes), usable);
            u32::try_from(permille).unwrap_or(u32::MAX)
        });
        Capacity {
            pool,
            node_prefix,
            node_ranges: pool.subnet_count(node_prefix),
            usable_node_ranges: usable,
            pod_addresses_per_node,
            target_nodes,
            utilization_permille: utilization,
            first_node_without_range: usable.saturating_add(1),
            service_range,
        }
    }
}

/// One node range the paste shows taken, for the page's address-space picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRange {
    /// The range.
    pub cidr: Cidr,
    /// The node holding it, when named.
    pub node: Option<String>,
    /// True for a flannel etcd lease, false for a node listing's podCIDR.
    pub lease: bool,
    /// True when it lies inside a pool of its family the paste states (or none is stated); the
    /// page draws the others in red.
    pub inside_pool: bool,
}

/// The MTU picture for an overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MtuReport {
    /// The backend that encapsulates.
    pub backend: String,
    /// The MTU of the node network the packets cross.
    pub underlay: u32,
    /// Where `underlay` came from ("context", "Backend.MTU", "platform aws", ...).
    pub underlay_source: String,
    /// Encapsulation bytes the backend adds.
    pub overhead: u32,
    /// The MTU pods must use: underlay − overhead.
    pub pod_mtu: u32,
    /// The pod MTU the input sets explicitly, when it sets one (it may exceed `pod_mtu`).
    pub configured_pod_mtu: Option<u32>,
    /// Where `configured_pod_mtu` came from ("cni-conf.json delegate mtu", "FLANNEL_MTU").
    pub configured_source: Option<String>,
}

/// Everything one call of [`crate::analyze`] produces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The text that was analysed: the paste after redaction. All spans point into it.
    pub text: String,
    /// The documents recognised, in order.
    pub documents: Vec<Document>,
    /// What the rules found, in text order.
    pub findings: Vec<Finding>,
    /// Capacity numbers for the pod network, when one was read.
    pub capacity: Option<Capacity>,
    /// MTU numbers for the overlay, when one was read.
    pub mtu: Option<MtuReport>,
    /// The node ranges node listings and etcd leases show taken, in the order stated, each
    /// marked inside or outside the pool: what the address-space picture draws over `capacity`.
    pub node_ranges: Vec<NodeRange>,
    /// What redaction replaced (never the values).
    pub redactions: Vec<Redaction>,
    /// Values under secret-sounding keys left as written because they look like placeholders
    /// (`REPLACE_ME`, `${VAR}`, `changeme`), so the user knows they were seen and kept; spans in
    /// the analysed (redacted) text, like the findings'.
    pub placeholders: Vec<Span>,
    /// The text with every fix applied, when any fix exists.
    pub fixed: Option<String>,
    /// The diff from `text` to `fixed` as hunks, when there is a fixed text (and the `std`
    /// feature builds diffs); [`Diff::unified`] prints it.
    pub diff: Option<Diff>,
    /// What to run after applying the fix (rollout commands, the matching `az aks update`).
    pub next_steps: Vec<String>,
    /// Set when the text could not be read as any supported document.
    pub input_error: Option<InputError>,
    /// What the documents and the context say about the cluster, each value with its source.
    pub model: ClusterModel,
}

/// What one area (flannel, AKS, ...) read and found in the paste.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AreaOutcome {
    /// The documents this area recognised.
    pub documents: Vec<Document>,
    /// Its findings, spans in the analysed text.
    pub findings: Vec<Finding>,
    /// Capacity numbers, when the area read a pod network.
    pub capacity: Option<Capacity>,
    /// MTU numbers, when the area read an overlay.
    pub mtu: Option<MtuReport>,
    /// Follow-up commands.
    pub next_steps: Vec<String>,
    /// Set when the text looks like this area's input but cannot be read (e.g. a JSON syntax
    /// error in something that starts like net-conf.json).
    pub input_error: Option<InputError>,
    /// The values the area's documents state.
    pub model: ClusterModel,
    /// The namespace of the area's Kubernetes objects, for the follow-up commands.
    pub namespace: Option<String>,
}

impl Report {
    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }
}
