//! Rule `flannel/configmap-value-not-string`: a ConfigMap data value written as YAML instead of
//! a string.

use alloc::format;
use alloc::string::String;

use crate::detect::NotAString;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/configmap-value-not-string",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each data value that is not a string.
pub fn check(not_strings: &[NotAString], out: &mut Emitter<'_>) {
    for value in not_strings {
        out.report(Draft { rule: RuleId::FlannelConfigmapValueNotString, severity: Severity::Error, at: (value.start, value.end), message: format!("{} must be a string: write it as a block scalar (`{}: |`)", value.key, value.key), why: String::from("ConfigMap data values are strings; written without `|` the JSON becomes a YAML mapping and the API server rejects the ConfigMap (\"cannot unmarshal object into Go struct field ConfigMap.data of type string\")."), fix: None });
    }
}
