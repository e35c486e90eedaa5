//! The real-world corpus runner: every input under `tests/realworld/` (text written by others,
//! with its provenance and our judgement in a `.meta` sidecar, see `tests/realworld/README.md`).
//!
//! For each input it checks:
//! - no panic;
//! - a `valid` input raises no error and no warning but the `allow`ed ones;
//! - a `problem` input raises every `expect`ed rule at warning or error, and no error of another rule;
//! - a `not-read` input raises nothing above info and offers no fix;
//! - a form podnet reads is never refused (no input error);
//! - the fixed text parses again in its own format, keeps the JSON type of every value (unless the
//!   value's type was the error), and re-analyses without the errors its fixes addressed.
//!
//! It prints `realworld: P/N ok (F false errors, M misses)` and the reasons of every input that is
//! not ok, and fails on any false error or panic, below 95% ok, or with fewer than 120 inputs.
//! `REALWORLD_VERBOSE=1` prints every finding of every input.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use podnet_core::json::{self, Node, Value};
use podnet_core::{analyze, Context, Report, Severity};

mod support;

/// Rule ids whose findings mean the text could not be read in its own format.
const SYNTAX_RULES: [&str; 2] = ["flannel/net-conf-syntax", "aks/unreadable"];
/// The rule whose error is a value of the wrong JSON type: its fix may change that value's type.
const VALUE_TYPE_RULE: &str = "flannel/value-type";
/// The fewest inputs the corpus must hold.
const MIN_INPUTS: usize = 120;
/// The share of inputs that must be ok, in percent.
const MIN_OK_PERCENT: usize = 95;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Valid,
    Problem,
    NotRead,
}

#[derive(Debug)]
struct Meta {
    verdict: Verdict,
    expect: Vec<String>,
    allow: Vec<String>,
    context: Context,
}

/// What went wrong with one input.
#[derive(Debug, Default)]
struct Outcome {
    false_errors: Vec<String>,
    misses: Vec<String>,
    other: Vec<String>,
    crashed: bool,
}

impl Outcome {
    fn ok(&self) -> bool {
        self.false_errors.is_empty() && self.misses.is_empty() && self.other.is_empty()
    }
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/realworld")
}

fn inputs() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for area in ["flannel", "aks", "other"] {
        let Ok(entries) = fs::read_dir(corpus_root().join(area)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() && path.extension().and_then(|e| e.to_str()) != Some("meta") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `NAME.EXT` has `NAME.meta`: the sidecar replaces the last extension.
fn meta_path(input: &Path) -> PathBuf {
    input.with_extension("meta")
}

/// The rule id at the start of an `expect` or `allow` value (`RULE — reason`).
fn rule_of(value: &str) -> String {
    value
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches([':', ','])
        .to_string()
}

fn read_meta(input: &Path) -> Result<Meta, String> {
    let path = meta_path(input);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut verdict = None;
    let mut meta = Meta {
        verdict: Verdict::Valid,
        expect: Vec::new(),
        allow: Vec::new(),
        context: Context::default(),
    };
    let mut has_source = false;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(format!(
                "{}:{}: expected `key: value`",
                path.display(),
                number + 1
            ));
        };
        let value = value.trim();
        match key.trim() {
            "source" => has_source = !value.is_empty(),
            "verdict" => {
                verdict = Some(match value {
                    "valid" => Verdict::Valid,
                    "problem" => Verdict::Problem,
                    "not-read" => Verdict::NotRead,
                    other => {
                        return Err(format!(
                            "{}:{}: unknown verdict {other:?}",
                            path.display(),
                            number + 1
                        ))
                    }
                })
            }
            "expect" => meta.expect.push(rule_of(value)),
            "allow" => meta.allow.push(rule_of(value)),
            "context" => {
                let (k, v) = value.split_once('=').ok_or_else(|| {
                    format!(
                        "{}:{}: context needs key = value",
                        path.display(),
                        number + 1
                    )
                })?;
                meta.context
                    .set(k.trim(), v.trim())
                    .map_err(|e| format!("{}:{}: {e}", path.display(), number + 1))?;
            }
            "why" | "disagree" | "note" | "retrieved" | "form" => {}
            other => {
                return Err(format!(
                    "{}:{}: unknown key {other:?}",
                    path.display(),
                    number + 1
                ))
            }
        }
    }
    if !has_source {
        return Err(format!("{}: no source", path.display()));
    }
    meta.verdict = verdict.ok_or_else(|| format!("{}: no verdict", path.display()))?;
    if meta.verdict == Verdict::Problem && meta.expect.is_empty() {
        return Err(format!("{}: a problem with no expect line", path.display()));
    }
    Ok(meta)
}

