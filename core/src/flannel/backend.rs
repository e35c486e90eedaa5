//! Rules `flannel/backend-missing`, `flannel/backend-type`, `flannel/udp-backend`,
//! `flannel/ipsec-psk`, `flannel/host-gw-l2`, `flannel/vxlan-settings`, `flannel/extension-shell`:
//! the backend flannel runs.
//!
//! What it checks: a config without Backend (flannel's code then picks udp, while its docs say
//! vxlan), unknown and removed backend types, udp (user-space, amd64 only), the ipsec PSK length
//! (≥ 96 characters), host-gw's one-L2-segment requirement, VXLAN VNI and port ranges.
//! Why it matters: flanneld exits with "unknown backend type: X", or runs a slow backend nobody chose.
//! Fix: `"Backend": {"Type": "vxlan"}`, or a type name flannel knows.
//! Source: flannel v0.28.9 `pkg/subnet/config.go`, `pkg/backend/*`; domain facts §1.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec;

use super::netconf::NetConf;
use super::rule::{insert_first, insert_member, quoted, Check};
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
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

/// The backend type the fixes of this module write for a Type written as `written`: vxlan for a
/// removed type and for udp, the close known name for a typo, lower case for a known name in
/// another case; `None` when `written` needs no change or has no sure replacement.
pub fn fixed_type(written: &str) -> Option<&'static str> {
    let name = written.to_ascii_lowercase();
    if REMOVED.contains(&name.as_str()) || name == "udp" {
        return Some("vxlan");
    }
    if let Some(known) = KNOWN.iter().find(|known| **known == name) {
        return (*known != written).then_some(*known);
    }
    KNOWN
        .iter()
        .find(|known| super::keys::close(&name, known))
        .copied()
}

/// The backend flanneld runs once this module's fixes are applied (see [`fixed_type`]): the
/// backend whose keys the other rules check, so that their fixes agree with this one's.
pub fn fixed_name(conf: &NetConf) -> String {
    let name = conf.backend_name();
    fixed_type(&name).map_or(name, String::from)
}

/// [`fixed_name`] for a Backend object read on its own (one under a misspelled Backend key).
pub fn fixed_name_of(object: &Node) -> String {
    let written = object
        .get_ignore_case("Type")
        .and_then(|member| member.value.as_str());
    let name = written.map_or_else(|| String::from("udp"), str::to_ascii_lowercase);
    fixed_type(&name).map_or(name, String::from)
}

