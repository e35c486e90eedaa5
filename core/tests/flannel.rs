//! Flannel area end to end: detection of every input form, exact positions, minimal edits.

use podnet_core::flannel;
use podnet_core::json::JsonErrorKind;
use podnet_core::{analyze, Context, DocumentKind, InputErrorKind, LineIndex, Severity};

fn area(text: &str, context: &Context) -> podnet_core::AreaOutcome {
    let index = LineIndex::new(text);
    flannel::analyze(text, &index, context)
}

fn nodes(n: u32) -> Context {
    Context {
        target_nodes: Some(n),
        ..Context::default()
    }
}

#[test]
fn text_that_is_not_flannel_is_left_for_other_areas() {
    for text in [
        "az aks create -g rg -n cluster --network-plugin kubenet --pod-cidr 10.244.0.0/16",
        "Our pods cannot reach each other after the upgrade, any idea?",
        "",
        "kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\n",
    ] {
        let outcome = area(text, &Context::default());
        assert!(
            outcome.documents.is_empty(),
            "{text:?}: {:?}",
            outcome.documents
        );
        assert!(
            outcome.input_error.is_none(),
            "{text:?}: {:?}",
            outcome.input_error
        );
        assert!(outcome.findings.is_empty(), "{text:?}");
    }
}

#[test]
fn a_json_error_inside_a_configmap_points_at_the_line_of_the_paste() {
    let text = "kind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\n      \"Network\": \"10.244.0.0/16\",\n      \"Backend\": {\"Type\": \"vxlan\"},\n    }\n";
    let outcome = area(text, &Context::default());
    let error = outcome.input_error.expect("input error");
    assert_eq!((error.span.line, error.span.column), (9, 5), "{error:?}");
    assert_eq!(
        error.kind,
        InputErrorKind::EmbeddedJsonSyntax {
            document: "net-conf.json",
            error: JsonErrorKind::TrailingComma,
        }
    );
    assert!(error.message().contains("trailing comma"), "{error:?}");
    assert_eq!(outcome.documents[0].kind, DocumentKind::FlannelConfigMap);
}

#[test]
fn a_yaml_error_in_a_flannel_paste_says_where() {
    let text = "kind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: \"{\\\"Network\\\": \n";
    let report = analyze(text, &Context::default());
    let error = report.input_error.expect("input error");
    assert!(
        matches!(error.kind, InputErrorKind::YamlSyntax { .. }),
        "{error:?}"
    );
    assert!(error.message().starts_with("not valid YAML: "), "{error:?}");
    assert!(error.span.line >= 5, "{error:?}");
}

#[test]
fn the_whole_manifest_yields_the_configmap_and_the_policy() {
    let text = include_str!("../../tests/fixtures/flannel/network-policy.yaml");
    let report = analyze(text, &Context::default());
    let kinds: Vec<_> = report.documents.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [DocumentKind::FlannelConfigMap, DocumentKind::NetworkPolicy]
    );
    let policy = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/network-policy-not-enforced")
        .expect("policy finding");
    assert_eq!(policy.span.line, 10);
}

#[test]
fn every_quoting_of_net_conf_gets_the_same_minimal_fix() {
    let forms = [
        ("|", "\n    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n"),
        (">-", "\n    {\"Network\": \"10.244.0.0/16\",\n     \"Backend\": {\"Type\": \"vxlan\"}}\n"),
        ("", " '{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}'\n"),
        ("", " \"{\\\"Network\\\": \\\"10.244.0.0/16\\\", \\\"Backend\\\": {\\\"Type\\\": \\\"vxlan\\\"}}\"\n"),
    ];
    for (header, body) in forms {
        let text = format!("kind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: {header}{body}");
        let report = analyze(&text, &nodes(300));
        let fixed = report.fixed.unwrap_or_else(|| panic!("no fix for {text}"));
        assert_eq!(
            fixed,
            text.replace("10.244.0.0/16", "10.244.0.0/15"),
            "{text}"
        );
        let again = analyze(&fixed, &nodes(300));
        assert!(!again.has_errors(), "{:?}", again.findings);
    }
}

#[test]
fn kubectl_json_output_is_fixed_inside_the_escaped_string() {
    let text = include_str!("../../tests/fixtures/flannel/out-of-space-kubectl.json");
    let report = analyze(text, &nodes(300));
    let fixed = report.fixed.expect("fixed");
    assert_eq!(fixed, text.replace("10.244.0.0/16", "10.244.0.0/15"));
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/node-capacity")
        .expect("capacity");
    assert_eq!(&text[finding.span.start..finding.span.end], "10.244.0.0/16");
}

