//! The rule registry against the code and the corpus: every rule of a documented area says what it
//! checks, what it finds, why it matters, how to fix it and where it comes from, and the fix safety
//! it declares agrees with the fixture corpus (a rule whose findings carry a fix there declares
//! one; a rule that declares none never carries one).
//!
//! An area joins by adding it to [`DOCUMENTED_AREAS`].

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use podnet_core::analyze;
use podnet_core::rules::{Area, FixSafety, RuleId};

/// The fixture cases, found and read as `core/tests/fixtures/` runs them.
#[path = "fixtures/case.rs"]
#[allow(dead_code)]
mod case;

/// The areas whose rules are documented, and held to it here.
const DOCUMENTED_AREAS: [Area; 4] = [Area::Flannel, Area::Aks, Area::Cluster, Area::Podnet];

fn documented_rules() -> impl Iterator<Item = RuleId> {
    RuleId::ALL
        .iter()
        .copied()
        .filter(|rule| DOCUMENTED_AREAS.contains(&rule.info().area))
}

#[test]
fn every_id_starts_with_its_declared_area() {
    for &rule in RuleId::ALL {
        assert_eq!(rule.area_name(), rule.info().area.as_str(), "{rule}");
    }
}

#[test]
fn every_documented_rule_says_what_why_how_to_fix_and_where_from() {
    let mut missing = Vec::new();
    for rule in documented_rules() {
        let info = rule.info();
        for (field, text) in [
            ("summary", info.summary),
            ("what", info.what),
            ("why", info.why),
            ("how_to_fix", info.how_to_fix),
            ("source", info.source),
        ] {
            if text.trim().is_empty() {
                missing.push(format!("{} ({}): no {field}", info.id(), info.file));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} documentation fields are empty:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn declared_fix_safety_agrees_with_the_fixture_corpus() {
    // Each rule whose findings carry a fix somewhere in the corpus, with the first case that shows it.
    let mut fixed: BTreeMap<RuleId, PathBuf> = BTreeMap::new();
    let cases = case::cases();
    assert!(!cases.is_empty(), "no fixtures found");
    for case in &cases {
        let text = fs::read_to_string(&case.path)
            .unwrap_or_else(|e| panic!("{}: {e}", case.path.display()));
        let context = case
            .context()
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let report = analyze(&text, &context);
        for finding in report.findings.iter().filter(|f| f.fix.is_some()) {
            fixed
                .entry(finding.rule)
                .or_insert_with(|| case.path.clone());
        }
    }
    let mut problems = Vec::new();
    for rule in documented_rules() {
        let info = rule.info();
        if let (Some(case), FixSafety::None) = (fixed.get(&rule), info.fix) {
            problems.push(format!(
                "{} declares fix: FixSafety::None, but its finding in {} carries a fix ({})",
                info.id(),
                case.display(),
                info.file
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
