//! The keys flannel reads (top level and Backend) and the renames of misspelled ones: which
//! known key a written key is a likely misspelling of, when the known key's Go type takes its
//! value. The key rules report from these; the rules that add a key leave it to the rename when a
//! misspelled one is there.

use alloc::vec::Vec;

use super::backend_names::fixed_name_of;
use super::go_types;
use super::netconf::NetConf;
use super::spelling::closest;
use crate::json::{Member, Node};

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

/// For each member of `object` (the top level or a Backend, `known` its keys), the known key the
/// unknown-key rule renames it to: the first one it is a likely misspelling of whose Go type takes
/// its value, unless that key is set already or an earlier member is renamed to it.
pub fn rename_targets(
    object: &Node,
    known: &[&'static str],
    place: &str,
) -> Vec<Option<&'static str>> {
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
pub fn suggestion(
    object: &Node,
    known: &[&'static str],
    place: &str,
    member: &Member,
) -> Option<&'static str> {
    if known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
        return None;
    }
    let fitting = known
        .iter()
        .copied()
        .filter(|k| value_fits(object, place, k, &member.value));
    closest(&member.key, fitting)
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

/// An object whose keys the key rules check.
pub struct CheckedObject<'a> {
    /// The JSON object.
    pub object: &'a Node,
    /// The keys flannel reads in it.
    pub known: &'static [&'static str],
    /// Its name in messages: `net-conf.json` or `Backend`.
    pub place: &'static str,
}

/// The objects whose keys the key rules check: the top level, then the Backend object, or the
/// object under a misspelled Backend key that the rename turns into it (its keys are fixed in the
/// same pass).
pub fn checked_objects(conf: &NetConf) -> Vec<CheckedObject<'_>> {
    let mut objects = alloc::vec![CheckedObject {
        object: &conf.root,
        known: &TOP_LEVEL,
        place: "net-conf.json",
    }];
    let backend = conf.backend_object().or_else(|| {
        misspelled(&conf.root, "Backend")
            .map(|member| &member.value)
            .filter(|value| value.members().is_some())
    });
    if let Some(object) = backend {
        objects.push(CheckedObject {
            object,
            known: &BACKEND,
            place: "Backend",
        });
    }
    objects
}

/// True when `value` decodes into the key `key` of `object` at `place` (the top level or Backend).
fn value_fits(object: &Node, place: &str, key: &str, value: &Node) -> bool {
    let field = if place == "Backend" {
        // The backend this object runs once its Type is fixed.
        let backend = fixed_name_of(object);
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
