//! Rule `flannel/network-syntax`: Network is a CIDR Go's net.ParseCIDR reads.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::netconf::Field;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/network-syntax",
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

/// Reports a Network that does not parse.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if let Some(
        field @ Field {
            value: Err((text, error)),
            ..
        },
    ) = &check.conf.network
    {
        out.report(Draft { rule: RuleId::FlannelNetworkSyntax, severity: Severity::Error, at: field.inner(), message: format!("Network \"{text}\" {error}"), why: String::from("flannel parses Network with Go's net.ParseCIDR, which needs an address and a prefix length such as 10.244.0.0/16."), fix: None });
    }
}
