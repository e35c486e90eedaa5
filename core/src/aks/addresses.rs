//! The pod and service ranges a command ends up with: the ones that apply as written (or AKS's
//! defaults), what each collides with, and the replacements the fix sets.
//!
//! A range with a conflict (see [`super::ranges`]) is replaced by one from [`super::choose`] that
//! overlaps nothing known: for pods 100.64.0.0/10 when free, else the smallest fitting free
//! RFC 6598/RFC 1918 block; for services 10.0.0.0/16 when free, else a free /16. A pod CIDR that
//! holds the nodes above the 75% alert threshold is widened when the wider block is free, else
//! replaced the same way. Dual-stack lists are not rewritten.
//! Source: AKS docs "Azure CNI Overlay" (pod CIDR rules), "Configure kubenet" (reserved ranges).

use alloc::string::String;
use alloc::vec::Vec;

use super::around::Around;
use super::choose;
use super::command::{AksCommand, Verb};
use super::network::{Mode, Network, DEFAULT_NODE_COUNT, DEFAULT_SERVICE_CIDR};
use super::ranges::{self, Conflict};
use super::reserved;
use crate::net::Cidr;
use crate::plan;

/// What the address decisions found and chose.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// The pod CIDR that applies as written (or AKS's default), when the mode uses one.
    pub pod_before: Option<Cidr>,
    /// What `pod_before` collides with.
    pub pod_conflicts: Vec<Conflict>,
    /// The replacement pod CIDR, when one is needed.
    pub pod_replacement: Option<Cidr>,
    /// Why the fix chose the replacement pod CIDR (a sentence for the findings it resolves).
    pub pod_reason: Option<String>,
    /// The service CIDR that applies as written (or AKS's default).
    pub service_before: Option<Cidr>,
    /// What `service_before` collides with.
    pub service_conflicts: Vec<Conflict>,
    /// The replacement service CIDR, when one is needed.
    pub service_replacement: Option<Cidr>,
    /// Why the fix chose the replacement service CIDR.
    pub service_reason: Option<String>,
    /// The nodes the cluster must hold.
    pub nodes: u32,
    /// Ranges the replacement pod CIDR had to avoid, each with what it is.
    pub taken_for_pod: Vec<(Cidr, &'static str)>,
    /// For an update that states no service range: where another definition of the analysis
    /// states the cluster's (its `Source::describe`); the pod CIDR's check used that range.
    pub service_elsewhere: Option<String>,
}

impl Decisions {
    /// The service CIDR once the fix is applied.
    pub fn service_after(&self) -> Option<Cidr> {
        self.service_replacement.or(self.service_before)
    }
}

/// Decides the ranges of `command`; `overlay_after` is true when the fix moves the command to
/// Azure CNI Overlay.
pub fn decide(
    command: &AksCommand,
    network: &Network,
    around: &Around<'_>,
    overlay_after: bool,
) -> Decisions {
    let mode_after =
        if overlay_after || network.mode == Some(Mode::Kubenet) && command.verb == Verb::Create {
            Some(Mode::Overlay)
        } else {
            network.mode
        };
    let uses_pod_cidr = mode_after.is_some_and(Mode::uses_pod_cidr)
        || network.mode.is_some_and(Mode::uses_pod_cidr);
    let mut decisions = Decisions {
        pod_before: if uses_pod_cidr {
            network.effective_pod_cidr(command.verb)
        } else {
            None
        },
        service_before: network.effective_service_cidr(command.verb),
        nodes: network
            .nodes(command.verb, around)
            .unwrap_or(DEFAULT_NODE_COUNT),
        ..Decisions::default()
    };
    if let Some(service) = decisions.service_before {
        decisions.service_conflicts = ranges::service_conflicts(service, around);
    }
    let service_bad = decisions.service_before.is_some_and(|s| {
        !decisions.service_conflicts.is_empty() || ranges::service_size_is_wrong(&s)
    });
    // An update keeps the cluster's service range: when it states none, the one another
    // definition of the analysis writes is what a new pod CIDR must not overlap.
    let cluster_service = (command.verb == Verb::Update && decisions.service_before.is_none())
        .then(|| around.cluster_service(command.start))
        .flatten();
    decisions.service_elsewhere = cluster_service.map(|stated| stated.source.describe());
    if let Some(pod) = decisions.pod_before {
        let service = decisions
            .service_before
            .filter(|_| !service_bad)
            .or(cluster_service.map(|stated| stated.value));
        decisions.pod_conflicts = ranges::pod_conflicts(pod, service, around, mode_after);
        let short = network.nodes(command.verb, around).is_some()
            && !plan::within_max_utilization(u128::from(decisions.nodes), pod.subnet_count(24));
        let mut labelled: Vec<(Cidr, &'static str)> =
            around.vnet_blocks().map(|c| (c, "VNet")).collect();
        labelled.extend(around.avoid_blocks().map(|c| (c, "avoid")));
        labelled.extend(service.map(|c| (c, "service CIDR")));
        let taken: Vec<Cidr> = labelled.iter().map(|(c, _)| *c).collect();
        decisions.taken_for_pod = labelled;
        if network.pod_cidr.is_none() && !network.pod_cidrs.is_empty() {
            // Dual-stack lists are not rewritten: the findings stand without a fix.
        } else if !decisions.pod_conflicts.is_empty() {
            decisions.pod_replacement = choose::pod_cidr(decisions.nodes, &taken);
        } else if short {
            decisions.pod_replacement =
                plan::widen_for_nodes(pod, 24, decisions.nodes, false, &taken)
                    .filter(|wider| reserved::hit(wider).is_none() && ranges::is_private(wider))
                    .or_else(|| choose::pod_cidr(decisions.nodes, &taken));
        }
        decisions.pod_reason = decisions.pod_replacement.map(|new| {
            let preferred = choose::PREFERRED_POD_CIDR;
            ranges::choice_reason("pod", new, preferred, &decisions.taken_for_pod)
        });
    }
    let pod_after = decisions.pod_replacement.or(decisions.pod_before);
    let service_rewritable = network.service_cidr.is_some() || network.service_cidrs.is_empty();
    if service_bad && service_rewritable {
        let mut taken: Vec<Cidr> = around.vnet_blocks().chain(around.avoid_blocks()).collect();
        taken.extend(pod_after);
        decisions.service_replacement = choose::service_cidr(&taken);
        if let Some(new) = decisions.service_replacement {
            let labelled: Vec<(Cidr, &'static str)> = around
                .vnet_blocks()
                .map(|c| (c, "VNet"))
                .chain(around.avoid_blocks().map(|c| (c, "avoid")))
                .chain(pod_after.map(|c| (c, "pod CIDR")))
                .collect();
            decisions.service_reason = Some(ranges::choice_reason(
                "service",
                new,
                DEFAULT_SERVICE_CIDR,
                &labelled,
            ));
        }
    }
    decisions
}
