//! The rule registry against the code and the corpus: every rule of a documented area says what it
//! checks, what it finds, why it matters, how to fix it and where it comes from, and the fix safety
//! it declares agrees with the fixture corpus (a rule whose findings carry a fix there declares
//! one; a rule that declares none never carries one).
//!
//! An area joins by adding it to [`DOCUMENTED_AREAS`].

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use podnet_core::rules::{Area, FixSafety, RuleId};
use podnet_core::{analyze, Context};

/// The areas whose rules are documented, and held to it here.
const DOCUMENTED_AREAS: [Area; 3] = [Area::Flannel, Area::Aks, Area::Podnet];

/// The fixture directories under `tests/fixtures/`, as `core/tests/fixtures.rs` runs them.
const FIXTURE_AREAS: [&str; 2] = ["flannel", "aks"];

fn documented_rules() -> impl Iterator<Item = RuleId> {
    RuleId::ALL
        .iter()
        .copied()
        .filter(|rule| DOCUMENTED_AREAS.contains(&rule.info().area))
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
    let cases = fixture_cases();
    assert!(!cases.is_empty(), "no fixtures found");
    for case in &cases {
        let text = fs::read_to_string(case).unwrap_or_else(|e| panic!("{}: {e}", case.display()));
        let report = analyze(&text, &read_context(case));
        for finding in report.findings.iter().filter(|f| f.fix.is_some()) {
            fixed.entry(finding.rule).or_insert_with(|| case.clone());
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

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// Every case of the fixture corpus: each file that is not a `.context` or `.expected` sidecar.
fn fixture_cases() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for area in FIXTURE_AREAS {
        let Ok(entries) = fs::read_dir(fixtures_root().join(area)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let sidecar = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("context" | "expected")
            );
            if path.is_file() && !sidecar {
                cases.push(path);
            }
        }
    }
    cases.sort();
    cases
}

/// The context of a case: `NAME.context` beside it, one `key = value` per line (`#` starts a
/// comment), read as `core/tests/fixtures.rs` reads it.
fn read_context(case: &Path) -> Context {
    let mut context = Context::default();
    let stem = case
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let Ok(text) = fs::read_to_string(case.with_file_name(format!("{stem}.context"))) else {
        return context;
    };
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{}:{}: expected key = value", case.display(), number + 1));
        context
            .set(key.trim(), value.trim())
            .unwrap_or_else(|e| panic!("{}:{}: {e}", case.display(), number + 1));
    }
    context
}
