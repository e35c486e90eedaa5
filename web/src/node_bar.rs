//! The geometry of the capacity picture: the target nodes against the node ranges the pool
//! holds, one bar per pool (the current one and the fix's wider one) on one shared scale, so the
//! nodes that get no range stick out past the pool's end and the fix's headroom shows beside it.
//! Pure numbers and short text lines, tested natively; `components::nodes_picture` draws them.

use podnet_core::net::Cidr;
use podnet_core::plan;
use podnet_core::Capacity;

use crate::address_space::{say, Note, MIN_WIDTH};

/// A part of a row's bar, as fractions of the shared scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    /// Left edge, 0 to 1.
    pub start: f64,
    /// Width.
    pub width: f64,
    /// CSS class: `fits` (nodes with a range), `overflow` (nodes with none), `headroom` (free
    /// ranges).
    pub class: &'static str,
}

/// One pool's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// "now: 10.244.0.0/16" or "fix: 10.244.0.0/15".
    pub title: String,
    /// The pool's end (its last usable range), as a fraction of the scale.
    pub end: f64,
    /// Where 75 % of the pool's ranges are taken (the alert threshold).
    pub alert: f64,
    /// The parts, left to right.
    pub parts: Vec<Part>,
    /// What the parts say ("256 nodes get a range", "44 nodes get no range"), cut into lines
    /// that fit the narrowest layout; the problems red.
    pub lines: Vec<Note>,
}

/// The capacity picture: `nodes` at the target against each row's pool.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBar {
    /// The target node count.
    pub nodes: u32,
    /// The current pool, then the fix's when there is one.
    pub rows: Vec<Row>,
}

/// The pool the fix widens to: the same widening the capacity rules write (the fewest prefix
/// bits that keep the target at or under 75 %, clear of the avoided ranges), drawn only when the
/// corrected text really holds it.
pub fn proposed_pool(capacity: &Capacity, avoid: &[Cidr], fixed: Option<&str>) -> Option<Cidr> {
    let nodes = capacity.target_nodes?;
    if plan::within_max_utilization(u128::from(nodes), capacity.usable_node_ranges) {
        return None;
    }
    let skip_first = capacity.usable_node_ranges < capacity.node_ranges;
    let wider = plan::widen_for_nodes(
        capacity.pool,
        capacity.node_prefix,
        nodes,
        skip_first,
        avoid,
    )?;
    let text = wider.to_string();
    fixed.filter(|fixed| fixed.contains(&text)).map(|_| wider)
}

