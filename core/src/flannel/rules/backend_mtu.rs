//! Rule `flannel/backend-mtu`: the backend `MTU` key is the underlay MTU, not the pod MTU.

use alloc::format;
use alloc::string::ToString;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::mtu::ping_pair;
use crate::flannel::mtu_fixes::{judged_mtu, path_mtu};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelBackendMtu,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The backend MTU key is at most the path MTU, and is not a pod MTU written where the underlay MTU belongs.",
    what: "A Backend MTU above the path MTU between nodes (the underlay MTU given, else the platform's path: Azure 1400), an error; a Backend MTU equal to the path minus the backend's overhead (for vxlan over 1500: 1450), a warning, since that is the pod MTU written in the underlay's place.",
    why: "flannel computes the pod MTU as (Backend MTU, else the interface MTU) − the backend's overhead (vxlan 50, wireguard 80, udp 28, ipip 20, ipsec 77). A key above the path gives pods packets larger than the path carries: small requests work, large responses vanish. Writing the pod MTU there (advice seen in the wild: 1450 for vxlan on a 1500-byte path) gives pods 1400 instead, 50 bytes less than the path allows.",
    how_to_fix: "Set the backend MTU key to the path MTU, or remove it to use the interface's (the fix writes the path MTU). Pods keep the MTU they were created with: restart them, then prove the path with the ping -M do pair from the finding.",
    source: "flannel-io/flannel pkg/backend/vxlan/vxlan_network.go and device.go, pkg/backend/wireguard/wireguard_network.go (the MTU key is the underlay the overhead is subtracted from); the other overheads from pkg/backend/udp, ipip, ipsec.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Checks the backend `MTU` key against the path.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let mtu = &judged_mtu(check);
    let (path, path_source) = path_mtu(check);
    if let Some(field) = &check.conf.backend_mtu {
        let key_value = u32::try_from(field.value).unwrap_or(0);
        if key_value > path {
            out.report(Draft { rule: RuleId::FlannelBackendMtu, severity: Severity::Error, at: field.range(), message: format!("Backend MTU {key_value} is above the path MTU {path}: pods get {key_value} − {} = {} but only {} fits", mtu.overhead, mtu.pod_mtu, path.saturating_sub(mtu.overhead)), why: format!("The backend MTU key is the underlay MTU flannel subtracts its {} overhead ({} bytes) from. The path between nodes carries {path} bytes ({path_source}), so pods must use {path} − {} = {}; larger packets are dropped. {}", mtu.backend, mtu.overhead, mtu.overhead, path.saturating_sub(mtu.overhead), ping_pair(path.saturating_sub(mtu.overhead))), fix: Some(Fix { title: format!("Set the backend MTU (the underlay) to {path}"), edits: vec![out.edit(field.start, field.end, &path.to_string())] }) });
        } else if mtu.overhead > 0 && key_value == path.saturating_sub(mtu.overhead) {
            out.report(Draft { rule: RuleId::FlannelBackendMtu, severity: Severity::Warning, at: field.range(), message: format!("Backend MTU {key_value} looks like a pod MTU, but it is the underlay MTU: pods get {key_value} − {} = {}, not {key_value}", mtu.overhead, mtu.pod_mtu), why: format!("flannel computes the pod MTU as (Backend MTU or the interface MTU) − {} bytes of {} overhead. With a {path}-byte path ({path_source}) the right value here is {path} (or no MTU key at all), giving pods {path} − {} = {key_value}. {}", mtu.overhead, mtu.backend, mtu.overhead, ping_pair(key_value)), fix: Some(Fix { title: format!("Set the backend MTU (the underlay) to {path}"), edits: vec![out.edit(field.start, field.end, &path.to_string())] }) });
        }
    }
}
