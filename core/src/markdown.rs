//! A report as Markdown, for an incident ticket or a postmortem (the page's "Copy report",
//! `podnet check --format markdown`), and the prompt the page's "Copy for an AI chat" hands out:
//! the same Markdown after the redacted config and the question to ask. A config too large for
//! a chat (over [`PROMPT_WHOLE_BYTES`]) goes in as the parts the findings point at (their
//! document when it is small, else the lines around them), with what was left out and how big
//! the whole was.
//!
//! Everything here reads the [`Report`], whose text and findings are about the redacted paste, so
//! neither output can hold a secret the redaction replaced.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use crate::finding::{Finding, Severity};
use crate::report::{Capacity, MtuReport, Report};

/// "1 error, 2 warnings, 0 notes": how many findings of each severity, with the right plural.
pub fn counts(findings: &[Finding]) -> String {
    let mut out = String::new();
    for (severity, word) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "note"),
    ] {
        let n = findings.iter().filter(|f| f.severity == severity).count();
        if !out.is_empty() {
            out.push_str(", ");
        }
        let _ = write!(out, "{n} {word}{}", if n == 1 { "" } else { "s" });
    }
    out
}

/// The report as Markdown: what was read, the findings with their explanations and fixes, the
/// capacity and MTU numbers, the diff, and the next steps.
pub fn report(report: &Report) -> String {
    let mut out = String::from("## podnet report\n\n");
    if let Some(error) = &report.input_error {
        let _ = write!(
            out,
            "Could not read the paste: line {}, column {}: {}\n\n",
            error.span.line,
            error.span.column,
            error.message()
        );
    }
    if !report.documents.is_empty() {
        out.push_str("Read: ");
        for (i, document) in report.documents.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let _ = write!(
                out,
                "{sep}{} (line {})",
                document.kind.name(),
                document.span.line
            );
        }
        out.push_str(".\n\n");
    }
    let _ = write!(out, "### Findings: {}\n\n", counts(&report.findings));
    for finding in &report.findings {
        let _ = write!(
            out,
            "- **{}** `{}` (line {}, column {}): {}\n  {}\n",
            finding.severity.as_str(),
            finding.rule.as_str(),
            finding.span.line,
            finding.span.column,
            finding.message,
            finding.explanation.replace('\n', "\n  ")
        );
        if let Some(fix) = &finding.fix {
            let _ = writeln!(out, "  Fix: {}", fix.title);
        }
    }
    if report.capacity.is_some() || report.mtu.is_some() {
        out.push_str("\n### Numbers\n\n");
    }
    if let Some(capacity) = &report.capacity {
        out.push_str(&capacity_line(capacity));
    }
    if let Some(mtu) = &report.mtu {
        out.push_str(&mtu_line(mtu));
    }
    if let Some(diff) = &report.diff {
        out.push_str("\n### Fix\n\n");
        fenced(&mut out, "diff", &diff.unified());
    }
    if !report.next_steps.is_empty() {
        out.push_str("\n### Next steps\n\n");
        for (i, step) in report.next_steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {step}", i + 1);
        }
    }
    out
}

/// Up to this size the prompt holds the whole redacted config; a larger one goes in as
/// [`excerpts`].
pub const PROMPT_WHOLE_BYTES: usize = 32 * 1024;

/// A finding's document goes into the prompt whole up to this size, else the lines around it.
const DOCUMENT_BYTES: usize = 4 * 1024;

/// Lines kept before and after a finding's own lines when its document is too large.
const LINES_AROUND: usize = 5;

/// The prompt for a chat assistant: the question, the redacted config (or, over
/// [`PROMPT_WHOLE_BYTES`], the parts of it the findings point at), then [`report`].
pub fn chat_prompt(report: &Report) -> String {
    let mut out = String::from(
        "I am debugging a Kubernetes pod network. A config checker read the config below \
         (secrets redacted) and reported what follows. Is the diagnosis right, is the fix safe on a \
         running cluster, and what should I check before and after applying it?\n\n## Config\n\n",
    );
    let text = &report.text;
    if text.len() <= PROMPT_WHOLE_BYTES {
        fenced(&mut out, "", text);
    } else {
        let parts = excerpts(report);
        let all_lines = lines_in(text);
        let mut shown = (0, 0);
        let mut body = String::new();
        let mut line = 1;
        let mut at = 0;
        for (start, end) in &parts {
            let part = &text[*start..*end];
            line += lines_in(&text[at..*start]);
            let lines = lines_in(part);
            let _ = writeln!(body, "Lines {}–{}:", line, line + lines - 1);
            fenced(&mut body, "", part);
            body.push('\n');
            line += lines;
            at = *end;
            shown = (shown.0 + lines, shown.1 + part.len());
        }
        let _ = write!(
            out,
            "The config is {} bytes in {} lines, too large to paste whole: below are only the \
             lines the findings point at ({} in {} parts). Left out: {} lines, {} bytes.\n\n",
            text.len(),
            all_lines,
            shown.0,
            parts.len(),
            all_lines - shown.0,
            text.len() - shown.1,
        );
        out.push_str(&body);
    }
    out.push('\n');
    out.push_str(&self::report(report));
    out
}

