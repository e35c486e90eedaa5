//! The geometry of the packet picture (each header's bytes against the underlay MTU) and the
//! coordinate printing all pictures share. Pure numbers, tested natively;
//! `components::pictures` draws them as SVG. The address-space and capacity pictures have their
//! own modules, `address_space` and `node_bar`.

use podnet_core::MtuReport;

/// One part of the packet picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// What the bytes are.
    pub label: &'static str,
    /// How many bytes.
    pub bytes: u32,
    /// CSS class: `header` or `payload`.
    pub class: &'static str,
}

/// The packet on the wire, in order: the encapsulation headers the backend adds, then the
/// largest pod packet that fits (`pod_mtu`). The segments add up to the underlay MTU.
pub fn packet_segments(mtu: &MtuReport) -> Vec<Segment> {
    let headers: &[(&'static str, u32)] = match mtu.backend.as_str() {
        "vxlan" => &[
            ("outer IPv4", 20),
            ("UDP", 8),
            ("VXLAN", 8),
            ("inner Ethernet", 14),
        ],
        "wireguard" => &[("outer IPv6", 40), ("UDP", 8), ("WireGuard", 32)],
        "udp" => &[("outer IPv4", 20), ("UDP", 8)],
        "ipip" => &[("outer IPv4", 20)],
        _ => &[],
    };
    let mut segments: Vec<Segment> = headers
        .iter()
        .map(|&(label, bytes)| Segment {
            label,
            bytes,
            class: "header",
        })
        .collect();
    if segments.iter().map(|s| s.bytes).sum::<u32>() != mtu.overhead {
        // A backend whose overhead is not broken down here (ipsec): one honest block.
        segments = vec![Segment {
            label: "encapsulation",
            bytes: mtu.overhead,
            class: "header",
        }];
    }
    segments.retain(|segment| segment.bytes > 0);
    segments.push(Segment {
        label: "pod packet (pod MTU)",
        bytes: mtu.underlay.saturating_sub(mtu.overhead),
        class: "payload",
    });
    segments
}

/// The packet as the input configures it, when its explicit pod MTU plus the backend's headers
/// exceed the underlay MTU: the headers, the part of the pod packet that fits, and the bytes over
/// the underlay (class `overflow`), which the path drops. `None` when nothing overflows.
pub fn configured_overflow(mtu: &MtuReport) -> Option<Vec<Segment>> {
    let configured = mtu.configured_pod_mtu?;
    let on_the_wire = configured.saturating_add(mtu.overhead);
    let over = on_the_wire.saturating_sub(mtu.underlay);
    if over == 0 {
        return None;
    }
    let mut segments = packet_segments(mtu);
    if let Some(fits) = segments.last_mut() {
        fits.label = "configured pod packet, the part that fits";
    }
    segments.push(Segment {
        label: "over the underlay MTU",
        bytes: over,
        class: "overflow",
    });
    Some(segments)
}

/// `value` with one decimal ("12.5", "-0.5"), for SVG coordinates.
///
/// Integer arithmetic on purpose: formatting an `f64` would pull the float formatting code into
/// the wasm (about 7 KB gzip'd).
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0 + 0.5).floor() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// A fraction of the picture's width as an SVG percentage ("12.5%"): the address-space and
/// capacity pictures place shapes in percentages and text in CSS pixels, so labels keep their
/// size at any width.
pub fn percent_x(fraction: f64) -> String {
    format!("{}%", one_decimal(fraction * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_print_with_one_decimal_without_float_formatting() {
        assert_eq!(one_decimal(0.0), "0.0");
        assert_eq!(one_decimal(170.0), "170.0");
        assert_eq!(one_decimal(12.34), "12.3");
        assert_eq!(one_decimal(12.35), "12.4");
        assert_eq!(one_decimal(599.96), "600.0");
        assert_eq!(one_decimal(-0.5), "-0.5");
        assert_eq!(one_decimal(-2.25), "-2.2");
    }

    fn vxlan(configured: Option<u32>) -> MtuReport {
        MtuReport {
            backend: "vxlan".into(),
            underlay: 1500,
            underlay_source: "platform generic".into(),
            overhead: 50,
            pod_mtu: 1450,
            configured_pod_mtu: configured,
            configured_source: configured.map(|_| "cni-conf.json delegate mtu".into()),
        }
    }

    #[test]
    fn a_configured_pod_mtu_of_1500_over_vxlan_overflows_by_50_bytes() {
        let segments = configured_overflow(&vxlan(Some(1500))).expect("overflow");
        assert_eq!(segments.iter().map(|s| s.bytes).sum::<u32>(), 1550);
        let over = segments.last().expect("segments");
        assert_eq!((over.class, over.bytes), ("overflow", 50));
        let fits = &segments[segments.len() - 2];
        assert_eq!((fits.class, fits.bytes), ("payload", 1450));
        assert_eq!(segments[..4].iter().map(|s| s.bytes).sum::<u32>(), 50);
    }

    #[test]
    fn a_configured_pod_mtu_that_fits_draws_no_overflow() {
        assert_eq!(configured_overflow(&vxlan(Some(1450))), None);
        assert_eq!(configured_overflow(&vxlan(Some(1400))), None);
        assert_eq!(configured_overflow(&vxlan(None)), None);
    }

    #[test]
    fn vxlan_headers_and_pod_packet_add_up_to_the_underlay() {
        let mtu = MtuReport {
            backend: "vxlan".into(),
            underlay: 1500,
            underlay_source: "platform generic".into(),
            overhead: 50,
            pod_mtu: 1450,
            configured_pod_mtu: None,
            configured_source: None,
        };
        let segments = packet_segments(&mtu);
        assert_eq!(segments.iter().map(|s| s.bytes).sum::<u32>(), 1500);
        assert_eq!(segments.last().map(|s| s.bytes), Some(1450));
        assert_eq!(segments[2].label, "VXLAN");
    }

    #[test]
    fn an_overhead_not_broken_down_is_one_block() {
        let mtu = MtuReport {
            backend: "ipsec".into(),
            underlay: 1500,
            underlay_source: "context".into(),
            overhead: 85,
            pod_mtu: 1415,
            configured_pod_mtu: None,
            configured_source: None,
        };
        let segments = packet_segments(&mtu);
        assert_eq!(segments.len(), 2);
        assert_eq!(
            (segments[0].label, segments[0].bytes),
            ("encapsulation", 85)
        );
        assert_eq!(segments[1].bytes, 1415);
    }
}
