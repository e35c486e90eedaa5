//! Rule `flannel/net-conf-missing`: the ConfigMap flanneld mounts has no net-conf.json.

use alloc::format;
use alloc::string::String;

use crate::detect::Detected;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/net-conf-missing",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each flannel ConfigMap without net-conf.json.
pub fn check(detected: &Detected, out: &mut Emitter<'_>) {
    for (name, start, _) in &detected.missing_net_conf {
        out.report(Draft { rule: RuleId::FlannelNetConfMissing, severity: Severity::Error, at: (*start, *start + 1), message: format!("ConfigMap {name} has no net-conf.json, but flanneld reads it from there"), why: String::from("flanneld reads /etc/kube-flannel/net-conf.json (its --net-config-path default) from this mounted ConfigMap and stops with \"failed to read net conf: … no such file or directory\" without it. Add net-conf.json, e.g. {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}} with Network equal to --cluster-cidr."), fix: None });
    }
}
