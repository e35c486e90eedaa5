//! The address-space and capacity pictures as inline SVG, drawn from `crate::address_space` and
//! `crate::node_bar`. Shapes are placed in percentages of the picture's width and text in CSS
//! pixels (no `viewBox`), so labels keep their size at 375 px; every label starts at the left
//! edge or ends at the right one, in lines short enough for the narrowest layout, so none clips.
//! Each SVG carries a `<desc>` that states the same numbers as text. The shapes are built by a
//! few small functions kept out of line, so the page carries one copy of each.

use yew::prelude::*;

use crate::address_space::{sentences, wrap, Block, Note, LINE_CHARS};
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
    let mut shapes = Vec::new();
    for block in blocks {
        let title = wrap(&format!("{} {}", block.label, block.cidr), false);
        let bar_y = y + LINE * title.len() as f64 + 4.0;
        let ends_y = bar_y + BAR + 13.0;
        // The two ends share a line when both fit on it, else the last goes under the first.
        let split = block.first.len() + block.last.len() + 2 > LINE_CHARS;
        let last_y = if split { ends_y + LINE } else { ends_y };
        desc.push(format!(
            "{} {}, {} to {}: {}",
            block.label,
            block.cidr,
            block.first,
            block.last,
            sentences(&block.notes)
        ));
        let mut group = lines(&title, y + 12.0, "block-title");
        group.push(rect_at("track", 0.0, bar_y, 1.0, BAR));
        for mark in &block.marks {
            group.push(rect_at(mark.class, mark.start, bar_y, mark.width, BAR));
        }
        group.push(text_at("axis", "0".into(), ends_y, "start", &block.first));
        group.push(text_at("axis", "100%".into(), last_y, "end", &block.last));
        group.extend(lines(&block.notes, last_y + LINE, "note"));
        y = last_y + LINE * block.notes.len() as f64 + GAP;
        shapes.push(html! { <g class={format!("lane {}", block.class)}>{ for group }</g> });
    }
    figure(
        "capacity-picture",
        "Address space, each block on its own scale. Red: outside the pool, duplicated, of the wrong mask, or shared with a range it must not share.".into(),
        "address",
        y,
        desc.join(". "),
        shapes,
    )
}

/// The capacity figure: the target nodes against each pool's node ranges on one scale.
pub fn nodes_figure(bar: &NodeBar) -> Html {
    let mut y = 0.0;
    let mut desc = Vec::new();
    let mut shapes = Vec::new();
    for row in &bar.rows {
        let title = wrap(&row.title, false);
        let bar_y = y + LINE * title.len() as f64 + 4.0;
        let notes = &row.lines;
        desc.push(format!("{}: {}", row.title, sentences(&row.lines)));
        let mut group = lines(&title, y + 12.0, "block-title");
        group.push(rect_at("track", 0.0, bar_y, row.end, BAR));
        for part in row.parts.iter().filter(|p| p.width > 0.0) {
            group.push(rect_at(part.class, part.start, bar_y, part.width, BAR));
        }
        group.push(tick("alert-line", row.alert, bar_y - 3.0, BAR + 6.0));
        group.push(tick("pool-end", row.end, bar_y - 3.0, BAR + 6.0));
        group.extend(lines(notes, bar_y + BAR + 15.0, "note"));
        y = bar_y + BAR + 15.0 + LINE * (notes.len() as f64 - 1.0) + GAP;
        shapes.push(html! { <g class="nodes-row">{ for group }</g> });
    }
    figure(
        "nodes-picture",
        format!("Capacity at {} nodes, one node range each. Thin tick: 75% of the pool (the alert threshold); thick: the pool's end.", bar.nodes),
        "nodes",
        y,
        desc.join(". "),
        shapes,
    )
}

/// A figure with a caption and an SVG of `height` px that the caption and `desc` (the numbers)
/// describe to assistive technology.
#[inline(never)]
fn figure(
    class: &'static str,
    caption: String,
    id: &'static str,
    height: f64,
    desc: String,
    shapes: Vec<Html>,
) -> Html {
    let (caption_id, desc_id) = (format!("{id}-caption"), format!("{id}-desc"));
    html! {
        <figure class={format!("picture {class}")}>
            <figcaption id={caption_id.clone()}>{ caption }</figcaption>
            <svg width="100%" height={fmt(height)} role="img" aria-labelledby={format!("{caption_id} {desc_id}")}>
                <desc id={desc_id}>{ desc }</desc>
                { for shapes }
            </svg>
        </figure>
    }
}

/// A rectangle from `start` to `start + width` (fractions of the width), `height` px tall from
/// `y`: a bar or a part of one, or a thin tick across a bar.
#[inline(never)]
pub(super) fn rect_at(class: &'static str, start: f64, y: f64, width: f64, height: f64) -> Html {
    html! { <rect class={class} x={percent_x(start)} y={fmt(y)} width={percent_x(width)} height={fmt(height)} /> }
}

/// A tick across a bar at `at` (a fraction of the width) from `y` down `height` px.
pub(super) fn tick(class: &'static str, at: f64, y: f64, height: f64) -> Html {
    rect_at(class, (at - 0.002).clamp(0.0, 0.996), y, 0.004, height)
}

/// One text line at `x` (a percentage), anchored at its `start` or `end`.
#[inline(never)]
pub(super) fn text_at(
    class: &'static str,
    x: String,
    y: f64,
    anchor: &'static str,
    words: &str,
) -> Html {
    html! { <text class={class} x={x} y={fmt(y)} text-anchor={anchor}>{ words }</text> }
}

/// Text lines from the left edge, the first at `y`; problem lines get the class `bad`.
fn lines(notes: &[Note], y: f64, class: &'static str) -> Vec<Html> {
    let line = |(i, note): (usize, &Note)| {
        let class = if note.bad { "note bad" } else { class };
        text_at(class, "0".into(), y + LINE * i as f64, "start", &note.text)
    };
    notes.iter().enumerate().map(line).collect()
}

fn fmt(value: f64) -> String {
    one_decimal(value)
}
