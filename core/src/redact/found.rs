//! What the detectors found: candidate spans with their kind, ranges known to be benign, and the
//! merge that turns overlapping candidates into the final, disjoint list.

use alloc::string::String;
use alloc::vec::Vec;

use super::kind::{Kind, Tier};

/// One candidate secret: a byte range of the original text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: &'static Kind,
}

/// Collects candidates and benign ranges while the detectors run.
#[derive(Debug, Default)]
pub struct Found {
    candidates: Vec<Candidate>,
    benign: Vec<(usize, usize)>,
    placeholders: Vec<(usize, usize)>,
}

impl Found {
    /// Records a candidate; empty ranges are ignored.
    pub fn add(&mut self, start: usize, end: usize, kind: &'static Kind) {
        if end > start {
            self.candidates.push(Candidate { start, end, kind });
        }
    }

    /// Records a range known to be benign (a certificate, an image digest): the entropy fallback
    /// leaves it alone.
    pub fn benign(&mut self, start: usize, end: usize) {
        self.benign.push((start, end));
    }

    /// Records a value under a secret key that was left alone because it looks like a
    /// placeholder (`REPLACE_ME`, `${VAR}`, `changeme`): the report lists them.
    pub fn placeholder(&mut self, start: usize, end: usize) {
        self.placeholders.push((start, end));
    }

    /// The placeholder ranges recorded so far, in text order, each once.
    pub fn placeholder_ranges(&mut self) -> Vec<(usize, usize)> {
        crate::order::sort_by_position(&mut self.placeholders, |&range| range);
        self.placeholders.dedup();
        core::mem::take(&mut self.placeholders)
    }

    /// The benign ranges recorded so far.
    pub fn benign_ranges(&self) -> Vec<(usize, usize)> {
        self.benign.clone()
    }

    /// The texts the merged candidates cover, for detector tests.
    #[cfg(test)]
    pub fn merged_texts(self, text: &str) -> Vec<String> {
        let merged = self.merge(text, &[]);
        merged
            .iter()
            .map(|c| String::from(&text[c.start..c.end]))
            .collect()
    }

    /// The final redactions: kinds the user keeps dropped, entropy guesses inside benign ranges
    /// dropped, placeholders from an earlier pass dropped, overlapping candidates united (the
    /// strongest tier names the union), in text order.
    pub fn merge(mut self, text: &str, keep: &[String]) -> Vec<Candidate> {
        crate::order::sort_by_position(&mut self.benign, |&range| range);
        let benign = &self.benign;
        let inside_benign = |c: &Candidate| {
            let after = benign.partition_point(|&(start, _)| start <= c.start);
            benign[..after]
                .iter()
                .rev()
                .take(8)
                .any(|&(start, end)| start <= c.start && c.end <= end)
        };
        let mut candidates: Vec<Candidate> = self
            .candidates
            .into_iter()
            .filter(|c| {
                !keep
                    .iter()
                    .any(|name| name.trim().eq_ignore_ascii_case(c.kind.name))
            })
            .filter(|c| c.kind.tier != Tier::Entropy || !inside_benign(c))
            .filter(|c| !is_placeholder_token(&text[c.start..c.end]))
            .collect();
        // A benign range a redaction cuts into is redacted whole: what made it benign (a
        // certificate's BEGIN line) may be gone after this pass, and a second pass must find
        // nothing new.
        // An entropy guess, which is only a guess, stops at the benign range's edge instead (a
        // token glued to `-----BEGIN CERTIFICATE-----` must not take the BEGIN line with it).
        for candidate in &mut candidates {
            let after = benign.partition_point(|&(start, _)| start < candidate.end);
            for &(start, end) in benign[..after].iter().rev().take(8) {
                let overlaps = start < candidate.end && candidate.start < end;
                if !overlaps {
                    continue;
                }
                if candidate.kind.tier != Tier::Entropy {
                    candidate.start = candidate.start.min(start);
                    candidate.end = candidate.end.max(end);
                } else if candidate.start < start {
                    candidate.end = start;
                } else {
                    candidate.start = end.min(candidate.end);
                }
            }
        }
        candidates.retain(|c| c.start < c.end);
        // A placeholder ends in digits: a digit right after it would read as part of its number,
        // so a span never stops right before a digit (the digits are redacted with it).
        let bytes = text.as_bytes();
        for candidate in &mut candidates {
            while bytes.get(candidate.end).is_some_and(u8::is_ascii_digit) {
                candidate.end += 1;
            }
        }
        // A total order, so the kind a union gets never depends on the order detectors ran in:
        // longest first, then the strongest tier, then the kind naming the container (a Secret's
        // data) over the kind of its content, then by name.
        // Two passes of the crate's one stable sort (no private copy of std's sort here): the
        // tie-breakers first, then the span, which keeps the tie-breakers' order among equals.
        crate::order::sort_by_position(&mut candidates, |c| {
            (
                usize::from(u8::MAX - c.kind.tier as u8),
                usize::from(tie_rank(c.kind)) * super::kind::ALL.len() + name_rank(c.kind),
            )
        });
        crate::order::sort_by_position(&mut candidates, |c| (c.start, usize::MAX - c.end));
        let mut merged: Vec<Candidate> = Vec::with_capacity(candidates.len());
        for candidate in candidates {
            match merged.last_mut() {
                Some(last) if candidate.start < last.end => {
                    let stronger = candidate.kind.tier > last.kind.tier
                        || (candidate.kind.tier == last.kind.tier
                            && candidate.end - candidate.start > last.end - last.start);
                    if stronger {
                        last.kind = candidate.kind;
                    }
                    last.end = last.end.max(candidate.end);
                }
                _ => merged.push(candidate),
            }
        }
        merged
    }
}

