//! The geometry of the address-space picture: each block (the pod pool, the service range, each
//! VNet and avoided range) on its own scale, so a /24 beside a /8 stays readable, with what lies
//! inside it marked in place: the node ranges a listing or etcd shows taken (duplicated ones and
//! ones of the wrong mask in red), and the parts another block must not share. Node ranges
//! outside the pool get a red block of their own. Pure numbers and short text lines, tested
//! natively; `components::address_picture` draws them.

use podnet_core::model::ClusterModel;
use podnet_core::net::Cidr;
use podnet_core::{Capacity, NodeRange};

/// A part of a block's bar, as fractions of the block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Left edge, 0 to 1.
    pub start: f64,
    /// Width (at least [`MIN_WIDTH`], kept inside the bar).
    pub width: f64,
    /// CSS class: `used` (ranges the target takes), `node` (ranges in use), `bad` (duplicated or
    /// of the wrong mask), `overlap` (shared with a block it must not share).
    pub class: &'static str,
}

/// One line of text under a block's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The words, at most [`LINE_CHARS`] characters.
    pub text: String,
    /// True for a problem (drawn in red).
    pub bad: bool,
    /// True when the line goes on with the sentence of the line above (it was cut to fit).
    pub more: bool,
}

/// One block of addresses, drawn on its own scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the block is ("pod network", "service range", "VNet", "avoid", a node's name).
    pub label: String,
    /// CSS class: `pool`, `service`, `vnet`, `avoid`, `outside`.
    pub class: &'static str,
    /// The block ("10.244.0.0/16").
    pub cidr: String,
    /// Its first and last addresses, printed under the bar's ends.
    pub first: String,
    /// See `first`.
    pub last: String,
    /// What lies inside, in address order per class.
    pub marks: Vec<Mark>,
    /// The lines under the bar.
    pub notes: Vec<Note>,
}

/// The narrowest mark, so one /24 in a /8 still shows (half a percent: 2 px at 375 px).
pub const MIN_WIDTH: f64 = 0.005;
/// The longest text line: 44 monospace characters of 12 px fit the 375 px layout.
pub const LINE_CHARS: usize = 44;
/// Problem lines and outside blocks listed by name before "and N more".
const LISTED: usize = 4;

/// A range the address-space picture draws beside the pool and the service range: a VNet, a
/// subnet or an avoided range the model states (the paste's or the context's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherRange {
    /// A VNet's address space.
    Vnet(Cidr),
    /// A subnet (Terraform's `address_prefixes`, ARM's `addressPrefix`).
    Subnet(Cidr),
    /// A range the pod network must stay out of.
    Avoid(Cidr),
}

impl OtherRange {
    /// The label and the CSS class it is drawn with, and its range.
    fn drawn(self) -> (&'static str, &'static str, Cidr) {
        match self {
            OtherRange::Vnet(cidr) => ("VNet", "vnet", cidr.aligned()),
            OtherRange::Subnet(cidr) => ("subnet", "vnet", cidr.aligned()),
            OtherRange::Avoid(cidr) => ("avoid", "avoid", cidr.aligned()),
        }
    }
}

/// The VNet, subnet and avoided ranges `model` states, VNets and subnets first: all the page
/// keeps of the model for its pictures (`Analysis::ranges`), as the model itself is not kept.
pub fn other_ranges(model: &ClusterModel) -> Vec<OtherRange> {
    let vnets = model.vnet_ranges.iter().map(|c| {
        // Terraform's `address_prefixes`, ARM's `addressPrefix`: a subnet of the VNet.
        if c.source.key.contains("refix") {
            OtherRange::Subnet(c.value)
        } else {
            OtherRange::Vnet(c.value)
        }
    });
    vnets
        .chain(model.avoid.iter().map(|c| OtherRange::Avoid(c.value)))
        .collect()
}

