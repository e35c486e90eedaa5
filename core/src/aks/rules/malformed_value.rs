//! `aks/malformed-value`: A value azure-cli or AKS cannot read: a bad choice, CIDR, IP address or
//! number.

use alloc::format;
use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::network::Problem;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksMalformedValue,
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

/// Reports every value the reader could not use. The command's fix writes `--pod-cidr` and
/// `--service-cidr` with host bits set as their aligned block.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let verb = facts.command.verb.name();
    for value in &facts.network.unreadable {
        let (name, text) = (&value.flag, &value.text);
        let (severity, message, why) = match &value.problem {
            Problem::Choice(allowed) => {
                let allowed = allowed.join(", ");
                (Severity::Error, format!("az aks {verb}: '{text}' is not a valid value for '{name}'. Allowed values: {allowed}."), format!("azure-cli checks this before it sends anything (case does not matter) and stops with this message; {name} takes {allowed}."))
            }
            Problem::Families => (Severity::Error, format!("--ip-families \"{text}\" is not IPv4 or IPv4,IPv6"), String::from("AKS takes IPv4 (the default) or IPv4,IPv6 (dual-stack), in any case; azure-cli sends the value as written and AKS refuses anything else.")),
            Problem::Unaligned(block) => {
                let aligned = block.aligned();
                (Severity::Warning, format!("{name} {text} has host bits set; the block is {aligned}"), format!("A CIDR block is written with its network address: {text} masked to /{} is {aligned}. Writing it so avoids any doubt about the range meant.", block.prefix()))
            }
            Problem::HostBits(cidr) => (Severity::Error, format!("{name} {text} has host bits set; the block is {}", cidr.aligned()), format!("A CIDR block starts at its network address: {text} masked to /{} is {}. AKS rejects a range whose address is not the network address.", cidr.prefix(), cidr.aligned())),
            Problem::NotCidr(error) => (Severity::Error, format!("{name} \"{text}\" {error}"), String::from("A CIDR block is an address and a prefix length, such as 10.244.0.0/16 or fd12:3456:789a::/64.")),
            Problem::NotIp => (Severity::Error, format!("{name} \"{text}\" is not an IP address"), String::from("--dns-service-ip takes one address inside --service-cidr, such as 10.0.0.10, without a prefix length.")),
            Problem::NotWhole => (Severity::Error, format!("{name} \"{text}\" is not a whole number: azure-cli stops with \"invalid int value: '{text}'\""), String::from("azure-cli reads the value as an integer before it sends anything.")),
        };
        out.report(Draft {
            rule: RuleId::AksMalformedValue,
            severity,
            at: value.at,
            message,
            why,
            fix: facts.fix_if(matches!(value.problem, Problem::Unaligned(_))),
        });
    }
}
