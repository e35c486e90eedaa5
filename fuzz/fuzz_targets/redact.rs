//! Redaction never panics, keeps the line count, is idempotent and restores the input exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{redact, LineIndex, RedactionOptions};

fuzz_target!(|text: &str| {
    let options = RedactionOptions::default();
    let redacted = redact::redact(text, &options);
    // `String` is valid UTF-8 by construction; every line break survives, so every line keeps
    // its number. (The count is `LineIndex`'s, as findings use it: `str::lines` ignores a final
    // empty line, which a multi-line secret ending the text at column 1 leaves behind.)
    assert_eq!(redacted.text.matches('\n').count(), text.matches('\n').count());
    assert_eq!(LineIndex::new(&redacted.text).line_count(), LineIndex::new(text).line_count());
    assert_eq!(redacted.restore(&redacted.text), text);
    assert_eq!(redact::redact(&redacted.text, &options).text, redacted.text);
});
