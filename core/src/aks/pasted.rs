//! Rules on what copying a command out of rendered docs, chat or a word processor leaves in it.
//!
//! - `aks/unicode-punctuation` (error): a character that looks like ASCII but is not: a no-break,
//!   thin or zero-width space, an en or em dash or a minus sign where `-` belongs, curly quotes.
//!   The shell neither splits on such a space nor strips such a quote, and azure-cli does not read
//!   `–-name` as a flag ("unrecognized arguments"). Fix: the ASCII character.
//! - `aks/backtick-flag` (error): a flag wrapped in backticks (Markdown code formatting): bash
//!   runs `` `--uptime-sla` `` as a command and passes its (empty) output, so the flag is lost.
//!   Fix: remove the backticks.
//! - `aks/flag-glued` (error): a flag written right after a value with no blank
//!   (`--name $CLUSTER--enable-ahub`): the shell passes one word, so the flag becomes part of the
//!   value. Fix: insert the blank.
//!
//! Source: bash word splitting and command substitution; azure-cli's argparse parser.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec;

use super::command::AksCommand;
use super::lexer::is_unicode_blank;
use super::Out;
use crate::finding::{Edit, Fix, Severity};

/// How many look-alike characters one command reports (a pasted page can hold thousands).
const MAX_REPORTED: usize = 20;

/// The ASCII text a look-alike character stands for, and its name.
fn ascii_for(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\u{2010}' | '\u{2011}' => ("-", "a Unicode hyphen"),
        '\u{2012}' | '\u{2013}' => ("-", "an en dash"),
        '\u{2014}' | '\u{2015}' => ("-", "an em dash"),
        '\u{2212}' => ("-", "a minus sign"),
        '\u{201c}' | '\u{201d}' | '\u{201e}' => ("\"", "a curly double quote"),
        '\u{2018}' | '\u{2019}' => ("'", "a curly single quote"),
        '\u{200b}' | '\u{feff}' => ("", "a zero-width space"),
        c if is_unicode_blank(c) => (" ", "a no-break or narrow space"),
        _ => return None,
    })
}

/// Runs the three rules over one command (its text is `text[command.start..end]`).
pub fn check(text: &str, command: &AksCommand, end: usize, out: &mut Out<'_>) {
    look_alikes(text, command.start, end, out);
    backtick_flags(text, command, out);
    glued_flags(text, command, out);
}

fn look_alikes(text: &str, start: usize, end: usize, out: &mut Out<'_>) {
    let Some(region) = text.get(start..end) else {
        return;
    };
    for (offset, c) in region
        .char_indices()
        .filter(|(_, c)| !c.is_ascii())
        .filter(|(_, c)| ascii_for(*c).is_some())
        .take(MAX_REPORTED)
    {
        let Some((ascii, name)) = ascii_for(c) else {
            continue;
        };
        let at = start + offset;
        let shown = if ascii.is_empty() {
            String::from("nothing")
        } else {
            format!("\"{ascii}\"")
        };
        out.report(Draft { rule: RuleId::AksUnicodePunctuation, severity: Severity::Error, at: (at, at + c.len_utf8()), message: format!("{name} (U+{:04X}) where {shown} belongs", u32::from(c)), why: String::from("Docs, chat and word processors swap ASCII for look-alike characters. The shell does not split on a no-break space nor strip a curly quote, and azure-cli reads no dash but '-' as a flag: \"unrecognized arguments\", or a value with the character in it."), fix: Some(Fix {
                title: format!("Replace it with {shown}"),
                edits: vec![Edit::replace(at, at + c.len_utf8(), ascii)],
            }) });
    }
}

/// `` `--flag` ``: a flag in Markdown code formatting.
pub fn is_backticked_flag(word: &str) -> bool {
    backticked_flag(word).is_some()
}

fn backticked_flag(word: &str) -> Option<&str> {
    word.strip_prefix('`')
        .and_then(|rest| rest.strip_suffix('`'))
        .filter(|inner| inner.starts_with('-'))
}

fn backtick_flags(text: &str, command: &AksCommand, out: &mut Out<'_>) {
    for &(start, end) in &command.stray {
        let Some(inner) = backticked_flag(&text[start..end]) else {
            continue;
        };
        out.report(Draft { rule: RuleId::AksBacktickFlag, severity: Severity::Error, at: (start, end), message: format!("{inner} is wrapped in backticks: bash runs it as a command and the flag is lost"), why: String::from("Backticks are Markdown's code formatting, but in bash they are command substitution: the shell tries to run the flag as a program (\"command not found\") and passes its empty output, so azure-cli never sees the flag."), fix: Some(Fix {
                title: String::from("Remove the backticks"),
                edits: vec![Edit::replace(start, end, inner)],
            }) });
    }
}

fn glued_flags(text: &str, command: &AksCommand, out: &mut Out<'_>) {
    for &split in &command.glued {
        // The model reads the flag as meant; the option the glued word was the value of, if any.
        let Some(flag) = command
            .options
            .iter()
            .find(|option| option.name_start == split)
        else {
            continue;
        };
        let before = command
            .options
            .iter()
            .find(|option| option.value.as_ref().is_some_and(|v| v.end == split));
        // Or the switch it was glued to (`--no-wait--yes`).
        let switch = command
            .options
            .iter()
            .find(|option| option.value.is_none() && option.name_end == split);
        let word_start = match (before.and_then(|option| option.value.as_ref()), switch) {
            (Some(value), _) => value.start,
            (None, Some(switch)) => switch.name_start,
            (None, None) => text[..split]
                .rfind(|c: char| c.is_ascii_whitespace())
                .map_or(0, |at| at + 1),
        };
        let word_end = flag
            .value
            .as_ref()
            .filter(|_| flag.equals)
            .map_or(flag.name_end, |v| v.end);
        let word = &text[word_start..word_end];
        let written = &flag.written;
        let (message, why) = match (before, switch) {
            (None, Some(switch)) => (
                format!("{written} is glued to {}: azure-cli reads \"{word}\" as one flag", switch.written),
                format!("Without a blank between them the shell passes \"{word}\" as a single word, which is no flag of az aks {} (\"unrecognized arguments\"), so neither is set.", command.verb.name()),
            ),
            (Some(option), _) => (
                format!("{written} is glued to the value of {}: azure-cli reads \"{word}\" as one value", option.name),
                format!("Without a blank before it the shell passes \"{word}\" as a single word, so {} gets it as its value and {written} is never set.", option.name),
            ),
            (None, None) => (
                format!("{written} is glued to the word before it: azure-cli reads \"{word}\" as one word"),
                format!("Without a blank before it the shell passes \"{word}\" as a single word, so {written} is never set."),
            ),
        };
        out.report(Draft {
            rule: RuleId::AksFlagGlued,
            severity: Severity::Error,
            at: (split, flag.name_end),
            message,
            why,
            fix: Some(Fix {
                title: format!("Put a blank before {written}"),
                edits: vec![Edit::insert(split, " ")],
            }),
        });
    }
}