/// The blocks for the pod pool, the cluster's service range, the VNet and subnet ranges and the
/// avoided ranges the model states (the paste's and the context's, of the pool's family, each
/// once), and the node ranges outside the pool.
pub fn address_blocks(
    capacity: &Capacity,
    ranges: &[NodeRange],
    stated: &[OtherRange],
) -> Vec<Block> {
    let pool = capacity.pool.aligned();
    let family = pool.family();
    let mut others: Vec<(&'static str, &'static str, Cidr)> = Vec::new();
    if let Some(service) = capacity.service_range.filter(|c| c.family() == family) {
        others.push(("service range", "service", service.aligned()));
    }
    for other in stated.iter().map(|range| range.drawn()) {
        if other.2.family() == family && !others.iter().any(|o| o.1 == other.1 && o.2 == other.2) {
            others.push(other);
        }
    }
    let all: Vec<(&'static str, &'static str, Cidr)> =
        core::iter::once(("pod network", "pool", pool))
            .chain(others.iter().copied())
            .collect();
    let mut blocks: Vec<Block> = all
        .iter()
        .enumerate()
        .map(|(i, &(label, class, cidr))| {
            let mut block = empty_block(label, class, cidr);
            for &(other_label, other_class, other) in
                all.iter().filter(|o| o.2 != cidr || o.1 != class)
            {
                if collides(class, other_class) && cidr.overlaps(&other) {
                    let shared = if cidr.contains(&other) { other } else { cidr };
                    block
                        .marks
                        .push(place(cidr, shared.network(), shared.last(), "overlap"));
                    say(
                        &mut block.notes,
                        &format!("overlaps {other_label} {other}"),
                        true,
                    );
                }
            }
            if i == 0 {
                pool_marks(&mut block, capacity, ranges);
            }
            block.marks = merge(core::mem::take(&mut block.marks));
            block
        })
        .collect();
    let outside: Vec<&NodeRange> = ranges
        .iter()
        // Against the pool drawn here (flannel's Network may differ from the cluster CIDR the
        // core's `inside_pool` judges by), so every range is drawn once, inside or apart.
        .filter(|r| r.cidr.family() == family && !pool.contains(&r.cidr.aligned()))
        .collect();
    for range in outside.iter().take(LISTED) {
        let mut block = empty_block("", "outside", range.cidr.aligned());
        block.label = range.node.clone().unwrap_or_else(|| "etcd lease".into());
        block.marks.push(Mark {
            start: 0.0,
            width: 1.0,
            class: "bad",
        });
        say(
            &mut block.notes,
            &format!("outside the pod network {pool}"),
            true,
        );
        blocks.push(block);
    }
    if outside.len() > LISTED {
        let more = format!(
            "and {} more node ranges outside the pod network",
            outside.len() - LISTED
        );
        say(&mut blocks[0].notes, &more, true);
    }
    blocks
}

fn empty_block(label: &str, class: &'static str, cidr: Cidr) -> Block {
    Block {
        label: label.into(),
        class,
        cidr: cidr.to_string(),
        first: cidr.format_addr(cidr.network()),
        last: cidr.format_addr(cidr.last()),
        marks: Vec::new(),
        notes: Vec::new(),
    }
}

/// The pool's own marks and lines: its node ranges, then either the ranges a listing or etcd
/// shows in use (the bad ones red, and how many are left before the next node gets none) or,
/// without them, the ranges the target node count takes.
fn pool_marks(block: &mut Block, capacity: &Capacity, ranges: &[NodeRange]) {
    let pool = capacity.pool.aligned();
    let prefix = capacity.node_prefix;
    let usable = capacity.usable_node_ranges;
    let mut lines = Vec::new();
    let per_node = capacity.pod_addresses_per_node;
    say(
        &mut lines,
        &format!("{usable} node ranges of /{prefix}, {per_node} pods each"),
        false,
    );
    let inside: Vec<&NodeRange> = ranges
        .iter()
        .filter(|r| pool.contains(&r.cidr.aligned()))
        .collect();
    let mut problems = Vec::new();
    let mut taken: Vec<Cidr> = Vec::new();
    for (i, range) in inside.iter().enumerate() {
        let cidr = range.cidr.aligned();
        let name = range.node.as_deref().unwrap_or("lease");
        let twin = inside[..i]
            .iter()
            .find(|earlier| earlier.lease == range.lease && earlier.cidr.aligned().overlaps(&cidr));
        let problem = match twin {
            Some(earlier) => Some(format!(
                "{name} {cidr} overlaps {}",
                earlier.node.as_deref().unwrap_or("a lease")
            )),
            None if cidr.prefix() != prefix => {
                Some(format!("{name} {cidr}: /{}, not /{prefix}", cidr.prefix()))
            }
            None => None,
        };
        let class = if problem.is_some() { "bad" } else { "node" };
        // A lease and a node listing naming one range are one node, not two.
        if problem.is_none() && !taken.contains(&cidr) {
            taken.push(cidr);
        }
        block
            .marks
            .push(place(pool, cidr.network(), cidr.last(), class));
        problems.extend(problem);
    }
    if inside.is_empty() {
        if let Some(target) = capacity.target_nodes {
            let used = u128::from(target).min(usable);
            let skipped = capacity.node_ranges.saturating_sub(usable);
            if let (Some(first), Some(last)) = (
                pool.subnet(prefix, skipped),
                pool.subnet(prefix, skipped + used.max(1) - 1),
            ) {
                if used > 0 {
                    block
                        .marks
                        .push(place(pool, first.network(), last.last(), "used"));
                }
            }
            let text = if u128::from(target) > usable {
                format!(
                    "{target} nodes: full, node {} gets no range",
                    capacity.first_node_without_range
                )
            } else {
                format!("{target} nodes take {used}, {} free", usable - used)
            };
            say(&mut lines, &text, u128::from(target) > usable);
        }
    } else {
        let good = taken.len() as u128;
        let free = usable.saturating_sub(good);
        let text = if free == 0 {
            format!("{good} in use: full, the next node gets no range")
        } else {
            format!(
                "{good} in use, {free} free: new node {} gets none",
                free + 1
            )
        };
        say(&mut lines, &text, free == 0);
    }
    let count = problems.len();
    for problem in problems.iter().take(LISTED) {
        say(&mut lines, problem, true);
    }
    if count > LISTED {
        let more = format!(
            "and {} more overlapping or of the wrong mask",
            count - LISTED
        );
        say(&mut lines, &more, true);
    }
    lines.append(&mut block.notes);
    block.notes = lines;
}

