//! The answer first: under the editor, the count of findings and the first of the most severe,
//! a button that takes the reader to it in the findings list (on a phone the list starts far
//! below the Context form).

use podnet_core::Report;
use yew::prelude::*;

use crate::browser;
use crate::findings_view::{finding_id, lead, summary_line};
use crate::shared::Shared;

/// Props of [`results_summary`].
#[derive(Properties, PartialEq)]
pub struct ResultsSummaryProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
}

/// One line: "1 error, 2 warnings, 0 notes — first: <message>".
pub fn results_summary(props: &ResultsSummaryProps) -> Html {
    let Some(report) = props.report.as_deref() else {
        return html! {};
    };
    let Some(counts) = summary_line(report) else {
        return html! {};
    };
    let first = lead(report).map(|(index, finding)| {
        let onclick = Callback::from(move |_: MouseEvent| browser::focus(&finding_id(index)));
        html! {
            <>
                { " — " }
                <button type="button" class="goto-finding" {onclick}>
                    { format!("{}: {}", finding.severity.as_str(), finding.message) }
                </button>
            </>
        }
    });
    html! {
        <p class="results-summary" role="status">{ counts }{ for first }</p>
    }
}
