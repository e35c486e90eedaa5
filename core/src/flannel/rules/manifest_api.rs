//! Rule `flannel/manifest-api`: manifest objects in an API version Kubernetes no longer serves.

use alloc::format;

use crate::detect::Detected;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/manifest-api",
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

/// Reports each object in a removed API version.
pub fn check(detected: &Detected, out: &mut Emitter<'_>) {
    for removed in &detected.removed_apis {
        out.report(Draft { rule: RuleId::FlannelManifestApi, severity: Severity::Error, at: (removed.start, removed.end), message: format!("{} {} is no longer served: Kubernetes removed it in {}", removed.kind, removed.api_version, removed.removed_in), why: format!("kubectl apply stops with \"no matches for kind \\\"{}\\\" in version \\\"{}\\\"\" on every supported Kubernetes, so this object is never created. Use {} (apps/v1 needs spec.selector); the current kube-flannel.yml does. Source: Kubernetes Deprecated API Migration Guide.", removed.kind, removed.api_version, removed.replacement), fix: None });
    }
}
