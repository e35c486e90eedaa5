//! The corrected output: the diff (unified, side by side, or the whole corrected text) in ARIA
//! tabs, with "copy redacted", "copy with my values" and download. Each view scrolls inside a
//! labelled region that takes keyboard focus, so it can be scrolled without a mouse (the panel
//! itself then needs no tab stop). Wide screens (at least [`WIDE_SCREEN_PX`] CSS pixels) open on
//! the side-by-side view, narrow ones on the unified diff.

use std::rc::Rc;

use podnet_core::diff::Diff;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::browser;
use crate::diff_view::{self, Pair, RowKind};
use crate::state::Analysis;

/// Props of [`OutputPanel`].
#[derive(Properties, PartialEq)]
pub struct OutputPanelProps {
    /// The last analysis (the report and what can restore the user's values).
    pub analysis: Option<Rc<Analysis>>,
}

const TABS: [(&str, &str); 3] = [
    ("unified", "Unified diff"),
    ("split", "Side by side"),
    ("corrected", "Corrected text"),
];

/// The viewport width from which the side-by-side view is the first tab shown.
pub const WIDE_SCREEN_PX: f64 = 1000.0;

/// The tab shown first for a viewport `width` CSS pixels wide: side by side when it has room.
pub fn default_tab(width: f64) -> usize {
    if width >= WIDE_SCREEN_PX {
        1
    } else {
        0
    }
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
    // The initializer runs once, on mount: later resizes keep the user's choice of tab.
    let tab = use_state(|| default_tab(viewport_width()));
    let status = use_state(String::new);
    let Some(analysis) = props.analysis.clone() else {
        return html! {};
    };
    let diff = analysis.report.diff.as_ref();
    let fixed = analysis.report.fixed.clone().unwrap_or_default();

    let copy = |with_values: bool| {
        let analysis = analysis.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = output_text(&analysis, with_values);
            let status = status.clone();
            yew::platform::spawn_local(async move {
                let what = if with_values {
                    "with your values"
                } else {
                    "redacted"
                };
                status.set(match browser::copy(&text).await {
                    Ok(()) => format!(
                        "Copied the corrected text, {what} ({} lines).",
                        text.lines().count()
                    ),
                    Err(_) => "The browser refused the clipboard; use Download instead.".into(),
                });
            });
        })
    };
    let download = {
        let analysis = analysis.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = output_text(&analysis, false);
            status.set(match browser::download(download_name(&analysis), &text) {
                Ok(()) => "Downloaded the corrected text (redacted).".into(),
                Err(_) => "The download failed.".into(),
            });
        })
    };
    let tab_buttons = TABS.iter().enumerate().map(|(i, (id, label))| {
        let selected = *tab == i;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(i))
        };
        let onkeydown = {
            let tab = tab.clone();
            Callback::from(move |event: KeyboardEvent| {
                let next = match event.key().as_str() {
                    "ArrowRight" => (i + 1) % TABS.len(),
                    "ArrowLeft" => (i + TABS.len() - 1) % TABS.len(),
                    "Home" => 0,
                    "End" => TABS.len() - 1,
                    _ => return,
                };
                event.prevent_default();
                tab.set(next);
                focus_tab(TABS[next].0);
            })
        };
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} aria-controls={format!("panel-{id}")}
                aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                {onclick} {onkeydown}>{ *label }</button>
        }
    });
    let (id, _) = TABS[*tab];
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
                <button type="button" class="copy-redacted" onclick={copy(false)}>{ "Copy redacted" }</button>
                <button type="button" class="copy-mine" onclick={copy(true)}>{ "Copy with my values" }</button>
                <button type="button" class="download" onclick={download}>{ "Download" }</button>
            </div>
            <p class="copy-status" role="status">{ (*status).clone() }</p>
            { views }
        </section>
    }
}

fn output_text(analysis: &Analysis, with_values: bool) -> String {
    let report = &analysis.report;
    let text = report.fixed.as_deref().unwrap_or(&report.text);
    if with_values {
        analysis.redacted.restore(text)
    } else {
        text.to_string()
    }
}

fn download_name(analysis: &Analysis) -> &'static str {
    match analysis.report.documents.first().map(|d| d.kind.name()) {
        Some("flannel-net-conf") => "net-conf.fixed.json",
        Some("flannel-cni-conf") => "cni-conf.fixed.json",
        Some("az-aks-command") => "az-aks.fixed.sh",
        Some("flannel-subnet-env") => "subnet.fixed.env",
        _ => "kube-flannel.fixed.yml",
    }
}

fn focus_tab(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{id}")));
    if let Some(element) = element {
        use wasm_bindgen::JsCast;
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

fn row_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Added => "add",
        RowKind::Deleted => "del",
        RowKind::Hunk => "hunk",
        RowKind::Header | RowKind::Context | RowKind::NoNewline => "ctx",
    }
}

fn unified(diff: &Diff) -> Html {
    html! {
        <pre class="diff-text" role="region" aria-label="Unified diff" tabindex="0">
            { for diff_view::rows(diff).into_iter().map(|row| html! {
                <span class={classes!("diff-line", row_class(row.kind))}>{ row.kind.marker() }{ row.text }{ "\n" }</span>
            }) }
        </pre>
    }
}

/// The diff as two columns: removed lines left, added lines right, context on both, each line
/// with its number in its own text.
fn side_by_side(diff: &Diff) -> Html {
    let cell = |line: Option<(usize, &str)>, pair: &Pair<'_>, side: &'static str| {
        let class = match (&pair.hunk, pair.changed, line) {
            (Some(_), _, _) => "hunk",
            (None, true, Some(_)) => side,
            (None, true, None) => "blank",
            _ => "ctx",
        };
        let number = line.map(|(n, _)| n.to_string()).unwrap_or_default();
        let text = pair
            .hunk
            .as_deref()
            .or(line.map(|(_, text)| text))
            .unwrap_or_default();
        html! {
            <td class={classes!("split-cell", class)}>
                <span class="line-number" aria-hidden="true">{ number }</span>{ text }
            </td>
        }
    };
    html! {
        <div class="split-wrap" role="region" aria-label="Side-by-side diff" tabindex="0">
            <table class="split-diff">
                <thead><tr><th scope="col">{ "Before" }</th><th scope="col">{ "After" }</th></tr></thead>
                <tbody>
                    { for diff_view::pairs(diff).iter().map(|pair| html! {
                        <tr>{ cell(pair.left, pair, "del") }{ cell(pair.right, pair, "add") }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_open_on_the_side_by_side_view_and_narrow_ones_on_the_unified_diff() {
        assert_eq!(TABS[default_tab(1280.0)].0, "split");
        assert_eq!(TABS[default_tab(1000.0)].0, "split");
        assert_eq!(TABS[default_tab(999.0)].0, "unified");
        assert_eq!(TABS[default_tab(375.0)].0, "unified");
        assert_eq!(TABS[default_tab(0.0)].0, "unified");
    }
}
