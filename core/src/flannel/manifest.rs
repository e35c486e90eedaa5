//! Rules `flannel/manifest-api` and `flannel/net-conf-missing`: the manifest around the config.
//!
//! - `flannel/manifest-api` (error): an object written in an API version Kubernetes removed
//!   (`extensions/v1beta1` DaemonSets in kube-flannel.yml up to v0.11, `rbac…/v1beta1` roles,
//!   `policy/v1beta1` PodSecurityPolicy): `kubectl apply` stops with "no matches for kind
//!   \"DaemonSet\" in version \"extensions/v1beta1\"", so the DaemonSet never runs.
//! - `flannel/net-conf-missing` (error): the ConfigMap a flanneld container mounts at
//!   /etc/kube-flannel/ has no `net-conf.json`: flanneld stops with "failed to read net conf:
//!   open /etc/kube-flannel/net-conf.json: no such file or directory".
//!
//! Fix: none offered (a new API version can need new fields, `spec.selector` for apps/v1); the
//! message names the version to use. Source: Kubernetes "Deprecated API Migration Guide";
//! flannel `pkg/subnet/kube/kube.go` (reads `--net-config-path`, default
//! /etc/kube-flannel/net-conf.json).

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;

use crate::detect::Detected;
use crate::emit::Emitter;
use crate::finding::Severity;

/// Runs both rules over what the finder saw.
pub fn check(detected: &Detected, out: &mut Emitter<'_>) {
    for removed in &detected.removed_apis {
        out.report(Draft { rule: RuleId::FlannelManifestApi, severity: Severity::Error, at: (removed.start, removed.end), message: format!("{} {} is no longer served: Kubernetes removed it in {}", removed.kind, removed.api_version, removed.removed_in), why: format!("kubectl apply stops with \"no matches for kind \\\"{}\\\" in version \\\"{}\\\"\" on every supported Kubernetes, so this object is never created. Use {} (apps/v1 needs spec.selector); the current kube-flannel.yml does. Source: Kubernetes Deprecated API Migration Guide.", removed.kind, removed.api_version, removed.replacement), fix: None });
    }
    for (name, start, _) in &detected.missing_net_conf {
        out.report(Draft { rule: RuleId::FlannelNetConfMissing, severity: Severity::Error, at: (*start, *start + 1), message: format!("ConfigMap {name} has no net-conf.json, but flanneld reads it from there"), why: String::from("flanneld reads /etc/kube-flannel/net-conf.json (its --net-config-path default) from this mounted ConfigMap and stops with \"failed to read net conf: … no such file or directory\" without it. Add net-conf.json, e.g. {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}} with Network equal to --cluster-cidr."), fix: None });
    }
}
