//! The Go types flannel decodes `net-conf.json` into, and what Go's `encoding/json` says when a
//! value does not fit one.
//!
//! flanneld decodes the top level into `subnet.Config` and the `Backend` object into the config
//! struct of its backend; one value of the wrong JSON type fails the whole decode, and flanneld
//! exits at start-up ("error parsing subnet config: json: cannot unmarshal string into Go struct
//! field Config.SubnetLen of type uint") in kube mode as in etcd mode. Keys match ignoring case.
//! Source: flannel `pkg/subnet/config.go` (Config, parseBackendType), `pkg/ip/ipnet.go`,
//! `pkg/ip/ip6net.go` (their UnmarshalJSON), `pkg/backend/*/` (each backend's config struct).

use alloc::format;
use alloc::string::String;

use crate::json::{Node, Value};

/// A Go type a flannel config value is decoded into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoType {
    /// `bool`.
    Bool,
    /// `uint` (a non-negative whole number).
    Uint,
    /// `int`.
    Int,
    /// `string` (or a named string type such as `wireguard.Mode`).
    String,
    /// `time.Duration` (a whole number of nanoseconds).
    Duration,
    /// `ip.IP4Net` / `ip.IP6Net`: its UnmarshalJSON strips quotes and parses a CIDR.
    Cidr,
    /// `ip.IP4` / `*ip.IP6`: its UnmarshalJSON strips quotes and parses an address.
    Address,
    /// `json.RawMessage` holding an object (Backend).
    Object,
}

impl GoType {
    /// True when the type is a whole number.
    pub fn is_number(self) -> bool {
        matches!(self, GoType::Uint | GoType::Int | GoType::Duration)
    }
}

/// A field: its JSON name, its Go type, and its name in Go's error message (`Config.SubnetLen`,
/// `.ListenPort` for an anonymous struct), and the type's name there.
#[derive(Debug, Clone, Copy)]
pub struct GoField {
    /// The key as flannel spells it.
    pub key: &'static str,
    /// The Go type.
    pub go_type: GoType,
    /// The struct and field as Go's error message names them.
    pub go_field: &'static str,
    /// The Go type as Go's error message names it.
    pub go_type_name: &'static str,
}

const fn field(
    key: &'static str,
    go_type: GoType,
    go_field: &'static str,
    go_type_name: &'static str,
) -> GoField {
    GoField {
        key,
        go_type,
        go_field,
        go_type_name,
    }
}

/// The top level of net-conf.json: `subnet.Config`.
pub const TOP_LEVEL: [GoField; 12] = [
    field("Network", GoType::Cidr, "Config.Network", "ip.IP4Net"),
    field(
        "IPv6Network",
        GoType::Cidr,
        "Config.IPv6Network",
        "ip.IP6Net",
    ),
    field("EnableIPv4", GoType::Bool, "Config.EnableIPv4", "bool"),
    field("EnableIPv6", GoType::Bool, "Config.EnableIPv6", "bool"),
    field(
        "EnableNFTables",
        GoType::Bool,
        "Config.EnableNFTables",
        "bool",
    ),
    field("SubnetLen", GoType::Uint, "Config.SubnetLen", "uint"),
    field("SubnetMin", GoType::Address, "Config.SubnetMin", "ip.IP4"),
    field("SubnetMax", GoType::Address, "Config.SubnetMax", "ip.IP4"),
    field(
        "IPv6SubnetLen",
        GoType::Uint,
        "Config.IPv6SubnetLen",
        "uint",
    ),
    field(
        "IPv6SubnetMin",
        GoType::Address,
        "Config.IPv6SubnetMin",
        "ip.IP6",
    ),
    field(
        "IPv6SubnetMax",
        GoType::Address,
        "Config.IPv6SubnetMax",
        "ip.IP6",
    ),
    field(
        "Backend",
        GoType::Object,
        "Config.Backend",
        "json.RawMessage",
    ),
];

