//! `aks/unicode-punctuation`: A Unicode look-alike where ASCII belongs: a no-break or zero-width
//! space, a dash, a curly quote.

use alloc::format;
use alloc::string::String;
use alloc::vec;

use crate::aks::facts::Facts;
use crate::aks::lexer::is_unicode_blank;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::finding::{Edit, Fix};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksUnicodePunctuation,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A Unicode look-alike where ASCII belongs: a no-break or zero-width space, a dash, a \
        curly quote.",
    what: "Characters docs, chat and word processors swap in: no-break, narrow and zero-width \
        spaces, Unicode hyphens, en and em dashes and minus signs, curly quotes (up to 20 per \
        command).",
    why: "The shell neither splits on such a space nor strips such a quote, and azure-cli reads \
        no dash but the ASCII - as a flag: \"unrecognized arguments\", or a value with the \
        character in it.",
    how_to_fix: "Replace each with its ASCII character; the fix does this.",
    source: "bash word splitting and quoting (bash manual, \"Word Splitting\", \"Quoting\"); \
        azure-cli's argparse parser (flags start with an ASCII -).",
    fix: FixSafety::Safe,
    file: file!(),
};

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

/// Reports every look-alike character in the command's text (fix: its ASCII character).
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let start = facts.command.start;
    let Some(region) = facts.text.get(start..facts.end) else {
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
