//! `podnet redact` end to end: redacted text on stdout, the report on stderr, `--keep`, exit codes.

use std::io::Write as _;
use std::process::{Command, Stdio};

fn podnet(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podnet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run podnet");
    // podnet may exit before reading (a refused flag): a broken pipe here is not a failure.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    let output = child.wait_with_output().expect("wait");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const PASTE: &str = "net-conf.json: |\n  {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"ipsec\", \"PSK\": \"FAKEpskFAKEpskFAKEpsk0123\"}}\nowner: jane@example-fake.org\naws_secret_access_key = FAKEwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLE\n";

#[test]
fn redact_prints_placeholders_and_reports_on_stderr() {
    let (code, out, err) = podnet(&["redact", "-"], PASTE);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"PSK\": \"REDACTED_PSK_1\""), "{out}");
    assert!(out.contains("owner: REDACTED_EMAIL_1"), "{out}");
    assert!(
        out.contains("aws_secret_access_key = REDACTED_AWS_SECRET_ACCESS_KEY_1"),
        "{out}"
    );
    assert!(out.contains("10.244.0.0/16"), "{out}");
    assert_eq!(out.lines().count(), PASTE.lines().count());
    assert!(err.contains("<stdin>:2:"), "{err}");
    assert!(
        err.contains("redacted pre-shared-key (25 characters) as REDACTED_PSK_1"),
        "{err}"
    );
    assert!(err.contains("<stdin>:3:8: redacted email"), "{err}");
    for secret in ["FAKEpskFAKEpsk", "jane@", "FAKEwJalr"] {
        assert!(
            !out.contains(secret) && !err.contains(secret),
            "{secret} leaked"
        );
    }
}

#[test]
fn values_that_look_like_placeholders_are_kept_and_reported() {
    let (code, out, err) = podnet(&["redact", "-"], "db:\n  password: REPLACE_ME\n");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("password: REPLACE_ME"), "{out}");
    assert!(
        err.contains("<stdin>:2:13: kept a value that looks like a placeholder"),
        "{err}"
    );
}

#[test]
fn keep_leaves_a_kind_alone_and_unknown_kinds_are_refused() {
    let (code, out, _) = podnet(&["redact", "--keep", "email"], PASTE);
    assert_eq!(code, 0);
    assert!(out.contains("owner: jane@example-fake.org"), "{out}");
    assert!(out.contains("REDACTED_PSK_1"), "{out}");

    let (code, out, err) = podnet(&["redact", "--keep", "emails"], PASTE);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("unknown redaction kind \"emails\""), "{err}");
    assert!(err.contains("public-ip"), "{err}");
}

#[test]
fn unreadable_input_exits_2_with_the_reason() {
    let (code, _, err) = podnet(&["redact", "/nonexistent/podnet-redact-input"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read /nonexistent/podnet-redact-input"),
        "{err}"
    );
}
