//! The findings panel's words, pure text: the severity groups in the order they are shown, the
//! one-line count ("1 error, 2 warnings, 0 notes") and when there is nothing to count or offer;
//! the finding the summary under the editor leads with, and the context field a finding asks for.

use podnet_core::{Finding, Report, RuleId, Severity};

/// The severity groups, most severe first, with their headings.
pub const GROUPS: [(Severity, &str); 3] = [
    (Severity::Error, "Errors"),
    (Severity::Warning, "Warnings"),
    (Severity::Info, "Notes"),
];

/// How many findings each group holds, then "1 error, 2 warnings, 0 notes" with the right plural
/// (the core's words, which the Markdown report uses too).
pub fn summary(findings: &[Finding]) -> String {
    podnet_core::markdown::counts(findings)
}

/// The count line the panel shows, or `None` when the paste could not be read and nothing was
/// found: the input error says what happened, and "0 errors, 0 warnings, 0 notes" above it would
/// read as a clean bill of health.
pub fn summary_line(report: &Report) -> Option<String> {
    let unread = report.input_error.is_some() && report.findings.is_empty();
    (!unread).then(|| summary(&report.findings))
}

/// True when the report has a corrected config to offer: a paste podnet could not read has
/// none, and the output panel (copy, download, the diff) stays hidden.
pub fn has_output(report: &Report) -> bool {
    report.input_error.is_none()
}

/// The finding a reader should see first: the first (in paste order) of the most severe, with
/// its index in the report's findings (the list gives each item the id `finding-<index>`).
pub fn lead(report: &Report) -> Option<(usize, &Finding)> {
    report
        .findings
        .iter()
        .enumerate()
        .min_by_key(|(index, finding)| (usize::MAX - finding.severity as usize, *index))
}

/// The id of a finding's item in the findings list.
pub fn finding_id(index: usize) -> String {
    format!("finding-{index}")
}

/// The context field a finding asks the user to fill, with the words of the link that opens it:
/// the findings that exist because a value is missing (no target node count for flannel's
/// capacity, a subnet whose range the paste does not show).
pub fn asks_for(finding: &Finding) -> Option<(&'static str, &'static str)> {
    match (finding.rule, finding.severity) {
        (RuleId::FlannelCapacity, _) => Some(("nodes", "Give a target node count")),
        (RuleId::AksNodeSubnetCapacity, Severity::Info) | (RuleId::AksResourceId, _) => {
            Some(("vnet-cidr", "Give the node subnet's range"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use podnet_core::Span;

    fn finding(severity: Severity) -> Finding {
        Finding {
            rule: podnet_core::RuleId::FlannelCapacity,
            severity,
            message: String::new(),
            span: Span::default(),
            explanation: String::new(),
            fix: None,
        }
    }

    #[test]
    fn the_summary_counts_each_severity_with_its_plural() {
        assert_eq!(summary(&[]), "0 errors, 0 warnings, 0 notes");
        let findings = [
            finding(Severity::Warning),
            finding(Severity::Error),
            finding(Severity::Warning),
            finding(Severity::Info),
        ];
        assert_eq!(summary(&findings), "1 error, 2 warnings, 1 note");
    }

    #[test]
    fn an_unreadable_paste_shows_no_count_and_no_output() {
        let context = podnet_core::Context::default();
        let unread = podnet_core::analyze("just some words\n", &context);
        assert!(unread.input_error.is_some());
        assert_eq!(summary_line(&unread), None);
        assert!(!has_output(&unread));

        let read = podnet_core::analyze(
            "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}",
            &context,
        );
        assert_eq!(
            summary_line(&read).as_deref(),
            Some("0 errors, 0 warnings, 1 note")
        );
        assert!(has_output(&read));
    }

    #[test]
    fn the_lead_is_the_first_of_the_most_severe() {
        let mut report = Report::default();
        assert_eq!(lead(&report), None);
        report.findings = vec![
            finding(Severity::Info),
            finding(Severity::Warning),
            finding(Severity::Error),
            finding(Severity::Error),
        ];
        assert_eq!(lead(&report).map(|(index, _)| index), Some(2));
        report.findings.truncate(2);
        assert_eq!(lead(&report).map(|(index, _)| index), Some(1));
        assert_eq!(finding_id(1), "finding-1");
    }

    #[test]
    fn a_capacity_note_without_a_target_asks_for_the_node_count() {
        let report = podnet_core::analyze(
            "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}",
            &podnet_core::Context::default(),
        );
        let (_, lead) = lead(&report).expect("a capacity note");
        assert_eq!(asks_for(lead).map(|(key, _)| key), Some("nodes"));
        assert_eq!(
            asks_for(&finding(Severity::Error)).map(|(key, _)| key),
            Some("nodes")
        );
        let mut other = finding(Severity::Error);
        other.rule = RuleId::FlannelDelegateMtu;
        assert_eq!(asks_for(&other), None);
    }
}
