//! Rule `flannel/subnet-len`: a SubnetLen flanneld accepts in etcd mode.

use alloc::format;
use alloc::string::ToString;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::etcd_subnets::corrected_subnet_len;
use crate::flannel::inputs::Check;
use crate::flannel::netconf::VALIDATION_SOURCE as SOURCE;
use crate::flannel::network_fit::network_after_fixes;
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelSubnetLen,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "SubnetLen is at most 30 and leaves at least four node subnets in the Network (etcd mode).",
    what: "A SubnetLen above 30, a SubnetLen shorter than the Network prefix + 2, or no SubnetLen with a Network longer than /28, when flanneld may run in etcd mode (its own subnet manager).",
    why: "flanneld refuses the config at start-up with \"SubnetLen must be less than /31\", \"network must be able to accommodate at least four subnets\" or \"network is too small. Minimum useful network prefix is /28\", and no node gets a lease. Without SubnetLen flannel picks /24 for a Network up to /22 and prefix + 2 for /23 to /28. Kube mode ignores SubnetLen; when the mode is not known the finding says \"(in etcd mode)\".",
    how_to_fix: "Set SubnetLen to flannel's own default for the Network (24, or prefix + 2 for a /23 to /28); the fix writes it. A Network longer than /28 has to be widened.",
    source: "flannel-io/flannel pkg/subnet/config.go (CheckNetworkConfig).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Checks SubnetLen against the Network flanneld reads once the fixes are applied (nothing in
/// kube mode, which ignores SubnetLen).
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if !check.mode.may_be_etcd() {
        return;
    }
    let Some(network) = network_after_fixes(check) else {
        return;
    };
    let network = &network;
    let Some(field) = &check.conf.subnet_len else {
        if network.family() == IpFamily::V4 && network.prefix() > 28 {
            out.report(Draft { rule: RuleId::FlannelSubnetLen, severity: Severity::Error, at: check.conf.network.as_ref().map_or(check.conf.whole, |f| f.inner()), message: format!("network is too small. Minimum useful network prefix is /28{}", check.mode.etcd_only()), why: format!("Without SubnetLen flannel picks prefix + 2 for a /23–/28 Network; a /{} leaves no room for four node subnets.{} {SOURCE}", network.prefix(), check.mode.etcd_only_why()), fix: None });
        }
        return;
    };
    let len = field.value;
    let prefix = i64::from(network.prefix());
    let fix = |out: &Emitter<'_>| {
        corrected_subnet_len(network, len).map(|len| Fix {
            title: format!("Set SubnetLen to {len}"),
            edits: vec![out.edit(field.start, field.end, &len.to_string())],
        })
    };
    if len > 30 {
        let fix = fix(out);
        out.report(Draft { rule: RuleId::FlannelSubnetLen, severity: Severity::Error, at: field.range(), message: format!("SubnetLen must be less than /31{}", check.mode.etcd_only()), why: format!("SubnetLen {len} leaves a node subnet of 2^(32 − {len}) addresses, too few for a bridge gateway and pods; flannel refuses anything above 30.{} {SOURCE}", check.mode.etcd_only_why()), fix });
    } else if len < prefix + 2 {
        let fix = fix(out);
        out.report(Draft { rule: RuleId::FlannelSubnetLen, severity: Severity::Error, at: field.range(), message: format!("network must be able to accommodate at least four subnets{}", check.mode.etcd_only()), why: format!("{network} split into /{len} gives 2^({len} − {prefix}) = {} subnets; flannel needs SubnetLen ≥ prefix + 2 = {}.{} {SOURCE}", 1u128 << (len - prefix).clamp(0, 64), prefix + 2, check.mode.etcd_only_why()), fix });
    }
}
