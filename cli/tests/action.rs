//! The pre-commit hook (`.pre-commit-hooks.yaml`), the GitHub Action (`action.yml`, its script
//! `scripts/action/check.sh`) and the example workflow, exercised as far as this machine allows:
//! the YAML is read with podnet's own YAML reader, the hook's entry runs on files the way
//! pre-commit passes them, and the action's shell steps run locally on a sample repository, in
//! order, with the environment the runner gives them. `cargo install` is replaced by a stand-in
//! that installs the `podnet` this test suite built (no network).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use podnet_core::yaml::{parse_stream, Node, NodeKind};

const NET_CONF: &str =
    "{\n  \"Network\": \"10.244.0.0/16\",\n  \"SubnetLen\": 24,\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n";

mod common;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn yaml(path: &str) -> Node {
    let text = std::fs::read_to_string(workspace().join(path)).expect("the file");
    let mut documents = parse_stream(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    assert_eq!(documents.len(), 1, "{path}");
    documents.remove(0).root
}

fn text<'n>(node: &'n Node, key: &str) -> &'n str {
    node.get(key)
        .and_then(Node::as_str)
        .unwrap_or_else(|| panic!("no {key}"))
}

fn scratch(test: &str) -> PathBuf {
    common::repository::<&str>("action", test, &[])
}

/// The directory of the `podnet` the tests built.
fn built_podnet_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_podnet"))
        .parent()
        .expect("a directory")
        .to_path_buf()
}

