//! The editor: a textarea that wraps long lines, with a line-number gutter and each finding's
//! span underlined, both following the wrapped rows (the message of the finding under the
//! pointer on hover, and under the editor while the caret is in the span), open/drop one file or
//! several (read as one input), the detected document kinds as chips (with their file's name),
//! and the "show my values" switch.

use crate::shared::Shared;

use podnet_core::{Report, Span};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{
    DragEvent, HtmlElement, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent, ResizeObserver,
};
use yew::prelude::*;

use super::parts::on_click;
use crate::browser;
use crate::editor::{gutter_window, line_range_utf16, scroll_top_for_line, Layout};
use crate::state::{size_text, LIVE_LIMIT_BYTES, MAX_INPUT_BYTES};
use crate::underlines::{self, at_caret, at_char, Mark};

/// The editor's line height in pixels (matches `.editor` in style.css), for scrolling to a line.
const LINE_HEIGHT_PX: i32 = 20;

/// The editor's top padding in pixels (.5rem in style.css), for the line under the pointer.
const PADDING_PX: i32 = 8;

/// The editor's height in pixels until it is measured (28rem).
const DEFAULT_HEIGHT_PX: i32 = 448;

/// The characters of the probe that measures the editor's character width (`.probe` in the
/// underline layer).
const PROBE: &str = "0000000000";

/// Blank rows of text that give a line's block in the underline layer its height, more than
/// an editor shows at once.
const FILL: &str = concat!(
    " \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n",
    " \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n \n"
);

/// The editor's measures: scroll position, height, columns per row and a character's width.
type Metrics = (i32, i32, u32, f64);

