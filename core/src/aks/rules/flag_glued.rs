//! `aks/flag-glued`: A flag written right after a value or a switch, with no blank between them.

use alloc::format;
use alloc::vec;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::finding::{Edit, Fix};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksFlagGlued,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A flag written right after a value or a switch, with no blank between them.",
    what: "A flag glued to the word before it (--name $CLUSTER--enable-ahub, --no-wait--yes). \
        podnet reads the flag as meant, so the other rules see it.",
    why: "The shell passes one word: the flag becomes part of the value before it, which gets a \
        wrong value, or forms no flag at all (\"unrecognized arguments\"). Either way the flag is \
        never set.",
    how_to_fix: "Insert a blank before the flag; the fix does this.",
    source: "bash word splitting (bash manual, \"Word Splitting\"); the flag table in \
        core/src/aks/az_flags.rs, generated from azure-cli 2.91.0's own argparse parser and the \
        aks-preview extension (Azure/azure-cli-extensions@70a122fb).",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Reports every flag glued to the word before it (fix: insert a blank).
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (text, command) = (facts.text, facts.command);
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