fn describe(report: &Report, severity: Severity) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| format!("{}:{} {} {}", f.span.line, f.span.column, f.rule, f.message))
        .collect()
}

fn check_input(text: &str, meta: &Meta) -> Outcome {
    let mut outcome = Outcome::default();
    let run = panic::catch_unwind(AssertUnwindSafe(|| analyze(text, &meta.context)));
    let Ok(report) = run else {
        outcome.crashed = true;
        outcome.other.push(String::from("panicked"));
        return outcome;
    };
    let raised = |rule: &str| {
        report
            .findings
            .iter()
            .any(|f| f.rule == rule && f.severity >= Severity::Warning)
    };
    match meta.verdict {
        Verdict::Valid | Verdict::Problem => {
            if let Some(error) = &report.input_error {
                outcome.other.push(format!(
                    "refused at {}:{}: {}",
                    error.span.line, error.span.column, error.kind
                ));
            }
            for finding in &report.findings {
                let expected = meta.expect.iter().any(|r| r == finding.rule)
                    || meta.allow.iter().any(|r| r == finding.rule);
                let line = format!(
                    "{}:{} {} {}: {}",
                    finding.span.line,
                    finding.span.column,
                    finding.severity.as_str(),
                    finding.rule,
                    finding.message
                );
                match finding.severity {
                    Severity::Error if !expected => outcome.false_errors.push(line),
                    Severity::Warning if !expected => {
                        outcome.other.push(format!("unexpected {line}"))
                    }
                    _ => {}
                }
            }
            for rule in &meta.expect {
                if !raised(rule) {
                    outcome.misses.push(rule.clone());
                }
            }
        }
        Verdict::NotRead => {
            for finding in &report.findings {
                if finding.severity >= Severity::Warning {
                    let line = format!(
                        "{}:{} {} {}: {}",
                        finding.span.line,
                        finding.span.column,
                        finding.severity.as_str(),
                        finding.rule,
                        finding.message
                    );
                    if finding.severity == Severity::Error {
                        outcome.false_errors.push(line);
                    } else {
                        outcome.other.push(format!("unexpected {line}"));
                    }
                }
                if finding.fix.is_some() {
                    outcome.other.push(format!(
                        "a fix on text podnet does not read: {}",
                        finding.rule
                    ));
                }
            }
        }
    }
    if let Some(fixed) = &report.fixed {
        outcome
            .other
            .extend(check_fixed(text, fixed, &report, meta));
    }
    outcome
}

/// The fixed text parses again, keeps every value's JSON type, and re-analyses clean of the
/// errors that were fixed.
fn check_fixed(original: &str, fixed: &str, report: &Report, meta: &Meta) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(again) = panic::catch_unwind(AssertUnwindSafe(|| analyze(fixed, &meta.context))) else {
        return vec![String::from("panicked on the fixed text")];
    };
    if again.input_error.is_some() && report.input_error.is_none() {
        problems.push(String::from("the fixed text is refused"));
    }
    for finding in &again.findings {
        let before = report.findings.iter().any(|f| f.rule == finding.rule);
        if SYNTAX_RULES.contains(&finding.rule) && !before {
            problems.push(format!(
                "the fixed text does not parse: {}",
                finding.message
            ));
        }
    }
    if again.documents.len() != report.documents.len() {
        problems.push(format!(
            "the fixed text holds {} documents, the original {}",
            again.documents.len(),
            report.documents.len()
        ));
    }
    for left in support::errors_the_fix_left(report, &again) {
        problems.push(format!(
            "the fix left {} at {}:{}: {}",
            left.rule, left.span.line, left.span.column, left.message
        ));
    }
    problems.extend(type_changes(original, fixed, report));
    problems
}

