//! The root component: owns the reducer, debounces analysis, keeps the context in the URL
//! fragment, opens share links, and lays out the panels.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::browser;
use crate::components::{
    context_panel, example_picker, finding_list, next_steps, pictures, redaction_panel,
    results_summary, share_panel, ContextPanelProps, ExamplePickerProps, FindingListProps,
    InputPanel, NextStepsProps, OutputPanel, PicturesProps, RedactionPanelProps,
    ResultsSummaryProps, SharePanelProps, CONTEXT_PANEL_ID,
};
use crate::context_fields::field_id;
use crate::state::{update, Action, ContextInput, State, BUSY_NOTE_BYTES};
use crate::worker;

/// How long the page waits after the last keystroke before analysing.
pub const DEBOUNCE_MS: u32 = 150;

/// The reducer wrapper: yew's `Reducible` just calls the pure `update`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageState(pub State);

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        browser::mark("podnet:update");
        let next = update(&self.0, action);
        browser::mark("podnet:updated");
        Rc::new(PageState(next))
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A share link's text, inflated by `main` before the first render, so the page opens on the
    /// link's findings in one render. Without it the page opens without a text: there was no
    /// link, or none `main` could read (reading it again would give the same).
    #[prop_or_default]
    pub shared_text: Option<AttrValue>,
}

/// The state the page opens with: the context settings of the URL fragment, or a share link's
/// text and context already analysed.
fn initial_state(shared_text: Option<&str>) -> PageState {
    let fragment = browser::location_hash();
    let offload = worker::available();
    let state = State {
        context: ContextInput::from_fragment(&fragment),
        offload,
        ..State::default()
    };
    PageState(match shared_text {
        Some(text) => {
            // A link's text is analysed here when it is small: the worker is still starting,
            // and the findings come sooner from this thread than after its start
            // (docs/measurements.md). A large one goes to the worker like any other text.
            let here = State {
                offload: offload && text.len() > BUSY_NOTE_BYTES,
                ..state
            };
            browser::mark("podnet:update");
            let mut opened = update(&here, Action::LoadShared(text.to_string(), fragment));
            browser::mark("podnet:updated");
            opened.offload = offload;
            opened
        }
        None => state,
    })
}

