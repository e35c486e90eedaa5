//! flannel's documents into the cluster model: net-conf.json, subnet.env, cni-conf.json, and
//! which subnet manager the paste shows.

use crate::context::SubnetManager;
use crate::detect::{Detected, EnvLine};
use crate::document::DocumentKind;
use crate::embed::SourceMap;
use crate::flannel::backend_names::KNOWN as KNOWN_BACKENDS;
use crate::flannel::netconf::{CidrField, NetConf};
use crate::json::Node;
use crate::net::{Cidr, IpFamily};
use crate::span::LineIndex;

use crate::model::{ClusterModel, Mtu, MtuSetting, NodeMask, NodePodCidr, Origin, Source, Stated};

/// The subnet manager the documents show: etcd mode where the paste runs flanneld without
/// `--kube-subnet-mgr` or talks to its etcd, kube mode for each `kube-flannel-cfg` ConfigMap
/// (how the official manifest, which runs `--kube-subnet-mgr`, hands flanneld its config).
pub fn read_mode_evidence(detected: &Detected, index: &LineIndex<'_>, model: &mut ClusterModel) {
    let mut shown = |manager, kind, key, (start, end)| {
        let span = index.span(start, end);
        let origin = Origin::Document {
            kind,
            document: span,
        };
        model.subnet_manager.push(Stated {
            value: manager,
            source: Source::shown(origin, key, span),
        });
    };
    if let Some(evidence) = &detected.etcd_evidence {
        let range = (evidence.start, evidence.end);
        shown(SubnetManager::Etcd, evidence.kind, evidence.what, range);
    }
    for found in &detected.documents {
        if found.kind == DocumentKind::FlannelConfigMap {
            let range = (found.start, found.end);
            shown(SubnetManager::Kube, found.kind, "kube-flannel-cfg", range);
        }
    }
}

/// The values a `net-conf.json` states: its pools (of the families it enables), node masks
/// (SubnetLen: etcd mode's), backend and `Backend.MTU`. `map` takes the document's own offsets
/// to the analysed text; when it does not do so `exact`ly, the values cannot be edited.
pub fn read_net_conf(
    conf: &NetConf,
    (map, exact): (&SourceMap, bool),
    index: &LineIndex<'_>,
    origin: &Origin,
    model: &mut ClusterModel,
) {
    let source = |key: &'static str, range: (usize, usize)| {
        let source = Source::written(*origin, key, map, range, index);
        if exact {
            source
        } else {
            source.without_edit()
        }
    };
    for (key, field, family, enabled) in [
        ("Network", &conf.network, IpFamily::V4, conf.ipv4_enabled()),
        (
            "IPv6Network",
            &conf.ipv6_network,
            IpFamily::V6,
            conf.ipv6_enabled(),
        ),
    ] {
        let pool = field.as_ref().and_then(CidrField::cidr);
        // A disabled family's block is no pool; one of the other family is a refused value.
        let pool = pool.filter(|(cidr, _)| enabled && cidr.family() == family);
        if let Some((cidr, range)) = pool {
            model.pod_pools.push(Stated {
                value: cidr,
                source: source(key, range),
            });
        }
    }
    for (key, field, family) in [
        ("SubnetLen", &conf.subnet_len, IpFamily::V4),
        ("IPv6SubnetLen", &conf.ipv6_subnet_len, IpFamily::V6),
    ] {
        let Some(field) = field else { continue };
        // As written, even one flanneld refuses (above the family's width): the rules judge it,
        // and the capacity counts the one its fix writes.
        let Ok(prefix) = u8::try_from(field.value) else {
            continue;
        };
        model.node_masks.push(Stated {
            value: NodeMask {
                family: Some(family),
                prefix,
                manager: SubnetManager::Etcd,
            },
            source: source(key, field.range()),
        });
    }
    let backend = conf.backend_type.as_ref().and_then(|field| {
        let name = KNOWN_BACKENDS
            .iter()
            .find(|known| known.eq_ignore_ascii_case(&field.value))?;
        Some((*name, field))
    });
    if let Some((name, field)) = backend {
        model.backend.push(Stated {
            value: name,
            source: source("Backend.Type", field.inner()),
        });
    }
    if let Some(field) = &conf.backend_mtu {
        if let Ok(bytes) = u32::try_from(field.value) {
            model.mtu.push(Stated {
                value: Mtu {
                    setting: MtuSetting::BackendUnderlay,
                    bytes,
                },
                source: source("Backend.MTU", field.range()),
            });
        }
    }
}

/// The values a `subnet.env` states: `FLANNEL_NETWORK` and `FLANNEL_IPV6_NETWORK` (each block
/// of the comma lists flannel's removed MultiClusterCIDR mode wrote), `FLANNEL_SUBNET` and
/// `FLANNEL_IPV6_SUBNET` (the range of the node the file was read on) and `FLANNEL_MTU`. Its
/// offsets are the analysed text's.
pub fn read_subnet_env(
    env: &[EnvLine],
    index: &LineIndex<'_>,
    origin: &Origin,
    model: &mut ClusterModel,
) {
    let whole = SourceMap::offset(0);
    for line in env {
        let Some(key) = SUBNET_ENV_KEYS.iter().copied().find(|k| *k == line.key) else {
            continue;
        };
        let source = || {
            Source::written(
                *origin,
                key,
                &whole,
                (line.value_start, line.value_end),
                index,
            )
        };
        match key {
            "FLANNEL_NETWORK" | "FLANNEL_IPV6_NETWORK" => {
                let mut at = line.value_start;
                for block in line.value.split(',') {
                    let range = (at, at + block.len());
                    at += block.len() + 1;
                    if let Ok(cidr) = block.trim().parse::<Cidr>() {
                        model.pod_pools.push(Stated {
                            value: cidr,
                            source: Source::written(*origin, key, &whole, range, index),
                        });
                    }
                }
            }
            "FLANNEL_SUBNET" | "FLANNEL_IPV6_SUBNET" => {
                if let Ok(cidr) = line.value.trim().parse::<Cidr>() {
                    model.node_pod_cidrs.push(Stated {
                        value: NodePodCidr { node: None, cidr },
                        source: source(),
                    });
                }
            }
            "FLANNEL_MTU" => {
                if let Ok(bytes) = line.value.trim().parse::<u32>() {
                    model.mtu.push(Stated {
                        value: Mtu {
                            setting: MtuSetting::FlannelPod,
                            bytes,
                        },
                        source: source(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// The subnet.env variables the model reads.
const SUBNET_ENV_KEYS: [&str; 5] = [
    "FLANNEL_NETWORK",
    "FLANNEL_IPV6_NETWORK",
    "FLANNEL_SUBNET",
    "FLANNEL_IPV6_SUBNET",
    "FLANNEL_MTU",
];

/// The value a `cni-conf.json` states: its delegate's `mtu`, the JSON node `delegate_mtu`.
pub fn read_cni_conf(
    delegate_mtu: &Node,
    map: &SourceMap,
    index: &LineIndex<'_>,
    origin: &Origin,
    model: &mut ClusterModel,
) {
    if let Some(bytes) = delegate_mtu.as_i64().and_then(|v| u32::try_from(v).ok()) {
        model.mtu.push(Stated {
            value: Mtu {
                setting: MtuSetting::DelegatePod,
                bytes,
            },
            source: Source::written(
                *origin,
                "mtu",
                map,
                (delegate_mtu.start, delegate_mtu.end),
                index,
            ),
        });
    }
}
