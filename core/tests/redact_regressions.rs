//! Inputs that once broke a redaction invariant (found by fuzzing), kept under
//! `tests/fixtures/secrets/regressions/`: each must keep its line breaks, restore exactly and
//! redact idempotently.

use std::fs;
use std::path::PathBuf;

use podnet_core::redact::redact;
use podnet_core::RedactionOptions;

#[test]
fn regressions_keep_the_invariants() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/secrets/regressions");
    let mut checked = 0;
    for entry in fs::read_dir(dir).expect("regressions directory") {
        let path = entry.expect("entry").path();
        let text = String::from_utf8_lossy(&fs::read(&path).expect("read")).into_owned();
        let options = RedactionOptions::default();
        let redacted = redact(&text, &options);
        let name = path.display();
        assert_eq!(
            redacted.text.matches('\n').count(),
            text.matches('\n').count(),
            "{name}"
        );
        assert_eq!(redacted.restore(&redacted.text), text, "{name}: restore");
        assert_eq!(
            redact(&redacted.text, &options).text,
            redacted.text,
            "{name}: idempotence"
        );
        checked += 1;
    }
    assert!(checked >= 1);
}