/// A callback that dispatches the action `make` makes of its argument.
fn send<T: 'static>(
    dispatcher: &UseReducerDispatcher<PageState>,
    make: fn(T) -> Action,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value: T| dispatcher.dispatch(make(value)))
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let page = {
        let shared_text = props.shared_text.clone();
        use_reducer(move || initial_state(shared_text.as_deref()))
    };
    let state = &page.0;
    // Effects run once the render is in the DOM.
    use_effect(|| browser::mark("podnet:rendered"));
    // The first render draws the findings and leaves the heavier panels (the diff, the pictures,
    // the redactions) to a task of their own, so the browser can show the findings first.
    let full = use_state(|| false);
    {
        // Once, after mounting (one effect: each `use_effect_with` is its own copy of yew's
        // hook code): the heavier panels in a task of their own; the worker's answers, as
        // actions (the reducer drops those for an older text).
        let full = full.clone();
        let dispatcher = page.dispatcher();
        use_effect_with((), move |_| {
            Timeout::new(0, move || full.set(true)).forget();
            let failed = dispatcher.clone();
            worker::on_reply(
                move |revision, analysis| dispatcher.dispatch(Action::Analysed(revision, analysis)),
                move || failed.dispatch(Action::NoWorker),
            );
        });
    }
    {
        // A finding's request for a context value opens the form and focuses the field it names.
        use_effect_with(state.ask, move |(key, _)| {
            if let Some(key) = key {
                browser::open(CONTEXT_PANEL_ID);
                browser::focus(&field_id(key));
            }
        });
    }
    {
        // Side effect: an analysis the state asks for goes to the worker.
        let page = page.clone();
        use_effect_with(state.pending, move |_| {
            if let Some((revision, text, context)) = page.0.request() {
                worker::post(revision, text, &context);
            }
        });
    }
    {
        // Side effect: analyse once typing pauses. A newer edit cancels the pending timer.
        let dispatcher = page.dispatcher();
        let stale = state.is_stale();
        use_effect_with(state.revision, move |revision| {
            let revision = *revision;
            let timer = stale.then(|| {
                Timeout::new(DEBOUNCE_MS, move || {
                    dispatcher.dispatch(Action::Analyze(revision))
                })
            });
            move || drop(timer)
        });
    }
    {
        // Keep the context (never the text) in the URL fragment. An opened share link stays in
        // the address bar until the user changes something.
        let opening = use_mut_ref(|| true);
        let fragment = state.context.to_fragment();
        use_effect_with((fragment, state.shared), move |(fragment, shared)| {
            let current = browser::location_hash();
            let first = std::mem::replace(&mut *opening.borrow_mut(), false);
            let keep_link = *shared || (first && current.contains("t="));
            if !keep_link && current != *fragment {
                browser::replace_hash(fragment);
            }
        });
    }
    // One callback per argument type, the action made by a plain `fn` (a closure per callback
    // would be a copy of yew's callback code each).
    let dispatcher = page.dispatcher();
    let on_input = send(&dispatcher, Action::SetInput);
    let on_paste = send(&dispatcher, Action::PasteInput);
    let on_analyse = send(&dispatcher, |()| Action::AnalyzeNow);
    let on_load = send(&dispatcher, Action::LoadText);
    let on_load_files = send(&dispatcher, Action::LoadFiles);
    let on_example = send(&dispatcher, Action::LoadExample);
    let on_context = send(&dispatcher, |(key, value)| Action::SetContext(key, value));
    let on_keep = send(&dispatcher, |(kind, keep)| Action::SetKeep(kind, keep));
    let on_show_values = send(&dispatcher, Action::ShowValues);
    let on_select = send(&dispatcher, Action::SelectLine);
    let on_pick = send(&dispatcher, Action::SelectFinding);
    let on_apply = send(&dispatcher, Action::ApplyFix);
    let on_apply_all = send(&dispatcher, |()| Action::ApplyAll);
    let on_undo = send(&dispatcher, |()| Action::Undo);
    // A finding's request for a context value: the form opens and focuses that field.
    let on_ask = send(&dispatcher, Action::Ask);
    // The skip link moves the focus without touching the address (its fragment holds the context).
    let skip_to_results = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        browser::focus("results");
    });
    // The states of the panels that are functions, not components: the share link and its
    // status, the next steps' copy status.
    let share_link = use_state(String::new);
    let share_status = use_state(String::new);
    let steps_status = use_state(String::new);
    let analysis = state.analysis.clone();
    let report = analysis.as_ref().map(|a| a.report.clone());

    html! {
        <main class="page">
            <a class="skip-link" href="#findings-title" onclick={skip_to_results}>{ "Skip to results" }</a>
            <header class="masthead">
                <div>
                    <h1>{ "podnet" }</h1>
                    <p class="tagline">{ "Check and fix pod-network configs. Everything stays in this tab: secrets are replaced before anything reads them." }</p>
                </div>
                { share_panel(&SharePanelProps { input: &state.input, context: &state.context, link: share_link, status: share_status }) }
            </header>
            <section class="inputs" aria-label="Input">
                { example_picker(&ExamplePickerProps { selected: state.example.map(AttrValue::from), on_pick: on_example }) }
                <InputPanel
                    text={AttrValue::from(state.editor_text().to_string())}
                    report={report.clone()}
                    show_values={state.show_values}
                    too_large={state.too_large}
                    awaiting={state.awaits_request().then_some(state.input.len())}
                    analysing={state.analysing()}
                    selection={state.selection}
                    picked={state.picked}
                    files={state.files.clone()}
                    {on_input} {on_paste} {on_analyse} {on_load} {on_load_files} {on_show_values} on_select={on_select.clone()} />
                { results_summary(&ResultsSummaryProps { report: report.clone() }) }
                { context_panel(&ContextPanelProps { context: state.context.clone(), error: state.context_error.clone().map(AttrValue::from), on_change: on_context, analysis: analysis.clone() }) }
            </section>
            <section class="results" id="results" tabindex="-1" aria-label="Results" aria-busy={state.is_stale().to_string()}>
                { finding_list(&FindingListProps { report: report.clone(), on_select: on_select.clone(), on_pick, on_ask, on_apply }) }
                if *full {
                    <OutputPanel analysis={analysis.clone()} {on_apply_all} {on_undo} can_undo={!state.undo.is_empty()} />
                    { next_steps(&NextStepsProps { report: report.clone(), status: steps_status }) }
                    { pictures(&PicturesProps { analysis: analysis.clone() }) }
                    { redaction_panel(&RedactionPanelProps { report, keep: state.context.keep.clone(), on_keep, on_select }) }
                }
            </section>
        </main>
    }
}
