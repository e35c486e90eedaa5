//! Redaction never panics, keeps the line count, is idempotent and restores the input exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{redact, RedactionOptions};

fuzz_target!(|text: &str| {
    let options = RedactionOptions::default();
    let redacted = redact::redact(text, &options);
    // `String` is valid UTF-8 by construction; the line breaks must all survive.
    assert_eq!(redacted.text.matches('\n').count(), text.matches('\n').count());
    assert_eq!(redacted.text.lines().count(), text.lines().count());
    assert_eq!(redacted.restore(&redacted.text), text);
    assert_eq!(redact::redact(&redacted.text, &options).text, redacted.text);
});