const VXLAN: [GoField; 6] = [
    field("VNI", GoType::Int, "VXLANConfig.vni", "int"),
    field("Port", GoType::Int, "VXLANConfig.port", "int"),
    field("MTU", GoType::Int, "VXLANConfig.mtu", "int"),
    field("GBP", GoType::Bool, "VXLANConfig.gbp", "bool"),
    field("Learning", GoType::Bool, "VXLANConfig.learning", "bool"),
    field(
        "DirectRouting",
        GoType::Bool,
        "VXLANConfig.directRouting",
        "bool",
    ),
];
const WIREGUARD: [GoField; 6] = [
    field("ListenPort", GoType::Int, ".ListenPort", "int"),
    field("ListenPortV6", GoType::Int, ".ListenPortV6", "int"),
    field("MTU", GoType::Int, ".MTU", "int"),
    field("PSK", GoType::String, ".PSK", "string"),
    field(
        "PersistentKeepaliveInterval",
        GoType::Duration,
        ".PersistentKeepaliveInterval",
        "time.Duration",
    ),
    field("Mode", GoType::String, ".Mode", "wireguard.Mode"),
];
const UDP: [GoField; 1] = [field("Port", GoType::Int, ".Port", "int")];
const IPIP: [GoField; 1] = [field(
    "DirectRouting",
    GoType::Bool,
    ".DirectRouting",
    "bool",
)];
const IPSEC: [GoField; 3] = [
    field("UDPEncap", GoType::Bool, ".UDPEncap", "bool"),
    field("ESPProposal", GoType::String, ".ESPProposal", "string"),
    field("PSK", GoType::String, ".PSK", "string"),
];
const EXTENSION: [GoField; 4] = [
    field(
        "PreStartupCommand",
        GoType::String,
        ".PreStartupCommand",
        "string",
    ),
    field(
        "PostStartupCommand",
        GoType::String,
        ".PostStartupCommand",
        "string",
    ),
    field(
        "SubnetAddCommand",
        GoType::String,
        ".SubnetAddCommand",
        "string",
    ),
    field(
        "SubnetRemoveCommand",
        GoType::String,
        ".SubnetRemoveCommand",
        "string",
    ),
];
const TENCENT: [GoField; 2] = [
    field("AccessKeyID", GoType::String, ".AccessKeyID", "string"),
    field(
        "AccessKeySecret",
        GoType::String,
        ".AccessKeySecret",
        "string",
    ),
];
/// Windows-only vxlan keys (the Linux struct does not have them, so Linux ignores them).
const VXLAN_WINDOWS: [GoField; 2] = [
    field("MacPrefix", GoType::String, ".MacPrefix", "string"),
    field("Name", GoType::String, ".Name", "string"),
];

/// The fields the backend `backend` (lower case) decodes, and the words flanneld puts before
/// Go's message.
pub fn backend_fields(backend: &str) -> (&'static [GoField], &'static str) {
    match backend {
        "vxlan" => (&VXLAN, "error decoding VXLAN backend config"),
        "wireguard" => (&WIREGUARD, "error decoding backend config"),
        "udp" => (&UDP, "error decoding UDP backend config"),
        "ipip" => (&IPIP, "error decoding IPIP backend config"),
        "ipsec" => (&IPSEC, "error decoding IPSEC backend config"),
        "extension" => (&EXTENSION, "error decoding backend config"),
        "tencent-vpc" => (&TENCENT, "error decoding VPC backend config"),
        _ => (&[], ""),
    }
}

/// Keys some backend reads on some platform (for the Windows vxlan keys, see [`VXLAN_WINDOWS`]).
pub fn windows_vxlan_fields() -> &'static [GoField] {
    &VXLAN_WINDOWS
}

/// What Go's decoder calls a JSON value in its messages (`string`, `number -1`, `bool`, …).
pub fn json_kind(node: &Node) -> String {
    match &node.value {
        Value::Null => String::from("null"),
        Value::Bool(_) => String::from("bool"),
        Value::Number(number) => format!("number {number}"),
        Value::String(_) => String::from("string"),
        Value::Array(_) => String::from("array"),
        Value::Object(_) => String::from("object"),
    }
}

/// Why Go's decoder refuses `node` for `field`, in Go's words; `None` when it decodes.
///
/// `null` leaves a plain Go value unchanged, so it is accepted everywhere but in the CIDR and
/// address types, whose UnmarshalJSON is handed the text `null`.
pub fn refusal(field: &GoField, node: &Node) -> Option<String> {
    let mismatch = || {
        Some(format!(
            "json: cannot unmarshal {} into Go struct field {} of type {}",
            json_kind(node),
            field.go_field,
            field.go_type_name
        ))
    };
    match (&node.value, field.go_type) {
        (Value::Null, GoType::Cidr) => Some(String::from("invalid CIDR address: null")),
        (Value::Null, GoType::Address) => Some(String::from("invalid IP address format")),
        (Value::Null, _) => None,
        (Value::Bool(_), GoType::Bool) => None,
        (Value::String(_), GoType::String) => None,
        (Value::Object(_), GoType::Object) => None,
        (Value::Number(number), go_type) if go_type.is_number() => {
            if whole_number(number, go_type == GoType::Uint).is_some() {
                None
            } else {
                mismatch()
            }
        }
        // The CIDR type strips quotes from whatever it gets and parses the rest; a string is
        // parsed by the rules that know the family (and say more than flannel does).
        (Value::String(_), GoType::Cidr) => None,
        (Value::String(text), GoType::Address) => match text.parse::<core::net::IpAddr>() {
            Err(_) => Some(String::from("invalid IP address format")),
            Ok(core::net::IpAddr::V6(_)) if field.go_type_name == "ip.IP4" => {
                Some(String::from("invalid IPv4 address format"))
            }
            Ok(_) => None,
        },
        (_, GoType::Cidr) => Some(format!(
            "invalid CIDR address: {}",
            raw_text(node).unwrap_or_default()
        )),
        (_, GoType::Address) => Some(String::from("invalid IP address format")),
        _ => mismatch(),
    }
}

