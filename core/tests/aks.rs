//! End-to-end checks of the AKS area: the seed story's commands through `analyze()`, the corrected
//! command in every continuation style, and properties of the tokenizer.

use podnet_core::aks::command::AksCommand;
use podnet_core::aks::lexer::az_commands;
use podnet_core::{analyze, Context, Severity};
use proptest::prelude::*;

mod support;

const SEED_KUBENET: &str = include_str!("../../tests/fixtures/aks/seed-kubenet.sh");
const SEED_OVERLAY: &str = include_str!("../../tests/fixtures/aks/seed-overlay.sh");

fn context(pairs: &[(&str, &str)]) -> Context {
    let mut context = Context::default();
    for (key, value) in pairs {
        context.set(key, value).expect("valid context setting");
    }
    context
}

/// The migration changes as little as possible: the plugin moves to Azure CNI Overlay and the
/// pod CIDR stays, because Overlay accepts it (the in-place update keeps it too).
#[test]
fn the_seed_kubenet_command_moves_to_overlay_and_keeps_its_pod_cidr() {
    let report = analyze(SEED_KUBENET, &context(&[("vnet-cidr", "10.20.4.0/22")]));
    let retirement = report
        .findings
        .iter()
        .find(|f| f.rule == "aks/kubenet-retirement")
        .expect("kubenet retirement finding");
    assert_eq!(retirement.severity, Severity::Warning);
    assert!(retirement.message.contains("31 March 2028"));
    assert_eq!((retirement.span.line, retirement.span.column), (6, 22));
    let fixed = report.fixed.as_deref().expect("fixed text");
    let expected = SEED_KUBENET.replace(
        "    --network-plugin kubenet \\\n",
        "    --network-plugin azure \\\n    --network-plugin-mode overlay \\\n",
    );
    assert_eq!(fixed, expected);
    assert!(fixed.contains("--pod-cidr 10.244.0.0/16"), "{fixed}");
    // The seed's own overlay command names the same plugin and mode.
    for line in [
        "    --network-plugin azure \\",
        "    --network-plugin-mode overlay \\",
    ] {
        assert!(SEED_OVERLAY.contains(line), "{line}");
        assert!(fixed.contains(line), "{line}");
    }
    let step = report.next_steps.last().expect("the in-place update");
    assert!(step.contains("Kubernetes 1.27+"), "{step}");
    assert!(step.contains("user-assigned managed identity"), "{step}");
    assert!(step.ends_with(": az aks update --resource-group rg-prod-eus2 --name aks-prod-eus2 --network-plugin azure --network-plugin-mode overlay"), "{step}");
}

/// An on-premises range the pod CIDR overlaps makes it one Overlay cannot use: then it moves.
#[test]
fn a_kubenet_pod_cidr_that_overlaps_a_known_range_moves_with_the_migration() {
    let report = analyze(
        SEED_KUBENET,
        &context(&[("vnet-cidr", "10.20.4.0/22"), ("avoid", "10.0.0.0/8")]),
    );
    let fixed = report.fixed.as_deref().expect("fixed text");
    assert!(fixed.contains("--pod-cidr 100.64.0.0/10"), "{fixed}");
}

#[test]
fn the_seed_overlay_command_raises_nothing_above_info() {
    let report = analyze(SEED_OVERLAY, &context(&[("vnet-cidr", "10.20.4.0/22")]));
    assert_eq!(report.documents.len(), 1);
    let loud: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .collect();
    assert!(loud.is_empty(), "{loud:?}");
    assert_eq!(
        report.capacity.as_ref().map(|c| c.node_ranges),
        Some(16_384)
    );
    assert!(report.fixed.is_none());
}

#[test]
fn a_known_range_in_rfc_6598_space_moves_the_pod_cidr_to_rfc_1918() {
    let text = "az aks create -g rg -n aks --network-plugin kubenet\n";
    let report = analyze(
        text,
        &context(&[("avoid", "100.64.0.0/10"), ("vnet-cidr", "10.0.0.0/8")]),
    );
    let fixed = report.fixed.as_deref().expect("fixed");
    assert!(fixed.contains("--pod-cidr 172.16.0.0/16"), "{fixed}");
    assert!(
        fixed.contains("--service-cidr 172.17.0.0/16 --dns-service-ip 172.17.0.10"),
        "{fixed}"
    );
}

