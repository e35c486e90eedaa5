//! Rule `flannel/subnet-min-max`: SubnetMin and SubnetMax inside the Network, on a node subnet
//! boundary (etcd mode).

use alloc::format;
use alloc::string::String;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::etcd_subnets::{aligned_bound, node_subnet_len};
use crate::flannel::inputs::Check;
use crate::flannel::netconf::Field;
use crate::flannel::netconf::VALIDATION_SOURCE as SOURCE;
use crate::flannel::network_fit::network_after_fixes;
use crate::net::Cidr;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelSubnetMinMax,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "SubnetMin and SubnetMax lie in the Network and start a node subnet (etcd mode).",
    what: "A SubnetMin or SubnetMax outside the Network, or inside it but not the first address of a SubnetLen block, when flanneld may run in etcd mode.",
    why: "flanneld refuses the config at start-up with \"SubnetMin is not in the range of the Network\" or \"SubnetMin is not on a SubnetLen boundary: ...\" (the same for SubnetMax), and no node gets a lease. Kube mode ignores both keys; when the mode is not known the finding says \"(in etcd mode)\".",
    how_to_fix: "Write the first address of the node subnet the bound lies in (the fix moves it down to the SubnetLen boundary), or remove the key: flannel's defaults are the second subnet of the Network and its last one. A bound outside the Network has to be rewritten by hand.",
    source: "flannel-io/flannel pkg/subnet/config.go (CheckNetworkConfig).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Checks SubnetMin, then SubnetMax, against the Network flanneld reads once the fixes are
/// applied (nothing in kube mode, which ignores them).
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if !check.mode.may_be_etcd() {
        return;
    }
    let Some(network) = network_after_fixes(check) else {
        return;
    };
    let conf = check.conf;
    for (field, name) in [
        (&conf.subnet_min, "SubnetMin"),
        (&conf.subnet_max, "SubnetMax"),
    ] {
        if let Some(field) = field {
            bound(check, &network, field, name, out);
        }
    }
}

fn bound(
    check: &Check<'_>,
    network: &Cidr,
    field: &Field<String>,
    name: &str,
    out: &mut Emitter<'_>,
) {
    // An address that does not parse is `flannel/value-type`'s (flanneld refuses it in any mode).
    let Ok(address) = format!("{}/{}", field.value, network.family().bits()).parse::<Cidr>() else {
        return;
    };
    if address.family() != network.family() || !network.contains_addr(address.addr()) {
        out.report(Draft {
            rule: RuleId::FlannelSubnetMinMax,
            severity: Severity::Error,
            at: field.inner(),
            message: format!(
                "{name} is not in the range of the Network{}",
                check.mode.etcd_only()
            ),
            why: format!(
                "{name} {} lies outside Network {network}; flannel refuses to start. {SOURCE}",
                field.value
            ),
            fix: None,
        });
        return;
    }
    let len = node_subnet_len(check, network);
    // A SubnetLen longer than the family's width has no boundary to be off.
    let Some(boundary) = address.with_prefix(len) else {
        return;
    };
    if let Some(aligned) = aligned_bound(check, network, &field.value) {
        out.report(Draft { rule: RuleId::FlannelSubnetMinMax, severity: Severity::Error, at: field.inner(), message: format!("{name} is not on a SubnetLen boundary: {}{}", field.value, check.mode.etcd_only()), why: format!("Node subnets are /{len} blocks, so {name} must be the first address of one; {} lies inside {}. {SOURCE}", field.value, boundary), fix: Some(Fix { title: format!("Set {name} to {aligned}"), edits: vec![out.edit(field.inner().0, field.inner().1, &aligned)] }) });
    }
}