/// The capacity picture at the target node count; `None` without one.
pub fn node_bar(capacity: &Capacity, proposed: Option<Cidr>) -> Option<NodeBar> {
    let nodes = capacity.target_nodes?;
    let skip_first = capacity.usable_node_ranges < capacity.node_ranges;
    let mut pools = vec![("now", capacity.pool.aligned(), capacity.usable_node_ranges)];
    if let Some(wider) = proposed {
        let usable = plan::usable_ranges(wider.prefix(), capacity.node_prefix, skip_first);
        pools.push(("fix", wider, usable));
    }
    let scale = pools
        .iter()
        .map(|p| p.2)
        .fold(u128::from(nodes), u128::max)
        .max(1) as f64;
    let at = |count: u128| count as f64 / scale;
    let rows = pools
        .into_iter()
        .map(|(when, pool, usable)| {
            let n = u128::from(nodes);
            let fits = n.min(usable);
            let mut parts = vec![Part {
                start: 0.0,
                width: at(fits),
                class: "fits",
            }];
            let first = format!("{fits} nodes get a range");
            let (second, bad) = if n > usable {
                parts.push(Part {
                    start: at(usable),
                    width: at(n - usable),
                    class: "overflow",
                });
                let (over, next) = (n - usable, usable + 1);
                (
                    format!("{over} nodes get no range: node {next} is the first"),
                    true,
                )
            } else {
                parts.push(Part {
                    start: at(fits),
                    width: at(usable - fits),
                    class: "headroom",
                });
                let share = podnet_core::share::percent(n, usable);
                (
                    format!("{} ranges free, {share} used", usable - fits),
                    false,
                )
            };
            let mut lines = Vec::new();
            say(&mut lines, &first, false);
            say(&mut lines, &second, bad);
            for part in &mut parts {
                if part.width > 0.0 {
                    part.width = part.width.max(MIN_WIDTH);
                    part.start = part.start.min(1.0 - part.width);
                }
            }
            Row {
                title: format!("{when}: {pool}, {usable} node ranges"),
                end: at(usable),
                alert: at(usable) * plan::MAX_UTILIZATION_PERCENT as f64 / 100.0,
                parts,
                lines,
            }
        })
        .collect();
    Some(NodeBar { nodes, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capacity(pool: &str, skip_first: bool, target: Option<u32>) -> Capacity {
        Capacity::new(
            pool.parse().expect("cidr"),
            24,
            skip_first,
            253,
            target,
            None,
        )
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn three_hundred_nodes_in_a_slash_16_overflow_past_its_end_and_the_fix_holds_them() {
        let now = capacity("10.244.0.0/16", false, Some(300));
        let fixed = "{\"Network\": \"10.244.0.0/15\"}";
        let wider = proposed_pool(&now, &[], Some(fixed));
        assert_eq!(
            wider.map(|c| c.to_string()).as_deref(),
            Some("10.244.0.0/15")
        );
        let bar = node_bar(&now, wider).expect("a target");
        assert_eq!(bar.rows.len(), 2);
        let current = &bar.rows[0];
        assert_eq!(current.title, "now: 10.244.0.0/16, 256 node ranges");
        assert!(
            near(current.end, 0.5),
            "one scale for both rows: 512 ranges"
        );
        assert!(near(current.alert, 0.375));
        let overflow = current.parts[1];
        assert_eq!(overflow.class, "overflow");
        assert!(near(overflow.start, 0.5) && near(overflow.width, 44.0 / 512.0));
        assert_eq!(
            current
                .lines
                .iter()
                .map(|l| (l.text.clone(), l.bad))
                .collect::<Vec<_>>(),
            vec![
                ("256 nodes get a range".into(), false),
                ("44 nodes get no range: node 257 is the first".into(), true)
            ]
        );
        let fix = &bar.rows[1];
        assert_eq!(fix.title, "fix: 10.244.0.0/15, 512 node ranges");
        assert!(near(fix.parts[0].width, 300.0 / 512.0) && fix.parts[1].class == "headroom");
        assert!(near(fix.parts[1].width, 212.0 / 512.0));
        assert_eq!(
            fix.lines[1],
            Note {
                text: "212 ranges free, 58.6% used".into(),
                bad: false,
                more: false
            }
        );
    }

    #[test]
    fn etcd_mode_skips_the_first_range_in_both_rows() {
        let now = capacity("10.244.0.0/16", true, Some(300));
        let bar = node_bar(&now, proposed_pool(&now, &[], Some("10.244.0.0/15"))).expect("bar");
        assert_eq!(
            bar.rows[0].lines[1].text,
            "45 nodes get no range: node 256 is the first"
        );
        assert_eq!(bar.rows[1].title, "fix: 10.244.0.0/15, 511 node ranges");
    }

    #[test]
    fn the_fix_is_drawn_only_when_the_corrected_text_holds_it() {
        let now = capacity("10.244.0.0/16", false, Some(300));
        assert_eq!(proposed_pool(&now, &[], None), None);
        assert_eq!(proposed_pool(&now, &[], Some("10.244.0.0/14")), None);
        let avoid: Cidr = "10.245.0.0/16".parse().expect("cidr");
        assert_eq!(
            proposed_pool(&now, &[avoid], Some("10.244.0.0/15")),
            None,
            "the wider pool is in the way"
        );
        let healthy = capacity("10.244.0.0/16", false, Some(100));
        assert_eq!(proposed_pool(&healthy, &[], Some("10.244.0.0/15")), None);
    }

    #[test]
    fn nodes_that_fit_leave_headroom_and_no_target_draws_nothing() {
        let bar = node_bar(&capacity("10.244.0.0/16", false, Some(64)), None).expect("bar");
        assert_eq!(bar.rows.len(), 1);
        let row = &bar.rows[0];
        assert!(
            near(row.end, 1.0) && near(row.parts[0].width, 0.25) && near(row.parts[1].start, 0.25)
        );
        assert_eq!(
            row.lines[1],
            Note {
                text: "192 ranges free, 25.0% used".into(),
                bad: false,
                more: false
            }
        );
        assert_eq!(
            node_bar(&capacity("10.244.0.0/16", false, None), None),
            None
        );
    }

    #[test]
    fn a_few_nodes_in_a_huge_pool_still_show() {
        let huge = Capacity::new(
            "fd00::/48".parse().expect("cidr"),
            64,
            false,
            1000,
            Some(3),
            None,
        );
        let bar = node_bar(&huge, None).expect("bar");
        assert_eq!(bar.rows[0].parts[0].width, MIN_WIDTH);
    }
}
