//! The findings: severity, rule, position, message, the math, and the fix title.

use std::rc::Rc;

use podnet_core::{Finding, Report};
use yew::prelude::*;

/// Props of [`FindingList`].
#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    /// The last report, if any.
    pub report: Option<Rc<Report>>,
}

/// The list of findings, or what to do when there is nothing to show.
#[function_component(FindingList)]
pub fn finding_list(props: &FindingListProps) -> Html {
    let Some(report) = props.report.as_deref() else {
        return html! { <div class="findings empty"><h2>{ "Findings" }</h2><p>{ "Paste a config or pick an example." }</p></div> };
    };
    let input_error = report.input_error.as_ref().map(|error| html! {
        <p class="input-error" role="alert">{ format!("Line {}, column {}: {}", error.span.line, error.span.column, error.message) }</p>
    });
    let none = (report.findings.is_empty() && report.input_error.is_none())
        .then(|| html! { <p class="all-clear">{ "No findings." }</p> });
    html! {
        <div class="findings">
            <h2>{ "Findings" }</h2>
            { for input_error }
            { for none }
            <ul class="finding-list" aria-label="Findings">
                { for report.findings.iter().map(finding_item) }
            </ul>
        </div>
    }
}

fn finding_item(finding: &Finding) -> Html {
    let severity = finding.severity.as_str();
    html! {
        <li class={classes!("finding", severity)}>
            <div class="finding-head">
                <span class="severity">{ severity }</span>
                <code class="rule">{ finding.rule }</code>
                <span class="position">{ format!("line {}, column {}", finding.span.line, finding.span.column) }</span>
            </div>
            <p class="message">{ &finding.message }</p>
            <p class="explanation">{ &finding.explanation }</p>
            { for finding.fix.as_ref().map(|fix| html! { <p class="fix-title">{ format!("Fix: {}", fix.title) }</p> }) }
        </li>
    }
}
