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
mod printed;
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
    let printed = printed::find(text, &nodes);
    nodes.extend(printed);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> alloc::vec::Vec<&'static str> {
        let index = LineIndex::new(text);
        read(text, &index)
            .documents
            .iter()
            .map(|d| d.kind.name())
            .collect()
    }

    #[test]
    fn configs_that_name_ranges_are_no_listings() {
        // A k3s config, kube-controller-manager flags, subnet.env, a route table, a command.
        for text in [
            "cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n",
            "  - --cluster-cidr=10.244.0.0/16\n  - --node-cidr-mask-size=24\n",
            "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\n",
            "10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink\n",
            "etcdctl del /coreos.com/network/subnets/10.244.5.0-24\n",
            "$ ps aux | grep flanneld\n",
            "NAME                  CIDR             SELECTOR\ndefault-ipv4-ippool   192.168.0.0/16   all()\n",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn each_form_is_one_listing() {
        assert_eq!(
            kinds("node01\t10.244.1.0/24\nnode02\t10.244.2.0/24\n"),
            ["node-listing"]
        );
        assert_eq!(
            kinds("$ kubectl get nodes -o jsonpath='…'\nn1: [\"10.244.0.0/24\"]\n"),
            ["node-listing"]
        );
        assert_eq!(kinds("NAME   PODCIDR\nn1     <none>\n"), ["node-listing"]);
        assert_eq!(
            kinds("/coreos.com/network/subnets/10.5.34.0-24\n{\"PublicIP\":\"10.37.7.195\"}\n"),
            ["flannel-leases"]
        );
        assert_eq!(
            kinds("/opt/bin/flanneld --ip-masq --kube-subnet-mgr\n"),
            ["flanneld-command"]
        );
    }
}
