//! The MTU picture of a flannel backend: underlay, encapsulation overhead, pod MTU.
//!
//! Overheads are flannel's own (domain facts §1): vxlan 50, wireguard 80, udp 28, ipip 20,
//! ipsec 77, host-gw and alloc 0. The backend `MTU` key is the underlay MTU, not the pod MTU.

use alloc::format;
use alloc::string::String;

use super::netconf::NetConf;
use crate::context::Context;
use crate::report::MtuReport;

/// Encapsulation bytes flannel subtracts for `backend`, or `None` for an unknown backend.
pub fn overhead(backend: &str) -> Option<u32> {
    Some(match backend.to_ascii_lowercase().as_str() {
        "vxlan" => 50,
        "wireguard" => 80,
        "udp" => 28,
        "ipip" => 20,
        "ipsec" => 77,
        "host-gw" | "alloc" => 0,
        _ => return None,
    })
}

/// The MTU report for `conf`: a missing Backend is udp, as in flannel's code.
pub fn compute(conf: &NetConf, context: &Context) -> MtuReport {
    let backend = conf
        .backend_type
        .as_ref()
        .map_or("udp", |field| field.value.as_str());
    let (underlay, source) = match (context.underlay_mtu, conf.backend_mtu.as_ref()) {
        (Some(mtu), _) => (mtu, String::from("context")),
        (None, Some(field)) if field.value > 0 => (
            u32::try_from(field.value).unwrap_or(u32::MAX),
            String::from("Backend.MTU"),
        ),
        _ => (
            context.platform.default_mtu(),
            format!("platform {}", context.platform.name()),
        ),
    };
    let overhead = overhead(backend).unwrap_or(0);
    MtuReport {
        backend: String::from(backend),
        underlay,
        underlay_source: source,
        overhead,
        pod_mtu: underlay.saturating_sub(overhead),
    }
}
