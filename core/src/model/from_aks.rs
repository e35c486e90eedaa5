//! An `az aks create|update` command into the cluster model, with the defaults `az aks create`
//! applies to what the command leaves out.

use alloc::string::String;

use crate::aks::command::{AksCommand, Opt, Verb};
use crate::aks::network::{Network, DEFAULT_NODE_COUNT, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR};
use crate::embed::SourceMap;
use crate::net::Cidr;
use crate::span::LineIndex;

use super::cluster::{ClusterModel, Stated};
use super::source::{Origin, Source};

/// The DNS service address `az aks create` picks in its default service range.
const DEFAULT_DNS_SERVICE_IP: &str = "10.0.0.10";

/// The values `command` states, typed as `network` read them (a value `network` refused, or a
/// placeholder, states nothing), and `az aks create`'s defaults for what it leaves out.
pub fn read_command(
    command: &AksCommand,
    network: &Network,
    index: &LineIndex<'_>,
    origin: &Origin,
) -> ClusterModel {
    let reader = Reader {
        command,
        index,
        origin,
        whole: SourceMap::offset(0),
    };
    let mut model = ClusterModel::default();
    reader.cidr(&mut model.pod_pools, "--pod-cidr", network.pod_cidr);
    reader.cidr_list(&mut model.pod_pools, "--pod-cidrs");
    reader.cidr(
        &mut model.service_ranges,
        "--service-cidr",
        network.service_cidr,
    );
    reader.cidr_list(&mut model.service_ranges, "--service-cidrs");
    if network.dns_ip.is_some() {
        reader.text(&mut model.dns_service_ips, "--dns-service-ip");
    }
    reader.number(&mut model.node_count, "--node-count", network.node_count);
    reader.number(&mut model.node_count, "--max-count", network.max_count);
    reader.number(&mut model.max_pods, "--max-pods", network.max_pods);
    if network.plugin.is_some() {
        reader.text(&mut model.network_plugin, "--network-plugin");
    }
    if network.overlay {
        reader.text(&mut model.plugin_mode, "--network-plugin-mode");
    }
    if network.dataplane.is_some() {
        reader.text(&mut model.dataplane, "--network-dataplane");
    }
    if network.policy.is_some() {
        reader.text(&mut model.network_policy, "--network-policy");
    }
    reader.text(&mut model.outbound_type, "--outbound-type");
    reader.text(&mut model.kubernetes_version, "--kubernetes-version");
    if command.verb == Verb::Create {
        reader.create_defaults(network, &mut model);
    }
    model
}

/// Reads one command's options into model values.
struct Reader<'a> {
    command: &'a AksCommand,
    index: &'a LineIndex<'a>,
    origin: &'a Origin,
    whole: SourceMap,
}

impl Reader<'_> {
    /// The option `name` with a value that can be read.
    fn option(&self, name: &str) -> Option<&Opt> {
        self.command
            .get(name)
            .filter(|option| option.value.as_ref().is_some_and(|v| !v.opaque))
    }

    fn source(&self, name: &str, range: (usize, usize)) -> Source {
        Source::written(self.origin.clone(), name, &self.whole, range, self.index)
    }

    fn cidr(&self, into: &mut alloc::vec::Vec<Stated<Cidr>>, name: &str, value: Option<Cidr>) {
        if let (Some(option), Some(value)) = (self.option(name), value) {
            into.push(Stated {
                value,
                source: self.source(name, option.value_range()),
            });
        }
    }

    /// A comma-separated list of blocks (`--pod-cidrs 10.244.0.0/16,fd00::/64`), each with its
    /// own bytes when the value has no escapes.
    fn cidr_list(&self, into: &mut alloc::vec::Vec<Stated<Cidr>>, name: &str) {
        let Some(value) = self.option(name).and_then(|o| o.value.as_ref()) else {
            return;
        };
        let verbatim = value.end - value.start == value.text.len();
        let mut at = value.start;
        for block in value.text.split(',') {
            let range = if verbatim {
                (at, at + block.len())
            } else {
                (value.start, value.end)
            };
            at += block.len() + 1;
            if let Ok(cidr) = block.trim().parse::<Cidr>() {
                into.push(Stated {
                    value: cidr,
                    source: self.source(name, range),
                });
            }
        }
    }

    fn number(&self, into: &mut alloc::vec::Vec<Stated<u32>>, name: &str, value: Option<u32>) {
        if let (Some(option), Some(value)) = (self.option(name), value) {
            into.push(Stated {
                value,
                source: self.source(name, option.value_range()),
            });
        }
    }

    /// A word value as written, lower-cased.
    fn text(&self, into: &mut alloc::vec::Vec<Stated<String>>, name: &str) {
        if let Some(option) = self.option(name) {
            if let Some(text) = option.text() {
                into.push(Stated {
                    value: text.to_ascii_lowercase(),
                    source: self.source(name, option.value_range()),
                });
            }
        }
    }

    /// What `az aks create` uses for the ranges and the node count the command leaves out.
    fn create_defaults(&self, network: &Network, model: &mut ClusterModel) {
        let span = self.index.span(self.command.start, self.command.verb_end);
        let default = |key: &str| Source::default_of("az aks create", key, span);
        let pod_range_used = network.mode.is_some_and(|mode| mode.uses_pod_cidr());
        if pod_range_used && !self.command.has("--pod-cidr") && !self.command.has("--pod-cidrs") {
            model.pod_pools.push(Stated {
                value: DEFAULT_POD_CIDR,
                source: default("--pod-cidr"),
            });
        }
        if !self.command.has("--service-cidr") && !self.command.has("--service-cidrs") {
            model.service_ranges.push(Stated {
                value: DEFAULT_SERVICE_CIDR,
                source: default("--service-cidr"),
            });
            if !self.command.has("--dns-service-ip") {
                model.dns_service_ips.push(Stated {
                    value: String::from(DEFAULT_DNS_SERVICE_IP),
                    source: default("--dns-service-ip"),
                });
            }
        }
        if !self.command.has("--node-count") {
            model.node_count.push(Stated {
                value: DEFAULT_NODE_COUNT,
                source: default("--node-count"),
            });
        }
    }
}
