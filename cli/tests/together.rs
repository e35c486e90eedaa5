//! `podnet check --together PATH…`: the files analysed as one cluster; each finding is
//! reported in its own file, whatever the output format, and a value one file states is
//! checked against another's.

use std::path::PathBuf;

mod common;
use common::podnet;

fn repository(test: &str, files: &[(&str, &[u8])]) -> PathBuf {
    common::repository("together", test, files)
}

/// A kubeadm config whose bootstrap token redaction shortens, before the file a finding is in.
const KUBEADM: &str = "apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nbootstrapTokens:\n- token: s73ybu.6tw6wnqgp5z0wb77\n---\napiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.100.0.0/16\n  serviceSubnet: 10.96.0.0/16\n";
const NET_CONF: &str =
    "{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files(test: &str) -> PathBuf {
    repository(
        test,
        &[
            ("kubeadm.yaml", KUBEADM.as_bytes()),
            ("net-conf.json", NET_CONF.as_bytes()),
        ],
    )
}

#[test]
fn a_finding_about_two_files_is_reported_in_the_one_its_fix_edits() {
    let root = files("text");
    let output = podnet(
        &root,
        &["check", "--together", "kubeadm.yaml", "net-conf.json"],
    );
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(
        stdout.contains("net-conf.json:2:15 error flannel/cluster-cidr Network 10.244.0.0/16 does not contain --cluster-cidr 10.100.0.0/16 (podSubnet at kubeadm.yaml:9:14 (kubeadm-config))"),
        "{stdout}"
    );
    assert!(
        stdout.contains("-  \"Network\": \"10.244.0.0/16\",\n+  \"Network\": \"10.100.0.0/16\","),
        "{stdout}"
    );
    assert!(stdout.contains("kubeadm.yaml: no findings"), "{stdout}");
    // The next steps (the rollout of the fix) follow the file the fix edits, not the first.
    let steps = stdout.find("then:").expect("next steps");
    let net_conf = stdout.find("net-conf.json:2:15").expect("the finding");
    assert!(steps > net_conf, "{stdout}");
}

const SUBNET_ENV: &str =
    "FLANNEL_NETWORK=10.200.0.0/16\nFLANNEL_SUBNET=10.200.3.1/24\nFLANNEL_MTU=1500\nFLANNEL_IPMASQ=true\n";

#[test]
fn a_subnet_env_among_the_files_is_checked_against_the_config() {
    let root = repository(
        "subnet-env",
        &[
            ("net-conf.json", NET_CONF.as_bytes()),
            ("subnet.env", SUBNET_ENV.as_bytes()),
        ],
    );
    let output = podnet(
        &root,
        &[
            "check",
            "--together",
            "--underlay-mtu",
            "1500",
            "net-conf.json",
            "subnet.env",
        ],
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("subnet.env:1:17 warning cluster/conflicting-values the pod Network: FLANNEL_NETWORK at subnet.env:1:17 (flannel-subnet-env) says 10.200.0.0/16, Network at net-conf.json:2:15 (flannel-net-conf) says 10.244.0.0/16"),
        "{stdout}"
    );
    assert!(
        stdout.contains("subnet.env:2:16 error flannel/cluster-cidr FLANNEL_SUBNET 10.200.3.1/24 lies outside Network 10.244.0.0/16 (Network at net-conf.json:2:15 (flannel-net-conf))"),
        "{stdout}"
    );
    assert!(
        stdout.contains("subnet.env:3:13 warning flannel/subnet-env-mtu FLANNEL_MTU=1500"),
        "{stdout}"
    );
}

#[test]
fn alone_each_file_is_checked_on_its_own() {
    let root = files("alone");
    let output = podnet(&root, &["check", "kubeadm.yaml", "net-conf.json"]);
    let stdout = text(&output.stdout);
    assert!(!stdout.contains("flannel/cluster-cidr"), "{stdout}");
}

#[test]
fn json_names_the_file_of_every_document_and_finding() {
    let root = files("json");
    let output = podnet(
        &root,
        &[
            "check",
            "--together",
            "--format",
            "json",
            "kubeadm.yaml",
            "net-conf.json",
        ],
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let files = value["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    let finding = files[1]["findings"]
        .as_array()
        .and_then(|findings| {
            findings
                .iter()
                .find(|f| f["rule"] == "flannel/cluster-cidr")
        })
        .expect("the finding");
    assert_eq!(finding["file"], "net-conf.json");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(2), Some(15))
    );
    assert_eq!(files[0]["documents"][0]["file"], "kubeadm.yaml");
    assert_eq!(files[0]["documents"][0]["kind"], "kubeadm-config");
    assert!(files[1]["fixed"]
        .as_str()
        .is_some_and(|fixed| fixed.contains("10.100.0.0/16")));
}

#[test]
fn sarif_points_at_the_file_of_each_finding() {
    let root = files("sarif");
    let output = podnet(
        &root,
        &[
            "check",
            "--together",
            "--format",
            "sarif",
            "kubeadm.yaml",
            "net-conf.json",
        ],
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF");
    let results = value["runs"][0]["results"].as_array().expect("results");
    let result = results
        .iter()
        .find(|r| r["ruleId"] == "flannel/cluster-cidr")
        .expect("the result");
    let location = &result["locations"][0]["physicalLocation"];
    let uri = location["artifactLocation"]["uri"]
        .as_str()
        .unwrap_or_default();
    assert!(uri.ends_with("net-conf.json"), "{uri}");
    assert_eq!(location["region"]["startLine"], 2);
}

/// An ARM template and, after it, its parameters file (the service range and DNS address).
const TEMPLATE_AND_PARAMETERS: &str =
    include_str!("../../tests/fixtures/aks/arm-parameters-file.json");

#[test]
fn a_template_value_from_a_parameters_file_is_fixed_in_the_parameters_file() {
    let at = TEMPLATE_AND_PARAMETERS
        .find("\n{\n")
        .expect("the parameters file after the template");
    let (template, parameters) = TEMPLATE_AND_PARAMETERS.split_at(at + 1);
    let root = repository(
        "parameters",
        &[
            ("main.json", template.as_bytes()),
            ("main.parameters.json", parameters.as_bytes()),
        ],
    );
    let output = podnet(
        &root,
        &["check", "--together", "main.json", "main.parameters.json"],
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("main.parameters.json:6:17 error aks/service-cidr-overlap"),
        "{stdout}"
    );
    assert!(stdout.contains("(in the parameters file)"), "{stdout}");
    assert!(
        stdout.contains("-      \"value\": \"10.0.0.0/16\"\n+      \"value\": \"172.16.0.0/16\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("+          \"podCidr\": \"100.64.0.0/10\","),
        "{stdout}"
    );
}
