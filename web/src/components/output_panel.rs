//! The corrected output: the diff (unified, side by side, or the whole corrected text) in ARIA
//! tabs, with "copy redacted", "copy with my values", download, "copy report" (Markdown, from
//! `podnet_core::markdown`) and "copy for an AI chat" (the redacted config before it). Each view scrolls inside a
//! labelled region that takes keyboard focus, so it can be scrolled without a mouse (the panel
//! itself then needs no tab stop). Wide screens open on the side-by-side view, narrow ones on the
//! unified diff ([`crate::output_tabs`]).

use crate::shared::Shared;

use podnet_core::diff::Diff;
use podnet_core::markdown;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::browser;
use crate::diff_view::{self, Pair, Side};
use crate::download;
use crate::findings_view::has_output;
use crate::output_tabs::{default_tab, tab_after_key, TABS};
use crate::state::Analysis;

/// Props of [`OutputPanel`].
#[derive(Properties, PartialEq)]
pub struct OutputPanelProps {
    /// The last analysis (the report and what can restore the user's values).
    pub analysis: Option<Shared<Analysis>>,
    /// Applies every fix to the editor's text.
    pub on_apply_all: Callback<()>,
    /// Puts back the text before the last applied fix.
    pub on_undo: Callback<()>,
    /// True when there is an applied fix to undo.
    pub can_undo: bool,
}

/// The viewport width, read once when the panel mounts (0 when there is no window).
fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|window| window.inner_width().ok())
        .and_then(|width| width.as_f64())
        .unwrap_or(0.0)
}

/// The corrected-output panel; without a fix, just the copy and download actions.
#[function_component(OutputPanel)]
pub fn output_panel(props: &OutputPanelProps) -> Html {
    // The initializer runs once, on mount: later resizes keep the user's choice of tab. An
    // `Option` (always `Some`), the type of the editor's state: one copy of yew's state code.
    let tab = use_state(|| Some(default_tab(viewport_width())));
    let current = tab.unwrap_or_default();
    let status = use_state(String::new);
    let Some(analysis) = props.analysis.clone() else {
        return html! {};
    };
    if !has_output(&analysis.report) {
        return html! {};
    }
    let diff = analysis.report.diff.as_ref();
    let fixed = analysis.report.fixed.clone().unwrap_or_default();

    // What each copy button copies: the corrected text redacted (0) or with the user's values
    // (1), the report as Markdown (2), the prompt for an AI chat (3).
    let copy = |what: u8| {
        let analysis = analysis.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let report = &analysis.report;
            let text = match what {
                2 => markdown::report(report),
                3 => markdown::chat_prompt(report),
                _ => analysis.output_text(what == 1),
            };
            let status = status.clone();
            yew::platform::spawn_local(async move {
                status.set(match (browser::copy(&text).await, what) {
                    (Err(_), _) => {
                        "The browser refused the clipboard; use Download instead.".into()
                    }
                    (_, 2) => "Copied the report as Markdown (secrets redacted).".into(),
                    (_, 3) => "Copied the prompt: paste it into the chat you use.".into(),
                    (_, what) => format!(
                        "Copied the corrected text, {} ({} lines).",
                        if what == 1 {
                            "with your values"
                        } else {
                            "redacted"
                        },
                        text.lines().count()
                    ),
                });
            });
        })
    };
    let download = {
        let analysis = analysis.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let file = download::download(&analysis.report);
            status.set(match browser::download(file.name, &file.text) {
                Ok(()) => download::status(&file),
                Err(_) => "The download failed.".into(),
            });
        })
    };
    let download_label = if download::download(&analysis.report).alone {
        "Download the changed document"
    } else {
        "Download"
    };
    let tab_buttons = TABS.iter().enumerate().map(|(i, (id, label))| {
        let selected = current == i;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(Some(i)))
        };
        let onkeydown = {
            let tab = tab.clone();
            Callback::from(move |event: KeyboardEvent| {
                let Some(next) = tab_after_key(i, &event.key()) else {
                    return;
                };
                event.prevent_default();
                tab.set(Some(next));
                browser::focus(&format!("tab-{}", TABS[next].0));
            })
        };
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} aria-controls={format!("panel-{id}")}
                aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                {onclick} {onkeydown}>{ *label }</button>
        }
    });
    let (id, _) = TABS[current];
    let views = match diff {
        Some(diff) => {
            let body = match id {
                "unified" => unified(diff),
                "split" => side_by_side(diff),
                _ => {
                    html! { <pre class="corrected-text" role="region" aria-label="Corrected text" tabindex="0">{ fixed }</pre> }
                }
            };
            html! {
                <>
                    { changes_list(diff) }
                    <div role="tablist" aria-label="Corrected output views" class="tabs">{ for tab_buttons }</div>
                    <div role="tabpanel" id={format!("panel-{id}")} aria-labelledby={format!("tab-{id}")} class="tab-panel">
                        { body }
                    </div>
                </>
            }
        }
        None => html! {
            <p class="no-fix">{ "No fix to apply. Copy and download give the text as analysed (redacted, or with your values)." }</p>
        },
    };
    html! {
        <section class="output" aria-labelledby="output-title">
            <h2 id="output-title">{ "Corrected config" }</h2>
            <div class="actions">
                if diff.is_some() {
                    <button type="button" class="apply-all" onclick={props.on_apply_all.reform(|_| ())}>{ "Apply all fixes" }</button>
                }
                if props.can_undo {
                    <button type="button" class="undo-fix" onclick={props.on_undo.reform(|_| ())}>{ "Undo" }</button>
                }
                <button type="button" class="copy-redacted" onclick={copy(0)}>{ "Copy redacted" }</button>
                <button type="button" class="copy-mine" onclick={copy(1)}>{ "Copy with my values" }</button>
                <button type="button" class="download" onclick={download}>{ download_label }</button>
                <button type="button" class="copy-markdown" onclick={copy(2)}>{ "Copy report" }</button>
                <button type="button" class="copy-prompt" aria-describedby="prompt-note" onclick={copy(3)}>{ "Copy for an AI chat" }</button>
            </div>
            <p id="prompt-note" class="hint">{ "The report is Markdown for a ticket; the AI prompt adds the redacted config. podnet holds no key and sends nothing: you paste it." }</p>
            <p class="copy-status" role="status">{ (*status).clone() }</p>
            { views }
        </section>
    }
}

