//! Rule `flannel/network-missing`: net-conf.json must name an IPv4 Network.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::json_edit::{insert_first, quoted};
use crate::flannel::keys::misspelled;
use crate::flannel::netconf::CidrField;
use crate::flannel::netconf::VALIDATION_SOURCE as SOURCE;
use crate::flannel::network_fit::default_network;
use crate::flannel::spelling::close;
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetworkMissing,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "net-conf.json defines an IPv4 Network, as a CIDR string, unless EnableIPv4 is false.",
    what: "A config with IPv4 enabled (EnableIPv4 defaults to true) and no Network key, a Network key written with another spelling, a Network that is not a string, or an IPv6 block in Network.",
    why: "flanneld refuses to start. In etcd mode it stops with \"please define a correct Network parameter in the flannel config\"; in kube mode it reads 0.0.0.0/0 and stops on every node with \"subnet \"0.0.0.0/0\" specified in the flannel net config doesn't contain ... PodCIDR\". Network is read as IPv4 only: an IPv6 block there fails with \"invalid IPv4 CIDR format\".",
    how_to_fix: "Add \"Network\" with the cluster's pod range: in kube mode exactly kube-controller-manager --cluster-cidr (kubeadm --pod-network-cidr); the official manifest uses 10.244.0.0/16. The fix adds that range, widened for the target node count and moved off the ranges to avoid. For an IPv6-only cluster set \"EnableIPv4\": false and put the block in IPv6Network.",
    source: "flannel-io/flannel pkg/subnet/config.go (CheckNetworkConfig), pkg/ip/ipnet.go (IP4Net.UnmarshalJSON) and pkg/subnet/kube/kube.go; Documentation/kube-flannel.yml.",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports a missing or unreadable Network, and an IPv6 block written as Network.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if conf.ipv4_enabled() && conf.network.is_none() && !conf.is_opaque("Network") {
        let network = default_network(check).to_string();
        // An empty object gets the official manifest's Backend too: `flannel/backend-missing`
        // would insert at the same place, and its fix could not be applied alongside.
        let empty = conf
            .root
            .members()
            .is_some_and(|members| members.is_empty());
        let backend = if empty {
            ", \"Backend\": {\"Type\": \"vxlan\"}"
        } else {
            ""
        };
        let (at, text) = insert_first(
            check.text,
            &conf.root,
            &format!("\"Network\": {}{backend}", quoted(&network)),
        );
        // A mistyped Network gets its own finding; adding a second one would clash.
        let written = conf
            .root
            .members()
            .unwrap_or_default()
            .iter()
            .find(|m| close(&m.key, "Network"));
        // The unknown-key rule renames a misspelled Network: no second one then.
        let renamed = misspelled(&conf.root, "Network").is_some();
        let add = (!renamed).then(|| Fix {
            title: format!(
                "Add \"Network\": \"{network}\"{}",
                if empty {
                    " and the official manifest's Backend"
                } else {
                    ""
                }
            ),
            edits: vec![out.edit(at, at, &text)],
        });
        let (message, fix) = match written {
            Some(member) if member.key.eq_ignore_ascii_case("Network") => (format!("Network is {}, not a string such as \"10.244.0.0/16\"", member.value.type_name()), None),
            Some(member) => (format!("please define a correct Network parameter in the flannel config (\"{}\" is not Network)", member.key), add),
            None => (String::from("please define a correct Network parameter in the flannel config"), add),
        };
        out.report(Draft { rule: RuleId::FlannelNetworkMissing, severity: Severity::Error, at: (conf.whole.0, conf.whole.0 + 1), message, why: format!("flanneld refuses to start without an IPv4 Network (EnableIPv4 defaults to true). The official kube-flannel.yml uses 10.244.0.0/16, which must match kube-controller-manager --cluster-cidr in kube mode. {SOURCE}"), fix });
    }
    if let Some((network, field)) = conf.network.as_ref().and_then(CidrField::cidr) {
        if network.family() == IpFamily::V6 {
            out.report(Draft { rule: RuleId::FlannelNetworkMissing, severity: Severity::Error, at: field, message: format!("Network {network} is an IPv6 block; flannel's Network is IPv4"), why: format!("flannel reads Network as an IPv4 CIDR and IPv6Network (with \"EnableIPv6\": true) for IPv6; for an IPv6-only cluster set \"EnableIPv4\": false and put the block in IPv6Network. {SOURCE}"), fix: None });
        }
    }
}
