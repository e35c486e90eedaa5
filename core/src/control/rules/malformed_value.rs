//! Rule `control/malformed-value`: a control-plane setting podnet reads holds a value its
//! program accepts.

use alloc::format;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};
use crate::span::Span;

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ControlMalformedValue,
    area: Area::Control,
    severity: Severity::Warning,
    summary: "kubeadm, kube-controller-manager and k3s settings podnet reads hold values their programs accept.",
    what: "A --cluster-cidr, --service-cluster-ip-range, podSubnet, serviceSubnet, --pod-network-cidr, k3s cluster-cidr or service-cidr that is not a comma list of CIDRs; a --node-cidr-mask-size that is not a prefix length; an --allocate-node-cidrs that is not a Go boolean; a k3s flannel-backend k3s does not know. Placeholders (${POD_CIDR}, {{ … }}) are left alone.",
    why: "The program refuses the value at start (kube-controller-manager exits, kubeadm init fails validation, k3s stops), and podnet cannot check the ranges it does not understand.",
    how_to_fix: "Write the value the flag documents: CIDRs such as 10.244.0.0/16 (one per family, comma-separated), a prefix length such as 24, true or false, or one of vxlan, host-gw, wireguard-native, none.",
    source: "kube-controller-manager and kube-apiserver flag parsing (net.ParseCIDR, strconv.ParseBool); kubeadm validation; k3s server --help.",
    fix: FixSafety::None,
    file: file!(),
};

/// A value a reader could not read as its setting's type.
pub struct Malformed<'a> {
    /// The setting's name.
    pub key: &'static str,
    /// The value as written.
    pub value: &'a str,
    /// What the setting takes, in words.
    pub expected: &'static str,
    /// Where the value is.
    pub span: Span,
}

/// Reports `malformed` (the value in plain quotes: `{:?}` would bring str's escaping tables
/// into the page for one message).
pub fn report(malformed: &Malformed<'_>, findings: &mut Vec<Finding>) {
    findings.push(Finding {
        rule: RuleId::ControlMalformedValue,
        severity: Severity::Warning,
        message: format!(
            "{} \"{}\" is not {}",
            malformed.key, malformed.value, malformed.expected
        ),
        span: malformed.span,
        explanation: alloc::string::String::from(RULE.why),
        fix: None,
    });
}
