//! A report as Markdown, for an incident ticket or a postmortem (the page's "Copy report",
//! `podnet check --format markdown`), and the prompt the page's "Copy for an AI chat" hands out:
//! the same Markdown after the redacted config and the question to ask.
//!
//! Everything here reads the [`Report`], whose text and findings are about the redacted paste, so
//! neither output can hold a secret the redaction replaced.

use alloc::format;
use alloc::string::String;
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

/// The prompt for a chat assistant: the question, the redacted config, then [`report`].
pub fn chat_prompt(report: &Report) -> String {
    let mut out = String::from(
        "I am debugging a Kubernetes pod network. A config checker read the config below \
         (secrets redacted) and reported what follows. Is the diagnosis right, is the fix safe on a \
         running cluster, and what should I check before and after applying it?\n\n## Config\n\n",
    );
    fenced(&mut out, "", &report.text);
    out.push('\n');
    out.push_str(&self::report(report));
    out
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

    #[test]
    fn a_fence_outgrows_the_backquotes_inside() {
        let mut out = String::new();
        fenced(&mut out, "", "a ```` b");
        assert_eq!(out, "`````\na ```` b\n`````\n");
    }
}
