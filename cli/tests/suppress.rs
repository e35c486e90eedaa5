//! Suppressions: `# podnet: ignore[rule] reason` comments in the checked text and `[[suppress]]`
//! entries of `.podnet.toml` (for JSON, which has no comments); an unused one is reported as
//! `podnet/unused-suppression`.

use std::process::Output;

mod common;
use common::podnet;

const AKS: &str = "az aks create -g rg -n c --network-plugin kubenet --max-pods 300";
const NET_CONF: &str =
    "{\n  \"Network\": \"10.244.0.0/16\",\n  \"SubnetLen\": 24,\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n";

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn an_inline_suppression_silences_its_rule_on_its_line_and_the_exit_code_follows() {
    let root = common::repository(
        "suppress",
        "inline",
        &[
            (
                "same-line.sh",
                &format!("{AKS} # podnet: ignore[aks/max-pods] tested at 300\n"),
            ),
            (
                "line-before.sh",
                &format!("# podnet: ignore[aks/max-pods] tested at 300\n{AKS}\n"),
            ),
            ("not-suppressed.sh", &format!("{AKS}\n")),
        ],
    );
    for file in ["same-line.sh", "line-before.sh"] {
        let output = podnet(&root, &["check", file]);
        let text = stdout(&output);
        assert!(!text.contains(" aks/max-pods "), "{file}: {text}");
        assert!(
            !text.contains("podnet/unused-suppression"),
            "{file}: {text}"
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{file}: the error is silenced: {text}"
        );
    }
    let output = podnet(&root, &["check", "not-suppressed.sh"]);
    assert!(stdout(&output).contains(" error aks/max-pods "));
    assert_eq!(output.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn an_unused_inline_suppression_is_a_warning_whose_fix_removes_it() {
    let text = format!("# podnet: ignore[flannel/node-capacity]\n{AKS} # podnet: ignore[aks/max-pods, aks/max-pod]\n");
    let root = common::repository("suppress", "unused", &[("create.sh", &text)]);
    let output = podnet(&root, &["check", "create.sh", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let unused: Vec<(u64, u64, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["rule"] == "podnet/unused-suppression")
        .map(|finding| {
            (
                finding["line"].as_u64().unwrap_or_default(),
                finding["column"].as_u64().unwrap_or_default(),
                finding["message"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(unused.len(), 2, "{unused:?}");
    assert_eq!((unused[0].0, unused[0].1), (1, 1));
    assert!(
        unused[0]
            .2
            .contains("`flannel/node-capacity` reports nothing here"),
        "{}",
        unused[0].2
    );
    assert_eq!(unused[1].0, 2);
    assert!(
        unused[1]
            .2
            .contains("no rule `aks/max-pod` (did you mean aks/max-pods?)"),
        "{}",
        unused[1].2
    );
    // The fix deletes the comment that silences nothing; the comment with one used id stays.
    let fixed = stdout(&podnet(&root, &["fix", "create.sh"]));
    assert!(!fixed.contains("flannel/node-capacity"), "{fixed}");
    assert!(
        fixed.contains("# podnet: ignore[aks/max-pods, aks/max-pod]"),
        "{fixed}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_config_entry_suppresses_a_rule_in_a_json_file_and_an_unused_one_is_reported_in_the_config() {
    let config = "[context]\nnodes = 300\n\n[[suppress]]\npath = \"flannel/net-conf.json\"\nrule = \"flannel/node-capacity\"\nreason = \"grows to 256 nodes only\"\n\n[[suppress]]\npath = \"flannel/net-conf.json\"\nrule = \"flannel/backend-type\"\n";
    let root = common::repository(
        "suppress",
        "config",
        &[
            (".podnet.toml", config),
            ("flannel/net-conf.json", NET_CONF),
        ],
    );
    let output = podnet(&root, &["check", "flannel/net-conf.json"]);
    let text = stdout(&output);
    assert!(!text.contains("flannel/node-capacity"), "{text}");
    assert!(
        text.contains(".podnet.toml:11:8 warning podnet/unused-suppression unused suppression: `flannel/backend-type` reports nothing in flannel/net-conf.json"),
        "{text}"
    );
    assert!(
        text.contains("flannel/net-conf.json:3:16 info flannel/kube-mode-ignored-key"),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(0), "{text}");
    // The same from a subdirectory: the config is found above, paths stay relative to it.
    let output = podnet(
        &root.join("flannel"),
        &["check", "net-conf.json", "--format", "sarif"],
    );
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF");
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|result| {
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str()
        })
        .collect();
    assert!(uris.contains(&"net-conf.json"), "{uris:?}");
    assert!(
        uris.iter().any(|uri| uri.ends_with("/.podnet.toml")),
        "{uris:?}"
    );
    // An entry for a file the run did not check says nothing.
    let root_file = common::repository(
        "suppress",
        "config-other",
        &[(".podnet.toml", config), ("other.json", NET_CONF)],
    );
    let output = podnet(&root_file, &["check", "other.json"]);
    assert!(
        !stdout(&output).contains("unused-suppression"),
        "{}",
        stdout(&output)
    );
    let _ = std::fs::remove_dir_all(&root);
    let _ = std::fs::remove_dir_all(&root_file);
}
