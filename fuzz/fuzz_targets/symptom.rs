//! The error-line reader never panics, keeps every span inside the text, lists its documents in
//! order without overlap, folds each failure's lines into one with a count, and its rules report
//! inside the text with no fix (an error line is evidence, never text to rewrite); the node
//! ranges the lines state lie inside their documents.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::model::ClusterModel;
use podnet_core::{symptom, LineIndex};

fuzz_target!(|text: &str| {
    let index = LineIndex::new(text);
    let (outcome, seen) = symptom::read(text, &index);
    let mut last_end = 0;
    for document in &outcome.documents {
        assert!(last_end <= document.span.start, "documents overlap or are out of order");
        assert!(document.span.start <= document.span.end && document.span.end <= text.len());
        last_end = document.span.end;
    }
    assert_eq!(outcome.documents.is_empty(), seen.is_empty());
    let mut lines = 0;
    for failure in &seen {
        assert!(failure.count >= 1);
        assert_eq!(&text[failure.start..failure.start + failure.line.len()], failure.line);
        assert!(!failure.line.contains('\n'));
        lines += failure.count;
    }
    assert!(lines <= text.lines().count());
    let (findings, _next) = symptom::check(&seen, &index, &ClusterModel::default());
    assert_eq!(findings.len(), seen.len());
    for finding in &findings {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
        assert!(finding.fix.is_none());
    }
    // The node ranges error lines state point at their own line, inside one of the documents,
    // and reading the failures against them reports the same failures.
    for node in &outcome.model.node_pod_cidrs {
        let span = node.source.span;
        assert!(span.start < span.end && span.end <= text.len());
        assert!(outcome
            .documents
            .iter()
            .any(|d| d.span.start <= span.start && span.end <= d.span.end));
    }
    let (again, _next) = symptom::check(&seen, &index, &outcome.model);
    assert_eq!(again.len(), seen.len());
});
