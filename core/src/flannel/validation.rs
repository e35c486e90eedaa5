//! Rules `flannel/network-missing`, `flannel/subnet-len`, `flannel/subnet-min-max`,
//! `flannel/ipv6-network`: flannel's own config validation, with flannel's own messages.
//!
//! What it checks: `CheckNetworkConfig` of flannel's `pkg/subnet/config.go` — a Network is defined,
//! SubnetLen is under /31 and leaves at least four subnets, a Network longer than /28 without
//! SubnetLen is too small, SubnetMin/SubnetMax lie in the Network on a SubnetLen boundary; and the
//! IPv6 counterparts. SubnetLen/Min/Max are validated only in etcd mode (kube mode ignores them).
//! Why it matters: flanneld exits at start-up with these messages and the node never gets a lease.
//! Fix: a SubnetLen that flannel accepts (its own default for the prefix), SubnetMin/SubnetMax
//! moved down to the SubnetLen boundary. When the mode is not known these still run, and say
//! "(in etcd mode)": a config that fails in either mode is an error.
//! Source: flannel v0.28.9 `pkg/subnet/config.go`; domain facts §1.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

use super::keys::close;
use super::netconf::Field;
use super::rule::{insert_first, quoted, Check, Mode};
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::net::{Cidr, IpFamily};
use crate::plan;
use alloc::vec::Vec;

const SOURCE: &str = "Source: flannel pkg/subnet/config.go (CheckNetworkConfig).";

/// flannel's default SubnetLen for an IPv4 Network of `prefix`, or `None` when it is too small.
pub fn default_subnet_len(prefix: u8) -> Option<u8> {
    match prefix {
        0..=22 => Some(24),
        23..=28 => Some(prefix + 2),
        _ => None,
    }
}

/// Runs the validation rules.
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
        let renamed = super::keys::misspelled(&conf.root, "Network").is_some();
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
    if let Some(Field {
        value: Ok(network), ..
    }) = &conf.network
    {
        if network.family == IpFamily::V6 {
            let field = conf.network.as_ref().map_or(conf.whole, Field::inner);
            out.report(Draft { rule: RuleId::FlannelNetworkMissing, severity: Severity::Error, at: field, message: format!("Network {network} is an IPv6 block; flannel's Network is IPv4"), why: format!("flannel reads Network as an IPv4 CIDR and IPv6Network (with \"EnableIPv6\": true) for IPv6; for an IPv6-only cluster set \"EnableIPv4\": false and put the block in IPv6Network. {SOURCE}"), fix: None });
        }
    }
    if let Some(network) = network_after_fixes(check) {
        etcd_checks(check, &network, out);
    }
    ipv6(check, out);
}

/// The checks flanneld makes of SubnetLen, SubnetMin and SubnetMax against `network` in etcd
/// mode (kube mode ignores those keys).
fn etcd_checks(check: &Check<'_>, network: &Cidr, out: &mut Emitter<'_>) {
    if !check.mode.may_be_etcd() {
        return;
    }
    subnet_len(check, network, out);
    let conf = check.conf;
    for (field, name) in [
        (&conf.subnet_min, "SubnetMin"),
        (&conf.subnet_max, "SubnetMax"),
    ] {
        if let Some(field) = field {
            min_max(check, network, field, name, out);
        }
    }
}

/// The Network flanneld reads once this config's fixes are applied: the one written, the
/// misspelled one the unknown-key rule renames (as [`renamed_network`] writes it), or the one
/// `flannel/network-missing` adds. The checks that depend on Network run against it, so that their
/// fixes are offered in the same pass as the fix that brings the Network in.
pub fn network_after_fixes(check: &Check<'_>) -> Option<Cidr> {
    let conf = check.conf;
    if let Some(field) = &conf.network {
        return field.value.as_ref().ok().copied();
    }
    if !conf.ipv4_enabled() || conf.is_opaque("Network") {
        return None;
    }
    if let Some(member) = super::keys::misspelled(&conf.root, "Network") {
        let written = member.value.as_str()?.parse::<Cidr>().ok()?;
        return Some(renamed_network(check, written));
    }
    let members = conf.root.members().unwrap_or_default();
    let mistyped = members
        .iter()
        .any(|m| m.key.eq_ignore_ascii_case("Network"));
    (!mistyped).then(|| default_network(check))
}

/// The Network a misspelled Network key's value becomes when the key is renamed: host bits
/// masked, then fitted like a Network written from scratch (see [`fit_network`]).
pub fn renamed_network(check: &Check<'_>, written: Cidr) -> Cidr {
    fit_network(check, written.aligned())
}

/// The Network to add when none is written: `--cluster-cidr` when known (kube mode needs exactly
/// it), else the manifest's 10.244.0.0/16 fitted to the context (see [`fit_network`]).
fn default_network(check: &Check<'_>) -> Cidr {
    match check
        .context
        .cluster_cidr
        .filter(|c| c.family == IpFamily::V4)
    {
        Some(cluster) => cluster,
        None => fit_network(check, Cidr::v4(10, 244, 0, 0, 16)),
    }
}

