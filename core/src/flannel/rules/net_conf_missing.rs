//! Rule `flannel/net-conf-missing`: the ConfigMap flanneld mounts has no net-conf.json.

use alloc::format;
use alloc::string::String;

use crate::detect::Detected;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetConfMissing,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The ConfigMap a flanneld container mounts at /etc/kube-flannel/ holds net-conf.json.",
    what: "A flannel ConfigMap (one a flanneld container mounts, such as kube-flannel-cfg) whose data has no net-conf.json key.",
    why: "flanneld reads /etc/kube-flannel/net-conf.json (its --net-config-path default) from the mounted ConfigMap and stops at start-up with \"failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory\"; no node gets pod networking.",
    how_to_fix: "Add net-conf.json to the ConfigMap's data, e.g. {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}} with Network equal to --cluster-cidr. There is no automatic fix: the Network is the cluster's own.",
    source: "flannel-io/flannel main.go (--net-config-path, default /etc/kube-flannel/net-conf.json) and pkg/subnet/kube/kube.go (\"failed to read net conf\"); Documentation/kube-flannel.yml.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each flannel ConfigMap without net-conf.json.
pub fn check(detected: &Detected, out: &mut Emitter<'_>) {
    for (name, start, _) in &detected.missing_net_conf {
        out.report(Draft { rule: RuleId::FlannelNetConfMissing, severity: Severity::Error, at: (*start, *start + 1), message: format!("ConfigMap {name} has no net-conf.json, but flanneld reads it from there"), why: String::from("flanneld reads /etc/kube-flannel/net-conf.json (its --net-config-path default) from this mounted ConfigMap and stops with \"failed to read net conf: … no such file or directory\" without it. Add net-conf.json, e.g. {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}} with Network equal to --cluster-cidr."), fix: None });
    }
}
