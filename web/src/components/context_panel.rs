//! The context fields: what the text does not say (target node count, ...).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`ContextPanel`].
#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    /// Target nodes, as typed.
    pub nodes: AttrValue,
    /// A problem with a field, shown beside it.
    pub error: Option<AttrValue>,
    /// Called with the new target nodes text.
    pub on_nodes: Callback<String>,
}

/// Labelled context inputs.
#[function_component(ContextPanel)]
pub fn context_panel(props: &ContextPanelProps) -> Html {
    let on_nodes = props.on_nodes.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_nodes.emit(input.value());
    });
    html! {
        <fieldset class="context-panel">
            <legend>{ "Context" }</legend>
            <div class="field">
                <label for="target-nodes">{ "Target nodes" }</label>
                <input id="target-nodes" type="number" min="1" inputmode="numeric"
                    value={props.nodes.clone()} {oninput}
                    aria-invalid={props.error.is_some().to_string()} aria-describedby="context-error" />
            </div>
            <p id="context-error" class="context-error" role="alert">{ props.error.clone().unwrap_or_default() }</p>
        </fieldset>
    }
}
