//! Flannel: reading `net-conf.json` and the rules that check it.
//!
//! [`check_net_conf`] takes the parsed JSON of one `net-conf.json` (wherever it was embedded), runs
//! every flannel rule over it, and returns the capacity and MTU numbers.

mod capacity;
mod mtu;
mod netconf;

pub use netconf::{Field, NetConf};

use alloc::vec::Vec;

use crate::context::{Context, SubnetManager};
use crate::detect::{self, Parsed};
use crate::embed::SourceMap;
use crate::emit::Emitter;
use crate::finding::Finding;
use crate::json::Node;
use crate::report::{AreaOutcome, Capacity, Document, MtuReport};
use crate::span::LineIndex;

/// Finds every flannel document in `text` and checks it.
pub fn analyze(text: &str, index: &LineIndex<'_>, context: &Context) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    let documents = match detect::detect(text, index) {
        Ok(documents) => documents,
        Err(error) => {
            outcome.input_error = Some(error);
            return outcome;
        }
    };
    for (parsed, start, end) in documents {
        outcome.documents.push(Document {
            kind: parsed.kind(),
            span: index.span(start, end),
        });
        match &parsed {
            Parsed::FlannelNetConf(json) => {
                let checked = check_net_conf(
                    json,
                    &SourceMap::offset(0),
                    index,
                    context,
                    SubnetManager::Kube,
                );
                outcome.findings.extend(checked.findings);
                outcome.capacity = outcome.capacity.take().or(checked.capacity);
                outcome.mtu = outcome.mtu.take().or(checked.mtu);
            }
        }
    }
    outcome
}

/// What checking one `net-conf.json` produced.
#[derive(Debug, Clone, Default)]
pub struct NetConfOutcome {
    /// Findings, spans already in the analysed text.
    pub findings: Vec<Finding>,
    /// Capacity numbers, when `Network` could be read.
    pub capacity: Option<Capacity>,
    /// MTU numbers for the backend.
    pub mtu: Option<MtuReport>,
}

/// Checks the `net-conf.json` whose JSON is `json`, with inner offsets mapped by `map` into
/// `index`'s text. `default_manager` is the subnet manager the document implies when the context
/// names none.
pub fn check_net_conf(
    json: &Node,
    map: &SourceMap,
    index: &LineIndex<'_>,
    context: &Context,
    default_manager: SubnetManager,
) -> NetConfOutcome {
    let conf = NetConf::read(json);
    let manager = context.subnet_manager.unwrap_or(default_manager);
    let mut findings = Vec::new();
    let mut emitter = Emitter::new(index, map, &mut findings);
    let capacity = capacity::check(&conf, context, manager, &mut emitter);
    let mtu = mtu::compute(&conf, context);
    NetConfOutcome {
        findings,
        capacity,
        mtu: Some(mtu),
    }
}
