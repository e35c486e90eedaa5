//! What error lines state into the cluster model, so the rules across documents weigh them with
//! the configs and listings of the same analysis: the node range host-local ran dry in ("no IP
//! addresses available in range set: 10.244.3.1-10.244.3.254" is node range 10.244.3.0/24) and
//! the range the bridge plugin wanted cni0 in. Shown, never edited.

use crate::document::{Document, DocumentKind};
use crate::model::{ClusterModel, NodePodCidr, Origin, Source, Stated};
use crate::net::Cidr;
use crate::span::LineIndex;

use super::numbers::{block, cidrs, ip_range};
use super::seen::Seen;
use super::signature::Symptom;

/// States the node range each failure names, in the `error-log` document that holds it.
pub fn state(seen: &[Seen<'_>], documents: &[Document], index: &LineIndex<'_>) -> ClusterModel {
    let mut model = ClusterModel::default();
    for failure in seen {
        let Some(cidr) = node_range(failure) else {
            continue;
        };
        let Some(document) = documents.iter().find(|d| {
            d.span.start <= failure.start && failure.start < d.span.end.max(d.span.start + 1)
        }) else {
            continue;
        };
        let origin = Origin::Document {
            kind: DocumentKind::ErrorLog,
            document: document.span,
        };
        let span = index.span(failure.start, failure.start + failure.line.len());
        model.node_pod_cidrs.push(Stated {
            value: NodePodCidr { node: None, cidr },
            source: Source::shown(origin, "node range", span),
        });
    }
    model
}

/// The node range a failure's line names, if it names one.
fn node_range(failure: &Seen<'_>) -> Option<Cidr> {
    match failure.symptom {
        Symptom::PodIpsExhausted => {
            let (first, last) = ip_range(failure.line, "range set:")?;
            block(first, last)
        }
        Symptom::CniBridgeAddress => cidrs(failure.line).last().map(Cidr::aligned),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_range_and_a_bridge_address_are_node_ranges_and_other_lines_are_none() {
        let text = "failed to allocate for range 0: no IP addresses available in range set: 10.244.3.1-10.244.3.254\nfailed to set bridge addr: \"cni0\" already has an IP address different from 10.244.7.1/24\n\nE1 main.go:1] Error registering network: failed to acquire lease: out of subnets\n";
        let index = LineIndex::new(text);
        let (outcome, seen) = super::super::read(text, &index);
        let model = state(&seen, &outcome.documents, &index);
        let ranges: alloc::vec::Vec<alloc::string::String> = model
            .node_pod_cidrs
            .iter()
            .map(|n| alloc::format!("{} line {}", n.value.cidr, n.source.span.line))
            .collect();
        assert_eq!(ranges, ["10.244.3.0/24 line 1", "10.244.7.0/24 line 2"]);
    }
}
