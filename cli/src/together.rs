//! `podnet check --together`: the run's files analysed as one cluster. Their texts are joined
//! one after the other (each ending in a line break) and analysed with core's
//! [`podnet_core::analyze_parts`], which reads each file on its own and runs the rules once
//! over what they all state; the report is then split into one [`Checked`] per file, with its
//! documents, findings, fixes and model statements at the file's own offsets, so every output
//! format points at the right file, and a value another file states is named with its file
//! (`file_names.rs`). The cluster's capacity, MTU and next steps go with the file of the first
//! finding with a fix (else of the first finding); the model's context and defaults with the
//! first file.

use podnet_core::{Edit, Fix, Report, Span};

use crate::args::CheckArgs;
use crate::checked::Checked;
use crate::config::Config;
use crate::files::Target;
use crate::input::{self, ReadError};
use crate::settings::{self, FileSettings};

/// The files of the run analysed together, and the reasons of the inputs that were unusable
/// (already printed on stderr).
pub fn check_together(
    args: &CheckArgs,
    config: Option<&Config>,
    targets: Vec<Target>,
) -> Result<(Vec<Checked>, Vec<String>), String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let first = targets.first().and_then(|target| target.path.clone());
    let context = args.context(&FileSettings::of(config, first.as_deref(), &cwd).context)?;
    let (mut joined, mut files, mut unusable) = (String::new(), Vec::new(), Vec::new());
    for target in targets {
        match input::read(target.path.as_deref(), &target.display()) {
            Ok(text) => {
                let start = joined.len();
                joined.push_str(&text);
                if !joined.ends_with('\n') {
                    joined.push('\n');
                }
                files.push((target, start, joined.len()));
            }
            Err(ReadError::NotText(_)) if target.walked || args.skip_unrecognised => {}
            Err(error) => {
                eprintln!("podnet: {error}");
                unusable.push(error.to_string());
            }
        }
    }
    let redacted = podnet_core::redact::redact(&joined, &context.redaction);
    let parts: Vec<(usize, usize)> = files.iter().map(|(_, start, end)| (*start, *end)).collect();
    let parts = redacted_parts(&redacted.text, &joined, &parts);
    let mut report = podnet_core::analyze_parts(&redacted, &parts, &context);
    let file_names: Vec<String> = files.iter().map(|(target, ..)| target.display()).collect();
    crate::file_names::name_files(&mut report, &parts, &file_names);
    if report.documents.is_empty() {
        if let Some(error) = &report.input_error {
            let reason = format!("{}: {}", names(&files), error.kind);
            eprintln!("podnet: {reason}");
            unusable.push(reason);
            return Ok((Vec::new(), unusable));
        }
    }
    // The cluster's numbers and next steps go with the file of the first finding that has a
    // fix (they are mostly its rollout), else of the first finding, else with the first file.
    let lead = report
        .findings
        .iter()
        .find(|finding| finding.fix.is_some())
        .or(report.findings.first())
        .and_then(|finding| {
            let at = finding.span.start;
            parts
                .iter()
                .position(|&(start, end)| (start..end).contains(&at))
        })
        .unwrap_or(0);
    let mut checked = Vec::new();
    let entries = config.map_or(0, |config| config.suppressions.len());
    let mut used = vec![false; entries];
    for (at, (target, ..)) in files.into_iter().enumerate() {
        let (start, end) = parts[at];
        let mut own = split(&report, (start, end), at == 0, at == lead);
        let settings = FileSettings::of(config, target.path.as_deref(), &cwd);
        settings.apply(config, &mut own, &mut used);
        settings::refix(&mut own);
        checked.push(Checked {
            target,
            report: own,
        });
    }
    Ok((checked, unusable))
}

fn names(files: &[(Target, usize, usize)]) -> String {
    let names: Vec<String> = files.iter().map(|(target, ..)| target.display()).collect();
    names.join(", ")
}

/// Each file's range in the redacted text: redaction changes lengths, so a file's range is
/// found again by its line breaks (redaction keeps every line break).
fn redacted_parts(redacted: &str, joined: &str, parts: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let line_of = |text: &str, at: usize| text[..at].matches('\n').count();
    let starts: Vec<usize> = redacted.match_indices('\n').map(|(at, _)| at + 1).collect();
    let offset = |line: usize| {
        if line == 0 {
            0
        } else {
            starts.get(line - 1).copied().unwrap_or(redacted.len())
        }
    };
    parts
        .iter()
        .map(|&(start, end)| (offset(line_of(joined, start)), offset(line_of(joined, end))))
        .collect()
}

/// The part of `report` about the file at `start..end` of its text, at the file's offsets; the
/// first file also takes the model's context and defaults and the redactions, the `lead` file
/// the cluster's capacity, MTU and next steps.
fn split(report: &Report, (start, end): (usize, usize), first: bool, lead: bool) -> Report {
    let inside =
        |span: &Span| (start..end).contains(&span.start) || (span.start == end && end == start);
    let rebase = |span: Span| Span {
        start: span.start - start,
        end: span.end.min(end) - start,
        ..span
    };
    let mut own = Report {
        text: report.text[start..end].to_string(),
        ..Report::default()
    };
    own.documents = report
        .documents
        .iter()
        .filter(|document| inside(&document.span))
        .map(|document| podnet_core::Document {
            span: rebase(document.span),
            ..document.clone()
        })
        .collect();
    own.findings = report
        .findings
        .iter()
        .filter(|finding| inside(&finding.span))
        .map(|finding| {
            let mut finding = finding.clone();
            finding.span = rebase(finding.span);
            finding.fix = finding.fix.and_then(|fix| {
                let edits: Vec<Edit> = fix
                    .edits
                    .iter()
                    .filter(|edit| edit.start >= start && edit.end <= end)
                    .map(|edit| Edit {
                        start: edit.start - start,
                        end: edit.end - start,
                        ..edit.clone()
                    })
                    .collect();
                (!edits.is_empty()).then_some(Fix { edits, ..fix })
            });
            finding
        })
        .collect();
    own.placeholders = report
        .placeholders
        .iter()
        .filter(|span| inside(span))
        .map(|span| rebase(*span))
        .collect();
    own.model = report.model.clone();
    own.model.retain(|source| {
        if source.in_document() {
            inside(&source.span)
        } else {
            first
        }
    });
    if lead {
        own.capacity = report.capacity.clone();
        own.mtu = report.mtu.clone();
        own.next_steps = report.next_steps.clone();
    }
    if first {
        own.redactions = report.redactions.clone();
    }
    own
}
