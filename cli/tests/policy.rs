//! `podnet policy`: the emitted Rego admits and denies kube-flannel ConfigMaps as the numbers say,
//! evaluated with a real Rego engine (regorus: Gatekeeper's template with its Constraint's
//! parameters, and the conftest policy), and the Prometheus rules' PromQL parses with a real
//! parser (promql-parser) into the expected comparison.

use std::path::{Path, PathBuf};

use podnet_core::yaml::{parse_stream, Node, NodeKind};
use serde_json::{json, Value};

mod common;
use common::podnet;

const NET_CONF: &str =
    "{\n  \"Network\": \"10.244.0.0/16\",\n  \"SubnetLen\": 24,\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n";

/// A fresh directory for one test, holding `net-conf.json`.
fn scratch(test: &str) -> PathBuf {
    common::repository("policy", test, &[("net-conf.json", NET_CONF)])
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A YAML scalar as JSON: a number, a boolean, or a string.
fn scalar(node: &Node) -> Value {
    let text = node.as_str().expect("a scalar");
    text.parse::<i64>()
        .map(Value::from)
        .or_else(|_| text.parse::<bool>().map(Value::from))
        .unwrap_or_else(|_| Value::from(text))
}

fn config_map(name: &str, net_conf: &str) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": name, "namespace": "kube-flannel"},
        "data": {"net-conf.json": net_conf},
    })
}

fn net_conf(network: &str, subnet_len: Option<u8>) -> String {
    match subnet_len {
        Some(len) => format!("{{\"Network\": \"{network}\", \"SubnetLen\": {len}, \"Backend\": {{\"Type\": \"vxlan\"}}}}"),
        None => format!("{{\"Network\": \"{network}\", \"Backend\": {{\"Type\": \"vxlan\"}}}}"),
    }
}

/// The Gatekeeper template's Rego and the Constraint's parameters.
fn gatekeeper(directory: &Path) -> (String, Value) {
    let documents =
        parse_stream(&read(directory.join("gatekeeper-flannel-capacity.yaml"))).expect("YAML");
    assert_eq!(documents.len(), 2);
    let template = &documents[0].root;
    assert_eq!(
        template.get("kind").and_then(Node::as_str),
        Some("ConstraintTemplate")
    );
    let target = &template
        .get("spec")
        .and_then(|spec| spec.get("targets"))
        .expect("targets")
        .items()[0];
    assert_eq!(
        target.get("target").and_then(Node::as_str),
        Some("admission.k8s.gatekeeper.sh")
    );
    let rego = target
        .get("rego")
        .and_then(Node::as_str)
        .expect("rego")
        .to_string();
    let constraint = &documents[1].root;
    let kind = template
        .get("spec")
        .and_then(|spec| spec.get("crd"))
        .and_then(|crd| crd.get("spec"))
        .and_then(|spec| spec.get("names"))
        .and_then(|names| names.get("kind"))
        .and_then(Node::as_str);
    assert_eq!(constraint.get("kind").and_then(Node::as_str), kind);
    let NodeKind::Mapping(pairs) = &constraint
        .get("spec")
        .and_then(|spec| spec.get("parameters"))
        .expect("parameters")
        .kind
    else {
        panic!("parameters is a mapping")
    };
    let parameters: serde_json::Map<String, Value> = pairs
        .iter()
        .map(|(key, value)| (key.as_str().expect("a key").to_string(), scalar(value)))
        .collect();
    (rego, Value::Object(parameters))
}

