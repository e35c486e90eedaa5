//! Rule `flannel/network-host-bits`: Network written with host bits set.

use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::flannel::pool::FlannelPool;
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

/// Reports a pool written with host bits set.
pub fn check(pool: &FlannelPool<'_>, findings: &mut Vec<Finding>) {
    let network = pool.cidr();
    if network.is_aligned() {
        return;
    }
    let aligned = network.aligned();
    let at = &pool.network.source;
    let key = at.key;
    let mut why = format!("A /{} block starts at a multiple of 2^({} − {}) addresses; Go's net.ParseCIDR keeps only the network part, so {network} means {aligned}.", network.prefix(), network.family().bits(), network.prefix());
    let fix = at.fix(format!("Write {key} as {aligned}"), &aligned.to_string());
    why.push_str(at.no_fix_note());
    findings.push(Finding {
        rule: RuleId::FlannelNetworkHostBits,
        severity: Severity::Warning,
        span: at.span,
        message: format!("{key} {network} has host bits set; the block is {aligned}"),
        explanation: why,
        fix,
    });
}