/// The byte ranges of `report.text` the findings point at, whole lines, in text order and
/// merged where they touch: each finding's document when it is at most [`DOCUMENT_BYTES`], else
/// its lines with [`LINES_AROUND`] lines either side.
pub fn excerpts(report: &Report) -> Vec<(usize, usize)> {
    let text = report.text.as_str();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for finding in &report.findings {
        let start = finding.span.start.min(text.len());
        let end = finding.span.end.clamp(start, text.len());
        let document = report
            .documents
            .iter()
            .map(|d| d.span)
            .filter(|d| d.start <= start && end <= d.end && d.end <= text.len())
            .min_by_key(|d| d.end - d.start);
        let (from, to) = match document {
            Some(d) if d.end - d.start <= DOCUMENT_BYTES => {
                (line_start(text, d.start), line_end(text, d.end))
            }
            _ => (
                lines_back(text, line_start(text, start), LINES_AROUND),
                lines_on(text, line_end(text, end), LINES_AROUND),
            ),
        };
        let at = ranges.partition_point(|r| r.0 <= from);
        ranges.insert(at, (from, to));
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// How many lines `text` holds, counting a last one without its newline (none in an empty
/// text; `text` starts at a line start).
fn lines_in(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count()
        + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

/// The start of the line `at` is on.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the line `at` is on, after its newline (`at` itself at a line start past a
/// newline, so a span that ends with its newline keeps to its own lines).
fn line_end(text: &str, at: usize) -> usize {
    if at > 0 && text.as_bytes()[at - 1] == b'\n' {
        return at;
    }
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// `n` lines before the line start `at`.
fn lines_back(text: &str, mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        if at == 0 {
            break;
        }
        at = line_start(text, at - 1);
    }
    at
}

/// `n` lines after the line end `at`.
fn lines_on(text: &str, mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        if at >= text.len() {
            break;
        }
        at = line_end(text, at + 1).max(at);
    }
    at
}

fn capacity_line(c: &Capacity) -> String {
    let mut line = format!(
        "- Capacity: pool {}, a /{} per node: {} node ranges ({} usable), {} pod addresses per node",
        c.pool, c.node_prefix, c.node_ranges, c.usable_node_ranges, c.pod_addresses_per_node
    );
    if let (Some(nodes), Some(permille)) = (c.target_nodes, c.utilization_permille) {
        let _ = write!(line,
            "; {nodes} target nodes take {}.{}% of the usable ranges (node {} is the first without one)",
            permille / 10,
            permille % 10,
            c.first_node_without_range
        );
    }
    if let Some(range) = c.service_range {
        let _ = write!(line, "; service range {range}");
    }
    line + ".\n"
}

fn mtu_line(m: &MtuReport) -> String {
    let mut line = format!(
        "- MTU: underlay {} ({}) − {} bytes of {} headers = pod MTU {}",
        m.underlay, m.underlay_source, m.overhead, m.backend, m.pod_mtu
    );
    if let Some(configured) = m.configured_pod_mtu {
        let source = m.configured_source.as_deref().unwrap_or("the config");
        let _ = write!(line, "; {source} sets {configured}");
    }
    line + ".\n"
}

/// `text` in a code fence longer than any run of backquotes inside it, so nothing closes it early.
fn fenced(out: &mut String, info: &str, text: &str) {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence: String = core::iter::repeat_n('`', longest.max(2) + 1).collect();
    let end = if text.ends_with('\n') { "" } else { "\n" };
    for part in [fence.as_str(), info, "\n", text, end, fence.as_str(), "\n"] {
        out.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Context;

    fn out_of_space() -> Report {
        let context = Context {
            target_nodes: Some(300),
            ..Context::default()
        };
        crate::analyze(
            "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n",
            &context,
        )
    }

    #[test]
    fn the_report_holds_findings_numbers_and_the_diff() {
        let report = out_of_space();
        let text = self::report(&report);
        assert!(text.starts_with("## podnet report\n\nRead: "), "{text}");
        assert!(text.contains(&format!("### Findings: {}", counts(&report.findings))));
        let first = &report.findings[0];
        assert!(text.contains(&format!(
            "`{}` (line {}, column {}): {}",
            first.rule.as_str(),
            first.span.line,
            first.span.column,
            first.message
        )));
        let capacity = report.capacity.as_ref().expect("capacity");
        assert!(text.contains(&format!(
            "- Capacity: pool {}, a /{} per node: {} node ranges",
            capacity.pool, capacity.node_prefix, capacity.node_ranges
        )));
        assert!(text.contains("300 target nodes take"), "{text}");
        let diff = report.diff.as_ref().expect("a fix").unified();
        assert!(text.contains(&format!("```diff\n{diff}```\n")), "{text}");
    }

    #[test]
    fn counts_use_the_plural_for_all_but_one() {
        let report = out_of_space();
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        assert!(counts(&report.findings).starts_with(&format!(
            "{errors} error{}",
            if errors == 1 { ", " } else { "s, " }
        )));
        assert_eq!(counts(&[]), "0 errors, 0 warnings, 0 notes");
    }

    #[test]
    fn an_unreadable_paste_says_where_and_why() {
        let report = crate::analyze("just some words\n", &Context::default());
        let error = report.input_error.as_ref().expect("unreadable");
        let text = self::report(&report);
        assert!(text.contains(&format!(
            "line {}, column {}: {}",
            error.span.line,
            error.span.column,
            error.message()
        )));
    }

    #[test]
    fn the_prompt_holds_the_redacted_config_and_never_a_secret() {
        let secret = "FAKE-Passw0rd-EXAMPLE-9c2f1e7a";
        let paste = format!(
            "net-conf.json: {{\"Network\": \"10.244.0.0/16\", \"Backend\": {{\"Type\": \"vxlan\"}}}}\npassword: {secret}\n"
        );
        let report = crate::analyze(&paste, &Context::default());
        assert!(!report.redactions.is_empty(), "the password is redacted");
        let prompt = chat_prompt(&report);
        assert!(!prompt.contains(secret), "{prompt}");
        assert!(prompt.contains(&format!("```\n{}```\n", report.text)));
        assert!(prompt.contains("REDACTED_"));
        assert!(prompt.ends_with(&self::report(&report)));
    }

    /// The out-of-space ConfigMap after `filler` lines of other ConfigMaps, then more of them.
    fn large(filler: usize) -> (String, Report) {
        let mut paste = String::new();
        for i in 0..filler {
            let _ = write!(paste, "---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: filler-{i}\ndata:\n  note: \"{}\"\n", "x".repeat(60));
        }
        paste.push_str("---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n");
        for i in 0..filler {
            let _ = write!(paste, "---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: after-{i}\ndata:\n  note: \"{}\"\n", "y".repeat(60));
        }
        let context = Context {
            target_nodes: Some(300),
            ..Context::default()
        };
        let report = crate::analyze(&paste, &context);
        (paste, report)
    }

    #[test]
    fn a_small_config_goes_into_the_prompt_whole() {
        let (paste, report) = large(20);
        assert!(paste.len() < PROMPT_WHOLE_BYTES);
        let prompt = chat_prompt(&report);
        assert!(prompt.contains(&format!("```\n{}```\n", report.text)));
        assert!(!prompt.contains("too large to paste whole"));
    }

    #[test]
    fn a_large_config_goes_in_as_the_documents_the_findings_point_at() {
        let (paste, report) = large(3_000);
        assert!(paste.len() > 500_000, "{}", paste.len());
        let flannel = report
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .expect("the /16 is too small for 300 nodes");
        let prompt = chat_prompt(&report);
        assert!(prompt.len() < 20_000, "{} bytes", prompt.len());
        // The ConfigMap the finding is about, whole, with its lines.
        let start = paste
            .find("kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg")
            .expect("cm");
        let first_line = paste[..start].matches('\n').count() + 1;
        let document = &paste[start
            ..paste[start..]
                .find("---\n")
                .map_or(paste.len(), |i| start + i)];
        assert!(prompt.contains(document), "{prompt}");
        assert!(prompt.contains(&format!("Lines {first_line}–")), "{prompt}");
        assert!(flannel.span.line as usize >= first_line);
        // What was left out, and how big the whole was.
        let lines = paste.lines().count();
        assert!(
            prompt.contains(&format!(
                "The config is {} bytes in {lines} lines",
                paste.len()
            )),
            "{prompt}"
        );
        assert!(prompt.contains("Left out: "), "{prompt}");
        assert!(
            !prompt.contains("filler-10\n"),
            "a ConfigMap no finding is about stays out"
        );
        // The report follows as before.
        assert!(prompt.ends_with(&self::report(&report)));
    }

    #[test]
    fn excerpts_of_a_large_document_are_the_lines_around_and_merge_when_they_touch() {
        let mut text = String::new();
        for i in 1..=1000 {
            let _ = writeln!(text, "line {i}");
        }
        let at = |line: usize| text.find(&format!("line {line}\n")).expect("line");
        let finding = |line: usize| {
            let mut f = out_of_space().findings.remove(0);
            f.span = crate::Span {
                start: at(line),
                end: at(line) + 4,
                ..f.span
            };
            f
        };
        let report = Report {
            text: text.clone(),
            findings: alloc::vec![finding(500), finding(20), finding(24)],
            documents: Vec::new(),
            ..out_of_space()
        };
        let parts = excerpts(&report);
        // Lines 15–29 (20 and 24 with five around each, merged) and 495–505.
        assert_eq!(parts, [(at(15), at(30)), (at(495), at(506))]);
    }

    #[test]
    fn a_fence_outgrows_the_backquotes_inside() {
        let mut out = String::new();
        fenced(&mut out, "", "a ```` b");
        assert_eq!(out, "`````\na ```` b\n`````\n");
    }
}
