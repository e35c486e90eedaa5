//! Rule `cluster/conflicting-values`: two sources state one value differently.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use core::net::IpAddr;

use crate::context::SubnetManager;
use crate::document::DocumentKind;
use crate::finding::{Finding, Severity};
use crate::model::{ClusterModel, NodeMask, Origin, Source, Stated};
use crate::net::Cidr;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterConflictingValues,
    area: Area::Cluster,
    severity: Severity::Warning,
    summary: "Documents of different kinds, or a document and the context, agree on each value they both state.",
    what: "One value of the cluster stated differently by two sources: the Network flanneld runs with (subnet.env's FLANNEL_NETWORK) against the Network its config says, or kube-controller-manager's cluster CIDR, its node mask, a service range, the DNS service IP, max pods, the Kubernetes version, the network plugin, mode, dataplane, policy or outbound type, the platform or the underlay MTU, as two kinds of documents or a document and the context give them. Two documents of the same kind (an `az aks create` and a later `az aks update`, two ConfigMaps) may be versions of each other and are not compared, nor is an `az aks` command with an `az aks show`, Terraform or a template (a command is a step that changes the cluster they describe); a tool's default is no statement.",
    why: "Both cannot be true of one running cluster: one of them is stale (flanneld was not restarted after Network changed, the context describes another cluster) or the documents come from different clusters. Each rule judges the value it reads (the context's when given, else the first stated), so the other one's problems may go unseen.",
    how_to_fix: "Find which one the cluster really runs with and correct the other (or the context); after changing flannel's Network, restart flanneld, which rewrites subnet.env. There is no automatic fix: podnet cannot know which one is right.",
    source: "The cluster model (ARCHITECTURE.md): every value with the document and bytes it came from; flannel-io/flannel pkg/subnet (subnet.env is written by flanneld from the config it runs).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each statement that disagrees with an earlier one of the same value from another
/// kind of source.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    let mut out = Out {
        findings,
        stale: "",
    };
    let cidr = |value: &Cidr| value.to_string();
    let number = |value: &u32| value.to_string();
    let name = |value: &&'static str| String::from(*value);
    let family = |value: &Stated<Cidr>| Some(value.value.family() as u8);
    out.stale = "flanneld keeps the Network it started with in subnet.env until it restarts, so a subnet.env that differs from the config means flanneld has not restarted since Network changed";
    out.compare("the pod Network", &model.pod_pools, cidr, |pool| {
        in_flannel(&pool.source).then_some(pool.value.family() as u8)
    });
    out.stale = "one document is older than the other, or the context describes another cluster";
    out.compare("the cluster CIDR", &model.cluster_cidrs, cidr, family);
    out.compare(
        "the node mask",
        &model.node_masks,
        mask_words,
        controller_mask_group,
    );
    out.compare("the service range", &model.service_ranges, cidr, family);
    out.compare(
        "the DNS service IP",
        &model.dns_service_ips,
        IpAddr::to_string,
        |ip| Some(u8::from(ip.value.is_ipv4())),
    );
    out.compare("max pods", &model.max_pods, number, one_group);
    out.compare(
        "the Kubernetes version",
        &model.kubernetes_version,
        |(major, minor)| format!("{major}.{minor}"),
        one_group,
    );
    out.compare("the network plugin", &model.network_plugin, name, one_group);
    out.compare("the plugin mode", &model.plugin_mode, name, one_group);
    out.compare("the dataplane", &model.dataplane, name, one_group);
    out.compare("the network policy", &model.network_policy, name, one_group);
    out.compare("the outbound type", &model.outbound_type, name, one_group);
    out.compare(
        "the platform",
        &model.platform,
        |p| String::from(p.name()),
        one_group,
    );
    out.compare("the underlay MTU", &model.underlay_mtu, number, one_group);
}

/// Every statement of a value that has one per cluster is compared with every other.
fn one_group<T>(_: &Stated<T>) -> Option<u8> {
    Some(0)
}

struct Out<'a> {
    findings: &'a mut Vec<Finding>,
    /// How one of two such values usually goes stale, for the explanation.
    stale: &'static str,
}

