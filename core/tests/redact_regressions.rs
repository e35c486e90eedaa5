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

/// The fuzz find once recorded as a known issue: a certificate in a mangled Secret whose `END` line
/// was far away, past less-indented lines; the first pass blanked those lines, so the second pass
/// read the `stringData` block further and redacted one more value.
#[test]
fn a_certificate_without_its_end_does_not_swallow_the_document() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/secrets/regressions/certificate-block-crossing-structure.txt");
    let text = fs::read_to_string(path).expect("regression input");
    let options = RedactionOptions::default();
    let once = redact(&text, &options);
    let twice = redact(&once.text, &options);
    assert_eq!(twice.text, once.text);
    assert!(twice.redactions.is_empty(), "{:?}", twice.redactions);
    assert_eq!(once.text.lines().count(), text.lines().count());
    // The structure after the broken certificate keeps its lines.
    assert!(once
        .text
        .contains("\nspring.data.redis.url=rmdiss://default:REDACTED_"));
    assert!(once
        .text
        .contains("\n  \"client_id\": \"104629465468735104"));
}
