//! Rule `flannel/cni-version`: a cni-conf.json without `cniVersion`.

use alloc::string::String;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::json_edit::insert_first;
use crate::json::Node;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelCniVersion,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "cni-conf.json names its cniVersion.",
    what: "A CNI network config (a plugins list or a single plugin) with no cniVersion key.",
    why: "Since Kubernetes 1.16 the CNI library that kubelet and the container runtimes use refuses a config without cniVersion (\"plugin flannel does not support config version \"\"\", flannel#1178, kubernetes#80482): the flannel config is rejected and the node never gets pod networking, so it stays NotReady. kube-flannel.yml up to v0.11 shipped without it.",
    how_to_fix: "Add \"cniVersion\": \"0.3.1\", the version the official manifest writes (the fix does); the new config takes effect when flannel's install-cni container copies it to /etc/cni/net.d.",
    source: "containernetworking/cni SPEC.md (cniVersion is required); flannel-io/flannel Documentation/kube-flannel.yml; flannel-io/flannel issue #1178; kubernetes/kubernetes issue #80482.",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Checks the parsed cni-conf.json `root` (parsed from `text`).
pub fn check(root: &Node, text: &str, out: &mut Emitter<'_>) {
    if root.get_ignore_case("cniVersion").is_some() {
        return;
    }
    let (at, insertion) = insert_first(text, root, "\"cniVersion\": \"0.3.1\"");
    out.report(Draft { rule: RuleId::FlannelCniVersion, severity: Severity::Error, at: (root.start, root.start + 1), message: String::from("cni-conf.json has no cniVersion: kubelet's CNI library refuses it (\"plugin flannel does not support config version \\\"\\\"\")"), why: String::from("Since Kubernetes 1.16 the CNI library requires cniVersion; without it the flannel config is rejected and the node stays NotReady. kube-flannel.yml up to v0.11 lacked it; later ones write \"0.3.1\"."), fix: Some(Fix {
            title: String::from("Add \"cniVersion\": \"0.3.1\""),
            edits: vec![out.edit(at, at, &insertion)],
        }) });
}
