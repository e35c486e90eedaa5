//! The follow-up commands: what to run after applying the fix, each with a copy button, and a
//! warning first when the corrected text still holds placeholders (applying it as it is would
//! write `REDACTED_…` into the cluster).

use crate::shared::Shared;

use podnet_core::Report;
use yew::prelude::*;

use super::parts::part;
use crate::browser;
use crate::download;
use crate::rich_text;

/// Props of [`next_steps`].
pub struct NextStepsProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
    /// What the last copy button did (the page's state: this is a function, not a component,
    /// as a component costs the wasm its lifecycle code).
    pub status: UseStateHandle<String>,
}

/// The numbered next steps, each command with a copy button; nothing when there are none.
pub fn next_steps(props: &NextStepsProps) -> Html {
    let status = props.status.clone();
    let Some(report) = props.report.as_deref().filter(|r| !r.next_steps.is_empty()) else {
        return html! {};
    };
    let copy_button = |command: &str| {
        let status = status.clone();
        let text = command.to_string();
        let onclick = Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            yew::platform::spawn_local(async move {
                let done = browser::copy(&text).await.is_ok();
                status.set(String::from(if done {
                    "Command copied."
                } else {
                    "This browser did not allow copying; select the command instead."
                }));
            });
        });
        html! {
            <button type="button" class="copy-command" aria-label={format!("Copy: {command}")} {onclick}>{ "Copy" }</button>
        }
    };
    let placeholders = download::download(report).placeholders;
    html! {
        <section class="next-steps" aria-labelledby="next-title">
            <h2 id="next-title">{ "Next steps" }</h2>
            if placeholders > 0 {
                <p class="placeholder-warning">{ download::apply_warning(placeholders) }</p>
            }
            <ol>
                { for report.next_steps.iter().map(|step| html! {
                    <li>
                        { step_with_code(step) }
                        { for rich_text::step_commands(step).into_iter().map(copy_button) }
                    </li>
                }) }
            </ol>
            <p class="copy-status" role="status">{ (*status).clone() }</p>
        </section>
    }
}

/// A step with its code parts as code (a trailing `az` command whole).
fn step_with_code(text: &str) -> Html {
    html! { <>{ for rich_text::next_step(text).into_iter().map(part) }</> }
}
