//! The editor: a textarea with a line-number gutter, open/drop a file, the detected document
//! kinds as chips, and the "show my values" switch.

use crate::shared::Shared;

use podnet_core::Report;
use web_sys::{DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::browser;
use crate::editor::{gutter_window, line_count, line_range_utf16, scroll_top_for_line};
use crate::state::{size_text, LIVE_LIMIT_BYTES, MAX_INPUT_BYTES};

/// The editor's line height in pixels (matches `.editor` in style.css), for scrolling to a line.
const LINE_HEIGHT_PX: i32 = 20;

/// The editor's height in pixels until its first scroll event says otherwise (28rem).
const DEFAULT_HEIGHT_PX: i32 = 448;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the editor shows (redacted, or the user's values).
    pub text: AttrValue,
    /// The last report, for the document chips and whether anything was redacted.
    pub report: Option<Shared<Report>>,
    /// Whether the editor shows the user's values.
    pub show_values: bool,
    /// The input's size when it is over the limit.
    pub too_large: Option<usize>,
    /// The line to highlight, with a counter that changes on every pick.
    pub selection: Option<(u32, u32)>,
    /// The input's size while edits wait for "Analyse" (over the live limit).
    #[prop_or_default]
    pub awaiting: Option<usize>,
    /// The input's size while its analysis runs (in the worker; large inputs only).
    #[prop_or_default]
    pub analysing: Option<usize>,
    /// Called with the editor's text on every edit made by typing.
    pub on_input: Callback<String>,
    /// Called with the editor's text after a paste or a drop of text.
    pub on_paste: Callback<String>,
    /// Called by "Analyse" and Ctrl+Enter.
    pub on_analyse: Callback<()>,
    /// Called with the text of an opened or dropped file.
    pub on_load: Callback<String>,
    /// Called with a line number when the user picks a document to see it in the editor.
    pub on_select: Callback<u32>,
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
    // The editor's scroll position and height: the gutter draws the numbers of that window only.
    let scroll = use_state(|| (0, DEFAULT_HEIGHT_PX));
    let line_count = *use_memo(props.text.clone(), |text| line_count(text));

    {
        // Select the picked line in the editor and scroll it into view.
        let area_ref = area_ref.clone();
        let scroll = scroll.clone();
        use_effect_with(props.selection, move |selection| {
            if let (Some((line, _)), Some(area)) =
                (selection, area_ref.cast::<HtmlTextAreaElement>())
            {
                let (start, end) = line_range_utf16(&area.value(), *line);
                let _ = area.focus();
                let _ = area.set_selection_range(start, end);
                area.set_scroll_top(scroll_top_for_line(*line, LINE_HEIGHT_PX));
                scroll.set((area.scroll_top(), area.client_height()));
            }
        });
    }
    let gutter = gutter_window(
        line_count,
        scroll.0,
        scroll.1,
        LINE_HEIGHT_PX,
        props.selection.map(|(line, _)| line as usize),
    );
    {
        // The gutter scrolls by the part of its first line that the editor has scrolled past.
        // Only when that changes: setting a scroll position makes the browser lay out the page
        // at once, and a large text makes that layout slow.
        let gutter_ref = gutter_ref.clone();
        use_effect_with(gutter.offset_px, move |offset| {
            if let Some(gutter) = gutter_ref.cast::<HtmlElement>() {
                gutter.set_scroll_top(*offset);
            }
        });
    }

    let on_input = props.on_input.clone();
    let on_paste = props.on_paste.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        // A paste is one deliberate change: analysed whatever its size. Typing is not.
        let kind = event.input_type();
        if kind == "insertFromPaste" || kind == "insertFromDrop" {
            on_paste.emit(area.value());
        } else {
            on_input.emit(area.value());
        }
    });
    let onkeydown = {
        let on_analyse = props.on_analyse.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                on_analyse.emit(());
            }
        })
    };
    let awaiting = props.awaiting.map(|size| {
        let on_analyse = props.on_analyse.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_analyse.emit(()));
        html! {
            <p class="analyse-wait">
                { format!("This input is {}. Above {} KB podnet analyses when you ask, so typing stays quick; the results show the text as it was before your last edits. ",
                    size_text(size), LIVE_LIMIT_BYTES / 1024) }
                <button type="button" class="analyse-now" {onclick}>{ "Analyse (Ctrl+Enter)" }</button>
            </p>
        }
    });
    let analysing = props.analysing.map(|size| {
        html! {
            <p class="analysing">{ format!("Analysing {}…", size_text(size)) }</p>
        }
    });
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            scroll.set((area.scroll_top(), area.client_height()));
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

    let too_large = props.too_large.map(|size| html! {
        <p class="input-too-large" role="alert">
            { format!("This input is {}; podnet analyses up to {} MB in the page. Paste only the documents that matter (the kube-flannel ConfigMap, the az aks command).",
                size_text(size), MAX_INPUT_BYTES / 1_048_576) }
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
                // Only once something was replaced: before that there is no value to show.
                if props.show_values || props.report.as_ref().is_some_and(|report| !report.redactions.is_empty()) {
                    <label class="switch">
                        <input id="show-values" type="checkbox" checked={props.show_values} onchange={on_toggle} />
                        { " Show my values" }
                    </label>
                }
                <DocumentChips report={props.report.clone()} on_select={props.on_select.clone()} />
            </div>
            <div class={if *dragging { "editor dragging" } else { "editor" }} {ondragover} {ondragleave} {ondrop}>
                <pre ref={gutter_ref} class="gutter" aria-hidden="true">{ gutter.before }<mark class="line-mark">{ gutter.marked }</mark>{ gutter.after }</pre>
                <textarea ref={area_ref} id="config-input" class="config-input" spellcheck="false" autocomplete="off"
                    wrap="off" aria-describedby="editor-hint"
                    placeholder="Paste a config here, drop a file, or pick an example. Nothing leaves this tab."
                    value={props.text.clone()} {oninput} {onkeydown} {onscroll} />
            </div>
            // Always in the page (a live region must exist before its text changes), and a fixed
            // element keeps the editor before it from being rebuilt when the message comes and goes.
            <div class="analyse-status" role="status">{ for awaiting }{ for analysing }</div>
            <p id="editor-hint" class="hint">{ if props.show_values {
                "Showing your values. Copy redacted and share links still use placeholders."
            } else {
                "Secrets show as REDACTED_… placeholders; they stay in this tab's memory only."
            } }</p>
            <p class="hint limits">{ format!(
                "Results follow your typing up to {} KB; a larger text is analysed when pasted or opened, and on Analyse (Ctrl+Enter), up to {} MB.",
                LIVE_LIMIT_BYTES / 1024, MAX_INPUT_BYTES / 1_048_576) }</p>
            { for too_large }
        </div>
    }
}

/// The detected document kinds, one chip each with its line: a button that shows the document
/// in the editor.
#[derive(Properties, PartialEq)]
struct DocumentChipsProps {
    report: Option<Shared<Report>>,
    on_select: Callback<u32>,
}

#[function_component(DocumentChips)]
fn document_chips(props: &DocumentChipsProps) -> Html {
    let Some(report) = props.report.as_deref() else {
        return html! {};
    };
    html! {
        <ul class="chips" aria-label="Detected documents">
            { for report.documents.iter().map(|document| {
                let line = document.span.line;
                let on_select = props.on_select.clone();
                html! {
                    <li><button type="button" class="chip" onclick={Callback::from(move |_: MouseEvent| on_select.emit(line))}>
                        { format!("{} · line {}", document.kind.name(), line) }
                    </button></li>
                }
            }) }
        </ul>
    }
}
