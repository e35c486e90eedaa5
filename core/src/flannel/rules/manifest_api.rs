//! Rule `flannel/manifest-api`: manifest objects in an API version Kubernetes no longer serves.

use alloc::format;

use crate::detect::Detected;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelManifestApi,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Every object of the manifest uses an API version Kubernetes still serves.",
    what: "An object written in a removed API version: extensions/v1beta1 DaemonSets (kube-flannel.yml up to v0.11), rbac.authorization.k8s.io/v1beta1 roles and bindings, policy/v1beta1 PodSecurityPolicy.",
    why: "kubectl apply stops with \"no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\"\" on every supported Kubernetes, so the object is never created: without the DaemonSet no flanneld runs and nodes stay NotReady.",
    how_to_fix: "Use the version the message names (apps/v1 for a DaemonSet, which also needs spec.selector), or apply the current kube-flannel.yml. There is no automatic fix: a new API version can need new fields.",
    source: "Kubernetes Deprecated API Migration Guide (kubernetes.io); flannel-io/flannel Documentation/kube-flannel.yml (current versions).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each object in a removed API version.
pub fn check(detected: &Detected, out: &mut Emitter<'_>) {
    for removed in &detected.removed_apis {
        out.report(Draft { rule: RuleId::FlannelManifestApi, severity: Severity::Error, at: (removed.start, removed.end), message: format!("{} {} is no longer served: Kubernetes removed it in {}", removed.kind, removed.api_version, removed.removed_in), why: format!("kubectl apply stops with \"no matches for kind \\\"{}\\\" in version \\\"{}\\\"\" on every supported Kubernetes, so this object is never created. Use {} (apps/v1 needs spec.selector); the current kube-flannel.yml does.", removed.kind, removed.api_version, removed.replacement), fix: None });
    }
}
