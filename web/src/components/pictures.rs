//! The pictures section: the capacity and address-space figures (`address_picture`) and the
//! MTU picture as inline SVG, drawn from `crate::pictures` geometry.

use crate::shared::Shared;
use std::rc::Rc;

use podnet_core::{Context, Report};
use yew::prelude::*;

use super::address_picture::{address_figure, nodes_figure};
use crate::address_space::address_blocks;
use crate::node_bar::{node_bar, proposed_pool};
use crate::pictures::{configured_overflow, one_decimal, packet_segments, Segment};

/// Props of [`Pictures`].
#[derive(Properties, PartialEq)]
pub struct PicturesProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
    /// The valid context, for VNet and avoided ranges.
    pub context: Option<Rc<Context>>,
}

const WIDTH: f64 = 600.0;

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
    let nodes = report.capacity.as_ref().and_then(|capacity| {
        let proposed = proposed_pool(capacity, context, report.fixed.as_deref());
        node_bar(capacity, proposed).map(|bar| nodes_figure(&bar))
    });
    let capacity = report
        .capacity
        .as_ref()
        .map(|capacity| address_figure(&address_blocks(capacity, &report.node_ranges, context)));
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
            { for nodes }
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