/// `network` widened for the target nodes and moved off ranges to avoid, so that a Network a fix
/// writes raises nothing itself.
pub fn fit_network(check: &Check<'_>, mut network: Cidr) -> Cidr {
    let context = check.context;
    let etcd = check.mode == Mode::Etcd;
    let bits = network.family.bits();
    let default = if network.family == IpFamily::V4 {
        24
    } else {
        64
    };
    let written = if etcd {
        check
            .conf
            .subnet_len
            .as_ref()
            .and_then(|f| u8::try_from(f.value).ok())
    } else {
        context.node_cidr_mask_size
    };
    let per_node = written.filter(|len| *len <= bits).unwrap_or(default);
    if per_node < network.prefix {
        return network;
    }
    if let Some(nodes) = context.target_nodes {
        if let Some(wider) = plan::widen_for_nodes(network, per_node, nodes, etcd, &[]) {
            network = wider;
        }
    }
    let avoid: Vec<Cidr> = context
        .avoid
        .iter()
        .chain(context.vnet.iter())
        .copied()
        .collect();
    if network.family == IpFamily::V4 && avoid.iter().any(|range| range.overlaps(&network)) {
        if let Some(free) = plan::nearest_free_block(network.prefix, network.network(), &avoid) {
            network = free;
        }
    }
    network
}

fn subnet_len(check: &Check<'_>, network: &Cidr, out: &mut Emitter<'_>) {
    let Some(field) = &check.conf.subnet_len else {
        if network.family == IpFamily::V4 && network.prefix > 28 {
            out.report(Draft { rule: RuleId::FlannelSubnetLen, severity: Severity::Error, at: check.conf.network.as_ref().map_or(check.conf.whole, |f| f.inner()), message: format!("network is too small. Minimum useful network prefix is /28{}", check.mode.etcd_only()), why: format!("Without SubnetLen flannel picks prefix + 2 for a /23–/28 Network; a /{} leaves no room for four node subnets.{} {SOURCE}", network.prefix, check.mode.etcd_only_why()), fix: None });
        }
        return;
    };
    let len = field.value;
    let prefix = i64::from(network.prefix);
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

/// The SubnetLen to write instead of `len` when flanneld refuses it in etcd mode (above 30, or
/// fewer than four node subnets): the default for the Network, when that one is accepted.
pub fn corrected_subnet_len(network: &Cidr, len: i64) -> Option<u8> {
    let prefix = i64::from(network.prefix);
    let refused = len > 30 || len < prefix + 2;
    let fixed = default_subnet_len(network.prefix)?;
    (refused && i64::from(fixed) >= prefix + 2).then_some(fixed)
}

fn min_max(
    check: &Check<'_>,
    network: &Cidr,
    field: &Field<String>,
    name: &str,
    out: &mut Emitter<'_>,
) {
    // An address that does not parse is `flannel/value-type`'s (flanneld refuses it in any mode).
    let Ok(address) = format!("{}/{}", field.value, network.family.bits()).parse::<Cidr>() else {
        return;
    };
    if address.family != network.family || !network.contains_addr(address.addr) {
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
    let boundary = address.with_prefix(len);
    if let Some(aligned) = aligned_bound(check, network, &field.value) {
        out.report(Draft { rule: RuleId::FlannelSubnetMinMax, severity: Severity::Error, at: field.inner(), message: format!("{name} is not on a SubnetLen boundary: {}{}", field.value, check.mode.etcd_only()), why: format!("Node subnets are /{len} blocks, so {name} must be the first address of one; {} lies inside {}. {SOURCE}", field.value, boundary), fix: Some(Fix { title: format!("Set {name} to {aligned}"), edits: vec![out.edit(field.inner().0, field.inner().1, &aligned)] }) });
    }
}

/// The node subnet length flannel uses in etcd mode: SubnetLen, or its default for the Network.
fn node_subnet_len(check: &Check<'_>, network: &Cidr) -> u8 {
    check
        .conf
        .subnet_len
        .as_ref()
        .and_then(|f| u8::try_from(f.value).ok())
        .or(default_subnet_len(network.prefix))
        .unwrap_or(24)
        .min(network.family.bits())
}

/// The SubnetMin or SubnetMax `written` moved down to the start of its node subnet, when it lies
/// inside `network` but off a SubnetLen boundary (flannel refuses it in etcd mode); `None` when
/// it is fine, outside the Network or not an address.
pub fn aligned_bound(check: &Check<'_>, network: &Cidr, written: &str) -> Option<String> {
    let address = format!("{written}/{}", network.family.bits())
        .parse::<Cidr>()
        .ok()?;
    if address.family != network.family || !network.contains_addr(address.addr) {
        return None;
    }
    let boundary = address.with_prefix(node_subnet_len(check, network));
    (boundary.addr != address.addr).then(|| network.format_addr(boundary.addr))
}

fn ipv6(check: &Check<'_>, out: &mut Emitter<'_>) {
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
            Ok(network) if network.family != IpFamily::V6 => out.report(Draft {
                rule: RuleId::FlannelIpv6Network,
                severity: Severity::Error,
                at: field.inner(),
                message: format!("IPv6Network {network} is not an IPv6 block"),
                why: format!("IPv6Network takes an IPv6 CIDR such as fd00:10:244::/56. {SOURCE}"),
                fix: None,
            }),
            Ok(network) if network.prefix > 124 && conf.ipv6_subnet_len.is_none() => {
                out.report(Draft {
                    rule: RuleId::FlannelIpv6Network,
                    severity: Severity::Error,
                    at: field.inner(),
                    message: String::from(
                        "IPv6Network is too small. Minimum useful network prefix is /124",
                    ),
                    why: format!(
                        "A /{} leaves no room for four node subnets. {SOURCE}",
                        network.prefix
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
