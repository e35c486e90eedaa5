//! Detection and parsing never panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{analyze, Context};

fuzz_target!(|text: &str| {
    let context = Context { target_nodes: Some(300), ..Context::default() };
    let _ = analyze(text, &context);
});
