//! The shortest edit script between two sequences: Myers' greedy search ("An O(ND) Difference
//! Algorithm and Its Variations", 1986), for the report's line diff and the page's word marks.
//!
//! Hand-written rather than `similar`'s: podnet needs one search over slices, with no deadline,
//! hooks or grouping of its own, and the page links it once; `similar` cost 5.0 KB of the
//! gzip'd page (see ARCHITECTURE.md, "Dependencies and why"). The common head and tail are
//! trimmed first (a fix changes a few lines or words), then the forward search keeps the
//! frontier of each round, about D² entries in all, to walk the path back. Past
//! [`MOST_EDITS`] edits the middle is one change: a diff that large says nothing line by line.

use alloc::vec;
use alloc::vec::Vec;
use core::ops::Range;

/// The most edits the search looks for before it calls the whole middle one change.
pub const MOST_EDITS: usize = 1_000;

/// One run of the edit script: items both sequences share, or a change (old items removed,
/// new items added, either side possibly empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Op {
    /// True for a run both sequences share.
    pub equal: bool,
    /// The run's range in the old sequence.
    pub old: Range<usize>,
    /// The run's range in the new sequence.
    pub new: Range<usize>,
}

/// The edit script from `old` to `new`: shared runs and changes alternating, in order, covering
/// both sequences; the changes remove and add as few items as any script can (up to
/// [`MOST_EDITS`]).
pub fn diff<T: PartialEq>(old: &[T], new: &[T]) -> Vec<Op> {
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_end, new_end) = (old.len() - tail, new.len() - tail);
    let mut ops = Vec::new();
    push(&mut ops, true, 0..head, 0..head);
    middle(
        &old[head..old_end],
        &new[head..new_end],
        head,
        head,
        &mut ops,
    );
    push(&mut ops, true, old_end..old.len(), new_end..new.len());
    ops
}

