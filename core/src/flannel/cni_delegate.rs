//! Where flannel's CNI delegate keeps its `"mtu"` in a cni-conf.json.

use crate::json::{Node, Value};

/// The `"mtu"` member of flannel's delegate in a cni-conf.json: in the flannel plugin of a
/// `plugins` list, or in a single flannel plugin config.
pub fn delegate_mtu(root: &Node) -> Option<&Node> {
    let flannel = match root.get_ignore_case("plugins").map(|m| &m.value.value) {
        Some(Value::Array(plugins)) => plugins.iter().find(|p| {
            p.get_ignore_case("type").and_then(|t| t.value.as_str()) == Some("flannel")
        })?,
        _ => root,
    };
    let delegate = &flannel.get_ignore_case("delegate")?.value;
    delegate
        .members()?
        .iter()
        .rev()
        .find(|m| m.key == "mtu")
        .map(|m| &m.value)
}