/// The JSON documents of a text (bare, or embedded in a ConfigMap), parsed.
fn json_documents(text: &str) -> Vec<Node> {
    let index = podnet_core::LineIndex::new(text);
    let Ok(detected) = podnet_core::detect::detect(text, &index) else {
        return Vec::new();
    };
    detected
        .documents
        .iter()
        .flat_map(|d| [&d.net_conf, &d.cni_conf])
        .flatten()
        .filter_map(|inner| json::parse(&inner.text).ok())
        .collect()
}

fn type_changes(original: &str, fixed: &str, report: &Report) -> Vec<String> {
    let before = json_documents(original);
    let after = json_documents(fixed);
    let type_errors = report
        .findings
        .iter()
        .any(|f| f.rule == VALUE_TYPE_RULE && f.fix.is_some());
    let mut problems = Vec::new();
    for (a, b) in before.iter().zip(&after) {
        compare_types("", a, b, type_errors, &mut problems);
    }
    problems
}

fn kind(node: &Node) -> &'static str {
    match node.value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn compare_types(path: &str, a: &Node, b: &Node, type_fixes: bool, problems: &mut Vec<String>) {
    if kind(a) != kind(b) {
        if !type_fixes {
            problems.push(format!(
                "the fix turns {path} from a {} into a {}",
                kind(a),
                kind(b)
            ));
        }
        return;
    }
    if let (Some(left), Some(right)) = (a.members(), b.members()) {
        for member in left {
            if let Some(other) = right.iter().find(|m| m.key == member.key) {
                let path = format!("{path}.{}", member.key);
                compare_types(&path, &member.value, &other.value, type_fixes, problems);
            }
        }
    }
}

fn main() -> ExitCode {
    let verbose = std::env::var_os("REALWORLD_VERBOSE").is_some();
    // A panic is counted, not printed twice.
    panic::set_hook(Box::new(|_| {}));
    let mut total = 0;
    let mut ok = 0;
    let mut false_errors = 0;
    let mut misses = 0;
    let mut crashes = 0;
    let mut broken_meta = Vec::new();
    let mut lines = Vec::new();
    for input in inputs() {
        let name = input
            .strip_prefix(corpus_root())
            .unwrap_or(&input)
            .display()
            .to_string();
        let meta = match read_meta(&input) {
            Ok(meta) => meta,
            Err(error) => {
                broken_meta.push(error);
                continue;
            }
        };
        let Ok(bytes) = fs::read(&input) else {
            broken_meta.push(format!("{name}: unreadable"));
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        total += 1;
        let outcome = check_input(&text, &meta);
        false_errors += outcome.false_errors.len();
        misses += outcome.misses.len();
        crashes += usize::from(outcome.crashed);
        if verbose {
            let report = analyze(&text, &meta.context);
            lines.push(format!("{name}:"));
            for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                for line in describe(&report, severity) {
                    lines.push(format!("    {} {line}", severity.as_str()));
                }
            }
        }
        if outcome.ok() {
            ok += 1;
            continue;
        }
        lines.push(format!("NOT OK {name}"));
        for line in &outcome.false_errors {
            lines.push(format!("    false error {line}"));
        }
        for rule in &outcome.misses {
            lines.push(format!("    missed {rule}"));
        }
        for line in &outcome.other {
            lines.push(format!("    {line}"));
        }
    }
    let _ = panic::take_hook();
    for line in &lines {
        println!("{line}");
    }
    for error in &broken_meta {
        println!("BAD META {error}");
    }
    println!("realworld: {ok}/{total} ok ({false_errors} false errors, {misses} misses)");
    let enough = total >= MIN_INPUTS && ok * 100 >= total * MIN_OK_PERCENT;
    if false_errors > 0 || crashes > 0 || !broken_meta.is_empty() || !enough {
        println!(
            "realworld: FAILED (needs 0 false errors, 0 crashes, ≥ {MIN_OK_PERCENT}% ok over ≥ {MIN_INPUTS} inputs)"
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
