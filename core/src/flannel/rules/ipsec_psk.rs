//! Rule `flannel/ipsec-psk`: the ipsec backend's pre-shared key is there and at least 96
//! characters long (counted before redaction).

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
    rule: RuleId::FlannelIpsecPsk,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The ipsec backend has a PSK of at least 96 characters.",
    what: "An ipsec Backend without PSK, or with one shorter than 96 characters. A redacted PSK is measured by the length redaction recorded; when that is not known, the finding says so as information.",
    why: "flanneld's ipsec backend refuses a missing or short pre-shared key at start-up with \"config error, password is too short\", so no node joins the encrypted overlay.",
    how_to_fix: "Generate a key of 96 characters or more, e.g. `dd if=/dev/urandom count=48 bs=1 status=none | xxd -p -c 48`, and set it as PSK. There is no automatic fix: podnet never writes secrets.",
    source: "flannel-io/flannel pkg/backend/ipsec/ipsec.go (\"config error, password is too short\"); Documentation/backends.md (IPSec: PSK required, at least 96 characters).",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks the PSK of an ipsec backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(backend) = known_backend(check.conf).filter(|backend| backend.name == "ipsec") else {
        return;
    };
    psk(check, backend.object, out);
}

fn psk(check: &Check<'_>, object: &Node, out: &mut Emitter<'_>) {
    let Some(member) = object.get_ignore_case("PSK") else {
        out.report(Draft { rule: RuleId::FlannelIpsecPsk, severity: Severity::Error, at: (object.start, object.start + 1), message: String::from("config error, password is too short: the ipsec backend needs a PSK"), why: String::from("The ipsec backend requires a pre-shared key of at least 96 characters (generate one with `dd if=/dev/urandom count=48 bs=1 status=none | xxd -p -c 48`)."), fix: None });
        return;
    };
    let Some(value) = member.value.as_str() else {
        return;
    };
    let redacted = value.starts_with(crate::redact::PLACEHOLDER_PREFIX);
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
        out.report(Draft { rule: RuleId::FlannelIpsecPsk, severity: Severity::Error, at: (member.value.start, member.value.end), message: format!("config error, password is too short: the ipsec PSK has {length} characters{note}, flannel needs at least 96"), why: String::from("flanneld's ipsec backend refuses a pre-shared key under 96 characters; generate one with `dd if=/dev/urandom count=48 bs=1 status=none | xxd -p -c 48`."), fix: None });
    }
}
