//! Rule `flannel/cni-version` (error): a `cni-conf.json` without `cniVersion`.
//!
//! What it checks: the CNI network config (a `plugins` list or a single plugin) names its
//! `cniVersion`.
//! Why it matters: the CNI library kubelet and the container runtimes use refuses a config without
//! it since Kubernetes 1.16 ("plugin flannel does not support config version \"\"", flannel#1178,
//! kubernetes#80482), so the node never gets pod networking and stays NotReady. kube-flannel.yml
//! up to v0.11 shipped without it.
//! Fix: `"cniVersion": "0.3.1"`, the version the official manifest writes.
//! Source: CNI spec (cniVersion is required); flannel `Documentation/kube-flannel.yml`.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::string::String;
use alloc::vec;

use super::rule::insert_first;
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::json::Node;

/// Checks the parsed cni-conf.json `root` (parsed from `text`).
pub fn check(root: &Node, text: &str, out: &mut Emitter<'_>) {
    if root.get_ignore_case("cniVersion").is_some() {
        return;
    }
    let (at, insertion) = insert_first(text, root, "\"cniVersion\": \"0.3.1\"");
    out.report(Draft { rule: RuleId::FlannelCniVersion, severity: Severity::Error, at: (root.start, root.start + 1), message: String::from("cni-conf.json has no cniVersion: kubelet's CNI library refuses it (\"plugin flannel does not support config version \\\"\\\"\")"), why: String::from("Since Kubernetes 1.16 the CNI library requires cniVersion; without it the flannel config is rejected and the node stays NotReady (flannel#1178). kube-flannel.yml up to v0.11 lacked it; later ones write \"0.3.1\"."), fix: Some(Fix {
            title: String::from("Add \"cniVersion\": \"0.3.1\""),
            edits: vec![out.edit(at, at, &insertion)],
        }) });
}
