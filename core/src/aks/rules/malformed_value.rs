//! `aks/malformed-value`: A value azure-cli or AKS cannot read: a bad choice, CIDR, IP address or
//! number.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/malformed-value",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A value azure-cli or AKS cannot read: a bad choice, CIDR, IP address or number.",
    what: "A value outside a flag's choices (--network-plugin, --network-plugin-mode, \
        --network-dataplane, --network-policy, --outbound-type, --ip-families), a CIDR or IP \
        address that does not parse or has host bits set, or a count that is not a whole number. \
        --pod-cidr and --service-cidr with host bits set are a warning and are read as their \
        aligned block.",
    why: "azure-cli refuses a bad choice or number before it sends anything (\"is not a valid \
        value for\", \"invalid int value\"), and AKS refuses malformed ranges, often with a \
        message that does not name the token. The other rules skip a value that cannot be read.",
    how_to_fix: "Write the value as the message says. For --pod-cidr and --service-cidr with host \
        bits set the fix writes the block's network address (the same block); other values get no \
        automatic fix.",
    source: "azure-cli azure/cli/command_modules/acs/_params.py (choices) and _validators.py, its \
        messages checked against azure-cli 2.91.0's parser; --ip-families is checked by AKS, not \
        azure-cli.",
    fix: FixSafety::Safe,
    file: file!(),
};
