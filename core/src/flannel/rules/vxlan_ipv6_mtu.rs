//! Rule `flannel/vxlan-ipv6-mtu`: vxlan over an IPv6 underlay costs 70 bytes, but flannel gives
//! pods the underlay MTU − 50.

use alloc::format;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelVxlanIpv6Mtu,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "With IPv6 over vxlan, the pod MTU leaves room for the 70-byte IPv6 encapsulation.",
    what: "A vxlan config with \"EnableIPv6\": true: flannel sets flannel.1, flannel-v6.1 and FLANNEL_MTU to the underlay MTU − 50 for both families, while vxlan over an IPv6 underlay adds 70 bytes.",
    why: "The outer IPv6 header is 40 bytes where IPv4's is 20, so the kernel clamps the IPv6 vxlan device to the underlay MTU − 70, but pods still send up to the underlay − 50: IPv6 packets in the last 20 bytes are too big for the path and are dropped (flannel#1781, closed as wontfix).",
    how_to_fix: "Set the delegate \"mtu\" in cni-conf.json to the underlay MTU − 70 (this lowers IPv4 pods too), or raise the underlay MTU by 20. Prove it with `ping -6 -M do -s <mtu − 48> <pod-ip>`. There is no automatic fix: the lever is in another file.",
    source: "flannel-io/flannel pkg/backend/vxlan/device.go (MTU − 50 for flannel-v6.N); Linux drivers/net/vxlan/vxlan_core.c (vxlan_config_apply: lower MTU − 70 over IPv6); flannel-io/flannel issue #1781.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports IPv6 enabled on a vxlan backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if !conf.ipv6_enabled() || conf.backend_name() != "vxlan" {
        return;
    }
    let Some(field) = &conf.enable_ipv6 else {
        return;
    };
    let underlay = check.mtu.underlay;
    out.report(Draft { rule: RuleId::FlannelVxlanIpv6Mtu, severity: Severity::Warning, at: field.range(), message: format!("IPv6 over vxlan needs 70 bytes, but flannel gives pods {underlay} − 50 = {}: IPv6 packets over {} bytes do not fit", underlay.saturating_sub(50), underlay.saturating_sub(70)), why: format!("flannel gives flannel.1, flannel-v6.1 and FLANNEL_MTU the underlay MTU − 50 for both families, but vxlan over IPv6 adds a 40-byte outer header where IPv4 adds 20 (70 bytes), and the kernel clamps the IPv6 vxlan device to {underlay} − 70 = {}. Set the delegate \"mtu\" in cni-conf.json to {} (IPv4 pods too) or raise the underlay by 20. Check: `ping -6 -M do -s {} <pod-ip>` (40 + 8 header bytes).", underlay.saturating_sub(70), underlay.saturating_sub(70), underlay.saturating_sub(70 + 48)), fix: None });
}
