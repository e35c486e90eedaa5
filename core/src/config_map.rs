//! The kube-flannel ConfigMap's data, read one way from JSON (`kubectl get cm -o json`) and YAML.
//!
//! What flannel needs of the ConfigMap: the `net-conf.json` and `cni-conf.json` values of `data`
//! (each with a map back to the paste), the keys whose values Kubernetes refuses because they are
//! not strings, and `metadata.namespace` for the rollout steps. A `data` section pasted alone, or
//! just its keys (`kubectl get cm -o jsonpath='{.data}'`), counts as the ConfigMap too.

use alloc::string::String;
use alloc::vec::Vec;

use crate::embed::Embedded;
use crate::kube_object::KubeNode;

/// The data key flanneld reads its network config from.
pub const NET_CONF_KEY: &str = "net-conf.json";
/// The data key the install-cni container copies to the node's CNI config directory.
pub const CNI_CONF_KEY: &str = "cni-conf.json";

/// A ConfigMap data key whose value is not a string (Kubernetes refuses it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAString {
    /// The data key.
    pub key: String,
    /// Where the value is.
    pub start: usize,
    /// One past the value.
    pub end: usize,
}

/// What a flannel ConfigMap holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigMapData {
    /// The `net-conf.json` text, if any.
    pub net_conf: Option<Embedded>,
    /// The `cni-conf.json` text, if any.
    pub cni_conf: Option<Embedded>,
    /// Data keys whose values are not strings.
    pub not_strings: Vec<NotAString>,
    /// `metadata.namespace`, when written.
    pub namespace: Option<String>,
}

/// Reads object `node` of `text`, whose `kind` is `ConfigMap` or not written, as flannel's
/// ConfigMap. `None` when it is not one: it holds neither flannel key and is no ConfigMap named
/// for flannel.
pub fn read(text: &str, node: &dyn KubeNode, kind: Option<&str>) -> Option<ConfigMapData> {
    // A pasted `data:` section alone, or just its keys, counts as the ConfigMap too.
    let data = node.field("data").or_else(|| {
        let holds_keys =
            node.map_value(NET_CONF_KEY).is_some() || node.map_value(CNI_CONF_KEY).is_some();
        (kind.is_none() && holds_keys).then_some(node)
    });
    let mut read = ConfigMapData {
        namespace: node
            .field("metadata")
            .and_then(|metadata| metadata.field("namespace"))
            .and_then(|name| name.string())
            .map(String::from),
        ..ConfigMapData::default()
    };
    for key in [NET_CONF_KEY, CNI_CONF_KEY] {
        let Some(value) = data.and_then(|data| data.map_value(key)) else {
            continue;
        };
        let content = if value.is_data_string() {
            value.content(text)
        } else {
            read.not_strings.push(NotAString {
                key: String::from(key),
                start: value.start(),
                end: value.end(),
            });
            None
        };
        if key == NET_CONF_KEY {
            read.net_conf = content;
        } else {
            read.cni_conf = content;
        }
    }
    let named_for_flannel = node
        .field("metadata")
        .and_then(|metadata| metadata.field("name"))
        .and_then(|name| name.string())
        .is_some_and(|name| name.contains("flannel"));
    let flannel = read.net_conf.is_some()
        || read.cni_conf.is_some()
        || !read.not_strings.is_empty()
        || (kind.is_some() && named_for_flannel);
    flannel.then_some(read)
}
