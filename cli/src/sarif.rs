//! `podnet check --format sarif`: a SARIF 2.1.0 log for code-scanning tools (GitHub code
//! scanning, Azure DevOps, IDE viewers).
//!
//! One run: the tool with every rule of the registry (id, name, short and full description, help
//! text as `podnet explain` prints it, a `helpUri` to the rule's file in the repository, default
//! level), and one result per finding with its region (lines and columns counted in characters,
//! `columnKind` `unicodeCodePoints`), the artifact's URI relative to the working directory
//! (`%SRCROOT%`), and the fix as replacements. Built with `serde_json` by hand: the log is a
//! few fixed objects, which a typed SARIF crate would not make simpler (ARCHITECTURE.md says why).

use std::path::Path;

use podnet_core::rules::RuleInfo;
use podnet_core::{Finding, LineIndex, RuleId, Severity};
use serde_json::{json, Value};

use crate::checked::Checked;
use crate::region::Region;

/// The URI base id results are relative to: the working directory podnet ran in.
pub const SRCROOT: &str = "%SRCROOT%";

/// The SARIF log of a run, as pretty JSON with a final newline; `unusable` holds the reasons of
/// the inputs that could not be read, which become error notifications of the invocation.
pub fn log(files: &[Checked], unusable: &[String]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let results: Vec<Value> = files
        .iter()
        .flat_map(|file| {
            let location = artifact_location(file.target.path.as_deref(), &cwd);
            let index = LineIndex::new(&file.report.text);
            // Edits point into the redacted text; with a secret in the file a placeholder would
            // land in it, so such a file's fixes stay out of the log (`podnet fix` restores them).
            let fixable = file.report.redactions.is_empty();
            file.report
                .findings
                .iter()
                .map(|finding| result(finding, &location, &index, fixable))
                .collect::<Vec<_>>()
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "podnet",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": RuleId::ALL.iter().map(|rule| descriptor(rule.info())).collect::<Vec<_>>(),
                }
            },
            "invocations": [{
                "executionSuccessful": unusable.is_empty(),
                "toolExecutionNotifications": unusable
                    .iter()
                    .map(|reason| json!({ "level": "error", "message": { "text": sentence(reason) } }))
                    .collect::<Vec<_>>(),
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// A rule's `reportingDescriptor`.
fn descriptor(info: &RuleInfo) -> Value {
    json!({
        "id": info.id(),
        "name": pascal_case(info.id()),
        "shortDescription": { "text": info.summary },
        "fullDescription": { "text": sentence(info.what) },
        "help": { "text": crate::rules::documentation(info) },
        "helpUri": help_uri(info),
        "defaultConfiguration": { "level": level(info.severity) },
        "properties": { "tags": [info.area.as_str()], "fix": info.fix.as_str() },
    })
}

/// The rule's documentation in the repository: the file that declares and checks it.
pub fn help_uri(info: &RuleInfo) -> String {
    format!(
        "{}/blob/main/{}",
        env!("CARGO_PKG_REPOSITORY"),
        info.file.replace('\\', "/")
    )
}

/// One finding as a `result`.
fn result(finding: &Finding, location: &Value, index: &LineIndex<'_>, fixable: bool) -> Value {
    let rule_index = RuleId::ALL.iter().position(|rule| *rule == finding.rule);
    let mut result = json!({
        "ruleId": finding.rule.as_str(),
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": { "text": sentence(&finding.message) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location,
                "region": with_snippet(index, finding.span.start, finding.span.end),
            }
        }],
        "properties": { "explanation": finding.explanation },
    });
    if let Some(lines) = context_region(index, finding.span.start, finding.span.end) {
        result["locations"][0]["physicalLocation"]["contextRegion"] = lines;
    }
    if let Some(fix) = finding.fix.as_ref().filter(|_| fixable) {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                json!({
                    "deletedRegion": region(Region::of(index, edit.start, edit.end)),
                    "insertedContent": { "text": edit.replacement },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": sentence(&fix.title) },
            "artifactChanges": [{ "artifactLocation": location, "replacements": replacements }],
        }]);
    }
    result
}

/// The region of `start..end` with its text as the snippet (the analysed, redacted text: no
/// secret reaches the log).
fn with_snippet(index: &LineIndex<'_>, start: usize, end: usize) -> Value {
    let mut value = region(Region::of(index, start, end));
    let text = index.text().get(start..end.max(start)).unwrap_or_default();
    value["snippet"] = json!({ "text": text });
    value
}

/// The whole lines `start..end` touches, with their text: what a viewer shows around a result;
/// none when the finding already covers them (SARIF wants a context larger than the region).
fn context_region(index: &LineIndex<'_>, start: usize, end: usize) -> Option<Value> {
    let text = index.text();
    let start = start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let end = end.max(start).min(text.len());
    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
    ((line_start, line_end) != (start, end)).then(|| with_snippet(index, line_start, line_end))
}

fn region(region: Region) -> Value {
    json!({
        "startLine": region.start_line,
        "startColumn": region.start_column,
        "endLine": region.end_line,
        "endColumn": region.end_column,
    })
}

/// SARIF's level for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF asks for messages that are sentences: a final period where the text has no end mark.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// `flannel/node-capacity` → `FlannelNodeCapacity`, the rule's friendly name.
fn pascal_case(id: &str) -> String {
    id.split(['/', '-'])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// The `artifactLocation` of an input: relative to the working directory (`%SRCROOT%`) when the
/// file is under it, an absolute `file:` URI otherwise, `stdin` for standard input.
fn artifact_location(path: Option<&Path>, cwd: &Path) -> Value {
    let Some(path) = path else {
        return json!({ "uri": "stdin" });
    };
    let absolute = crate::files::absolute(path, cwd);
    match absolute.strip_prefix(crate::files::absolute(Path::new("."), cwd)) {
        Ok(relative) => json!({ "uri": uri_path(relative), "uriBaseId": SRCROOT }),
        Err(_) => json!({ "uri": format!("file://{}", uri_path(&absolute)) }),
    }
}

/// A path as a URI path: `/`-separated, every byte outside RFC 3986's unreserved set and `/`
/// percent-encoded.
pub fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sentences_and_uris() {
        assert_eq!(pascal_case("flannel/node-capacity"), "FlannelNodeCapacity");
        assert_eq!(sentence("Network is too small"), "Network is too small.");
        assert_eq!(sentence("Is it?"), "Is it?");
        assert_eq!(uri_path(Path::new("a b/ü.json")), "a%20b/%C3%BC.json");
        let cwd = Path::new("/repo/sub");
        assert_eq!(
            artifact_location(Some(Path::new("./x/../net-conf.json")), cwd),
            json!({"uri": "net-conf.json", "uriBaseId": SRCROOT})
        );
        assert_eq!(
            artifact_location(Some(Path::new("../other.yaml")), cwd),
            json!({"uri": "file:///repo/other.yaml"})
        );
        assert_eq!(
            artifact_location(Some(Path::new("/repo/sub/a/b.sh")), cwd),
            json!({"uri": "a/b.sh", "uriBaseId": SRCROOT})
        );
    }
}
