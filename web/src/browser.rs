//! The few browser APIs the page uses, wrapped: the URL fragment, the clipboard, downloads,
//! reading a file, the service worker, and deflate through the browser's own
//! CompressionStream/DecompressionStream (no compression code in the wasm).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, ReadableWritablePair, Response, Url};

#[wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` (a transform stream; readable + writable).
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    /// The browser's `DecompressionStream`.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;

    /// `performance.mark(name)`: a named point on the page's timeline (devtools and the
    /// measurements read them).
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

/// Records a named point on the performance timeline (`podnet:…`), for profiling.
pub fn mark(name: &str) {
    performance_mark(name);
}

/// The deflate flavour share links use: raw deflate, no zlib or gzip header.
const FORMAT: &str = "deflate-raw";

fn window() -> web_sys::Window {
    web_sys::window().expect("the page runs in a window")
}

/// Gives the element with `id` the keyboard focus, which scrolls it into view (an element that
/// is not focusable by itself needs `tabindex="-1"`). Does nothing when there is no such element.
pub fn focus(id: &str) {
    let element = window()
        .document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Opens the `<details>` element with `id` (does nothing when there is no such element).
pub fn open(id: &str) {
    if let Some(element) = window()
        .document()
        .and_then(|document| document.get_element_by_id(id))
    {
        let _ = element.set_attribute("open", "");
    }
}

/// The current fragment, without the `#`.
pub fn location_hash() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// The page's address without its fragment.
pub fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Replaces the fragment without navigating or adding a history entry.
pub fn replace_hash(fragment: &str) {
    let url = if fragment.is_empty() {
        page_address()
    } else {
        format!("{}#{fragment}", page_address())
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Writes `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), JsValue> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(drop)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = window().document().expect("a document");
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Url::revoke_object_url(&url)
}

/// The text of a file the user opened or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<String, JsValue> {
    let text = JsFuture::from(file.text()).await?;
    text.as_string()
        .ok_or_else(|| JsValue::from_str("the file is not text"))
}

/// Registers the service worker that keeps the page working offline (page builds only).
pub fn register_service_worker() {
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

async fn transform(bytes: &[u8], stream: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts)?;
    let piped = blob
        .stream()
        .pipe_through(stream.unchecked_ref::<ReadableWritablePair>());
    let response = Response::new_with_opt_readable_stream(Some(&piped))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Raw-deflates `bytes` with the browser's CompressionStream.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    transform(bytes, &Compressor::new(FORMAT)?.into()).await
}

/// Inflates raw-deflate `bytes` with the browser's DecompressionStream.
pub async fn decompress(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    transform(bytes, &Decompressor::new(FORMAT)?.into()).await
}

/// The share link for `text` (already redacted) and the context fragment.
pub async fn share_link(text: &str, context_fragment: &str) -> Result<String, JsValue> {
    let packed = crate::fragment::base64url_encode(&compress(text.as_bytes()).await?);
    let mut fragment = context_fragment.to_string();
    if !fragment.is_empty() {
        fragment.push('&');
    }
    fragment.push_str(crate::fragment::TEXT_KEY);
    fragment.push('=');
    fragment.push_str(&packed);
    Ok(format!("{}#{fragment}", page_address()))
}

/// The text a share-link fragment carries, if it carries one.
pub async fn shared_text(fragment: &str) -> Option<String> {
    let (_, packed) = crate::fragment::decode_pairs(fragment)
        .into_iter()
        .find(|(key, _)| key == crate::fragment::TEXT_KEY)?;
    let bytes = crate::fragment::base64url_decode(&packed)?;
    String::from_utf8(decompress(&bytes).await.ok()?).ok()
}
