//! What redaction replaced: counts by kind, every occurrence with its line, the values kept
//! because they look like placeholders, and switches for the identifier kinds the user may
//! choose to keep visible.

use super::parts::on_click;
use crate::redaction_view::{kept_placeholders, replaced_summary};
use crate::shared::Shared;
use std::collections::BTreeMap;

use podnet_core::redact::{kind, Tier};
use podnet_core::Report;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`redaction_panel`].
#[derive(Properties, PartialEq)]
pub struct RedactionPanelProps {
    /// The last report, if any.
    pub report: Option<Shared<Report>>,
    /// The identifier kinds kept visible.
    pub keep: Vec<String>,
    /// Called with (kind, keep visible).
    pub on_keep: Callback<(String, bool)>,
    /// Called with a line to highlight.
    pub on_select: Callback<u32>,
}

/// The redaction panel.
pub fn redaction_panel(props: &RedactionPanelProps) -> Html {
    let redactions = props
        .report
        .as_deref()
        .map(|r| r.redactions.as_slice())
        .unwrap_or_default();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for redaction in redactions {
        *counts.entry(redaction.kind).or_default() += 1;
    }
    let summary = replaced_summary(redactions.len());
    let kept = props
        .report
        .as_deref()
        .map(kept_placeholders)
        .unwrap_or_default();
    let switches = kind::ALL.iter().filter(|k| k.tier == Tier::Identifier).map(|k| {
        let kept = props.keep.iter().any(|name| name == k.name);
        let on_keep = props.on_keep.clone();
        let name = k.name.to_string();
        let onchange = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_keep.emit((name.clone(), !input.checked()));
        });
        html! {
            <li>
                <label title={k.description}>
                    <input type="checkbox" class="redact-kind" value={k.name} checked={!kept} {onchange} />
                    { format!(" {}", k.name) }
                </label>
            </li>
        }
    });
    html! {
        <section class="redactions" aria-labelledby="redactions-title">
            <h2 id="redactions-title">{ "Redaction" }</h2>
            <p class="summary">{ summary }</p>
            if !counts.is_empty() {
                <ul class="redaction-counts" role="list" aria-label="Redactions by kind">
                    { for counts.iter().map(|(kind, count)| html! {
                        <li><code>{ *kind }</code>{ format!(" × {count}") }</li>
                    }) }
                </ul>
                <ul class="redaction-list" role="list" aria-label="Redacted values">
                    { for redactions.iter().map(|redaction| {
                        let line = redaction.span.line;
                        html! {
                            <li class="redaction">
                                <button type="button" class="goto-line" onclick={on_click(&props.on_select, line)}>
                                    { format!("line {}", line) }
                                </button>
                                { " " }<code>{ &redaction.placeholder }</code>
                                { format!(" {} ({} characters)", redaction.kind, redaction.length) }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !kept.is_empty() {
                <p class="hint">{ "Left as written, because they look like placeholders rather than secrets:" }</p>
                <ul class="kept-placeholders" role="list" aria-label="Values kept as placeholders">
                    { for kept.iter().map(|placeholder| {
                        let line = placeholder.line;
                        html! {
                            <li>
                                <button type="button" class="goto-line" onclick={on_click(&props.on_select, line)}>
                                    { format!("line {}", line) }
                                </button>
                                { " " }<code>{ &placeholder.text }</code>
                            </li>
                        }
                    }) }
                </ul>
            }
            <details class="redaction-switches">
                <summary>{ "Identifiers to redact" }</summary>
                <p class="hint">{ "Secrets are always redacted. These identifiers can be left visible; the choice is kept in the page address." }</p>
                <ul role="list">{ for switches }</ul>
            </details>
        </section>
    }
}
