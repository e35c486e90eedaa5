//! `aks/load-balancer`: Load balancer values azure-cli refuses.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/load-balancer",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "Load balancer values azure-cli refuses.",
    what: "--load-balancer-outbound-ports above 64000 or not a multiple of 8; \
        --load-balancer-idle-timeout outside 4 to 100 minutes.",
    why: "azure-cli checks both before it calls Azure and stops (its message for the ports names \
        --load-balancer-allocated-ports), so nothing is created or changed.",
    how_to_fix: "Outbound ports per node: a multiple of 8 from 0 to 64000. Idle timeout: 4 to 100 \
        minutes. No automatic fix: the right number depends on the cluster's outbound connections.",
    source: "azure-cli azure/cli/command_modules/acs/_validators.py \
        (validate_load_balancer_outbound_ports, validate_load_balancer_idle_timeout), checked \
        against azure-cli 2.91.0.",
    fix: FixSafety::None,
    file: file!(),
};
