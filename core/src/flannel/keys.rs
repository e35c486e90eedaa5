//! Rules `flannel/unknown-key` and `flannel/duplicate-key`: keys flannel silently ignores.
//!
//! What it checks: every key of net-conf.json and of its Backend against the names flannel reads.
//! Go's `encoding/json` matches names case-insensitively (so `"subnetlen"` works) and drops unknown
//! names without a word (so `"SubnetLength"` does nothing); duplicates keep the last value.
//! Why it matters: a misspelled key looks set but is not.
//! Fix: rename a key that is close to a known one. A renamed key starts being read, so the rename
//! also gives its value what the rules for that key would ask next (a Network fitted to the target,
//! a SubnetLen or SubnetMin/SubnetMax flanneld accepts in etcd mode, a Backend with a Type and a
//! sound MTU): applying the fixes once leaves nothing for a second pass.
//! Source: flannel `pkg/subnet/config.go` (struct Config), `pkg/backend/*`; domain facts §1.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::go_types;
use super::rule::insert_first;
use super::rule::Check;
use crate::edit_distance::edit_distance;
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::json::{Member, Node};
use crate::net::Cidr;
use alloc::string::ToString;

/// Top-level keys of flannel's `Config`.
pub const TOP_LEVEL: [&str; 12] = [
    "Network",
    "IPv6Network",
    "EnableIPv4",
    "EnableIPv6",
    "EnableNFTables",
    "SubnetLen",
    "SubnetMin",
    "SubnetMax",
    "IPv6SubnetLen",
    "IPv6SubnetMin",
    "IPv6SubnetMax",
    "Backend",
];
/// Keys some backend reads.
pub const BACKEND: [&str; 24] = [
    "Type",
    "VNI",
    "Port",
    "GBP",
    "DirectRouting",
    "Learning",
    "MTU",
    "MacPrefix",
    "Name",
    "PSK",
    "ListenPort",
    "ListenPortV6",
    "PersistentKeepaliveInterval",
    "Mode",
    "UDPEncap",
    "ESPProposal",
    "PreStartupCommand",
    "PostStartupCommand",
    "SubnetAddCommand",
    "SubnetRemoveCommand",
    "AccessKeyID",
    "AccessKeySecret",
    "RouteTableID",
    "TTL",
];

/// True when `written` is a likely misspelling of `known`: within two edits, or one contains the other.
pub fn close(written: &str, known: &str) -> bool {
    let a = written.to_ascii_lowercase();
    let b = known.to_ascii_lowercase();
    if a == b {
        return true;
    }
    if a.len() >= 4 && b.len() >= 4 && (a.contains(&b) || b.contains(&a)) {
        return true;
    }
    edit_distance(a.as_bytes(), b.as_bytes()) <= 2 && b.len() > 3
}

/// True when `written` is `known` or a typo of it: the same ignoring case, or within two edits
/// of a name longer than three letters. Stricter than [`close`] (no containment), for telling
/// flannel's JSON from other JSON.
pub fn is_typo_of(written: &str, known: &str) -> bool {
    let a = written.to_ascii_lowercase();
    let b = known.to_ascii_lowercase();
    a == b || (b.len() > 3 && edit_distance(a.as_bytes(), b.as_bytes()) <= 2)
}

/// For each member of `object` (the top level or a Backend, `known` its keys), the known key the
/// unknown-key rule renames it to: the first one it is a likely misspelling of whose Go type takes
/// its value, unless that key is set already or an earlier member is renamed to it.
fn rename_targets(object: &Node, known: &[&'static str], place: &str) -> Vec<Option<&'static str>> {
    let members = object.members().unwrap_or_default();
    let mut claimed: Vec<&str> = Vec::new();
    for member in members {
        if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(&member.key)) {
            if !claimed.contains(k) {
                claimed.push(k);
            }
        }
    }
    members
        .iter()
        .map(|member| {
            let target = suggestion(object, known, place, member)?;
            if claimed.contains(&target) {
                return None;
            }
            claimed.push(target);
            Some(target)
        })
        .collect()
}

/// The known key `member` of `object` looks like a misspelling of, when its Go type takes the
/// member's value (renaming a CIDR to a number key would turn an ignored key into a config
/// flanneld refuses); `None` for a known key.
fn suggestion(
    object: &Node,
    known: &[&'static str],
    place: &str,
    member: &Member,
) -> Option<&'static str> {
    if known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
        return None;
    }
    known
        .iter()
        .find(|k| close(&member.key, k) && value_fits(object, place, k, &member.value))
        .copied()
}

