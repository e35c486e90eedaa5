//! The example picker: loads a story from the field with its context.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::examples::EXAMPLES;

/// Props of [`example_picker`].
#[derive(Properties, PartialEq)]
pub struct ExamplePickerProps {
    /// The example currently shown, if any.
    pub selected: Option<AttrValue>,
    /// Called with the picked example's id.
    pub on_pick: Callback<String>,
}

/// A labelled select of [`EXAMPLES`].
pub fn example_picker(props: &ExamplePickerProps) -> Html {
    let on_pick = props.on_pick.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        if !select.value().is_empty() {
            on_pick.emit(select.value());
        }
    });
    let selected = props.selected.clone().unwrap_or_default();
    html! {
        <div class="field example-picker">
            <label for="example-picker">{ "Example" }</label>
            <select id="example-picker" {onchange}>
                <option value="" selected={selected.is_empty()}>{ "Pick an example…" }</option>
                { for EXAMPLES.iter().map(|example| html! {
                    <option value={example.id} selected={selected == example.id}>{ example.title }</option>
                }) }
            </select>
        </div>
    }
}
