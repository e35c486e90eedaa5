//! `podnet check PATH…`: several files and directories, walked in a sorted order; what podnet
//! does not read is skipped quietly in a walk, reported when named; findings name their file.

use std::path::PathBuf;

mod common;
use common::podnet;

/// A fresh directory for one test, with `files` (path, bytes) in it.
fn repository(test: &str, files: &[(&str, &[u8])]) -> PathBuf {
    common::repository("paths", test, files)
}

const NET_CONF: &str = "{\n  \"Network\": \"10.244.0.0/16\",\n  \"SubnetLen\": 24,\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n";
const AKS: &str = "az aks create -g rg -n c --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16\n";
const BROKEN_CONFIG_MAP: &str = "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\",\n";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_walk_reports_what_podnet_reads_in_sorted_order_and_skips_the_rest_quietly() {
    let root = repository(
        "walk",
        &[
            ("README.md", b"# a project\n"),
            ("logo.png", b"\x89PNG\r\n\x1a\n\xff\xfe"),
            (
                "package.json",
                b"{\"name\": \"x\", \"version\": \"1.0.0\"}\n",
            ),
            ("tsconfig.json", b"{ // comments\n}\n"),
            ("deploy/z-aks.sh", AKS.as_bytes()),
            ("deploy/a-net-conf.json", NET_CONF.as_bytes()),
            (".git/net-conf.json", NET_CONF.as_bytes()),
        ],
    );
    let output = podnet(&root, &["check", ".", "--nodes", "300"]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert_eq!(text(&output.stderr), "", "nothing said about skipped files");
    let files: Vec<&str> = stdout
        .lines()
        .filter(|line| {
            line.contains(" error ")
                || line.contains(" warning ")
                || line.contains(" info ")
                || line.ends_with("no findings")
        })
        .map(|line| line.split(':').next().unwrap_or_default())
        .collect();
    assert!(files.contains(&"deploy/a-net-conf.json"), "{stdout}");
    assert!(files.contains(&"deploy/z-aks.sh"), "{stdout}");
    let first_aks = files.iter().position(|file| file.ends_with("z-aks.sh"));
    let last_net_conf = files
        .iter()
        .rposition(|file| file.ends_with("a-net-conf.json"));
    assert!(last_net_conf < first_aks, "sorted: {files:?}");
    for skipped in ["README", "logo", "package", "tsconfig", ".git"] {
        assert!(!stdout.contains(skipped), "{skipped} reported:\n{stdout}");
    }
    assert!(
        stdout.contains("deploy/a-net-conf.json:2:15 error flannel/node-capacity "),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn several_files_give_json_files_in_order_and_the_worst_exit_code() {
    let root = repository(
        "json",
        &[("b.json", NET_CONF.as_bytes()), ("a.sh", AKS.as_bytes())],
    );
    let output = podnet(
        &root,
        &[
            "check", "b.json", "a.sh", "--format", "json", "--nodes", "300",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let files = report["files"].as_array().expect("files");
    let names: Vec<&str> = files.iter().filter_map(|f| f["file"].as_str()).collect();
    assert_eq!(names, ["b.json", "a.sh"], "named files keep their order");
    assert_eq!(files[0]["findings"][0]["rule"], "flannel/node-capacity");
    assert_eq!(files[1]["documents"][0]["kind"], "az-aks-command");
    // With enough room for the target, no file has an error.
    let output = podnet(&root, &["check", "b.json", "--nodes", "100"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_named_file_podnet_does_not_read_is_unusable_unless_skipped_on_request() {
    let root = repository(
        "named",
        &[
            ("README.md", b"# a project\n"),
            ("net-conf.json", NET_CONF.as_bytes()),
        ],
    );
    let output = podnet(&root, &["check", "README.md", "net-conf.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).starts_with("podnet: README.md:1:1: "),
        "{}",
        text(&output.stderr)
    );
    assert!(
        text(&output.stdout).contains("net-conf.json:2:15 info flannel/capacity "),
        "the other file is still checked: {}",
        text(&output.stdout)
    );
    let output = podnet(
        &root,
        &["check", "--skip-unrecognised", "README.md", "net-conf.json"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
    assert!(!text(&output.stdout).contains("README"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_walk_reports_a_config_map_whose_net_conf_is_broken() {
    let root = repository(
        "broken",
        &[
            ("cm.yaml", BROKEN_CONFIG_MAP.as_bytes()),
            ("net-conf.json", NET_CONF.as_bytes()),
        ],
    );
    let output = podnet(&root, &["check", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).starts_with("cm.yaml:8:1 error flannel/net-conf-syntax "),
        "{}",
        text(&output.stdout)
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn sarif_carries_an_unusable_input_as_a_notification() {
    let root = repository(
        "sarif",
        &[
            ("README.md", b"# a project\n"),
            ("net-conf.json", NET_CONF.as_bytes()),
        ],
    );
    let sarif = podnet(
        &root,
        &["check", "README.md", "net-conf.json", "--format", "sarif"],
    );
    assert_eq!(sarif.status.code(), Some(2));
    let log: serde_json::Value =
        serde_json::from_slice(&sarif.stdout).expect("a SARIF log all the same");
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .expect("a notification");
    assert!(note.starts_with("README.md:1:1: "), "{note}");
    let uri = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(uri["uri"], "net-conf.json");
    assert_eq!(uri["uriBaseId"], "%SRCROOT%");
    let _ = std::fs::remove_dir_all(&root);
}
