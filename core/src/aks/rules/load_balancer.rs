//! `aks/load-balancer`: Load balancer values azure-cli refuses.

use alloc::format;
use alloc::string::String;

use crate::aks::command::Opt;
use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksLoadBalancer,
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

/// Reports outbound ports and an idle timeout azure-cli refuses.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    if let (Some(option), Some(ports)) = (
        command.get("--load-balancer-outbound-ports"),
        facts.network.outbound_ports,
    ) {
        if ports > 64_000 || ports % 8 != 0 {
            let reason = if ports > 64_000 {
                "must be in the range [0,64000]"
            } else {
                "must be a multiple of 8"
            };
            report(option, format!("--load-balancer-outbound-ports {ports}: azure-cli stops with \"--load-balancer-allocated-ports {reason}\""), "azure-cli checks the SNAT ports per node before it calls Azure (its message names the option --load-balancer-allocated-ports): a number from 0 to 64000, in blocks of 8.", out);
        }
    }
    if let (Some(option), Some(minutes)) = (
        command.get("--load-balancer-idle-timeout"),
        facts.network.idle_timeout,
    ) {
        if !(4..=100).contains(&minutes) {
            report(option, format!("--load-balancer-idle-timeout {minutes}: azure-cli stops with \"--load-balancer-idle-timeout must be in the range [4,100]\""), "azure-cli checks the idle timeout (minutes) before it calls Azure.", out);
        }
    }
}

fn report(option: &Opt, message: String, why: &str, out: &mut Out<'_>) {
    out.report(Draft {
        rule: RuleId::AksLoadBalancer,
        severity: Severity::Error,
        at: option.value_range(),
        message,
        why: String::from(why),
        fix: None,
    });
}
