//! The trunk entry point: renders the app into the page body and registers the offline worker.
//!
//! A share link's text is inflated before the first render, so the page opens on its findings in
//! one render instead of an empty page and then the link. The service worker is registered a
//! moment after the first render, so its install (which reads the page's files again) does not
//! compete with the start.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use podnet_web::browser;
        // The same wasm module may be started where there is no window (a worker): no page there.
        if web_sys::window().is_none() {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            podnet_web::open(None).await;
            gloo_timers::callback::Timeout::new(
                SERVICE_WORKER_DELAY_MS,
                browser::register_service_worker,
            )
            .forget();
        });
    }
}

/// How long after the start the offline worker is registered.
#[cfg(target_arch = "wasm32")]
const SERVICE_WORKER_DELAY_MS: u32 = 1_000;
