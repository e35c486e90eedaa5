//! `podnet check --format sarif`: the log of every fixture case validates with Microsoft's SARIF
//! multitool (npm `@microsoft/sarif-multitool`, from `package-lock.json`) with zero errors, says
//! what `--format json` says, and its fixes, applied as replacements, give what `podnet fix` gives.
//!
//! Without `node_modules` the validation is skipped with a message, except under `CI=true`,
//! where a missing validator fails the test.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The fixture corpus as `core/tests/fixtures/` finds it.
#[path = "../../core/tests/fixtures/case.rs"]
#[allow(dead_code)]
mod case;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_path_buf()
}

/// Every fixture case (`tests/fixtures/AREA/NAME.EXT` but the `.context` and `.expected`
/// sidecars, every area but the redaction corpus) with its context as flags, paths relative to
/// the workspace.
fn cases() -> Vec<(String, Vec<String>)> {
    let mut cases = Vec::new();
    for area in case::areas() {
        let directory = workspace().join("tests/fixtures").join(&area);
        for entry in fs::read_dir(&directory).expect("fixtures").flatten() {
            let path = entry.path();
            let extension = path.extension().and_then(|e| e.to_str());
            if !path.is_file() || matches!(extension, Some("context" | "expected")) {
                continue;
            }
            let mut flags = Vec::new();
            if let Ok(context) = fs::read_to_string(path.with_extension("context")) {
                for line in context.lines() {
                    let line = line.split('#').next().unwrap_or_default().trim();
                    if let Some((key, value)) = line.split_once('=') {
                        flags.push(format!("--{}", key.trim()));
                        flags.push(value.trim().to_string());
                    }
                }
            }
            let relative = path.strip_prefix(workspace()).expect("under the workspace");
            cases.push((relative.to_string_lossy().into_owned(), flags));
        }
    }
    cases.sort();
    assert!(cases.len() > 150, "only {} fixture cases", cases.len());
    cases
}

fn podnet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podnet"))
        .args(args)
        .current_dir(workspace())
        .env("NO_COLOR", "1")
        .output()
        .expect("podnet runs")
}

fn run(case: &str, flags: &[String], format: &str) -> Output {
    let mut args = vec!["check", case, "--format", format];
    args.extend(flags.iter().map(String::as_str));
    podnet(&args)
}

/// The multitool's launcher in `node_modules/.bin`, or why there is none.
fn multitool() -> Result<PathBuf, String> {
    let launcher = workspace().join("node_modules/.bin/sarif-multitool");
    if launcher.exists() {
        Ok(launcher)
    } else {
        Err(format!(
            "{} is missing: run `npm ci` (scripts/setup.sh does)",
            launcher.display()
        ))
    }
}

#[test]
fn sarif_of_every_fixture_case_validates_with_zero_errors() {
    let tool = match multitool() {
        Ok(tool) => tool,
        Err(why) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("SKIPPED: SARIF validation: {why}");
            return;
        }
        Err(why) => panic!("CI=true and no SARIF validator: {why}"),
    };
    let directory = std::env::temp_dir().join(format!("podnet-sarif-{}", std::process::id()));
    let _ = fs::remove_dir_all(&directory);
    fs::create_dir_all(&directory).expect("temp dir");
    let cases = cases();
    for (case, flags) in &cases {
        let output = run(case, flags, "sarif");
        assert!(
            matches!(output.status.code(), Some(0..=2)),
            "{case}: {output:?}"
        );
        let name = case.replace('/', "_");
        fs::write(directory.join(format!("{name}.sarif")), &output.stdout).expect("written");
    }
    let validation = directory.join("validation.json");
    // The launcher runs the native tool through a shell, so the `;`-separated lists are quoted.
    // `Gh` adds the rules of GitHub code scanning's ingestion to SARIF's own.
    let status = Command::new(&tool)
        .arg("validate")
        .arg("--config")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif-multitool-policy.xml"))
        .arg("--rule-kind")
        .arg("\"Sarif;Gh\"")
        .arg("--level")
        .arg("\"Error;Warning;Note\"")
        .arg("--output")
        .arg(&validation)
        .arg(directory.join("*.sarif"))
        .output()
        .expect("the multitool runs");
    assert!(status.status.success(), "{status:?}");
    let log: Value =
        serde_json::from_str(&fs::read_to_string(&validation).expect("the validation log"))
            .expect("JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let mut by_level: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut files = std::collections::BTreeSet::new();
    for result in results {
        let level = result["level"].as_str().unwrap_or("warning").to_string();
        let rule = result["ruleId"].as_str().unwrap_or_default().to_string();
        let at = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        files.insert(at.clone());
        if level == "error" {
            errors.push(format!("{at}: {rule} {}", result["message"]));
        }
        *by_level.entry((level, rule)).or_default() += 1;
    }
    let _ = fs::remove_dir_all(&directory);
    eprintln!("SARIF validation of {} logs:", cases.len());
    for ((level, rule), count) in &by_level {
        eprintln!("  {level} {rule}: {count}");
    }
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    // The validator read the logs: its notes point into them.
    assert!(!files.is_empty(), "the validator reported on no log");
}

/// `podnet check --format json` of the same case.
fn json_report(case: &str, flags: &[String]) -> Value {
    serde_json::from_slice(&run(case, flags, "json").stdout).unwrap_or(Value::Null)
}