impl Out<'_> {
    /// Reports each statement of `values` against the first earlier one of the same `group`
    /// (`None`: not compared) from another kind of source, when the two differ.
    fn compare<T: PartialEq>(
        &mut self,
        what: &str,
        values: &[Stated<T>],
        words: impl Fn(&T) -> String,
        group: impl Fn(&Stated<T>) -> Option<u8>,
    ) {
        let groups: Vec<Option<u8>> = values.iter().map(&group).collect();
        self.compare_erased(
            what,
            &Column {
                groups: &groups,
                source: &|at| &values[at].source,
                same: &|a, b| values[a].value == values[b].value,
                words: &|at| words(&values[at].value),
            },
        );
    }

    /// [`Out::compare`] over one value's statements seen through `column`, compiled once for
    /// every value. One pass: it keeps the first statement of each group and kind of source, a
    /// handful at most.
    fn compare_erased(&mut self, what: &str, column: &Column<'_>) {
        let mut firsts: Vec<(u8, Option<SourceKind>, usize)> = Vec::new();
        for (later, own) in column.groups.iter().enumerate() {
            let Some(own) = *own else {
                continue;
            };
            let kind = source_kind((column.source)(later));
            let earlier = firsts
                .iter()
                .find(|(g, k, _)| *g == own && compared(*k, kind))
                .map(|(_, _, earlier)| *earlier);
            if !firsts.iter().any(|(g, k, _)| *g == own && *k == kind) {
                firsts.push((own, kind, later));
            }
            let Some(earlier) = earlier.filter(|&earlier| !(column.same)(earlier, later)) else {
                continue;
            };
            let (later_source, earlier_source) = ((column.source)(later), (column.source)(earlier));
            // Point at the value written in the paste: the later one, or the earlier when the
            // later is the context's.
            let ((shown, shown_at), (other, other_at)) = if later_source.in_document() {
                ((later, later_source), (earlier, earlier_source))
            } else {
                ((earlier, earlier_source), (later, later_source))
            };
            let (value, other_value) = ((column.words)(shown), (column.words)(other));
            let message = format!(
                "{what}: {} says {value}, {} says {other_value}",
                shown_at.describe(),
                other_at.describe()
            );
            let stale = self.stale;
            let why = format!("In one running cluster {what} has one value; {value} and {other_value} cannot both be it: one is stale ({stale}), or they come from different clusters. Correct the one the cluster does not run with; until then each rule judges the value it reads, so the other's problems may go unseen.");
            self.findings.push(Finding {
                rule: RuleId::ClusterConflictingValues,
                severity: Severity::Warning,
                message,
                span: shown_at.span,
                explanation: why,
                fix: None,
            });
        }
    }
}

/// One value's statements, seen without their type: each one's group, source, words, and
/// whether two are equal.
struct Column<'a> {
    groups: &'a [Option<u8>],
    source: &'a dyn Fn(usize) -> &'a Source,
    same: &'a dyn Fn(usize, usize) -> bool,
    words: &'a dyn Fn(usize) -> String,
}

/// What kind of source a statement has, for comparing: the context, or a kind of document
/// (document kinds that are versions of one another count as one: a bare net-conf.json, an
/// etcdctl line's and a ConfigMap's are all flannel's config); `None` for a tool's default,
/// which states nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceKind {
    Context,
    Document(DocumentKind),
}

fn source_kind(source: &Source) -> Option<SourceKind> {
    match source.origin {
        Origin::Default { .. } => None,
        Origin::Context => Some(SourceKind::Context),
        Origin::Document { kind, .. } => Some(SourceKind::Document(match kind {
            DocumentKind::FlannelConfigMap => DocumentKind::FlannelNetConf,
            other => other,
        })),
    }
}

/// True when statements from sources of kinds `a` and `b` are compared: both state something,
/// the kinds differ, and neither is an `az aks` command beside another AKS definition (a command
/// is a step that creates or changes the cluster an `az aks show`, Terraform or a template
/// describes, before or after it: `az aks update --network-plugin azure` beside the show of
/// the kubenet cluster it migrates is the change, not a conflict).
fn compared(a: Option<SourceKind>, b: Option<SourceKind>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let step_beside_definition = |x: SourceKind, y: SourceKind| {
        x == SourceKind::Document(DocumentKind::AksCommand)
            && matches!(y, SourceKind::Document(kind) if kind.is_aks() && kind != DocumentKind::AksCommand)
    };
    a != b && !step_beside_definition(a, b) && !step_beside_definition(b, a)
}

/// True for a value of one of flannel's own documents.
fn in_flannel(source: &Source) -> bool {
    matches!(
        source.origin,
        Origin::Document {
            kind: DocumentKind::FlannelNetConf
                | DocumentKind::FlannelConfigMap
                | DocumentKind::FlannelSubnetEnv,
            ..
        }
    )
}

/// kube-controller-manager's node masks are compared per family (a mask for either family, as
/// `--node-cidr-mask-size` is, counts as IPv4's, the usual single stack); flannel's SubnetLen is
/// etcd mode's and compared by no one: kube mode ignores it.
fn controller_mask_group(mask: &Stated<NodeMask>) -> Option<u8> {
    let mask = mask.value;
    (mask.manager == SubnetManager::Kube).then(|| mask.family.map_or(0, |f| f as u8))
}

fn mask_words(mask: &NodeMask) -> String {
    format!("/{}", mask.prefix)
}
