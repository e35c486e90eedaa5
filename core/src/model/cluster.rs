//! The cluster model's types: every value a reader can state, each with its source.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use core::net::IpAddr;

use crate::context::{Platform, SubnetManager};
use crate::net::{Cidr, IpFamily};

use super::source::{Origin, Source};

/// A value and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated<T> {
    /// The value, typed.
    pub value: T,
    /// Where it was stated.
    pub source: Source,
}

/// The prefix length of every node's pod range, for the subnet manager that hands the ranges
/// out: flannel's `SubnetLen` is the node mask in etcd mode, kube-controller-manager's
/// `--node-cidr-mask-size` in kube mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeMask {
    /// IPv4 or IPv6; `None` for a mask that applies to whichever family a single-stack cluster
    /// has (kube-controller-manager's `--node-cidr-mask-size`).
    pub family: Option<IpFamily>,
    /// The prefix length of a node's range.
    pub prefix: u8,
    /// Whose setting it is: which subnet manager uses it.
    pub manager: SubnetManager,
}

impl NodeMask {
    /// True when the mask applies to pools of `family`.
    pub fn applies_to(&self, family: IpFamily) -> bool {
        self.family.is_none_or(|own| own == family)
    }
}

/// One node's pod range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodePodCidr {
    /// The node's name; `None` for the node a document came from without naming it (a
    /// subnet.env is read on the node whose range it holds).
    pub node: Option<String>,
    /// Its pod range.
    pub cidr: Cidr,
}

/// A node's most pods (`status.capacity.pods`: the kubelet's effective `--max-pods`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodePods {
    /// The node's name; `None` when the listing does not name it.
    pub node: Option<String>,
    /// Its pod capacity.
    pub pods: u32,
}

/// One address of a node (`InternalIP`, flannel's `public-ip` annotation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeAddress {
    /// The node's name; `None` when the listing does not name it.
    pub node: Option<String>,
    /// The address.
    pub ip: IpAddr,
}

/// One flannel subnet lease in etcd (`<prefix>/subnets/10.244.5.0-24`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The leased node range.
    pub subnet: Cidr,
    /// The IPv6 node range of a dual-stack lease (`10.244.5.0-24&fc00:0:0:5::-64`).
    pub ipv6_subnet: Option<Cidr>,
    /// The `PublicIP` of the node holding it, when the listing shows the value.
    pub public_ip: Option<IpAddr>,
}

/// Which MTU setting a value is: each means something different.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MtuSetting {
    /// flannel's `Backend.MTU`: the underlay MTU the backend subtracts its overhead from.
    BackendUnderlay,
    /// The `mtu` of the CNI delegate in cni-conf.json: the pods' interface MTU.
    DelegatePod,
    /// `FLANNEL_MTU` in subnet.env: the pod MTU flanneld computed and hands to the CNI plugin.
    FlannelPod,
}

impl MtuSetting {
    /// The name of the setting as people write it.
    pub fn name(self) -> &'static str {
        match self {
            MtuSetting::BackendUnderlay => "Backend.MTU",
            MtuSetting::DelegatePod => "delegate mtu",
            MtuSetting::FlannelPod => "FLANNEL_MTU",
        }
    }
}

/// An MTU value and which setting it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mtu {
    /// Which setting.
    pub setting: MtuSetting,
    /// Its value in bytes.
    pub bytes: u32,
}

