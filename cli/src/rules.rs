//! `podnet rules` and `podnet explain RULE`: the rule registry, for people and for tools.

use std::process::ExitCode;

use clap::Args;
use podnet_core::rules::RuleInfo;
use podnet_core::RuleId;
use serde_json::json;

use crate::args::Format;

/// The flags of `podnet rules`.
#[derive(Args, Debug)]
pub struct RulesArgs {
    /// Output format: `text` (one rule per line), `json` (id, area, severity, summary, fix
    /// safety, source file) or `html` (every rule's documentation as a page).
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// The flags of `podnet explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The rule id, e.g. `flannel/node-capacity`.
    pub rule: String,
}

/// Runs `podnet rules`: every rule, in registry order.
pub fn list(args: &RulesArgs) -> ExitCode {
    let infos = RuleId::ALL.iter().map(|rule| rule.info());
    let text = match args.format {
        Format::Text => {
            let width = infos.clone().map(|info| info.id().len()).max().unwrap_or(0);
            infos
                .map(|info| {
                    format!(
                        "{:width$}  {:7}  {}\n",
                        info.id(),
                        info.severity.as_str(),
                        info.summary
                    )
                })
                .collect()
        }
        Format::Json => {
            let rules: Vec<_> = infos
                .map(|info| {
                    json!({
                        "id": info.id(),
                        "area": info.area.as_str(),
                        "severity": info.severity.as_str(),
                        "summary": info.summary,
                        "fix": info.fix.as_str(),
                        "file": info.file,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rules).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Html => crate::rules_page::page(),
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// Runs `podnet explain RULE`: the rule's documentation; an unknown id is bad usage (exit 2),
/// with the closest ids.
pub fn explain(args: &ExplainArgs) -> ExitCode {
    let wanted = args.rule.trim();
    match RuleId::from_id(wanted) {
        Some(rule) => {
            print!("{}", documentation(rule.info()));
            ExitCode::SUCCESS
        }
        None => {
            let close = RuleId::closest(wanted);
            let hint = if close.is_empty() {
                String::from("`podnet rules` lists them")
            } else {
                format!("did you mean {}?", close.join(", "))
            };
            crate::exit::unusable(&format!("no rule {wanted:?}; {hint}"))
        }
    }
}

/// The documentation of one rule as `podnet explain` prints it.
pub fn documentation(info: &RuleInfo) -> String {
    format!(
        "{id} ({severity}, {area})\n{summary}\n\nWhat it finds\n  {what}\n\nWhy it matters\n  {why}\n\nHow to fix it\n  {fix}\n\nFix: {safety}\nSource: {source}\nDeclared and checked in {file}\n",
        id = info.id(),
        severity = info.severity.as_str(),
        area = info.area.as_str(),
        summary = info.summary,
        what = info.what,
        why = info.why,
        fix = info.how_to_fix,
        safety = match info.fix {
            podnet_core::rules::FixSafety::None => "none: podnet proposes no edit for this rule",
            podnet_core::rules::FixSafety::Safe =>
                "safe: the edit corrects what cannot work as written",
            podnet_core::rules::FixSafety::NeedsRollout =>
                "needs a rollout: the edit changes what a running cluster uses (see the next steps)",
        },
        source = info.source,
        file = info.file,
    )
}
