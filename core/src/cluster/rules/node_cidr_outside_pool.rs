//! Rule `cluster/node-cidr-outside-pool`: a listed node's podCIDR lies outside the cluster CIDR
//! (or the plugin's pod pool when no cluster CIDR is stated). flannel's own Network is checked by
//! `flannel/cluster-cidr`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::cluster::pools::{listed, node_name, pools_of};
use crate::finding::{Finding, Severity};
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeCidrOutsidePool,
    area: Area::Cluster,
    severity: Severity::Error,
    summary: "Every listed node's podCIDR lies inside the cluster CIDR the paste states.",
    what: "A node range from a node listing (kubectl get nodes, describe node) outside every --cluster-cidr / podSubnet / --pod-cidr of its family (the plugin's pod pool when no cluster CIDR is stated).",
    why: "The node kept a range from an earlier --cluster-cidr: kube-controller-manager reads the flag only at start and never moves existing nodes, so old and new nodes hold ranges of two pools and pods across them cannot reach each other (pod CIDR drift).",
    how_to_fix: "Roll the old nodes one at a time: kubectl drain <node> --ignore-daemonsets --delete-emptydir-data; kubectl delete node <node>; restart its kubelet so it re-registers and gets a range from the current pool; uncordon. Changing --cluster-cidr back instead strands the new nodes.",
    source: "kubernetes pkg/controller/nodeipam (ranges allocated once per node from --cluster-cidr); seed 001 (pod CIDR drift and its rolling fix).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each listed node range outside every pool of its family; when no pool of the first
/// range's family is stated, says once what to paste to check them.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    if let Some(first) = listed(model).next() {
        if pools_of(model, first.value.cidr.family()).is_empty() {
            findings.push(Finding {
                rule: RuleId::ClusterNodeCidrOutsidePool,
                severity: Severity::Info,
                span: first.source.span,
                message: String::from("node ranges not checked against a pool: the paste states none"),
                explanation: String::from("Paste kube-controller-manager's flags (`ps aux | grep kube-controller-manager`: --cluster-cidr, --node-cidr-mask-size), the kubeadm ClusterConfiguration (`kubectl -n kube-system get cm kubeadm-config -o yaml`) or flannel's config (`kubectl -n kube-flannel get cm kube-flannel-cfg -o yaml`), or give the cluster CIDR as context, to check every node range against it."),
                fix: None,
            });
        }
    }
    for node in listed(model) {
        let range = node.value.cidr;
        // flannel's Network is `flannel/cluster-cidr`'s to judge.
        let pools: Vec<_> = pools_of(model, range.family())
            .into_iter()
            .filter(|pool| {
                !pool
                    .source
                    .origin
                    .kind()
                    .is_some_and(|kind| kind.name().starts_with("flannel"))
            })
            .collect();
        let Some(first) = pools.first() else {
            continue;
        };
        if pools
            .iter()
            .any(|pool| pool.value.contains(&range.aligned()))
        {
            continue;
        }
        let name = node_name(&node.value.node);
        let (pool, named) = (first.value, first.source.mention());
        let key = first.source.key;
        findings.push(Finding {
            rule: RuleId::ClusterNodeCidrOutsidePool,
            severity: Severity::Error,
            span: node.source.span,
            message: format!("{name}'s podCIDR {range} lies outside {key} {pool}{named}"),
            explanation: format!("{range} is not inside {pool}: {name} kept a range from an earlier pool, or the pool changed after it registered (kube-controller-manager never moves a node's range). Pods on {name} and on nodes with ranges from {pool} cannot reach each other. Roll {name}: drain it, `kubectl delete node {name}`, restart its kubelet so it gets a range from {pool}, uncordon; one node at a time."),
            fix: None,
        });
    }
}
