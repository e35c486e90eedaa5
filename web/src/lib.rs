//! podnet-web: the page. A Yew (CSR) front end over `podnet-core`; nothing leaves the tab.
//!
//! `state` holds the page state and its pure `update` function (and the copy and share texts)
//! and does not import yew, so it is tested natively; `analysis` is one analysis as the page
//! keeps it and the function that makes it, which the page's Web Worker runs (`worker`, wasm
//! only) and sends back as bytes (`wire`). These are tested natively, as are the other pure modules the
//! components draw from: `diff_view` (the core's diff hunks as rows for the two diff views,
//! with `word_diff` marking the changed words),
//! `output_tabs` (the output views and keyboard moves between them), `findings_view` (the
//! severity groups and the count line), `rich_text` (messages split into prose and code),
//! `context_fields` (each context field's control and id), `redaction_view` (the values kept
//! because they look like placeholders), `fragment` (the URL fragment and
//! share-link text codec), `underlines` (each finding's span in the editor: its lines, its
//! UTF-16 range, the finding at the caret, the pieces the underline layer draws),
//! `address_space` and `node_bar` (the geometry of the address-space and capacity pictures),
//! `pictures` (the packet picture's) and `editor`
//! (the gutter's window of line numbers, a line's UTF-16 range), `files` (several opened files
//! joined as one input, and which file a line came from). `app` wires the state to a
//! reducer; `components` render it and receive callbacks only, with no logic of their own that a
//! pure module could hold; `browser` wraps the few browser APIs the page uses (clipboard,
//! download, location, compression streams).

pub mod address_space;
pub mod analysis;
pub mod append;
pub mod context_fields;
pub mod diff_view;
pub mod download;
pub mod editor;
pub mod examples;
pub mod files;
pub mod findings_view;
pub mod fragment;
pub mod from_paste;
pub mod node_bar;
pub mod output_tabs;
pub mod pictures;
pub mod redaction_view;
pub mod rich_text;
pub mod shared;
pub mod state;
pub mod underlines;
pub mod wire;
pub mod word_diff;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod worker;

/// Mounts the app into `root`.
#[cfg(target_arch = "wasm32")]
pub fn mount(root: web_sys::Element) -> yew::AppHandle<app::App> {
    yew::Renderer::<app::App>::with_root(root).render()
}

/// Opens the page as `main` does, into `root` (the body without one): a share link in the
/// address is read first, so the page opens on its findings in one render; the app never reads
/// the link itself.
#[cfg(target_arch = "wasm32")]
pub async fn open(root: Option<web_sys::Element>) -> yew::AppHandle<app::App> {
    let shared_text = browser::shared_text(&browser::location_hash()).await;
    browser::mark("podnet:link-read");
    let props = app::AppProps {
        shared_text: shared_text.map(Into::into),
    };
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    }
}
