//! `aks/unicode-punctuation`: A Unicode look-alike where ASCII belongs: a no-break or zero-width
//! space, a dash, a curly quote.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/unicode-punctuation",
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
