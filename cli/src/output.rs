//! Rendering a report: text for people (colour only on a terminal) and the stable JSON shape.

use std::fmt::Write as _;
use std::io::IsTerminal as _;

use podnet_core::diff::{Diff, LineEnd, LineKind, NEW_HEADER, NO_NEWLINE_NOTE, OLD_HEADER};
use podnet_core::model::Origin;
use podnet_core::{Report, Severity};
use serde_json::{json, Value};

use crate::checked::Checked;

/// True when stdout is a terminal and NO_COLOR is not set.
pub fn use_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

fn paint(text: &str, code: &str, colour: bool) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The text output of a run: one input named alone prints as [`text`] always did; several print
/// one after the other, each finding line starting with its file's name.
pub fn text_files(files: &[Checked], single: bool, colour: bool) -> String {
    let mut out = String::new();
    for (index, file) in files.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let name = file.target.display();
        out.push_str(&text(
            &file.report,
            colour,
            (!single).then_some(name.as_str()),
        ));
    }
    out
}

/// The Markdown of a run: one input named alone is the page's "Copy report" text as it is; several
/// follow each other, each under a heading with its file's name.
pub fn markdown_files(files: &[Checked], single: bool) -> String {
    let mut out = String::new();
    for (index, file) in files.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        if !single {
            let _ = writeln!(out, "# {}\n", file.target.display());
        }
        out.push_str(&podnet_core::markdown::report(&file.report));
    }
    out
}

/// `LINE:COL severity rule message` per finding (`FILE:LINE:COL …` when `file` is given), the
/// explanation and fix indented, then the diff.
pub fn text(report: &Report, colour: bool, file: Option<&str>) -> String {
    let mut out = String::new();
    let at = file.map(|name| format!("{name}:")).unwrap_or_default();
    for finding in &report.findings {
        let code = match finding.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        let severity = paint(finding.severity.as_str(), code, colour);
        let _ = writeln!(
            out,
            "{at}{}:{} {severity} {} {}",
            finding.span.line, finding.span.column, finding.rule, finding.message
        );
        let _ = writeln!(out, "    {}", finding.explanation);
        if let Some(fix) = &finding.fix {
            let _ = writeln!(out, "    fix: {}", fix.title);
        }
    }
    if report.findings.is_empty() {
        let _ = writeln!(
            out,
            "{}no findings",
            file.map(|name| format!("{name}: ")).unwrap_or_default()
        );
    }
    for redaction in &report.redactions {
        let _ = writeln!(
            out,
            "redacted {} at {at}{}:{}",
            redaction.kind, redaction.span.line, redaction.span.column
        );
    }
    if let Some(diff) = &report.diff {
        out.push('\n');
        push_diff(&mut out, diff, colour);
    }
    if !report.next_steps.is_empty() {
        out.push_str("\nthen:\n");
        for step in &report.next_steps {
            let _ = writeln!(out, "  {step}");
        }
    }
    out
}

/// The unified diff, one line per line of text (line ends shown as `\n`): removed lines and the
/// original's header red, added lines and the fixed text's header green.
fn push_diff(out: &mut String, diff: &Diff, colour: bool) {
    const RED: &str = "31";
    const GREEN: &str = "32";
    let _ = writeln!(out, "{}", paint(OLD_HEADER, RED, colour));
    let _ = writeln!(out, "{}", paint(NEW_HEADER, GREEN, colour));
    for hunk in &diff.hunks {
        let _ = writeln!(out, "{}", hunk.header());
        for line in &hunk.lines {
            let marked = format!("{}{}", line.kind.marker(), line.text);
            match line.kind {
                LineKind::Context => out.push_str(&marked),
                LineKind::Removed => out.push_str(&paint(&marked, RED, colour)),
                LineKind::Added => out.push_str(&paint(&marked, GREEN, colour)),
            }
            out.push('\n');
            if line.end == LineEnd::Missing {
                let _ = writeln!(out, "{NO_NEWLINE_NOTE}");
            }
        }
    }
}

fn saturating(value: u128) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

