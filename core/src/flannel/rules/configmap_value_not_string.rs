//! Rule `flannel/configmap-value-not-string`: a ConfigMap data value written as YAML instead of
//! a string.

use alloc::format;
use alloc::string::String;

use crate::config_map::NotAString;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelConfigmapValueNotString,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "net-conf.json and cni-conf.json in the ConfigMap are strings (block scalars), not YAML mappings.",
    what: "A flannel ConfigMap data key such as net-conf.json whose value is a YAML mapping or list instead of a string: the JSON written without `|`.",
    why: "ConfigMap data values are strings. Written without `|`, the JSON becomes a YAML mapping and the API server rejects the whole ConfigMap (\"cannot unmarshal object into Go struct field ConfigMap.data of type string\"), so flanneld never gets its config.",
    how_to_fix: "Write the value as a block scalar: `net-conf.json: |` followed by the JSON indented under it. There is no automatic fix.",
    source: "Kubernetes API reference, ConfigMap v1 (data: map of string to string); flannel-io/flannel Documentation/kube-flannel.yml (the block scalars).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each data value that is not a string.
pub fn check(not_strings: &[NotAString], out: &mut Emitter<'_>) {
    for value in not_strings {
        out.report(Draft { rule: RuleId::FlannelConfigmapValueNotString, severity: Severity::Error, at: (value.start, value.end), message: format!("{} must be a string: write it as a block scalar (`{}: |`)", value.key, value.key), why: String::from("ConfigMap data values are strings; written without `|` the JSON becomes a YAML mapping and the API server rejects the ConfigMap (\"cannot unmarshal object into Go struct field ConfigMap.data of type string\")."), fix: None });
    }
}
