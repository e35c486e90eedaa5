//! Rule `flannel/value-type`: a value of a JSON type flannel's Go structs cannot take.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::backend_names::fixed_name;
use crate::flannel::go_types::{self, GoField, TOP_LEVEL};
use crate::flannel::inputs::Check;
use crate::flannel::netconf::is_placeholder;
use crate::json::{Member, Node, Value};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelValueType,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Every value has the JSON type of the Go field flannel decodes it into.",
    what: "A key flannel reads, at the top level or in Backend for the backend in use, whose JSON value its Go type refuses: \"SubnetLen\": \"24\", \"EnableIPv6\": \"true\", \"VNI\": \"1\", \"Network\": 10, \"Backend\": {\"Type\": 1}.",
    why: "Go's encoding/json refuses the whole config (\"json: cannot unmarshal string into Go struct field ...\"), so flanneld exits at start-up with \"error parsing subnet config\" or \"error decoding ... backend config\", in kube mode and in etcd mode alike, and every node's pods stay in ContainerCreating.",
    how_to_fix: "Write the value as its Go type wants: a number without quotes, true or false, a CIDR or address in double quotes. The fix rewrites a string that holds the right value as that value (\"24\" becomes 24); anything else is left to you, since the intended value is not known.",
    source: "flannel-io/flannel pkg/subnet/config.go (struct Config, ParseConfig), pkg/subnet/kube/kube.go (\"error parsing subnet config\"), pkg/backend/* (each backend's config struct, \"error decoding ... backend config\"); Go encoding/json.",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Checks every key flannel reads, at the top level and in Backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(members) = check.conf.root.members() else {
        return;
    };
    for member in members {
        let Some(field) = TOP_LEVEL
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(&member.key))
        else {
            continue;
        };
        if field.key == "Backend" {
            continue;
        }
        report(member, field, "error parsing subnet config", out);
    }
    let Some(backend) = check.conf.backend_object() else {
        return;
    };
    let Some(backend_members) = backend.members() else {
        return;
    };
    if let Some(kind) = backend.get_ignore_case("Type") {
        if !matches!(kind.value.value, Value::String(_) | Value::Null) {
            let go = format!(
                "json: cannot unmarshal {} into Go struct field .Type of type string",
                go_types::json_kind(&kind.value)
            );
            out.report(Draft { rule: RuleId::FlannelValueType, severity: Severity::Error, at: (kind.value.start, kind.value.end), message: format!("Backend Type is {}, not a string: flanneld stops with \"error decoding Backend property of config: {go}\"", kind.value.type_name()), why: String::from("flannel reads the backend's name as a string such as \"vxlan\"; any other JSON type fails the decode of the whole config."), fix: None });
        }
    }
    let name = fixed_name(check.conf);
    let (fields, prefix) = go_types::backend_fields(&name);
    let windows = if name == "vxlan" {
        go_types::windows_vxlan_fields()
    } else {
        &[]
    };
    for member in backend_members {
        let field = fields
            .iter()
            .chain(windows)
            .find(|f| f.key.eq_ignore_ascii_case(&member.key));
        if let Some(field) = field {
            let prefix = if prefix.is_empty() {
                "error decoding backend config"
            } else {
                prefix
            };
            report(member, field, prefix, out);
        }
    }
}

fn report(member: &Member, field: &GoField, prefix: &str, out: &mut Emitter<'_>) {
    let node: &Node = &member.value;
    if is_placeholder(node) {
        return;
    }
    let Some(go) = go_types::refusal(field, node) else {
        return;
    };
    let fix = go_types::retyped(field, node).map(|literal| Fix {
        title: format!("Write {} as {literal}", field.key),
        edits: vec![out.edit(node.start, node.end, &literal)],
    });
    let wanted = match field.go_type {
        go_types::GoType::Bool => "true or false",
        go_types::GoType::Uint => "a whole number of 0 or more, without quotes",
        go_types::GoType::Int => "a whole number, without quotes",
        go_types::GoType::Duration => "a whole number of nanoseconds, without quotes",
        go_types::GoType::String => "a string in double quotes",
        go_types::GoType::Cidr => "a CIDR block in double quotes",
        go_types::GoType::Address => "an IP address in double quotes",
        go_types::GoType::Object => "an object",
    };
    out.report(Draft { rule: RuleId::FlannelValueType, severity: Severity::Error, at: (node.start, node.end), message: format!("{} is {}, but flannel reads it as {}: flanneld stops with \"{prefix}: {go}\"", member.key, node.type_name(), field.go_type_name), why: format!("flannel decodes this key into a Go {} with encoding/json, which refuses a JSON {} there and fails the whole config, so flanneld exits at start-up and pods on the node never get an address. Write {} as {wanted}.", field.go_type_name, node.type_name(), field.key), fix });
}
