//! The capacity and MTU pictures as inline SVG, drawn from `crate::pictures` geometry.

use std::rc::Rc;

use podnet_core::{Context, Report};
use yew::prelude::*;

use crate::pictures::{address_picture, packet_segments};

/// Props of [`Pictures`].
#[derive(Properties, PartialEq)]
pub struct PicturesProps {
    /// The last report, if any.
    pub report: Option<Rc<Report>>,
    /// The valid context, for VNet and avoided ranges.
    pub context: Option<Rc<Context>>,
}

const WIDTH: f64 = 600.0;
const LABEL_W: f64 = 170.0;
const ROW_H: f64 = 30.0;

/// Both pictures, each only when the report has its numbers.
#[function_component(Pictures)]
pub fn pictures(props: &PicturesProps) -> Html {
    let Some(report) = props.report.as_deref() else {
        return html! {};
    };
    if report.capacity.is_none() && report.mtu.is_none() {
        return html! {};
    }
    let default_context = Context::default();
    let context = props.context.as_deref().unwrap_or(&default_context);
    let capacity = report.capacity.as_ref().map(|capacity| {
        let picture = address_picture(capacity, context);
        let bar_w = WIDTH - LABEL_W - 10.0;
        let height = ROW_H * picture.lanes.len() as f64 + 24.0;
        let summary = format!(
            "{} with /{} per node: {} node ranges, {} pod addresses per node{}",
            capacity.pool, capacity.node_prefix, capacity.usable_node_ranges, capacity.pod_addresses_per_node,
            capacity.utilization_permille.map(|p| format!(", {}.{}% used at the target", p / 10, p % 10)).unwrap_or_default()
        );
        html! {
            <figure class="picture capacity-picture">
                <figcaption>{ "Address space: " }{ summary.clone() }</figcaption>
                <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={summary} class="address-bar">
                    { for picture.lanes.iter().enumerate().map(|(i, lane)| {
                        let y = i as f64 * ROW_H;
                        html! {
                            <g class={classes!("lane", lane.class)}>
                                <title>{ format!("{}: {}", lane.label, lane.range) }</title>
                                <text x="0" y={fmt(y + 13.0)} class="lane-label">{ &lane.label }</text>
                                <text x="0" y={fmt(y + 25.0)} class="lane-range">{ &lane.range }</text>
                                <rect class="track" x={fmt(LABEL_W)} y={fmt(y + 4.0)} width={fmt(bar_w)} height="20" rx="3" />
                                <rect class="range" x={fmt(LABEL_W + lane.start * bar_w)} y={fmt(y + 4.0)} width={fmt(lane.width * bar_w)} height="20" rx="3" />
                                { for lane.overlaps.iter().map(|(start, width)| html! {
                                    <rect class="overlap" x={fmt(LABEL_W + start * bar_w)} y={fmt(y + 4.0)} width={fmt(width * bar_w)} height="20" />
                                }) }
                            </g>
                        }
                    }) }
                    <text x={fmt(LABEL_W)} y={fmt(height - 4.0)} class="axis">{ &picture.first }</text>
                    <text x={fmt(WIDTH - 10.0)} y={fmt(height - 4.0)} class="axis" text-anchor="end">{ &picture.last }</text>
                </svg>
                { if picture.lanes.iter().any(|l| !l.overlaps.is_empty()) {
                    html! { <p class="overlap-note">{ "Red: the pod network overlaps a range it must not." }</p> }
                } else { html! {} } }
            </figure>
        }
    });
    let mtu = report.mtu.as_ref().map(|mtu| {
        let segments = packet_segments(mtu);
        let total: u32 = segments.iter().map(|s| s.bytes).sum::<u32>().max(1);
        let summary = format!(
            "{}: underlay MTU {} ({}) − {} bytes of headers = pod MTU {}",
            mtu.backend, mtu.underlay, mtu.underlay_source, mtu.overhead, mtu.pod_mtu
        );
        let mut x = 0.0;
        let bar_w = WIDTH - 2.0;
        html! {
            <figure class="picture mtu-picture">
                <figcaption>{ "Packet: " }{ summary.clone() }</figcaption>
                <svg viewBox={format!("0 0 {WIDTH} 64")} role="img" aria-label={summary} class="packet-bar">
                    { for segments.iter().map(|segment| {
                        let w = f64::from(segment.bytes) / f64::from(total) * bar_w;
                        let left = x;
                        x += w;
                        html! {
                            <g class={classes!("segment", segment.class)}>
                                <title>{ format!("{}: {} bytes", segment.label, segment.bytes) }</title>
                                <rect x={fmt(left + 1.0)} y="2" width={fmt((w - 1.0).max(1.0))} height="28" />
                                { if w > 60.0 { html! {
                                    <text x={fmt(left + 6.0)} y="21">{ format!("{} {} B", segment.label, segment.bytes) }</text>
                                } } else { html! {} } }
                            </g>
                        }
                    }) }
                    <text x="1" y="50" class="axis">{ "0" }</text>
                    <text x={fmt(WIDTH - 1.0)} y="50" class="axis" text-anchor="end">{ format!("underlay MTU {}", mtu.underlay) }</text>
                </svg>
                <ul class="legend" role="list">
                    { for segments.iter().map(|s| html! { <li class={s.class}>{ format!("{}: {} bytes", s.label, s.bytes) }</li> }) }
                </ul>
            </figure>
        }
    });
    html! {
        <section class="pictures" aria-labelledby="pictures-title">
            <h2 id="pictures-title">{ "Capacity and MTU" }</h2>
            { for capacity }
            { for mtu }
        </section>
    }
}

fn fmt(value: f64) -> String {
    format!("{value:.1}")
}