/// The search over the untrimmed middle, whose first items sit at `old_at` and `new_at`.
fn middle<T: PartialEq>(a: &[T], b: &[T], old_at: usize, new_at: usize, ops: &mut Vec<Op>) {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let whole = |ops: &mut Vec<Op>| {
        push(
            ops,
            false,
            old_at..old_at + a.len(),
            new_at..new_at + b.len(),
        );
    };
    if n == 0 || m == 0 {
        return whole(ops);
    }
    // `frontier` holds, for each diagonal k = x − y, the furthest x reached; `rounds[d]` the
    // frontier after round d, diagonals −d..=d.
    let offset = n + m;
    let mut frontier = vec![0isize; 2 * (n + m) as usize + 2];
    let mut rounds: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    let mut done = false;
    for d in 0..=(n + m).min(MOST_EDITS as isize) {
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && frontier[at(k - 1)] < frontier[at(k + 1)]) {
                frontier[at(k + 1)]
            } else {
                frontier[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            frontier[at(k)] = x;
            if x >= n && y >= m {
                done = true;
                break;
            }
            k += 2;
        }
        rounds.push(frontier[at(-d)..=at(d)].to_vec());
        if done {
            break;
        }
    }
    if !done {
        return whole(ops);
    }
    // Walk back from the end: each round ends in a run of shared items after one edit.
    let mut steps: Vec<(bool, isize, isize)> = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..rounds.len() as isize).rev() {
        let before = &rounds[(d - 1) as usize];
        let reached = |k: isize| before[(k + d - 1) as usize];
        let k = x - y;
        let from = if k == -d || (k != d && reached(k - 1) < reached(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let (from_x, from_y) = (reached(from), reached(from) - from);
        // The edit: down (an added item) from diagonal k + 1, right (a removed one) from k − 1.
        let (edit_x, edit_y) = if from == k + 1 {
            (from_x, from_y + 1)
        } else {
            (from_x + 1, from_y)
        };
        steps.push((true, x - edit_x, 0));
        steps.push((false, edit_x - from_x, edit_y - from_y));
        (x, y) = (from_x, from_y);
    }
    steps.push((true, x, 0));
    let (mut old_pos, mut new_pos) = (old_at, new_at);
    for (equal, removed, added) in steps.into_iter().rev() {
        let (removed, added) = if equal {
            (removed as usize, removed as usize)
        } else {
            (removed as usize, added as usize)
        };
        push(
            ops,
            equal,
            old_pos..old_pos + removed,
            new_pos..new_pos + added,
        );
        (old_pos, new_pos) = (old_pos + removed, new_pos + added);
    }
}

/// Appends a run, joined to the last one when both are shared runs or both changes (hunks are
/// cut from the shared runs between changes, so a run must be one); empty runs are dropped.
pub(super) fn push(ops: &mut Vec<Op>, equal: bool, old: Range<usize>, new: Range<usize>) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    if let Some(last) = ops.last_mut().filter(|last| last.equal == equal) {
        last.old.end = old.end;
        last.new.end = new.end;
        return;
    }
    ops.push(Op { equal, old, new });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `new` rebuilt from `old` and the script, checking every shared run really is shared.
    fn apply(old: &[u8], new: &[u8], ops: &[Op]) -> Vec<u8> {
        let mut out = Vec::new();
        let (mut old_at, mut new_at) = (0, 0);
        for op in ops {
            assert_eq!((op.old.start, op.new.start), (old_at, new_at), "{ops:?}");
            if op.equal {
                assert_eq!(old[op.old.clone()], new[op.new.clone()], "{ops:?}");
                out.extend_from_slice(&old[op.old.clone()]);
            } else {
                out.extend_from_slice(&new[op.new.clone()]);
            }
            (old_at, new_at) = (op.old.end, op.new.end);
        }
        assert_eq!((old_at, new_at), (old.len(), new.len()), "{ops:?}");
        out
    }

    /// The fewest removed plus added items, by the textbook dynamic program (LCS).
    fn fewest_edits(old: &[u8], new: &[u8]) -> usize {
        let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
        for i in (0..old.len()).rev() {
            for j in (0..new.len()).rev() {
                lcs[i][j] = if old[i] == new[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        old.len() + new.len() - 2 * lcs[0][0]
    }

    fn edits(ops: &[Op]) -> usize {
        ops.iter()
            .filter(|op| !op.equal)
            .map(|op| op.old.len() + op.new.len())
            .sum()
    }

    #[test]
    fn a_changed_word_between_shared_ones_is_one_change() {
        let old = [
            "--network-plugin",
            " ",
            "kubenet",
            " ",
            "--pod-cidr",
            " ",
            "a",
        ];
        let new = [
            "--network-plugin",
            " ",
            "azure",
            " ",
            "--pod-cidr",
            " ",
            "b",
        ];
        let ops = diff(&old, &new);
        assert_eq!(
            ops,
            [
                Op {
                    equal: true,
                    old: 0..2,
                    new: 0..2
                },
                Op {
                    equal: false,
                    old: 2..3,
                    new: 2..3
                },
                Op {
                    equal: true,
                    old: 3..6,
                    new: 3..6
                },
                Op {
                    equal: false,
                    old: 6..7,
                    new: 6..7
                },
            ]
        );
    }

    #[test]
    fn equal_and_empty_sequences() {
        assert_eq!(diff::<u8>(&[], &[]), []);
        assert_eq!(
            diff(b"abc", b"abc"),
            [Op {
                equal: true,
                old: 0..3,
                new: 0..3
            }]
        );
        assert_eq!(
            diff(b"", b"ab"),
            [Op {
                equal: false,
                old: 0..0,
                new: 0..2
            }]
        );
        assert_eq!(
            diff(b"ab", b""),
            [Op {
                equal: false,
                old: 0..2,
                new: 0..0
            }]
        );
    }

    #[test]
    fn past_the_most_edits_the_middle_is_one_change() {
        // A new item after each old one: the shortest script keeps every old item and adds
        // more items than the search looks for, so it gives the middle as one change instead.
        let count = MOST_EDITS as u32 + 10;
        let old: Vec<u32> = (0..count).collect();
        let new: Vec<u32> = (0..count).flat_map(|n| [n, n + 1_000_000]).collect();
        let ops = diff(&old, &new);
        assert_eq!(
            ops,
            [
                Op {
                    equal: true,
                    old: 0..1,
                    new: 0..1
                },
                Op {
                    equal: false,
                    old: 1..old.len(),
                    new: 1..new.len()
                },
            ],
        );
    }

    proptest! {
        #[test]
        fn the_script_rebuilds_the_new_sequence_with_the_fewest_edits(
            old in proptest::collection::vec(0u8..4, 0..40),
            new in proptest::collection::vec(0u8..4, 0..40),
        ) {
            let ops = diff(&old, &new);
            prop_assert_eq!(apply(&old, &new, &ops), new.clone());
            prop_assert_eq!(edits(&ops), fewest_edits(&old, &new));
            prop_assert!(ops.windows(2).all(|pair| pair[0].equal != pair[1].equal));
        }
    }
}
