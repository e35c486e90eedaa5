//! Rule `flannel/duplicate-key`: a key flannel reads, set twice in one object.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::keys::{checked_objects, CheckedObject};
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/duplicate-key",
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports every earlier copy of a known key, at the top level and in Backend.
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
        for (index, member) in members.iter().enumerate() {
            let later = members[index + 1..]
                .iter()
                .any(|other| other.key.eq_ignore_ascii_case(&member.key));
            if later && known.iter().any(|k| k.eq_ignore_ascii_case(&member.key)) {
                out.report(Draft { rule: RuleId::FlannelDuplicateKey, severity: Severity::Warning, at: (member.key_start, member.key_end), message: format!("{place} sets {} more than once; flannel keeps the last value", member.key), why: String::from("Go's encoding/json lets the last duplicate win (names compared ignoring case), so this earlier value has no effect."), fix: None });
            }
        }
    }
}