/// The JSON output of a run: one input named alone is the report's object (with its `file`);
/// several are `{"files": [...]}`, one such object each.
pub fn json_files(files: &[Checked], single: bool) -> String {
    let mut objects: Vec<Value> = files
        .iter()
        .map(|file| {
            let mut object = json_value(&file.report);
            let name = file
                .target
                .path
                .as_ref()
                .map_or(Value::Null, |_| Value::from(file.target.display()));
            // Each document and finding names its file too, for a run of several files.
            for list in ["documents", "findings"] {
                if let Some(items) = object[list].as_array_mut() {
                    items
                        .iter_mut()
                        .for_each(|item| item["file"] = name.clone());
                }
            }
            object["file"] = name;
            object
        })
        .collect();
    let value = match objects.pop() {
        Some(object) if single && objects.is_empty() => object,
        last => {
            objects.extend(last);
            json!({ "files": objects })
        }
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON shape of one report: fields may be added over time, none removed or renamed.
pub fn json_value(report: &Report) -> Value {
    let documents: Vec<Value> = report
        .documents
        .iter()
        .map(|d| json!({"kind": d.kind.name(), "line": d.span.line}))
        .collect();
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule.as_str(),
                "severity": f.severity.as_str(),
                "message": f.message,
                "line": f.span.line,
                "column": f.span.column,
                "fix": f.fix.as_ref().map(|fix| fix.title.clone()),
                "explanation": f.explanation,
            })
        })
        .collect();
    let capacity = report.capacity.as_ref().map(|c| {
        json!({
            "pool": c.pool.to_string(),
            "node_prefix": c.node_prefix,
            "node_ranges": saturating(c.node_ranges),
            "usable_node_ranges": saturating(c.usable_node_ranges),
            "pod_addresses_per_node": saturating(c.pod_addresses_per_node),
            "target_nodes": c.target_nodes,
            "utilization_percent": c.utilization_permille.map(|p| f64::from(p) / 10.0),
            "first_node_without_range": saturating(c.first_node_without_range),
            "service_range": c.service_range.map(|range| range.to_string()),
        })
    });
    let mtu = report.mtu.as_ref().map(|m| {
        json!({
            "backend": m.backend,
            "underlay": m.underlay,
            "underlay_source": m.underlay_source,
            "overhead": m.overhead,
            "pod_mtu": m.pod_mtu,
            "configured_pod_mtu": m.configured_pod_mtu,
            "configured_source": m.configured_source,
        })
    });
    let redactions: Vec<Value> = report
        .redactions
        .iter()
        .map(|r| json!({"kind": r.kind, "line": r.span.line, "column": r.span.column, "length": r.span.len()}))
        .collect();
    let model: Vec<Value> = report
        .model
        .statements()
        .iter()
        .map(|statement| {
            let source = statement.source;
            let (origin, document, tool) = match &source.origin {
                Origin::Document { kind, .. } => ("document", Some(kind.name()), None),
                Origin::Context => ("context", None, None),
                Origin::Default { tool } => ("default", None, Some(*tool)),
            };
            let written = matches!(source.origin, Origin::Document { .. });
            json!({
                "what": statement.what,
                "value": statement.value,
                "origin": origin,
                "key": source.key,
                "document": document,
                "tool": tool,
                "line": written.then_some(source.span.line),
                "column": written.then_some(source.span.column),
            })
        })
        .collect();
    json!({
        "documents": documents,
        "findings": findings,
        "capacity": capacity,
        "mtu": mtu,
        "redactions": redactions,
        "fixed": report.fixed,
        "diff": report.diff.as_ref().map(Diff::unified),
        "next_steps": report.next_steps,
        "model": model,
        "input_error": report.input_error.as_ref().map(|e| json!({"message": e.message(), "line": e.span.line, "column": e.span.column})),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_the_diff_is_the_unified_diff_with_newline_line_ends() {
        let diff = Diff::between("a\r\nb\r\nc", "a\r\nB\r\nC").expect("texts differ");
        let mut out = String::new();
        push_diff(&mut out, &diff, false);
        let unified: String = diff
            .unified()
            .lines()
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(out, unified);
        let mut painted = String::new();
        push_diff(&mut painted, &diff, true);
        assert!(painted.contains("\x1b[31m-b\x1b[0m\n"), "{painted:?}");
        assert!(painted.contains("\x1b[32m+B\x1b[0m\n"), "{painted:?}");
        assert!(painted.contains("\n@@ -1,3 +1,3 @@\n"), "{painted:?}");
    }
}
