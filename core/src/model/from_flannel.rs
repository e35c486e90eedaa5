//! flannel's documents into the cluster model: net-conf.json, subnet.env, cni-conf.json.

use crate::detect::EnvLine;
use crate::embed::SourceMap;
use crate::flannel::netconf::{Field, NetConf};
use crate::json::Node;
use crate::net::{Cidr, IpFamily};
use crate::span::LineIndex;

use super::cluster::{ClusterModel, Mtu, MtuSetting, NodeMask, NodePodCidr, Stated};
use super::source::{Origin, Source};

/// The values a `net-conf.json` states: its pools, node masks, backend and `Backend.MTU`.
/// `map` takes the document's own offsets to the analysed text.
pub fn read_net_conf(
    conf: &NetConf,
    map: &SourceMap,
    index: &LineIndex<'_>,
    origin: &Origin,
) -> ClusterModel {
    let mut model = ClusterModel::default();
    let source =
        |key: &str, range: (usize, usize)| Source::written(origin.clone(), key, map, range, index);
    for (key, field) in [
        ("Network", &conf.network),
        ("IPv6Network", &conf.ipv6_network),
    ] {
        if let Some(Field {
            value: Ok(cidr), ..
        }) = field
        {
            let range = field.as_ref().map_or((0, 0), Field::inner);
            model.pod_pools.push(Stated {
                value: *cidr,
                source: source(key, range),
            });
        }
    }
    for (key, field, family) in [
        ("SubnetLen", &conf.subnet_len, IpFamily::V4),
        ("IPv6SubnetLen", &conf.ipv6_subnet_len, IpFamily::V6),
    ] {
        let Some(field) = field else { continue };
        let Some(prefix) = u8::try_from(field.value)
            .ok()
            .filter(|&p| p <= family.bits())
        else {
            continue;
        };
        model.node_masks.push(Stated {
            value: NodeMask { family, prefix },
            source: source(key, field.range()),
        });
    }
    if let Some(field) = &conf.backend_type {
        model.backend.push(Stated {
            value: field.value.to_ascii_lowercase(),
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
    model
}

/// The values a `subnet.env` states: `FLANNEL_NETWORK` and `FLANNEL_IPV6_NETWORK` (each block
/// of the comma lists flannel's removed MultiClusterCIDR mode wrote), `FLANNEL_SUBNET` and
/// `FLANNEL_IPV6_SUBNET` (the range of the node the file was read on) and `FLANNEL_MTU`. Its
/// offsets are the analysed text's.
pub fn read_subnet_env(env: &[EnvLine], index: &LineIndex<'_>, origin: &Origin) -> ClusterModel {
    let mut model = ClusterModel::default();
    let whole = SourceMap::offset(0);
    for line in env {
        let source = || {
            Source::written(
                origin.clone(),
                &line.key,
                &whole,
                (line.value_start, line.value_end),
                index,
            )
        };
        match line.key.as_str() {
            "FLANNEL_NETWORK" | "FLANNEL_IPV6_NETWORK" => {
                let mut at = line.value_start;
                for block in line.value.split(',') {
                    let range = (at, at + block.len());
                    at += block.len() + 1;
                    if let Ok(cidr) = block.trim().parse::<Cidr>() {
                        model.pod_pools.push(Stated {
                            value: cidr,
                            source: Source::written(
                                origin.clone(),
                                &line.key,
                                &whole,
                                range,
                                index,
                            ),
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
    model
}

/// The value a `cni-conf.json` states: its delegate's `mtu`, the JSON node `delegate_mtu`.
pub fn read_cni_conf(
    delegate_mtu: &Node,
    map: &SourceMap,
    index: &LineIndex<'_>,
    origin: &Origin,
) -> ClusterModel {
    let mut model = ClusterModel::default();
    if let Some(bytes) = delegate_mtu.as_i64().and_then(|v| u32::try_from(v).ok()) {
        model.mtu.push(Stated {
            value: Mtu {
                setting: MtuSetting::DelegatePod,
                bytes,
            },
            source: Source::written(
                origin.clone(),
                "mtu",
                map,
                (delegate_mtu.start, delegate_mtu.end),
                index,
            ),
        });
    }
    model
}