/// Byte offset of 1-based `line` and `column` (in characters) in `text`.
fn offset(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(usize::try_from(line - 1).expect("line"))
        .map(str::len)
        .sum();
    text[start..]
        .char_indices()
        .nth(usize::try_from(column - 1).expect("column"))
        .map_or(text.len(), |(at, _)| start + at)
}

/// Applies each result's fix in order, a fix whose replacements overlap one already taken
/// skipped whole (as `podnet fix` does).
fn apply(text: &str, results: &[Value]) -> String {
    let mut taken: Vec<(usize, usize, String)> = Vec::new();
    for fix in results.iter().filter_map(|result| result["fixes"].get(0)) {
        let replacements = fix["artifactChanges"][0]["replacements"]
            .as_array()
            .expect("replacements");
        let edits: Vec<(usize, usize, String)> = replacements
            .iter()
            .map(|replacement| {
                let region = &replacement["deletedRegion"];
                let number = |key: &str| region[key].as_u64().expect("a line or column");
                (
                    offset(text, number("startLine"), number("startColumn")),
                    offset(text, number("endLine"), number("endColumn")),
                    replacement["insertedContent"]["text"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                )
            })
            .collect();
        let clashes = edits
            .iter()
            .any(|a| taken.iter().any(|b| overlap((a.0, a.1), (b.0, b.1))));
        if !clashes {
            taken.extend(edits);
        }
    }
    taken.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = String::new();
    let mut cursor = 0;
    for (start, end, replacement) in taken {
        out.push_str(&text[cursor..start]);
        out.push_str(&replacement);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// Whether two replacements clash, as `podnet fix` decides it: an insertion clashes only with
/// one at the same point or a range strictly around it; ranges clash when they share a byte.
fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    if a.0 == a.1 || b.0 == b.1 {
        return a == b || (a.0 > b.0 && a.0 < b.1) || (b.0 > a.0 && b.0 < a.1);
    }
    a.0 < b.1 && b.0 < a.1
}

#[test]
fn sarif_results_are_the_findings_and_their_fixes_give_the_fixed_text() {
    let mut fixes_checked = 0;
    for (case, flags) in cases() {
        let report = json_report(&case, &flags);
        let log: Value = serde_json::from_slice(&run(&case, &flags, "sarif").stdout)
            .unwrap_or_else(|e| panic!("{case}: SARIF is not JSON: {e}"));
        let run = &log["runs"][0];
        let results = run["results"].as_array().expect("results");
        let findings = report["findings"].as_array().map_or(&[][..], Vec::as_slice);
        assert_eq!(results.len(), findings.len(), "{case}");
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        for (result, finding) in results.iter().zip(findings) {
            assert_eq!(result["ruleId"], finding["rule"], "{case}");
            let index = result["ruleIndex"].as_u64().expect("ruleIndex");
            assert_eq!(
                rules[usize::try_from(index).expect("index")]["id"],
                finding["rule"]
            );
            let location = &result["locations"][0]["physicalLocation"];
            assert_eq!(location["artifactLocation"]["uri"], case.as_str());
            assert_eq!(location["region"]["startLine"], finding["line"], "{case}");
            assert_eq!(
                location["region"]["startColumn"], finding["column"],
                "{case}"
            );
            let level = match finding["severity"].as_str() {
                Some("info") => "note",
                other => other.expect("severity"),
            };
            assert_eq!(result["level"], level, "{case}");
        }
        let redacted = report["redactions"]
            .as_array()
            .is_some_and(|r| !r.is_empty());
        if results.iter().any(|result| result.get("fixes").is_some()) && !redacted {
            let original = fs::read_to_string(workspace().join(&case)).expect("the case");
            let mut fix_args = vec!["fix", case.as_str()];
            fix_args.extend(flags.iter().map(String::as_str));
            let fixed = String::from_utf8(podnet(&fix_args).stdout).expect("UTF-8");
            assert_eq!(apply(&original, results), fixed, "{case}");
            fixes_checked += 1;
        }
    }
    assert!(fixes_checked > 50, "only {fixes_checked} cases with fixes");
}

#[test]
fn rules_carry_descriptions_help_and_a_help_uri_into_the_repository() {
    let log: Value = serde_json::from_slice(
        &run(
            "tests/fixtures/flannel/out-of-space.net-conf.json",
            &[],
            "sarif",
        )
        .stdout,
    )
    .expect("SARIF");
    assert_eq!(log["version"], "2.1.0");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), podnet_core::RuleId::ALL.len());
    for (rule, id) in rules.iter().zip(podnet_core::RuleId::ALL) {
        let info = id.info();
        assert_eq!(rule["id"], info.id());
        assert_eq!(rule["shortDescription"]["text"], info.summary);
        assert!(rule["help"]["text"]
            .as_str()
            .is_some_and(|help| help.contains(info.how_to_fix)));
        let uri = rule["helpUri"].as_str().expect("helpUri");
        let file = uri
            .split("/blob/main/")
            .nth(1)
            .expect("a path in the repository");
        assert!(workspace().join(file).is_file(), "{uri}: no such file");
        let level = match info.severity {
            podnet_core::Severity::Error => "error",
            podnet_core::Severity::Warning => "warning",
            podnet_core::Severity::Info => "note",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
    }
}
