//! kubeadm's `ClusterConfiguration` (kubeadm.k8s.io/v1beta3 and v1beta4): `networking.podSubnet`
//! and `serviceSubnet`, and kube-controller-manager's flags under `controllerManager.extraArgs`,
//! a map in v1beta3 and a list of `name`/`value` pairs in v1beta4.

use crate::document::DocumentKind;
use crate::yaml::Node;

use super::yaml_settings::{Found, YamlSettings};

/// Reads `root` when it is a `ClusterConfiguration`; false otherwise.
pub fn read(root: &Node, found: &mut YamlSettings<'_>) -> bool {
    let api = root
        .get("apiVersion")
        .and_then(Node::as_str)
        .unwrap_or_default();
    let kind = root.get("kind").and_then(Node::as_str);
    if !api.starts_with("kubeadm.k8s.io/") || kind != Some("ClusterConfiguration") {
        return false;
    }
    let origin = found.document(DocumentKind::KubeadmConfig, root);
    let networking = root.get("networking");
    for name in ["podSubnet", "serviceSubnet"] {
        if let Some(value) = networking.and_then(|n| n.get(name)) {
            found.scalar(origin, name, value);
        }
    }
    if networking.and_then(|n| n.get("serviceSubnet")).is_none() {
        found.default_cidr(
            "kubeadm",
            "serviceSubnet",
            super::defaults::KUBEADM_SERVICE_SUBNET,
            root,
            Found::Service,
        );
    }
    let extra = root
        .get("controllerManager")
        .and_then(|c| c.get("extraArgs"));
    match extra.map(|extra| &extra.kind) {
        Some(crate::yaml::NodeKind::Mapping(pairs)) => {
            for (key, value) in pairs {
                if let Some(name) = key.as_str() {
                    found.scalar(origin, name, value);
                }
            }
        }
        Some(crate::yaml::NodeKind::Sequence(items)) => {
            for item in items {
                let name = item.get("name").and_then(Node::as_str);
                if let (Some(name), Some(value)) = (name, item.get("value")) {
                    found.scalar(origin, name, value);
                }
            }
        }
        _ => {}
    }
    true
}
