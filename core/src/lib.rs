//! podnet-core: checks Kubernetes pod-network configs and proposes minimal fixes.
//!
//! The pipeline is `text → redaction → documents → readers → cluster model (with the context) →
//! rules → findings with fixes → corrected text and diff`, all in [`analyze`]. The crate does no
//! IO, reads no clock, uses no randomness and keeps no global state; it is `no_std` + `alloc` without the `std` feature
//! (which adds building the diff and the YAML reader).

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod aks;
pub mod bicep;
pub mod cluster;
pub mod config_map;
pub mod context;
pub mod control;
pub mod detect;
pub mod diff;
pub mod document;
pub mod edit_distance;
pub mod embed;
pub mod emit;
pub mod finding;
pub mod fix;
pub mod flannel;
pub mod hcl;
pub mod input_error;
pub mod json;
pub mod kube_object;
pub mod listings;
pub mod markdown;
pub mod model;
pub mod net;
mod order;
pub mod placeholder;
pub mod plan;
pub mod podnet;
pub mod reading_view;
pub mod redact;
pub mod report;
pub mod rules;
pub mod share;
pub mod span;
pub mod symptom;
pub mod template;
#[cfg(feature = "std")]
pub mod yaml;

pub use context::{Context, Platform, RedactionOptions, SubnetManager};
pub use finding::{Edit, Finding, Fix, Severity};
pub use fix::{apply_edits, apply_fixes};
pub use input_error::{InputError, InputErrorKind};
pub use report::{AreaOutcome, Capacity, Document, DocumentKind, MtuReport, NodeRange, Report};
pub use rules::{RuleId, RuleInfo};
pub use span::{LineIndex, Span};

use alloc::vec::Vec;

/// Analyses one paste: redacts it, finds the documents, runs every rule, applies the fixes.
///
/// Never panics on any input. When nothing can be read, the report's `input_error` says why, with
/// line and column.
pub fn analyze(text: &str, context: &Context) -> Report {
    analyze_redacted(&redact::redact(text, &context.redaction), context)
}

/// Analyses a paste that [`redact::redact`] already redacted. Callers that must later put the
/// user's values back (`podnet fix`, the page's "copy with my values") redact once, keep the
/// [`redact::Redacted`] for [`redact::Redacted::restore`], and analyse through this.
pub fn analyze_redacted(redacted: &redact::Redacted, context: &Context) -> Report {
    analyze_parts(redacted, &[], context)
}

/// Analyses several inputs together as one cluster: `redacted` holds them one after the other,
/// each `parts` range one input starting at a line start (the CLI's files). Each reader reads
/// each part on its own, through a copy of the text of the same length in which every other
/// part is blank, so offsets stay the whole text's; line numbers count from each part's first
/// line. The rules then run once over everything the parts state. No parts: the whole text is
/// one input ([`analyze_redacted`]).
pub fn analyze_parts(
    redacted: &redact::Redacted,
    parts: &[(usize, usize)],
    context: &Context,
) -> Report {
    let starts: Vec<usize> = parts.iter().map(|part| part.0).collect();
    let index = LineIndex::with_parts(&redacted.text, &starts);
    let mut report = Report {
        redactions: redacted.redactions.clone(),
        ..Report::default()
    };
    report.placeholders = redacted
        .placeholders_in_redacted_text()
        .into_iter()
        .map(|(start, end)| index.span(start, end))
        .collect();
    // The readers: each area's documents, the findings about how they are written, and the
    // values they state; then the context's values.
    let mut flannel_documents = flannel::FlannelRead::default();
    let mut aks_commands = Vec::new();
    let mut first_error = None;
    let mut flannel_namespace = None;
    let whole = [(0, redacted.text.len())];
    for &(start, end) in if parts.is_empty() { &whole[..] } else { parts } {
        let part = reading_view::part_view(&redacted.text, start, end);
        // A Markdown runbook is read through its fenced blocks, at the paste's own offsets.
        let view = reading_view::reading_view(&part);
        let (flannel_read, flannel_part) = flannel::read(&view, &index);
        let (aks_read, aks_part) = aks::read_together(&view, &redacted.text, &index);
        let control_read = control::read(&view, &index);
        let listings_read = listings::read(&view, &index);
        flannel_documents.extend(flannel_part);
        aks_commands.extend(aks_part);
        for area in [flannel_read, aks_read, control_read, listings_read] {
            report.documents.extend(area.documents);
            report.findings.extend(area.findings);
            report.model.extend(area.model);
            first_error = first_error.or(area.input_error);
            flannel_namespace = flannel_namespace.or(area.namespace);
        }
    }
    // Error lines and logs are read over the whole paste: a log line in a runbook's prose or
    // between two files' documents is still evidence.
    let (symptom_read, symptoms) = symptom::read(&redacted.text, &index);
    report.documents.extend(symptom_read.documents);
    report.findings.extend(symptom_read.findings);
    report.model.extend(symptom_read.model);
    first_error = first_error.or(symptom_read.input_error);
    model::read_context(context, &mut report.model);
    // The rules, once the model holds every value: each area's over its documents, then those
    // over the whole model.
    let flannel = flannel::check(
        &flannel_documents,
        &index,
        &report.model,
        &redacted.redactions,
    );
    report.findings.extend(flannel.findings);
    report.mtu = flannel.mtu;
    let aks = aks::check(&aks_commands, &redacted.text, &index, &report.model);
    report.findings.extend(aks.findings);
    report.next_steps.extend(aks.next_steps);
    let flannel_capacity = flannel::check_model(&report.model, &mut report.findings);
    cluster::check_model(&report.model, &mut report.findings);
    report.node_ranges = cluster::node_ranges(&report.model);
    report.capacity = flannel_capacity
        .or(aks.capacity)
        .or_else(|| cluster::capacity(&report.model));
    let flannel_steps = flannel::next_steps(
        &report.findings,
        flannel_namespace.as_deref(),
        &report.model,
    );
    report.next_steps.splice(0..0, flannel_steps);
    let (symptom_findings, symptom_steps) = symptom::check(&symptoms, &index, &report.model);
    report.findings.extend(symptom_findings);
    report.next_steps.extend(symptom_steps);
    if report.documents.is_empty() {
        report.input_error =
            Some(first_error.unwrap_or_else(|| nothing_recognised(&redacted.text, &index)));
    }
    order::sort_by_position(&mut report.documents, |document| (document.span.start, 0));
    sort_findings(&mut report.findings);
    let (fixed, _applied) = fix::apply_fixes_with_edits(&redacted.text, &report.findings);
    if fixed != redacted.text {
        #[cfg(feature = "std")]
        {
            report.diff = diff::Diff::of_edits(&redacted.text, &fixed, &_applied);
        }
        report.fixed = Some(fixed);
    }
    report.text = redacted.text.clone();
    report
}

/// Puts findings in report order: by position, and at the same position the most severe first.
/// It is also the order in which [`apply_fixes`] gives clashing fixes precedence.
pub fn sort_findings(findings: &mut Vec<Finding>) {
    order::sort_by_position(findings, |finding| {
        (finding.span.start, usize::MAX - finding.severity as usize)
    });
}

fn nothing_recognised(text: &str, index: &LineIndex<'_>) -> InputError {
    let at = text.len() - text.trim_start().len();
    let kind = if text.trim().is_empty() {
        InputErrorKind::NothingToCheck
    } else {
        InputErrorKind::NothingRecognised
    };
    InputError {
        kind,
        span: index.span(at, at),
    }
}
