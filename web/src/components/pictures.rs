//! The capacity and MTU pictures as inline SVG, drawn from `crate::pictures` geometry.

use crate::shared::Shared;
use std::rc::Rc;

use podnet_core::{Context, Report};
use yew::prelude::*;

use crate::pictures::{
    address_picture, configured_overflow, one_decimal, packet_segments, Segment,
};

/// Props of [`Pictures`].
#[derive(Properties, PartialEq)]
pub struct PicturesProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
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
            capacity.utilization_permille.map(|p| format!(", {} used at the target", podnet_core::share::permille_text(u128::from(p)))).unwrap_or_default()
        );
        html! {
            <figure class="picture capacity-picture">
                <figcaption>{ "Address space: " }{ summary.clone() }</figcaption>
                <svg viewBox={format!("0 0 {} {}", fmt(WIDTH), fmt(height))} role="img" aria-label={summary} class="address-bar">
                    { for picture.lanes.iter().enumerate().map(|(i, lane)| {
                        let y = i as f64 * ROW_H;
                        html! {
                            <g class={format!("lane {}", lane.class)}>
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
                    html! { <p class="overlap-note">{ "Red: a range overlaps one it must not share (pod network, service range, VNet, avoided ranges)." }</p> }
                } else { html! {} } }
            </figure>
        }
    });
    let mtu = report.mtu.as_ref().map(|mtu| {
        let segments = packet_segments(mtu);
        let overflow = configured_overflow(mtu);
        let fits: u32 = segments.iter().map(|s| s.bytes).sum();
        let configured_total: u32 = overflow.iter().flatten().map(|s| s.bytes).sum();
        // Both rows share one scale, so the underlay line sits at the same place in each.
        let total = fits.max(configured_total).max(1);
        let bar_w = WIDTH - 2.0;
        let scale = bar_w / f64::from(total);
        let summary = format!(
            "{}: underlay MTU {} ({}) − {} bytes of headers = pod MTU {}",
            mtu.backend, mtu.underlay, mtu.underlay_source, mtu.overhead, mtu.pod_mtu
        );
        let overflow_note = overflow.as_ref().map(|segments| {
            let over = segments.last().map_or(0, |s| s.bytes);
            format!(
                "As configured: pod MTU {} ({}) + {} bytes of headers = {} bytes, {over} bytes over the underlay MTU {}; the path drops them.",
                mtu.configured_pod_mtu.unwrap_or_default(),
                mtu.configured_source.as_deref().unwrap_or("set in the input"),
                mtu.overhead,
                configured_total,
                mtu.underlay,
            )
        });
        let row_h = 36.0;
        let rows = if overflow.is_some() { 2.0 } else { 1.0 };
        let height = row_h * rows + 28.0;
        let underlay_x = f64::from(fits) * scale + 1.0;
        let aria = match &overflow_note {
            Some(note) => format!("{summary}. {note}"),
            None => summary.clone(),
        };
        html! {
            <figure class="picture mtu-picture">
                <figcaption>{ "Packet: " }{ summary.clone() }</figcaption>
                <svg viewBox={format!("0 0 {} {}", fmt(WIDTH), fmt(height))} role="img" aria-label={aria} class="packet-bar">
                    { packet_row(&segments, "segment", 2.0, scale) }
                    { for overflow.as_ref().map(|segments| {
                        let over = segments.last().map_or(0, |s| s.bytes);
                        html! {
                            <g class="configured-row">
                                { packet_row(segments, "configured-segment", 2.0 + row_h, scale) }
                                <text x={fmt(underlay_x - 4.0)} y={fmt(row_h + 21.0)} text-anchor="end" class="overflow-label">{ format!("{over} B over") }</text>
                            </g>
                        }
                    }) }
                    { if overflow.is_some() { html! {
                        <line class="underlay-line" x1={fmt(underlay_x)} x2={fmt(underlay_x)} y1="0" y2={fmt(row_h * rows + 4.0)} />
                    } } else { html! {} } }
                    <text x="1" y={fmt(height - 6.0)} class="axis">{ "0" }</text>
                    <text x={fmt(underlay_x)} y={fmt(height - 6.0)} class="axis" text-anchor="end">{ format!("underlay MTU {}", mtu.underlay) }</text>
                </svg>
                <ul class="legend" role="list">
                    { for segments.iter().map(|s| html! { <li class={s.class}>{ format!("{}: {} bytes", s.label, s.bytes) }</li> }) }
                </ul>
                { for overflow_note.map(|note| html! { <p class="overflow-note">{ note }</p> }) }
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

/// One row of the packet picture: each segment as a rectangle `scale` pixels per byte wide,
/// labelled inside when there is room.
fn packet_row(segments: &[Segment], class: &'static str, y: f64, scale: f64) -> Html {
    let mut x = 0.0;
    html! {
        { for segments.iter().map(|segment| {
            let w = f64::from(segment.bytes) * scale;
            let left = x;
            x += w;
            html! {
                <g class={format!("{class} {}", segment.class)}>
                    <title>{ format!("{}: {} bytes", segment.label, segment.bytes) }</title>
                    <rect x={fmt(left + 1.0)} y={fmt(y)} width={fmt((w - 1.0).max(1.0))} height="28" />
                    { if w > 60.0 { html! {
                        <text x={fmt(left + 6.0)} y={fmt(y + 19.0)}>{ format!("{} {} B", segment.label, segment.bytes) }</text>
                    } } else { html! {} } }
                </g>
            }
        }) }
    }
}

fn fmt(value: f64) -> String {
    one_decimal(value)
}
