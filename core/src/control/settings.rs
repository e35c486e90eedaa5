//! The control-plane settings podnet reads, by the names kube-controller-manager, kubeadm, k3s
//! and RKE2 give them, and what each states into the cluster model. Every reader of the area
//! (command lines, kubeadm's YAML, a static pod, a k3s config) hands its `name=value` pairs here,
//! so one setting is read one way wherever it is written.

use alloc::vec::Vec;

use crate::context::SubnetManager;
use crate::embed::SourceMap;
use crate::model::{ClusterModel, NodeMask, Origin, Source, Stated};
use crate::net::{Cidr, IpFamily};
use crate::placeholder::is_placeholder;
use crate::span::LineIndex;

use super::rules::malformed_value::Malformed;

/// One setting as written: its name (without dashes) and its decoded value, whose first byte
/// is offset `at` of the text `map` takes to the paste.
pub struct Setting<'a> {
    /// The name as written, without leading dashes.
    pub name: &'a str,
    /// The decoded value (`true` for a bare switch).
    pub value: &'a str,
    /// From the value's container to the paste.
    pub map: &'a SourceMap,
    /// Offset of the value's first byte in the container's decoded text.
    pub at: usize,
    /// How many bytes of the container's decoded text the value stands for: its length, or the
    /// whole flag for a bare switch.
    pub width: usize,
    /// True when the value's bytes map to the paste byte for byte (else no edit is offered).
    pub exact: bool,
}

/// What a setting states.
#[derive(Clone, Copy)]
enum What {
    ClusterCidrs,
    ServiceRanges,
    NodeMask(Option<IpFamily>),
    Allocate,
    Backend,
}

/// Every setting podnet reads: the name (its `&'static` key in the model) and what it states.
const SETTINGS: [(&str, What); 11] = [
    ("cluster-cidr", What::ClusterCidrs),
    ("pod-network-cidr", What::ClusterCidrs),
    ("podSubnet", What::ClusterCidrs),
    ("service-cluster-ip-range", What::ServiceRanges),
    ("service-cidr", What::ServiceRanges),
    ("serviceSubnet", What::ServiceRanges),
    ("node-cidr-mask-size", What::NodeMask(None)),
    (
        "node-cidr-mask-size-ipv4",
        What::NodeMask(Some(IpFamily::V4)),
    ),
    (
        "node-cidr-mask-size-ipv6",
        What::NodeMask(Some(IpFamily::V6)),
    ),
    ("allocate-node-cidrs", What::Allocate),
    ("flannel-backend", What::Backend),
];

/// The model key of the setting named `name`, when podnet reads it.
pub fn key(name: &str) -> Option<&'static str> {
    SETTINGS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(known, _)| *known)
}

/// States what `setting` says into `model`. A value podnet cannot read states nothing, and
/// when it is no placeholder it comes back as [`Malformed`] for `control/malformed-value`.
pub fn state<'v>(
    origin: Origin,
    setting: &Setting<'v>,
    index: &LineIndex<'_>,
    model: &mut ClusterModel,
) -> Option<Malformed<'v>> {
    let &(key, what) = SETTINGS.iter().find(|(known, _)| *known == setting.name)?;
    let value = setting.value;
    let malformed = |expected| {
        let (start, end) = (setting.at, setting.at + value.len());
        let span = index.span(setting.map.outer(start), setting.map.outer(end));
        (!is_placeholder(value)).then_some(Malformed {
            key,
            value,
            expected,
            span,
        })
    };
    let source = |start: usize, end: usize| {
        let source = Source::written(origin, key, setting.map, (start, end), index);
        if setting.exact {
            source
        } else {
            source.without_edit()
        }
    };
    let whole = source(setting.at, setting.at + setting.width);
    let trimmed = value.trim();
    match what {
        What::ClusterCidrs | What::ServiceRanges => {
            let into = match what {
                What::ClusterCidrs => &mut model.cluster_cidrs,
                _ => &mut model.service_ranges,
            };
            if !cidrs(setting, &source, into) {
                return malformed("a CIDR list");
            }
        }
        What::NodeMask(family) => {
            let Some(prefix) = trimmed.parse::<u8>().ok().filter(|p| *p <= 128) else {
                return malformed("a prefix length");
            };
            let mask = NodeMask {
                family,
                prefix,
                manager: SubnetManager::Kube,
            };
            model.node_masks.push(Stated {
                value: mask,
                source: whole,
            });
        }
        What::Allocate => {
            let Some(on) = go_bool(trimmed) else {
                return malformed("true or false");
            };
            model.allocate_node_cidrs.push(Stated {
                value: on,
                source: whole,
            });
        }
        What::Backend => match k3s_backend(trimmed) {
            Some(name) => model.backend.push(Stated {
                value: name,
                source: whole,
            }),
            None if trimmed != "none" => return malformed("a k3s flannel backend"),
            None => {}
        },
    }
    None
}

