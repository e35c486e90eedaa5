//! kubeadm's `ClusterConfiguration` (kubeadm.k8s.io/v1beta3 and v1beta4): `networking.podSubnet`
//! and `serviceSubnet`, and kube-controller-manager's flags under `controllerManager.extraArgs`,
//! a map in v1beta3 and a list of `name`/`value` pairs in v1beta4. A fragment pasted without
//! `apiVersion` and `kind` (`networking:` with `podSubnet`, `controllerManager:` with
//! `extraArgs`) is read too, when every key it has is one of `ClusterConfiguration`'s: it is
//! recognised by its keys, so no other YAML (a flannel manifest, a k3s config) is taken for it.

use crate::document::DocumentKind;
use crate::yaml::{Node, NodeKind};

use super::yaml_settings::{Found, YamlSettings};

/// Reads `root` when it is a `ClusterConfiguration`; false otherwise.
pub fn read(root: &Node, found: &mut YamlSettings<'_>) -> bool {
    let api = root
        .get("apiVersion")
        .and_then(Node::as_str)
        .unwrap_or_default();
    let kind = root.get("kind").and_then(Node::as_str);
    let whole = api.starts_with("kubeadm.k8s.io/") && kind == Some("ClusterConfiguration");
    if !whole && !is_fragment(root) {
        return false;
    }
    let origin = found.document(DocumentKind::KubeadmConfig, root);
    let networking = root.get("networking");
    for name in ["podSubnet", "serviceSubnet"] {
        if let Some(value) = networking.and_then(|n| n.get(name)) {
            found.scalar(origin, name, value);
        }
    }
    // A fragment may leave out what the rest of its file states.
    if whole && networking.and_then(|n| n.get("serviceSubnet")).is_none() {
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

/// `ClusterConfiguration`'s top-level fields, and those of `networking` and `controllerManager`.
const FIELDS: [&str; 13] = [
    "networking",
    "controllerManager",
    "apiServer",
    "scheduler",
    "etcd",
    "dns",
    "proxy",
    "kubernetesVersion",
    "controlPlaneEndpoint",
    "clusterName",
    "imageRepository",
    "featureGates",
    "certificatesDir",
];
const NETWORKING: [&str; 3] = ["podSubnet", "serviceSubnet", "dnsDomain"];
const CONTROLLER_MANAGER: [&str; 3] = ["extraArgs", "extraVolumes", "extraEnvs"];

/// True for a piece of a `ClusterConfiguration` without `apiVersion` and `kind`: a mapping
/// whose keys are all its fields, with `networking.podSubnet` or `serviceSubnet`, or with
/// `controllerManager.extraArgs`, and nothing under either that kubeadm does not have there.
fn is_fragment(root: &Node) -> bool {
    let only = |node: &Node, known: &[&str]| match &node.kind {
        NodeKind::Mapping(pairs) => pairs
            .iter()
            .all(|(key, _)| key.as_str().is_some_and(|key| known.contains(&key))),
        _ => false,
    };
    if !only(root, &FIELDS) {
        return false;
    }
    let networking = root.get("networking");
    let manager = root.get("controllerManager");
    let ranges = networking.is_some_and(|n| {
        only(n, &NETWORKING) && (n.get("podSubnet").is_some() || n.get("serviceSubnet").is_some())
    });
    let args =
        manager.is_some_and(|m| only(m, &CONTROLLER_MANAGER) && m.get("extraArgs").is_some());
    (ranges || args)
        && networking.is_none_or(|n| only(n, &NETWORKING))
        && manager.is_none_or(|m| only(m, &CONTROLLER_MANAGER))
}
