//! "Copy share link": the redacted input and the context, deflated by the browser into the URL
//! fragment. The user's values never enter the link.

use yew::prelude::*;

use crate::browser;
use crate::state::{share_text, ContextInput};

/// Props of [`share_panel`].
pub struct SharePanelProps<'a> {
    /// The user's input (redacted here, before anything else happens to it).
    pub input: &'a str,
    /// The context: its redaction switches and its fragment go into the link.
    pub context: &'a ContextInput,
    /// The link made last (the page's state: this is a function, not a component, as a
    /// component costs the wasm its lifecycle code).
    pub link: UseStateHandle<String>,
    /// What the last click did.
    pub status: UseStateHandle<String>,
}

/// The share button (disabled while there is nothing to share) and, once made, the link itself,
/// shown under the button without moving the page.
pub fn share_panel(props: &SharePanelProps) -> Html {
    let (link, status) = (props.link.clone(), props.status.clone());
    let onclick = {
        let input = props.input.to_string();
        let context = props.context.clone();
        let link = link.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = share_text(&input, &context);
            let fragment = context.to_fragment();
            let link = link.clone();
            let status = status.clone();
            yew::platform::spawn_local(async move {
                match browser::share_link(&text, &fragment).await {
                    Ok(url) => {
                        let copied = browser::copy(&url).await.is_ok();
                        status.set(if copied {
                            format!(
                                "Link copied ({} characters). It holds the redacted text only.",
                                url.len()
                            )
                        } else {
                            "Link made (copy it from the box). It holds the redacted text only."
                                .into()
                        });
                        link.set(url);
                    }
                    Err(_) => status.set("This browser cannot compress the link.".into()),
                }
            });
        })
    };
    // Nothing to share: a link would carry an empty text (`#t=AwA`).
    let nothing = props.input.trim().is_empty();
    let title = if nothing {
        "Paste or open a config first: there is nothing to share yet."
    } else {
        "Copy a link to this view: the redacted text and the context, never your values."
    };
    // The result floats under the button (`.share-result` is out of the flow), so making a link
    // moves nothing on the page.
    let made = if status.is_empty() { "" } else { " made" };
    html! {
        <div class="share">
            <button type="button" class="share-button" disabled={nothing} {title} {onclick}>{ "Copy share link" }</button>
            <div class={format!("share-result{made}")}>
                <p class="share-status" role="status">{ (*status).clone() }</p>
                if !link.is_empty() {
                    <label class="visually-hidden" for="share-link">{ "Share link" }</label>
                    <input id="share-link" type="text" readonly=true value={(*link).clone()} />
                }
            </div>
        </div>
    }
}
