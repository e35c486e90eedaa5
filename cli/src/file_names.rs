//! `--together`'s file names in the report's words. Core counts a value's line from its own
//! file's first line ("podSubnet at 9:14 (kubeadm-config)") but knows no file names; here every
//! mention of a value another file states names that file too ("podSubnet at
//! kubeadm.yaml:9:14 (kubeadm-config)"), in the findings, their fixes' titles and the next steps.
//! A mention is found as [`Source::describe`] writes it, the one place core words a source.

use std::cell::RefCell;

use podnet_core::model::{Origin, Source};
use podnet_core::Report;

/// Names, in `report`'s texts, the file of every value a document states: `parts` are the
/// files' ranges in the analysed text and `names` their names, in the same order.
pub fn name_files(report: &mut Report, parts: &[(usize, usize)], names: &[String]) {
    let sources = RefCell::new(Vec::new());
    report.model.clone().retain(|source| {
        sources.borrow_mut().push(*source);
        true
    });
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut ambiguous = Vec::new();
    for source in sources.into_inner() {
        let Some(to) = named(&source, parts, names) else {
            continue;
        };
        let from = source.describe();
        match pairs.iter().find(|(known, _)| *known == from) {
            Some((_, other)) if *other != to => ambiguous.push(from),
            Some(_) => {}
            None => pairs.push((from, to)),
        }
    }
    pairs.retain(|(from, _)| !ambiguous.contains(from));
    let rename = |text: &mut String| {
        for (from, to) in &pairs {
            if text.contains(from.as_str()) {
                *text = replace_mentions(text, from, to);
            }
        }
    };
    for finding in &mut report.findings {
        rename(&mut finding.message);
        rename(&mut finding.explanation);
        if let Some(fix) = &mut finding.fix {
            rename(&mut fix.title);
        }
    }
    report.next_steps.iter_mut().for_each(rename);
}

/// How `source` is described with its file named; `None` for a value no file states.
fn named(source: &Source, parts: &[(usize, usize)], names: &[String]) -> Option<String> {
    let Origin::Document { kind, .. } = source.origin else {
        return None;
    };
    let at = source.span.start;
    let file = parts
        .iter()
        .position(|&(start, end)| (start..end).contains(&at))?;
    let span = source.span;
    Some(format!(
        "{} at {}:{}:{} ({})",
        source.key,
        names.get(file)?,
        span.line,
        span.column,
        kind.name()
    ))
}

/// `text` with each `from` that starts a word replaced by `to` (so `Network at 2:15 (…)` is
/// not read inside `IPv6Network at 2:15 (…)`).
fn replace_mentions(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len() + to.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        out.push_str(&rest[..at]);
        let before = out.chars().next_back();
        let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
        out.push_str(if starts_word { to } else { from });
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_mentions;

    #[test]
    fn a_mention_is_replaced_only_where_its_key_starts_a_word() {
        let text = "IPv6Network at 2:15 (x) and Network at 2:15 (x)";
        assert_eq!(
            replace_mentions(text, "Network at 2:15 (x)", "Network at a.json:2:15 (x)"),
            "IPv6Network at 2:15 (x) and Network at a.json:2:15 (x)"
        );
    }
}