/// Runs the backend rules.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if conf.is_opaque("Backend") || conf.is_opaque("Backend.Type") {
        // A template or placeholder decides the backend: nothing to judge here.
        return;
    }
    let Some(backend) = &conf.backend else {
        let (at, text) =
            insert_member(check.text, &conf.root, "\"Backend\": {\"Type\": \"vxlan\"}");
        let fix = super::keys::misspelled(&conf.root, "Backend")
            .is_none()
            .then(|| Fix {
                title: String::from("Add \"Backend\": {\"Type\": \"vxlan\"}"),
                edits: vec![out.edit(at, at, &text)],
            });
        out.report(Draft { rule: RuleId::FlannelBackendMissing, severity: Severity::Warning, at: (conf.whole.0, conf.whole.0 + 1), message: String::from("no Backend: flannel falls back to the udp backend, not vxlan"), why: String::from("flannel's config.go uses udp when Backend is missing (its docs say vxlan): a slow user-space backend that runs on amd64 only. The official kube-flannel.yml writes \"Backend\": {\"Type\": \"vxlan\"}. Source: flannel pkg/subnet/config.go."), fix });
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
        let fix = super::keys::misspelled(object, "Type")
            .is_none()
            .then(|| Fix {
                title: String::from("Add \"Type\": \"vxlan\""),
                edits: vec![out.edit(at, at, &text)],
            });
        out.report(Draft { rule: RuleId::FlannelBackendType, severity: Severity::Warning, at: (object.start, object.start + 1), message: String::from("Backend has no Type: flannel falls back to udp"), why: String::from("Without Backend.Type flannel runs the udp backend (config.go); the official manifest uses vxlan."), fix });
        return;
    };
    let name = kind.value.to_ascii_lowercase();
    if REMOVED.contains(&name.as_str()) {
        out.report(Draft { rule: RuleId::FlannelBackendType, severity: Severity::Error, at: kind.inner(), message: format!("unknown backend type: {} (removed in flannel v0.20.0)", kind.value), why: String::from("The aws-vpc, gce and ali-vpc backends were removed in flannel v0.20.0; flanneld exits with \"unknown backend type\". vxlan works on any network; host-gw is faster when all nodes share one L2 segment."), fix: Some(Fix { title: String::from("Switch to vxlan"), edits: vec![out.edit(kind.inner().0, kind.inner().1, "vxlan")] }) });
        return;
    }
    if !KNOWN.contains(&name.as_str()) {
        let suggestion = KNOWN.iter().find(|known| super::keys::close(&name, known));
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
        return;
    }
    // flannel lower-cases the type before its registry lookup (backend/manager.go), so "VXLAN"
    // works as well as "vxlan": nothing to say about the case.
    match name.as_str() {
        "udp" => out.report(Draft { rule: RuleId::FlannelUdpBackend, severity: Severity::Warning, at: kind.inner(), message: String::from("the udp backend is slow and runs on amd64 only"), why: String::from("udp encapsulates in user space (flanneld copies every packet) and is built for amd64 only; flannel recommends it for debugging. vxlan does the same job in the kernel. Source: flannel Documentation/backends.md, pkg/backend/udp."), fix: Some(Fix { title: String::from("Switch to vxlan"), edits: vec![out.edit(kind.inner().0, kind.inner().1, "vxlan")] }) }),
        "ipsec" => psk(check, object, out),
        "host-gw" => out.report(Draft { rule: RuleId::FlannelHostGwL2, severity: Severity::Info, at: kind.inner(), message: String::from("host-gw needs every node on one L2 segment"), why: String::from("host-gw installs a route to each node's pod range via that node's IP, so nodes must reach each other directly (same subnet, no router between them); across subnets or clouds that block it, use vxlan. Source: flannel Documentation/backends.md."), fix: None }),
        "vxlan" => vxlan(object, out),
        "extension" => extension(object, out),
        _ => {}
    }
}

fn psk(check: &Check<'_>, object: &crate::json::Node, out: &mut Emitter<'_>) {
    let Some(member) = object.get_ignore_case("PSK") else {
        out.report(Draft { rule: RuleId::FlannelIpsecPsk, severity: Severity::Error, at: (object.start, object.start + 1), message: String::from("config error, password is too short: the ipsec backend needs a PSK"), why: String::from("The ipsec backend requires a pre-shared key of at least 96 characters (generate one with `dd if=/dev/urandom count=48 bs=1 status=none | xxd -p -c 48`). Source: flannel pkg/backend/ipsec."), fix: None });
        return;
    };
    let Some(value) = member.value.as_str() else {
        return;
    };
    let redacted = value.starts_with("REDACTED_");
    let length = if redacted {
        match check.redactions.iter().find(|r| r.placeholder == value) {
            Some(redaction) => redaction.length,
            None => {
                out.report(Draft { rule: RuleId::FlannelIpsecPsk, severity: Severity::Info, at: (member.value.start, member.value.end), message: String::from("the ipsec PSK was redacted, so its length was not checked"), why: String::from("The PSK was replaced with a placeholder before analysis and its length is not known here; flannel needs at least 96 characters."), fix: None });
                return;
            }
        }
    } else {
        value.chars().count()
    };
    if length < 96 {
        let note = if redacted {
            " (counted before redaction)"
        } else {
            ""
        };
        out.report(Draft { rule: RuleId::FlannelIpsecPsk, severity: Severity::Error, at: (member.value.start, member.value.end), message: format!("config error, password is too short: the ipsec PSK has {length} characters{note}, flannel needs at least 96"), why: String::from("flanneld's ipsec backend refuses a pre-shared key under 96 characters; generate one with `dd if=/dev/urandom count=48 bs=1 status=none | xxd -p -c 48`. Source: flannel pkg/backend/ipsec."), fix: None });
    }
}

