//! Rules `flannel/unknown-key` and `flannel/duplicate-key`: keys flannel silently ignores.
//!
//! What it checks: every key of net-conf.json and of its Backend against the names flannel reads.
//! Go's `encoding/json` matches names case-insensitively (so `"subnetlen"` works) and drops unknown
//! names without a word (so `"SubnetLength"` does nothing); duplicates keep the last value.
//! Why it matters: a misspelled key looks set but is not.
//! Fix: rename a key that is close to a known one.
//! Source: flannel `pkg/subnet/config.go` (struct Config), `pkg/backend/*`; domain facts §1.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use super::go_types;
use super::rule::Check;
use super::rule::{insert_first, misspelled};
use super::validation::fit_network;
use crate::edit_distance::edit_distance;
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::json::{Member, Node};
use crate::net::Cidr;
use alloc::string::ToString;

/// The rule id for unknown keys.
pub const RULE_UNKNOWN: &str = "flannel/unknown-key";
/// The rule id for duplicate keys.
pub const RULE_DUPLICATE: &str = "flannel/duplicate-key";

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
    known: &[&str],
    place: &str,
    out: &mut Emitter<'_>,
) {
    let Some(members) = object.members() else {
        return;
    };
    for (index, member) in members.iter().enumerate() {
        let later = members[index + 1..]
            .iter()
            .any(|other| other.key.eq_ignore_ascii_case(&member.key));
        if later && known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
            out.report(RULE_DUPLICATE, Severity::Warning, (member.key_start, member.key_end), format!("{place} sets {} more than once; flannel keeps the last value", member.key), String::from("Go's encoding/json lets the last duplicate win (names compared ignoring case), so this earlier value has no effect."), None);
        }
        if known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
            continue;
        }
        // Only a key whose Go type takes this value: renaming a CIDR to a number key would turn
        // an ignored key into a config flanneld refuses.
        let suggestion = known
            .iter()
            .find(|k| close(&member.key, k) && value_fits(check, place, k, &member.value));
        let already =
            suggestion.is_some_and(|k| members.iter().any(|m| m.key.eq_ignore_ascii_case(k)));
        let (message, fix) = match suggestion {
            Some(k) if already => (format!("{place} key \"{}\" is not one flannel reads and is ignored; \"{k}\" is set elsewhere", member.key), None),
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
        out.report(RULE_UNKNOWN, Severity::Warning, (member.key_start, member.key_end), message, format!("flannel decodes {place} with Go's encoding/json, which matches names ignoring case and silently drops any other key. Known keys: {}.", known.join(", ")), fix);
    }
}

/// True when `value` decodes into the key `key` of `place` (the top level or Backend).
fn value_fits(check: &Check<'_>, place: &str, key: &str, value: &Node) -> bool {
    let field = if place == "Backend" {
        let backend = check.conf.backend_name();
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
    }
    if known == "Network" {
        let written = member
            .value
            .as_str()
            .and_then(|text| text.parse::<Cidr>().ok());
        if let Some(written) = written {
            let fitted = fit_network(check, written);
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
