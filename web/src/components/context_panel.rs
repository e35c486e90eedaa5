//! The context fields: what the text does not say (platform, MTU, node target, ranges, ...).
//! Every field is a labelled control; values go through `Context::set` like CLI flags do.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::context_fields::{control, field_id, selects, Control};
use crate::state::{page_keys, ContextInput};

/// Props of [`ContextPanel`].
#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    /// The fields as typed.
    pub context: ContextInput,
    /// A problem with a field, shown under the fields.
    pub error: Option<AttrValue>,
    /// Called with (key, new value).
    pub on_change: Callback<(&'static str, String)>,
}

/// Labelled context controls.
#[function_component(ContextPanel)]
pub fn context_panel(props: &ContextPanelProps) -> Html {
    let invalid = props.error.is_some().to_string();
    let fields = page_keys().map(|declared| {
        let (key, label) = (declared.name, declared.label);
        let id = field_id(key);
        let value = props.context.field(key).cloned().unwrap_or_default();
        let on_change = props.on_change.clone();
        let input = match control(declared) {
            Control::Choice(options) => {
                let onchange = Callback::from(move |event: Event| {
                    let select: HtmlSelectElement = event.target_unchecked_into();
                    on_change.emit((key, select.value()));
                });
                html! {
                    <select id={id.clone()} {onchange}>
                        { for options.iter().map(|(option, text)| html! {
                            <option value={*option} selected={selects(option, &value)}>{ *text }</option>
                        }) }
                    </select>
                }
            }
            Control::Number { min, placeholder } => {
                let min = min.to_string();
                let oninput = Callback::from(move |event: InputEvent| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    on_change.emit((key, input.value()));
                });
                html! {
                    <input id={id.clone()} type="number" {min} inputmode="numeric" {placeholder}
                        value={value} {oninput} aria-invalid={invalid.clone()} aria-describedby="context-error" />
                }
            }
            Control::Text { placeholder } => {
                let oninput = Callback::from(move |event: InputEvent| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    on_change.emit((key, input.value()));
                });
                html! {
                    <input id={id.clone()} type="text" {placeholder} spellcheck="false" autocomplete="off"
                        value={value} {oninput} aria-invalid={invalid.clone()} aria-describedby="context-error" />
                }
            }
        };
        html! {
            <div class={classes!("field", format!("field-{key}"))}>
                <label for={id}>{ label }</label>
                { input }
            </div>
        }
    });
    html! {
        <fieldset class="context-panel">
            <legend>{ "Context" }</legend>
            <p class="hint">{ "What the config does not say. Kept in the page address, so a reload or a link keeps it." }</p>
            <div class="context-grid">{ for fields }</div>
            <p id="context-error" class="context-error" role="alert">{ props.error.clone().unwrap_or_default() }</p>
        </fieldset>
    }
}
