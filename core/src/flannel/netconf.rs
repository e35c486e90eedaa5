//! The typed view of a `net-conf.json`: each field's value and where it was written.
//!
//! Keys match case-insensitively and the last duplicate wins, as in Go's `encoding/json`, which
//! flannel uses to read the file.

use alloc::string::String;

use crate::json::Node;
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
}

/// The fields of `net-conf.json` the rules use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetConf {
    /// `Network`, parsed; `Err` keeps the written text and why it is not a CIDR.
    pub network: Option<Field<Result<Cidr, (String, CidrError)>>>,
    /// `SubnetLen`, when a whole number.
    pub subnet_len: Option<Field<i64>>,
    /// `Backend.Type`, when present as a string.
    pub backend_type: Option<Field<String>>,
    /// `Backend.MTU`, when a whole number: the underlay MTU flannel subtracts its overhead from.
    pub backend_mtu: Option<Field<i64>>,
    /// Inner range of the whole document, for findings about something missing.
    pub whole: (usize, usize),
}

impl NetConf {
    /// Reads the fields from the JSON root (anything but an object reads as all-missing).
    pub fn read(root: &Node) -> NetConf {
        let network = root.get_ignore_case("Network").and_then(|member| {
            let text = member.value.as_str()?;
            Some(Field::of(
                &member.value,
                text.parse::<Cidr>().map_err(|e| (String::from(text), e)),
            ))
        });
        let subnet_len = integer(root, "SubnetLen");
        let backend = root.get_ignore_case("Backend").map(|member| &member.value);
        let backend_type = backend
            .and_then(|node| node.get_ignore_case("Type"))
            .and_then(|member| {
                Some(Field::of(
                    &member.value,
                    String::from(member.value.as_str()?),
                ))
            });
        let backend_mtu = backend.and_then(|node| integer(node, "MTU"));
        NetConf {
            network,
            subnet_len,
            backend_type,
            backend_mtu,
            whole: (root.start, root.end),
        }
    }
}

fn integer(object: &Node, key: &str) -> Option<Field<i64>> {
    let member = object.get_ignore_case(key)?;
    Some(Field::of(&member.value, member.value.as_i64()?))
}
