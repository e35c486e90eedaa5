//! `podnet plan` end to end: the plan on stdout, exit codes, JSON output.

use std::process::Command;

fn podnet(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_podnet"))
        .args(args)
        .output()
        .expect("run podnet");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn plan_prints_the_pool_and_why() {
    let (code, out, _) = podnet(&[
        "plan",
        "--nodes",
        "300",
        "--max-pods",
        "250",
        "--base",
        "10.244.0.0/16",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("pool: 10.244.0.0/15"), "{out}");
    assert!(out.contains("per node: /24"), "{out}");
    assert!(out.contains("⌈300 × 100 / 75⌉ = 400"), "{out}");
}

#[test]
fn plan_avoids_ranges_and_speaks_json() {
    let (code, out, _) = podnet(&[
        "plan",
        "--nodes",
        "50",
        "--avoid",
        "10.0.0.0/8",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    let pool = value["pool"].as_str().expect("pool");
    assert!(!pool.starts_with("10."), "{pool}");
    assert_eq!(value["node_prefix"], 25);
}

#[test]
fn bad_input_exits_2_with_the_reason() {
    let (code, _, err) = podnet(&["plan", "--nodes", "10", "--avoid", "10.0.0.0"]);
    assert_eq!(code, 2);
    assert!(err.contains("prefix length"), "{err}");
    let (code, _, err) = podnet(&["plan", "--nodes", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("at least 1"), "{err}");
}