#[test]
fn an_inserted_backend_keeps_the_block_indentation() {
    let text = "kind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\n      \"Network\": \"10.244.0.0/16\"\n    }\n";
    let report = analyze(text, &Context::default());
    let fixed = report.fixed.expect("fixed");
    assert!(fixed.contains("      \"Network\": \"10.244.0.0/16\",\n      \"Backend\": {\"Type\": \"vxlan\"}\n    }"), "{fixed}");
}

#[test]
fn kube_mode_ignores_subnet_len_and_etcd_mode_uses_it() {
    let text = r#"{"Network": "10.244.0.0/16", "SubnetLen": 26, "Backend": {"Type": "vxlan"}}"#;
    let kube = analyze(text, &Context::default());
    assert!(kube
        .findings
        .iter()
        .any(|f| f.rule == "flannel/kube-mode-ignored-key"));
    assert_eq!(kube.capacity.as_ref().map(|c| c.node_prefix), Some(24));
    let etcd = Context {
        subnet_manager: podnet_core::SubnetManager::from_name("etcd"),
        ..Context::default()
    };
    let report = analyze(text, &etcd);
    assert!(report
        .findings
        .iter()
        .all(|f| f.rule != "flannel/kube-mode-ignored-key"));
    let capacity = report.capacity.expect("capacity");
    assert_eq!(
        (capacity.node_prefix, capacity.usable_node_ranges),
        (26, 1023)
    );
}

#[test]
fn a_redacted_psk_is_not_judged_as_a_short_one() {
    let text = r#"{"Network": "10.244.0.0/16", "Backend": {"Type": "ipsec", "PSK": "REDACTED_FLANNEL_PSK_1"}}"#;
    let report = analyze(text, &Context::default());
    let psk = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/ipsec-psk")
        .expect("psk finding");
    assert_eq!(psk.severity, Severity::Info);
    assert!(psk.message.contains("redacted"), "{}", psk.message);
}

#[test]
fn the_mtu_trap_names_the_underlay_lever_and_the_ping_pair() {
    let text = r#"{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan", "MTU": 1450}}"#;
    let report = analyze(text, &Context::default());
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/backend-mtu")
        .expect("mtu finding");
    assert!(
        finding.message.contains("pods get 1450 − 50 = 1400"),
        "{}",
        finding.message
    );
    assert!(
        finding.explanation.contains("ping -M do -s 1422"),
        "{}",
        finding.explanation
    );
    assert!(
        finding.explanation.contains("ping -M do -s 1423"),
        "{}",
        finding.explanation
    );
    assert_eq!(
        report.fixed.as_deref(),
        Some(text.replace("1450", "1500").as_str())
    );
}

#[test]
fn rollout_steps_follow_a_fix_and_mention_the_cluster_cidr_in_kube_mode() {
    let text = include_str!("../../tests/fixtures/flannel/out-of-space-literal.yaml");
    let report = analyze(text, &nodes(300));
    assert!(report
        .next_steps
        .iter()
        .any(|s| s.contains("rollout restart ds/kube-flannel-ds")));
    assert!(report
        .next_steps
        .iter()
        .any(|s| s.contains("--cluster-cidr")));
    let clean = analyze(
        include_str!("../../tests/fixtures/flannel/valid-configmap.yaml"),
        &Context::default(),
    );
    assert!(clean.next_steps.is_empty());
}

#[test]
fn windows_line_endings_and_multibyte_text_keep_positions_exact() {
    let text = include_str!("../../tests/fixtures/flannel/multibyte-comments.yaml");
    let report = analyze(text, &nodes(300));
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/node-capacity")
        .expect("capacity");
    assert_eq!(&text[finding.span.start..finding.span.end], "10.244.0.0/16");
    let crlf = text.replace('\n', "\r\n");
    let report = analyze(&crlf, &nodes(300));
    assert_eq!(
        report.fixed.expect("fixed"),
        crlf.replace("10.244.0.0/16", "10.244.0.0/15")
    );
}

mod properties {
    use podnet_core::{analyze, Context};
    use proptest::prelude::*;

