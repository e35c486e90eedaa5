//! The geometry of the two pictures, computed from the report: the address-space bar (which range
//! sits where, and where they overlap) and the packet bar (each header's bytes against the
//! underlay MTU). Pure numbers, tested natively; `components::pictures` draws them as SVG.

use podnet_core::net::Cidr;
use podnet_core::{Capacity, Context, MtuReport};

/// One row of the address-space picture: a range placed on the shared axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// What the range is ("pod network", "avoid", ...).
    pub label: String,
    /// The range as text ("10.244.0.0/16").
    pub range: String,
    /// CSS class: `pool`, `used`, `vnet`, `avoid`.
    pub class: &'static str,
    /// Left edge, as a fraction of the axis.
    pub start: f64,
    /// Width, as a fraction of the axis (at least a sliver, so tiny ranges stay visible).
    pub width: f64,
    /// Parts of this lane that collide with another lane, as (start, width) fractions.
    pub overlaps: Vec<(f64, f64)>,
}

/// The address-space picture: lanes over one axis from `first` to `last`.
#[derive(Debug, Clone, PartialEq)]
pub struct AddressPicture {
    /// The rows, pod network first.
    pub lanes: Vec<Lane>,
    /// The axis's first address.
    pub first: String,
    /// The axis's last address.
    pub last: String,
}

/// The smallest width a lane is drawn with, so a /32 next to a /8 still shows.
const MIN_WIDTH: f64 = 0.004;

/// The address-space picture for the pod pool, the node ranges the target uses, the cluster's
/// service range (when the report knows it), the VNet ranges and the ranges to avoid (ranges of
/// the other address family are left out).
pub fn address_picture(capacity: &Capacity, context: &Context) -> AddressPicture {
    let pool = capacity.pool.aligned();
    let family = pool.family();
    let whole = |cidr: Cidr| (cidr.network(), cidr.last());
    // (label, class, extent as first and last address, the range as written).
    let mut ranges: Vec<(String, &'static str, (u128, u128), String)> =
        vec![("pod network".into(), "pool", whole(pool), pool.to_string())];
    if let Some(target) = capacity.target_nodes {
        let used = u128::from(target).min(capacity.usable_node_ranges);
        if used > 0 {
            // The first `used` node ranges: a span, not a CIDR when `used` is not a power of 2.
            let last = pool
                .subnet(capacity.node_prefix, used - 1)
                .map_or(pool.last(), |last_used| last_used.last());
            let range = format!(
                "{} – {}",
                pool.format_addr(pool.network()),
                pool.format_addr(last)
            );
            ranges.push((
                format!("node ranges for {target} nodes"),
                "used",
                (pool.network(), last),
                range,
            ));
        }
    }
    if let Some(service) = capacity.service_range.filter(|c| c.family() == family) {
        ranges.push((
            "service range".into(),
            "service",
            whole(service),
            service.aligned().to_string(),
        ));
    }
    for vnet in context.vnet.iter().filter(|c| c.family() == family) {
        ranges.push((
            "VNet".into(),
            "vnet",
            whole(*vnet),
            vnet.aligned().to_string(),
        ));
    }
    for avoid in context.avoid.iter().filter(|c| c.family() == family) {
        ranges.push((
            "avoid".into(),
            "avoid",
            whole(*avoid),
            avoid.aligned().to_string(),
        ));
    }
    let extents: Vec<(u128, u128)> = ranges.iter().map(|r| r.2).collect();
    let axis_first = extents.iter().map(|e| e.0).min().unwrap_or(0);
    let axis_last = extents.iter().map(|e| e.1).max().unwrap_or(0);
    let axis = (axis_last - axis_first) as f64 + 1.0;
    let place = |(first, last): (u128, u128)| {
        let start = (first - axis_first) as f64 / axis;
        let width = ((last - first) as f64 + 1.0) / axis;
        (start, width)
    };
    let lanes = ranges
        .iter()
        .zip(&extents)
        .enumerate()
        .map(|(i, ((label, class, _, range), &extent))| {
            let (start, width) = place(extent);
            let overlaps = extents
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i && collides(ranges[i].1, ranges[j].1))
                .filter_map(|(_, &other)| {
                    let first = extent.0.max(other.0);
                    let last = extent.1.min(other.1);
                    (first <= last).then(|| place((first, last)))
                })
                .map(|(s, w)| (s, w.max(MIN_WIDTH)))
                .collect();
            Lane {
                label: label.clone(),
                range: range.clone(),
                class,
                start,
                width: width.max(MIN_WIDTH),
                overlaps,
            }
        })
        .collect();
    AddressPicture {
        lanes,
        first: pool.format_addr(axis_first),
        last: pool.format_addr(axis_last),
    }
}