/// The messages `rule` gives for `input` under the policy `rego`.
fn evaluate(rego: &str, rule: &str, input: &Value) -> Vec<String> {
    let mut engine = regorus::Engine::new();
    engine
        .add_policy("policy.rego".to_string(), rego.to_string())
        .unwrap_or_else(|e| panic!("the Rego does not compile: {e}\n{rego}"));
    engine
        .set_input_json(&input.to_string())
        .expect("the input");
    let value = engine
        .eval_rule(rule.to_string())
        .unwrap_or_else(|e| panic!("{rule}: {e}"));
    let json: Value = serde_json::from_str(&value.to_json_str().expect("JSON")).expect("JSON");
    json.as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    item.get("msg")
                        .unwrap_or(item)
                        .as_str()
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn gatekeeper_and_conftest_admit_a_network_that_holds_the_target_and_deny_one_that_does_not() {
    let directory = scratch("kube");
    // 300 nodes and 20% headroom: 360 nodes at most 75% used need 480 node ranges: a /15 of /24s.
    let output = podnet(
        &directory,
        &[
            "policy",
            "net-conf.json",
            "--nodes",
            "300",
            "--headroom",
            "20",
            "--out",
            "out",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = directory.join("out");
    let (rego, parameters) = gatekeeper(&out);
    assert_eq!(parameters["minNodeRanges"], 480);
    assert_eq!(parameters["nodePrefix"], 24);
    assert_eq!(parameters["kubeSubnetManager"], true);
    let conftest = read(out.join("conftest/flannel_capacity.rego"));
    let cases = [
        (
            "a /15 holds 512 ranges",
            config_map("kube-flannel-cfg", &net_conf("10.244.0.0/15", None)),
            0,
        ),
        (
            "a /16 holds 256",
            config_map("kube-flannel-cfg", &net_conf("10.244.0.0/16", None)),
            1,
        ),
        // Kube mode ignores SubnetLen: a /25 per node would give 512 ranges, but nodes get /24s.
        (
            "SubnetLen is ignored in kube mode",
            config_map("kube-flannel-cfg", &net_conf("10.244.0.0/16", Some(25))),
            1,
        ),
        (
            "not valid JSON",
            config_map("kube-flannel-cfg", "{\"Network\": "),
            1,
        ),
        (
            "no Network",
            config_map("kube-flannel-cfg", "{\"Backend\": {\"Type\": \"vxlan\"}}"),
            1,
        ),
        (
            "another ConfigMap",
            config_map("coredns", &net_conf("10.244.0.0/16", None)),
            0,
        ),
    ];
    for (what, config_map, denials) in &cases {
        let review = json!({"review": {"object": config_map}, "parameters": parameters});
        let violations = evaluate(&rego, "data.podnetflannelcapacity.violation", &review);
        assert_eq!(
            violations.len(),
            *denials,
            "gatekeeper, {what}: {violations:?}"
        );
        let denied = evaluate(&conftest, "data.main.deny", config_map);
        assert_eq!(denied.len(), *denials, "conftest, {what}: {denied:?}");
    }
    let review = json!({"review": {"object": cases[1].1}, "parameters": parameters});
    let message = &evaluate(&rego, "data.podnetflannelcapacity.violation", &review)[0];
    assert_eq!(
        message,
        "kube-flannel-cfg: Network 10.244.0.0/16 with a /24 per node holds 256 node ranges; 480 are needed to keep the target at or under 75% used"
    );
    // conftest hands a multi-document file over as a list.
    let both = json!([cases[5].1, cases[1].1]);
    assert_eq!(evaluate(&conftest, "data.main.deny", &both).len(), 1);
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn in_etcd_mode_subnet_len_sets_the_node_ranges() {
    let directory = scratch("etcd");
    let output = podnet(
        &directory,
        &[
            "policy",
            "--nodes",
            "300",
            "--subnet-manager",
            "etcd",
            "--out",
            "out",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (rego, parameters) = gatekeeper(&directory.join("out"));
    assert_eq!(parameters["minNodeRanges"], 400);
    assert_eq!(parameters["kubeSubnetManager"], false);
    for (subnet_len, denials) in [(Some(25), 0), (Some(24), 1), (None, 1), (Some(15), 1)] {
        let config_map = config_map("kube-flannel-cfg", &net_conf("10.244.0.0/16", subnet_len));
        let review = json!({"review": {"object": config_map}, "parameters": parameters});
        let violations = evaluate(&rego, "data.podnetflannelcapacity.violation", &review);
        assert_eq!(
            violations.len(),
            denials,
            "SubnetLen {subnet_len:?}: {violations:?}"
        );
    }
    assert!(
        !directory.join("out/prometheus-rules.yaml").exists(),
        "no config given, so no capacity to alert on"
    );
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn the_prometheus_rules_parse_as_promql_and_compare_with_the_configs_capacity() {
    let directory = scratch("prometheus");
    let output = podnet(
        &directory,
        &[
            "policy",
            "net-conf.json",
            "--nodes",
            "100",
            "--max-pods",
            "64",
            "--out",
            "out",
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let documents = parse_stream(&read(directory.join("out/prometheus-rules.yaml"))).expect("YAML");
    let rules = documents[0].root.get("groups").expect("groups").items()[0]
        .get("rules")
        .expect("rules")
        .items()
        .to_vec();
    let mut capacities = Vec::new();
    for rule in &rules {
        let expr = rule.get("expr").and_then(Node::as_str).expect("expr");
        let parsed = promql_parser::parser::parse(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
        let promql_parser::parser::Expr::Binary(comparison) = parsed else {
            panic!("{expr}: not a comparison")
        };
        assert_eq!(comparison.op.to_string(), ">", "{expr}");
        let promql_parser::parser::Expr::NumberLiteral(threshold) = *comparison.rhs else {
            panic!("{expr}: no threshold")
        };
        assert!((threshold.val - 0.75).abs() < f64::EPSILON, "{expr}");
        let promql_parser::parser::Expr::Binary(ratio) = *comparison.lhs else {
            panic!("{expr}: no ratio")
        };
        assert_eq!(ratio.op.to_string(), "/", "{expr}");
        let promql_parser::parser::Expr::NumberLiteral(capacity) = *ratio.rhs else {
            panic!("{expr}: no capacity")
        };
        capacities.push(capacity.val);
        assert!(rule.get("alert").and_then(Node::as_str).is_some());
    }
    // 10.244.0.0/16 with /24s: 256 node ranges; a /24 holds 253 pod addresses, --max-pods 64.
    assert_eq!(capacities, [256.0, 64.0]);
    let _ = std::fs::remove_dir_all(&directory);
}

#[test]
fn the_aks_policy_judges_terraform_plans_and_az_aks_show_by_their_pod_cidr() {
    let directory = scratch("aks");
    let output = podnet(&directory, &["policy", "--nodes", "300", "--out", "out"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rego = read(directory.join("out/conftest-aks/aks_pod_cidr.rego"));
    // 300 nodes at most 75% used: 400 node ranges of /24, so a /15 (512) and not a /16 (256).
    let plan = |pod_cidr: Value| {
        json!({"resource_changes": [
            {"address": "azurerm_kubernetes_cluster.main", "type": "azurerm_kubernetes_cluster",
             "change": {"after": {"network_profile": [{"network_plugin": "kubenet", "pod_cidr": pod_cidr}]}}},
            {"address": "azurerm_resource_group.rg", "type": "azurerm_resource_group", "change": {"after": {}}}
        ]})
    };
    let show = |pod_cidr: &str| json!({"name": "prod", "networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay", "podCidr": pod_cidr}});
    let denied = evaluate(&rego, "data.main.deny", &plan(json!("10.244.0.0/16")));
    assert_eq!(
        denied,
        ["azurerm_kubernetes_cluster.main: pod CIDR 10.244.0.0/16 with a /24 per node holds 256 node ranges; 400 are needed to keep the target at or under 75% used"]
    );
    assert!(evaluate(&rego, "data.main.deny", &plan(json!("10.240.0.0/15"))).is_empty());
    // Azure CNI without overlay states no pod CIDR: nothing to judge.
    assert!(evaluate(&rego, "data.main.deny", &plan(Value::Null)).is_empty());
    assert_eq!(
        evaluate(&rego, "data.main.deny", &show("192.168.0.0/16")).len(),
        1
    );
    assert!(evaluate(&rego, "data.main.deny", &show("100.64.0.0/14")).is_empty());
    let _ = std::fs::remove_dir_all(&directory);
}
