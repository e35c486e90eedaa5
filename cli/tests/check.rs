//! Runs the `podnet` binary: exit codes, the JSON shape, text output and `fix`.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

const OUT_OF_SPACE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/flannel/out-of-space.net-conf.json"
);

fn podnet(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_podnet"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podnet runs");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.unwrap_or_default().as_bytes())
            .expect("stdin written");
    }
    child.wait_with_output().expect("podnet finishes")
}

fn json_of(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn check_with_300_nodes_exits_1_with_an_error_and_a_wider_network() {
    let output = podnet(
        &["check", OUT_OF_SPACE, "--nodes", "300", "--format", "json"],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json_of(&output);
    assert_eq!(report["documents"][0]["kind"], "flannel-net-conf");
    assert_eq!(report["documents"][0]["line"], 1);
    let finding = &report["findings"][0];
    assert_eq!(finding["rule"], "flannel/node-capacity");
    assert_eq!(finding["severity"], "error");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(2), Some(15))
    );
    assert!(finding["fix"]
        .as_str()
        .is_some_and(|t| t.contains("10.244.0.0/15")));
    let fixed = report["fixed"].as_str().expect("fixed text");
    let network = fixed
        .split("\"Network\": \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("Network in fixed");
    let prefix: u8 = network
        .rsplit('/')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("prefix");
    assert!(prefix <= 15, "{network}");
    assert!(report["diff"]
        .as_str()
        .is_some_and(|d| d.contains("+  \"Network\": \"10.244.0.0/15\",")));
    assert_eq!(report["capacity"]["node_ranges"], 256);
    assert_eq!(report["mtu"]["pod_mtu"], 1450);
    assert!(report["redactions"].is_array());
}

#[test]
fn check_exits_0_when_the_target_fits() {
    let clean = "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
    let output = podnet(&["check", "-", "--nodes", "100"], Some(clean));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("no findings"));
}

#[test]
fn text_output_is_line_col_severity_rule_message_then_the_diff() {
    let output = podnet(
        &["check", "-", "--nodes", "300"],
        Some(&std::fs::read_to_string(OUT_OF_SPACE).expect("fixture")),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("2:15 error flannel/node-capacity "),
        "{stdout}"
    );
    assert!(
        stdout.contains("+  \"Network\": \"10.244.0.0/15\","),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn a_net_conf_with_a_syntax_error_is_an_error_finding_at_its_line_and_column() {
    let output = podnet(
        &["check", "-"],
        Some("{\n  \"Network\": \"10.244.0.0/16\",\n}"),
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("3:1 error flannel/net-conf-syntax "),
        "{stdout}"
    );
    assert!(stdout.contains("trailing comma"), "{stdout}");
}

#[test]
fn unusable_input_exits_2_with_line_and_column_on_stderr() {
    let output = podnet(&["check", "-"], Some("\n{\n  \"name\": [1,\n"));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("<stdin>:4:1:"), "{stderr}");
    assert!(stderr.contains("not valid JSON"), "{stderr}");
}

#[test]
fn unusable_input_says_its_position_once() {
    let output = podnet(&["check", "-"], Some("\n{\n  \"name\": [1,\n"));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "podnet: <stdin>:4:1: not valid JSON: the JSON ends too early (a bracket or quote is not closed)\n"
    );
    let output = podnet(
        &["check", "-"],
        Some("kind: ConfigMap\ndata:\n  net-conf.json: \"{\n"),
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "podnet: <stdin>:3:18: not valid YAML: while scanning a quoted scalar, found unexpected end of stream\n"
    );
}

