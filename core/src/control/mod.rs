//! The control plane's own documents (area `control`): what kubeadm, kube-controller-manager,
//! k3s and RKE2 are configured with, read into the cluster model: the cluster CIDR
//! (`--cluster-cidr`, `podSubnet`, `--pod-network-cidr`, k3s `cluster-cidr`), the node masks
//! (`--node-cidr-mask-size[-ipv4|-ipv6]`), `--allocate-node-cidrs`, the service range and k3s's
//! flannel backend. The rules that compare them with flannel's documents read the model
//! (`flannel/cluster-cidr`, `cluster/…`); the area's own rule, `control/malformed-value`, reports
//! a value a reader could not read.
//!
//! `settings.rs` knows the settings by name and states them; the readers find where they are
//! written: `commands.rs` (command lines and systemd `ExecStart`), `kubeadm.rs`
//! (`ClusterConfiguration`), `static_pod.rs` (the static pod manifest) and `k3s_config.rs`
//! (`config.yaml`), the YAML ones over `yaml_docs.rs`'s documents through `yaml_settings.rs`.

mod commands;
mod defaults;
#[cfg(feature = "std")]
mod k3s_config;
#[cfg(feature = "std")]
mod kubeadm;
pub mod rules;
mod settings;
#[cfg(feature = "std")]
mod static_pod;
#[cfg(feature = "std")]
mod yaml_docs;
#[cfg(feature = "std")]
mod yaml_settings;

use crate::document::{Document, DocumentKind};
use crate::embed::SourceMap;
use crate::model::{ClusterModel, Origin, Source, Stated};
use crate::net::Cidr;
use crate::report::AreaOutcome;
use crate::span::LineIndex;

use defaults::{K3S_BACKEND, K3S_CLUSTER_CIDR, K3S_SERVICE_CIDR, KUBEADM_SERVICE_SUBNET};

/// Finds the area's documents in `text` and states what they say.
pub fn read(text: &str, index: &LineIndex<'_>) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    #[cfg(feature = "std")]
    read_yaml(text, index, &mut outcome);
    for command in commands::find(text) {
        let raw = &command.raw;
        let span = index.span(raw.start, raw.end);
        let origin = Origin::Document {
            kind: command.kind,
            document: span,
        };
        outcome.documents.push(Document {
            kind: command.kind,
            span,
        });
        let whole = SourceMap::offset(0);
        let mut written = alloc::vec::Vec::new();
        for (name, value, word, at) in commands::flags(raw) {
            let (start, end) = word.text_range(at, word.value.len());
            let switch = at >= word.value.len();
            let setting = settings::Setting {
                name,
                value,
                map: &whole,
                at: if switch { word.start } else { start },
                width: if switch {
                    word.value.len()
                } else {
                    value.len()
                },
                exact: !switch && end - start == value.len(),
            };
            let model = &mut outcome.model;
            if let Some(malformed) = settings::state(origin, &setting, index, model) {
                rules::malformed_value::report(&malformed, &mut outcome.findings);
            }
            written.push(name);
        }
        // A command shown with an elision (`...`) may hold the flag it leaves out.
        let shown = &text[raw.start..raw.end];
        if shown.contains("...") || shown.contains('…') {
            written.push("cluster-cidr");
        }
        let model = &outcome.model;
        rules::cluster_cidr_missing::check(
            command.kind,
            span,
            &written,
            model,
            &mut outcome.findings,
        );
        command_defaults(
            command.kind,
            &written,
            index.span(raw.start, raw.start),
            &mut outcome.model,
        );
    }
    // A default stands only where nothing of the area writes the value: `k3s server` flags
    // beside its config.yaml, `kubeadm init` beside its ClusterConfiguration.
    let model = &mut outcome.model;
    drop_defaults_if_written(&mut model.cluster_cidrs);
    drop_defaults_if_written(&mut model.service_ranges);
    drop_defaults_if_written(&mut model.backend);
    outcome
}

fn drop_defaults_if_written<T>(values: &mut alloc::vec::Vec<Stated<T>>) {
    if values.iter().any(|stated| stated.source.in_document()) {
        values.retain(|stated| stated.source.in_document());
    }
}

/// The defaults of a command that leaves its ranges out: kubeadm's service subnet, k3s's
/// cluster and service CIDRs and backend.
fn command_defaults(
    kind: DocumentKind,
    written: &[&str],
    at: crate::span::Span,
    model: &mut ClusterModel,
) {
    // `--config FILE` gives the values the flags leave out.
    let configured = written.contains(&"config");
    let default = |into: &mut alloc::vec::Vec<Stated<Cidr>>, tool, key, value: &str| {
        if !written.contains(&key) && !configured {
            if let Ok(cidr) = value.parse::<Cidr>() {
                into.push(Stated {
                    value: cidr,
                    source: Source::default_of(tool, key, at),
                });
            }
        }
    };
    match kind {
        DocumentKind::KubeadmInit => {
            default(
                &mut model.service_ranges,
                "kubeadm init",
                "service-cidr",
                KUBEADM_SERVICE_SUBNET,
            );
        }
        DocumentKind::K3sServer => {
            default(
                &mut model.cluster_cidrs,
                "k3s server",
                "cluster-cidr",
                K3S_CLUSTER_CIDR,
            );
            default(
                &mut model.service_ranges,
                "k3s server",
                "service-cidr",
                K3S_SERVICE_CIDR,
            );
            if !written.contains(&"flannel-backend") && !configured {
                model.backend.push(Stated {
                    value: K3S_BACKEND,
                    source: Source::default_of("k3s server", "flannel-backend", at),
                });
            }
        }
        _ => {}
    }
}

/// The YAML documents the area reads, when the paste names one of their keys.
#[cfg(feature = "std")]
fn read_yaml(text: &str, index: &LineIndex<'_>, outcome: &mut AreaOutcome) {
    // k3s's flannel keys by name: any kube-flannel manifest says `flannel-`, and it is already
    // parsed by flannel's reader.
    const MARKS: [&str; 9] = [
        "kubeadm.k8s.io/",
        "podSubnet",
        "extraArgs",
        "kube-controller-manager",
        "cluster-cidr",
        "service-cidr",
        "flannel-backend",
        "flannel-conf",
        "flannel-ipv6-masq",
    ];
    if !MARKS.iter().any(|mark| text.contains(mark)) {
        return;
    }
    let mut found = yaml_settings::YamlSettings {
        text,
        index,
        documents: alloc::vec::Vec::new(),
        model: ClusterModel::default(),
        findings: alloc::vec::Vec::new(),
        written: alloc::vec::Vec::new(),
    };
    for document in yaml_docs::documents(text) {
        let root = &document.root;
        let read = kubeadm::read(root, &mut found)
            || static_pod::read(root, &mut found)
            || k3s_config::read(root, &mut found);
        // A kubeadm fragment (no `kind`) may leave the cluster CIDR to the rest of its file.
        let whole = read && root.get("kind").is_some();
        if let Some(last) = found.documents.last().filter(|_| whole) {
            let (kind, span, written) = (last.kind, last.span, &found.written);
            rules::cluster_cidr_missing::check(
                kind,
                span,
                written,
                &found.model,
                &mut found.findings,
            );
        }
    }
    outcome.documents.extend(found.documents);
    outcome.model.extend(found.model);
    outcome.findings.extend(found.findings);
}
