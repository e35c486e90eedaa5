//! Rule `flannel/cluster-cidr`: flannel's Network and kube-controller-manager's `--cluster-cidr`
//! are the same block. Two places show it: Network against every `--cluster-cidr` the model
//! states, from the context or a document ([`check`]), and, on the cluster model, every node's range against every statement of
//! flannel's Network in the paste, whatever document each came from ([`check_node_ranges`]).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::flannel::pool::FlannelPool;
use crate::model::{ClusterModel, Source};
use crate::net::Cidr;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelClusterCidr,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Network contains kube-controller-manager's --cluster-cidr, and a node's FLANNEL_SUBNET lies in FLANNEL_NETWORK.",
    what: "In kube mode, a Network that does not contain a --cluster-cidr the context or another document gives (information when it is wider than it); in a subnet.env, a FLANNEL_SUBNET outside every FLANNEL_NETWORK block of its family.",
    why: "kube-controller-manager hands each node a podCIDR from --cluster-cidr; flanneld stops on a node whose podCIDR lies outside Network with \"subnet \"N\" specified in the flannel net config doesn't contain \"P\" PodCIDR of the \"X\" node\", and that node's pods get no network. A Network wider than --cluster-cidr works, but traffic to the rest of it is treated as pod traffic.",
    how_to_fix: "Make Network equal to --cluster-cidr (kubeadm --pod-network-cidr or podSubnet); the fix sets Network to the --cluster-cidr given. For a subnet.env, fix the two settings it reflects, then restart flanneld, which rewrites the file.",
    source: "flannel-io/flannel pkg/subnet/kube/kube.go (the podCIDR containment check); kube-controller-manager --cluster-cidr; flannel-io/cni-plugin flannel.go (reads subnet.env).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Checks the pool against every `--cluster-cidr` of its family the model states (the
/// context's, or a document's): nothing in etcd mode.
pub fn check(pool: &FlannelPool<'_>, model: &ClusterModel, findings: &mut Vec<Finding>) {
    if !pool.mode.may_be_kube() {
        return;
    }
    let (network, at) = (pool.cidr(), &pool.network.source);
    let key = at.key;
    let same_family = model
        .cluster_cidrs
        .iter()
        .filter(|cluster| cluster.value.family() == network.family());
    for stated in same_family {
        let cluster = stated.value;
        let named = stated.source.mention();
        if !network.contains(&cluster) {
            let mut why = format!("kube-controller-manager hands each node a podCIDR from --cluster-cidr {cluster}{named}; flanneld then stops with `subnet \"{network}\" specified in the flannel net config doesn't contain \"<podCIDR>\" PodCIDR of the \"<node>\" node`. {key} must equal --cluster-cidr (kubeadm --pod-network-cidr).");
            let fix = at.fix(format!("Set {key} to {cluster}"), &cluster.to_string());
            if stated.source.in_document() {
                why.push_str(" The fix follows the cluster: changing --cluster-cidr instead moves no node that already holds a podCIDR (nodes keep their ranges until drained, deleted and rejoined one at a time).");
            }
            why.push_str(at.no_fix_note());
            findings.push(Finding { rule: RuleId::FlannelClusterCidr, severity: Severity::Error, span: at.span, message: format!("{key} {network} does not contain --cluster-cidr {cluster}{named}: nodes get podCIDRs outside it"), explanation: why, fix });
        } else if network.aligned() != cluster.aligned() {
            findings.push(Finding { rule: RuleId::FlannelClusterCidr, severity: Severity::Info, span: at.span, message: format!("{key} {network} is wider than --cluster-cidr {cluster}{named}"), explanation: format!("Every podCIDR from {cluster} lies inside {network}, so flannel works, but traffic to the rest of {network} is treated as pod traffic."), fix: None });
        }
    }
}

/// Checks every node range of the model (a subnet.env's `FLANNEL_SUBNET`, later node
/// listings) against every statement of flannel's Network in the paste (`FLANNEL_NETWORK`,
/// `Network` of a net-conf.json): whatever document each came from, a node range must lie in
/// one block of each. Values that do not parse are `flannel/subnet-env-value`'s.
pub fn check_node_ranges(model: &ClusterModel, findings: &mut Vec<Finding>) {
    for node in &model.node_pod_cidrs {
        let range = node.value.cidr;
        let mut groups: Vec<(&Source, Vec<Cidr>)> = Vec::new();
        for pool in model.pod_pools_of(range.family()) {
            if !FLANNEL_NETWORK_KEYS.contains(&pool.source.key) {
                continue;
            }
            match groups
                .iter_mut()
                .find(|(source, _)| same_statement(source, &pool.source))
            {
                Some((_, blocks)) => blocks.push(pool.value),
                None => groups.push((&pool.source, alloc::vec![pool.value])),
            }
        }
        for (pool, blocks) in groups {
            if blocks.iter().any(|block| block.contains(&range.aligned())) {
                continue;
            }
            let list: Vec<String> = blocks.iter().map(ToString::to_string).collect();
            let list = list.join(",");
            let node_key = &node.source.key;
            let same_document = pool.origin == node.source.origin;
            let (message, why) = if same_document {
                (
                    format!("{node_key} {range} lies outside {} {list}", pool.key),
                    format!("{node_key} is this node's range (its podCIDR in kube mode), {} flannel's Network: kube-controller-manager --cluster-cidr and Network differ. flanneld stops with `subnet \"{list}\" … doesn't contain \"{}\" PodCIDR of the node`. Make them the same block.", pool.key, range.aligned()),
                )
            } else {
                (
                    format!("{node_key} {range} lies outside {} {list}{}", pool.key, pool.mention()),
                    format!("{node_key} is the range this node holds (its podCIDR in kube mode); {} is flannel's Network. A node range outside Network means kube-controller-manager's --cluster-cidr and Network differ, or the node kept a lease from an earlier Network. flanneld stops with `subnet \"{list}\" … doesn't contain \"{}\" PodCIDR of the node`. Make them the same block, then restart flanneld, which rewrites subnet.env.", pool.key, range.aligned()),
                )
            };
            findings.push(Finding {
                rule: RuleId::FlannelClusterCidr,
                severity: Severity::Error,
                message,
                span: node.source.span,
                explanation: why,
                fix: None,
            });
        }
    }
}

/// The keys under which flannel's documents state its Network.
const FLANNEL_NETWORK_KEYS: [&str; 4] = [
    "Network",
    "IPv6Network",
    "FLANNEL_NETWORK",
    "FLANNEL_IPV6_NETWORK",
];

/// True when two sources are one statement: the same key in the same document (the blocks of
/// one comma list).
fn same_statement(a: &Source, b: &Source) -> bool {
    a.key == b.key && a.origin == b.origin
}