#[test]
fn every_continuation_style_keeps_its_marker_in_the_fix() {
    for (marker, newline) in [("\\", "\n"), ("`", "\n"), ("^", "\r\n")] {
        let text = format!("az aks create {marker}{newline}  -g rg {marker}{newline}  --network-plugin kubenet{newline}");
        let report = analyze(&text, &Context::default());
        let fixed = report.fixed.expect("fixed");
        assert_eq!(
            fixed,
            format!("az aks create {marker}{newline}  -g rg {marker}{newline}  --network-plugin azure {marker}{newline}  --network-plugin-mode overlay{newline}")
        );
        let again = analyze(&fixed, &Context::default());
        assert!(again.fixed.is_none(), "fixing twice changed {marker}");
        assert!(again
            .findings
            .iter()
            .all(|f| f.rule != "aks/kubenet-retirement"));
    }
}

#[test]
fn a_secret_value_never_appears_in_a_message() {
    let text = "az aks create -g rg -n aks --service-principal app --client-secret 'S3cr3t!value' --network-plugin kubenet --pod-cidr 172.16.0.0/12\n";
    let report = analyze(text, &Context::default());
    assert!(!report.findings.is_empty());
    for finding in &report.findings {
        assert!(!finding.message.contains("S3cr3t"), "{}", finding.message);
        assert!(
            !finding.explanation.contains("S3cr3t"),
            "{}",
            finding.explanation
        );
    }
    assert!(report.next_steps.iter().all(|s| !s.contains("S3cr3t")));
}

#[test]
fn text_without_an_aks_command_is_left_to_other_areas() {
    let index_text = "{\"Network\": \"10.244.0.0/16\"}";
    let index = podnet_core::LineIndex::new(index_text);
    let outcome = podnet_core::aks::analyze(index_text, &index, &Context::default());
    assert!(outcome.documents.is_empty());
    assert!(outcome.input_error.is_none());
}

/// A word as a user might write it, and the value the shell would see.
fn word() -> impl Strategy<Value = (String, String)> {
    let plain = "[a-zA-Z0-9./:_-]{1,12}".prop_map(|w| (w.clone(), w));
    let single = "[a-zA-Z0-9 ./:_-]{0,12}".prop_map(|w| (format!("'{w}'"), w));
    let double = "[a-zA-Z0-9 ./:_-]{0,12}".prop_map(|w| (format!("\"{w}\""), w));
    prop_oneof![plain, single, double]
}

proptest! {
    #[test]
    fn words_survive_any_continuation_style(
        words in proptest::collection::vec(word(), 1..8),
        style in 0usize..4,
    ) {
        let separator = ["  ", " \\\n  ", " `\r\n    ", " ^\n "][style];
        let mut text = String::from("az aks create");
        for (written, _) in &words {
            text.push_str(separator);
            text.push_str(written);
        }
        text.push('\n');
        let commands = az_commands(&text);
        prop_assert_eq!(commands.len(), 1);
        let command = &commands[0];
        prop_assert!(command.error.is_none());
        prop_assert_eq!(command.words.len(), words.len() + 3);
        for (word, (written, value)) in command.words[3..].iter().zip(&words) {
            prop_assert_eq!(&word.value, value);
            prop_assert_eq!(&text[word.start..word.end], written.as_str());
            let (start, end) = word.text_range(0, word.value.len());
            prop_assert_eq!(&text[start..end], value.as_str());
        }
    }

    #[test]
    fn the_tokenizer_and_the_model_never_panic(text in "(az aks (create|update) )?[ -~\\t\\n\\r\"'`^$(){}%\\\\]{0,80}") {
        for raw in az_commands(&text) {
            for word in &raw.words {
                prop_assert!(word.start <= word.end && word.end <= text.len());
                let (start, end) = word.text_range(0, word.value.len());
                prop_assert!(start <= end && end <= text.len());
            }
            let _ = AksCommand::from_raw(&raw);
        }
        let _ = analyze(&text, &Context::default());
    }
}

