//! Draws the parts of a message ([`crate::rich_text`]): code in `<code>`, prose as text; and the
//! click handler of the buttons that report one value.

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

/// A click handler that calls `callback` with `value`: one copy of the handler's code per type of
/// value, where a closure at each button would be one per button.
pub fn on_click<T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<MouseEvent> {
    callback.reform(move |_| value.clone())
}