/// Measures the editor: its scroll position and height, and from the probe in the underline
/// layer (which has the textarea's content width) the columns a row holds.
fn measure(area: &HtmlTextAreaElement, probe: &HtmlElement) -> Metrics {
    let width = probe.get_bounding_client_rect().width();
    let char_px = probe
        .first_element_child()
        .map_or(0.0, |chars| chars.get_bounding_client_rect().width())
        / PROBE.len() as f64;
    let cols = if char_px > 0.0 {
        (width / char_px + 0.001) as u32
    } else {
        0
    };
    (area.scroll_top(), area.client_height(), cols, char_px)
}

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
    /// The finding picked in the list, whose span the editor selects.
    #[prop_or_default]
    pub picked: Option<usize>,
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
    /// Called with (name, text) of each file when several are opened or dropped at once.
    #[prop_or_default]
    pub on_load_files: Callback<Vec<(String, String)>>,
    /// The names of the files the text was joined from, with their first lines.
    #[prop_or_default]
    pub files: Vec<(u32, String)>,
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
    let layer_ref = use_node_ref();
    let probe_ref = use_node_ref();
    let file_ref = use_node_ref();
    let dragging = use_state(|| false);
    // The editor's scroll position, height, columns and character width: the gutter and the
    // underlines draw the rows in view only.
    let scroll = use_state(|| -> Metrics { (0, DEFAULT_HEIGHT_PX, 0, 0.0) });
    // How the text wraps, and each finding's span while the editor shows the text the report is
    // about (with "show my values", or after an edit not yet analysed, the spans point
    // elsewhere). One memo (each is a copy of yew's hook code): the rows are counted again after
    // an analysis, a pass over the text.
    let editor = use_memo(
        (props.text.clone(), props.report.clone(), scroll.2),
        |(text, report, cols)| -> (Layout, Vec<Mark>) {
            let marks = match report.as_deref() {
                Some(report) if report.text == text.as_str() => {
                    let spans: Vec<Span> = report.findings.iter().map(|f| f.span).collect();
                    underlines::marks(text, &spans)
                }
                _ => Vec::new(),
            };
            (Layout::new(text, *cols), marks)
        },
    );
    let (layout, marks) = (&editor.0, &editor.1);
    // The finding the caret is in, described under the editor.
    let at = use_state(|| None::<usize>);

    {
        // Select the picked finding's span (or line) in the editor and scroll it into view.
        let area_ref = area_ref.clone();
        let scroll = scroll.clone();
        let editor = editor.clone();
        let at = at.clone();
        let probe_ref = probe_ref.clone();
        use_effect_with(
            (props.selection, props.picked),
            move |(selection, picked)| {
                // Once, when mounted (no columns measured yet): the editor is measured when it
                // gets its size and whenever that changes (the window, the resize handle),
                // never on an edit, as reading the layout of a large text is slow. (In this
                // effect rather than one of its own: each effect is a copy of yew's hook code.)
                if let (0, Some(area), Some(probe)) = (
                    scroll.2,
                    area_ref.cast::<HtmlTextAreaElement>(),
                    probe_ref.cast::<HtmlElement>(),
                ) {
                    let target = area.clone();
                    let scroll = scroll.clone();
                    let resized =
                        Closure::<dyn FnMut()>::new(move || scroll.set(measure(&area, &probe)));
                    if let Ok(observer) = ResizeObserver::new(resized.as_ref().unchecked_ref()) {
                        observer.observe(&target);
                        // Both live as long as the page.
                        core::mem::forget(observer);
                        resized.forget();
                    }
                }
                if let (Some((line, _)), Some(area)) =
                    (selection, area_ref.cast::<HtmlTextAreaElement>())
                {
                    let span = picked.and_then(|index| Some((index, editor.1.get(index)?.utf16)));
                    at.set(span.map(|(index, _)| index));
                    let (start, end) = match span {
                        Some((_, range)) => range,
                        None => line_range_utf16(&area.value(), *line),
                    };
                    let _ = area.focus();
                    let _ = area.set_selection_range(start, end);
                    area.set_scroll_top(scroll_top_for_line(&editor.0, *line, LINE_HEIGHT_PX));
                    let (_, _, cols, char_px) = *scroll;
                    scroll.set((area.scroll_top(), area.client_height(), cols, char_px));
                }
            },
        );
    }
    let gutter = gutter_window(
        layout,
        scroll.0,
        scroll.1,
        LINE_HEIGHT_PX,
        props.selection.map(|(line, _)| line as usize),
    );
    {
        // The gutter and the underlines scroll by the part of their first row that the editor
        // has scrolled past. Only when that changes: setting a scroll position makes the
        // browser lay out the page at once, and a large text makes that layout slow.
        let gutter_ref = gutter_ref.clone();
        let layer_ref = layer_ref.clone();
        use_effect_with(gutter.offset_px, move |offset| {
            for element in [gutter_ref, layer_ref] {
                if let Some(element) = element.cast::<HtmlElement>() {
                    element.set_scroll_top(*offset);
                }
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
        let onclick = on_click(&props.on_analyse, ());
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
            let (_, _, cols, char_px) = *scroll;
            scroll.set((area.scroll_top(), area.client_height(), cols, char_px));
        })
    };
    // The message of the finding under the pointer's character, as the editor's title.
    let report = props.report.clone();
    let onmousemove = {
        let editor = editor.clone();
        let report = report.clone();
        let text = props.text.clone();
        let (scroll_top, _, _, char_px) = *scroll;
        Callback::from(move |event: MouseEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let y = event.offset_y() - PADDING_PX + scroll_top;
            let x = f64::from(event.offset_x() - PADDING_PX);
            let at = (y >= 0 && x >= 0.0 && char_px > 0.0)
                .then(|| {
                    editor
                        .0
                        .char_at(&text, (y / LINE_HEIGHT_PX) as u32, (x / char_px) as u32)
                })
                .flatten()
                .and_then(|at| at_char(&editor.1, at));
            let title = report
                .as_deref()
                .zip(at)
                .map_or(String::new(), |(report, index)| message(report, index));
            if area.title() != title {
                area.set_title(&title);
            }
        })
    };
    // The finding the caret is in, after every move of the caret.
    let caret_moved = {
        let editor = editor.clone();
        let at = at.clone();
        move |area: HtmlTextAreaElement| {
            let caret = area.selection_start().ok().flatten().unwrap_or(0);
            let now = at_caret(&editor.1, caret);
            if *at != now {
                at.set(now);
            }
        }
    };
    let onkeyup = {
        let caret_moved = caret_moved.clone();
        Callback::from(move |event: KeyboardEvent| caret_moved(event.target_unchecked_into()))
    };
    // A click is the mouse's caret move (its handler type is one the page has anyway).
    let onmouseup =
        Callback::from(move |event: MouseEvent| caret_moved(event.target_unchecked_into()));
    // One block per line in view, as tall as its rows in view, each holding the underlines on
    // its line; the first drawn from its first row in view on.
    let first_row = (scroll.0.max(0) / LINE_HEIGHT_PX) as u32;
    let last_row = first_row + (scroll.1.max(0) / LINE_HEIGHT_PX) as u32 + 1;
    let (first, last) = (layout.line_of_row(first_row), layout.line_of_row(last_row));
    // The probe first (one list of children, not a node and a list: each shape is a copy of
    // yew's list code).
    let mut rows =
        vec![html! { <div ref={probe_ref.clone()} class="probe"><span>{ PROBE }</span></div> }];
    if let Some(report) = report.as_deref().filter(|_| !marks.is_empty()) {
        let from = layout.row_start(&props.text, first_row);
        let pieces =
            underlines::pieces(&props.text, marks, first as u32 + 1, last as u32 + 1, from);
        for index in first..=last {
            // As tall as the line's rows in view: a blank row of text each (the page's CSP
            // allows no inline style).
            let top = layout.row_starts[index].max(first_row);
            let end = layout.row_starts[index + 1].min(last_row + 1);
            let rows_in_view = (end.saturating_sub(top).max(1) as usize).min(FILL.len() / 2);
            let mut row = vec![html! { &FILL[..2 * rows_in_view] }];
            for piece in pieces
                .iter()
                .filter(|piece| piece.line as usize == index + 1)
            {
                let severity = report.findings[piece.mark].severity.as_str();
                row.push(html! {
                    <span class={format!("underline {severity}")}>{ piece.before }<u>{ piece.marked }</u></span>
                });
            }
            rows.push(html! { <div class="underline-row">{ row }</div> });
        }
    }
    let described = report
        .as_deref()
        .zip(*at)
        .filter(|_| !marks.is_empty())
        .map(|(report, index)| message(report, index));
    let load_files = {
        let on_load = props.on_load.clone();
        let on_load_files = props.on_load_files.clone();
        move |list: web_sys::FileList| {
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            let (on_load, on_load_files) = (on_load.clone(), on_load_files.clone());
            yew::platform::spawn_local(async move {
                let mut read = Vec::new();
                for file in &files {
                    if let Ok(text) = browser::read_file(file).await {
                        read.push((file.name(), text));
                    }
                }
                match read.len() {
                    0 => {}
                    1 => on_load.emit(read.remove(0).1),
                    _ => on_load_files.emit(read),
                }
            });
        }
    };
    let on_file = {
        let load_files = load_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                load_files(files);
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
            if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
                load_files(files);
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
                <input ref={file_ref} type="file" multiple=true class="file-input" hidden=true tabindex="-1" aria-hidden="true" onchange={on_file} />
                // Only once something was replaced: before that there is no value to show.
                if props.show_values || props.report.as_ref().is_some_and(|report| !report.redactions.is_empty()) {
                    <label class="switch">
                        <input id="show-values" type="checkbox" checked={props.show_values} onchange={on_toggle} />
                        { " Show my values" }
                    </label>
                }
                { document_chips(props.report.as_deref(), &props.files, &props.on_select) }
            </div>
            <div class={if *dragging { "editor dragging" } else { "editor" }} {ondragover} {ondragleave} {ondrop}>
                <pre ref={gutter_ref} class="gutter" aria-hidden="true">{ gutter.before }<mark class="line-mark">{ gutter.marked }</mark>{ gutter.after }</pre>
                <div class="editor-area">
                    <textarea ref={area_ref} id="config-input" class="config-input" spellcheck="false" autocomplete="off"
                        aria-describedby="editor-hint editor-finding"
                        placeholder={"Paste a config here, drop a file,\nor pick an example.\nNothing leaves this tab."}
                        value={props.text.clone()} {oninput} {onkeydown} {onscroll} {onmousemove} {onkeyup} onclick={onmouseup} />
                    <div ref={layer_ref} class="underlines" aria-hidden="true">
                        { rows }
                    </div>
                </div>
            </div>
            <p id="editor-finding" class="editor-finding" aria-live="polite">{ for described }</p>
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

/// A finding in words, for the editor's title and the line under it.
fn message(report: &Report, index: usize) -> String {
    report.findings.get(index).map_or(String::new(), |f| {
        format!(
            "Line {}: {} {}: {}",
            f.span.line,
            f.severity.as_str(),
            f.rule.as_str(),
            f.message
        )
    })
}

/// The detected document kinds, one chip each with its line (and its file's name and line when
/// several files were opened): a button that shows the document in the editor. A function, not a
/// component: it has no state of its own.
fn document_chips(
    report: Option<&Report>,
    files: &[(u32, String)],
    on_select: &Callback<u32>,
) -> Html {
    let Some(report) = report else {
        return html! {};
    };
    html! {
        <ul class="chips" aria-label="Detected documents">
            { for report.documents.iter().map(|document| {
                let line = document.span.line;
                let label = match crate::files::file_of(files, line) {
                    Some((name, in_file)) => format!("{} · {name} line {in_file}", document.kind.name()),
                    None => format!("{} · line {}", document.kind.name(), line),
                };
                html! {
                    <li><button type="button" class="chip" onclick={on_click(on_select, line)}>
                        { label }
                    </button></li>
                }
            }) }
        </ul>
    }
}
