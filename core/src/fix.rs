//! Applying fixes: the one place that turns edits into corrected text.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::finding::{Edit, Finding};

/// Applies `edits` to `text`: sorted by position, skipping any edit that overlaps one already
/// applied or does not fall on character boundaries. Returns the new text and the edits applied.
pub fn apply_edits<'e>(
    text: &str,
    edits: impl IntoIterator<Item = &'e Edit>,
) -> (String, Vec<Edit>) {
    let mut sorted: Vec<&Edit> = edits.into_iter().collect();
    crate::order::sort_by_position(&mut sorted, |edit| (edit.start, edit.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut applied: Vec<Edit> = Vec::new();
    let mut cursor = 0;
    for edit in sorted {
        let valid = edit.start <= edit.end
            && edit.end <= text.len()
            && text.is_char_boundary(edit.start)
            && text.is_char_boundary(edit.end);
        // Two insertions at the same point would both apply; keep the first one only.
        let overlaps = edit.start < cursor
            || applied
                .last()
                .is_some_and(|last| last.start == edit.start && edit.start == edit.end);
        if !valid || overlaps {
            continue;
        }
        out.push_str(&text[cursor..edit.start]);
        out.push_str(&edit.replacement);
        cursor = edit.end;
        applied.push(edit.clone());
    }
    out.push_str(&text[cursor..]);
    (out, applied)
}

/// Applies every fix of `findings` to `text` (see [`apply_edits`]). A fix whose edits would
/// partly overlap another fix is skipped as a whole, so no fix is ever half-applied.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> String {
    apply_fixes_with_edits(text, findings).0
}

/// [`apply_fixes`], with the edits it made (sorted by position), from which the diff is built.
pub fn apply_fixes_with_edits(text: &str, findings: &[Finding]) -> (String, Vec<Edit>) {
    let mut chosen = ChosenEdits::default();
    for fix in findings.iter().filter_map(|finding| finding.fix.as_ref()) {
        if !fix.edits.iter().any(|edit| chosen.clashes(edit)) {
            fix.edits.iter().for_each(|edit| chosen.add(edit));
        }
    }
    apply_edits(text, chosen.by_position.values().copied())
}

/// The edits chosen so far, which never overlap each other, ordered by `(start, end)`.
///
/// Because they never overlap, an edit can only clash with its close neighbours in that order: at
/// most two chosen edits start where it starts (an insertion and a range), at most one range that
/// starts before it reaches into it, and the first one after it. Checking a few neighbours on each
/// side keeps choosing linear-logarithmic where comparing with every chosen edit was quadratic.
#[derive(Default)]
struct ChosenEdits<'e> {
    by_position: BTreeMap<(usize, usize, usize), &'e Edit>,
}

impl<'e> ChosenEdits<'e> {
    const NEIGHBOURS: usize = 3;

    fn clashes(&self, edit: &Edit) -> bool {
        let key = (edit.start, edit.end, 0);
        let before = self.by_position.range(..key).rev().take(Self::NEIGHBOURS);
        let after = self.by_position.range(key..).take(Self::NEIGHBOURS);
        before.chain(after).any(|(_, other)| overlap(edit, other))
    }

    fn add(&mut self, edit: &'e Edit) {
        // The third key part keeps edits with the same range apart (a fix may repeat one).
        let same = self
            .by_position
            .range((edit.start, edit.end, 0)..=(edit.start, edit.end, usize::MAX))
            .count();
        self.by_position.insert((edit.start, edit.end, same), edit);
    }
}

fn overlap(a: &Edit, b: &Edit) -> bool {
    if a.start == a.end || b.start == b.end {
        // Insertions clash only with an insertion at the same point or a range strictly around them.
        return (a.start == b.start && a.end == b.end)
            || (a.start > b.start && a.start < b.end)
            || (b.start > a.start && b.start < a.end);
    }
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Fix, Severity};
    use crate::span::Span;
    use alloc::vec;

    fn finding_with(edits: Vec<Edit>) -> Finding {
        Finding {
            rule: crate::rules::RuleId::FlannelCapacity,
            severity: Severity::Error,
            message: String::new(),
            span: Span::default(),
            explanation: String::new(),
            fix: Some(Fix {
                title: String::from("t"),
                edits,
            }),
        }
    }

    #[test]
    fn edits_apply_in_position_order_whatever_their_order_given() {
        let edits = [
            Edit::replace(6, 11, "there"),
            Edit::insert(0, ">> "),
            Edit::replace(0, 5, "Hi"),
        ];
        let (out, applied) = apply_edits("hello world", &edits);
        assert_eq!(out, ">> Hi there");
        assert_eq!(applied.len(), 3);
    }

    #[test]
    fn overlapping_edits_are_skipped() {
        let edits = [Edit::replace(0, 5, "A"), Edit::replace(3, 8, "B")];
        let (out, applied) = apply_edits("0123456789", &edits);
        assert_eq!(out, "A56789");
        assert_eq!(applied.len(), 1);
    }

    #[test]
    fn out_of_range_and_mid_character_edits_are_skipped() {
        let edits = [Edit::replace(1, 2, "x"), Edit::replace(2, 50, "y")];
        assert_eq!(apply_edits("ç!", &edits).0, "ç!");
    }

    /// The quadratic definition `apply_fixes` must agree with.
    fn apply_fixes_by_definition(text: &str, findings: &[Finding]) -> String {
        let mut chosen: Vec<&Edit> = Vec::new();
        for fix in findings.iter().filter_map(|finding| finding.fix.as_ref()) {
            if !fix
                .edits
                .iter()
                .any(|edit| chosen.iter().any(|other| overlap(edit, other)))
            {
                chosen.extend(fix.edits.iter());
            }
        }
        apply_edits(text, chosen).0
    }

    #[test]
    fn choosing_fixes_agrees_with_the_definition() {
        use proptest::prelude::*;
        let edit = (0usize..40, 0usize..4, "[a-z]{0,2}")
            .prop_map(|(start, len, text)| Edit::replace(start, start + len, text));
        let fixes = proptest::collection::vec(proptest::collection::vec(edit, 1..4), 0..30);
        proptest!(|(fixes in fixes)| {
            let text = "0123456789".repeat(5);
            let findings: Vec<Finding> = fixes.into_iter().map(finding_with).collect();
            prop_assert_eq!(apply_fixes(&text, &findings), apply_fixes_by_definition(&text, &findings));
        });
    }

    #[test]
    fn a_fix_that_clashes_with_an_earlier_fix_is_skipped_whole() {
        let first = finding_with(vec![Edit::replace(0, 1, "X")]);
        let second = finding_with(vec![Edit::replace(0, 1, "Y"), Edit::replace(3, 4, "Z")]);
        assert_eq!(apply_fixes("abcd", &[first, second]), "Xbcd");
    }
}