/// The member of `object` the unknown-key rule renames to `key` (a top-level or Backend key), so
/// that rules adding `key` leave the fix to that rename instead of clashing.
pub fn misspelled<'n>(object: &'n Node, key: &str) -> Option<&'n Member> {
    let (known, place): (&[&'static str], &str) = if TOP_LEVEL.contains(&key) {
        (&TOP_LEVEL, "net-conf.json")
    } else {
        (&BACKEND, "Backend")
    };
    let targets = rename_targets(object, known, place);
    let members = object.members()?;
    members
        .iter()
        .zip(targets)
        .find_map(|(member, target)| (target == Some(key)).then_some(member))
}

/// Runs the key rules over the top level and the Backend object.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    object_keys(check, &check.conf.root, &TOP_LEVEL, "net-conf.json", out);
    // The Backend object, or the object under a misspelled Backend key that the rename fix
    // turns into it: its keys are fixed in the same pass.
    let backend = check.conf.backend_object().or_else(|| {
        misspelled(&check.conf.root, "Backend")
            .map(|member| &member.value)
            .filter(|value| value.members().is_some())
    });
    if let Some(backend) = backend {
        object_keys(check, backend, &BACKEND, "Backend", out);
    }
}

fn object_keys(
    check: &Check<'_>,
    object: &Node,
    known: &[&'static str],
    place: &str,
    out: &mut Emitter<'_>,
) {
    let Some(members) = object.members() else {
        return;
    };
    let targets = rename_targets(object, known, place);
    for (index, member) in members.iter().enumerate() {
        let later = members[index + 1..]
            .iter()
            .any(|other| other.key.eq_ignore_ascii_case(&member.key));
        if later && known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
            out.report(Draft { rule: RuleId::FlannelDuplicateKey, severity: Severity::Warning, at: (member.key_start, member.key_end), message: format!("{place} sets {} more than once; flannel keeps the last value", member.key), why: String::from("Go's encoding/json lets the last duplicate win (names compared ignoring case), so this earlier value has no effect."), fix: None });
        }
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

/// True when `value` decodes into the key `key` of `object` at `place` (the top level or Backend).
fn value_fits(object: &Node, place: &str, key: &str, value: &Node) -> bool {
    let field = if place == "Backend" {
        // The backend this object runs once its Type is fixed.
        let backend = super::backend::fixed_name_of(object);
        go_types::backend_fields(&backend)
            .0
            .iter()
            .chain(go_types::windows_vxlan_fields())
            .find(|f| f.key == key)
            .copied()
    } else {
        go_types::TOP_LEVEL.iter().find(|f| f.key == key).copied()
    };
    match field {
        Some(field) => go_types::fits(&field, value),
        // Type, and keys of another backend than the one in use: strings.
        None => value.as_str().is_some(),
    }
}

/// A hint on where an ignored value belongs, from its shape.
fn value_hint(value: &Node) -> &'static str {
    match value.as_str().and_then(|text| text.parse::<Cidr>().ok()) {
        Some(cidr) if cidr.family == crate::net::IpFamily::V6 => {
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
        if let Some(fixed) = super::backend::fixed_type(written) {
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
            let fixed = node.as_str().and_then(super::backend::fixed_type);
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
            .map_or("vxlan", |name| {
                super::backend::fixed_type(name).unwrap_or(name)
            });
        let mtu = object.get_ignore_case("MTU").map(|m| &m.value);
        let written = mtu.and_then(|node| u32::try_from(node.as_i64()?).ok());
        if let (Some(node), Some(written)) = (mtu, written) {
            if let Some(path) = super::mtu_rules::corrected_backend_mtu(check, backend, written) {
                edits.push(out.edit(node.start, node.end, &path.to_string()));
            }
        }
    }
    if known == "SubnetLen" {
        // The renamed length starts being read: in etcd mode flanneld refuses one that leaves
        // fewer than four node subnets, as `flannel/subnet-len` would say next.
        let network = super::validation::network_after_fixes(check);
        let written = member.value.as_i64();
        if let (Some(network), Some(written), true) = (network, written, check.mode.may_be_etcd()) {
            if let Some(len) = super::validation::corrected_subnet_len(&network, written) {
                edits.push(out.edit(member.value.start, member.value.end, &len.to_string()));
                title = format!("Rename to SubnetLen and set it to {len}");
            }
        }
    }
    if known == "SubnetMin" || known == "SubnetMax" {
        // The renamed bound starts being read: in etcd mode it must sit on a node subnet
        // boundary, as `flannel/subnet-min-max` would ask next.
        let network = super::validation::network_after_fixes(check);
        let written = member.value.as_str();
        if let (Some(network), Some(written), true) = (network, written, check.mode.may_be_etcd()) {
            if let Some(aligned) = super::validation::aligned_bound(check, &network, written) {
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
            let fitted = super::validation::renamed_network(check, written);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_are_close_and_other_words_are_not() {
        assert!(close("SubnetLength", "SubnetLen"));
        assert!(close("Netwrok", "Network"));
        assert!(close("vxaln", "vxlan"));
        assert!(!close("Colour", "Network"));
    }
}
