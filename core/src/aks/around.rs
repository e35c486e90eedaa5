//! What the rest of the cluster model says around a command: the VNet and subnet ranges, the
//! ranges to avoid, the node count the cluster must hold and its pods per node, whoever stated
//! them (the context, another document). The AKS rules and corrections read these, never the
//! context itself, so a value another document states counts as much as one the user typed.

use alloc::string::String;

use crate::model::{ClusterModel, Origin, Stated};
use crate::net::{Cidr, IpFamily};

/// The model's values around one command.
#[derive(Debug, Clone, Default)]
pub struct Around<'m> {
    /// VNet and subnet ranges, each with where it was stated.
    pub vnet: &'m [Stated<Cidr>],
    /// Ranges the cluster's ranges must not overlap (on-premises, peered, VPN).
    pub avoid: &'m [Stated<Cidr>],
    /// The node count the cluster must hold: the context's target, else the most any document
    /// states.
    pub target_nodes: Option<u32>,
    /// Pods per node: the context's, else the first a document states.
    pub max_pods: Option<u32>,
    /// Every service range the model holds, for [`Around::cluster_service`].
    pub service_ranges: &'m [Stated<Cidr>],
    /// The cluster's pools when it has two or more: their nodes and the pools in words.
    pub pools: Option<(u32, String)>,
    /// Then those of them in the command's node subnet, likewise (one or more).
    pub subnet_pools: Option<(u32, String)>,
}

impl<'m> Around<'m> {
    /// Reads them from `model`.
    pub fn of(model: &'m ClusterModel) -> Around<'m> {
        Around {
            vnet: &model.vnet_ranges,
            avoid: &model.avoid,
            target_nodes: model.target_nodes().map(|stated| stated.value),
            max_pods: model.max_pods_per_node().map(|stated| stated.value),
            service_ranges: &model.service_ranges,
            pools: None,
            subnet_pools: None,
        }
    }

    /// The IPv4 service range that another AKS definition of the analysis writes for the
    /// cluster (`az aks show`, the Terraform or template the cluster was made with), for a
    /// definition that starts at byte `at` outside it: what an `az aks update`, which keeps the
    /// cluster's service range, must stay clear of. A tool's default is no statement of it.
    pub fn cluster_service(&self, at: usize) -> Option<&'m Stated<Cidr>> {
        self.service_ranges.iter().find(|stated| {
            let Origin::Document { kind, document } = stated.source.origin else {
                return false;
            };
            let outside = at < document.start || at >= document.end;
            outside && kind.is_aks() && stated.value.family() == IpFamily::V4
        })
    }

    /// The VNet and subnet blocks.
    pub fn vnet_blocks(&self) -> impl Iterator<Item = Cidr> + 'm {
        self.vnet.iter().map(|stated| stated.value)
    }

    /// The blocks to avoid.
    pub fn avoid_blocks(&self) -> impl Iterator<Item = Cidr> + 'm {
        self.avoid.iter().map(|stated| stated.value)
    }
}
