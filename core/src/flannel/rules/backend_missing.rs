//! Rule `flannel/backend-missing`: a config without Backend runs udp, not vxlan.

use alloc::string::String;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::json_edit::insert_member;
use crate::flannel::keys::misspelled;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelBackendMissing,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "net-conf.json names its Backend.",
    what: "A net-conf.json with no Backend key (nor a template deciding it).",
    why: "flannel's code picks the udp backend when Backend is missing, while its documentation says vxlan: the cluster runs a slow user-space backend that is built for amd64 only and recommended for debugging, and nobody chose it.",
    how_to_fix: "Add \"Backend\": {\"Type\": \"vxlan\"}, as the official kube-flannel.yml writes (the fix does, unless a misspelled Backend key is there to rename). Switching a running cluster from udp to vxlan needs every flanneld restarted and UDP 8472 open between nodes.",
    source: "flannel-io/flannel pkg/subnet/config.go (parseBackendType: udp when Backend is empty); Documentation/backends.md; Documentation/kube-flannel.yml.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a config without Backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if conf.is_opaque("Backend") || conf.is_opaque("Backend.Type") || conf.backend.is_some() {
        // A template or placeholder decides the backend: nothing to judge here.
        return;
    }
    let (at, text) = insert_member(check.text, &conf.root, "\"Backend\": {\"Type\": \"vxlan\"}");
    let fix = misspelled(&conf.root, "Backend").is_none().then(|| Fix {
        title: String::from("Add \"Backend\": {\"Type\": \"vxlan\"}"),
        edits: vec![out.edit(at, at, &text)],
    });
    out.report(Draft { rule: RuleId::FlannelBackendMissing, severity: Severity::Warning, at: (conf.whole.0, conf.whole.0 + 1), message: String::from("no Backend: flannel falls back to the udp backend, not vxlan"), why: String::from("flannel uses udp when Backend is missing (its docs say vxlan): a slow user-space backend that runs on amd64 only. The official kube-flannel.yml writes \"Backend\": {\"Type\": \"vxlan\"}."), fix });
}
