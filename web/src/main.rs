//! The trunk entry point: renders the app into the page body and registers the offline worker.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        yew::Renderer::<podnet_web::app::App>::new().render();
        podnet_web::browser::register_service_worker();
    }
}
