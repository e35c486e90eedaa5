//! Fixed output still parses, re-checks without the errors its fixes addressed, and fixing it
//! again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{analyze, Context, Severity};

fuzz_target!(|text: &str| {
    let context = Context {
        target_nodes: Some(300),
        max_pods: Some(110),
        ..Context::default()
    };
    let report = analyze(text, &context);
    if let Some(fixed) = report.fixed {
        let again = analyze(&fixed, &context);
        assert!(
            again.input_error.is_none() || report.input_error.is_some(),
            "fixed text no longer parses"
        );
        assert_eq!(
            again.documents.len(),
            report.documents.len(),
            "fixing changed the documents found"
        );
        let fixed_errors: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.fix.is_some() && f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect();
        for finding in again
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            assert!(
                !fixed_errors.contains(&finding.rule),
                "fixed text still raises {}",
                finding.rule
            );
        }
        assert_eq!(again.fixed, None, "fixing twice changed the text");
    }
});
