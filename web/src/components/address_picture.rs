//! The address-space and capacity pictures as inline SVG, drawn from `crate::address_space` and
//! `crate::node_bar`. Shapes are placed in percentages of the picture's width and text in CSS
//! pixels (no `viewBox`), so labels keep their size at 375 px; every label starts at the left
//! edge or ends at the right one, in lines short enough for the narrowest layout, so none clips.
//! Each SVG carries a `<desc>` that states the same numbers as text.

use yew::prelude::*;

use crate::address_space::{wrap, Block, Note};
use crate::node_bar::NodeBar;
use crate::pictures::{one_decimal, percent_x};

/// The distance between two text lines, in px.
const LINE: f64 = 16.0;
/// A bar's height, in px.
const BAR: f64 = 16.0;
/// Space after a block or row, in px.
const GAP: f64 = 12.0;

/// The address-space figure: one block per range, each on its own scale.
pub fn address_figure(blocks: &[Block]) -> Html {
    let mut y = 0.0;
    let mut desc = Vec::new();
    let groups: Vec<Html> = blocks
        .iter()
        .map(|block| {
            let title = wrap(&format!("{} {}", block.label, block.cidr), false);
            let bar_y = y + LINE * title.len() as f64 + 4.0;
            let ends_y = bar_y + BAR + 13.0;
            // The two ends share a line when both fit on it, else the last goes under the first.
            let split = block.first.len() + block.last.len() + 2 > crate::address_space::LINE_CHARS;
            let last_y = if split { ends_y + LINE } else { ends_y };
            let notes_y = last_y + LINE;
            let notes: Vec<&str> = block.notes.iter().map(|n| n.text.as_str()).collect();
            desc.push(format!("{} {}, {} to {}: {}", block.label, block.cidr, block.first, block.last, notes.join(" ")));
            let top = y;
            y = notes_y + LINE * (block.notes.len() as f64 - 1.0).max(0.0) + GAP;
            html! {
                <g class={classes!("lane", block.class)}>
                    { lines(&title, top + 12.0, "block-title") }
                    <rect class="track" x="0" y={fmt(bar_y)} width="100%" height={fmt(BAR)} rx="3" />
                    { for block.marks.iter().map(|mark| html! {
                        <rect class={classes!("mark", mark.class)} x={percent_x(mark.start)} y={fmt(bar_y)} width={percent_x(mark.width)} height={fmt(BAR)} />
                    }) }
                    <text class="axis" x="0" y={fmt(ends_y)}>{ &block.first }</text>
                    <text class="axis" x="100%" y={fmt(last_y)} text-anchor="end">{ &block.last }</text>
                    { lines(&block.notes, notes_y, "note") }
                </g>
            }
        })
        .collect();
    html! {
        <figure class="picture capacity-picture">
            <figcaption>{ "Address space, each block on its own scale. Red: outside the pool, duplicated, of the wrong mask, or shared with a range it must not share." }</figcaption>
            <svg class="address-space" width="100%" height={fmt(y)} role="img" aria-labelledby="address-title address-desc">
                <title id="address-title">{ "Address space" }</title>
                <desc id="address-desc">{ desc.join(". ") }</desc>
                { for groups }
            </svg>
        </figure>
    }
}

/// The capacity figure: the target nodes against each pool's node ranges on one scale.
pub fn nodes_figure(bar: &NodeBar) -> Html {
    let mut y = 0.0;
    let mut desc = Vec::new();
    let rows: Vec<Html> = bar
        .rows
        .iter()
        .map(|row| {
            let title = wrap(&row.title, false);
            let bar_y = y + LINE * title.len() as f64 + 4.0;
            let notes: Vec<Note> = row.lines.iter().flat_map(|(text, bad)| wrap(text, *bad)).collect();
            let notes_y = bar_y + BAR + 15.0;
            desc.push(format!("{}: {}", row.title, row.lines.iter().map(|l| l.0.as_str()).collect::<Vec<_>>().join(", ")));
            let top = y;
            y = notes_y + LINE * (notes.len() as f64 - 1.0) + GAP;
            html! {
                <g class="nodes-row">
                    { lines(&title, top + 12.0, "block-title") }
                    <rect class="track" x="0" y={fmt(bar_y)} width={percent_x(row.end)} height={fmt(BAR)} rx="3" />
                    { for row.parts.iter().filter(|p| p.width > 0.0).map(|part| html! {
                        <rect class={classes!("part", part.class)} x={percent_x(part.start)} y={fmt(bar_y)} width={percent_x(part.width)} height={fmt(BAR)} />
                    }) }
                    <line class="alert-line" x1={percent_x(row.alert)} x2={percent_x(row.alert)} y1={fmt(bar_y - 2.0)} y2={fmt(bar_y + BAR + 2.0)} />
                    <line class="pool-end" x1={percent_x(row.end)} x2={percent_x(row.end)} y1={fmt(bar_y - 3.0)} y2={fmt(bar_y + BAR + 3.0)} />
                    { lines(&notes, notes_y, "note") }
                </g>
            }
        })
        .collect();
    html! {
        <figure class="picture nodes-picture">
            <figcaption>{ format!("Capacity at {} nodes: one node range each. Dashed: 75% of the pool (the alert threshold).", bar.nodes) }</figcaption>
            <svg class="node-bar" width="100%" height={fmt(y)} role="img" aria-labelledby="nodes-title nodes-desc">
                <title id="nodes-title">{ format!("Capacity at {} nodes", bar.nodes) }</title>
                <desc id="nodes-desc">{ desc.join(". ") }</desc>
                { for rows }
            </svg>
        </figure>
    }
}

/// Text lines from the left edge, the first at `y`; problem lines get the class `bad`.
fn lines(notes: &[Note], y: f64, class: &'static str) -> Html {
    html! {
        { for notes.iter().enumerate().map(|(i, note)| html! {
            <text x="0" y={fmt(y + LINE * i as f64)} class={classes!(class, note.bad.then_some("bad"))}>{ &note.text }</text>
        }) }
    }
}

fn fmt(value: f64) -> String {
    one_decimal(value)
}
