//! Fixed output still parses, and fixing it again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{analyze, Context};

fuzz_target!(|text: &str| {
    let context = Context { target_nodes: Some(300), max_pods: Some(110), ..Context::default() };
    let report = analyze(text, &context);
    if let Some(fixed) = report.fixed {
        let again = analyze(&fixed, &context);
        assert!(again.input_error.is_none() || report.input_error.is_some(), "fixed text no longer parses");
        assert_eq!(again.fixed, None, "fixing twice changed the text");
    }
});
