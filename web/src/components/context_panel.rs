//! The context fields: what the text does not say (platform, MTU, node target, ranges, ...).
//! Every field is a labelled control; values go through `Context::set` like CLI flags do.
//! The form is a disclosure, folded until it holds a value or a finding asks for one (then it
//! opens by itself; following the finding's request focuses the field). A field the paste
//! already answers shows that value, as coming from the paste.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::context_fields::{control, field_id, selects, Control};
use crate::findings_view::asks_for;
use crate::shared::Shared;
use crate::state::{page_keys, Analysis, ContextInput};

/// Props of [`context_panel`].
pub struct ContextPanelProps {
    /// The fields as typed.
    pub context: ContextInput,
    /// A problem with a field, shown under the fields.
    pub error: Option<AttrValue>,
    /// Called with (key, new value).
    pub on_change: Callback<(&'static str, String)>,
    /// The last analysis: what the paste states, and whether a finding asks for a value.
    pub analysis: Option<Shared<Analysis>>,
}

/// The id of the form, which a finding's request opens (`App` does, as an effect).
pub const CONTEXT_PANEL_ID: &str = "context-panel";

/// Labelled context controls. A function, not a component: it has no state of its own.
pub fn context_panel(props: &ContextPanelProps) -> Html {
    let analysis = props.analysis.as_deref();
    let asked = analysis
        .map(|analysis| &*analysis.report)
        .is_some_and(|report| report.findings.iter().any(|f| asks_for(f).is_some()));
    let given = page_keys().any(|key| props.context.field(key.name).is_some_and(|v| !v.is_empty()));
    let invalid = props.error.is_some().to_string();
    let fields = page_keys().map(|declared| {
        let (key, label) = (declared.name, declared.label);
        let id = field_id(key);
        let value = props.context.field(key).cloned().unwrap_or_default();
        let pasted = analysis.and_then(|analysis| analysis.pasted(key));
        let note = pasted.as_ref().filter(|_| value.is_empty()).map(|pasted| html! {
            <span class="from-paste">{ format!("{} from the paste: {}", pasted.value, pasted.source) }</span>
        });
        let on_change = props.on_change.clone();
        // Number and text fields share one handler (one copy of its code).
        let oninput = {
            let on_change = on_change.clone();
            Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                on_change.emit((key, input.value()));
            })
        };
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
                let placeholder = pasted.as_ref().map_or(placeholder.to_string(), |p| p.value.clone());
                html! {
                    <input id={id.clone()} type="number" {min} inputmode="numeric" {placeholder}
                        value={value} {oninput} aria-invalid={invalid.clone()} aria-describedby="context-error" />
                }
            }
            Control::Text { placeholder } => {
                let placeholder = pasted.as_ref().map_or(placeholder, |p| p.value.clone());
                html! {
                    <input id={id.clone()} type="text" {placeholder} spellcheck="false" autocomplete="off"
                        value={value} {oninput} aria-invalid={invalid.clone()} aria-describedby="context-error" />
                }
            }
        };
        html! {
            <div class={format!("field field-{key}")}>
                <label for={id}>{ label }</label>
                { input }
                { for note }
            </div>
        }
    });
    html! {
        <details id={CONTEXT_PANEL_ID} class="context-panel" open={asked || given || props.error.is_some()}>
            <summary>{ "Context" }</summary>
            <p class="hint">{ "What the config does not say. Kept in the page address, so a reload or a link keeps it." }</p>
            <div class="context-grid">{ for fields }</div>
            <p id="context-error" class="context-error" role="alert">{ props.error.clone().unwrap_or_default() }</p>
        </details>
    }
}
