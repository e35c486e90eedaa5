//! What podnet says about a rule: its family, default severity, documentation and fix safety.

use crate::finding::Severity;

use super::id::RuleId;

/// The family a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// flannel's configs: net-conf.json, the ConfigMap, subnet.env, cni-conf.json.
    Flannel,
    /// Azure Kubernetes Service: `az aks create|update`.
    Aks,
    /// The whole cluster model: what several documents, or a document and the context, say
    /// about one value.
    Cluster,
    /// podnet's own directives in the text (suppression comments).
    Podnet,
    /// Error lines, logs and events: what a failure means and what to paste next.
    Symptom,
    /// The control plane's own documents: kubeadm, kube-controller-manager, k3s and RKE2.
    Control,
}

impl Area {
    /// The lower-case name, as in rule ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Flannel => "flannel",
            Area::Aks => "aks",
            Area::Cluster => "cluster",
            Area::Podnet => "podnet",
            Area::Symptom => "symptom",
            Area::Control => "control",
        }
    }
}

/// Whether a rule's fix may be applied without a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FixSafety {
    /// The rule never proposes a fix.
    None,
    /// The fix keeps a working config working: it corrects what cannot work as written.
    Safe,
    /// The fix changes what a running cluster uses (address ranges, MTU, plugin): it is right
    /// for the config, and the rollout it needs is in the next steps.
    NeedsRollout,
}

impl FixSafety {
    /// The lower-case name used in `podnet rules --format json`.
    pub fn as_str(self) -> &'static str {
        match self {
            FixSafety::None => "none",
            FixSafety::Safe => "safe",
            FixSafety::NeedsRollout => "needs-rollout",
        }
    }
}

/// Everything podnet says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Which rule (its id is `rule.as_str()`, `area/name`).
    pub rule: RuleId,
    /// The family.
    pub area: Area,
    /// The severity the rule usually reports at (a rule may report less, e.g. a warning
    /// before a limit is reached).
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// What the rule finds.
    pub what: &'static str,
    /// Why it matters: what breaks, and when.
    pub why: &'static str,
    /// How to fix it.
    pub how_to_fix: &'static str,
    /// Where the rule comes from: the upstream code or documentation it reproduces.
    pub source: &'static str,
    /// Whether its fix is safe to apply.
    pub fix: FixSafety,
    /// The source file that declares and checks it.
    pub file: &'static str,
}

impl RuleInfo {
    /// The stable id, `area/name` (e.g. `flannel/node-capacity`).
    pub fn id(&self) -> &'static str {
        self.rule.as_str()
    }
}
