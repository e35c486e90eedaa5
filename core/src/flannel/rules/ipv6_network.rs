//! Rule `flannel/ipv6-network`: the IPv6 half of flannel's config validation.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::netconf::VALIDATION_SOURCE as SOURCE;
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelIpv6Network,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "IPv6Network is set and usable when EnableIPv6 is true, and only then.",
    what: "EnableIPv6 true without IPv6Network; an IPv6Network that is not an IPv6 CIDR or is longer than /124 without IPv6SubnetLen; an IPv6SubnetLen above 126 (etcd mode); and, as information, an IPv6Network that EnableIPv6 does not turn on.",
    why: "flanneld refuses to start with \"please define a correct IPv6Network parameter in the flannel config\", \"IPv6Network is too small. Minimum useful network prefix is /124\" or \"SubnetLen must be less than /127\", or with Go's \"invalid CIDR address\". An IPv6Network without \"EnableIPv6\": true is ignored and the cluster runs IPv4 only.",
    how_to_fix: "Write an IPv6 CIDR such as fd00:10:244::/56 in IPv6Network and set \"EnableIPv6\": true, once every node has IPv6 and, in kube mode, an IPv6 podCIDR (or flanneld stops with \"IPv6 is enabled but the lease has no IPv6\"). There is no automatic fix.",
    source: "flannel-io/flannel pkg/subnet/config.go (CheckNetworkConfig).",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks EnableIPv6, IPv6Network and IPv6SubnetLen.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if conf.ipv6_enabled() && conf.ipv6_network.is_none() && !conf.is_opaque("IPv6Network") {
        out.report(Draft { rule: RuleId::FlannelIpv6Network, severity: Severity::Error, at: conf.enable_ipv6.as_ref().map_or(conf.whole, |f| f.range()), message: String::from("please define a correct IPv6Network parameter in the flannel config"), why: format!("EnableIPv6 is true but there is no IPv6Network; flanneld refuses to start. {SOURCE}"), fix: None });
    }
    if let Some(field) = &conf.ipv6_network {
        if !conf.ipv6_enabled() {
            // Turning IPv6 on is not a fix: it needs an IPv6 podCIDR on every node (kube mode)
            // and IPv6 on every node's interface, or flanneld stops.
            out.report(Draft { rule: RuleId::FlannelIpv6Network, severity: Severity::Info, at: field.inner(), message: String::from("IPv6Network is ignored: EnableIPv6 is not true, so the cluster runs IPv4 only"), why: format!("flannel reads IPv6Network only with \"EnableIPv6\": true (default false), which is fine for IPv4. Turn it on only once every node has IPv6 and, in kube mode, an IPv6 podCIDR, or flanneld stops with \"IPv6 is enabled but the lease has no IPv6\". {SOURCE}"), fix: None });
        }
        match &field.value {
            Ok(network) if network.family() != IpFamily::V6 => out.report(Draft {
                rule: RuleId::FlannelIpv6Network,
                severity: Severity::Error,
                at: field.inner(),
                message: format!("IPv6Network {network} is not an IPv6 block"),
                why: format!("IPv6Network takes an IPv6 CIDR such as fd00:10:244::/56. {SOURCE}"),
                fix: None,
            }),
            Ok(network) if network.prefix() > 124 && conf.ipv6_subnet_len.is_none() => {
                out.report(Draft {
                    rule: RuleId::FlannelIpv6Network,
                    severity: Severity::Error,
                    at: field.inner(),
                    message: String::from(
                        "IPv6Network is too small. Minimum useful network prefix is /124",
                    ),
                    why: format!(
                        "A /{} leaves no room for four node subnets. {SOURCE}",
                        network.prefix()
                    ),
                    fix: None,
                })
            }
            Err((text, error)) => out.report(Draft {
                rule: RuleId::FlannelIpv6Network,
                severity: Severity::Error,
                at: field.inner(),
                message: format!("IPv6Network \"{text}\" {error}"),
                why: format!("flannel parses IPv6Network with Go's net.ParseCIDR. {SOURCE}"),
                fix: None,
            }),
            _ => {}
        }
    }
    if let Some(field) = &conf.ipv6_subnet_len {
        if check.mode.may_be_etcd() && field.value > 126 {
            out.report(Draft {
                rule: RuleId::FlannelIpv6Network,
                severity: Severity::Error,
                at: field.range(),
                message: format!("SubnetLen must be less than /127{}", check.mode.etcd_only()),
                why: format!("IPv6SubnetLen {} is above 126. {SOURCE}", field.value),
                fix: None,
            });
        }
    }
}
