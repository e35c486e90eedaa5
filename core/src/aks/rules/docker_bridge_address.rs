//! `aks/docker-bridge-address`: The deprecated --docker-bridge-address flag, which AKS ignores.

use alloc::format;
use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksDockerBridgeAddress,
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "The deprecated --docker-bridge-address flag, which AKS ignores.",
    what: "--docker-bridge-address on az aks create or update (every occurrence), Terraform's \
        docker_bridge_cidr, a template's or Bicep file's dockerBridgeCidr.",
    why: "AKS nodes run containerd, which has no docker0 bridge: azure-cli marks the flag \
        deprecated and hides it, and AKS ignores the value. It only misleads readers into planning \
        around a range nothing uses.",
    how_to_fix: "Remove the flag and its value (its whole line when it has one), the argument's \
        line, or the property with its line and comma; the fix does this. Nothing on the cluster \
        changes.",
    source: "azure-cli azure/cli/command_modules/acs/_params.py (--docker-bridge-address, \
        deprecated and hidden).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Reports `--docker-bridge-address`; the command's fix removes every occurrence.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let command = facts.command;
    let Some(option) = command.get("--docker-bridge-address") else {
        return;
    };
    out.report(Draft { rule: RuleId::AksDockerBridgeAddress, severity: Severity::Warning, at: (option.name_start, option.name_end), message: format!("{} is deprecated and ignored: AKS nodes run containerd, which has no docker bridge", option.name), why: String::from("AKS ignores it since nodes moved from Docker to containerd (azure-cli hides the flag; azurerm 4.0 removed docker_bridge_cidr). Removing it changes nothing on the cluster."), fix: facts.fix_if(true) });
}