/// The changes inside long lines (a one-line command), listed before the diff.
fn changes_list(diff: &Diff) -> Html {
    let changes = diff_view::changes(diff);
    if changes.is_empty() {
        return html! {};
    }
    let code = |text: &str| match text {
        "" => html! { <em>{ "nothing" }</em> },
        text => html! { <code>{ text.to_string() }</code> },
    };
    html! {
        <div class="line-changes">
            <h3>{ "What changes" }</h3>
            <ul>
                { for changes.iter().map(|change| html! {
                    <li>{ code(&change.before) }{ " → " }{ code(&change.after) }</li>
                }) }
            </ul>
        </div>
    }
}

/// A line's text with its changed words marked.
fn marked(text: &str, marks: &[std::ops::Range<usize>], kind: &'static str) -> Html {
    html! {
        { for diff_view::pieces(text, marks).into_iter().map(|(piece, changed)| if changed {
            html! { <mark class={format!("word {kind}")}>{ piece.to_string() }</mark> }
        } else {
            html! { { piece.to_string() } }
        }) }
    }
}

fn unified(diff: &Diff) -> Html {
    let number = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    html! {
        <pre class="diff-text" role="region" aria-label="Unified diff" tabindex="0">
            { for diff_view::rows(diff).into_iter().map(|row| html! {
                <span class={format!("diff-line {}", row.kind.class())}>
                    <span class="line-number" aria-hidden="true">{ number(row.old) }</span>
                    <span class="line-number" aria-hidden="true">{ number(row.new) }</span>
                    <span class="line-text">{ row.kind.marker() }{ marked(&row.text, &row.marks, row.kind.class()) }</span>{ "\n" }
                </span>
            }) }
        </pre>
    }
}

/// The diff as two columns: removed lines left, added lines right, context on both, each line
/// with its number in its own text.
fn side_by_side(diff: &Diff) -> Html {
    let cell = |pair: &Pair<'_>, side: Side| {
        let class = pair.class(side);
        html! {
            <td class={format!("split-cell {class}")}>
                <div class="cell-line">
                    <span class="line-number" aria-hidden="true">{ pair.number(side) }</span>
                    <span class="line-text">{ marked(pair.text(side), pair.marks(side), class) }</span>
                </div>
            </td>
        }
    };
    html! {
        <div class="split-wrap" role="region" aria-label="Side-by-side diff" tabindex="0">
            <table class="split-diff">
                <thead><tr><th scope="col">{ "Before" }</th><th scope="col">{ "After" }</th></tr></thead>
                <tbody>
                    { for diff_view::pairs(diff).iter().map(|pair| html! {
                        <tr>{ cell(pair, Side::Before) }{ cell(pair, Side::After) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
