//! A Kubernetes object read the same way from a JSON or a YAML tree.
//!
//! `kubectl get … -o json` and a manifest in YAML hold the same objects; [`KubeNode`] is what the
//! finder and the ConfigMap reader need of either tree, read one way: object fields (`kind`,
//! `data`, `metadata`) match ignoring ASCII case, so a `Data:` still has its net-conf.json
//! checked; map keys (`data`'s file names) match exactly; the last duplicate wins; and a value is
//! a string only when Kubernetes reads it as one (YAML's plain `42` or `yes` is not).

use crate::embed::{self, Embedded, SourceMap};
use crate::json;

/// A node of a parsed JSON or YAML document. Used as `&dyn KubeNode`, so the finder and the
/// ConfigMap reader are compiled once for both trees (each was a copy per tree, 2 KB of wasm).
pub trait KubeNode {
    /// The value of object field `name` (ASCII case ignored; the last duplicate wins).
    fn field(&self, name: &str) -> Option<&dyn KubeNode>;
    /// The value of map key `key` (exact; the last duplicate wins).
    fn map_value(&self, key: &str) -> Option<&dyn KubeNode>;
    /// The text when this is a string.
    fn string(&self) -> Option<&str>;
    /// Item `index` when this is a list (`None` past its end, and for anything else).
    fn item(&self, index: usize) -> Option<&dyn KubeNode>;
    /// Byte offset of the node's first byte in the parsed text.
    fn start(&self) -> usize;
    /// Byte offset one past the node's last byte.
    fn end(&self) -> usize;
    /// True when a ConfigMap may hold this as a `data` value: a string, or null (which the API
    /// server stores as ""), not a number, boolean, list or object.
    fn is_data_string(&self) -> bool;
    /// The value's text as the container decodes it, with a map back to `text`.
    fn content(&self, text: &str) -> Option<Embedded>;
    /// The JSON node, when this is one (the finder reads a bare JSON object further).
    fn as_json(&self) -> Option<&json::Node> {
        None
    }
}

impl KubeNode for json::Node {
    fn field(&self, name: &str) -> Option<&dyn KubeNode> {
        self.get_ignore_case(name)
            .map(|member| &member.value as &dyn KubeNode)
    }

    fn map_value(&self, key: &str) -> Option<&dyn KubeNode> {
        self.members()?
            .iter()
            .rev()
            .find(|member| member.key == key)
            .map(|member| &member.value as &dyn KubeNode)
    }

    fn string(&self) -> Option<&str> {
        self.as_str()
    }

    fn item(&self, index: usize) -> Option<&dyn KubeNode> {
        match &self.value {
            json::Value::Array(items) => items.get(index).map(|item| item as &dyn KubeNode),
            _ => None,
        }
    }

    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn is_data_string(&self) -> bool {
        matches!(self.value, json::Value::String(_) | json::Value::Null)
    }

    fn content(&self, text: &str) -> Option<Embedded> {
        match self.value {
            json::Value::String(_) => embed::json_string(text, self.start),
            // `null` reads as the word that wrote it, as YAML's plain `null` does.
            _ => Some(Embedded {
                text: alloc::string::String::from(text.get(self.start..self.end)?),
                map: SourceMap::offset(self.start).limited_to(text.len()),
                exact: true,
            }),
        }
    }

    fn as_json(&self) -> Option<&json::Node> {
        Some(self)
    }
}

#[cfg(feature = "std")]
impl KubeNode for crate::yaml::Node {
    fn field(&self, name: &str) -> Option<&dyn KubeNode> {
        match &self.kind {
            crate::yaml::NodeKind::Mapping(pairs) => pairs
                .iter()
                .rev()
                .find(|(key, _)| {
                    key.as_str()
                        .is_some_and(|key| key.eq_ignore_ascii_case(name))
                })
                .map(|(_, value)| value as &dyn KubeNode),
            _ => None,
        }
    }

    fn map_value(&self, key: &str) -> Option<&dyn KubeNode> {
        self.get(key).map(|value| value as &dyn KubeNode)
    }

    fn string(&self) -> Option<&str> {
        use crate::yaml::{plain_type, NodeKind, PlainType, ScalarStyle};
        match &self.kind {
            NodeKind::Scalar(value, ScalarStyle::Plain) => {
                (plain_type(value) == PlainType::String).then_some(value.as_str())
            }
            NodeKind::Scalar(value, _) => Some(value),
            _ => None,
        }
    }

    fn item(&self, index: usize) -> Option<&dyn KubeNode> {
        crate::yaml::Node::items(self)
            .get(index)
            .map(|item| item as &dyn KubeNode)
    }

    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn is_data_string(&self) -> bool {
        use crate::yaml::{plain_type, NodeKind, PlainType, ScalarStyle};
        match &self.kind {
            NodeKind::Scalar(value, ScalarStyle::Plain) => {
                matches!(plain_type(value), PlainType::String | PlainType::Null)
            }
            NodeKind::Scalar(..) => true,
            _ => false,
        }
    }

    fn content(&self, text: &str) -> Option<Embedded> {
        crate::yaml::scalar_content(text, self)
    }
}
