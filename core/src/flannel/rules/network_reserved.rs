//! Rule `flannel/network-reserved`: the pod Network overlaps reserved IPv4 space.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::address_space::{placement, Placed, Placement};
use crate::flannel::inputs::Check;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/network-reserved",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports a Network in reserved space.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(Placed {
        inner,
        network,
        placement: Placement::Reserved(range),
    }) = placement(check)
    else {
        return;
    };
    out.report(Draft { rule: RuleId::FlannelNetworkReserved, severity: Severity::Error, at: inner, message: format!("Network {network} overlaps {} space ({})", range.name, range.cidr), why: String::from("Reserved ranges are not routable as ordinary unicast addresses; pods there break in ways that are hard to see. Use RFC 1918 or RFC 6598 (100.64.0.0/10) space."), fix: None });
}
