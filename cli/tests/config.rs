//! The project config `.podnet.toml`: found by walking up from the working directory or named
//! with `--config`; context values under the flags, rule settings, per-path overrides, and
//! mistakes reported with line and column.

use std::process::Output;

mod common;
use common::podnet;

const NET_CONF: &str =
    "{\n  \"Network\": \"10.244.0.0/16\",\n  \"SubnetLen\": 24,\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n";

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_config_above_the_working_directory_sets_the_context_and_flags_win() {
    let root = common::repository(
        "config",
        "context",
        &[
            (".podnet.toml", "[context]\nnodes = 300\n"),
            ("flannel/net-conf.json", NET_CONF),
        ],
    );
    let directory = root.join("flannel");
    let output = podnet(&directory, &["check", "net-conf.json", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        json(&output)["findings"][0]["rule"],
        "flannel/node-capacity"
    );
    assert_eq!(json(&output)["capacity"]["target_nodes"], 300);
    let output = podnet(
        &directory,
        &[
            "check",
            "net-conf.json",
            "--nodes",
            "100",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["capacity"]["target_nodes"], 100);
    // `podnet fix` reads the same config.
    let fixed = podnet(&directory, &["fix", "net-conf.json"]);
    assert!(String::from_utf8_lossy(&fixed.stdout).contains("10.244.0.0/15"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn rules_turned_off_drop_their_findings_and_fixes_and_severities_replace_the_rules() {
    let root = common::repository(
        "config",
        "rules",
        &[
            (
                "podnet.toml",
                "[context]\nnodes = 300\n[rules]\n\"flannel/node-capacity\" = \"off\"\n\"flannel/kube-mode-ignored-key\" = \"error\"\n",
            ),
            ("net-conf.json", NET_CONF),
        ],
    );
    let without = podnet(
        &root,
        &[
            "check",
            "net-conf.json",
            "--nodes",
            "300",
            "--format",
            "json",
        ],
    );
    assert!(json(&without)["fixed"].is_string(), "the node-capacity fix");
    let output = podnet(
        &root,
        &[
            "check",
            "net-conf.json",
            "--config",
            "podnet.toml",
            "--format",
            "json",
        ],
    );
    let report = json(&output);
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|finding| finding["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"flannel/node-capacity"), "{rules:?}");
    assert!(report["fixed"].is_null(), "its fix is gone too: {report}");
    assert!(report["diff"].is_null());
    let ignored = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|finding| finding["rule"] == "flannel/kube-mode-ignored-key")
        .expect("kube-mode-ignored-key");
    assert_eq!(ignored["severity"], "error");
    assert_eq!(
        output.status.code(),
        Some(1),
        "an error by the config's say"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn per_path_overrides_apply_to_the_files_their_globs_match() {
    let root = common::repository(
        "config",
        "overrides",
        &[
            (
                ".podnet.toml",
                "[context]\nnodes = 300\n\n[[overrides]]\npaths = [\"dev/*.json\"]\ncontext = { nodes = 20 }\n",
            ),
            ("dev/net-conf.json", NET_CONF),
            ("dev/nested/net-conf.json", NET_CONF),
            ("prod/net-conf.json", NET_CONF),
        ],
    );
    let output = podnet(&root, &["check", ".", "--format", "json"]);
    let report = json(&output);
    let targets: Vec<(String, u64)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|file| {
            (
                file["file"].as_str().unwrap_or_default().to_string(),
                file["capacity"]["target_nodes"]
                    .as_u64()
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        targets,
        [
            ("dev/nested/net-conf.json".to_string(), 300),
            ("dev/net-conf.json".to_string(), 20),
            ("prod/net-conf.json".to_string(), 300),
        ],
        "`*` stays in its directory"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_bad_config_is_unusable_with_its_line_and_column() {
    for (config, expected) in [
        (
            "[context]\nnodes = 3\nmaxpods = 110\n",
            ".podnet.toml:3:1: unknown context key \"maxpods\"; did you mean max-pods?",
        ),
        (
            "[context]\nnodes = 3\n\n[rule]\n",
            ".podnet.toml:4:2: unknown field `rule`",
        ),
        (
            "[rules]\n\"node-capacity\" = \"off\"\n",
            ".podnet.toml:2:1: no rule \"node-capacity\"; did you mean flannel/node-capacity?",
        ),
        (
            "[context]\nplatform = \"mars\"\n",
            ".podnet.toml:2:12: platform \"mars\" is not one of generic, aws, gcp, azure",
        ),
    ] {
        let root = common::repository(
            "config",
            "bad",
            &[(".podnet.toml", config), ("net-conf.json", NET_CONF)],
        );
        let output = podnet(&root, &["check", "net-conf.json"]);
        assert_eq!(output.status.code(), Some(2), "{config}");
        let said = stderr(&output);
        let absolute = root.join(".podnet.toml");
        let said = said.replace(&absolute.display().to_string(), ".podnet.toml");
        assert!(said.starts_with(&format!("podnet: {expected}")), "{said}");
        assert!(output.stdout.is_empty());
        let _ = std::fs::remove_dir_all(&root);
    }
}
