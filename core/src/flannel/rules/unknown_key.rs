//! Rule `flannel/unknown-key`: a key flannel does not read, which it silently ignores.

use alloc::format;
use alloc::string::ToString;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::backend_names::fixed_type;
use crate::flannel::etcd_subnets::{aligned_bound, corrected_subnet_len};
use crate::flannel::inputs::Check;
use crate::flannel::json_edit::insert_first;
use crate::flannel::keys::{
    checked_objects, misspelled, rename_targets, suggestion, CheckedObject,
};
use crate::flannel::mtu_fixes::corrected_backend_mtu;
use crate::flannel::network_fit::{network_after_fixes, renamed_network};
use crate::json::{Member, Node};
use crate::net::Cidr;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelUnknownKey,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "Every key of net-conf.json and of its Backend is one flannel reads.",
    what: "A key at the top level or in Backend (or under a misspelled Backend key) that is none of the names flannel decodes, with the known key it is a likely misspelling of (within two edits, or one name containing the other) when that key's Go type takes its value.",
    why: "Go's encoding/json matches names ignoring case, so \"subnetlen\" works, but drops any other name without a word: \"SubnetLength\" or \"Netwrok\" looks set and does nothing, and flannel runs with its default or fails for the missing key.",
    how_to_fix: "Rename the key to the one flannel reads (the fix does, once per known key). A renamed key starts being read, so the fix also gives its value what the rules for that key would ask next (a Network fitted to the target, a SubnetLen or SubnetMin/SubnetMax flanneld accepts in etcd mode, a Backend with a Type and a sound MTU); a key with no close match is left to you.",
    source: "flannel-io/flannel pkg/subnet/config.go (struct Config) and pkg/backend/* (each backend's config struct); Go encoding/json (unknown keys ignored, names matched ignoring case).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Reports every key flannel ignores, at the top level and in Backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    for CheckedObject {
        object,
        known,
        place,
    } in checked_objects(check.conf)
    {
        let Some(members) = object.members() else {
            continue;
        };
        let targets = rename_targets(object, known, place);
        for (index, member) in members.iter().enumerate() {
            if known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
                continue;
            }
            let suggestion = suggestion(object, known, place, member);
            let already = targets[index].is_none();
            let set = |k: &str| members.iter().any(|m| m.key.eq_ignore_ascii_case(k));
            let (message, fix) = match suggestion {
                Some(k) if already && set(k) => (format!("{place} key \"{}\" is not one flannel reads and is ignored; \"{k}\" is set elsewhere", member.key), None),
                Some(k) if already => (format!("{place} key \"{}\" is not one flannel reads and is ignored; another misspelled key above is renamed to \"{k}\"", member.key), None),
                Some(k) => (
                    format!(
                        "{place} key \"{}\" is not one flannel reads; did you mean \"{k}\"?",
                        member.key
                    ),
                    Some(rename(check, member, k, out)),
                ),
                None => (
                    format!(
                        "{place} key \"{}\" is not one flannel reads; it is ignored{}",
                        member.key,
                        value_hint(&member.value)
                    ),
                    None,
                ),
            };
            out.report(Draft { rule: RuleId::FlannelUnknownKey, severity: Severity::Warning, at: (member.key_start, member.key_end), message, why: format!("flannel decodes {place} with Go's encoding/json, which matches names ignoring case and silently drops any other key. Known keys: {}.", known.join(", ")), fix });
        }
    }
}

/// A hint on where an ignored value belongs, from its shape.
fn value_hint(value: &Node) -> &'static str {
    match value.as_str().and_then(|text| text.parse::<Cidr>().ok()) {
        Some(cidr) if cidr.family() == crate::net::IpFamily::V6 => {
            " (an IPv6 block belongs in IPv6Network, with \"EnableIPv6\": true)"
        }
        Some(_) => " (a pod network block belongs in Network)",
        None => "",
    }
}