/// Each CIDR of a comma list (a dual-stack cluster writes one per family), with its own bytes;
/// false when a block is not a CIDR.
fn cidrs(
    setting: &Setting<'_>,
    source: &dyn Fn(usize, usize) -> Source,
    into: &mut Vec<Stated<Cidr>>,
) -> bool {
    let mut at = setting.at;
    let mut all = true;
    for block in setting.value.split(',') {
        let lead = block.len() - block.trim_start().len();
        let trimmed = block.trim();
        match trimmed.parse::<Cidr>() {
            Ok(cidr) => into.push(Stated {
                value: cidr,
                source: source(at + lead, at + lead + trimmed.len()),
            }),
            Err(_) => all = false,
        }
        at += block.len() + 1;
    }
    all
}

/// Go's `strconv.ParseBool`, which kube-controller-manager's flags use.
pub fn go_bool(value: &str) -> Option<bool> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// The flannel backend a k3s `flannel-backend` runs (`wireguard-native` is flannel's wireguard);
/// `None` for `none` (no flannel) and names k3s does not know.
fn k3s_backend(value: &str) -> Option<&'static str> {
    match value {
        "vxlan" => Some("vxlan"),
        "host-gw" => Some("host-gw"),
        "wireguard-native" | "wireguard" => Some("wireguard"),
        "ipsec" => Some("ipsec"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dual_stack_list_states_each_block_with_its_bytes() {
        let text = "--cluster-cidr=10.42.0.0/16, fd00::/56";
        let index = LineIndex::new(text);
        let map = SourceMap::offset(0);
        let origin = Origin::Context;
        let mut model = ClusterModel::default();
        let setting = Setting {
            name: "cluster-cidr",
            value: &text[15..],
            map: &map,
            at: 15,
            width: text.len() - 15,
            exact: true,
        };
        assert!(state(origin, &setting, &index, &mut model).is_none());
        let spans: Vec<_> = model
            .cluster_cidrs
            .iter()
            .map(|c| &text[c.source.span.start..c.source.span.end])
            .collect();
        assert_eq!(spans, ["10.42.0.0/16", "fd00::/56"]);
    }

    #[test]
    fn unknown_names_and_bad_values_state_nothing() {
        let map = SourceMap::offset(0);
        let index = LineIndex::new("x");
        let mut model = ClusterModel::default();
        for (name, value) in [
            ("allocate-node-cidrs", "yes"),
            ("node-cidr-mask-size", "x"),
            ("v", "2"),
        ] {
            let setting = Setting {
                name,
                value,
                map: &map,
                at: 0,
                width: value.len(),
                exact: true,
            };
            let malformed = state(Origin::Context, &setting, &index, &mut model);
            assert_eq!(malformed.is_some(), name != "v", "{name}");
        }
        let placeholder = Setting {
            name: "cluster-cidr",
            value: "${POD_CIDR}",
            map: &map,
            at: 0,
            width: 11,
            exact: true,
        };
        assert!(state(Origin::Context, &placeholder, &index, &mut model).is_none());
        assert_eq!(model, ClusterModel::default());
    }
}