/// Shell syntax that a command run without a shell passes on literally (or cannot run).
const SHELL_SYNTAX: [&str; 11] = [
    "|", ">", "<", "&&", ";", "'", "\"", "$(", "`", "export ", "\n",
];

/// Rule `flannel/extension-shell` (warning): since flannel v0.28.2 the extension backend splits
/// each command on white space (expanding `$VAR`) and runs it without a shell, so pipes,
/// redirects, `&&`, quotes and `export` no longer work as they did under `sh -c`.
fn extension(object: &crate::json::Node, out: &mut Emitter<'_>) {
    for key in [
        "PreStartupCommand",
        "PostStartupCommand",
        "SubnetAddCommand",
        "SubnetRemoveCommand",
    ] {
        let Some(member) = object.get_ignore_case(key) else {
            continue;
        };
        let Some(command) = member.value.as_str() else {
            continue;
        };
        let Some(syntax) = SHELL_SYNTAX.iter().find(|s| command.contains(**s)) else {
            continue;
        };
        let shown = if *syntax == "\n" {
            "a line break"
        } else {
            syntax.trim()
        };
        out.report(Draft { rule: RuleId::FlannelExtensionShell, severity: Severity::Warning, at: (member.value.start, member.value.end), message: format!("{key} uses shell syntax ({shown}), but flannel v0.28.2 and later run it without a shell"), why: String::from("Since v0.28.2 (commit 08bc9a4c) flannel splits extension commands on white space, expands $VAR and runs them without sh -c: pipes, redirects, &&, ;, quotes and builtins such as export reach the program as words. Call a script on the node instead. Source: flannel pkg/backend/extension."), fix: None });
    }
}

fn vxlan(object: &crate::json::Node, out: &mut Emitter<'_>) {
    for (key, min, max, what) in [
        (
            "VNI",
            1i64,
            16_777_215i64,
            "a VXLAN network identifier is 24 bits",
        ),
        ("Port", 0, 65_535, "a UDP port"),
    ] {
        let Some(member) = object.get_ignore_case(key) else {
            continue;
        };
        // A value of another JSON type is `flannel/value-type`'s.
        let Some(value) = member.value.as_i64() else {
            continue;
        };
        if value < min || value > max {
            out.report(Draft {
                rule: RuleId::FlannelVxlanSettings,
                severity: Severity::Error,
                at: (member.value.start, member.value.end),
                message: format!("vxlan {key} {value} is outside {min}–{max}"),
                why: format!("{what}; flanneld cannot create the VXLAN device."),
                fix: None,
            });
        } else if key == "Port" && value != 0 && value != 8472 {
            out.report(Draft { rule: RuleId::FlannelVxlanSettings, severity: Severity::Info, at: (member.value.start, member.value.end), message: format!("vxlan Port {value}: open UDP {value} between nodes, not 8472"), why: String::from("Port 0 means the kernel default 8472 on Linux (Windows uses 4789); firewalls and security groups must allow the port you set."), fix: None });
        }
    }
    for key in ["MacPrefix", "Name"] {
        if let Some(member) = object.get_ignore_case(key) {
            out.report(Draft { rule: RuleId::FlannelVxlanSettings, severity: Severity::Info, at: (member.key_start, member.key_end), message: format!("vxlan {key} is used on Windows nodes only"), why: String::from("flannel's Windows vxlan backend reads MacPrefix and Name; Linux nodes ignore them."), fix: None });
        }
    }
    let _ = quoted;
}