/// `first..=last` (inside `block`) as a mark on the block's scale.
fn place(block: Cidr, first: u128, last: u128, class: &'static str) -> Mark {
    let size = block.last().saturating_sub(block.network()) as f64 + 1.0;
    let start = first.saturating_sub(block.network()) as f64 / size;
    let width = (last.saturating_sub(first) as f64 + 1.0) / size;
    Mark {
        start,
        width,
        class,
    }
}

/// Marks of one class that touch or overlap their predecessor joined into one (a listing in
/// address order draws a few rectangles, with no sort code in the page); red marks stay on top
/// (last). Then each is made at least [`MIN_WIDTH`] wide and kept inside the bar.
pub fn merge(marks: Vec<Mark>) -> Vec<Mark> {
    let mut merged: Vec<Mark> = Vec::with_capacity(marks.len());
    for layer in [["used", "node"], ["overlap", "overlap"], ["bad", "bad"]] {
        for mark in marks.iter().filter(|m| layer.contains(&m.class)) {
            match merged.last_mut() {
                Some(last)
                    if last.class == mark.class
                        && mark.start >= last.start
                        && mark.start <= last.start + last.width + 1e-9 =>
                {
                    last.width = last.width.max(mark.start + mark.width - last.start);
                }
                _ => merged.push(*mark),
            }
        }
    }
    for mark in &mut merged {
        mark.width = mark.width.clamp(MIN_WIDTH, 1.0);
        mark.start = mark.start.min(1.0 - mark.width);
    }
    merged
}

/// Which pairs of blocks must not share addresses: the pod network with any service, VNet or
/// avoided range, and the service range with a VNet or avoided range (AKS refuses a service
/// CIDR inside the VNet). VNet against avoid is the user's own business.
fn collides(a: &str, b: &str) -> bool {
    (a == "pool") != (b == "pool") || (a != b && (a == "service" || b == "service"))
}

/// The lines as the sentences they were cut from, joined by "; " (for a text alternative).
pub fn sentences(lines: &[Note]) -> String {
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() {
            out.push_str(if line.more { " " } else { "; " });
        }
        out.push_str(&line.text);
    }
    out
}

/// `text` cut into lines of at most [`LINE_CHARS`] characters at spaces (a longer word is cut).
pub fn wrap(text: &str, bad: bool) -> Vec<Note> {
    let mut lines = Vec::new();
    say(&mut lines, text, bad);
    lines
}

