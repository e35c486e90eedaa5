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
/// Returns once the page is drawn, its deferred panels (diff, pictures, redactions) included.
async fn mount() -> Element {
    podnet_web::browser::replace_hash("");
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    podnet_web::mount(root.clone());
    wait_until(
        "the page to be drawn with its deferred panels (#config-input and .redactions)",
        || has(&root, "#config-input") && has(&root, ".results .redactions"),
        CEILING_MS,
    )
    .await;
    root
}

/// How long a wait may take before the test fails: generous, for a debug build on a slow
/// machine. A wait returns as soon as its condition holds, so this costs nothing when it passes.
/// (The runner also gives the whole run `WASM_BINDGEN_TEST_TIMEOUT`, 20 s by default.)
const CEILING_MS: f64 = 30_000.0;

/// For steps that analyse or render megabytes in a debug build.
const LARGE_CEILING_MS: f64 = 60_000.0;

/// After this long a wait says in the console what it waits for, so a run the runner stops
/// (its own time limit) still names the condition that never held.
const SLOW_WAIT_MS: f64 = 5_000.0;

/// Waits until `condition` holds, checking it at once and then every few milliseconds (each
/// check yields to the browser's event loop, so timers, renders and promises run in between).
/// Panics naming `what` if it does not hold within `max_ms`. Tests wait for states, never for
/// time: this is the only wait in this file.
async fn wait_until(what: &str, condition: impl Fn() -> bool, max_ms: f64) {
    let start = js_sys::Date::now();
    let mut said_slow = false;
    loop {
        if condition() {
            return;
        }
        let waited = js_sys::Date::now() - start;
        assert!(
            waited <= max_ms,
            "timed out after {waited:.0} ms waiting for: {what}"
        );
        if waited > SLOW_WAIT_MS && !said_slow {
            said_slow = true;
            wasm_bindgen_test::console_log!("still waiting ({waited:.0} ms) for: {what}");
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Whether `selector` matches inside `root` (never panics: conditions use it while the page
/// may still be drawing).
fn has(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

/// The text of the first match of `selector` inside `root`, if any (never panics).
fn text_if(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.text_content())
}

/// The editor's text, if the editor is drawn (never panics).
fn editor_if(root: &Element) -> Option<String> {
    root.query_selector("#config-input")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|area| area.value())
}

/// True once the analysis caught up with the input and context: the results section is not
/// busy (`aria-busy="true"` while a debounced analysis is pending).
fn caught_up(root: &Element) -> bool {
    has(root, r#".results[aria-busy="false"]"#)
}

/// Waits until the analysis caught up with the input and context and the findings panel shows
/// a report (`.findings.empty` until the first one). For a page that showed no report before
/// the action: one that has not drawn the action yet (still showing the old, caught-up state)
/// does not pass. It waits for the state, not for what the test then asserts, so a wrong result
/// fails at once with the assertion's own message.
async fn wait_for_report(root: &Element, max_ms: f64) {
    wait_until(
        "the analysis to catch up (.results aria-busy=false) and show a report (.findings:not(.empty))",
        || caught_up(root) && has(root, ".findings:not(.empty)"),
        max_ms,
    )
    .await;
}

/// Whether the URL fragment holds `pair` (`key=value`) among its settings.
fn fragment_has(pair: &str) -> bool {
    podnet_web::browser::location_hash()
        .split('&')
        .any(|item| item == pair)
}

/// Waits until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str, max_ms: f64) {
    wait_until(
        &format!("{selector} to appear"),
        || has(root, selector),
        max_ms,
    )
    .await;
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
    let root = mount().await;
    let label = find(&root, "label[for=target-nodes]");
    assert_eq!(label.text_content().as_deref(), Some("Target nodes"));
    type_into_textarea(
        &root,
        "{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n",
    );
    type_into_input(&root, "#target-nodes", "300");
    // The findings and the diff come from the same analysis (one render).
    wait_for_report(&root, CEILING_MS).await;
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
    let root = mount().await;
    let select: HtmlSelectElement = find(&root, "#example-picker").dyn_into().expect("select");
    select.set_value("flannel-out-of-space");
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatched");
    // An example is analysed at once: the render that shows its report shows its text and
    // context too.
    wait_for_report(&root, CEILING_MS).await;
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
    let root = mount().await;
    let broken = "{\n  \"Network\": \"10.244.0.0/16\"\n  \"SubnetLen\": 24\n}";
    type_into_textarea(&root, broken);
    wait_for_report(&root, CEILING_MS).await;
    // Broken JSON with flannel's keys is a net-conf.json with a syntax error: an error finding
    // at its line and column, like any other.
    let error = find(&root, ".finding.error")
        .text_content()
        .unwrap_or_default();
    assert!(error.contains("flannel/net-conf-syntax"), "{error}");
    assert!(error.contains("line 3, column 3"), "{error}");
    let area: HtmlTextAreaElement = find(&root, "#config-input").dyn_into().expect("textarea");
    assert_eq!(area.value(), broken, "nothing the user pasted is lost");
}

#[wasm_bindgen_test]
async fn a_bad_target_node_count_is_explained_beside_the_field() {
    let root = mount().await;
    type_into_textarea(&root, "{\"Network\": \"10.244.0.0/16\"}");
    type_into_input(&root, "#target-nodes", "0");
    // A bad field leaves no report to wait for. The fragment takes the new context with the
    // render that marks the results busy, so once it holds nodes=0, "not busy" means the
    // analysis (the check of the fields) ran on it.
    wait_until(
        "the fragment to hold nodes=0 and the analysis to catch up with it",
        || fragment_has("nodes=0") && caught_up(&root),
        CEILING_MS,
    )
    .await;
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
    let root = mount().await;
    let copied = record_clipboard();
    type_into_input(&root, "#target-nodes", "300");
    type_into_textarea(
        &root,
        "{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}",
    );
    wait_for_report(&root, CEILING_MS).await;
    assert!(text_of(&root, ".finding.error").contains("flannel/node-capacity"));
    // The first tab depends on the window's width (see the next test): pick the unified one.
    click(&root, "#tab-unified");
    // The tab's panel is drawn in the render that selects the tab.
    wait_for(&root, r#"#tab-unified[aria-selected="true"]"#, CEILING_MS).await;
    assert!(text_of(&root, ".diff-line.add").contains("10.244.0.0/15"));
    click(&root, ".copy-redacted");
    // The status line is set once the clipboard's promise settles (after the text was written).
    wait_until(
        "the .copy-status line to report the copy",
        || text_if(&root, ".copy-status").is_some_and(|text| !text.is_empty()),
        CEILING_MS,
    )
    .await;
    assert!(
        copied().contains("\"Network\": \"10.244.0.0/15\""),
        "{}",
        copied()
    );
    assert!(text_of(&root, ".copy-status").contains("Copied"));
    click(&root, "#tab-split");
    wait_for(&root, r#"#tab-split[aria-selected="true"]"#, CEILING_MS).await;
    assert!(text_of(&root, ".split-cell.add").contains("10.244.0.0/15"));
    click(&root, "#tab-corrected");
    wait_for(&root, r#"#tab-corrected[aria-selected="true"]"#, CEILING_MS).await;
    assert!(text_of(&root, ".corrected-text").contains("10.244.0.0/15"));
}

#[wasm_bindgen_test]
async fn the_first_diff_tab_is_side_by_side_on_a_wide_window_and_unified_on_a_narrow_one() {
    let root = mount().await;
    pick_example(&root, "vxlan-mtu");
    wait_for_report(&root, CEILING_MS).await;
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
    let root = mount().await;
    let copied = record_clipboard();
    pick_example(&root, "fake-secrets");
    wait_for_report(&root, CEILING_MS).await;
    let shown = editor_value(&root);
    assert!(!shown.contains("FAKEtokenEXAMPLE"), "{shown}");
    assert!(shown.contains("REDACTED_TOKEN_1"));
    assert!(text_of(&root, ".redaction-counts").contains("kubernetes-secret-data"));
    assert!(text_of(&root, ".redaction-list").contains("line 11"));
    let toggle: HtmlInputElement = find(&root, "#show-values").dyn_into().expect("checkbox");
    toggle.click();
    wait_until(
        "the editor to show other text than the redacted one after the toggle",
        || editor_if(&root).is_some_and(|text| text != shown),
        CEILING_MS,
    )
    .await;
    assert!(editor_value(&root).contains("FAKEtokenEXAMPLE"));
    click(&root, ".copy-redacted");
    // The status line is set once the clipboard's promise settles (after the text was written).
    wait_until(
        "the .copy-status line to report the redacted copy",
        || text_if(&root, ".copy-status").is_some_and(|text| !text.is_empty()),
        CEILING_MS,
    )
    .await;
    let text = copied();
    assert!(
        text.contains("REDACTED_PSK_1") && !text.contains("FAKE-Passw0rd"),
        "{text}"
    );
    let status = text_of(&root, ".copy-status");
    click(&root, ".copy-mine");
    wait_until(
        "the .copy-status line to change for the copy with my values",
        || text_if(&root, ".copy-status").is_some_and(|text| text != status),
        CEILING_MS,
    )
    .await;
    assert!(copied().contains("FAKE-Passw0rd-EXAMPLE"));
}

#[wasm_bindgen_test]
async fn every_example_loads_its_story() {
    let root = mount().await;
    pick_example(&root, "vxlan-mtu");
    wait_for_report(&root, CEILING_MS).await;
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
    let before = editor_value(&root);
    pick_example(&root, "aks-kubenet");
    // The render that puts the second example's text in the editor shows its analysis too.
    wait_until(
        "the second example's text in the editor, analysed (.results aria-busy=false)",
        || caught_up(&root) && editor_if(&root).is_some_and(|text| text != before),
        CEILING_MS,
    )
    .await;
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
    let root = mount().await;
    pick_example(&root, "vxlan-mtu");
    wait_for_report(&root, CEILING_MS).await;
    click(&root, ".finding.error .goto-line");
    // Picking a line selects a range in the editor (setting the text leaves a caret, no range)
    // and marks its number in the gutter.
    wait_until(
        "a line selected in the editor and marked in the gutter's .line-mark",
        || {
            let selected = root
                .query_selector("#config-input")
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<HtmlTextAreaElement>().ok())
                .is_some_and(|area| {
                    let start = area.selection_start().ok().flatten();
                    let end = area.selection_end().ok().flatten();
                    matches!((start, end), (Some(start), Some(end)) if end > start)
                });
            selected && text_if(&root, ".line-mark").is_some_and(|mark| !mark.trim().is_empty())
        },
        CEILING_MS,
    )
    .await;
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
    let root = mount().await;
    pick_example(&root, "flannel-out-of-space");
    wait_for_report(&root, CEILING_MS).await;
    type_into_input(&root, "#ctx-avoid", "10.244.128.0/17");
    // The fragment takes the new context with the render that marks the results busy, so once
    // it holds the avoid list, "not busy" means the analysis with that list.
    wait_until(
        "the fragment to hold avoid= and the analysis to catch up with it",
        || podnet_web::browser::location_hash().contains("avoid=") && caught_up(&root),
        CEILING_MS,
    )
    .await;
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
    // Let the reset land before the next test mounts: a fragment written after that mount
    // cleared it would become the next page's context.
    wait_until(
        "the fragment to drop avoid= and the analysis to catch up",
        || !podnet_web::browser::location_hash().contains("avoid=") && caught_up(&root),
        CEILING_MS,
    )
    .await;
}

#[wasm_bindgen_test]
async fn the_share_link_holds_the_redacted_text_and_opens_the_same_view() {
    let root = mount().await;
    let _copied = record_clipboard();
    pick_example(&root, "fake-secrets");
    wait_for_report(&root, CEILING_MS).await;
    click(&root, ".share-button");
    // The link box appears once the browser compressed the text (and the copy settled).
    wait_for(&root, "#share-link", CEILING_MS).await;
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
    // Opened as `main` opens the page: the link inflated first, then analysed at once, so the
    // render that fills the editor shows the findings too.
    podnet_web::open(Some(opened.clone())).await;
    wait_until(
        "the opened link's text in the editor, analysed",
        || editor_if(&opened).is_some_and(|text| !text.is_empty()) && caught_up(&opened),
        CEILING_MS,
    )
    .await;
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
    let root = mount().await;
    let line = format!("# {}\n", "padding ".repeat(125));
    let big = line.repeat(podnet_web::state::MAX_INPUT_BYTES / line.len() + 1);
    type_into_textarea(&root, &big);
    wait_for(&root, ".input-too-large", LARGE_CEILING_MS).await;
    assert!(text_of(&root, ".input-too-large").contains("MB"));
    assert!(root.query_selector(".finding").expect("selector").is_none());
}

#[wasm_bindgen_test]
async fn over_the_live_limit_a_paste_analyses_but_typing_waits_for_analyse() {
    let root = mount().await;
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
    wait_for_report(&root, LARGE_CEILING_MS).await;
    assert!(text_of(&root, ".finding.error").contains("flannel/node-capacity"));
    assert!(root
        .query_selector(".analyse-now")
        .expect("selector")
        .is_none());

    // Typing a /12 (room for 300 nodes): no analysis yet, a message with the button instead.
    let typed = big.replace("10.244.0.0/16", "10.0.0.0/12");
    type_into_textarea(&root, &typed);
    // Something that must not happen (an analysis while typing) cannot be waited for: assert on
    // what the page shows once it drew the edit. The debounce timer firing (or not) changes
    // nothing here; that timer logic is the pure state test's job (web/src/state.rs,
    // `typing_over_the_live_limit_waits_for_analyse` and
    // `a_paste_over_the_live_limit_is_analysed_once_typing_pauses`).
    wait_for(&root, ".analyse-wait", LARGE_CEILING_MS).await;
    assert!(
        has(&root, r#".results[aria-busy="true"]"#),
        "the results wait for Analyse"
    );
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
    // The results were busy until now: "not busy" is the analysis Analyse asked for.
    wait_until(
        "the analysis Analyse asked for (.results aria-busy=false)",
        || caught_up(&root),
        LARGE_CEILING_MS,
    )
    .await;
    assert!(root
        .query_selector(".finding.error")
        .expect("selector")
        .is_none());
    assert!(root
        .query_selector(".analyse-wait")
        .expect("selector")
        .is_none());
}
