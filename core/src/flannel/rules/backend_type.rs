//! Rule `flannel/backend-type`: Backend is an object whose Type names a backend flannel registers.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::backend_names::{KNOWN, REMOVED};
use crate::flannel::inputs::Check;
use crate::flannel::json_edit::insert_first;
use crate::flannel::keys::misspelled;
use crate::flannel::spelling::closest;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelBackendType,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Backend is an object whose Type is a backend flannel v0.28 registers.",
    what: "A Backend that is not an object; a Backend object without Type; a Type removed in flannel v0.20.0 (aws-vpc, gce, ali-vpc); a Type flannel does not know, with the known name it is a likely misspelling of.",
    why: "flanneld looks the Type up (lower-cased) among its registered backends (vxlan, host-gw, udp, ipip, ipsec, wireguard, alloc, extension, tencent-vpc) and exits at start-up with \"unknown backend type: X\" when it is not there; a Backend object without Type is read as an empty name. Every node's pods then stay without a network.",
    how_to_fix: "Write a registered type: vxlan works on any network, host-gw is faster when all nodes share one L2 segment. The fix writes vxlan for a removed type and for a missing Type, and the known name for a misspelling.",
    source: "flannel-io/flannel pkg/backend/manager.go (\"unknown backend type\", lower-cased lookup), pkg/subnet/config.go (parseBackendType); flannel commit bb657386 \"Remove obsolete cloud backends\" (v0.20.0: aws-vpc, gce, ali-vpc).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Checks the Backend object and its Type.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if conf.is_opaque("Backend") || conf.is_opaque("Backend.Type") {
        // A template or placeholder decides the backend: nothing to judge here.
        return;
    }
    let Some(backend) = &conf.backend else {
        return;
    };
    let Some(object) = conf.backend_object() else {
        out.report(Draft {
            rule: RuleId::FlannelBackendType,
            severity: Severity::Error,
            at: (backend.value.start, backend.value.end),
            message: format!("Backend is {}, not an object", backend.value.type_name()),
            why: String::from("flannel reads Backend as an object such as {\"Type\": \"vxlan\"}."),
            fix: None,
        });
        return;
    };
    let Some(kind) = &conf.backend_type else {
        if object.get_ignore_case("Type").is_some() {
            // A Type that is not a string: `flannel/value-type`'s error; adding one would clash.
            return;
        }
        let (at, text) = insert_first(check.text, object, "\"Type\": \"vxlan\"");
        let fix = misspelled(object, "Type").is_none().then(|| Fix {
            title: String::from("Add \"Type\": \"vxlan\""),
            edits: vec![out.edit(at, at, &text)],
        });
        out.report(Draft { rule: RuleId::FlannelBackendType, severity: Severity::Error, at: (object.start, object.start + 1), message: String::from("Backend has no Type: flanneld stops with \"unknown backend type: \""), why: String::from("flannel reads the backend's name from Backend.Type: a Backend object without Type gives an empty name, and flanneld exits at start with \"unknown backend type: \". Only a config with no Backend at all falls back to udp."), fix });
        return;
    };
    let name = kind.value.to_ascii_lowercase();
    if REMOVED.contains(&name.as_str()) {
        out.report(Draft { rule: RuleId::FlannelBackendType, severity: Severity::Error, at: kind.inner(), message: format!("unknown backend type: {} (removed in flannel v0.20.0)", kind.value), why: String::from("The aws-vpc, gce and ali-vpc backends were removed in flannel v0.20.0; flanneld exits with \"unknown backend type\". vxlan works on any network; host-gw is faster when all nodes share one L2 segment."), fix: Some(Fix { title: String::from("Switch to vxlan"), edits: vec![out.edit(kind.inner().0, kind.inner().1, "vxlan")] }) });
        return;
    }
    if !KNOWN.contains(&name.as_str()) {
        let suggestion = closest(&name, KNOWN);
        let fix = suggestion.map(|known| Fix {
            title: format!("Set Type to {known}"),
            edits: vec![out.edit(kind.inner().0, kind.inner().1, known)],
        });
        let hint = suggestion.map_or_else(String::new, |known| format!(" Did you mean {known}?"));
        out.report(Draft {
            rule: RuleId::FlannelBackendType,
            severity: Severity::Error,
            at: kind.inner(),
            message: format!("unknown backend type: {}", kind.value),
            why: format!("flannel v0.28 knows {}.{hint}", KNOWN.join(", ")),
            fix,
        });
    }
}
