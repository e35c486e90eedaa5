//! The az aks command-line reader never panics, keeps every span inside the text, and its fix is
//! stable: the fixed text analyses again without panicking and fixing it twice changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::aks::command::AksCommand;
use podnet_core::aks::lexer::az_commands;
use podnet_core::{aks, apply_fixes, sort_findings, Context, LineIndex};

fuzz_target!(|text: &str| {
    for raw in az_commands(text) {
        for word in &raw.words {
            assert!(word.start <= word.end && word.end <= text.len());
            let (start, end) = word.text_range(0, word.value.len());
            assert!(start <= end && end <= text.len());
        }
        let _ = AksCommand::from_raw(&raw);
    }
    let context = Context { target_nodes: Some(300), ..Context::default() };
    let index = LineIndex::new(text);
    let mut outcome = aks::analyze(text, &index, &context);
    // In the order the report applies them (clashing fixes: the first one wins).
    sort_findings(&mut outcome.findings);
    for finding in &outcome.findings {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
    }
    let fixed = apply_fixes(text, &outcome.findings);
    if fixed != text {
        let index = LineIndex::new(&fixed);
        let mut again = aks::analyze(&fixed, &index, &context);
        sort_findings(&mut again.findings);
        assert_eq!(apply_fixes(&fixed, &again.findings), fixed, "fixing twice changed the text");
    }
});
