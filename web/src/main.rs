//! The trunk entry point: renders the app into the page body.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<podnet_web::app::App>::new().render();
}
