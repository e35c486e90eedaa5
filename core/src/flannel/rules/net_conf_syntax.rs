//! Rule `flannel/net-conf-syntax`: an embedded net-conf.json or cni-conf.json that is not a JSON
//! object, or that a template or a hand redaction stands in for (then it says, as information,
//! that the document is not checked).

use alloc::format;
use alloc::string::String;

use crate::embed::Embedded;
use crate::finding::{Finding, Severity};
use crate::input_error::{InputError, InputErrorKind};
use crate::json::{self, Node};
use crate::report::AreaOutcome;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};
use crate::span::LineIndex;

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelNetConfSyntax,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "The embedded net-conf.json and cni-conf.json are JSON objects.",
    what: "A net-conf.json or cni-conf.json (bare, or in the ConfigMap) that is not valid JSON or not a JSON object, with the line and column of the first error. As information: a document a template inserts or decides, or one replaced by hand with a stand-in, which is then not checked.",
    why: "flanneld reads net-conf.json with Go's encoding/json and exits at start-up when it does not parse (\"error parsing subnet config\" in kube mode), and the CNI library refuses a cni-conf.json that does not parse, so no pod on the node gets a network. Nothing else in the document can be judged until it parses.",
    how_to_fix: "Correct the JSON at the line and column given (a trailing comma, a missing quote or brace, single quotes). For a template, render it (helm template) or read the ConfigMap from the cluster (kubectl get cm -o yaml) and paste the result. There is no automatic fix.",
    source: "flannel-io/flannel pkg/subnet/config.go (ParseConfig, Go encoding/json) and pkg/subnet/kube/kube.go (\"error parsing subnet config\"); the JSON grammar (RFC 8259).",
    fix: FixSafety::None,
    file: file!(),
};

/// Parses the embedded JSON document `inner` (`what` names it: net-conf.json or cni-conf.json) and
/// returns its object; otherwise reports why it is not checked. A syntax error becomes an error
/// finding and the area's input error, both at the exact line and column of the paste.
pub fn check(
    inner: &Embedded,
    what: &'static str,
    index: &LineIndex<'_>,
    templated: bool,
    outcome: &mut AreaOutcome,
) -> Option<Node> {
    let at = |offset: usize| {
        let at = inner.map.outer(offset.min(inner.text.len()));
        index.span(at, at)
    };
    if templated && crate::placeholder::is_placeholder(&inner.text) {
        outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Info, message: format!("{what} is set by a template, so it is not checked"), span: at(0), explanation: String::from("A template tag inserts the whole document when the chart is rendered. Render it (helm template) or read it from the cluster (kubectl get cm -o yaml) and paste the result to check it."), fix: None });
        return None;
    }
    if crate::placeholder::is_hand_redacted(&inner.text) {
        outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Info, message: format!("{what} was left out of the paste (\"{}\"), so it is not checked", inner.text.trim()), span: at(0), explanation: String::from("The value stands in for the real document (someone redacted it before posting). Paste the document itself to check it."), fix: None });
        return None;
    }
    let parsed = json::parse(&inner.text);
    let parsed = match (parsed, templated) {
        (Err(_), true) => {
            // A template's bare `{{ value }}` became underscores: read them as string placeholders.
            let quoted = crate::template::quote_bare_placeholders(&inner.text);
            match quoted.as_deref().map(json::parse) {
                Some(Ok(root)) => Ok(root),
                _ => {
                    outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Info, message: format!("{what} is a template that is JSON only once rendered, so it is not checked"), span: at(0), explanation: String::from("Template tags ({{ … }}, {% … %}) decide what the document holds (conditionals, values inserted as JSON). Render it (helm template, ansible --check, or read it from the cluster with kubectl get cm -o yaml) and paste the result to check it."), fix: None });
                    return None;
                }
            }
        }
        (parsed, _) => parsed,
    };
    let (offset, kind) = match parsed {
        Ok(root) if root.members().is_some() => return Some(root),
        Ok(root) => (
            root.start,
            InputErrorKind::EmbeddedJsonNotObject {
                document: what,
                found: root.type_name(),
            },
        ),
        Err(error) => (
            error.offset,
            InputErrorKind::EmbeddedJsonSyntax {
                document: what,
                error: error.kind,
            },
        ),
    };
    let span = at(offset);
    let message = format!("{kind} (line {}, column {})", span.line, span.column);
    outcome.findings.push(Finding { rule: RuleId::FlannelNetConfSyntax, severity: Severity::Error, message, span, explanation: String::from("flanneld reads this text with Go's encoding/json and exits at start-up when it does not parse (\"failed to parse network config\")."), fix: None });
    outcome.input_error.get_or_insert(InputError { kind, span });
    None
}
