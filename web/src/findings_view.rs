//! The findings panel's words, pure text: the severity groups in the order they are shown and
//! the one-line count ("1 error, 2 warnings, 0 notes").

use podnet_core::{Finding, Severity};

/// The severity groups, most severe first, with their headings.
pub const GROUPS: [(Severity, &str); 3] = [
    (Severity::Error, "Errors"),
    (Severity::Warning, "Warnings"),
    (Severity::Info, "Notes"),
];

/// How many findings each group holds, then "1 error, 2 warnings, 0 notes" with the right plural.
pub fn summary(findings: &[Finding]) -> String {
    let words = [
        ("error", "errors"),
        ("warning", "warnings"),
        ("note", "notes"),
    ];
    let parts: Vec<String> = GROUPS
        .iter()
        .zip(words)
        .map(|((severity, _), (one, many))| {
            let n = findings.iter().filter(|f| f.severity == *severity).count();
            format!("{n} {}", if n == 1 { one } else { many })
        })
        .collect();
    parts.join(", ")
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
}
