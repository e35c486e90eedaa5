//! The context fields: what the text does not say (platform, MTU, node target, ranges, ...).
//! Every field is a labelled control; values go through `Context::set` like CLI flags do.
//! The form is a disclosure, folded until it holds a value or a finding asks for one (then it
//! opens by itself; following the finding's request focuses the field). A field the paste
//! already answers shows that value, as coming from the paste.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser;
use crate::context_fields::{control, field_id, selects, Control};
use crate::findings_view::asks_for;
use crate::shared::Shared;
use crate::state::{page_keys, Analysis, Ask, ContextInput};

/// Props of [`ContextPanel`].
#[derive(Properties, PartialEq)]
pub struct ContextPanelProps {
    /// The fields as typed.
    pub context: ContextInput,
    /// A problem with a field, shown under the fields.
    pub error: Option<AttrValue>,
    /// Called with (key, new value).
    pub on_change: Callback<(&'static str, String)>,
    /// The last analysis: what the paste states, and whether a finding asks for a value.
    pub analysis: Option<Shared<Analysis>>,
    /// The last request to fill a field, from a finding.
    pub ask: Ask,
}

/// Labelled context controls.
#[function_component(ContextPanel)]
pub fn context_panel(props: &ContextPanelProps) -> Html {
    let details = use_node_ref();
    {
        // Side effect: a finding's request opens the form and focuses the field it names.
        let details = details.clone();
        use_effect_with(props.ask, move |(key, _)| {
            if let Some(key) = key {
                if let Some(details) = details.cast::<web_sys::Element>() {
                    let _ = details.set_attribute("open", "");
                }
                browser::focus(&field_id(key));
            }
        });
    }
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
                let placeholder = pasted.as_ref().map_or(placeholder, |p| p.value.clone());
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
            <div class={format!("field field-{key}")}>
                <label for={id}>{ label }</label>
                { input }
                { for note }
            </div>
        }
    });
    html! {
        <details class="context-panel" ref={details} open={asked || given || props.error.is_some()}>
            <summary>{ "Context" }</summary>
            <p class="hint">{ "What the config does not say. Kept in the page address, so a reload or a link keeps it." }</p>
            <div class="context-grid">{ for fields }</div>
            <p id="context-error" class="context-error" role="alert">{ props.error.clone().unwrap_or_default() }</p>
        </details>
    }
}
