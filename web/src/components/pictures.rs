//! The pictures section: the capacity and address-space figures (`address_picture`) and the
//! MTU picture as inline SVG, drawn from `crate::pictures` geometry.

use crate::shared::Shared;

use yew::prelude::*;

use super::address_picture::{address_figure, nodes_figure, rect_at, text_at, tick};
use crate::address_space::{address_blocks, OtherRange};
use crate::analysis::Analysis;
use crate::node_bar::{node_bar, proposed_pool};
use crate::pictures::{configured_overflow, one_decimal, packet_segments, percent_x, Segment};

/// Props of [`pictures`].
pub struct PicturesProps {
    /// The last analysis, if any: its report, and the VNet, subnet and avoided ranges its model
    /// stated (the paste's and the context's).
    pub analysis: Option<Shared<Analysis>>,
}

/// The height of a packet row, in px.
const ROW_H: f64 = 24.0;

/// Both pictures, each only when the report has its numbers. A function, not a component: it
/// has no state of its own.
pub fn pictures(props: &PicturesProps) -> Html {
    let Some(analysis) = props.analysis.as_deref() else {
        return html! {};
    };
    let report = &*analysis.report;
    if report.capacity.is_none() && report.mtu.is_none() {
        return html! {};
    }
    let avoid: Vec<_> = analysis
        .ranges
        .iter()
        .filter_map(|range| match range {
            OtherRange::Avoid(cidr) => Some(*cidr),
            _ => None,
        })
        .collect();
    let nodes = report.capacity.as_ref().and_then(|capacity| {
        let proposed = proposed_pool(capacity, &avoid, report.fixed.as_deref());
        node_bar(capacity, proposed).map(|bar| nodes_figure(&bar))
    });
    let capacity = report.capacity.as_ref().map(|capacity| {
        address_figure(&address_blocks(
            capacity,
            &report.node_ranges,
            &analysis.ranges,
        ))
    });
    let mtu = report.mtu.as_ref().map(|mtu| {
        let segments = packet_segments(mtu);
        let overflow = configured_overflow(mtu);
        let fits: u32 = segments.iter().map(|s| s.bytes).sum();
        let configured_total: u32 = overflow.iter().flatten().map(|s| s.bytes).sum();
        // Both rows share one scale, so the underlay line sits at the same place in each.
        let total = fits.max(configured_total).max(1);
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
        let rows = if overflow.is_some() { 2.0 } else { 1.0 };
        let underlay = f64::from(fits) / f64::from(total);
        let aria = match &overflow_note {
            Some(note) => format!("{summary}. {note}"),
            None => summary.clone(),
        };
        // Shapes in percentages and text in CSS pixels, like the other pictures: the header
        // bytes are slivers at any width, so the legend below names every segment.
        let mut shapes = packet_row(&segments, "segment", 2.0, total);
        if let Some(segments) = &overflow {
            let over = segments.last().map_or(0, |s| s.bytes);
            shapes.push(html! { <g class="configured-row">{ for packet_row(segments, "configured-segment", 2.0 + ROW_H, total) }</g> });
            shapes.push(text_at("overflow-label", percent_x(underlay - 0.01), ROW_H + 16.0, "end", &format!("{over} B over")));
            shapes.push(tick("underlay-line", underlay, 0.0, ROW_H * rows + 4.0));
        }
        let axis_y = ROW_H * rows + 18.0;
        shapes.push(text_at("axis", "0".into(), axis_y, "start", "0"));
        shapes.push(text_at("axis", percent_x(underlay), axis_y, "end", &format!("underlay MTU {}", mtu.underlay)));
        html! {
            <figure class="picture mtu-picture">
                <figcaption>{ "Packet: " }{ summary.clone() }</figcaption>
                <svg width="100%" height={fmt(axis_y + 6.0)} role="img" aria-label={aria} class="packet-bar">
                    { for shapes }
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

/// One row of the packet picture: each segment as a rectangle as wide as its share of `total`
/// bytes, named by its `<title>`.
fn packet_row(segments: &[Segment], class: &'static str, y: f64, total: u32) -> Vec<Html> {
    let mut start = 0.0;
    let total = f64::from(total);
    segments
        .iter()
        .map(|segment| {
            let width = f64::from(segment.bytes) / total;
            let left = start;
            start += width;
            html! {
                <g class={format!("{class} {}", segment.class)}>
                    <title>{ format!("{}: {} bytes", segment.label, segment.bytes) }</title>
                    { rect_at("", left, y, width, 16.0) }
                </g>
            }
        })
        .collect()
}

fn fmt(value: f64) -> String {
    one_decimal(value)
}
