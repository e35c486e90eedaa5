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
    what: "A service range (--service-cluster-ip-range, kubeadm serviceSubnet or its default 10.96.0.0/12, k3s service-cidr or its default 10.43.0.0/16) that overlaps kube-controller-manager's cluster CIDR or the network plugin's pod pool, as any two documents or a document and the context state them: an error, except a service range inside the cluster CIDR, a note (kube-controller-manager gives no node a range that overlaps it). AKS commands are judged by aks/service-cidr-overlap.",
    why: "Service IPs are virtual: kube-proxy rewrites traffic to them. A pod whose address lies in the service range can be shadowed by a service; pods then reach the wrong endpoint or none. kube-controller-manager keeps node ranges that overlap the service range out of allocation, so one that holds the whole cluster CIDR leaves no node a range.",
    how_to_fix: "Choose a service range outside the pod addresses (kubeadm's default 10.96.0.0/12 beside 10.244.0.0/16 is the usual pair). The service range of a running cluster is hard to change; move the one that is not yet in use.",
    source: "kubernetes/kubernetes pkg/controller/nodeipam/ipam/range_allocator.go (filterOutServiceRange: the node ranges the service range overlaps are marked taken; with none left, `CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range`); kube-apiserver --service-cluster-ip-range. kubeadm's ValidateNetworking does not compare the two (the kubeadm dual-stack docs' example puts 2001:db8:42:1::/112 inside 2001:db8:42:0::/56).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each service range that overlaps a pod range of its family.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    let cluster = model.cluster_cidrs.len();
    let pods = model.cluster_cidrs.iter().chain(&model.pod_pools);
    let mut seen: Vec<(Cidr, Cidr)> = Vec::new();
    for (at, pod) in pods.enumerate() {
        for service in &model.service_ranges {
            let (s, p) = (service.value, pod.value);
            let judged = !(judged_elsewhere(&service.source) || judged_elsewhere(&pod.source))
                && (service.source.in_document() || pod.source.in_document());
            if !judged || s.family() != p.family() || !s.overlaps(&p) || seen.contains(&(s, p)) {
                continue;
            }
            seen.push((s, p));
            // kube-controller-manager takes the node ranges a service range inside its
            // cluster CIDR overlaps out of allocation (filterOutServiceRange).
            let occupied = at < cluster && s != p && p.contains(&s);
            findings.push(finding(service, pod, occupied));
        }
    }
}

fn finding(service: &Stated<Cidr>, pod: &Stated<Cidr>, occupied: bool) -> Finding {
    let (shown, other) = if service.source.in_document() {
        (service, pod)
    } else {
        (pod, service)
    };
    let (s, p) = (service.value, pod.value);
    let (severity, how, explanation) = if occupied {
        (Severity::Info, "lies inside the cluster CIDR", format!("kube-controller-manager gives no node a range that overlaps {s}, so pods never get its addresses; the cluster CIDR has that much less room."))
    } else {
        (Severity::Error, "overlaps the pod range", format!("Service IPs are virtual addresses kube-proxy rewrites; pods in {p} whose addresses fall in {s} can be shadowed by a service. Move the range that is not in use yet{}.", other.source.mention()))
    };
    Finding {
        rule: RuleId::ClusterServiceRangeOverlap,
        severity,
        message: format!(
            "service range {s} ({}) {how} {p} ({})",
            service.source.describe(),
            pod.source.describe()
        ),
        span: shown.source.span,
        explanation,
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
