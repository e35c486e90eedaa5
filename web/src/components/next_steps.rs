//! The follow-up commands: what to run after applying the fix.

use std::rc::Rc;

use podnet_core::Report;
use yew::prelude::*;

/// Props of [`NextSteps`].
#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    /// The last report, if any.
    pub report: Option<Rc<Report>>,
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

/// Renders `text` with its backquoted parts as code; a step with no backquotes that starts with
/// plain prose and ends in a command (after ": ") shows the command as code.
fn step_with_code(text: &str) -> Html {
    if text.contains('`') {
        return html! { <>{ for text.split('`').enumerate().map(|(i, part)| {
            if i % 2 == 1 { html! { <code>{ part }</code> } } else { html! { { part } } }
        }) }</> };
    }
    match text.rsplit_once(": az ") {
        Some((prose, command)) => {
            html! { <>{ prose }{ ": " }<code class="command">{ format!("az {command}") }</code></> }
        }
        None => html! { { text } },
    }
}
