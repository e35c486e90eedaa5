//! The editor: a textarea with a line-number gutter, open/drop a file, the detected document
//! kinds as chips, and the "show my values" switch.

use std::rc::Rc;

use podnet_core::Report;
use web_sys::{DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser;
use crate::state::MAX_INPUT_BYTES;

/// The editor's line height in pixels (matches `.editor` in style.css), for scrolling to a line.
const LINE_HEIGHT_PX: i32 = 20;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the editor shows (redacted, or the user's values).
    pub text: AttrValue,
    /// The last report, for the document chips.
    pub report: Option<Rc<Report>>,
    /// Whether the editor shows the user's values.
    pub show_values: bool,
    /// The input's size when it is over the limit.
    pub too_large: Option<usize>,
    /// The line to highlight, with a counter that changes on every pick.
    pub selection: Option<(u32, u32)>,
    /// Called with the editor's text on every edit.
    pub on_input: Callback<String>,
    /// Called with the text of an opened or dropped file.
    pub on_load: Callback<String>,
    /// Called when "show my values" is switched.
    pub on_show_values: Callback<bool>,
}

/// The editor panel.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let area_ref = use_node_ref();
    let gutter_ref = use_node_ref();
    let file_ref = use_node_ref();
    let dragging = use_state(|| false);

    {
        // Select the picked line in the editor and scroll it into view.
        let area_ref = area_ref.clone();
        let gutter_ref = gutter_ref.clone();
        use_effect_with(props.selection, move |selection| {
            if let (Some((line, _)), Some(area)) =
                (selection, area_ref.cast::<HtmlTextAreaElement>())
            {
                let (start, end) = line_range_utf16(&area.value(), *line);
                let _ = area.focus();
                let _ = area.set_selection_range(start, end);
                let top = ((*line as i32 - 1) * LINE_HEIGHT_PX - 3 * LINE_HEIGHT_PX).max(0);
                area.set_scroll_top(top);
                if let Some(gutter) = gutter_ref.cast::<HtmlElement>() {
                    gutter.set_scroll_top(area.scroll_top());
                }
            }
        });
    }

    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        on_input.emit(area.value());
    });
    let onscroll = {
        let gutter_ref = gutter_ref.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(gutter) = gutter_ref.cast::<HtmlElement>() {
                gutter.set_scroll_top(area.scroll_top());
            }
        })
    };
    let load_file = {
        let on_load = props.on_load.clone();
        move |file: web_sys::File| {
            let on_load = on_load.clone();
            yew::platform::spawn_local(async move {
                if let Ok(text) = browser::read_file(&file).await {
                    on_load.emit(text);
                }
            });
        }
    };
    let on_file = {
        let load_file = load_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                load_file(file);
            }
            input.set_value("");
        })
    };
    let open_file = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                load_file(file);
            }
        })
    };
    let on_show = props.on_show_values.clone();
    let on_toggle = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_show.emit(input.checked());
    });

    let line_count = props.text.split('\n').count().max(1);
    let selected = props.selection.map(|(line, _)| line as usize);
    let gutter = gutter_text(line_count, selected);
    let too_large = props.too_large.map(|size| html! {
        <p class="input-too-large" role="alert">
            { format!("This input is {:.1} MB; podnet analyses up to {} MB in the page. Paste only the documents that matter (the kube-flannel ConfigMap, the az aks command).",
                size as f64 / 1_048_576.0, MAX_INPUT_BYTES / 1_048_576) }
        </p>
    });

    html! {
        <div class="field input-panel">
            <div class="input-head">
                <label for="config-input">{ "Config" }</label>
                <span class="hint">{ "net-conf.json, cni-conf.json, kube-flannel ConfigMap or manifest, subnet.env, az aks command" }</span>
            </div>
            <div class="toolbar">
                <button type="button" class="open-file" onclick={open_file}>{ "Open a file…" }</button>
                <input ref={file_ref} type="file" class="file-input" hidden=true tabindex="-1" aria-hidden="true" onchange={on_file} />
                <label class="switch">
                    <input id="show-values" type="checkbox" checked={props.show_values} onchange={on_toggle} />
                    { " Show my values" }
                </label>
                <DocumentChips report={props.report.clone()} />
            </div>
            <div class={classes!("editor", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
                <pre ref={gutter_ref} class="gutter" aria-hidden="true">{ gutter.0 }<mark class="line-mark">{ gutter.1 }</mark>{ gutter.2 }</pre>
                <textarea ref={area_ref} id="config-input" class="config-input" spellcheck="false" autocomplete="off"
                    wrap="off" aria-describedby="editor-hint"
                    placeholder="Paste a config here, drop a file, or pick an example. Nothing leaves this tab."
                    value={props.text.clone()} {oninput} {onscroll} />
            </div>
            <p id="editor-hint" class="hint">{ if props.show_values {
                "Showing your values. Copy redacted and share links still use placeholders."
            } else {
                "Secrets show as REDACTED_… placeholders; they stay in this tab's memory only."
            } }</p>
            { for too_large }
        </div>
    }
}

/// The detected document kinds, one chip each with its line.
#[derive(Properties, PartialEq)]
struct DocumentChipsProps {
    report: Option<Rc<Report>>,
}

#[function_component(DocumentChips)]
fn document_chips(props: &DocumentChipsProps) -> Html {
    let Some(report) = props.report.as_deref() else {
        return html! {};
    };
    html! {
        <ul class="chips" aria-label="Detected documents">
            { for report.documents.iter().map(|document| html! {
                <li class="chip">{ format!("{} · line {}", document.kind.name(), document.span.line) }</li>
            }) }
        </ul>
    }
}

/// The gutter as three texts: the numbers before the selected line, the selected line's number,
/// and the rest (so the selected number can be marked).
fn gutter_text(lines: usize, selected: Option<usize>) -> (String, String, String) {
    let mut parts = (String::new(), String::new(), String::new());
    for line in 1..=lines {
        let part = match selected {
            Some(s) if line == s => &mut parts.1,
            Some(s) if line > s => &mut parts.2,
            _ => &mut parts.0,
        };
        part.push_str(&line.to_string());
        part.push('\n');
    }
    parts
}

/// The UTF-16 offsets (what a textarea's selection uses) of line `line` (1-based) in `text`.
fn line_range_utf16(text: &str, line: u32) -> (u32, u32) {
    let mut offset = 0u32;
    for (index, content) in text.split('\n').enumerate() {
        let length = content.encode_utf16().count() as u32;
        if index + 1 == line as usize {
            return (offset, offset + length);
        }
        offset += length + 1;
    }
    (offset, offset)
}
