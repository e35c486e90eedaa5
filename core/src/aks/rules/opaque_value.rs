//! `aks/opaque-value`: Checked flags whose values are shell variables or placeholders, which podnet
//! cannot check.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksOpaqueValue,
    area: Area::Aks,
    severity: Severity::Info,
    summary: "Checked flags whose values are shell variables or placeholders, which podnet cannot \
        check.",
    what: "A networking flag podnet checks (plugin, ranges, DNS IP, counts, subnet ids, load \
        balancer values) whose value is a shell variable, a command substitution or a placeholder \
        ($POD_CIDR, <subnet-id>, {{ .Values.podCidr }}). One finding per command lists them all.",
    why: "podnet cannot know what such a value holds, so the rules that need it skip it: a clean \
        report says nothing about those values.",
    how_to_fix: "Paste the command with the values filled in, or give the ranges in the context \
        (vnet-cidr, avoid, nodes, max-pods).",
    source: "No upstream check: podnet's note on its own coverage. The placeholder forms are \
        listed in core/src/placeholder.rs.",
    fix: FixSafety::None,
    file: file!(),
};

/// The flags whose values the rules read and check.
const CHECKED_FLAGS: [&str; 23] = [
    "--network-plugin",
    "--network-plugin-mode",
    "--network-dataplane",
    "--network-policy",
    "--outbound-type",
    "--ip-families",
    "--pod-cidr",
    "--service-cidr",
    "--docker-bridge-address",
    "--pod-cidrs",
    "--service-cidrs",
    "--dns-service-ip",
    "--node-count",
    "--max-count",
    "--max-pods",
    "--load-balancer-outbound-ports",
    "--load-balancer-idle-timeout",
    "--min-count",
    "--vnet-subnet-id",
    "--pod-subnet-id",
    "--kubernetes-version",
    "--enable-cluster-autoscaler",
    "--load-balancer-sku",
];

/// Says which checked flags hold a shell variable or a placeholder (`$POD_CIDR`,
/// `<subnet-id>`, `{{ .Values.podCidr }}`): one finding per command, at the first such value.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let mut written = Vec::new();
    let mut first = None;
    for option in &facts.command.options {
        let Some(value) = option.value.as_ref().filter(|v| v.opaque) else {
            continue;
        };
        if !CHECKED_FLAGS.contains(&option.name.as_str()) {
            continue;
        }
        first.get_or_insert((value.start, value.end));
        written.push(format!("{} {}", option.name, value.text));
    }
    let Some(range) = first else {
        return;
    };
    out.report(Draft { rule: RuleId::AksOpaqueValue, severity: Severity::Info, at: range, message: format!("not checked: {}", written.join(", ")), why: String::from("podnet cannot know what shell variables, command substitutions and template placeholders hold, so the rules that need these values skip them. Paste the command with the values filled in, or give the ranges in the context."), fix: None });
}