#[test]
fn bad_usage_exits_2_with_the_reason() {
    let output = podnet(&["check", OUT_OF_SPACE, "--nodes", "many"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--nodes"));
    let output = podnet(&["check", "/no/such/file"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read /no/such/file"));
    let output = podnet(&["check", "--platform", "mars", OUT_OF_SPACE], None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn fix_prints_the_corrected_text() {
    let output = podnet(&["fix", OUT_OF_SPACE, "--nodes", "300"], None);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let original = std::fs::read_to_string(OUT_OF_SPACE).expect("fixture");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        original.replace("10.244.0.0/16", "10.244.0.0/15")
    );
}

#[test]
fn fix_with_nothing_to_fix_prints_the_input_unchanged() {
    let original = std::fs::read_to_string(OUT_OF_SPACE).expect("fixture");
    let output = podnet(&["fix", "-"], Some(&original));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), original);
}

#[test]
fn fix_puts_the_users_secret_values_back_into_the_corrected_text() {
    let psk = "FAKE0PSK0EXAMPLE0ipsec0preshared0key0that0is0long0enough0for0flannel0validation0rules0xxxxxxxxxxxxxxxxxxxx";
    let text = format!("{{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {{\"Type\": \"ipsec\", \"PSK\": \"{psk}\"}}\n}}\n");
    let checked = podnet(
        &["check", "-", "--nodes", "300", "--format", "json"],
        Some(&text),
    );
    let report = json_of(&checked);
    assert!(
        !checked
            .stdout
            .windows(psk.len())
            .any(|w| w == psk.as_bytes()),
        "check output shows the secret"
    );
    assert!(
        report["redactions"]
            .as_array()
            .is_some_and(|r| !r.is_empty()),
        "{report}"
    );
    let fixed = podnet(&["fix", "-", "--nodes", "300"], Some(&text));
    let stdout = String::from_utf8_lossy(&fixed.stdout);
    assert!(stdout.contains(psk), "{stdout}");
    assert!(stdout.contains("10.244.0.0/15"), "{stdout}");
}

#[test]
fn an_aks_command_on_stdin_reports_its_service_range_in_the_capacity() {
    let command = "az aks create -g rg -n c --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16 --service-cidr 10.96.0.0/12 --dns-service-ip 10.96.0.10\n";
    let output = podnet(&["check", "-", "--format", "json"], Some(command));
    let report = json_of(&output);
    assert_eq!(report["capacity"]["pool"], "192.168.0.0/16", "{report}");
    assert_eq!(report["capacity"]["service_range"], "10.96.0.0/12");
}

#[test]
fn flannel_capacity_has_a_null_service_range_and_the_delegate_mtu_is_reported() {
    let text = include_str!("../../tests/fixtures/flannel/configmap-delegate-mtu.yaml");
    let output = podnet(&["check", "-", "--format", "json"], Some(text));
    let report = json_of(&output);
    let capacity = report["capacity"].as_object().expect("capacity object");
    assert!(capacity["service_range"].is_null(), "{report}");
    assert_eq!(report["mtu"]["pod_mtu"], 1450);
    assert_eq!(report["mtu"]["configured_pod_mtu"], 1500);
    assert_eq!(
        report["mtu"]["configured_source"],
        "cni-conf.json delegate mtu"
    );
}

#[test]
fn every_context_key_is_a_flag_and_lists_repeat() {
    let help = podnet(&["check", "--help"], None);
    let help = String::from_utf8_lossy(&help.stdout);
    for key in podnet_core::context::CONTEXT_KEYS {
        assert!(
            help.contains(&format!("--{} ", key.name)),
            "--{} missing:\n{help}",
            key.name
        );
        assert!(help.contains(key.help()), "{}'s help missing", key.name);
    }
    let output = podnet(
        &[
            "check",
            OUT_OF_SPACE,
            "--format",
            "json",
            "--nodes",
            "40",
            "--avoid",
            "10.0.0.0/8",
            "--avoid",
            "192.168.0.0/16",
            "--platform",
            "aws",
        ],
        None,
    );
    let report = json_of(&output);
    let model = report["model"].as_array().expect("model statements");
    let from_context: Vec<(&str, &str)> = model
        .iter()
        .filter(|s| s["origin"] == "context")
        .map(|s| {
            (
                s["key"].as_str().unwrap_or(""),
                s["value"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        from_context,
        [
            ("platform", "aws"),
            ("avoid", "10.0.0.0/8"),
            ("avoid", "192.168.0.0/16"),
            ("nodes", "40"),
        ],
    );
    let pool = model
        .iter()
        .find(|s| s["what"] == "pod pool")
        .expect("the pool");
    assert_eq!(pool["origin"], "document");
    assert_eq!(pool["key"], "Network");
    assert_eq!(
        (pool["line"].as_u64(), pool["column"].as_u64()),
        (Some(2), Some(15))
    );
}

#[test]
fn github_format_is_one_workflow_command_per_finding_with_its_region() {
    let output = podnet(
        &[
            "check",
            OUT_OF_SPACE,
            "--nodes",
            "300",
            "--format",
            "github",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report = json_of(&podnet(
        &["check", OUT_OF_SPACE, "--nodes", "300", "--format", "json"],
        None,
    ));
    let findings = report["findings"].as_array().expect("findings");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), findings.len(), "{stdout}");
    let file = OUT_OF_SPACE.replace(':', "%3A").replace(',', "%2C");
    for (line, finding) in lines.iter().zip(findings) {
        let severity = match finding["severity"].as_str() {
            Some("info") => "notice",
            other => other.expect("severity"),
        };
        let (head, message) = line
            .split_once("::")
            .and_then(|(_, rest)| rest.split_once("::"))
            .expect("::command props::message");
        let expected_head = format!(
            "{severity} file={file},line={},col={},",
            finding["line"], finding["column"]
        );
        assert!(head.starts_with(&expected_head), "{head} / {expected_head}");
        assert!(
            head.contains(&format!(
                ",title={}",
                finding["rule"].as_str().expect("rule")
            )),
            "{head}"
        );
        assert!(
            head.contains(",endLine=") && head.contains(",endColumn="),
            "{head}"
        );
        // The explanation follows the message on an escaped new line; no raw line break.
        let message_text = finding["message"]
            .as_str()
            .expect("message")
            .replace('%', "%25");
        assert!(
            message.starts_with(&format!("{message_text}%0A")),
            "{message}"
        );
    }
    let first = lines[0];
    assert!(first.starts_with("::error file="), "{first}");
    assert!(
        first.contains(",line=2,col=15,endLine=2,endColumn=28,title=flannel/node-capacity::"),
        "{first}"
    );
}

#[test]
fn markdown_format_is_the_cores_report_text_and_holds_no_secret() {
    let psk = "FAKE0PSK0EXAMPLE0ipsec0preshared0key0that0is0long0enough0for0flannel0validation0rules0xxxxxxxxxxxxxxxxxxxx";
    let text = format!("{{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {{\"Type\": \"ipsec\", \"PSK\": \"{psk}\"}}\n}}\n");
    let output = podnet(
        &["check", "-", "--nodes", "300", "--format", "markdown"],
        Some(&text),
    );
    assert_eq!(output.status.code(), Some(1), "an error finding");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let context = podnet_core::Context {
        target_nodes: Some(300),
        ..podnet_core::Context::default()
    };
    let report = podnet_core::analyze(&text, &context);
    assert_eq!(stdout, podnet_core::markdown::report(&report));
    assert!(!stdout.contains(psk), "{stdout}");
    assert!(stdout.contains("```diff\n--- original\n"), "{stdout}");
    assert!(stdout.contains("10.244.0.0/15"), "{stdout}");
}
