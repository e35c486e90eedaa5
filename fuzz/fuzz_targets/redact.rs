//! Redaction never panics, and keeps the line count.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{redact, RedactionOptions};

fuzz_target!(|text: &str| {
    let redacted = redact::redact(text, &RedactionOptions::default());
    assert_eq!(redacted.text.lines().count(), text.lines().count());
});
