//! Benchmark of `analyze()` on flannel and AKS pastes of about 1 KB, 100 KB and 1 MB.
//!
//! A plain timing loop (no harness): each input is a multi-document manifest (the
//! kube-flannel-cfg ConfigMap among many other objects, as `kubectl get all -o yaml` pastes look)
//! and the same content as a `kubectl -o json` List; the AKS input is a runbook of `az aks create`
//! commands (bash continuations) with prose between them; the evidence input is a transcript of
//! kube-controller-manager's `ps aux` line, node listings and kubelet events (baseline: a line split);
//! the pieces input is YAML documents each followed by a JSON object, with a bare net-conf.json
//! last (baseline: the YAML parse). Baselines measured in the same run: a byte scan
//! (counting line breaks) and the bare YAML or JSON parse (for AKS: the command lexer), so the ratios survive slow machines.
//! Nothing here asserts on time. Run: `cargo bench -p podnet-core --bench analyze`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use podnet_core::{aks, analyze, json, yaml, Context};

const CONFIG_MAP: &str = "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n  net-conf.json: |\n    {\n      \"Network\": \"10.244.0.0/16\",\n      \"Backend\": {\n        \"Type\": \"vxlan\"\n      }\n    }\n";

fn filler_yaml(i: usize) -> String {
    format!("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: service-{i}\n  namespace: default\n  labels:\n    app: web-{i}\nspec:\n  selector:\n    app: web-{i}\n  ports:\n  - port: 80\n    targetPort: 8080\n")
}

fn filler_json(i: usize) -> String {
    format!("{{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {{\"name\": \"service-{i}\", \"namespace\": \"default\", \"labels\": {{\"app\": \"web-{i}\"}}}}, \"spec\": {{\"selector\": {{\"app\": \"web-{i}\"}}, \"ports\": [{{\"port\": 80, \"targetPort\": 8080}}]}}}}")
}

fn yaml_input(size: usize) -> String {
    let mut text = String::from(CONFIG_MAP);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&filler_yaml(i));
        i += 1;
    }
    text
}

fn json_input(size: usize) -> String {
    let mut text = String::from("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"kube-flannel-cfg\"}, \"data\": {\"net-conf.json\": \"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"Backend\\\": {\\\"Type\\\": \\\"vxlan\\\"}\\n}\\n\"}}");
    let mut i = 0;
    while text.len() < size {
        text.push_str(",\n");
        text.push_str(&filler_json(i));
        i += 1;
    }
    text.push_str("\n]}\n");
    text
}

const AKS_COMMAND: &str = "$ az aks create \\\n    --resource-group rg-prod \\\n    --name aks-prod \\\n    --node-count 3 \\\n    --network-plugin kubenet \\\n    --pod-cidr 10.244.0.0/16 \\\n    --service-cidr 10.0.0.0/16 \\\n    --dns-service-ip 10.0.0.10\n";

fn aks_input(size: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < size {
        text.push_str(&format!("Step {i}: create the cluster for team {i}.\n"));
        text.push_str(AKS_COMMAND);
        i += 1;
    }
    text
}

/// The evidence of an incident (issue 13): kube-controller-manager's `ps aux` line, then
/// repeated `kubectl get nodes` listings (a node range each) and kubelet's FailedCreatePodSandBox
/// events, as a transcript.
fn evidence_input(size: usize) -> String {
    let mut text = String::from("$ ps aux | grep kube-controller-manager\nroot 1234 2.1 1.0 kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.0.0.0/8 --node-cidr-mask-size=24\n");
    let mut i = 0;
    while text.len() < size {
        text.push_str("$ kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR\nNAME CIDR\n");
        for _ in 0..20 {
            text.push_str(&format!(
                "node-{i} 10.{}.{}.0/24\n",
                (i / 256) % 256,
                i % 256
            ));
            i += 1;
        }
        text.push_str(&format!("Warning FailedCreatePodSandBox 2m kubelet Failed to create pod sandbox: plugin type=\"bridge\" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.{}.{}.1-10.{}.{}.254\n", (i / 256) % 256, i % 256, (i / 256) % 256, i % 256));
    }
    text
}

/// YAML documents each followed by a JSON object at a line's start (not flannel's), and a bare
/// net-conf.json at the end: the JSON pieces among YAML documents (issue 13) found in one scan.
fn pieces_input(size: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < size {
        text.push_str(&format!(
            "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-{i}\n---\n{{\"name\": \"object-{i}\", \"items\": [1, 2, 3]}}\n"
        ));
        i += 1;
    }
    text.push_str("---\n{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n");
    text
}

/// Mean time per run of `f`, running it for at least `budget` (and at least 3 times).
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    f();
    let start = Instant::now();
    let mut runs = 0u32;
    while runs < 3 || start.elapsed() < budget {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn main() {
    let context = Context {
        target_nodes: Some(300),
        ..Context::default()
    };
    let budget = Duration::from_millis(500);
    println!(
        "{:<6} {:<5} {:>9} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "form", "size", "bytes", "analyze", "parse", "byte scan", "vs parse", "vs scan"
    );
    for (label, size) in [("1KB", 1_000), ("100KB", 100_000), ("1MB", 1_000_000)] {
        for form in ["yaml", "json", "aks", "evidence", "pieces"] {
            let text = match form {
                "yaml" => yaml_input(size),
                "json" => json_input(size),
                "aks" => aks_input(size),
                "pieces" => pieces_input(size),
                _ => evidence_input(size),
            };
            let report = analyze(&text, &context);
            assert!(
                !report.documents.is_empty(),
                "the {form} input must hold a document"
            );
            let full = time(budget, || {
                black_box(analyze(black_box(&text), &context));
            });
            let parse = time(budget, || match form {
                "yaml" | "pieces" => {
                    black_box(yaml::parse_stream(black_box(&text)).is_ok());
                }
                "json" => {
                    black_box(json::parse(black_box(&text)).is_ok());
                }
                "aks" => {
                    black_box(aks::lexer::az_commands(black_box(&text)).len());
                }
                // No one parser reads the evidence: the baseline is splitting it into lines.
                _ => {
                    black_box(black_box(&text).lines().count());
                }
            });
            let scan = time(budget, || {
                black_box(
                    black_box(text.as_bytes())
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count(),
                );
            });
            println!(
                "{form:<6} {label:<5} {:>9} {:>12?} {:>12?} {:>12?} {:>9.1}x {:>9.0}x",
                text.len(),
                full,
                parse,
                scan,
                full.as_secs_f64() / parse.as_secs_f64(),
                full.as_secs_f64() / scan.as_secs_f64().max(1e-9),
            );
        }
    }
}
