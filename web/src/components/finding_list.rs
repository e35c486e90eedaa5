//! The findings, grouped by severity: rule, line (a button that highlights it in the editor),
//! message, the explanation with its math, and the fix title.

use crate::shared::Shared;

use podnet_core::{Finding, Report};
use yew::prelude::*;

use super::parts::part;
use crate::findings_view::{asks_for, finding_id, summary_line, GROUPS};
use crate::rich_text;

/// Props of [`finding_list`].
#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
    /// Called with a line number when the user asks to see it.
    pub on_select: Callback<u32>,
    /// Called with a finding's index when the user asks to see its span in the editor.
    #[prop_or_default]
    pub on_pick: Callback<usize>,
    /// Called with a context key when the user follows a finding's request for that value.
    pub on_ask: Callback<&'static str>,
    /// Called with a finding's index when the user applies its fix alone.
    pub on_apply: Callback<usize>,
}

/// The findings, or what to do when there is nothing to show.
pub fn finding_list(props: &FindingListProps) -> Html {
    let Some(report) = props.report.as_deref() else {
        return html! {
            <section class="findings empty" aria-labelledby="findings-title">
                <h2 id="findings-title">{ "Findings" }</h2>
                <p>{ "Paste a config or pick an example." }</p>
            </section>
        };
    };
    let input_error = report.input_error.as_ref().map(|error| {
        let line = error.span.line;
        let on_select = props.on_select.clone();
        html! {
            <p class="input-error" role="alert">
                <button type="button" class="goto-line" onclick={Callback::from(move |_| on_select.emit(line))}>
                    { format!("Line {}, column {}", error.span.line, error.span.column) }
                </button>
                { format!(": {}", error.kind) }
            </p>
        }
    });
    let none = (report.findings.is_empty() && report.input_error.is_none())
        .then(|| html! { <p class="all-clear">{ "No findings: nothing wrong with what podnet checks." }</p> });
    let groups = GROUPS.into_iter().filter_map(|(severity, title)| {
        let findings: Vec<(usize, &Finding)> =
            report.findings.iter().enumerate().filter(|(_, f)| f.severity == severity).collect();
        (!findings.is_empty()).then(|| html! {
            <div class={format!("severity-group {}", severity.as_str())}>
                <h3>{ format!("{title} ({})", findings.len()) }</h3>
                <ul class="finding-list" role="list" aria-label={title}>
                    { for findings.into_iter().map(|(index, finding)| finding_item(index, finding, props)) }
                </ul>
            </div>
        })
    });
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ "Findings" }</h2>
            if let Some(line) = summary_line(report) {
                <p class="summary">{ line }</p>
            }
            { for input_error }
            { for none }
            { for groups }
        </section>
    }
}

fn finding_item(index: usize, finding: &Finding, props: &FindingListProps) -> Html {
    let severity = finding.severity.as_str();
    let on_pick = props.on_pick.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_pick.emit(index));
    let ask = asks_for(finding).map(|(key, words)| {
        let on_ask = props.on_ask.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_ask.emit(key));
        html! { <button type="button" class="ask" {onclick}>{ words }</button> }
    });
    html! {
        <li class={format!("finding {severity}")} id={finding_id(index)} tabindex="-1">
            <div class="finding-head">
                <span class="severity">{ severity }</span>
                <code class="rule">{ finding.rule.as_str() }</code>
                <button type="button" class="goto-line position" {onclick}
                    aria-label={format!("Select line {}, column {} in the editor", finding.span.line, finding.span.column)}>
                    { format!("line {}, column {}", finding.span.line, finding.span.column) }
                </button>
            </div>
            <p class="message">{ &finding.message }</p>
            <p class="explanation">{ with_code(&finding.explanation) }</p>
            { for finding.fix.as_ref().map(|fix| {
                let on_apply = props.on_apply.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_apply.emit(index));
                html! {
                    <p class="fix-title">
                        { format!("Fix: {} ", fix.title) }
                        <button type="button" class="apply-fix" {onclick}>{ "Apply this fix" }</button>
                    </p>
                }
            }) }
            { for ask }
        </li>
    }
}

/// `text` with its backquoted parts shown as code.
fn with_code(text: &str) -> Html {
    html! { <>{ for rich_text::with_code(text).into_iter().map(part) }</> }
}