/// Adds `text` to `lines`, cut as [`wrap`] cuts it; [`sentences`] gives it back.
pub fn say(lines: &mut Vec<Note>, text: &str, bad: bool) {
    let mut line = String::new();
    let mut more = false;
    let mut push = |line: &mut String| {
        if !line.is_empty() {
            lines.push(Note {
                text: core::mem::take(line),
                bad,
                more,
            });
            more = true;
        }
    };
    for mut word in text.split(' ') {
        while word.chars().count() > LINE_CHARS {
            let cut = word
                .char_indices()
                .nth(LINE_CHARS)
                .map_or(word.len(), |(at, _)| at);
            push(&mut line);
            line.push_str(&word[..cut]);
            push(&mut line);
            word = &word[cut..];
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > LINE_CHARS {
            push(&mut line);
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    push(&mut line);
}

#[cfg(test)]
mod tests {
    use super::*;
    use podnet_core::Context;

    /// The model a context states (what `analyze` reads from it).
    fn model(context: &Context) -> ClusterModel {
        let mut model = ClusterModel::default();
        podnet_core::model::read_context(context, &mut model);
        model
    }

    fn cidr(text: &str) -> Cidr {
        text.parse().expect("cidr")
    }

    fn capacity(pool: &str, target: Option<u32>) -> Capacity {
        Capacity::new(cidr(pool), 24, false, 253, target, None)
    }

    fn node(name: &str, range: &str, inside_pool: bool) -> NodeRange {
        NodeRange {
            cidr: cidr(range),
            node: Some(name.into()),
            lease: false,
            inside_pool,
        }
    }

    fn texts(block: &Block) -> Vec<&str> {
        block.notes.iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn a_target_beyond_the_pool_fills_it_and_names_the_first_node_without_a_range() {
        let blocks = address_blocks(&capacity("10.244.0.0/16", Some(300)), &[], &[]);
        assert_eq!(blocks.len(), 1);
        let pool = &blocks[0];
        assert_eq!(
            (pool.cidr.as_str(), pool.first.as_str(), pool.last.as_str()),
            ("10.244.0.0/16", "10.244.0.0", "10.244.255.255")
        );
        assert_eq!(
            pool.marks,
            vec![Mark {
                start: 0.0,
                width: 1.0,
                class: "used"
            }]
        );
        assert_eq!(
            texts(pool),
            [
                "256 node ranges of /24, 253 pods each",
                "300 nodes: full, node 257 gets no range"
            ]
        );
        assert!(pool.notes[1].bad && !pool.notes[0].bad);
    }

    #[test]
    fn a_target_that_fits_takes_its_share_of_the_pool() {
        let blocks = address_blocks(&capacity("10.244.0.0/16", Some(64)), &[], &[]);
        let used = blocks[0].marks[0];
        assert!(
            (used.width - 0.25).abs() < 1e-9,
            "64 of 256 ranges: {used:?}"
        );
        assert_eq!(
            blocks[0].notes[1],
            Note {
                text: "64 nodes take 64, 192 free".into(),
                bad: false,
                more: false
            }
        );
    }

    #[test]
    fn each_block_is_drawn_on_its_own_scale() {
        // The AKS kubenet example: a /16 pod CIDR, the default service range and a /16 VNet, far
        // apart; on one axis from 10.0.0.0 to 10.244.255.255 each was a sliver.
        let mut aks = capacity("10.244.0.0/16", Some(9));
        aks.service_range = Some(cidr("10.0.0.0/16"));
        let mut context = Context::default();
        context.set("vnet-cidr", "10.20.0.0/16").expect("vnet");
        let blocks = address_blocks(&aks, &[], &other_ranges(&model(&context)));
        let ends: Vec<(&str, &str, &str)> = blocks
            .iter()
            .map(|b| (b.class, b.first.as_str(), b.last.as_str()))
            .collect();
        assert_eq!(
            ends,
            [
                ("pool", "10.244.0.0", "10.244.255.255"),
                ("service", "10.0.0.0", "10.0.255.255"),
                ("vnet", "10.20.0.0", "10.20.255.255")
            ]
        );
        assert!(
            blocks.iter().all(|b| b.notes.iter().all(|n| !n.bad)),
            "nothing overlaps"
        );
        assert!((blocks[0].marks[0].width - 9.0 / 256.0).abs() < 1e-9);
    }

    #[test]
    fn an_avoided_range_over_half_the_pool_is_red_on_both_blocks_and_said() {
        let mut context = Context::default();
        context.set("avoid", "10.244.128.0/17").expect("avoid");
        context.set("vnet-cidr", "10.0.0.0/16").expect("vnet");
        let blocks = address_blocks(
            &capacity("10.244.0.0/16", None),
            &[],
            &other_ranges(&model(&context)),
        );
        let classes: Vec<&str> = blocks.iter().map(|b| b.class).collect();
        assert_eq!(classes, ["pool", "vnet", "avoid"]);
        assert_eq!(
            blocks[0].marks,
            vec![Mark {
                start: 0.5,
                width: 0.5,
                class: "overlap"
            }]
        );
        assert!(blocks[0].notes.contains(&Note {
            text: "overlaps avoid 10.244.128.0/17".into(),
            bad: true,
            more: false
        }));
        assert_eq!(
            blocks[1].marks,
            vec![],
            "the VNet shares nothing with the pool"
        );
        assert_eq!(
            blocks[2].marks,
            vec![Mark {
                start: 0.0,
                width: 1.0,
                class: "overlap"
            }]
        );
        assert_eq!(texts(&blocks[2]), ["overlaps pod network 10.244.0.0/16"]);
    }

    #[test]
    fn a_service_range_inside_the_vnet_is_red_there() {
        let mut aks = capacity("10.244.0.0/16", None);
        aks.service_range = Some(cidr("10.0.0.0/16"));
        let mut context = Context::default();
        context.set("vnet-cidr", "10.0.0.0/8").expect("vnet");
        let blocks = address_blocks(&aks, &[], &other_ranges(&model(&context)));
        let vnet = &blocks[2];
        assert_eq!(vnet.class, "vnet");
        assert_eq!(
            vnet.marks.len(),
            2,
            "the pool and the service range, each at its place: {:?}",
            vnet.marks
        );
        let mut starts: Vec<f64> = vnet.marks.iter().map(|m| m.start * 256.0).collect();
        starts.sort_by(f64::total_cmp);
        assert!(
            starts[0].abs() < 1e-9 && (starts[1] - 244.0).abs() < 1e-9,
            "{starts:?}"
        );
        assert_eq!(
            blocks[1].marks,
            vec![Mark {
                start: 0.0,
                width: 1.0,
                class: "overlap"
            }]
        );
    }

    #[test]
    fn node_ranges_in_use_are_drawn_in_the_pool_and_drifted_ones_get_a_red_block() {
        // Seed 001: two nodes in 10.244.0.0/16, one at 10.32.3.0/24, one without a range.
        let ranges = [
            node("node-a", "10.244.0.0/24", true),
            node("node-b", "10.244.1.0/24", true),
            node("node-c", "10.32.3.0/24", false),
        ];
        let blocks = address_blocks(&capacity("10.244.0.0/16", None), &ranges, &[]);
        assert_eq!(
            blocks[0].marks.len(),
            1,
            "two neighbours merge: {:?}",
            blocks[0].marks
        );
        let used = blocks[0].marks[0];
        assert_eq!((used.class, used.start), ("node", 0.0));
        assert!((used.width - 2.0 / 256.0).abs() < 1e-9);
        assert_eq!(
            texts(&blocks[0])[1],
            "2 in use, 254 free: new node 255 gets none"
        );
        let drifted = &blocks[1];
        assert_eq!(
            (drifted.label.as_str(), drifted.class, drifted.cidr.as_str()),
            ("node-c", "outside", "10.32.3.0/24")
        );
        assert_eq!(drifted.marks[0].class, "bad");
        assert_eq!(
            drifted.notes,
            vec![Note {
                text: "outside the pod network 10.244.0.0/16".into(),
                bad: true,
                more: false
            }]
        );
    }

    #[test]
    fn duplicated_ranges_and_wrong_masks_are_red_inside_the_pool() {
        let ranges = [
            node("node-a", "10.244.1.0/24", true),
            node("node-b", "10.244.1.0/24", true),
            node("node-c", "10.244.4.0/23", true),
            node("node-d", "10.244.255.0/24", true),
        ];
        let blocks = address_blocks(&capacity("10.244.0.0/16", None), &ranges, &[]);
        let bad: Vec<Mark> = blocks[0]
            .marks
            .iter()
            .copied()
            .filter(|m| m.class == "bad")
            .collect();
        assert_eq!(bad.len(), 2, "{:?}", blocks[0].marks);
        assert!(
            (bad[1].start - 4.0 / 256.0).abs() < 1e-9 && (bad[1].width - 2.0 / 256.0).abs() < 1e-9
        );
        let notes = texts(&blocks[0]);
        assert!(
            notes.contains(&"node-b 10.244.1.0/24 overlaps node-a"),
            "{notes:?}"
        );
        assert!(
            notes.contains(&"node-c 10.244.4.0/23: /23, not /24"),
            "{notes:?}"
        );
        assert!(
            notes.contains(&"2 in use, 254 free: new node 255 gets none"),
            "{notes:?}"
        );
        let last = blocks[0]
            .marks
            .iter()
            .find(|m| m.start > 0.9)
            .expect("the last range");
        assert!(last.start + last.width <= 1.0 + 1e-9);
    }

    #[test]
    fn a_lease_and_a_listing_of_one_range_are_one_node_and_a_full_pool_says_so() {
        let mut lease = node("x", "10.244.0.0/25", true);
        lease.lease = true;
        lease.node = None;
        let ranges = [
            node("node-a", "10.244.0.0/25", true),
            lease,
            node("node-b", "10.244.0.128/25", true),
        ];
        let small = Capacity::new(cidr("10.244.0.0/24"), 25, false, 125, None, None);
        let blocks = address_blocks(&small, &ranges, &[]);
        assert_eq!(
            blocks[0].notes[1],
            Note {
                text: "2 in use: full, the next node gets no range".into(),
                bad: true,
                more: false
            }
        );
    }

    #[test]
    fn one_range_in_a_wide_pool_still_shows() {
        let wide = Capacity::new(cidr("10.0.0.0/8"), 24, false, 253, None, None);
        let blocks = address_blocks(&wide, &[node("n", "10.255.255.0/24", true)], &[]);
        let mark = blocks[0].marks[0];
        assert_eq!(mark.width, MIN_WIDTH);
        assert!(
            (mark.start + mark.width - 1.0).abs() < 1e-9,
            "kept inside the bar: {mark:?}"
        );
    }

    #[test]
    fn lines_wrap_at_spaces_and_cut_words_longer_than_a_line() {
        let long = "aks-nodepool1-12345678-vmss000000 10.244.1.0/24 overlaps aks-nodepool1-12345678-vmss000001";
        let lines = wrap(long, true);
        assert_eq!(
            lines.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(),
            [
                "aks-nodepool1-12345678-vmss000000",
                "10.244.1.0/24 overlaps",
                "aks-nodepool1-12345678-vmss000001",
            ]
        );
        let word = "x".repeat(100);
        let cut = wrap(&word, false);
        assert_eq!(
            cut.iter()
                .map(|n| n.text.chars().count())
                .collect::<Vec<_>>(),
            [44, 44, 12]
        );
        assert!(wrap("", false).is_empty());
        assert_eq!(sentences(&lines), long);
        let mut two = lines;
        say(&mut two, "a second sentence", false);
        assert!(sentences(&two).ends_with("vmss000001; a second sentence"));
    }

    #[test]
    fn vnet_and_subnet_ranges_the_paste_states_are_drawn_once_each() {
        use podnet_core::model::{Source, Stated};
        let mut context = Context::default();
        context.set("vnet-cidr", "10.20.0.0/16").expect("vnet");
        let mut model = model(&context);
        let stated = |cidr: &str, key| Stated {
            value: cidr.parse().expect("cidr"),
            source: Source::context(key),
        };
        model
            .vnet_ranges
            .push(stated("10.20.0.0/16", "address_space"));
        model
            .vnet_ranges
            .push(stated("10.20.1.0/24", "address_prefixes"));
        let blocks = address_blocks(&capacity("10.244.0.0/16", None), &[], &other_ranges(&model));
        let named: Vec<(&str, &str)> = blocks
            .iter()
            .map(|b| (b.label.as_str(), b.cidr.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                ("pod network", "10.244.0.0/16"),
                ("VNet", "10.20.0.0/16"),
                ("subnet", "10.20.1.0/24")
            ]
        );
    }

    #[test]
    fn a_range_outside_the_drawn_pool_is_drawn_apart_whatever_pool_the_core_judged_by() {
        // Inside the cluster CIDR the core judged by, outside the flannel Network drawn here.
        let ranges = [node("node-a", "10.245.0.0/24", true)];
        let blocks = address_blocks(&capacity("10.244.0.0/16", None), &ranges, &[]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            (blocks[1].class, blocks[1].cidr.as_str()),
            ("outside", "10.245.0.0/24")
        );
        assert!(blocks[0].marks.is_empty());
    }
}
