//! A `kubectl get cm,secret -o json|yaml` List: redaction goes object by object, so the analysis
//! of the kube-flannel ConfigMap in a List that also holds a Secret is the analysis of the same
//! List without the Secret (issue 12).

use podnet_core::{analyze, Context, Report};

const CONFIG_MAP_JSON: &str = r#"{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "v1",
            "data": {
                "cni-conf.json": "{\n  \"name\": \"cbr0\",\n  \"cniVersion\": \"0.3.1\",\n  \"plugins\": [\n    {\n      \"type\": \"flannel\",\n      \"delegate\": {\n        \"hairpinMode\": true,\n        \"isDefaultGateway\": true\n      }\n    }\n  ]\n}\n",
                "net-conf.json": "{\n  \"Network\": \"10.244.0.0/20\",\n  \"Backend\": {\n    \"Type\": \"vxlan\"\n  }\n}\n"
            },
            "kind": "ConfigMap",
            "metadata": {
                "name": "kube-flannel-cfg",
                "namespace": "kube-flannel"
            }
        }"#;

const SECRET_JSON: &str = r#",
        {
            "apiVersion": "v1",
            "data": {
                "token": "RkFLRXRva2VuRkFLRXRva2VuRkFLRXRva2Vu"
            },
            "kind": "Secret",
            "metadata": {
                "name": "flannel-ipsec",
                "namespace": "kube-flannel"
            },
            "type": "Opaque"
        }"#;

const LIST_END_JSON: &str = "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n";

const CONFIG_MAP_YAML: &str = "apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    net-conf.json: |\n      {\n        \"Network\": \"10.244.0.0/20\",\n        \"Backend\": {\n          \"Type\": \"vxlan\"\n        }\n      }\n  kind: ConfigMap\n  metadata:\n    name: kube-flannel-cfg\n    namespace: kube-flannel\n";

const SECRET_YAML: &str = "- apiVersion: v1\n  data:\n    token: RkFLRXRva2VuRkFLRXRva2VuRkFLRXRva2Vu\n  kind: Secret\n  metadata:\n    name: flannel-ipsec\n    namespace: kube-flannel\n  type: Opaque\n";

const LIST_END_YAML: &str = "kind: List\nmetadata:\n  resourceVersion: \"\"\n";

fn context() -> Context {
    let mut context = Context::default();
    context.set("nodes", "300").expect("nodes");
    context
}

/// What the analysis says about the ConfigMap: documents, findings, capacity and the model.
fn analysis(report: &Report) -> String {
    let mut out = format!(
        "{:?}\n{:?}\n{:?}\n",
        report.documents, report.findings, report.capacity
    );
    for statement in report.model.statements() {
        out += &format!("{statement:?}\n");
    }
    out
}

fn assert_same_analysis(config_map: &str, secret: &str, end: &str) {
    let without = analyze(&format!("{config_map}{end}"), &context());
    let with = analyze(&format!("{config_map}{secret}{end}"), &context());
    assert!(
        !without.findings.is_empty(),
        "the ConfigMap alone has findings to compare"
    );
    assert_eq!(analysis(&with), analysis(&without));
    // The Secret's value is gone, the ConfigMap's network is not.
    assert!(!with.text.contains("RkFLRXRva2Vu"), "{}", with.text);
    assert!(with.text.contains("10.244.0.0/20"), "{}", with.text);
    assert_eq!(with.redactions.len(), 1, "{:?}", with.redactions);
}

#[test]
fn a_json_list_with_a_secret_analyses_like_the_list_without_it() {
    assert_same_analysis(CONFIG_MAP_JSON, SECRET_JSON, LIST_END_JSON);
}

#[test]
fn a_yaml_list_with_a_secret_analyses_like_the_list_without_it() {
    assert_same_analysis(CONFIG_MAP_YAML, SECRET_YAML, LIST_END_YAML);
}
