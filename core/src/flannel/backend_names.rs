//! The backend types flannel registers, the type the fixes write instead of a removed, slow or
//! misspelled one, and the backend a config runs when its type is one flannel knows.

use alloc::string::String;

use super::netconf::{Field, NetConf};
use super::spelling::{close, closest};
use crate::json::Node;

/// Backend types registered in flannel v0.28.
pub const KNOWN: [&str; 9] = [
    "vxlan",
    "host-gw",
    "udp",
    "ipip",
    "ipsec",
    "wireguard",
    "alloc",
    "extension",
    "tencent-vpc",
];
/// Backend types removed in flannel v0.20.0.
pub const REMOVED: [&str; 3] = ["aws-vpc", "gce", "ali-vpc"];

/// The backend type the fixes write for a Type written as `written`: vxlan for a removed type
/// and for udp, the close known name for a typo, lower case for a known name in another case;
/// `None` when `written` needs no change or has no sure replacement.
pub fn fixed_type(written: &str) -> Option<&'static str> {
    let name = written.to_ascii_lowercase();
    if REMOVED.contains(&name.as_str()) || name == "udp" {
        return Some("vxlan");
    }
    if let Some(known) = KNOWN.iter().find(|known| **known == name) {
        return (*known != written).then_some(*known);
    }
    closest(&name, KNOWN)
}

/// The backend flanneld runs once the fixes are applied (see [`fixed_type`]): the backend whose
/// keys the other rules check, so that their fixes agree with the backend rules'.
pub fn fixed_name(conf: &NetConf) -> String {
    let name = conf.backend_name();
    fixed_type(&name).map_or(name, String::from)
}

/// [`fixed_name`] for a Backend object read on its own (one under a misspelled Backend key). A
/// Type written under a misspelled key (`"Tpye": "vxlan"`) counts: the unknown-key fix renames
/// it in the same pass, so the other keys are judged for the backend it names.
pub fn fixed_name_of(object: &Node) -> String {
    let written = object
        .get_ignore_case("Type")
        .and_then(|member| member.value.as_str())
        .or_else(|| {
            object
                .members()?
                .iter()
                .find(|member| close(&member.key, "Type") && member.value.as_str().is_some())
                .and_then(|member| member.value.as_str())
        });
    let name = written.map_or_else(|| String::from("udp"), str::to_ascii_lowercase);
    fixed_type(&name).map_or(name, String::from)
}

/// A Backend object whose Type names a backend flannel registers.
pub struct KnownBackend<'a> {
    /// The Backend object.
    pub object: &'a Node,
    /// Its `Type`.
    pub kind: &'a Field<String>,
    /// The type in lower case, as flannel looks it up (backend/manager.go).
    pub name: String,
}

/// The backend `conf` runs when its Type is one flannel registers (any case), and no template
/// decides it; `None` otherwise (the backend rules then say what is wrong with it).
pub fn known_backend(conf: &NetConf) -> Option<KnownBackend<'_>> {
    if conf.is_opaque("Backend") || conf.is_opaque("Backend.Type") {
        return None;
    }
    let object = conf.backend_object()?;
    let kind = conf.backend_type.as_ref()?;
    let name = kind.value.to_ascii_lowercase();
    KNOWN
        .contains(&name.as_str())
        .then_some(KnownBackend { object, kind, name })
}
