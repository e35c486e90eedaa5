//! podnet-web: the page. A Yew (CSR) front end over `podnet-core`; nothing leaves the tab.
//!
//! `state` holds the page state and its pure `update` function and does not import yew, so it is
//! tested natively, as are `diff_view` (the core's diff hunks as rows for the two diff
//! views), `fragment` (the URL fragment and share-link text codec), `pictures`
//! (the geometry of the capacity and MTU pictures) and `editor` (the visible window of the
//! editor's line numbers); `app` wires the state to a reducer;
//! `components` render it and receive callbacks only; `browser` wraps the few browser APIs the page
//! uses (clipboard, download, location, compression streams).

pub mod diff_view;
pub mod editor;
pub mod examples;
pub mod fragment;
pub mod pictures;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;

/// Mounts the app into `root`.
#[cfg(target_arch = "wasm32")]
pub fn mount(root: web_sys::Element) -> yew::AppHandle<app::App> {
    yew::Renderer::<app::App>::with_root(root).render()
}