/// Between candidates of the same span and tier: 0 for kinds that say where a value is (a
/// Kubernetes Secret's data, a last-applied annotation holding a Secret), 1 for the rest.
/// Where `kind`'s name sorts among all kinds' names.
fn name_rank(kind: &Kind) -> usize {
    super::kind::ALL
        .iter()
        .filter(|other| other.name < kind.name)
        .count()
}

fn tie_rank(kind: &Kind) -> u8 {
    let container = kind.name == super::kind::KUBERNETES_SECRET_DATA.name
        || kind.name == super::kind::KUBERNETES_LAST_APPLIED_SECRET.name;
    u8::from(!container)
}

/// True for `REDACTED_<STEM>_<N>` as this module writes it.
pub fn is_placeholder_token(value: &str) -> bool {
    value.starts_with(super::kind::PLACEHOLDER_PREFIX)
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::kind;

    #[test]
    fn overlaps_unite_under_the_strongest_kind() {
        let mut found = Found::default();
        found.add(10, 20, &kind::HIGH_ENTROPY);
        found.add(12, 30, &kind::PASSWORD);
        found.add(40, 45, &kind::EMAIL);
        found.add(50, 60, &kind::HIGH_ENTROPY);
        found.benign(48, 70);
        let text = "x".repeat(70);
        let merged = found.merge(&text, &[String::from("email")]);
        assert_eq!(merged.len(), 1);
        assert_eq!(
            (merged[0].start, merged[0].end, merged[0].kind.name),
            (10, 30, "password")
        );
    }

    #[test]
    fn entropy_guesses_stop_at_benign_edges() {
        let mut found = Found::default();
        found.add(0, 20, &kind::HIGH_ENTROPY);
        found.add(35, 50, &kind::HIGH_ENTROPY);
        found.benign(10, 40);
        let text = "x".repeat(60);
        let merged: Vec<(usize, usize)> = found
            .merge(&text, &[])
            .iter()
            .map(|c| (c.start, c.end))
            .collect();
        assert_eq!(merged, [(0, 10), (40, 50)]);
    }

    #[test]
    fn the_kind_of_a_union_does_not_depend_on_the_order_found() {
        let text = "x".repeat(40);
        for order in [
            [&kind::PRIVATE_KEY, &kind::KUBERNETES_SECRET_DATA],
            [&kind::KUBERNETES_SECRET_DATA, &kind::PRIVATE_KEY],
        ] {
            let mut found = Found::default();
            for kind in order {
                found.add(5, 30, kind);
            }
            let merged = found.merge(&text, &[]);
            assert_eq!(merged[0].kind.name, "kubernetes-secret-data");
        }
    }
}
