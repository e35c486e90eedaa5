//! Rule `flannel/network-reserved`: the pod Network overlaps reserved IPv4 space.

use alloc::format;
use alloc::string::String;

use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::flannel::address_space::{placement, Placed, Placement};
use crate::flannel::pool::FlannelPool;
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetworkReserved,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The pod Network stays out of reserved IPv4 space.",
    what: "An IPv4 Network that overlaps \"this network\" 0.0.0.0/8, loopback 127.0.0.0/8, link-local 169.254.0.0/16, the documentation blocks (TEST-NET-1/2/3), benchmarking 198.18.0.0/15, multicast 224.0.0.0/4 or class E 240.0.0.0/4 (checked after the ranges to avoid).",
    why: "These ranges are not routable as ordinary unicast addresses: hosts and kernels treat them specially (loopback never leaves the host, link-local carries cloud metadata, multicast and class E are not unicast), so pods there break in ways that are hard to see.",
    how_to_fix: "Use RFC 1918 (10/8, 172.16/12, 192.168/16) or RFC 6598 (100.64.0.0/10) space; `podnet plan` finds a free block. There is no automatic fix.",
    source: "IANA IPv4 Special-Purpose Address Registry (RFC 6890), RFC 5737 (documentation), RFC 2544 (benchmarking).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports a Network in reserved space.
pub fn check(pool: &FlannelPool<'_>, model: &ClusterModel, findings: &mut Vec<Finding>) {
    let Placed {
        network,
        placement: Placement::Reserved(range),
    } = placement(pool, model)
    else {
        return;
    };
    let at = &pool.network.source;
    findings.push(Finding { rule: RuleId::FlannelNetworkReserved, severity: Severity::Error, span: at.span, message: format!("{} {network} overlaps {} space ({})", at.key, range.name, range.cidr), explanation: String::from("Reserved ranges are not routable as ordinary unicast addresses; pods there break in ways that are hard to see. Use RFC 1918 or RFC 6598 (100.64.0.0/10) space."), fix: None });
}
