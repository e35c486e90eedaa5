//! k3s's and RKE2's `config.yaml` (`/etc/rancher/k3s/config.yaml`, `/etc/rancher/rke2/config.yaml`):
//! the server's flags as keys (`cluster-cidr`, `service-cidr`, `flannel-backend`, and
//! `kube-controller-manager-arg`'s `name=value` items), with k3s's defaults for what is not
//! written, stated as defaults.

use crate::document::DocumentKind;
use crate::yaml::{Node, NodeKind};

use super::yaml_settings::{Found, YamlSettings};

/// Keys only a k3s or RKE2 config has; one of them makes a plain mapping such a config.
const KEYS: [&str; 12] = [
    "cluster-cidr",
    "service-cidr",
    "flannel-backend",
    "flannel-conf",
    "flannel-ipv6-masq",
    "flannel-iface",
    "kube-controller-manager-arg",
    "write-kubeconfig-mode",
    "cluster-init",
    "tls-san",
    "disable-network-policy",
    "cluster-dns",
];

/// Reads `root` when it is a k3s or RKE2 config; false otherwise.
pub fn read(root: &Node, found: &mut YamlSettings<'_>) -> bool {
    let NodeKind::Mapping(pairs) = &root.kind else {
        return false;
    };
    let keys = || pairs.iter().filter_map(|(key, _)| key.as_str());
    if keys().any(|key| key == "kind" || key == "apiVersion")
        || !keys().any(|key| KEYS.contains(&key))
    {
        return false;
    }
    let origin = found.document(DocumentKind::K3sConfig, root);
    for (key, value) in pairs {
        match key.as_str() {
            Some("kube-controller-manager-arg") => match &value.kind {
                NodeKind::Sequence(items) => items
                    .iter()
                    .for_each(|item| found.flag_item(origin, item, "")),
                _ => found.flag_item(origin, value, ""),
            },
            Some(name) => found.scalar(origin, name, value),
            None => {}
        }
    }
    let has = |name: &str| root.get(name).is_some();
    if !has("cluster-cidr") {
        found.default_cidr(
            "k3s",
            "cluster-cidr",
            super::defaults::K3S_CLUSTER_CIDR,
            root,
            Found::Cluster,
        );
    }
    if !has("service-cidr") {
        found.default_cidr(
            "k3s",
            "service-cidr",
            super::defaults::K3S_SERVICE_CIDR,
            root,
            Found::Service,
        );
    }
    if !has("flannel-backend") {
        found.default_backend("k3s", root);
    }
    true
}
