//! Rule `flannel/vxlan-settings`: the vxlan backend's VNI and Port, and its Windows-only keys.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::backend_names::known_backend;
use crate::flannel::inputs::Check;
use crate::json::Node;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelVxlanSettings,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "vxlan VNI and Port are in range; a Port other than 8472 and the Windows-only keys are pointed out.",
    what: "A VNI outside 1 to 16,777,215 or a Port outside 0 to 65,535 (errors); a Port other than 0 or 8472, which firewalls must open (information); MacPrefix and Name, which only Windows nodes read (information).",
    why: "A VXLAN network identifier is 24 bits and a port 16, so flanneld cannot create the VXLAN device with a value out of range, and the node gets no overlay. A non-default port is blocked wherever security groups and firewalls only open UDP 8472.",
    how_to_fix: "Write a VNI from 1 to 16,777,215 (Windows nodes need 4096 or more) and a Port from 0 to 65,535 (0 means the kernel default 8472 on Linux; Windows uses 4789); open the port you set between nodes. There is no automatic fix.",
    source: "flannel-io/flannel pkg/backend/vxlan (vxlan.go, vxlan_windows.go); Documentation/backends.md (VXLAN).",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks the keys of a vxlan backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(backend) = known_backend(check.conf).filter(|backend| backend.name == "vxlan") else {
        return;
    };
    vxlan(backend.object, out);
}

fn vxlan(object: &Node, out: &mut Emitter<'_>) {
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
}
