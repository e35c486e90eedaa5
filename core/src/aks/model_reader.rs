//! An `az aks create|update` command into the cluster model, with the defaults `az aks create`
//! applies to what the command leaves out.

use alloc::vec::Vec;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::aks::command::{AksCommand, Opt, Verb};
use crate::aks::form::Form;
use crate::aks::network::{
    Network, Plugin, DEFAULT_NODE_COUNT, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR,
};
use crate::document::DocumentKind;
use crate::embed::SourceMap;
use crate::model::{ClusterModel, Origin, Source, Stated};
use crate::net::{Cidr, IpFamily};
use crate::span::LineIndex;

/// The DNS service address `az aks create` picks in its default service range.
const DEFAULT_DNS_SERVICE_IP: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 10));

/// The values `command` states, as `network` read and accepted them (a value `network` refused,
/// or a placeholder, states nothing), and `az aks create`'s defaults for what it leaves out.
pub fn read_command(
    command: &AksCommand,
    network: &Network,
    index: &LineIndex<'_>,
    origin: &Origin,
    form: &Form,
    model: &mut ClusterModel,
) {
    let reader = Reader {
        command,
        index,
        form: *form,
        origin: *origin,
        whole: SourceMap::offset(0),
    };
    reader.value(&mut model.pod_pools, "--pod-cidr", network.pod_cidr);
    reader.cidr_list(&mut model.pod_pools, "--pod-cidrs");
    let service = network.service_cidr;
    reader.value(&mut model.service_ranges, "--service-cidr", service);
    reader.cidr_list(&mut model.service_ranges, "--service-cidrs");
    let dns = network.dns_ip.map(|(family, addr)| match family {
        IpFamily::V4 => IpAddr::V4(Ipv4Addr::from(addr as u32)),
        IpFamily::V6 => IpAddr::V6(Ipv6Addr::from(addr)),
    });
    reader.value(&mut model.dns_service_ips, "--dns-service-ip", dns);
    reader.value(&mut model.node_count, "--node-count", network.node_count);
    reader.value(&mut model.node_count, "--max-count", network.max_count);
    reader.value(&mut model.max_pods, "--max-pods", network.max_pods);
    let version = network.kubernetes_version;
    reader.value(
        &mut model.kubernetes_version,
        "--kubernetes-version",
        version,
    );
    let plugin = network.plugin.map(Plugin::name);
    reader.value(&mut model.network_plugin, "--network-plugin", plugin);
    let mode = network.overlay.then_some("overlay");
    reader.value(&mut model.plugin_mode, "--network-plugin-mode", mode);
    reader.value(
        &mut model.dataplane,
        "--network-dataplane",
        network.dataplane,
    );
    reader.value(
        &mut model.network_policy,
        "--network-policy",
        network.policy,
    );
    reader.value(
        &mut model.outbound_type,
        "--outbound-type",
        network.outbound_type,
    );
    if command.verb == Verb::Create {
        reader.create_defaults(network, model);
    }
}

/// Reads one command's options into model values.
struct Reader<'a> {
    command: &'a AksCommand,
    index: &'a LineIndex<'a>,
    form: Form,
    origin: Origin,
    whole: SourceMap,
}

impl Reader<'_> {
    /// The option `name` with a value that can be read.
    fn option(&self, name: &str) -> Option<&Opt> {
        self.command
            .get(name)
            .filter(|option| option.value.as_ref().is_some_and(|v| !v.opaque))
    }

    fn source(&self, name: &'static str, range: (usize, usize)) -> Source {
        let key = self.form.key(name);
        Source::written(self.origin, key, &self.whole, range, self.index)
    }

    /// A value `network` read from the option `name`, at the option's bytes.
    fn value<T>(&self, into: &mut Vec<Stated<T>>, name: &'static str, value: Option<T>) {
        if let (Some(option), Some(value)) = (self.option(name), value) {
            into.push(Stated {
                value,
                source: self.source(name, option.value_range()),
            });
        }
    }

    /// A comma-separated list of blocks (`--pod-cidrs 10.244.0.0/16,fd00::/64`), each with its
    /// own bytes when the value has no escapes.
    fn cidr_list(&self, into: &mut Vec<Stated<Cidr>>, name: &'static str) {
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

    /// What `az aks create` uses for the ranges and the node count the command leaves out.
    fn create_defaults(&self, network: &Network, model: &mut ClusterModel) {
        let span = self.index.span(self.command.start, self.command.verb_end);
        let tool = self.form.default_tool;
        let default = |flag: &'static str| Source::default_of(tool, self.form.key(flag), span);
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
                    value: DEFAULT_DNS_SERVICE_IP,
                    source: default("--dns-service-ip"),
                });
            }
        }
        // azure-cli's 3 nodes; Terraform's provider has no such default.
        if !self.command.has("--node-count") && self.form.kind == DocumentKind::AksCommand {
            model.node_count.push(Stated {
                value: DEFAULT_NODE_COUNT,
                source: default("--node-count"),
            });
        }
    }
}
