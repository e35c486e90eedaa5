//! The paste area.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every edit.
    pub on_input: Callback<String>,
}

/// A labelled textarea for the config.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        on_input.emit(area.value());
    });
    html! {
        <div class="field input-panel">
            <label for="config-input">{ "Config (net-conf.json, kube-flannel ConfigMap, az aks command)" }</label>
            <textarea id="config-input" class="config-input" spellcheck="false" autocomplete="off"
                placeholder="Paste a config here. Nothing leaves this tab."
                value={props.value.clone()} {oninput} />
        </div>
    }
}
