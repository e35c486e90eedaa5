//! The Bicep reader and the Bicep AKS reader never panic, keep every span inside the text, and
//! the Bicep fix is stable: the fixed text analyses again without panicking, keeps every cluster
//! it had, and fixing it twice changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{aks, apply_fixes, bicep, sort_findings, Context, LineIndex};

fuzz_target!(|text: &str| {
    let file = bicep::parse(text);
    for resource in &file.resources {
        assert!(resource.start <= resource.body.start && resource.body.end <= text.len());
        // Every reference resolves within the hop limit or not at all, without panicking.
        let _ = file.resolve(&resource.body, 8);
    }
    let context = Context { target_nodes: Some(300), ..Context::default() };
    let index = LineIndex::new(text);
    let mut outcome = aks::analyze(text, &index, &context);
    sort_findings(&mut outcome.findings);
    for finding in &outcome.findings {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
    }
    let fixed = apply_fixes(text, &outcome.findings);
    if fixed != text {
        let again_file = bicep::parse(&fixed);
        assert_eq!(again_file.resources.len(), file.resources.len(), "the fix lost a resource");
        let index = LineIndex::new(&fixed);
        let mut again = aks::analyze(&fixed, &index, &context);
        sort_findings(&mut again.findings);
        assert_eq!(apply_fixes(&fixed, &again.findings), fixed, "fixing twice changed the text");
    }
});
