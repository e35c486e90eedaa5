//! `aks/resource-id`: --vnet-subnet-id or --pod-subnet-id is not a subnet's resource id.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/resource-id",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--vnet-subnet-id or --pod-subnet-id is not a subnet's resource id.",
    what: "A subnet id azure-cli's shape check refuses (an error), a well-formed resource id that \
        is not a subnet's (a warning), or an id shortened with ... (info). Shell variables inside \
        an id stand for one segment each and pass, as they do for azure-cli.",
    why: "azure-cli stops with \"--vnet-subnet-id is not a valid Azure resource ID.\" before it \
        sends anything; a well-formed id of something else passes azure-cli, and AKS refuses it.",
    how_to_fix: "Write the full id: \
        /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>. \
        Give the subnet's range as vnet-cidr in the context, so the overlap and capacity checks \
        can use it. No automatic fix.",
    source: "azure-cli azure/cli/command_modules/acs/_validators.py (_validate_subnet_id, which \
        uses is_valid_resource_id).",
    fix: FixSafety::None,
    file: file!(),
};
