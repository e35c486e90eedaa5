//! The listings reader (node listings, etcd leases, flanneld's command line) never panics, keeps
//! every document and model value inside the text, and the whole analysis of such a paste never
//! panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{analyze, listings, Context, LineIndex};

fuzz_target!(|text: &str| {
    let index = LineIndex::new(text);
    let outcome = listings::read(text, &index);
    for document in &outcome.documents {
        assert!(document.span.start <= document.span.end && document.span.end <= text.len());
    }
    for statement in outcome.model.statements() {
        let span = statement.source.span;
        assert!(span.start <= span.end && span.end <= text.len());
    }
    let report = analyze(text, &Context::default());
    for finding in &report.findings {
        assert!(finding.span.end <= report.text.len());
    }
});
