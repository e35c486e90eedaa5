//! The labelled secrets corpus (`tests/fixtures/secrets/cases/`, built by `build.py` from
//! `source/`): recall and benign-kept rates, plus the redaction invariants on every case.
//!
//! - Recall: share of planted secrets with no byte left visible (every byte of the labelled span
//!   lies inside some redaction). Target ≥ 99%.
//! - Benign kept: share of labelled look-alikes (CIDRs, digests, names, versions, ids) that no
//!   redaction touches. Target ≥ 95%.
//! - Every case: labels match the text, the line count is kept, redacting twice changes nothing,
//!   and `restore` gives back the original.

use std::fs;
use std::path::PathBuf;

use podnet_core::json::{self, Node};
use podnet_core::redact::{redact, KINDS};
use podnet_core::RedactionOptions;

struct Label {
    kind: Option<String>,
    start: usize,
    end: usize,
    text: String,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/secrets/cases")
}

fn labels(node: &Node, key: &str) -> Vec<Label> {
    let Some(member) = node.get_ignore_case(key) else {
        return Vec::new();
    };
    let json::Value::Array(items) = &member.value.value else {
        panic!("{key} must be an array");
    };
    items
        .iter()
        .map(|item| {
            let field = |name: &str| item.get_ignore_case(name).map(|member| &member.value);
            Label {
                kind: field("kind").and_then(Node::as_str).map(String::from),
                start: field("start").and_then(Node::as_i64).expect("start") as usize,
                end: field("end").and_then(Node::as_i64).expect("end") as usize,
                text: String::from(field("text").and_then(Node::as_str).expect("text")),
            }
        })
        .collect()
}

fn covered(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    (start..end).all(|byte| spans.iter().any(|&(s, e)| s <= byte && byte < e))
}

fn touched(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(s, e)| s < end && start < e)
}

#[test]
fn corpus_recall_and_benign_kept_meet_their_targets() {
    let mut cases: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .expect("corpus directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| !path.to_string_lossy().ends_with(".labels.json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "corpus has {} cases", cases.len());

    let (mut secrets, mut caught, mut benign, mut kept, mut kinds_right) = (0, 0, 0, 0, 0);
    let mut report = String::new();
    for case in &cases {
        let name = case
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = fs::read_to_string(case).expect("case text");
        let label_text =
            fs::read_to_string(format!("{}.labels.json", case.display())).expect("labels");
        let label_root = json::parse(&label_text).expect("labels parse");
        let redacted = redact(&text, &RedactionOptions::default());
        let spans: Vec<(usize, usize)> = redacted
            .redactions
            .iter()
            .map(|r| (r.span.start, r.span.end))
            .collect();

        assert_eq!(
            redacted.text.lines().count(),
            text.lines().count(),
            "{name}: line count"
        );
        assert_eq!(
            redact(&redacted.text, &RedactionOptions::default()).text,
            redacted.text,
            "{name}: not idempotent"
        );
        assert_eq!(redacted.restore(&redacted.text), text, "{name}: restore");

        for label in labels(&label_root, "secrets") {
            assert_eq!(
                &text[label.start..label.end],
                label.text,
                "{name}: stale label"
            );
            let kind = label.kind.as_deref().expect("secret kind");
            assert!(
                KINDS.iter().any(|(known, _)| *known == kind),
                "{name}: unknown kind {kind}"
            );
            secrets += 1;
            if covered(&spans, label.start, label.end) {
                caught += 1;
                let reported = redacted
                    .redactions
                    .iter()
                    .find(|r| r.span.start < label.end && label.start < r.span.end);
                if reported.is_some_and(|r| r.kind == kind) {
                    kinds_right += 1;
                }
            } else {
                report += &format!(
                    "MISSED {name} {kind} at {}: {:?}\n",
                    label.start, label.text
                );
            }
        }
        for label in labels(&label_root, "benign") {
            assert_eq!(
                &text[label.start..label.end],
                label.text,
                "{name}: stale label"
            );
            benign += 1;
            if touched(&spans, label.start, label.end) {
                report += &format!("TOUCHED {name} at {}: {:?}\n", label.start, label.text);
            } else {
                kept += 1;
            }
        }
    }
    let recall = caught as f64 / secrets as f64;
    let benign_kept = kept as f64 / benign as f64;
    println!("{report}");
    println!(
        "recall {caught}/{secrets} = {:.1}%, benign kept {kept}/{benign} = {:.1}%, kind agrees {kinds_right}/{caught}",
        recall * 100.0,
        benign_kept * 100.0
    );
    assert!(
        secrets >= 100 && benign >= 100,
        "corpus too small: {secrets} secrets, {benign} benign"
    );
    assert!(recall >= 0.99, "recall {:.3} below 0.99\n{report}", recall);
    assert!(
        benign_kept >= 0.95,
        "benign kept {:.3} below 0.95\n{report}",
        benign_kept
    );
}
