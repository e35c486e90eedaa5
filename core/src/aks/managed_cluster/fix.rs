//! The corrections as edits to an ARM template: each new value replaces the written one where it
//! is written (the property, or the parameter default or variable it comes from), keeping its
//! quotes. A correction that needs a new property, a removal, or an edit of a template
//! expression gives no fix: the template's author decides where it goes.

use alloc::format;

use alloc::vec::Vec;

use super::names::ARM;
use crate::aks::command::AksCommand;
use crate::aks::corrections::Corrections;
use crate::finding::{Edit, Fix};

/// The template's fix for `corrections`, when every change is a replacement.
pub fn build(text: &str, command: &AksCommand, corrections: &Corrections) -> Option<Fix> {
    let sets = corrections.value_sets(command);
    if sets.is_empty() || !corrections.remove.is_empty() {
        return None;
    }
    let mut edits = Vec::new();
    let mut titles = Vec::new();
    for (flag, value) in &sets {
        let written = command.get(flag)?.value.as_ref()?;
        let in_quotes = text.as_bytes().get(written.start.wrapping_sub(1)) == Some(&b'"');
        let number = *flag == "--max-pods";
        if written.opaque || in_quotes == number {
            return None;
        }
        edits.push(Edit::replace(written.start, written.end, value.as_str()));
        titles.push(format!("{} {value}", ARM.key(flag)));
    }
    let elsewhere = edits
        .iter()
        .any(|e| e.start < command.start || e.start > command.end);
    let place = if elsewhere {
        " (where the value is set: its parameter default or variable)"
    } else {
        ""
    };
    Some(Fix {
        title: format!("Correct the template{place}: {}", titles.join(", ")),
        edits,
    })
}
