//! kube-controller-manager's static pod (`/etc/kubernetes/manifests/kube-controller-manager.yaml`):
//! the `--flag=value` items of its container's `command` and `args`.

use crate::document::DocumentKind;
use crate::yaml::Node;

use super::yaml_settings::YamlSettings;

/// Reads `root` when it is a Pod running kube-controller-manager; false otherwise.
pub fn read(root: &Node, found: &mut YamlSettings<'_>) -> bool {
    if root.get("kind").and_then(Node::as_str) != Some("Pod") {
        return false;
    }
    let containers = root.get("spec").and_then(|s| s.get("containers"));
    let runs_it = |container: &&Node| {
        let command = container
            .get("command")
            .map(Node::items)
            .unwrap_or_default();
        command
            .first()
            .and_then(Node::as_str)
            .is_some_and(|first| first.rsplit('/').next() == Some("kube-controller-manager"))
    };
    let Some(container) = containers
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .find(runs_it)
    else {
        return false;
    };
    let origin = found.document(DocumentKind::ControllerManager, root);
    for list in ["command", "args"] {
        for item in container.get(list).map(Node::items).unwrap_or_default() {
            found.flag_item(origin, item, "--");
        }
    }
    true
}
