//! Checks the integration tests share.

use podnet_core::{Finding, Report, Severity};

/// The errors `again` (the analysis of `report`'s fixed text) still raises under a rule whose
/// error `report` offered to fix: each one is a fix that did not fix. An error the report raised
/// without a fix (same rule, same message) is not one: nothing claimed to fix it.
pub fn errors_the_fix_left<'a>(report: &Report, again: &'a Report) -> Vec<&'a Finding> {
    let fixed_rules: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.fix.is_some() && f.severity == Severity::Error)
        .map(|f| f.rule.as_str())
        .collect();
    let unfixed = |finding: &Finding| {
        report.findings.iter().any(|f| {
            f.fix.is_none()
                && f.severity == Severity::Error
                && f.rule == finding.rule
                && f.message == finding.message
        })
    };
    again
        .findings
        .iter()
        .filter(|f| {
            f.severity == Severity::Error && fixed_rules.contains(&f.rule.as_str()) && !unfixed(f)
        })
        .collect()
}