#[test]
fn the_pre_commit_hook_runs_podnet_check_on_the_files_pre_commit_passes() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let [hook] = hooks.items() else {
        panic!("one hook")
    };
    assert_eq!(text(hook, "id"), "podnet");
    assert_eq!(text(hook, "language"), "system");
    let types: Vec<&str> = hook
        .get("types")
        .expect("types")
        .items()
        .iter()
        .filter_map(Node::as_str)
        .collect();
    assert_eq!(types, ["text"], "podnet decides by content");
    assert!(hook.get("pass_filenames").is_none(), "files are passed");
    let entry: Vec<&str> = text(hook, "entry").split_whitespace().collect();
    assert_eq!(entry[..2], ["podnet", "check"]);

    // pre-commit runs the entry in the repository root with the staged files appended.
    let repository = scratch("hook");
    common::write(
        &repository,
        &[
            ("README.md", "# clusters\n"),
            (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
            ("flannel/net-conf.json", NET_CONF),
        ],
    );
    let run = |files: &[&str], extra: &[&str]| -> Output {
        let mut path = std::ffi::OsString::from(built_podnet_dir());
        path.push(":");
        path.push(std::env::var_os("PATH").unwrap_or_default());
        Command::new(entry[0])
            .args(&entry[1..])
            .args(extra)
            .args(files)
            .current_dir(&repository)
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .output()
            .expect("the hook runs")
    };
    let all = [
        "README.md",
        ".github/workflows/ci.yml",
        "flannel/net-conf.json",
    ];
    let output = run(&all, &["--nodes", "300"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("flannel/net-conf.json:2:15 error flannel/node-capacity"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("README") && !stdout.contains("ci.yml"),
        "{stdout}"
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = run(&all, &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let _ = std::fs::remove_dir_all(&repository);
}

/// The `${{ inputs.NAME }}` expressions of `value`, replaced by `inputs`.
fn expand(value: &str, inputs: &BTreeMap<String, String>) -> String {
    let mut out = value.to_string();
    for (name, input) in inputs {
        out = out.replace(&format!("${{{{ inputs.{name} }}}}"), input);
    }
    assert!(
        !out.contains("${{"),
        "an expression this test does not know: {out}"
    );
    out
}

fn run_step(step: &Node, env: &BTreeMap<String, String>, directory: &Path) -> Output {
    assert_eq!(text(step, "shell"), "bash");
    Command::new("bash")
        .args(["-e", "-c", text(step, "run")])
        .current_dir(directory)
        .env_clear()
        .envs(env)
        .output()
        .expect("bash runs")
}

#[test]
fn the_actions_steps_install_check_upload_and_fail_as_the_runner_would_run_them() {
    let action = yaml("action.yml");
    let runs = action.get("runs").expect("runs");
    assert_eq!(text(runs, "using"), "composite");
    let steps = runs.get("steps").expect("steps").items();
    let step = |name: &str| {
        steps
            .iter()
            .find(|step| step.get("name").and_then(Node::as_str) == Some(name))
            .unwrap_or_else(|| panic!("no step {name}"))
    };
    // Every input a step uses is declared, with its default.
    let declared = action.get("inputs").expect("inputs");
    let NodeKind::Mapping(pairs) = &declared.kind else {
        panic!("inputs is a mapping")
    };
    let mut inputs: BTreeMap<String, String> = pairs
        .iter()
        .map(|(name, input)| {
            (
                name.as_str().expect("a name").to_string(),
                text(input, "default").to_string(),
            )
        })
        .collect();
    let source = std::fs::read_to_string(workspace().join("action.yml")).expect("action.yml");
    for used in source.split("inputs.").skip(1) {
        let name: String = used
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(inputs.contains_key(&name), "input {name} is not declared");
    }
    let upload = step("Upload SARIF");
    assert!(text(upload, "uses").starts_with("github/codeql-action/upload-sarif@"));
    assert_eq!(
        text(upload.get("with").expect("with"), "sarif_file"),
        "${{ inputs.sarif-file }}"
    );

    let scratch = scratch("steps");
    let repository = scratch.join("repository");
    common::write(
        &repository,
        &[
            ("README.md", "# clusters\n"),
            ("clusters/net-conf.json", NET_CONF),
        ],
    );
    // A stand-in for cargo: records its arguments and installs the podnet built for these tests
    // where `--root` says.
    let tools = scratch.join("tools");
    common::write(
        &tools,
        &[(
            "cargo",
            &format!(
                "#!/bin/sh\necho \"$@\" > \"{record}\"\nwhile [ \"$1\" != --root ]; do shift; done\nmkdir -p \"$2/bin\" && cp \"{podnet}\" \"$2/bin/podnet\"\n",
                record = scratch.join("cargo-args").display(),
                podnet = env!("CARGO_BIN_EXE_podnet"),
            ),
        )],
    );
    let make_executable = Command::new("chmod")
        .arg("+x")
        .arg(tools.join("cargo"))
        .status()
        .expect("chmod");
    assert!(make_executable.success());
    let system_path = "/usr/local/bin:/usr/bin:/bin";
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    env.insert(
        "GITHUB_ACTION_PATH".into(),
        workspace().display().to_string(),
    );
    env.insert(
        "RUNNER_TEMP".into(),
        scratch.join("runner").display().to_string(),
    );
    env.insert(
        "GITHUB_PATH".into(),
        scratch.join("github-path").display().to_string(),
    );
    env.insert(
        "GITHUB_OUTPUT".into(),
        scratch.join("github-output").display().to_string(),
    );
    env.insert("PATH".into(), format!("{}:{system_path}", tools.display()));

    let install = run_step(step("Install podnet"), &env, &repository);
    assert!(install.status.success(), "{install:?}");
    let cargo_args = std::fs::read_to_string(scratch.join("cargo-args")).expect("cargo ran");
    assert_eq!(
        cargo_args.trim(),
        format!(
            "install --locked --path {}/cli --root {}/runner/podnet",
            workspace().display(),
            scratch.display()
        )
    );
    let added = std::fs::read_to_string(scratch.join("github-path")).expect("GITHUB_PATH");
    assert_eq!(
        added.trim(),
        format!("{}/runner/podnet/bin", scratch.display())
    );

    // The runner puts GITHUB_PATH's lines in front of PATH for the later steps (no cargo now).
    env.insert("PATH".into(), format!("{}:{system_path}", added.trim()));
    inputs.insert("paths".into(), ".".into());
    inputs.insert("args".into(), "--nodes 300".into());
    let check = step("Check");
    assert_eq!(text(check, "id"), "check");
    let mut check_env = env.clone();
    let NodeKind::Mapping(variables) = &check.get("env").expect("env").kind else {
        panic!("env is a mapping")
    };
    for (name, value) in variables {
        check_env.insert(
            name.as_str().expect("a name").to_string(),
            expand(value.as_str().expect("a value"), &inputs),
        );
    }
    let output = run_step(check, &check_env, &repository);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the step records the exit code: {output:?}"
    );
    assert!(
        stdout.contains("::error file=clusters/net-conf.json,line=2,col=15,"),
        "{stdout}"
    );
    let recorded = std::fs::read_to_string(scratch.join("github-output")).expect("outputs");
    assert_eq!(recorded, "exit-code=1\n");
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repository.join(&inputs["sarif-file"])).expect("the SARIF log"),
    )
    .expect("SARIF is JSON");
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"clusters/net-conf.json"), "{uris:?}");
    assert!(
        uris.iter().all(|uri| *uri == "clusters/net-conf.json"),
        "only the config: {uris:?}"
    );

    let fail = step("Fail on findings");
    let NodeKind::Mapping(variables) = &fail.get("env").expect("env").kind else {
        panic!("env is a mapping")
    };
    assert_eq!(
        variables[0].1.as_str(),
        Some("${{ steps.check.outputs.exit-code }}")
    );
    let mut fail_env = env.clone();
    fail_env.insert(
        variables[0].0.as_str().expect("a name").to_string(),
        "1".into(),
    );
    assert_eq!(
        run_step(fail, &fail_env, &repository).status.code(),
        Some(1)
    );
    fail_env.insert(
        variables[0].0.as_str().expect("a name").to_string(),
        "0".into(),
    );
    assert_eq!(
        run_step(fail, &fail_env, &repository).status.code(),
        Some(0)
    );
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn the_example_workflow_runs_the_action_with_permission_to_upload() {
    let workflow = yaml("docs/examples/podnet-workflow.yml");
    let permissions = workflow.get("permissions").expect("permissions");
    assert_eq!(text(permissions, "security-events"), "write");
    let steps = workflow
        .get("jobs")
        .and_then(|jobs| jobs.get("podnet"))
        .and_then(|job| job.get("steps"))
        .expect("steps")
        .items();
    let action = steps
        .iter()
        .find(|step| {
            step.get("uses")
                .and_then(Node::as_str)
                .is_some_and(|uses| uses.contains("/podnet@"))
        })
        .expect("a step that uses the action");
    let with = action.get("with").expect("with");
    let declared = yaml("action.yml");
    let inputs = declared.get("inputs").expect("inputs");
    let NodeKind::Mapping(given) = &with.kind else {
        panic!("with is a mapping")
    };
    for (name, _) in given {
        let name = name.as_str().expect("a name");
        assert!(inputs.get(name).is_some(), "the action has no input {name}");
    }
}
