//! Browser tests: mount the app into a div, drive it like a user, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, InputEvent, InputEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh mount root, so tests never see each other's DOM (or the harness's own elements).
fn mount() -> Element {
    podnet_web::browser::replace_hash("");
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

/// Waits (up to `max_ms`) until `selector` matches inside `root`: for steps whose time depends
/// on the machine (a debug build rendering megabytes).
async fn wait_for(root: &Element, selector: &str, max_ms: u64) {
    for _ in 0..max_ms / 50 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        settle(50).await;
    }
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

/// What a paste does: the text changes and the input event says it came from the clipboard.
fn paste_into_textarea(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "#config-input").dyn_into().expect("textarea");
    area.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type("insertFromPaste");
    let event = InputEvent::new_with_event_init_dict("input", &init).expect("input event");
    area.dispatch_event(&event).expect("dispatched");
}

/// Waits (up to `max_ms`) until nothing inside `root` matches `selector`.
async fn wait_for_none(root: &Element, selector: &str, max_ms: u64) {
    for _ in 0..max_ms / 50 {
        if root.query_selector(selector).ok().flatten().is_none() {
            return;
        }
        settle(50).await;
    }
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
    let summary = find(&root, ".findings .summary")
        .text_content()
        .unwrap_or_default();
    assert!(
        summary.starts_with("1 error, "),
        "singular for one: {summary}"
    );
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

fn pick_example(root: &Element, id: &str) {
    let select: HtmlSelectElement = find(root, "#example-picker").dyn_into().expect("select");
    select.set_value(id);
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatched");
}

fn click(root: &Element, selector: &str) {
    let element: HtmlElement = find(root, selector).dyn_into().expect("html element");
    element.click();
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn editor_value(root: &Element) -> String {
    let area: HtmlTextAreaElement = find(root, "#config-input").dyn_into().expect("textarea");
    area.value()
}

/// Replaces `navigator.clipboard.writeText` with a recorder; returns a reader of the last text.
fn record_clipboard() -> impl Fn() -> String {
    let clipboard = web_sys::window().expect("window").navigator().clipboard();
    let recorder = Function::new_with_args(
        "text",
        "globalThis.podnetCopied = text; return Promise.resolve();",
    );
    Reflect::set(&clipboard, &JsValue::from_str("writeText"), &recorder).expect("stubbed");
    || {
        Reflect::get(&js_sys::global(), &JsValue::from_str("podnetCopied"))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    }
}

#[wasm_bindgen_test]
async fn input_to_findings_to_diff_to_copied_text() {
    let root = mount();
    let copied = record_clipboard();
    settle(20).await;
    type_into_input(&root, "#target-nodes", "300");
    type_into_textarea(
        &root,
        "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}",
    );
    settle(400).await;
    assert!(text_of(&root, ".finding.error").contains("flannel/node-capacity"));
    // The first tab depends on the window's width (see the next test): pick the unified one.
    click(&root, "#tab-unified");
    settle(20).await;
    assert!(text_of(&root, ".diff-line.add").contains("10.244.0.0/15"));
    click(&root, ".copy-redacted");
    settle(50).await;
    assert!(
        copied().contains("\"Network\": \"10.244.0.0/15\""),
        "{}",
        copied()
    );
    assert!(text_of(&root, ".copy-status").contains("Copied"));
    click(&root, "#tab-split");
    settle(20).await;
    assert!(text_of(&root, ".split-cell.add").contains("10.244.0.0/15"));
    click(&root, "#tab-corrected");
    settle(20).await;
    assert!(text_of(&root, ".corrected-text").contains("10.244.0.0/15"));
}

#[wasm_bindgen_test]
async fn the_first_diff_tab_is_side_by_side_on_a_wide_window_and_unified_on_a_narrow_one() {
    let root = mount();
    settle(20).await;
    pick_example(&root, "vxlan-mtu");
    settle(50).await;
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .expect("window width");
    let (first, other) = if width >= 1000.0 {
        ("#tab-split", "#tab-unified")
    } else {
        ("#tab-unified", "#tab-split")
    };
    assert_eq!(
        find(&root, first).get_attribute("aria-selected").as_deref(),
        Some("true"),
        "width {width}"
    );
    assert_eq!(
        find(&root, first).get_attribute("tabindex").as_deref(),
        Some("0")
    );
    assert_eq!(
        find(&root, other).get_attribute("aria-selected").as_deref(),
        Some("false")
    );
    let shown = if width >= 1000.0 {
        ".split-diff"
    } else {
        ".diff-text"
    };
    find(&root, shown);
}

#[wasm_bindgen_test]
async fn the_redaction_toggle_shows_values_but_copy_redacted_stays_redacted() {
    let root = mount();
    let copied = record_clipboard();
    settle(20).await;
    pick_example(&root, "fake-secrets");
    settle(50).await;
    let shown = editor_value(&root);
    assert!(!shown.contains("FAKEtokenEXAMPLE"), "{shown}");
    assert!(shown.contains("REDACTED_TOKEN_1"));
    assert!(text_of(&root, ".redaction-counts").contains("kubernetes-secret-data"));
    assert!(text_of(&root, ".redaction-list").contains("line 11"));
    let toggle: HtmlInputElement = find(&root, "#show-values").dyn_into().expect("checkbox");
    toggle.click();
    settle(50).await;
    assert!(editor_value(&root).contains("FAKEtokenEXAMPLE"));
    click(&root, ".copy-redacted");
    settle(50).await;
    let text = copied();
    assert!(
        text.contains("REDACTED_PSK_1") && !text.contains("FAKE-Passw0rd"),
        "{text}"
    );
    click(&root, ".copy-mine");
    settle(50).await;
    assert!(copied().contains("FAKE-Passw0rd-EXAMPLE"));
}

#[wasm_bindgen_test]
async fn every_example_loads_its_story() {
    let root = mount();
    settle(20).await;
    pick_example(&root, "vxlan-mtu");
    settle(50).await;
    assert!(text_of(&root, ".finding.error").contains("flannel/delegate-mtu"));
    assert!(text_of(&root, ".mtu-picture").contains("pod MTU 1450"));
    assert!(
        text_of(&root, ".mtu-picture .overflow-note")
            .contains("50 bytes over the underlay MTU 1500"),
        "{}",
        text_of(&root, ".mtu-picture")
    );
    assert_eq!(
        root.query_selector_all(".mtu-picture .configured-segment.overflow")
            .expect("selector")
            .length(),
        1
    );
    assert!(text_of(&root, ".chips").contains("flannel-configmap"));
    pick_example(&root, "aks-kubenet");
    settle(50).await;
    let input: HtmlSelectElement = find(&root, "#ctx-platform").dyn_into().expect("select");
    assert_eq!(input.value(), "azure");
    assert!(text_of(&root, ".findings").contains("aks/kubenet-retirement"));
    assert!(text_of(&root, ".next-steps").contains("az aks update"));
    assert!(text_of(&root, ".capacity-picture").contains("10.244.0.0/16"));
    let service = text_of(&root, ".capacity-picture .lane.service");
    assert!(
        service.contains("service range") && service.contains("10.0.0.0/16"),
        "{service}"
    );
}

#[wasm_bindgen_test]
async fn a_finding_line_selects_that_line_in_the_editor() {
    let root = mount();
    settle(20).await;
    pick_example(&root, "vxlan-mtu");
    settle(50).await;
    click(&root, ".finding.error .goto-line");
    settle(50).await;
    let area: HtmlTextAreaElement = find(&root, "#config-input").dyn_into().expect("textarea");
    let start = area.selection_start().ok().flatten().expect("selection") as usize;
    let before = &area.value()[..start];
    assert_eq!(
        before.matches('\n').count() + 1,
        19,
        "the delegate mtu line"
    );
    assert_eq!(text_of(&root, ".line-mark").trim(), "19");
}

#[wasm_bindgen_test]
async fn context_changes_rerun_the_analysis_and_land_in_the_fragment() {
    let root = mount();
    settle(20).await;
    pick_example(&root, "flannel-out-of-space");
    settle(50).await;
    type_into_input(&root, "#ctx-avoid", "10.244.128.0/17");
    settle(400).await;
    assert!(text_of(&root, ".findings").contains("10.244.128.0/17"));
    assert!(find(&root, ".capacity-picture .overlap")
        .tag_name()
        .eq_ignore_ascii_case("rect"));
    let hash = podnet_web::browser::location_hash();
    assert!(
        hash.contains("nodes=300") && hash.contains("avoid=10.244.128.0/17"),
        "{hash}"
    );
    type_into_input(&root, "#ctx-avoid", "");
}

#[wasm_bindgen_test]
async fn the_share_link_holds_the_redacted_text_and_opens_the_same_view() {
    let root = mount();
    let _copied = record_clipboard();
    settle(20).await;
    pick_example(&root, "fake-secrets");
    settle(50).await;
    click(&root, ".share-button");
    settle(200).await;
    let link: HtmlInputElement = find(&root, "#share-link").dyn_into().expect("link");
    let link = link.value();
    for secret in [
        "FAKEtokenEXAMPLE",
        "FAKE-Passw0rd",
        "FAKEpskEXAMPLE",
        "platform-team@",
    ] {
        assert!(!link.contains(secret), "{secret} in {link}");
    }
    let fragment = link.split_once('#').expect("fragment").1.to_string();
    let text = podnet_web::browser::shared_text(&fragment)
        .await
        .expect("decodes");
    assert_eq!(
        text,
        editor_value(&root),
        "the link carries exactly the redacted text"
    );
    // Opening the link: a fresh page reads the fragment.
    podnet_web::browser::replace_hash(&fragment);
    let opened = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&opened)
        .expect("appended");
    podnet_web::mount(opened.clone());
    settle(300).await;
    assert_eq!(editor_value(&opened), text);
    // Rules and lines match (a check that needs a secret's value cannot run on the link's text).
    let places = |root: &Element| {
        let items = root
            .query_selector_all(".finding .position")
            .expect("selector");
        let mut lines = (0..items.length())
            .filter_map(|i| items.get(i).and_then(|node| node.text_content()))
            .collect::<Vec<_>>();
        lines.sort();
        lines
    };
    assert!(!places(&root).is_empty());
    assert_eq!(places(&opened), places(&root));
    podnet_web::browser::replace_hash("");
}

#[wasm_bindgen_test]
async fn an_input_over_the_limit_gets_a_message_not_an_analysis() {
    let root = mount();
    settle(20).await;
    let line = format!("# {}\n", "padding ".repeat(125));
    let big = line.repeat(podnet_web::state::MAX_INPUT_BYTES / line.len() + 1);
    type_into_textarea(&root, &big);
    wait_for(&root, ".input-too-large", 10_000).await;
    assert!(text_of(&root, ".input-too-large").contains("MB"));
    assert!(root.query_selector(".finding").expect("selector").is_none());
}

#[wasm_bindgen_test]
async fn over_the_live_limit_a_paste_analyses_but_typing_waits_for_analyse() {
    let root = mount();
    settle(20).await;
    type_into_input(&root, "#target-nodes", "300");
    let mut big = String::from(concat!(
        "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n",
        "  namespace: kube-flannel\ndata:\n  net-conf.json: |\n",
        "    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n",
    ));
    while big.len() <= podnet_web::state::LIVE_LIMIT_BYTES {
        big.push_str("# a long paste, padded with comments to pass the live limit\n");
    }
    paste_into_textarea(&root, &big);
    wait_for(&root, ".finding.error", 60_000).await;
    assert!(text_of(&root, ".finding.error").contains("flannel/node-capacity"));
    assert!(root
        .query_selector(".analyse-now")
        .expect("selector")
        .is_none());

    // Typing a /12 (room for 300 nodes): no analysis yet, a message with the button instead.
    let typed = big.replace("10.244.0.0/16", "10.0.0.0/12");
    type_into_textarea(&root, &typed);
    settle(500).await;
    assert!(text_of(&root, ".limits").contains("up to 256 KB"));
    let waiting = text_of(&root, ".analyse-wait");
    assert!(
        waiting.contains("KB podnet analyses when you ask"),
        "{waiting}"
    );
    assert!(
        root.query_selector(".finding.error")
            .expect("selector")
            .is_some(),
        "the last results stay until asked"
    );
    assert_eq!(editor_value(&root), typed, "nothing typed is lost");
    click(&root, ".analyse-now");
    wait_for_none(&root, ".finding.error", 60_000).await;
    assert!(root
        .query_selector(".finding.error")
        .expect("selector")
        .is_none());
    assert!(root
        .query_selector(".analyse-wait")
        .expect("selector")
        .is_none());
}
