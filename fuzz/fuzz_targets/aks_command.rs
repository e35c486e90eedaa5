//! The az aks command-line reader never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{aks, Context, LineIndex};

fuzz_target!(|text: &str| {
    let index = LineIndex::new(text);
    let _ = aks::analyze(text, &index, &Context::default());
});
