//! The HCL reader and the Terraform AKS reader never panic, keep every span inside the text, and
//! the HCL fix is stable: the fixed text analyses again without panicking, still parses, and
//! fixing it twice changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{aks, apply_fixes, hcl, sort_findings, Context, LineIndex};

fuzz_target!(|text: &str| {
    if let Err(error) = hcl::parse(text) {
        assert!(error.at <= text.len());
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
        assert!(hcl::parse(&fixed).is_ok() || hcl::parse(text).is_err(), "the fix broke the HCL");
        let index = LineIndex::new(&fixed);
        let mut again = aks::analyze(&fixed, &index, &context);
        sort_findings(&mut again.findings);
        assert_eq!(apply_fixes(&fixed, &again.findings), fixed, "fixing twice changed the text");
    }
});
