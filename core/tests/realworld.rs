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
//!
//! Each input is also its own test (libtest-mimic), named by its path under `tests/realworld/`
//! (`cargo test -p podnet-core --test realworld -- aks/issue-aks-654` runs one; `cargo nextest
//! list` lists them). An input's test fails on a false error, a panic or an unreadable `.meta`; a
//! miss only counts against the 95%. The summary line and the corpus-wide limits need every input,
//! so a run that selects some inputs prints their reasons but no summary.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use libtest_mimic::{Arguments, Failed, Trial};

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
    for area in ["flannel", "aks", "control", "nodes", "other", "symptom"] {
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
                let expected = meta.expect.iter().any(|r| r == finding.rule.as_str())
                    || meta.allow.iter().any(|r| r == finding.rule.as_str());
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
        if SYNTAX_RULES.contains(&finding.rule.as_str()) && !before {
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
    let keys = podnet_core::flannel::TOP_LEVEL_KEYS;
    let Ok(detected) = podnet_core::detect::detect(text, &index, &keys) else {
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

/// What one input adds to the run's report.
struct Record {
    /// The input's path under `tests/realworld/`, its test's name.
    name: String,
    /// What went wrong, or `None` when its `.meta` (or the input) could not be read.
    outcome: Option<Outcome>,
    /// Its verbose and `NOT OK` lines, printed after the tests in the order of the names.
    lines: Vec<String>,
    /// Why its `.meta` or the input could not be read.
    bad_meta: Option<String>,
}

impl Record {
    /// The input's own test fails on what fails the corpus whatever the other inputs do: a false
    /// error, a panic, an unreadable `.meta`. A miss only counts against the 95%.
    fn test_result(&self) -> Result<(), Failed> {
        match (&self.outcome, &self.bad_meta) {
            (_, Some(error)) => Err(format!("BAD META {error}").into()),
            (Some(outcome), None) if outcome.crashed => Err("panicked".into()),
            (Some(outcome), None) if !outcome.false_errors.is_empty() => Err(format!(
                "{} false errors (see NOT OK {} below)",
                outcome.false_errors.len(),
                self.name
            )
            .into()),
            _ => Ok(()),
        }
    }
}

fn check_record(input: &Path, name: String, verbose: bool) -> Record {
    let mut record = Record {
        name,
        outcome: None,
        lines: Vec::new(),
        bad_meta: None,
    };
    let meta = match read_meta(input) {
        Ok(meta) => meta,
        Err(error) => {
            record.bad_meta = Some(error);
            return record;
        }
    };
    let Ok(bytes) = fs::read(input) else {
        record.bad_meta = Some(format!("{}: unreadable", record.name));
        return record;
    };
    let text = String::from_utf8_lossy(&bytes);
    let outcome = check_input(&text, &meta);
    let lines = &mut record.lines;
    if verbose {
        let report = analyze(&text, &meta.context);
        lines.push(format!("{}:", record.name));
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            for line in describe(&report, severity) {
                lines.push(format!("    {} {line}", severity.as_str()));
            }
        }
    }
    if !outcome.ok() {
        lines.push(format!("NOT OK {}", record.name));
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
    record.outcome = Some(outcome);
    record
}

/// Prints the summary of a whole run and says whether the corpus passes.
fn summarise(records: &[Record]) -> bool {
    let outcomes = records.iter().filter_map(|r| r.outcome.as_ref());
    let total = outcomes.clone().count();
    let ok = outcomes.clone().filter(|o| o.ok()).count();
    let false_errors: usize = outcomes.clone().map(|o| o.false_errors.len()).sum();
    let misses: usize = outcomes.clone().map(|o| o.misses.len()).sum();
    let crashes = outcomes.filter(|o| o.crashed).count();
    let broken_meta = records.iter().any(|r| r.bad_meta.is_some());
    println!("realworld: {ok}/{total} ok ({false_errors} false errors, {misses} misses)");
    let enough = total >= MIN_INPUTS && ok * 100 >= total * MIN_OK_PERCENT;
    if false_errors > 0 || crashes > 0 || broken_meta || !enough {
        println!(
            "realworld: FAILED (needs 0 false errors, 0 crashes, ≥ {MIN_OK_PERCENT}% ok over ≥ {MIN_INPUTS} inputs)"
        );
        return false;
    }
    true
}

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    let verbose = std::env::var_os("REALWORLD_VERBOSE").is_some();
    let records = Arc::new(Mutex::new(Vec::new()));
    let trials = inputs()
        .into_iter()
        .map(|input| {
            let name = input
                .strip_prefix(corpus_root())
                .unwrap_or(&input)
                .display()
                .to_string();
            let records = Arc::clone(&records);
            Trial::test(name.clone(), move || {
                let record = check_record(&input, name, verbose);
                let result = record.test_result();
                records.lock().map_err(|e| e.to_string())?.push(record);
                result
            })
        })
        .collect();
    // A panic is counted, not printed twice.
    panic::set_hook(Box::new(|_| {}));
    let conclusion = libtest_mimic::run(&arguments, trials);
    let _ = panic::take_hook();
    if arguments.list {
        return ExitCode::SUCCESS;
    }
    let mut records = match records.lock() {
        Ok(mut records) => std::mem::take(&mut *records),
        Err(_) => return ExitCode::FAILURE,
    };
    records.sort_by(|a, b| a.name.cmp(&b.name));
    for line in records.iter().flat_map(|r| &r.lines) {
        println!("{line}");
    }
    for error in records.iter().filter_map(|r| r.bad_meta.as_ref()) {
        println!("BAD META {error}");
    }
    // The summary and the corpus-wide limits need every input: a run of some is judged by their
    // own tests only.
    let whole_run = arguments.filter.is_none() && arguments.skip.is_empty() && !arguments.ignored;
    let corpus_passes = !whole_run || summarise(&records);
    if conclusion.has_failed() || !corpus_passes {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