/// The value of a JSON number written as a whole number Go's `int` (or `uint`) accepts.
fn whole_number(number: &str, unsigned: bool) -> Option<i128> {
    let digits = number.strip_prefix('-').unwrap_or(number);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i128 = number.parse().ok()?;
    let fits = if unsigned {
        (0..=i128::from(u64::MAX)).contains(&value)
    } else {
        (i128::from(i64::MIN)..=i128::from(i64::MAX)).contains(&value)
    };
    fits.then_some(value)
}

/// A short rendering of a non-string value for a message (numbers and literals as written).
fn raw_text(node: &Node) -> Option<String> {
    Some(match &node.value {
        Value::Number(number) => number.clone(),
        Value::Bool(flag) => String::from(if *flag { "true" } else { "false" }),
        Value::Array(_) => String::from("[…]"),
        Value::Object(_) => String::from("{…}"),
        _ => return None,
    })
}

/// The literal a string value turns into when it is written as the right JSON type: `"24"` →
/// `24` for a number field, `"true"` → `true` for a bool. `None` when the string holds no such
/// value (the user meant something else, and no fix is offered).
pub fn retyped(field: &GoField, node: &Node) -> Option<String> {
    let Value::String(text) = &node.value else {
        return None;
    };
    match field.go_type {
        GoType::Bool if text == "true" || text == "false" => Some(text.clone()),
        go_type if go_type.is_number() => {
            whole_number(text, go_type == GoType::Uint).map(|_| text.clone())
        }
        _ => None,
    }
}

/// True when `node` decodes into `field` without an error (used before renaming a key to
/// `field.key`, so that a rename never turns a working value into a failing one).
pub fn fits(field: &GoField, node: &Node) -> bool {
    refusal(field, node).is_none()
        && match (&node.value, field.go_type) {
            (Value::String(text), GoType::Cidr) => text.parse::<crate::net::Cidr>().is_ok(),
            _ => true,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn value(text: &str) -> Node {
        json::parse(text).expect("json")
    }

    #[test]
    fn go_refuses_values_of_the_wrong_type_in_its_own_words() {
        let subnet_len = &TOP_LEVEL[5];
        assert_eq!(
            refusal(subnet_len, &value("\"24\"")).as_deref(),
            Some(
                "json: cannot unmarshal string into Go struct field Config.SubnetLen of type uint"
            )
        );
        assert_eq!(
            refusal(subnet_len, &value("-1")).as_deref(),
            Some("json: cannot unmarshal number -1 into Go struct field Config.SubnetLen of type uint")
        );
        assert!(refusal(subnet_len, &value("24.5")).is_some());
        assert_eq!(refusal(subnet_len, &value("24")), None);
        assert_eq!(refusal(subnet_len, &value("null")), None);
        let network = &TOP_LEVEL[0];
        assert_eq!(
            refusal(network, &value("10")).as_deref(),
            Some("invalid CIDR address: 10")
        );
        assert_eq!(refusal(network, &value("\"10.0.0.0/8\"")), None);
        let (fields, prefix) = backend_fields("vxlan");
        assert_eq!(prefix, "error decoding VXLAN backend config");
        assert_eq!(
            refusal(&fields[0], &value("\"1\"")).as_deref(),
            Some("json: cannot unmarshal string into Go struct field VXLANConfig.vni of type int")
        );
    }

    #[test]
    fn strings_that_hold_the_right_value_are_retyped() {
        assert_eq!(
            retyped(&TOP_LEVEL[5], &value("\"24\"")).as_deref(),
            Some("24")
        );
        assert_eq!(
            retyped(&TOP_LEVEL[3], &value("\"true\"")).as_deref(),
            Some("true")
        );
        assert_eq!(retyped(&TOP_LEVEL[3], &value("\"yes\"")), None);
        assert_eq!(retyped(&TOP_LEVEL[5], &value("\"/24\"")), None);
    }

    #[test]
    fn a_rename_must_keep_the_value_decodable() {
        let cidr = value("\"fd76::1/64\"");
        assert!(!fits(&TOP_LEVEL[8], &cidr), "IPv6SubnetLen is a uint");
        assert!(!fits(&TOP_LEVEL[9], &cidr), "IPv6SubnetMin is an address");
        assert!(fits(&TOP_LEVEL[1], &cidr));
    }
}
