//! Rule `flannel/duplicate-key`: a key flannel reads, set twice in one object.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::keys::{checked_objects, CheckedObject};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelDuplicateKey,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "A key flannel reads is set once per object.",
    what: "A known key of net-conf.json or of its Backend written more than once in the same object, names compared ignoring case (\"Network\" and \"network\" are the same key); each earlier one is reported.",
    why: "Go's encoding/json lets the last duplicate win, so the earlier value has no effect: whoever edits that one sees no change, and a review reads the wrong value.",
    how_to_fix: "Delete the earlier copies and keep the value you mean in one place. There is no automatic fix: which copy is meant is not known.",
    source: "Go encoding/json (Unmarshal: case-insensitive key match, the last duplicate wins); flannel-io/flannel pkg/subnet/config.go (ParseConfig decodes with encoding/json).",
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