/// One networking option as people write them, drawn from values that trigger most rules.
fn option() -> impl Strategy<Value = String> {
    let cidrs = prop::sample::select(vec![
        "10.244.0.0/16",
        "10.0.0.0/16",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "172.30.0.0/16",
        "100.64.0.0/10",
        "100.64.0.0/16",
        "192.168.0.0/20",
        "20.0.0.0/16",
        "10.0.0.1/16",
        "bad",
    ]);
    let ips = prop::sample::select(vec![
        "10.0.0.10",
        "10.0.0.1",
        "10.0.0.0",
        "172.30.0.10",
        "10.2.0.53",
        "x",
    ]);
    prop_oneof![
        prop::sample::select(vec!["kubenet", "azure", "none", "Kubenet"])
            .prop_map(|v| format!("--network-plugin {v}")),
        Just(String::from("--network-plugin-mode overlay")),
        cidrs.clone().prop_map(|v| format!("--pod-cidr {v}")),
        cidrs.prop_map(|v| format!("--service-cidr={v}")),
        ips.prop_map(|v| format!("--dns-service-ip '{v}'")),
        prop::sample::select(vec!["3", "30", "300", "450", "6000"]).prop_map(|v| format!("-c {v}")),
        prop::sample::select(vec!["5", "30", "110", "300"]).prop_map(|v| format!("-m {v}")),
        prop::sample::select(vec!["cilium", "azure"])
            .prop_map(|v| format!("--network-dataplane {v}")),
        prop::sample::select(vec!["cilium", "azure", "calico"])
            .prop_map(|v| format!("--network-policy {v}")),
        Just(String::from("--docker-bridge-address 172.17.0.1/16")),
        Just(String::from("--generate-ssh-keys")),
        Just(String::from("leftover")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn fixes_are_stable_and_remove_the_errors_they_fix(
        options in proptest::collection::vec(option(), 0..7),
        style in 0usize..4,
        vnet in prop::sample::select(vec!["", "10.0.0.0/8", "10.20.4.0/22", "100.64.0.0/16"]),
        avoid in prop::sample::select(vec!["", "192.168.0.0/16", "100.64.0.0/10"]),
    ) {
        let separator = [" ", " \\\n  ", " `\n  ", " ^\r\n  "][style];
        let mut text = String::from("az aks create -g rg -n aks");
        for option in &options {
            text.push_str(separator);
            text.push_str(option);
        }
        text.push('\n');
        let mut context = Context::default();
        if !vnet.is_empty() {
            context.set("vnet-cidr", vnet).expect("vnet");
        }
        if !avoid.is_empty() {
            context.set("avoid", avoid).expect("avoid");
        }
        let report = analyze(&text, &context);
        if let Some(fixed) = &report.fixed {
            let again = analyze(fixed, &context);
            prop_assert_eq!(again.fixed.as_deref(), None, "fixing twice changed:\n{}\nto\n{:?}", fixed, again.fixed);
            let left: Vec<&str> = support::errors_the_fix_left(&report, &again).iter().map(|f| f.rule.as_str()).collect();
            prop_assert!(left.is_empty(), "{:?} remain in\n{}", left, fixed);
            prop_assert_eq!(again.documents.len(), 1);
        }
    }
}

#[test]
fn the_capacity_carries_the_service_range_written_or_defaulted() {
    let written = analyze(
        "az aks create -g rg -n c --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16 --service-cidr 10.96.0.0/12 --dns-service-ip 10.96.0.10",
        &Context::default(),
    );
    let capacity = written.capacity.expect("capacity");
    assert_eq!(
        capacity.service_range.map(|c| c.to_string()).as_deref(),
        Some("10.96.0.0/12")
    );
    let defaulted = analyze(
        "az aks create -g rg -n c --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16",
        &Context::default(),
    );
    let capacity = defaulted.capacity.expect("capacity");
    assert_eq!(
        capacity.service_range.map(|c| c.to_string()).as_deref(),
        Some("10.0.0.0/16")
    );
}
