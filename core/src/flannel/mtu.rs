//! The MTU picture of a flannel backend: underlay, encapsulation overhead, pod MTU.
//!
//! Overheads are flannel's own (domain facts §1): vxlan 50, wireguard 80, udp 28, ipip 20,
//! ipsec 77 (+8 with UDPEncap), host-gw and alloc 0. The backend `MTU` key is the underlay MTU
//! flannel subtracts the overhead from, not the pod MTU; without it flannel uses the external
//! interface's MTU (here: the underlay MTU the model states, else the platform's default).

use alloc::format;
use alloc::string::String;

use super::netconf::NetConf;
use super::underlay::Underlay;
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

/// True when ipsec's `UDPEncap` is set, which adds 8 bytes of UDP header.
fn udp_encap(conf: &NetConf) -> bool {
    conf.backend_object()
        .and_then(|backend| backend.get_ignore_case("UDPEncap"))
        .and_then(|member| member.value.as_bool())
        .unwrap_or(false)
}

/// The MTU report for `conf`: a missing Backend is udp, as in flannel's code.
pub fn compute(conf: &NetConf, underlay: &Underlay) -> MtuReport {
    let backend = conf.backend_name();
    let (underlay, source) = match conf.backend_mtu.as_ref() {
        Some(field) if field.value > 0 => (
            u32::try_from(field.value).unwrap_or(u32::MAX),
            String::from("Backend.MTU"),
        ),
        _ => match underlay.mtu {
            Some(mtu) => (mtu, String::from("context")),
            None => (
                underlay.platform.default_mtu(),
                format!("platform {}", underlay.platform.name()),
            ),
        },
    };
    let mut overhead = overhead(&backend).unwrap_or(0);
    if backend == "ipsec" && udp_encap(conf) {
        overhead += 8;
    }
    MtuReport {
        backend,
        underlay,
        underlay_source: source,
        overhead,
        pod_mtu: underlay.saturating_sub(overhead),
        configured_pod_mtu: None,
        configured_source: None,
    }
}

/// The `ping -M do` pair that proves an IPv4 path MTU of `mtu` between two pods: the first size
/// (mtu − 28: 20 bytes IP + 8 bytes ICMP) must pass, the second (mtu − 27) must fail.
pub fn ping_pair(mtu: u32) -> String {
    format!(
        "Prove it between two pods on different nodes: `ping -M do -s {} <pod-ip>` must pass and `ping -M do -s {} <pod-ip>` must fail (IPv4: 20 bytes IP + 8 bytes ICMP).",
        mtu.saturating_sub(28),
        mtu.saturating_sub(27)
    )
}
