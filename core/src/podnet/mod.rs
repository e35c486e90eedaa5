//! podnet's own directives in the text a user checks: inline suppressions
//! (`# podnet: ignore[rule-id] reason`) and the rule that reports an unused one.
//!
//! The CLI calls this after [`crate::analyze`]; the page does not (a paste has no project to
//! keep suppressions in), so the page carries none of it.

pub mod rules;
pub mod suppression;

use alloc::vec::Vec;

use crate::finding::Finding;
use crate::span::LineIndex;

/// Applies the suppression comments of `text` (the analysed text the findings point into):
/// drops the findings they cover, and adds a `podnet/unused-suppression` finding for each rule id
/// a comment names that silenced nothing. Returns how many findings were suppressed (the caller
/// recomputes the fixed text when any were).
pub fn apply_suppressions(text: &str, findings: &mut Vec<Finding>) -> usize {
    let suppressions = suppression::find(text);
    if suppressions.is_empty() {
        return 0;
    }
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|suppression| alloc::vec![false; suppression.rules.len()])
        .collect();
    let before = findings.len();
    findings.retain(|finding| {
        let mut suppressed = false;
        for (suppression, used) in suppressions.iter().zip(used.iter_mut()) {
            if !suppression.covers(finding.span.line) {
                continue;
            }
            for (named, used) in suppression.rules.iter().zip(used.iter_mut()) {
                if finding.rule == named.id.as_str() {
                    *used = true;
                    suppressed = true;
                }
            }
        }
        !suppressed
    });
    let suppressed = before - findings.len();
    let index = LineIndex::new(text);
    for (suppression, used) in suppressions.iter().zip(&used) {
        let unused: Vec<usize> = (0..used.len()).filter(|&at| !used[at]).collect();
        if !unused.is_empty() {
            findings.extend(rules::unused_suppression::check(
                suppression,
                &unused,
                &index,
            ));
        }
    }
    crate::sort_findings(findings);
    suppressed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleId;
    use crate::{analyze, Context};

    const NET_CONF: &str = "{\n  \"Network\": \"10.244.0.0/16\",\n  \"SubnetLen\": 24,\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n";

    fn rules(findings: &[Finding]) -> Vec<&'static str> {
        findings
            .iter()
            .map(|finding| finding.rule.as_str())
            .collect()
    }

    #[test]
    fn a_suppression_drops_its_rule_on_its_line_or_the_next_and_reports_what_is_unused() {
        let text = "az aks create -g rg -n c --network-plugin kubenet --max-pods 300 # podnet: ignore[aks/max-pods] we know\n";
        let context = Context::default();
        let mut findings = analyze(text, &context).findings;
        assert!(
            rules(&findings).contains(&"aks/max-pods"),
            "{:?}",
            rules(&findings)
        );
        let suppressed = apply_suppressions(text, &mut findings);
        assert_eq!(suppressed, 1);
        assert!(!rules(&findings).contains(&"aks/max-pods"));
        assert!(!rules(&findings).contains(&"podnet/unused-suppression"));

        let text = "# podnet: ignore[aks/max-pods, aks/nope]\naz aks create -g rg -n c --network-plugin kubenet --max-pods 300\n";
        let mut findings = analyze(text, &context).findings;
        apply_suppressions(text, &mut findings);
        assert!(!rules(&findings).contains(&"aks/max-pods"));
        let unused: Vec<&Finding> = findings
            .iter()
            .filter(|finding| finding.rule == RuleId::PodnetUnusedSuppression)
            .collect();
        assert_eq!(unused.len(), 1);
        assert_eq!((unused[0].span.line, unused[0].span.column), (1, 32));
        assert!(
            unused[0].message.contains("no rule `aks/nope`"),
            "{}",
            unused[0].message
        );
        assert!(
            unused[0].fix.is_none(),
            "only the unused id is wrong, not the comment"
        );
    }

    #[test]
    fn a_suppression_that_silences_nothing_is_removed_by_its_fix() {
        let text = "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\n# podnet: ignore[flannel/node-capacity] too small, we know\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
        let mut findings = analyze(text, &Context::default()).findings;
        apply_suppressions(text, &mut findings);
        let unused = findings
            .iter()
            .find(|finding| finding.rule == RuleId::PodnetUnusedSuppression)
            .expect("unused");
        assert_eq!((unused.span.line, unused.span.column), (6, 1));
        assert!(unused
            .message
            .contains("`flannel/node-capacity` reports nothing here"));
        let fixed = crate::apply_fixes(text, core::slice::from_ref(unused));
        assert_eq!(
            fixed,
            text.replace(
                "# podnet: ignore[flannel/node-capacity] too small, we know\n",
                ""
            )
        );
    }

    #[test]
    fn text_without_suppressions_keeps_its_findings() {
        let context = Context {
            target_nodes: Some(300),
            ..Context::default()
        };
        let mut findings = analyze(NET_CONF, &context).findings;
        let expected = findings.clone();
        assert_eq!(apply_suppressions(NET_CONF, &mut findings), 0);
        assert_eq!(findings, expected);
    }
}
