//! Rule `aks/docker-bridge-address`: the deprecated `--docker-bridge-address` flag.
//!
//! What it checks: `--docker-bridge-address` on create or update.
//! Why it matters: AKS nodes run containerd, which has no docker0 bridge; azure-cli hides the flag
//! as deprecated and AKS ignores the value, so it only misleads readers (and still collides with
//! nothing it claims to configure).
//! Fix: remove the flag and its value (its whole line when it has one).
//! Source: azure-cli `acs/_params.py` (`--docker-bridge-address`, deprecated and hidden).

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;

use super::command::AksCommand;
use super::network::Network;
use super::{Changes, Out};
use crate::finding::Severity;

/// Runs the rule.
pub fn check(command: &AksCommand, _network: &Network, out: &mut Out<'_>, changes: &mut Changes) {
    let Some(option) = command.get("--docker-bridge-address") else {
        return;
    };
    let at = out.report(Draft { rule: RuleId::AksDockerBridgeAddress, severity: Severity::Warning, at: (option.name_start, option.name_end), message: format!("{} is deprecated and ignored: AKS nodes run containerd, which has no docker bridge", option.name), why: String::from("azure-cli marks --docker-bridge-address as deprecated and hides it; AKS no longer uses the value since nodes moved from Docker to containerd. Removing it changes nothing on the cluster."), fix: None });
    // Every occurrence goes: azure-cli reads the last one, but all of them are dead text.
    for repeated in command.options.iter().filter(|o| o.name == option.name) {
        changes.remove.push(repeated.name_start);
    }
    changes.resolve(at);
}
