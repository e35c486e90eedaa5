//! Browser tests: mount the app into a div, drive it like a user, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Document, Element, Event, EventInit, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    InputEvent, InputEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh mount root, so tests never see each other's DOM (or the harness's own elements).
fn mount() -> Element {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    podnet_web::mount(root.clone());
    root
}

async fn settle(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} not found"))
}

fn type_into_textarea(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "#config-input").dyn_into().expect("textarea");
    area.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).expect("input event");
    area.dispatch_event(&event).expect("dispatched");
}

fn type_into_input(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().expect("input");
    input.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).expect("input event");
    input.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn typing_a_config_and_target_nodes_shows_the_capacity_error() {
    let root = mount();
    settle(20).await;
    let label = find(&root, "label[for=target-nodes]");
    assert_eq!(label.text_content().as_deref(), Some("Target nodes"));
    type_into_textarea(
        &root,
        "{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n",
    );
    type_into_input(&root, "#target-nodes", "300");
    settle(400).await;
    let finding = find(&root, ".finding.error");
    let text = finding.text_content().unwrap_or_default();
    assert!(text.contains("flannel/node-capacity"), "{text}");
    assert!(text.contains("node 257 gets no range"), "{text}");
    let diff = find(&root, ".diff-text").text_content().unwrap_or_default();
    assert!(
        diff.contains("+  \"Network\": \"10.244.0.0/15\","),
        "{diff}"
    );
}

#[wasm_bindgen_test]
async fn picking_the_example_loads_it_with_its_context() {
    let root = mount();
    settle(20).await;
    let select: HtmlSelectElement = find(&root, "#example-picker").dyn_into().expect("select");
    select.set_value("flannel-out-of-space");
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatched");
    settle(50).await;
    let nodes: HtmlInputElement = find(&root, "#target-nodes").dyn_into().expect("input");
    assert_eq!(nodes.value(), "300");
    let area: HtmlTextAreaElement = find(&root, "#config-input").dyn_into().expect("textarea");
    assert!(area.value().contains("10.244.0.0/16"));
    assert!(find(&root, ".finding.error")
        .text_content()
        .unwrap_or_default()
        .contains("256"));
}

#[wasm_bindgen_test]
async fn a_syntax_error_shows_line_and_column_and_keeps_the_text() {
    let root = mount();
    settle(20).await;
    let broken = "{\n  \"Network\": \"10.244.0.0/16\"\n  \"SubnetLen\": 24\n}";
    type_into_textarea(&root, broken);
    settle(400).await;
    let error = find(&root, ".input-error")
        .text_content()
        .unwrap_or_default();
    assert!(error.contains("Line 3, column 3"), "{error}");
    let area: HtmlTextAreaElement = find(&root, "#config-input").dyn_into().expect("textarea");
    assert_eq!(area.value(), broken, "nothing the user pasted is lost");
}

#[wasm_bindgen_test]
async fn a_bad_target_node_count_is_explained_beside_the_field() {
    let root = mount();
    settle(20).await;
    type_into_textarea(&root, "{\"Network\": \"10.244.0.0/16\"}");
    type_into_input(&root, "#target-nodes", "0");
    settle(400).await;
    let error = find(&root, "#context-error")
        .text_content()
        .unwrap_or_default();
    assert!(error.contains("Target nodes"), "{error}");
}
