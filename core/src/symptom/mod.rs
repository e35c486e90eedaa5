//! Error lines, logs and events: flanneld's and kubelet's logs, `kubectl describe pod` events,
//! `kubectl get events`, kube-controller-manager's and the apiserver's messages, `az` errors.
//! The reader finds the failures podnet knows by the exact strings their sources print
//! (`signature.rs`), folds repeated lines into one with a count, and lists each block of
//! such lines as an `error-log` document; each failure's rule (`rules/`, one file each) says
//! what it means, its likely causes, the numbers it carries, and what to paste next, and names
//! the cause in a config of the same analysis through the model.

pub mod advice;
pub mod capacity;
pub mod evidence;
pub mod numbers;
pub mod rules;
pub mod seen;
pub mod signature;

use alloc::string::String;
use alloc::vec::Vec;

use crate::document::{Document, DocumentKind};
use crate::finding::Finding;
use crate::model::ClusterModel;
use crate::report::AreaOutcome;
use crate::span::LineIndex;

use seen::Out;
pub use seen::Seen;

/// Finds the failures the paste reports: one [`Seen`] per failure, with its count, folding a
/// line into the failure's last one when it says the same words after the needle (a log with
/// the same error 500 times gives one) or sits in the same block (`az` prints one error as its
/// message, its code and the message again); and an `error-log` document per block of lines
/// (lines not parted by a blank line) that report any. Linear in the text.
pub fn read<'a>(text: &'a str, index: &LineIndex<'_>) -> (AreaOutcome, Vec<Seen<'a>>) {
    let mut outcome = AreaOutcome::default();
    let mut seen: Vec<Seen<'a>> = Vec::new();
    // Per failure: its last `Seen`, the block it was in, and the words after its needle.
    let mut last: [Option<(usize, usize, &'a str)>; signature::COUNT] = [None; signature::COUNT];
    let mut block: Option<(usize, usize)> = None;
    let mut blank_since = false;
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let here = start;
        start += raw.len();
        if line.trim().is_empty() {
            blank_since = true;
            continue;
        }
        let Some((symptom, at)) = signature::recognise(line) else {
            continue;
        };
        let end = here + line.len();
        match &mut block {
            Some((_, block_end)) if !blank_since => *block_end = end,
            _ => {
                if let Some((from, to)) = block.replace((here, end)) {
                    outcome.documents.push(document(index, from, to));
                }
            }
        }
        blank_since = false;
        let words = line[at..].trim_end();
        let block_no = outcome.documents.len();
        let slot = &mut last[symptom as usize];
        match slot {
            Some((known, known_block, known_words))
                if *known_block == block_no || *known_words == words =>
            {
                seen[*known].count += 1;
                *known_block = block_no;
            }
            _ => {
                *slot = Some((seen.len(), block_no, words));
                seen.push(Seen {
                    symptom,
                    line,
                    start: here,
                    count: 1,
                    sandbox: signature::in_sandbox(line),
                });
            }
        }
    }
    if let Some((from, to)) = block {
        outcome.documents.push(document(index, from, to));
    }
    outcome.model = evidence::state(&seen, &outcome.documents, index);
    (outcome, seen)
}

fn document(index: &LineIndex<'_>, start: usize, end: usize) -> Document {
    Document {
        kind: DocumentKind::ErrorLog,
        span: index.span(start, end),
    }
}

/// What the failures mean, with the model's values that explain them, and what to paste next.
pub fn check(
    seen: &[Seen<'_>],
    index: &LineIndex<'_>,
    model: &ClusterModel,
) -> (Vec<Finding>, Vec<String>) {
    let mut out = Out {
        findings: Vec::new(),
        next_steps: Vec::new(),
        index,
    };
    for failure in seen {
        rules::check(failure, model, &mut out);
    }
    (out.findings, out.next_steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn a_line_repeated_500_times_is_one_failure_with_its_count() {
        let mut text = String::new();
        for second in 0..500 {
            text.push_str(&format!(
                "E1127 10:{:02}:{:02}.000000 1 main.go:333] Error registering network: failed to acquire lease: out of subnets\n",
                second / 60,
                second % 60
            ));
        }
        let index = LineIndex::new(&text);
        let (outcome, seen) = read(&text, &index);
        assert_eq!(outcome.documents.len(), 1);
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].count, 500);
        let (findings, next) = check(&seen, &index, &ClusterModel::default());
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.ends_with("(500 lines)"),
            "{}",
            findings[0].message
        );
        assert!(next
            .iter()
            .any(|step| step.contains("`etcdctl get /coreos.com/network/config`")));
    }

    #[test]
    fn blocks_apart_are_documents_apart_and_text_without_failures_is_none() {
        let text =
            "no IP addresses available in range set: 10.244.1.1-10.244.1.254\n\nCIDRNotAvailable\n";
        let index = LineIndex::new(text);
        let (outcome, seen) = read(text, &index);
        assert_eq!(outcome.documents.len(), 2);
        assert_eq!(seen.len(), 2);
        let (outcome, seen) = read("{\"Network\": \"10.244.0.0/16\"}\n", &index);
        assert!(outcome.documents.is_empty() && seen.is_empty());
    }
}
