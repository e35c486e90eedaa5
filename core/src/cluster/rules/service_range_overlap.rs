//! Rule `cluster/service-range-overlap`: the service range and the pod addresses (the cluster
//! CIDR, the plugin's pod pool) are disjoint.

use alloc::format;
use alloc::vec::Vec;

use crate::document::DocumentKind;
use crate::finding::{Finding, Severity};
use crate::model::{ClusterModel, Origin, Source, Stated};
use crate::net::Cidr;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterServiceRangeOverlap,
    area: Area::Cluster,
    severity: Severity::Error,
    summary: "The service range does not overlap the cluster CIDR or the pod pool.",
    what: "A service range (--service-cluster-ip-range, kubeadm serviceSubnet or its default 10.96.0.0/12, k3s service-cidr or its default 10.43.0.0/16) that overlaps kube-controller-manager's cluster CIDR or the network plugin's pod pool, as any two documents or a document and the context state them. AKS commands are judged by aks/service-cidr-overlap.",
    why: "Service IPs are virtual: kube-proxy rewrites traffic to them. A pod whose address lies in the service range can be shadowed by a service, and kubeadm refuses the overlap at init; pods then reach the wrong endpoint or none.",
    how_to_fix: "Choose a service range outside the pod addresses (kubeadm's default 10.96.0.0/12 beside 10.244.0.0/16 is the usual pair). The service range of a running cluster is hard to change; move the one that is not yet in use.",
    source: "kubernetes/kubernetes cmd/kubeadm/app/apis/kubeadm/validation (pod and service subnets must not overlap); kube-apiserver --service-cluster-ip-range.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each service range that overlaps a pod range of its family.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    let pods = model.cluster_cidrs.iter().chain(&model.pod_pools);
    let mut seen: Vec<(Cidr, Cidr)> = Vec::new();
    for pod in pods {
        for service in &model.service_ranges {
            let (s, p) = (service.value, pod.value);
            let judged = !(judged_elsewhere(&service.source) || judged_elsewhere(&pod.source))
                && (service.source.in_document() || pod.source.in_document());
            if !judged || s.family() != p.family() || !s.overlaps(&p) || seen.contains(&(s, p)) {
                continue;
            }
            seen.push((s, p));
            findings.push(finding(service, pod));
        }
    }
}

fn finding(service: &Stated<Cidr>, pod: &Stated<Cidr>) -> Finding {
    let (shown, other) = if service.source.in_document() {
        (service, pod)
    } else {
        (pod, service)
    };
    let (s, p) = (service.value, pod.value);
    Finding {
        rule: RuleId::ClusterServiceRangeOverlap,
        severity: Severity::Error,
        message: format!(
            "service range {s} ({}) overlaps the pod range {p} ({})",
            service.source.describe(),
            pod.source.describe()
        ),
        span: shown.source.span,
        explanation: format!("Service IPs are virtual addresses kube-proxy rewrites; pods in {p} whose addresses fall in {s} can be shadowed by a service, and kubeadm refuses this pair at init. Move the range that is not in use yet{}.", other.source.mention()),
        fix: None,
    }
}

/// True for a value of an `az aks` command or its defaults: AKS's own rules judge those.
fn judged_elsewhere(source: &Source) -> bool {
    matches!(
        source.origin,
        Origin::Document {
            kind: DocumentKind::AksCommand,
            ..
        } | Origin::Default {
            tool: "az aks create"
        }
    )
}
