//! End-to-end checks of the first slice: a bare net-conf.json through analyze(), fixes and diff.

use podnet_core::{analyze, apply_fixes, Context, Severity};

const OUT_OF_SPACE: &str = include_str!("../../tests/fixtures/flannel/out-of-space.net-conf.json");

fn with_nodes(nodes: u32) -> Context {
    Context {
        target_nodes: Some(nodes),
        ..Context::default()
    }
}

#[test]
fn three_hundred_nodes_do_not_fit_a_slash_16_with_slash_24_per_node() {
    let report = analyze(OUT_OF_SPACE, &with_nodes(300));
    assert_eq!(report.documents.len(), 1);
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/node-capacity")
        .expect("capacity finding");
    assert_eq!(finding.severity, Severity::Error);
    assert!(finding.message.contains("256"), "{}", finding.message);
    assert!(
        finding.message.contains("node 257 gets no range"),
        "{}",
        finding.message
    );
    assert_eq!((finding.span.line, finding.span.column), (2, 15));
    assert!(
        finding.explanation.contains("2^(24 − 16) = 2^8 = 256"),
        "{}",
        finding.explanation
    );
    let capacity = report.capacity.as_ref().expect("capacity numbers");
    assert_eq!(capacity.node_ranges, 256);
    assert_eq!(capacity.pod_addresses_per_node, 253);
    let fixed = report.fixed.as_deref().expect("fixed text");
    assert_eq!(
        fixed,
        OUT_OF_SPACE.replace("10.244.0.0/16", "10.244.0.0/15")
    );
    let diff = report.diff.as_ref().expect("diff").unified();
    assert!(
        diff.contains("-  \"Network\": \"10.244.0.0/16\",\n+  \"Network\": \"10.244.0.0/15\","),
        "{diff}"
    );
}

#[test]
fn the_fixed_text_rechecks_clean_and_fixing_twice_changes_nothing() {
    let context = with_nodes(300);
    let fixed = analyze(OUT_OF_SPACE, &context).fixed.expect("fixed text");
    let again = analyze(&fixed, &context);
    assert!(!again.has_errors(), "{:?}", again.findings);
    assert_eq!(again.fixed, None);
    assert_eq!(apply_fixes(&fixed, &again.findings), fixed);
}

#[test]
fn within_the_pool_and_under_the_threshold_there_is_no_finding() {
    // Issue 3 adds a kube-mode warning (SubnetLen is ignored with --kube-subnet-mgr), which has
    // no fix; the capacity rule itself stays quiet.
    let report = analyze(OUT_OF_SPACE, &with_nodes(100));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule != "flannel/node-capacity"),
        "{:?}",
        report.findings
    );
    assert_eq!(report.fixed, None);
}

#[test]
fn above_the_alert_threshold_is_a_warning_with_the_same_fix() {
    let report = analyze(OUT_OF_SPACE, &with_nodes(200));
    let finding = &report.findings[0];
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("78.1%"), "{}", finding.message);
    assert!(report.fixed.expect("fixed").contains("10.244.0.0/15"));
}

#[test]
fn formatting_is_kept_by_the_fix() {
    let compact = "{\"Network\":\"10.244.0.0/16\",\t\"Backend\":{\"Type\":\"vxlan\"}}";
    let fixed = analyze(compact, &with_nodes(300)).fixed.expect("fixed");
    assert_eq!(
        fixed,
        "{\"Network\":\"10.244.0.0/15\",\t\"Backend\":{\"Type\":\"vxlan\"}}"
    );
}

#[test]
fn a_json_syntax_error_says_where() {
    let report = analyze(
        "{\n  \"Network\": \"10.244.0.0/16\"\n  \"SubnetLen\": 24\n}",
        &Context::default(),
    );
    // Broken JSON that names flannel's keys is a net-conf.json with an error at its position.
    let error = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/net-conf-syntax")
        .expect("syntax finding");
    assert_eq!(error.severity, Severity::Error);
    assert_eq!((error.span.line, error.span.column), (3, 3));
    assert!(
        error.message.contains("line 3, column 3"),
        "{}",
        error.message
    );
    assert!(error.message.contains("comma"), "{}", error.message);
}

#[test]
fn an_unparseable_network_is_an_error_finding() {
    let report = analyze(r#"{"Network": "10.244.0.0"}"#, &Context::default());
    // Issue 3 adds other findings (a missing Backend); look the syntax finding up by rule.
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/network-syntax")
        .expect("network-syntax finding");
    assert!(finding.message.contains("prefix length is missing"));
}

#[test]
fn mtu_is_underlay_minus_backend_overhead() {
    let report = analyze(OUT_OF_SPACE, &Context::default());
    let mtu = report.mtu.expect("mtu");
    assert_eq!((mtu.underlay, mtu.overhead, mtu.pod_mtu), (1500, 50, 1450));
}
