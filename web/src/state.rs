//! Page state and its pure update function. No yew here: this runs under native `cargo test`.

use podnet_core::{analyze, Context, Report};

use crate::examples;

/// The context fields as the user typed them (validated into a `Context` on analysis).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContextInput {
    /// Target node count, as typed.
    pub nodes: String,
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// The pasted text.
    pub input: String,
    /// The context fields.
    pub context: ContextInput,
    /// The example last picked, if the text still is that example.
    pub example: Option<&'static str>,
    /// The last analysis, of `analyzed_input`.
    pub report: Option<Report>,
    /// A problem with a context field, shown beside it.
    pub context_error: Option<String>,
    /// Bumped on every edit; the page analyses once it stops changing (debounce).
    pub revision: u64,
    /// The revision the report belongs to.
    pub analyzed_revision: u64,
}

/// What the user (or a timer) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The text changed.
    SetInput(String),
    /// The target-nodes field changed.
    SetNodes(String),
    /// An example was picked: its text and context replace the current ones, analysed at once.
    LoadExample(String),
    /// The debounce timer for `revision` fired: analyse if nothing changed since.
    Analyze(u64),
}

impl State {
    /// The core context the fields describe, or the first field that is wrong.
    pub fn core_context(&self) -> Result<Context, String> {
        let mut context = Context::default();
        context
            .set("nodes", &self.context.nodes)
            .map_err(|e| format!("Target nodes: {e}"))?;
        Ok(context)
    }

    /// True while an edit has not been analysed yet.
    pub fn is_stale(&self) -> bool {
        self.revision != self.analyzed_revision
    }
}

/// The next state after `action`.
pub fn update(state: &State, action: Action) -> State {
    let mut next = state.clone();
    match action {
        Action::SetInput(text) => {
            next.input = text;
            next.example = None;
            next.revision += 1;
        }
        Action::SetNodes(nodes) => {
            next.context.nodes = nodes;
            next.revision += 1;
        }
        Action::LoadExample(id) => {
            let Some(example) = examples::find(&id) else {
                return next;
            };
            next.input = example.text.to_string();
            next.context = ContextInput::default();
            for (key, value) in example.context {
                if *key == "nodes" {
                    next.context.nodes = value.to_string();
                }
            }
            next.example = Some(example.id);
            next.revision += 1;
            run_analysis(&mut next);
        }
        Action::Analyze(revision) => {
            if revision == next.revision && next.is_stale() {
                run_analysis(&mut next);
            }
        }
    }
    next
}

fn run_analysis(state: &mut State) {
    state.analyzed_revision = state.revision;
    match state.core_context() {
        Ok(context) => {
            state.context_error = None;
            state.report = if state.input.trim().is_empty() {
                None
            } else {
                Some(analyze(&state.input, &context))
            };
        }
        Err(message) => state.context_error = Some(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picking_the_out_of_space_example_analyses_it_at_once() {
        let state = update(
            &State::default(),
            Action::LoadExample("flannel-out-of-space".into()),
        );
        assert_eq!(state.context.nodes, "300");
        let report = state.report.as_ref().expect("analysed");
        assert!(report.has_errors());
        assert!(report
            .fixed
            .as_deref()
            .is_some_and(|f| f.contains("\"Network\": \"10.244.0.0/15\"")));
        assert!(!state.is_stale());
    }

    #[test]
    fn typing_waits_for_the_debounce_and_ignores_stale_timers() {
        let typed = update(
            &State::default(),
            Action::SetInput("{\"Network\": \"10.244.0.0/16\"}".into()),
        );
        assert!(typed.is_stale());
        assert_eq!(typed.report, None);
        let more = update(&typed, Action::SetNodes("300".into()));
        let stale_timer = update(&more, Action::Analyze(typed.revision));
        assert_eq!(
            stale_timer.report, None,
            "a timer for an older revision does nothing"
        );
        let fired = update(&more, Action::Analyze(more.revision));
        assert!(fired.report.as_ref().is_some_and(Report::has_errors));
    }

    #[test]
    fn a_bad_context_field_is_reported_and_keeps_the_last_report() {
        let analysed = update(
            &State::default(),
            Action::LoadExample("flannel-out-of-space".into()),
        );
        let typed = update(&analysed, Action::SetNodes("lots".into()));
        let fired = update(&typed, Action::Analyze(typed.revision));
        assert!(fired
            .context_error
            .as_deref()
            .is_some_and(|e| e.contains("Target nodes")));
        assert_eq!(fired.report, analysed.report);
    }

    #[test]
    fn editing_the_text_forgets_the_example() {
        let analysed = update(
            &State::default(),
            Action::LoadExample("flannel-out-of-space".into()),
        );
        let typed = update(&analysed, Action::SetInput("{}".into()));
        assert_eq!(typed.example, None);
        assert_eq!(typed.input, "{}");
    }
}
