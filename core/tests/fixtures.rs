//! Fixture corpus runner: every file under `tests/fixtures/{flannel,aks}/` is a case.
//!
//! A case `NAME.EXT` may have `NAME.context` beside it (one `key = value` per line, keys as in
//! `Context::set`; `#` starts a comment) and must have `NAME.expected`, a snapshot of the report:
//! documents, findings with their fixes, capacity and MTU numbers, next steps, and the diff.
//! Run with `UPDATE_SNAPSHOTS=1` to (re)write snapshots, then review them with `git diff`.
//!
//! Every case must also hold these invariants:
//! - re-analysing the fixed text raises no error of a rule whose fix was applied;
//! - fixing the fixed text changes nothing;
//! - a case named `valid-*` raises nothing above info.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use podnet_core::{analyze, Context, Report, Severity};

mod support;

const AREAS: [&str; 2] = ["flannel", "aks"];

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn is_sidecar(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("context" | "expected")
    )
}

fn cases() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for area in AREAS {
        let Ok(entries) = fs::read_dir(fixtures_root().join(area)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() && !is_sidecar(&path) {
                cases.push(path);
            }
        }
    }
    cases.sort();
    // Sidecars go by stem: two cases with one stem would share (and overwrite) one snapshot.
    for pair in cases.windows(2) {
        assert_ne!(
            pair[0].with_extension(""),
            pair[1].with_extension(""),
            "two fixtures share a stem: {} and {}",
            pair[0].display(),
            pair[1].display()
        );
    }
    cases
}

fn sidecar(case: &Path, extension: &str) -> PathBuf {
    let stem = case
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    case.with_file_name(format!("{stem}.{extension}"))
}

fn read_context(case: &Path) -> Context {
    let mut context = Context::default();
    let Ok(text) = fs::read_to_string(sidecar(case, "context")) else {
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

/// The snapshot text of a report.
fn render(report: &Report) -> String {
    let mut out = String::new();
    if let Some(error) = &report.input_error {
        let _ = writeln!(
            out,
            "input error {}:{}: {}",
            error.span.line, error.span.column, error.kind
        );
    }
    for document in &report.documents {
        let _ = writeln!(
            out,
            "document {} at {}:{}",
            document.kind.name(),
            document.span.line,
            document.span.column
        );
    }
    for redaction in &report.redactions {
        let _ = writeln!(
            out,
            "redacted {} at {}:{} as {}",
            redaction.kind, redaction.span.line, redaction.span.column, redaction.placeholder
        );
    }
    for finding in &report.findings {
        let _ = writeln!(
            out,
            "{}:{} {} {}: {}",
            finding.span.line,
            finding.span.column,
            finding.severity.as_str(),
            finding.rule,
            finding.message
        );
        let _ = writeln!(out, "    why: {}", finding.explanation);
        if let Some(fix) = &finding.fix {
            let _ = writeln!(out, "    fix: {}", fix.title);
        }
    }
    if let Some(c) = &report.capacity {
        let _ = writeln!(
            out,
            "capacity: pool {} /{} per node, {} ranges ({} usable), {} pod addresses per node, target {:?}, utilization {:?}‰",
            c.pool, c.node_prefix, c.node_ranges, c.usable_node_ranges, c.pod_addresses_per_node, c.target_nodes, c.utilization_permille
        );
    }
    if let Some(m) = &report.mtu {
        let _ = writeln!(
            out,
            "mtu: {} underlay {} ({}) − {} = pod {}",
            m.backend, m.underlay, m.underlay_source, m.overhead, m.pod_mtu
        );
        if let (Some(value), Some(source)) = (m.configured_pod_mtu, &m.configured_source) {
            let _ = writeln!(out, "mtu configured: {value} ({source})");
        }
    }
    for step in &report.next_steps {
        let _ = writeln!(out, "next: {step}");
    }
    if let Some(diff) = &report.diff {
        out.push_str("diff:\n");
        out.push_str(&diff.unified());
    }
    out
}

fn check_invariants(case: &Path, text: &str, context: &Context, report: &Report) -> Vec<String> {
    let mut problems = Vec::new();
    let name = case
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.starts_with("valid-") {
        for finding in report
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Info)
        {
            problems.push(format!(
                "valid case raises {} {}",
                finding.severity.as_str(),
                finding.rule
            ));
        }
    }
    if let Some(fixed) = &report.fixed {
        let again = analyze(fixed, context);
        for finding in support::errors_the_fix_left(report, &again) {
            problems.push(format!(
                "fixed text still raises {} at {}:{}",
                finding.rule, finding.span.line, finding.span.column
            ));
        }
        if again.input_error.is_some() && report.input_error.is_none() {
            problems.push(String::from("fixed text no longer parses"));
        }
        if let Some(twice) = again.fixed {
            problems.push(format!(
                "fixing twice changes the text:\n{}",
                podnet_core::diff::Diff::between(fixed, &twice)
                    .map(|diff| diff.unified())
                    .unwrap_or_default()
            ));
        }
    }
    if report.text.lines().count() != text.lines().count() {
        problems.push(String::from("redaction changed the line count"));
    }
    problems
}

#[test]
fn fixture_corpus() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    let cases = cases();
    assert!(
        !cases.is_empty(),
        "no fixtures found under {}",
        fixtures_root().display()
    );
    for case in &cases {
        let text = fs::read_to_string(case).unwrap_or_else(|e| panic!("{}: {e}", case.display()));
        let context = read_context(case);
        let report = analyze(&text, &context);
        let actual = render(&report);
        let expected_path = sidecar(case, "expected");
        for problem in check_invariants(case, &text, &context, &report) {
            failures.push(format!("{}: {problem}", case.display()));
        }
        if update {
            fs::write(&expected_path, &actual)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}: snapshot differs (UPDATE_SNAPSHOTS=1 to accept):\n{}",
                case.display(),
                podnet_core::diff::Diff::between(&expected, &actual)
                    .map(|diff| diff.unified())
                    .unwrap_or_default()
            )),
            Err(_) => failures.push(format!(
                "{}: no snapshot {} (run with UPDATE_SNAPSHOTS=1)",
                case.display(),
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
