//! The aks rule registry against what the rules do: every aks rule is documented, and the fix
//! safety it declares matches the fixes its findings carry in the fixture snapshots.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use podnet_core::rules::{Area, FixSafety};
use podnet_core::{analyze, Context, RuleId};

fn aks_rules() -> impl Iterator<Item = RuleId> {
    RuleId::ALL
        .iter()
        .copied()
        .filter(|rule| rule.info().area == Area::Aks)
}

#[test]
fn aks_rules_are_documented() {
    assert!(aks_rules().count() > 30, "the aks rules are not registered");
    for rule in aks_rules() {
        let info = rule.info();
        let fields = [
            ("summary", info.summary),
            ("what", info.what),
            ("why", info.why),
            ("how_to_fix", info.how_to_fix),
            ("source", info.source),
        ];
        for (name, text) in fields {
            assert!(!text.trim().is_empty(), "{rule}: {name} is empty");
            // A sentence, which may end in a quotation.
            assert!(
                text.trim_end_matches('"').ends_with('.'),
                "{rule}: {name} is not a sentence: {text}"
            );
            // Lines joined with `\` in the source leave no double blanks and no line breaks.
            assert!(
                !text.contains("  "),
                "{rule}: {name} has a double blank: {text}"
            );
            assert!(
                !text.contains('\n'),
                "{rule}: {name} has a line break: {text}"
            );
        }
        assert!(
            info.summary.chars().count() <= 120,
            "{rule}: the summary is longer than one line: {}",
            info.summary
        );
    }
}

/// Every snapshot under `tests/fixtures/`.
fn snapshots() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut found = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("fixtures folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "expected") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The aks rules with a finding in the snapshots: (rules seen, rules seen with a fix).
fn rules_in_snapshots() -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut seen, mut fixed) = (BTreeSet::new(), BTreeSet::new());
    for snapshot in snapshots() {
        let text = fs::read_to_string(&snapshot).expect("snapshot");
        // A finding line reads `finding N: START–END SEVERITY RULE: message`, its fix
        // `    fix: title` (or `    fix: same as finding M`).
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with("    fix: ") {
                if let Some(rule) = &current {
                    fixed.insert(rule.clone());
                }
                continue;
            }
            if line.starts_with("    ") {
                continue;
            }
            current = line
                .strip_prefix("finding ")
                .and_then(|rest| rest.split_whitespace().nth(3))
                .and_then(|word| word.strip_suffix(':'))
                .filter(|rule| rule.starts_with("aks/"))
                .map(String::from);
            seen.extend(current.clone());
        }
    }
    (seen, fixed)
}

#[test]
fn aks_rule_fix_safety_matches_the_fixtures() {
    let (seen, fixed) = rules_in_snapshots();
    assert!(
        seen.len() > 20,
        "the snapshots hold too few aks rules: {seen:?}"
    );
    for rule in &seen {
        assert!(
            RuleId::from_id(rule).is_some(),
            "{rule} is in a snapshot but not registered"
        );
    }
    for rule in aks_rules() {
        let declared = rule.info().fix;
        let carries_a_fix = fixed.contains(rule.as_str());
        assert!(
            !carries_a_fix || declared != FixSafety::None,
            "{rule} carries a fix in the fixtures but declares none"
        );
    }
}

/// Every input of the fixtures and of the real-world corpus.
fn inputs() -> Vec<PathBuf> {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut found = Vec::new();
    let mut folders = vec![tests.join("fixtures"), tests.join("realworld")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("test folder").flatten() {
            let path = entry.path();
            let sidecar = path
                .extension()
                .is_some_and(|e| e == "expected" || e == "context" || e == "meta" || e == "md");
            if path.is_dir() {
                folders.push(path);
            } else if !sidecar {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn aks_rules_that_declare_no_fix_never_carry_one() {
    let mut checked = 0;
    for input in inputs() {
        let Ok(text) = fs::read_to_string(&input) else {
            continue;
        };
        let report = analyze(&text, &Context::default());
        for finding in report.findings.iter().filter(|f| f.fix.is_some()) {
            if finding.rule.info().area == Area::Aks {
                checked += 1;
                assert_ne!(
                    finding.rule.info().fix,
                    FixSafety::None,
                    "{}: {} declares no fix but carries one",
                    input.display(),
                    finding.rule
                );
            }
        }
    }
    assert!(checked > 50, "only {checked} aks fixes found");
}
