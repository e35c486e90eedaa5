//! The follow-up commands: what to run after applying the fix.

use crate::shared::Shared;

use podnet_core::Report;
use yew::prelude::*;

use super::parts::part;
use crate::rich_text;

/// Props of [`NextSteps`].
#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
}

/// The numbered next steps; nothing when there are none.
#[function_component(NextSteps)]
pub fn next_steps(props: &NextStepsProps) -> Html {
    let Some(report) = props.report.as_deref().filter(|r| !r.next_steps.is_empty()) else {
        return html! {};
    };
    html! {
        <section class="next-steps" aria-labelledby="next-title">
            <h2 id="next-title">{ "Next steps" }</h2>
            <ol>
                { for report.next_steps.iter().map(|step| html! { <li>{ step_with_code(step) }</li> }) }
            </ol>
        </section>
    }
}

/// A step with its code parts as code (a trailing `az` command whole).
fn step_with_code(text: &str) -> Html {
    html! { <>{ for rich_text::next_step(text).into_iter().map(part) }</> }
}
