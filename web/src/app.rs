//! The root component: owns the reducer, debounces analysis, lays out the panels.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::{ContextPanel, DiffView, ExamplePicker, FindingList, InputPanel};
use crate::state::{update, Action, State};

/// How long the page waits after the last keystroke before analysing.
pub const DEBOUNCE_MS: u32 = 150;

/// The reducer wrapper: yew's `Reducible` just calls the pure `update`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageState(pub State);

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(PageState(update(&self.0, action)))
    }
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let page = use_reducer(PageState::default);
    let state = &page.0;

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

    let on_input = dispatch_with(&page, Action::SetInput);
    let on_nodes = dispatch_with(&page, Action::SetNodes);
    let on_example = dispatch_with(&page, Action::LoadExample);
    let report = state.report.as_ref();

    html! {
        <main class="page">
            <header class="masthead">
                <h1>{ "podnet" }</h1>
                <p class="tagline">{ "Check and fix pod-network configs. Everything stays in this tab." }</p>
            </header>
            <section class="inputs" aria-label="Input">
                <ExamplePicker selected={state.example.map(AttrValue::from)} on_pick={on_example} />
                <InputPanel value={AttrValue::from(state.input.clone())} on_input={on_input} />
                <ContextPanel nodes={AttrValue::from(state.context.nodes.clone())} error={state.context_error.clone().map(AttrValue::from)} on_nodes={on_nodes} />
            </section>
            <section class="results" aria-label="Results" aria-busy={state.is_stale().to_string()}>
                <FindingList report={report.cloned().map(Rc::new)} />
                <DiffView diff={report.and_then(|r| r.diff.clone()).map(AttrValue::from)} />
            </section>
        </main>
    }
}

fn dispatch_with(
    page: &UseReducerHandle<PageState>,
    make: fn(String) -> Action,
) -> Callback<String> {
    let dispatcher = page.dispatcher();
    Callback::from(move |value: String| dispatcher.dispatch(make(value)))
}
