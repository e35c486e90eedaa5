//! Rule `flannel/network-host-bits`: Network written with host bits set.

use alloc::format;
use alloc::string::ToString;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::netconf::CidrField;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetworkHostBits,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "Network is written as its block's own network address.",
    what: "A Network whose address has bits set past the prefix length, such as 10.244.1.0/16.",
    why: "Go's net.ParseCIDR keeps only the network part, so flannel silently runs 10.244.1.0/16 as 10.244.0.0/16: not an error, but the text says another range than the one in use, and it usually hides a typo in the address or the prefix.",
    how_to_fix: "Write the block's network address (the fix writes it; what flannel runs does not change), or correct the prefix length if that was the typo.",
    source: "flannel-io/flannel pkg/ip/ipnet.go (IP4Net.UnmarshalJSON keeps the network part of net.ParseCIDR); Go net.ParseCIDR.",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Reports a Network with host bits set.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some((network, inner)) = check.conf.network.as_ref().and_then(CidrField::cidr) else {
        return;
    };
    if network.is_aligned() {
        return;
    }
    let aligned = network.aligned();
    out.report(Draft { rule: RuleId::FlannelNetworkHostBits, severity: Severity::Warning, at: inner, message: format!("Network {network} has host bits set; the block is {aligned}"), why: format!("A /{} block starts at a multiple of 2^({} − {}) addresses; Go's net.ParseCIDR keeps only the network part, so {network} means {aligned}. Write it that way to avoid misreading the range.", network.prefix(), network.family().bits(), network.prefix()), fix: Some(Fix { title: format!("Write Network as {aligned}"), edits: vec![out.edit(inner.0, inner.1, &aligned.to_string())] }) });
}