/// The fix renaming `member` to `known`. A renamed Network starts being read, so the fix also
/// fits its value to the target nodes and ranges to avoid, as a Network written from scratch
/// would be; otherwise the next check would ask for a second fix.
fn rename(check: &Check<'_>, member: &Member, known: &str, out: &Emitter<'_>) -> Fix {
    let mut edits = vec![out.edit(member.key_start + 1, member.key_end - 1, known)];
    let mut title = format!("Rename to {known}");
    if known == "Type" {
        let written = member.value.as_str().unwrap_or_default();
        if let Some(fixed) = fixed_type(written) {
            edits.push(out.edit(member.value.start + 1, member.value.end - 1, fixed));
            title = format!("Rename to Type and set it to {fixed}");
        }
    }
    if known == "Backend" && check.conf.backend.is_none() {
        // The renamed object starts being read: give it a Type if it has none, as the backend
        // rule would.
        let object = &member.value;
        let has_type =
            object.get_ignore_case("Type").is_some() || misspelled(object, "Type").is_some();
        let written_type = object.get_ignore_case("Type").map(|m| &m.value);
        if let Some(node) = written_type {
            let fixed = node.as_str().and_then(fixed_type);
            if let Some(fixed) = fixed {
                edits.push(out.edit(node.start + 1, node.end - 1, fixed));
            }
        }
        if object.members().is_some() && !has_type {
            let (at, text) = insert_first(check.text, object, "\"Type\": \"vxlan\"");
            edits.push(out.edit(at, at, &text));
        }
        // Its MTU key starts being read too: correct it as the MTU rule would, so that fixing
        // twice changes nothing.
        let backend = written_type
            .and_then(|node| node.as_str())
            .map_or("vxlan", |name| fixed_type(name).unwrap_or(name));
        let mtu = object.get_ignore_case("MTU").map(|m| &m.value);
        let written = mtu.and_then(|node| u32::try_from(node.as_i64()?).ok());
        if let (Some(node), Some(written)) = (mtu, written) {
            if let Some(path) = corrected_backend_mtu(check, backend, written) {
                edits.push(out.edit(node.start, node.end, &path.to_string()));
            }
        }
    }
    if known == "SubnetLen" {
        // The renamed length starts being read: in etcd mode flanneld refuses one that leaves
        // fewer than four node subnets, as `flannel/subnet-len` would say next.
        let network = network_after_fixes(check);
        let written = member.value.as_i64();
        if let (Some(network), Some(written), true) = (network, written, check.mode.may_be_etcd()) {
            if let Some(len) = corrected_subnet_len(&network, written) {
                edits.push(out.edit(member.value.start, member.value.end, &len.to_string()));
                title = format!("Rename to SubnetLen and set it to {len}");
            }
        }
    }
    if known == "SubnetMin" || known == "SubnetMax" {
        // The renamed bound starts being read: in etcd mode it must sit on a node subnet
        // boundary, as `flannel/subnet-min-max` would ask next.
        let network = network_after_fixes(check);
        let written = member.value.as_str();
        if let (Some(network), Some(written), true) = (network, written, check.mode.may_be_etcd()) {
            if let Some(aligned) = aligned_bound(check, &network, written) {
                edits.push(out.edit(member.value.start + 1, member.value.end - 1, &aligned));
                title = format!("Rename to {known} and set it to {aligned}");
            }
        }
    }
    if known == "Network" {
        let written = member
            .value
            .as_str()
            .and_then(|text| text.parse::<Cidr>().ok());
        if let Some(written) = written {
            // Host bits masked and fitted, as `flannel/host-bits` and the capacity rules would
            // ask next.
            let fitted = renamed_network(check, written);
            if fitted != written {
                edits.push(out.edit(
                    member.value.start + 1,
                    member.value.end - 1,
                    &fitted.to_string(),
                ));
                title = format!("Rename to Network and set it to {fitted}");
            }
        }
    }
    Fix { title, edits }
}
