//! The unified diff of the corrected config, one styled line per diff line.

use yew::prelude::*;

/// Props of [`DiffView`].
#[derive(Properties, PartialEq)]
pub struct DiffViewProps {
    /// The unified diff, when there is a fix.
    pub diff: Option<AttrValue>,
}

/// The diff, or nothing when there is no fix.
#[function_component(DiffView)]
pub fn diff_view(props: &DiffViewProps) -> Html {
    let Some(diff) = props.diff.as_ref() else {
        return html! {};
    };
    html! {
        <div class="diff">
            <h2>{ "Corrected config" }</h2>
            <pre class="diff-text" aria-label="Unified diff">
                { for diff.lines().map(|line| {
                    let class = match line.chars().next() {
                        Some('+') if !line.starts_with("+++") => "add",
                        Some('-') if !line.starts_with("---") => "del",
                        Some('@') => "hunk",
                        _ => "ctx",
                    };
                    html! { <span class={classes!("diff-line", class)}>{ line }{ "\n" }</span> }
                }) }
            </pre>
        </div>
    }
}