    /// The same net-conf.json in each container form podnet reads.
    fn wrap(form: usize, network: &str, comment: &str) -> String {
        let conf = format!("{{\"Network\": \"{network}\", \"Backend\": {{\"Type\": \"vxlan\"}}}}");
        let escaped = conf.replace('"', "\\\"");
        let head = format!("# {comment}\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: ");
        match form {
            0 => conf,
            1 => format!("{head}|\n    {conf}\n"),
            2 => format!("{head}>-\n    {conf}\n"),
            3 => format!("{head}'{conf}'\n"),
            4 => format!("{head}\"{escaped}\"\n"),
            _ => format!("{{\"kind\": \"ConfigMap\", \"metadata\": {{\"name\": \"kube-flannel-cfg\"}}, \"data\": {{\"net-conf.json\": \"{escaped}\"}}}}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn network_findings_point_at_the_network_and_fixes_converge(
            form in 0usize..6,
            a in 1u8..=223, b in 0u8..=255, prefix in 12u8..=24,
            nodes in 1u32..2000,
            comment in "[a-zé☕ ]{0,12}",
        ) {
            let network = format!("{a}.{b}.0.0/{prefix}");
            let text = wrap(form, &network, &comment);
            let context = Context { target_nodes: Some(nodes), ..Context::default() };
            let report = analyze(&text, &context);
            prop_assert!(report.input_error.is_none(), "{:?}", report.input_error);
            for finding in report.findings.iter().filter(|f| f.rule == "flannel/node-capacity" || f.rule == "flannel/capacity") {
                prop_assert_eq!(&report.text[finding.span.start..finding.span.end], network.as_str());
            }
            if let Some(fixed) = report.fixed {
                let again = analyze(&fixed, &context);
                prop_assert!(again.input_error.is_none());
                prop_assert_eq!(again.fixed, None, "fixing twice changed {}", fixed);
            }
        }
    }
}

#[test]
fn the_delegate_mtu_is_reported_as_the_configured_pod_mtu() {
    let text = include_str!("../../tests/fixtures/flannel/configmap-delegate-mtu.yaml");
    let report = analyze(text, &Context::default());
    let mtu = report.mtu.expect("mtu report");
    assert_eq!((mtu.underlay, mtu.pod_mtu), (1500, 1450));
    assert_eq!(mtu.configured_pod_mtu, Some(1500));
    assert_eq!(
        mtu.configured_source.as_deref(),
        Some("cni-conf.json delegate mtu")
    );
    let capacity = report.capacity.expect("capacity");
    assert_eq!(capacity.service_range, None, "flannel never names it");
}

#[test]
fn a_net_conf_without_an_explicit_pod_mtu_reports_none() {
    let text = r#"{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}"#;
    let mtu = analyze(text, &Context::default()).mtu.expect("mtu report");
    assert_eq!(mtu.configured_pod_mtu, None);
    assert_eq!(mtu.configured_source, None);
}

#[test]
fn a_net_conf_json_that_opens_the_paste_ends_at_its_brace_when_more_follows_below() {
    // The JSON, then what the user pasted with it: a ConfigMap after `---`, or a log line.
    let configmap = "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.245.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
    let kinds: Vec<DocumentKind> = analyze(configmap, &Context::default())
        .documents
        .iter()
        .map(|document| document.kind)
        .collect();
    assert_eq!(
        kinds,
        [DocumentKind::FlannelNetConf, DocumentKind::FlannelConfigMap]
    );
    let log = "{\"Network\": \"10.244.0.0/16\"}\n\nE1127 10:00:00.000000 1 main.go:332] Error registering network: failed to acquire lease: node \"n1\" pod cidr not assigned\n";
    let report = analyze(log, &Context::default());
    assert!(report.input_error.is_none(), "{:?}", report.input_error);
    assert!(
        report
            .findings
            .iter()
            .all(|finding| finding.rule.as_str() != "flannel/net-conf-syntax"),
        "{:?}",
        report.findings
    );
    // Text after the brace on its own line is still a syntax error, at its place.
    let glued = "{\"Network\": \"10.244.0.0/16\"} trailing\n\nNAME  CIDR\n";
    let report = analyze(glued, &Context::default());
    let syntax = report
        .findings
        .iter()
        .find(|finding| finding.rule.as_str() == "flannel/net-conf-syntax")
        .expect("a syntax finding");
    assert_eq!((syntax.span.line, syntax.span.column), (1, 30));
}
