//! The typed view of a `net-conf.json`: each field's value and where it was written.
//!
//! Keys match case-insensitively and the last duplicate wins, as in Go's `encoding/json`, which
//! flannel uses to read the file.

use alloc::string::String;

use crate::json::{Member, Node};
use crate::net::{Cidr, CidrError};

/// A value read from the JSON and the inner byte range of its JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Inner offset where the JSON value starts (a string's opening quote).
    pub start: usize,
    /// Inner offset one past the JSON value.
    pub end: usize,
}

impl<T> Field<T> {
    fn of(node: &Node, value: T) -> Self {
        Field {
            value,
            start: node.start,
            end: node.end,
        }
    }

    /// The range inside a string value's quotes (the whole value for other types).
    pub fn inner(&self) -> (usize, usize) {
        (
            self.start + 1,
            self.end.saturating_sub(1).max(self.start + 1),
        )
    }

    /// The whole value's range.
    pub fn range(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// The sentence citing where flanneld validates a net-conf.json, which the rules reproducing
/// that validation end their explanations with.
pub const VALIDATION_SOURCE: &str = "Source: flannel pkg/subnet/config.go (CheckNetworkConfig).";

/// A CIDR field: parsed, or the text written and why it is not a CIDR.
pub type CidrField = Field<Result<Cidr, (String, CidrError)>>;

impl CidrField {
    /// The block, when it parses, and the range inside the value's quotes (where a fix writes).
    pub fn cidr(&self) -> Option<(Cidr, (usize, usize))> {
        let cidr = *self.value.as_ref().ok()?;
        Some((cidr, self.inner()))
    }
}

/// The fields of `net-conf.json` the rules use.
#[derive(Debug, Clone, PartialEq)]
pub struct NetConf {
    /// The JSON root.
    pub root: Node,
    /// `Network`.
    pub network: Option<CidrField>,
    /// `IPv6Network`.
    pub ipv6_network: Option<CidrField>,
    /// `EnableIPv4` (default true).
    pub enable_ipv4: Option<Field<bool>>,
    /// `EnableIPv6` (default false).
    pub enable_ipv6: Option<Field<bool>>,
    /// `SubnetLen`, when a whole number.
    pub subnet_len: Option<Field<i64>>,
    /// `SubnetMin`, as written.
    pub subnet_min: Option<Field<String>>,
    /// `SubnetMax`, as written.
    pub subnet_max: Option<Field<String>>,
    /// `IPv6SubnetLen`, when a whole number.
    pub ipv6_subnet_len: Option<Field<i64>>,
    /// The `Backend` member, when present.
    pub backend: Option<Member>,
    /// `Backend.Type`, when present as a string.
    pub backend_type: Option<Field<String>>,
    /// `Backend.MTU`, when a whole number: the underlay MTU flannel subtracts its overhead from.
    pub backend_mtu: Option<Field<i64>>,
    /// Inner range of the whole document, for findings about something missing.
    pub whole: (usize, usize),
    /// Keys (`Network`, `Backend`, `Backend.Type`, …) whose value is a template or a shell
    /// placeholder: set, but unknown here, so no rule judges them.
    pub opaque: alloc::vec::Vec<&'static str>,
}

impl NetConf {
    /// Reads the fields from the JSON root (anything but an object reads as all-missing).
    pub fn read(root: &Node) -> NetConf {
        let backend = root.get_ignore_case("Backend").cloned();
        let backend_node = backend.as_ref().map(|member| &member.value);
        let mut opaque = alloc::vec::Vec::new();
        for key in [
            "Network",
            "IPv6Network",
            "EnableIPv4",
            "EnableIPv6",
            "SubnetLen",
            "SubnetMin",
            "SubnetMax",
            "IPv6SubnetLen",
            "Backend",
        ] {
            if root
                .get_ignore_case(key)
                .is_some_and(|m| is_placeholder(&m.value))
            {
                opaque.push(key);
            }
        }
        if backend_node
            .and_then(|node| node.get_ignore_case("Type"))
            .is_some_and(|m| is_placeholder(&m.value))
        {
            opaque.push("Backend.Type");
        }
        let backend_type = backend_node
            .and_then(|node| node.get_ignore_case("Type"))
            .filter(|member| !is_placeholder(&member.value))
            .and_then(|member| {
                Some(Field::of(
                    &member.value,
                    String::from(member.value.as_str()?),
                ))
            });
        NetConf {
            network: cidr(root, "Network"),
            ipv6_network: cidr(root, "IPv6Network"),
            enable_ipv4: boolean(root, "EnableIPv4"),
            enable_ipv6: boolean(root, "EnableIPv6"),
            subnet_len: integer(root, "SubnetLen"),
            subnet_min: string(root, "SubnetMin"),
            subnet_max: string(root, "SubnetMax"),
            ipv6_subnet_len: integer(root, "IPv6SubnetLen"),
            backend_mtu: backend_node.and_then(|node| integer(node, "MTU")),
            backend_type,
            backend,
            whole: (root.start, root.end),
            root: root.clone(),
            opaque,
        }
    }

    /// True when `key` holds a placeholder (see [`NetConf::opaque`]).
    pub fn is_opaque(&self, key: &str) -> bool {
        self.opaque.contains(&key)
    }

    /// The backend type flannel runs: `Backend.Type`, or udp when Backend is missing (config.go).
    pub fn backend_name(&self) -> String {
        self.backend_type.as_ref().map_or_else(
            || String::from("udp"),
            |field| field.value.to_ascii_lowercase(),
        )
    }

    /// The Backend object's node, when Backend is an object.
    pub fn backend_object(&self) -> Option<&Node> {
        self.backend
            .as_ref()
            .map(|member| &member.value)
            .filter(|node| node.members().is_some())
    }

    /// True unless `EnableIPv4` is false.
    pub fn ipv4_enabled(&self) -> bool {
        self.enable_ipv4.as_ref().is_none_or(|field| field.value)
    }

    /// True when `EnableIPv6` is true.
    pub fn ipv6_enabled(&self) -> bool {
        self.enable_ipv6.as_ref().is_some_and(|field| field.value)
    }
}

/// A string value that is a template or shell placeholder.
pub fn is_placeholder(node: &Node) -> bool {
    node.as_str()
        .is_some_and(crate::placeholder::is_placeholder)
}

fn cidr(root: &Node, key: &str) -> Option<CidrField> {
    let member = root
        .get_ignore_case(key)
        .filter(|m| !is_placeholder(&m.value))?;
    let text = member.value.as_str()?;
    Some(Field::of(
        &member.value,
        text.parse::<Cidr>().map_err(|e| (String::from(text), e)),
    ))
}

fn integer(object: &Node, key: &str) -> Option<Field<i64>> {
    let member = object.get_ignore_case(key)?;
    Some(Field::of(&member.value, member.value.as_i64()?))
}

fn boolean(object: &Node, key: &str) -> Option<Field<bool>> {
    let member = object.get_ignore_case(key)?;
    Some(Field::of(&member.value, member.value.as_bool()?))
}

fn string(object: &Node, key: &str) -> Option<Field<String>> {
    let member = object
        .get_ignore_case(key)
        .filter(|m| !is_placeholder(&m.value))?;
    Some(Field::of(
        &member.value,
        String::from(member.value.as_str()?),
    ))
}