/// Declares [`ClusterModel`] from one list of its fields (each a `Vec<Stated<T>>`), with the
/// methods that must visit every field: written once, so a new field cannot be forgotten in one.
macro_rules! cluster_model {
    ($($(#[$doc:meta])* $field:ident: $value:ty,)*) => {
        /// Everything the paste and the context say about one cluster's pod network.
        ///
        /// Each field holds every statement of that value, in the order the documents were read
        /// (context last); most fields hold zero or one.
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct ClusterModel {
            $($(#[$doc])* pub $field: Vec<Stated<$value>>,)*
        }

        impl ClusterModel {
            /// Adds every statement of `other` after this model's.
            pub fn extend(&mut self, other: ClusterModel) {
                $(self.$field.extend(other.$field);)*
            }

            /// Keeps only the statements whose source `keep` accepts (the CLI splits one
            /// analysis of several files into one report per file).
            pub fn retain(&mut self, keep: impl Fn(&Source) -> bool) {
                $(self.$field.retain(|stated| keep(&stated.source));)*
            }
        }
    };
}

cluster_model! {
    /// Pod address pools of the network plugin (flannel `Network` / `IPv6Network` when that
    /// family is enabled, `FLANNEL_NETWORK`, `az aks --pod-cidr(s)`).
    pod_pools: Cidr,
    /// The ranges kube-controller-manager hands node podCIDRs out of (`--cluster-cidr`, and
    /// what sets it: kubeadm's `podSubnet`, `--pod-network-cidr`, the context's cluster CIDR).
    cluster_cidrs: Cidr,
    /// Node range sizes (flannel `SubnetLen` per family, `--node-cidr-mask-size`).
    node_masks: NodeMask,
    /// Whether kube-controller-manager hands out node podCIDRs (`--allocate-node-cidrs`).
    allocate_node_cidrs: bool,
    /// Service ranges (`--service-cidr(s)`).
    service_ranges: Cidr,
    /// The cluster DNS service address (`--dns-service-ip`).
    dns_service_ips: IpAddr,
    /// Node pod ranges by node name (node listings; `FLANNEL_SUBNET` for the node it came from,
    /// as written: flanneld writes the bridge gateway's address with the range's prefix).
    node_pod_cidrs: NodePodCidr,
    /// Nodes a listing shows without a pod range (`<none>`, an empty `PodCIDR:`), by name.
    nodes_without_pod_cidr: String,
    /// Node pod capacities (`status.capacity.pods`, `Capacity: pods:`).
    node_pods: NodePods,
    /// Node addresses (`InternalIP`, `flannel.alpha.coreos.com/public-ip`).
    node_addresses: NodeAddress,
    /// flannel's subnet leases in etcd.
    leases: Lease,
    /// How node ranges are handed out (flannel kube or etcd subnet manager).
    subnet_manager: SubnetManager,
    /// The overlay backend (flannel `Backend.Type`, one flannel knows), lower-case.
    backend: &'static str,
    /// MTU settings.
    mtu: Mtu,
    /// Where the cluster runs.
    platform: Platform,
    /// The node network's MTU.
    underlay_mtu: u32,
    /// VNet / VPC and subnet ranges.
    vnet_ranges: Cidr,
    /// Ranges the pod network must not overlap.
    avoid: Cidr,
    /// Node counts (`--node-count`, `--max-count`, the context's target).
    node_count: u32,
    /// Max pods per node (`--max-pods`, kubelet, the context).
    max_pods: u32,
    /// The network plugin (`--network-plugin`): one of the values azure-cli accepts, lower-case.
    network_plugin: &'static str,
    /// The plugin mode (`--network-plugin-mode`): one of the values azure-cli accepts, lower-case.
    plugin_mode: &'static str,
    /// The dataplane (`--network-dataplane`): one of the values azure-cli accepts, lower-case.
    dataplane: &'static str,
    /// The network policy engine (`--network-policy`): one of the values azure-cli accepts, lower-case.
    network_policy: &'static str,
    /// The outbound type (`--outbound-type`): one of the values azure-cli accepts, lower-case.
    outbound_type: &'static str,
    /// The Kubernetes version as (major, minor).
    kubernetes_version: (u32, u32),
}

impl ClusterModel {
    /// The pod pools of one family, in the order they were stated.
    pub fn pod_pools_of(&self, family: IpFamily) -> impl Iterator<Item = &Stated<Cidr>> {
        self.pod_pools
            .iter()
            .filter(move |pool| pool.value.family() == family)
    }

    /// The node count the cluster must hold: the context's target, else the largest count a
    /// document states (a tool's default is no statement of the cluster's size).
    pub fn target_nodes(&self) -> Option<&Stated<u32>> {
        given_first(&self.node_count, |written| {
            written.max_by_key(|count| count.value)
        })
    }

    /// The most pods a node runs: the context's, else the first a document states.
    pub fn max_pods_per_node(&self) -> Option<&Stated<u32>> {
        given_first(&self.max_pods, |written| written.next())
    }

    /// The node masks that apply to pools of `family` for `manager`, in the order they were
    /// stated.
    pub fn node_masks_for(
        &self,
        family: IpFamily,
        manager: SubnetManager,
    ) -> impl Iterator<Item = &Stated<NodeMask>> {
        self.node_masks
            .iter()
            .filter(move |mask| mask.value.manager == manager && mask.value.applies_to(family))
    }
}

/// The statement the user gave as context, else the one `pick` chooses among those written in
/// documents.
fn given_first<'a, T>(
    values: &'a [Stated<T>],
    pick: impl FnOnce(&mut dyn Iterator<Item = &'a Stated<T>>) -> Option<&'a Stated<T>>,
) -> Option<&'a Stated<T>> {
    if let Some(given) = values
        .iter()
        .find(|stated| stated.source.origin == Origin::Context)
    {
        return Some(given);
    }
    let mut written = values.iter().filter(|stated| stated.source.in_document());
    pick(&mut written)
}

/// One statement of the model in words: what it is about, the value, and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement<'a> {
    /// What the value is ("pod pool", "node mask", "max pods").
    pub what: &'static str,
    /// The value in words (`10.244.0.0/16`, `/24 (IPv4)`, `Backend.MTU 1450`).
    pub value: String,
    /// Where it was stated.
    pub source: &'a Source,
}

impl ClusterModel {
    /// Every statement in words, field by field in declaration order: what the CLI's JSON and
    /// the snapshots show.
    pub fn statements(&self) -> Vec<Statement<'_>> {
        fn add<'a, T>(
            out: &mut Vec<Statement<'a>>,
            what: &'static str,
            values: &'a [Stated<T>],
            words: impl Fn(&T) -> String,
        ) {
            out.extend(values.iter().map(|stated| Statement {
                what,
                value: words(&stated.value),
                source: &stated.source,
            }));
        }
        let text = |value: &&'static str| String::from(*value);
        let number = |value: &u32| value.to_string();
        let cidr = |value: &Cidr| value.to_string();
        let mut out = Vec::new();
        add(&mut out, "pod pool", &self.pod_pools, cidr);
        add(&mut out, "cluster CIDR", &self.cluster_cidrs, cidr);
        add(&mut out, "node mask", &self.node_masks, |mask| {
            match mask.family {
                Some(family) => alloc::format!("/{} ({})", mask.prefix, family.name()),
                None => alloc::format!("/{}", mask.prefix),
            }
        });
        add(
            &mut out,
            "allocate node CIDRs",
            &self.allocate_node_cidrs,
            |on| on.to_string(),
        );
        add(&mut out, "service range", &self.service_ranges, cidr);
        add(&mut out, "DNS service IP", &self.dns_service_ips, |ip| {
            ip.to_string()
        });
        add(
            &mut out,
            "node pod range",
            &self.node_pod_cidrs,
            |node| match &node.node {
                Some(name) => alloc::format!("{name} {}", node.cidr),
                None => node.cidr.to_string(),
            },
        );
        let named = |node: &Option<String>, value: String| match node {
            Some(name) => alloc::format!("{name} {value}"),
            None => value,
        };
        add(
            &mut out,
            "node without pod range",
            &self.nodes_without_pod_cidr,
            |n| n.clone(),
        );
        add(&mut out, "node pods", &self.node_pods, |n| {
            named(&n.node, n.pods.to_string())
        });
        add(&mut out, "node address", &self.node_addresses, |n| {
            named(&n.node, n.ip.to_string())
        });
        add(&mut out, "lease", &self.leases, |lease| {
            let v6 = lease
                .ipv6_subnet
                .map_or(String::new(), |v6| alloc::format!(" & {v6}"));
            match lease.public_ip {
                Some(ip) => alloc::format!("{}{v6} PublicIP {ip}", lease.subnet),
                None => alloc::format!("{}{v6}", lease.subnet),
            }
        });
        add(&mut out, "subnet manager", &self.subnet_manager, |m| {
            String::from(m.name())
        });
        add(&mut out, "backend", &self.backend, text);
        add(&mut out, "MTU", &self.mtu, |mtu| {
            alloc::format!("{} {}", mtu.setting.name(), mtu.bytes)
        });
        add(&mut out, "platform", &self.platform, |p| {
            String::from(p.name())
        });
        add(&mut out, "underlay MTU", &self.underlay_mtu, number);
        add(&mut out, "VNet range", &self.vnet_ranges, cidr);
        add(&mut out, "range to avoid", &self.avoid, cidr);
        add(&mut out, "node count", &self.node_count, number);
        add(&mut out, "max pods", &self.max_pods, number);
        add(&mut out, "network plugin", &self.network_plugin, text);
        add(&mut out, "plugin mode", &self.plugin_mode, text);
        add(&mut out, "dataplane", &self.dataplane, text);
        add(&mut out, "network policy", &self.network_policy, text);
        add(&mut out, "outbound type", &self.outbound_type, text);
        add(
            &mut out,
            "Kubernetes version",
            &self.kubernetes_version,
            |version| alloc::format!("{}.{}", version.0, version.1),
        );
        out
    }
}
