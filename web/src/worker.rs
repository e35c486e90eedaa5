//! The analysis worker: its entry point ([`analyse`], which the worker script calls) and the
//! page's side of the channel ([`available`], [`post`], [`on_reply`]).
//!
//! The boot script (`scripts/inline-wasm.mjs`) compiles the wasm once, starts a module worker
//! from a same-origin script and posts it the compiled module; the worker instantiates the same
//! module (no second copy of the wasm ships, and `main` mounts nothing where there is no window)
//! and answers each request `[revision, text, context]` with `[revision, bytes or null]`. The
//! page's main thread then only decodes ([`crate::wire`]) and renders.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::analysis::Analysis;
use crate::browser;
use crate::shared::Shared;
use crate::state::ContextInput;
use crate::wire;

/// The worker's side: analyses `text` (the user's own) with the context its URL fragment
/// states, and returns the analysis as bytes ([`crate::wire`]); none when the context does not
/// read (the page asks only with a valid one).
#[wasm_bindgen]
pub fn analyse(text: &str, context: &str) -> Vec<u8> {
    match ContextInput::from_fragment(context).core_context() {
        Ok(context) => wire::encode(&crate::analysis::analyse(text, &context)),
        Err(_) => Vec::new(),
    }
}

/// The worker the boot script started (`podnetWorker`), if the browser could start one.
fn worker() -> Option<Worker> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("podnetWorker"))
        .ok()?
        .dyn_into()
        .ok()
}

/// True when the page has its analysis worker.
pub fn available() -> bool {
    worker().is_some()
}

/// Asks the worker for the analysis of `revision`.
pub fn post(revision: u64, text: &str, context: &str) {
    if let Some(worker) = worker() {
        browser::mark("podnet:request");
        let request = Array::of3(
            &JsValue::from_f64(revision as f64),
            &JsValue::from_str(text),
            &JsValue::from_str(context),
        );
        // Only a value that cannot be cloned fails to post; these three strings and a number can.
        let _ = worker.post_message(&request);
    }
}

/// Calls `reply` with each answer: the revision, and the analysis (`None` when the worker could
/// not analyse or its bytes did not decode); `failed` when the worker fails (its script did not
/// load, as offline before the service worker stored it).
pub fn on_reply(
    reply: impl Fn(u64, Option<Shared<Analysis>>) + 'static,
    failed: impl Fn() + 'static,
) {
    let Some(worker) = worker() else {
        return;
    };
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        browser::mark("podnet:reply");
        let message: Array = event.data().unchecked_into();
        let revision = message.get(0).as_f64().unwrap_or(-1.0) as u64;
        let analysis = message
            .get(1)
            .dyn_into::<Uint8Array>()
            .ok()
            .and_then(|bytes| wire::decode(&bytes.to_vec()))
            .map(Shared::new);
        browser::mark("podnet:reply-decoded");
        reply(revision, analysis);
    });
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    let error = Closure::<dyn Fn()>::new(failed);
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    // The page lives as long as its worker: the handlers are never dropped.
    handler.forget();
    error.forget();
}
