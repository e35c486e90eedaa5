//! What a cluster has handed out, as people paste it: node listings (`kubectl get nodes -o
//! custom-columns|jsonpath|json|yaml`, `kubectl describe node`), flannel's subnet leases in etcd, and
//! flanneld's command line. Each is found anywhere in the paste (a shell transcript's output
//! too), listed as a document, and stated into the cluster model; the rules over them read the
//! model (`cluster/rules/`, flannel's lease rules). Nothing here has a fix: a listing is what the
//! cluster shows, not a config.

mod columns;
mod describe;
mod flanneld;
mod jsonpath;
mod leases;
mod model_reader;
mod node;
mod node_list;
mod words;

use crate::document::{Document, DocumentKind};
use crate::report::AreaOutcome;
use crate::span::LineIndex;

/// Finds every listing in the (redacted) paste and states what each shows.
pub fn read(text: &str, index: &LineIndex<'_>) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    let mut nodes = columns::find(text);
    nodes.extend(describe::find(text));
    let objects = node_list::find(text, &nodes);
    nodes.extend(objects);
    let by_line = jsonpath::find(text, &nodes);
    nodes.extend(by_line);
    for listing in &nodes {
        let document = document(
            &mut outcome,
            DocumentKind::NodeListing,
            listing.start,
            listing.end,
            index,
        );
        model_reader::state_nodes(listing, document, index, &mut outcome.model);
    }
    for listing in leases::find(text) {
        let document = document(
            &mut outcome,
            DocumentKind::FlannelLeases,
            listing.start,
            listing.end,
            index,
        );
        model_reader::state_leases(&listing, document, index, &mut outcome.model);
    }
    for line in flanneld::find(text) {
        let document = document(
            &mut outcome,
            DocumentKind::FlanneldCommand,
            line.start,
            line.end,
            index,
        );
        model_reader::state_flanneld(&line, document, index, &mut outcome.model);
    }
    outcome
}

/// Lists a document and gives its origin.
fn document(
    outcome: &mut AreaOutcome,
    kind: DocumentKind,
    start: usize,
    end: usize,
    index: &LineIndex<'_>,
) -> crate::model::Origin {
    let span = index.span(start, end);
    outcome.documents.push(Document { kind, span });
    crate::model::Origin::Document {
        kind,
        document: span,
    }
}
