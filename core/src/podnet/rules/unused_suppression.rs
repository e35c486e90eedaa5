//! Rule `podnet/unused-suppression`: a `podnet: ignore[…]` that silences nothing.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::finding::{Edit, Finding, Fix, Severity};
use crate::podnet::suppression::Suppression;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::span::LineIndex;

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::PodnetUnusedSuppression,
    area: Area::Podnet,
    severity: Severity::Warning,
    summary: "A suppression comment or config entry that silences no finding.",
    what: "A `# podnet: ignore[rule-id]` comment (or `//` in Bicep and HCL) whose rule reports nothing on its line or the next, a rule id podnet does not have, or a `[[suppress]]` entry of `.podnet.toml` whose rule reports nothing in its file.",
    why: "A suppression outlives the problem it silenced: once the config is fixed, the stale comment would hide the same rule's next finding there without anyone deciding so. A misspelled rule id silences nothing at all.",
    how_to_fix: "Delete the suppression (the fix removes the comment), or correct the rule id (`podnet rules` lists them).",
    source: "podnet's own rule, after ruff's unused-noqa (RUF100).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// The finding for `suppression`, whose rules at `unused` (indices into its rule list) silenced
/// nothing: one finding on the whole comment, with a fix that deletes it, when none of its rules
/// was used; else one per unused rule id, without a fix.
pub fn check(suppression: &Suppression, unused: &[usize], index: &LineIndex<'_>) -> Vec<Finding> {
    let describe = |at: usize| {
        let named = &suppression.rules[at];
        match RuleId::from_id(&named.id) {
            Some(_) => format!("`{}` reports nothing here", named.id),
            None => {
                let close = RuleId::closest(&named.id);
                if close.is_empty() {
                    format!("podnet has no rule `{}`", named.id)
                } else {
                    format!(
                        "podnet has no rule `{}` (did you mean {}?)",
                        named.id,
                        close.join(", ")
                    )
                }
            }
        }
    };
    let why = String::from(
        "A suppression applies to findings of its rules on its own line (and, on a line of its own, the next line). Nothing it names is reported there, so it silences nothing today and would hide a later finding.",
    );
    if unused.len() == suppression.rules.len() {
        let reasons: Vec<String> = unused.iter().map(|&at| describe(at)).collect();
        let (start, end) = suppression.directive;
        return vec![Finding {
            rule: RuleId::PodnetUnusedSuppression,
            severity: Severity::Warning,
            message: format!("unused suppression: {}", reasons.join("; ")),
            span: index.span(start, end),
            explanation: why,
            fix: Some(Fix {
                title: String::from("Remove the unused suppression"),
                edits: vec![Edit::replace(
                    suppression.removal.0,
                    suppression.removal.1,
                    "",
                )],
            }),
        }];
    }
    unused
        .iter()
        .map(|&at| {
            let (start, end) = suppression.rules[at].span;
            Finding {
                rule: RuleId::PodnetUnusedSuppression,
                severity: Severity::Warning,
                message: format!("unused suppression: {}", describe(at)),
                span: index.span(start, end),
                explanation: why.clone(),
                fix: None,
            }
        })
        .collect()
}

/// The finding for a `[[suppress]]` entry of the project config (at `span` of the config's text,
/// its rule id) whose rule reported nothing in `path`.
pub fn check_config_entry(rule: &str, path: &str, span: crate::span::Span) -> Finding {
    Finding {
        rule: RuleId::PodnetUnusedSuppression,
        severity: Severity::Warning,
        message: format!("unused suppression: `{rule}` reports nothing in {path}"),
        span,
        explanation: String::from(
            "A `[[suppress]]` entry silences its rule's findings in its file. The rule reported nothing there in this run, so the entry silences nothing today and would hide a later finding.",
        ),
        fix: None,
    }
}
