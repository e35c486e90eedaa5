//! Draws the parts of a message ([`crate::rich_text`]): code in `<code>`, prose as text.

use yew::prelude::*;

use crate::rich_text::Part;

/// One part of a message or a next step.
pub fn part(part: Part<'_>) -> Html {
    match part {
        Part::Text(text) => html! { { text } },
        Part::Code(code) => html! { <code>{ code }</code> },
        Part::Command(command) => html! { <code class="command">{ command }</code> },
    }
}
