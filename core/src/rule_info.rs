//! What podnet says about one rule ([`RuleInfo`]): its id, family, severity, documentation,
//! source and fix safety. Every rule file declares its own `RULE` with these types; the
//! registry ([`crate::rules`]) lists them all.

use crate::finding::Severity;

/// The family a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// flannel's configs: net-conf.json, the ConfigMap, subnet.env, cni-conf.json.
    Flannel,
    /// Azure Kubernetes Service: `az aks create|update`.
    Aks,
}

impl Area {
    /// The lower-case name, as in rule ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Flannel => "flannel",
            Area::Aks => "aks",
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
    /// Stable id, `area/name` (e.g. `flannel/node-capacity`).
    pub id: &'static str,
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
