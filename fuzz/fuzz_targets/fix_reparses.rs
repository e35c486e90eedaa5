//! Fixed output still parses, re-checks without the errors its fixes addressed, and fixing it
//! again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{analyze, Context};

// The integration tests' check of the same invariant.
#[path = "../../core/tests/support/mod.rs"]
mod support;

fuzz_target!(|text: &str| {
    let context = Context {
        target_nodes: Some(300),
        max_pods: Some(110),
        ..Context::default()
    };
    let report = analyze(text, &context);
    if let Some(fixed) = &report.fixed {
        let again = analyze(fixed, &context);
        assert!(
            again.input_error.is_none() || report.input_error.is_some(),
            "fixed text no longer parses"
        );
        assert_eq!(
            again.documents.len(),
            report.documents.len(),
            "fixing changed the documents found"
        );
        let left: Vec<&str> = support::errors_the_fix_left(&report, &again)
            .iter()
            .map(|f| f.rule.as_str())
            .collect();
        assert!(left.is_empty(), "fixed text still raises {left:?}");
        assert_eq!(again.fixed, None, "fixing twice changed the text");
    }
});
