//! Rule `flannel/azure-vnet-mtu`: on Azure the VNet fragments above 1400 bytes, though VM NICs
//! report 1500.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use crate::context::Platform;
use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::json_edit::insert_member;
use crate::flannel::mtu::ping_pair;
use crate::flannel::mtu_fixes::judged_mtu;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelAzureVnetMtu,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "On Azure, an encapsulating backend's underlay MTU is 1400, the size the VNet carries unfragmented.",
    what: "With the platform set to Azure, no underlay MTU given and no backend MTU key, a backend with encapsulation overhead (vxlan, wireguard, udp, ipip, ipsec), whose pods would get the NIC's 1500 minus the overhead.",
    why: "Azure VM NICs report 1500, but the VNet fragments packets above 1,400 bytes, so vxlan pods at 1450 send packets that are fragmented or dropped on the way: throughput drops and large transfers stall. Cluster API for Azure sets 1400 for flannel vxlan for this reason.",
    how_to_fix: "Set the backend MTU key (the underlay MTU flannel subtracts its overhead from) to 1400; the fix adds \"MTU\": 1400 to Backend, which gives vxlan pods 1350. Restart the pods after flanneld, then prove the path with the ping -M do pair from the finding.",
    source: "Microsoft Azure documentation, TCP/IP performance tuning for Azure VMs (the VNet fragments above 1,400 bytes); kubernetes-sigs/cluster-api-provider-azure (sets 1400 for flannel vxlan); flannel-io/flannel pkg/backend/vxlan (the MTU key).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports the Azure path when the config leaves the MTU to the NIC.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if check.conf.backend_mtu.is_some() {
        return;
    }
    let mtu = &judged_mtu(check);
    if check.underlay.platform == Platform::Azure
        && check.underlay.mtu.is_none()
        && mtu.overhead > 0
    {
        let Some(backend) = check.conf.backend_object() else {
            return;
        };
        let (at, text) = insert_member(check.text, backend, "\"MTU\": 1400");
        out.report(Draft { rule: RuleId::FlannelAzureVnetMtu, severity: Severity::Warning, at: (backend.start, backend.start + 1), message: format!("On Azure the VNet fragments above 1400 bytes: {} pods get {} − {} = {} but only 1400 − {} = {} passes unfragmented", mtu.backend, mtu.underlay, mtu.overhead, mtu.pod_mtu, mtu.overhead, 1400 - mtu.overhead.min(1400)), why: format!("Azure VM NICs report 1500, but the VNet fragments packets above 1,400 bytes. Setting the backend MTU (the underlay MTU flannel subtracts from) to 1400 gives pods {}. {}", 1400 - mtu.overhead.min(1400), ping_pair(1400 - mtu.overhead.min(1400))), fix: Some(Fix { title: String::from("Set the backend MTU (the underlay) to 1400"), edits: vec![out.edit(at, at, &text)] }) });
    }
}