/// Which pairs of lanes must not share addresses: the pod network (and its used part) with any
/// service, VNet or avoided range, and the service range with a VNet or avoided range (AKS refuses
/// a service CIDR inside the VNet). VNet against avoid is the user's own business.
fn collides(a: &str, b: &str) -> bool {
    let pod = |class: &str| class == "pool" || class == "used";
    pod(a) != pod(b) || (a != b && (a == "service" || b == "service"))
}

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

    fn capacity(pool: &str, node_prefix: u8, target: Option<u32>) -> Capacity {
        let pool: Cidr = pool.parse().expect("cidr");
        Capacity::new(pool, node_prefix, false, 253, target, None)
    }

    #[test]
    fn the_used_lane_covers_the_target_nodes_ranges() {
        let picture = address_picture(
            &capacity("10.244.0.0/16", 24, Some(64)),
            &Context::default(),
        );
        assert_eq!(picture.lanes.len(), 2);
        assert_eq!(picture.lanes[0].range, "10.244.0.0/16");
        assert!((picture.lanes[0].width - 1.0).abs() < 1e-9);
        let used = &picture.lanes[1];
        assert_eq!(used.range, "10.244.0.0 – 10.244.63.255");
        assert!((used.width - 0.25).abs() < 1e-9, "64 of 256 ranges");
        assert!(used.overlaps.is_empty());
    }

    #[test]
    fn a_target_beyond_capacity_fills_the_pool_and_no_more() {
        let picture = address_picture(
            &capacity("10.244.0.0/16", 24, Some(300)),
            &Context::default(),
        );
        assert_eq!(picture.lanes[1].range, "10.244.0.0 – 10.244.255.255");
        assert_eq!(picture.last, "10.244.255.255");
    }

    #[test]
    fn avoided_ranges_that_overlap_the_pool_are_marked_on_both_lanes() {
        let mut context = Context::default();
        context.set("avoid", "10.244.128.0/17").expect("avoid");
        context.set("vnet-cidr", "10.0.0.0/16").expect("vnet");
        let picture = address_picture(&capacity("10.244.0.0/16", 24, None), &context);
        let classes: Vec<&str> = picture.lanes.iter().map(|l| l.class).collect();
        assert_eq!(classes, ["pool", "vnet", "avoid"]);
        assert_eq!(picture.first, "10.0.0.0");
        assert_eq!(
            picture.lanes[0].overlaps.len(),
            1,
            "the avoid range, not the VNet"
        );
        assert_eq!(picture.lanes[1].overlaps, vec![]);
        let (start, width) = picture.lanes[2].overlaps[0];
        assert!((start - picture.lanes[2].start).abs() < 1e-9);
        assert!((width - picture.lanes[2].width).abs() < 1e-9);
    }

    #[test]
    fn the_service_range_gets_a_lane_and_overlaps_the_pod_network_in_red() {
        let mut overlapping = capacity("10.0.0.0/14", 24, None);
        overlapping.service_range = Some("10.0.0.0/16".parse().expect("cidr"));
        let picture = address_picture(&overlapping, &Context::default());
        let service = &picture.lanes[1];
        assert_eq!(
            (
                service.label.as_str(),
                service.class,
                service.range.as_str()
            ),
            ("service range", "service", "10.0.0.0/16")
        );
        assert!((service.width - 0.25).abs() < 1e-9, "a /16 of a /14");
        assert_eq!(service.overlaps.len(), 1);
        assert!((service.overlaps[0].1 - 0.25).abs() < 1e-9);
        assert_eq!(picture.lanes[0].overlaps.len(), 1, "the pool is marked too");
    }

    #[test]
    fn a_separate_service_range_widens_the_axis_without_overlaps() {
        let mut apart = capacity("10.244.0.0/16", 24, None);
        apart.service_range = Some("10.0.0.0/16".parse().expect("cidr"));
        let mut context = Context::default();
        context.set("vnet-cidr", "10.0.0.0/8").expect("vnet");
        let picture = address_picture(&apart, &context);
        assert_eq!(picture.first, "10.0.0.0");
        assert_eq!(picture.last, "10.255.255.255");
        let classes: Vec<&str> = picture.lanes.iter().map(|l| l.class).collect();
        assert_eq!(classes, ["pool", "service", "vnet"]);
        assert_eq!(
            picture.lanes[1].overlaps.len(),
            1,
            "the service inside the VNet"
        );
        let mut no_vnet = capacity("10.244.0.0/16", 24, None);
        no_vnet.service_range = Some("10.0.0.0/16".parse().expect("cidr"));
        let picture = address_picture(&no_vnet, &Context::default());
        assert!(picture.lanes.iter().all(|l| l.overlaps.is_empty()));
        assert_eq!(picture.first, "10.0.0.0");
    }

    #[test]
    fn no_service_range_means_no_service_lane() {
        let picture = address_picture(
            &capacity("10.244.0.0/16", 24, Some(10)),
            &Context::default(),
        );
        assert!(picture.lanes.iter().all(|l| l.class != "service"));
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
