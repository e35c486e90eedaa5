//! A Kubernetes object read the same way from a JSON or a YAML tree.
//!
//! `kubectl get … -o json` and a manifest in YAML hold the same objects; [`KubeNode`] is what the
//! finder and the ConfigMap reader need of either tree, read one way: object fields (`kind`,
//! `data`, `metadata`) match ignoring ASCII case, so a `Data:` still has its net-conf.json
//! checked; map keys (`data`'s file names) match exactly; the last duplicate wins; and a value is
//! a string only when Kubernetes reads it as one (YAML's plain `42` or `yes` is not).

use crate::embed::{self, Embedded, SourceMap};
use crate::json;

/// A node of a parsed JSON or YAML document.
pub trait KubeNode: Sized {
    /// The value of object field `name` (ASCII case ignored; the last duplicate wins).
    fn field(&self, name: &str) -> Option<&Self>;
    /// The value of map key `key` (exact; the last duplicate wins).
    fn map_value(&self, key: &str) -> Option<&Self>;
    /// The text when this is a string.
    fn string(&self) -> Option<&str>;
    /// The items when this is a list (none otherwise).
    fn items(&self) -> &[Self];
    /// Byte offset of the node's first byte in the parsed text.
    fn start(&self) -> usize;
    /// Byte offset one past the node's last byte.
    fn end(&self) -> usize;
    /// True when a ConfigMap may hold this as a `data` value: a string, or null (which the API
    /// server stores as ""), not a number, boolean, list or object.
    fn is_data_string(&self) -> bool;
    /// The value's text as the container decodes it, with a map back to `text`.
    fn content(&self, text: &str) -> Option<Embedded>;
}

impl KubeNode for json::Node {
    fn field(&self, name: &str) -> Option<&Self> {
        self.get_ignore_case(name).map(|member| &member.value)
    }

    fn map_value(&self, key: &str) -> Option<&Self> {
        self.members()?
            .iter()
            .rev()
            .find(|member| member.key == key)
            .map(|member| &member.value)
    }

    fn string(&self) -> Option<&str> {
        self.as_str()
    }

    fn items(&self) -> &[Self] {
        match &self.value {
            json::Value::Array(items) => items,
            _ => &[],
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
}

#[cfg(feature = "std")]
impl KubeNode for crate::yaml::Node {
    fn field(&self, name: &str) -> Option<&Self> {
        match &self.kind {
            crate::yaml::NodeKind::Mapping(pairs) => pairs
                .iter()
                .rev()
                .find(|(key, _)| {
                    key.as_str()
                        .is_some_and(|key| key.eq_ignore_ascii_case(name))
                })
                .map(|(_, value)| value),
            _ => None,
        }
    }

    fn map_value(&self, key: &str) -> Option<&Self> {
        self.get(key)
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

    fn items(&self) -> &[Self] {
        crate::yaml::Node::items(self)
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
