//! Rule `flannel/network-syntax`: Network is a CIDR Go's net.ParseCIDR reads.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::netconf::Field;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetworkSyntax,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Network is a CIDR block such as 10.244.0.0/16.",
    what: "A Network string that is not an address with a prefix length: a missing or out-of-range prefix, an address that does not parse.",
    why: "flannel decodes Network with Go's net.ParseCIDR; flanneld stops at start-up with \"invalid CIDR address: ...\" in either subnet-manager mode, and no pod on any node gets an address.",
    how_to_fix: "Write the block as an address and a prefix length, e.g. 10.244.0.0/16, equal to kube-controller-manager --cluster-cidr in kube mode. There is no automatic fix: the intended block is not known.",
    source: "flannel-io/flannel pkg/ip/ipnet.go (IP4Net.UnmarshalJSON, net.ParseCIDR); Go net.ParseCIDR.",
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
