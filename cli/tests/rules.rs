//! `podnet rules` and `podnet explain`: the registry as the CLI shows it.

use std::process::Command;

fn podnet(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_podnet"))
        .args(args)
        .output()
        .expect("podnet runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn rules_lists_every_rule_once_in_text_and_json() {
    let (code, text, _) = podnet(&["rules"]);
    assert_eq!(code, 0);
    assert_eq!(text.lines().count(), podnet_core::RuleId::ALL.len());
    assert!(text
        .lines()
        .any(|line| line.starts_with("flannel/node-capacity ") && line.contains(" error ")));

    let (code, json, _) = podnet(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let rules: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let rules = rules.as_array().expect("a list");
    assert_eq!(rules.len(), podnet_core::RuleId::ALL.len());
    let capacity = rules
        .iter()
        .find(|rule| rule["id"] == "aks/pod-cidr-capacity")
        .expect("the AKS capacity rule");
    assert_eq!(capacity["area"], "aks");
    assert_eq!(capacity["file"], "core/src/aks/rules/pod_cidr_capacity.rs");
    for rule in rules {
        let file = rule["file"].as_str().expect("a file");
        let path = format!("{}/../{file}", env!("CARGO_MANIFEST_DIR"));
        assert!(
            std::path::Path::new(&path).exists(),
            "{file} does not exist"
        );
    }
}

#[test]
fn explain_prints_the_documentation_and_an_unknown_rule_is_bad_usage() {
    let (code, text, _) = podnet(&["explain", "flannel/backend-mtu"]);
    assert_eq!(code, 0);
    for heading in [
        "What it finds",
        "Why it matters",
        "How to fix it",
        "Source: ",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    assert!(
        text.starts_with("flannel/backend-mtu (error, flannel)"),
        "{text}"
    );

    let (code, _, stderr) = podnet(&["explain", "flannel/backend-mtus"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean flannel/backend-mtu"),
        "{stderr}"
    );
}

/// `static/rules.html`, the page the web app links each finding's rule to, is what
/// `podnet rules --format html` prints now (`UPDATE_SNAPSHOTS=1` rewrites it).
#[test]
fn the_rules_page_in_static_is_current() {
    let (code, html, _) = podnet(&["rules", "--format", "html"]);
    assert_eq!(code, 0);
    let path = format!("{}/../static/rules.html", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &html).expect("static/rules.html is writable");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == html,
        "static/rules.html is stale: run `UPDATE_SNAPSHOTS=1 cargo test -p podnet-cli --test rules`"
    );
}
