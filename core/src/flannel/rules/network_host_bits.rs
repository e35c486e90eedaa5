//! Rule `flannel/network-host-bits`: Network written with host bits set.

use alloc::format;
use alloc::string::ToString;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::netconf::Field;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/network-host-bits",
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports a Network with host bits set.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(Field {
        value: Ok(network),
        start,
        end,
    }) = &check.conf.network
    else {
        return;
    };
    if network.is_aligned() {
        return;
    }
    let inner = (start + 1, end - 1);
    let aligned = network.aligned();
    out.report(Draft { rule: RuleId::FlannelNetworkHostBits, severity: Severity::Warning, at: inner, message: format!("Network {network} has host bits set; the block is {aligned}"), why: format!("A /{} block starts at a multiple of 2^({} − {}) addresses; Go's net.ParseCIDR keeps only the network part, so {network} means {aligned}. Write it that way to avoid misreading the range.", network.prefix, network.family.bits(), network.prefix), fix: Some(Fix { title: format!("Write Network as {aligned}"), edits: vec![out.edit(inner.0, inner.1, &aligned.to_string())] }) });
}
