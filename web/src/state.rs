//! Page state and its pure update function. No yew here: this runs under native `cargo test`.
//!
//! The user's own text (`input`) lives only in this state, in memory: never in the URL, never in
//! storage. The editor shows the redacted text by default (`view`); edits made there are mapped
//! back to the user's values with [`Redacted::restore`], so placeholders stand for the originals.
//!
//! Where the page has its analysis worker (`offload`), an analysis is a request: `pending` holds
//! its revision, the page posts the text to the worker, and the reply comes back as
//! [`Action::Analysed`]; a reply for an older revision is dropped. Without a worker (and in these
//! tests) the same step runs here, synchronously.

use crate::shared::Shared;

use podnet_core::context::{ContextKey, CONTEXT_KEYS};
use podnet_core::redact::{kind, Redacted, Tier};
use podnet_core::{Context, RedactionOptions, Report};

pub use crate::analysis::Analysis;
use crate::analysis::{analyse, redact};
use crate::examples;
use crate::fragment;

/// Inputs larger than this are not analysed: the page says so instead of freezing the tab.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// Inputs up to this size are analysed as the user types (once typing pauses). Above it the
/// analysis takes long enough (about a second at 1 MB, docs/measurements.md) that analysing after
/// every pause would freeze typing: a paste, a dropped or opened file, an example or a context
/// change still analyses on its own, but edits wait for "Analyse" (or Ctrl+Enter).
pub const LIVE_LIMIT_BYTES: usize = 256 * 1024;

/// A size for messages: whole KB below a megabyte, else MB with one decimal ("1.5 MB").
///
/// Integer arithmetic on purpose: formatting an `f64` would pull the float formatting code into
/// the wasm (about 7 KB gzip'd).
pub fn size_text(bytes: usize) -> String {
    const MB: usize = 1_048_576;
    if bytes < MB {
        format!("{} KB", bytes / 1024)
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The context fields as the user typed them (each validated by `Context::set` on analysis).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextInput {
    /// The text of each field the page shows ([`page_keys`]), in their order.
    fields: Vec<(&'static str, String)>,
    /// `keep`: identifier-tier redaction kinds the user chose not to redact.
    pub keep: Vec<String>,
}

impl Default for ContextInput {
    fn default() -> Self {
        ContextInput {
            fields: page_keys().map(|key| (key.name, String::new())).collect(),
            keep: Vec::new(),
        }
    }
}

/// The context keys the page's form shows, in order: those the core declares `on_page`.
pub fn page_keys() -> impl Iterator<Item = &'static ContextKey> {
    CONTEXT_KEYS.iter().filter(|key| key.on_page)
}

impl ContextInput {
    /// The text field for `key`, if the page has one.
    pub fn field(&self, key: &str) -> Option<&String> {
        self.fields
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value)
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut String> {
        self.fields
            .iter_mut()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value)
    }

    /// Sets one field from its URL/example form. `keep` takes a comma-separated list and only
    /// identifier-tier kinds: a link can never switch off the redaction of a secret.
    pub fn set(&mut self, key: &str, value: &str) {
        if key == "keep" {
            self.keep = value
                .split(',')
                .filter_map(kind::by_name)
                .filter(|kind| kind.tier == Tier::Identifier)
                .map(|kind| kind.name.to_string())
                .collect();
        } else if let Some(field) = self.field_mut(key) {
            *field = value.to_string();
        }
    }

    /// The non-empty fields as `(key, value)`, in [`page_keys`] order then `keep`.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = self
            .fields
            .iter()
            .filter_map(|(key, value)| {
                let value = value.trim();
                (!value.is_empty()).then(|| (*key, value.to_string()))
            })
            .collect();
        if !self.keep.is_empty() {
            pairs.push(("keep", self.keep.join(",")));
        }
        pairs
    }

    /// The fragment that records these settings (`nodes=300&platform=azure`).
    pub fn to_fragment(&self) -> String {
        let pairs = self.pairs();
        fragment::encode_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }

    /// The settings in a fragment; unknown keys are ignored.
    pub fn from_fragment(text: &str) -> ContextInput {
        let mut context = ContextInput::default();
        for (key, value) in fragment::decode_pairs(text) {
            context.set(&key, &value);
        }
        context
    }

    /// The redaction switches alone (valid even when another field is not).
    pub fn redaction(&self) -> RedactionOptions {
        RedactionOptions {
            keep: self.keep.clone(),
        }
    }

    /// The core context, or the first field that is wrong (with its label).
    pub fn core_context(&self) -> Result<Context, String> {
        let mut context = Context::default();
        for (key, value) in &self.fields {
            let declared = ContextKey::named(key);
            let result = if declared.is_some_and(ContextKey::repeatable) {
                list_items(value).try_for_each(|item| context.set(key, item))
            } else {
                context.set(key, value)
            };
            let label = declared.map_or(*key, |declared| declared.label);
            result.map_err(|error| format!("{label}: {error}"))?;
        }
        context.redaction = self.redaction();
        Ok(context)
    }
}

fn list_items(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|item| !item.is_empty())
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// The user's text, with their values. Memory only.
    pub input: String,
    /// The redacted text the editor shows while "show my values" is off.
    pub view: String,
    /// The context fields.
    pub context: ContextInput,
    /// The example last picked, if the text still is that example.
    pub example: Option<&'static str>,
    /// The last analysis.
    pub analysis: Option<Shared<Analysis>>,
    /// A problem with a context field, shown beside the fields.
    pub context_error: Option<String>,
    /// Set (to the size in bytes) when the input is over [`MAX_INPUT_BYTES`].
    pub too_large: Option<usize>,
    /// Whether the editor shows the user's values instead of placeholders.
    pub show_values: bool,
    /// The line to highlight in the editor, with a counter so picking it again re-selects it.
    pub selection: Option<(u32, u32)>,
    /// True while the page shows a share link's text and context unchanged (the link stays in
    /// the address bar until the user changes something).
    pub shared: bool,
    /// Set when the user asked for the next analysis (a paste, "Analyse"): it runs even when the
    /// input is over [`LIVE_LIMIT_BYTES`].
    pub requested: bool,
    /// Bumped on every edit; the page analyses once it stops changing (debounce).
    pub revision: u64,
    /// The revision the analysis belongs to.
    pub analyzed_revision: u64,
    /// The user's texts before each applied fix, newest last: what "Undo" puts back.
    pub undo: Vec<String>,
    /// The finding picked in the list (its index in the report): the editor selects its span
    /// rather than its whole line. `None` after a line was picked.
    pub picked: Option<usize>,
    /// The names of the files opened or dropped together, each with its first line in the
    /// input (`files::join`); empty once the text comes from anywhere else.
    pub files: Vec<(u32, String)>,
    /// The redaction `view` shows, through which edits made there get the user's values back
    /// (`None` when the view holds no placeholder of the user's).
    pub redaction: Option<Shared<Redacted>>,
    /// True when analyses run in the page's worker: an analysis is then requested (`pending`)
    /// and arrives as [`Action::Analysed`].
    pub offload: bool,
    /// The revision whose analysis the worker was asked for and has not answered yet.
    pub pending: Option<u64>,
    /// The last request of a finding for a context value (the form opens and focuses the field).
    pub ask: Ask,
}

/// A request to fill a context field: its key, and a count that makes each request new.
pub type Ask = (Option<&'static str>, u32);

/// The size from which the page says that an analysis is running (below it the answer comes
/// within a frame or two).
pub const BUSY_NOTE_BYTES: usize = 64 * 1024;

/// What the user (or a timer) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The editor's text changed (to what the editor now shows) by typing.
    SetInput(String),
    /// The editor's text changed by a paste or a drop: like `SetInput`, but analysed once typing
    /// pauses whatever the size (up to [`MAX_INPUT_BYTES`]).
    PasteInput(String),
    /// "Analyse" (or Ctrl+Enter): analyse the current text now, whatever its size.
    AnalyzeNow,
    /// A file was opened or dropped: its text replaces the input, analysed at once.
    LoadText(String),
    /// Several files were opened or dropped at once: (name, text) each, joined as one input
    /// whose documents name their file, analysed at once.
    LoadFiles(Vec<(String, String)>),
    /// A context field changed: (key, value) as `Context::set` takes them.
    SetContext(&'static str, String),
    /// An identifier kind's redaction was switched: (kind name, keep it visible).
    SetKeep(String, bool),
    /// An example was picked: its text and context replace the current ones, analysed at once.
    LoadExample(String),
    /// A share link was opened: its redacted text and context fragment, analysed at once.
    LoadShared(String, String),
    /// The "show my values" switch.
    ShowValues(bool),
    /// Highlight this line in the editor.
    SelectLine(u32),
    /// Select a finding's span in the editor (its index in the report's findings).
    SelectFinding(usize),
    /// A finding's request for a context value was followed: open the form at that field.
    Ask(&'static str),
    /// The debounce timer for `revision` fired: analyse if nothing changed since.
    Analyze(u64),
    /// Apply one finding's fix (its index in the report's findings) to the text.
    ApplyFix(usize),
    /// Apply every fix: the text becomes the corrected config.
    ApplyAll,
    /// Put back the text as it was before the last applied fix.
    Undo,
    /// The worker's analysis of a revision (`None`: it could not analyse, so the page analyses
    /// by itself from now on).
    Analysed(u64, Option<Shared<Analysis>>),
    /// The worker failed (its script did not load, or it stopped): the page analyses by itself
    /// from now on, starting with what it had asked.
    NoWorker,
}

impl State {
    /// True while an edit has not been analysed yet.
    pub fn is_stale(&self) -> bool {
        self.revision != self.analyzed_revision
    }

    /// True when edits are analysed as the user types: the input is at most
    /// [`LIVE_LIMIT_BYTES`] (or the user asked for the next analysis).
    pub fn is_live(&self) -> bool {
        self.input.len() <= LIVE_LIMIT_BYTES || self.requested
    }

    /// True while edits wait for "Analyse": stale, too large to analyse as the user types, and
    /// not being analysed (a paste's analysis in the worker is not an edit left waiting).
    pub fn awaits_request(&self) -> bool {
        self.is_stale()
            && !self.is_live()
            && self.input.len() <= MAX_INPUT_BYTES
            && self.pending != Some(self.revision)
    }

    /// The last report, if any.
    pub fn report(&self) -> Option<&Report> {
        self.analysis.as_deref().map(|analysis| &*analysis.report)
    }

    /// The last report when it is about the text as it is now (fixes apply only to that text).
    pub fn current_report(&self) -> Option<&Report> {
        self.report().filter(|_| !self.is_stale())
    }

    /// The input's size while a large input's analysis runs in the worker.
    pub fn analysing(&self) -> Option<usize> {
        let size = self.input.len();
        (self.pending == Some(self.revision) && size >= BUSY_NOTE_BYTES).then_some(size)
    }

    /// The request the worker should answer: the revision, the text and the context (as its URL
    /// fragment, which the worker reads back with [`ContextInput::from_fragment`]).
    pub fn request(&self) -> Option<(u64, &str, String)> {
        let revision = self.pending?;
        Some((revision, &self.input, self.context.to_fragment()))
    }

    /// What the editor shows: the redacted text, or the user's own with "show my values".
    pub fn editor_text(&self) -> &str {
        if self.show_values {
            &self.input
        } else {
            &self.view
        }
    }
}

/// The text a share link carries: the user's own text (`State::input`, whatever the editor
/// shows) redacted as the context's switches say. A link never holds a secret.
pub fn share_text(input: &str, context: &ContextInput) -> String {
    redact(input, &context.redaction()).text
}

/// The next state after `action`.
pub fn update(state: &State, action: Action) -> State {
    let mut next = state.clone();
    next.shared = matches!(
        action,
        Action::LoadShared(..)
            | Action::ShowValues(_)
            | Action::SelectLine(_)
            | Action::SelectFinding(_)
            | Action::Ask(_)
            | Action::Analyze(_)
            | Action::Analysed(..)
            | Action::NoWorker
    ) && (state.shared || matches!(action, Action::LoadShared(..)));
    match action {
        Action::SetInput(text) => set_input(state, &mut next, text),
        Action::PasteInput(text) => {
            let text = crate::append::separate(state.editor_text(), &text);
            set_input(state, &mut next, text);
            next.requested = true;
        }
        Action::AnalyzeNow => {
            let asked = next.pending == Some(next.revision);
            if !asked && (next.is_stale() || next.analysis.is_none()) {
                run_analysis(&mut next);
            }
        }
        Action::LoadText(text) => {
            next.input = text;
            next.example = None;
            next.files.clear();
            next.revision += 1;
            run_analysis(&mut next);
        }
        Action::LoadFiles(files) => {
            let (text, starts) = crate::files::join(&files);
            next.view = text.clone();
            next.input = text;
            next.example = None;
            next.files = starts;
            next.revision += 1;
            show_redacted(&mut next);
            run_analysis(&mut next);
        }
        Action::SetContext(key, value) => {
            next.context.set(key, &value);
            next.revision += 1;
            next.requested = true;
        }
        Action::SetKeep(kind, keep) => {
            next.context.keep.retain(|kept| *kept != kind);
            if keep {
                next.context.keep.push(kind);
            }
            let keep = next.context.keep.join(",");
            next.context.set("keep", &keep);
            next.revision += 1;
            run_analysis(&mut next);
        }
        Action::LoadExample(id) => {
            let Some(example) = examples::find(&id) else {
                return next;
            };
            next.input = example.text.to_string();
            next.view = next.input.clone();
            next.context = ContextInput::default();
            for (key, value) in example.context {
                next.context.set(key, value);
            }
            next.example = Some(example.id);
            next.files.clear();
            next.revision += 1;
            show_redacted(&mut next);
            run_analysis(&mut next);
        }
        Action::LoadShared(text, context) => {
            // A link's text is redacted already; its placeholders stand for no value here.
            next.view = text.clone();
            next.redaction = None;
            next.input = text;
            next.context = ContextInput::from_fragment(&context);
            next.example = None;
            next.files.clear();
            next.revision += 1;
            run_analysis(&mut next);
        }
        Action::ShowValues(show) => {
            next.show_values = show;
            if !show && next.is_stale() {
                show_redacted(&mut next);
                if next.pending != Some(next.revision) {
                    run_analysis(&mut next);
                }
            }
        }
        Action::SelectLine(line) => {
            let count = state.selection.map_or(0, |(_, count)| count + 1);
            next.selection = Some((line, count));
            next.picked = None;
        }
        Action::SelectFinding(index) => {
            if let Some(finding) = state.report().and_then(|report| report.findings.get(index)) {
                let count = state.selection.map_or(0, |(_, count)| count + 1);
                next.selection = Some((finding.span.line, count));
                next.picked = Some(index);
            }
        }
        Action::Ask(key) => next.ask = (Some(key), state.ask.1.wrapping_add(1)),
        Action::ApplyFix(index) => {
            let fixed = state.current_report().and_then(|report| {
                let finding = report.findings.get(index)?.clone();
                finding.fix.as_ref()?;
                Some(podnet_core::apply_fixes(&report.text, &[finding]))
            });
            if let Some(fixed) = fixed {
                apply_fixed(state, &mut next, &fixed);
            }
        }
        Action::ApplyAll => {
            let fixed = state
                .current_report()
                .and_then(|report| report.fixed.clone());
            if let Some(fixed) = fixed {
                apply_fixed(state, &mut next, &fixed);
            }
        }
        Action::Undo => {
            if let Some(previous) = next.undo.pop() {
                next.input = previous;
                next.example = None;
                next.revision += 1;
                show_redacted(&mut next);
                run_analysis(&mut next);
            }
        }
        Action::NoWorker => {
            next.offload = false;
            if next.pending.take() == Some(next.revision) {
                run_analysis(&mut next);
            }
        }
        Action::Analysed(revision, analysis) => {
            // A reply for an older revision (the text changed since) is dropped.
            if next.pending == Some(revision) {
                next.pending = None;
                if revision == next.revision {
                    match analysis {
                        Some(analysis) => install(&mut next, analysis),
                        None => {
                            next.offload = false;
                            run_analysis(&mut next);
                        }
                    }
                }
            }
        }
        Action::Analyze(revision) => {
            // Over the size limit "analysing" only says so, which is quick.
            let quick = next.is_live() || next.input.len() > MAX_INPUT_BYTES;
            let asked = next.pending == Some(revision);
            if revision == next.revision && next.is_stale() && quick && !asked {
                run_analysis(&mut next);
            }
        }
    }
    next
}

/// Replaces the text with `fixed` (the analysed, redacted text with fixes applied), the user's
/// values put back, remembering the text before for "Undo"; analysed at once.
fn apply_fixed(state: &State, next: &mut State, fixed: &str) {
    let Some(analysis) = &state.analysis else {
        return;
    };
    next.undo.push(state.input.clone());
    next.input = analysis.redacted.restore(fixed);
    // The fixed text is redacted by the same redaction: shown at once, analysed next.
    next.view = fixed.to_string();
    next.redaction = Some(analysis.redacted.clone());
    next.example = None;
    next.revision += 1;
    run_analysis(next);
}

/// An edit in the editor: `text` is what the editor shows, so with placeholders shown the
/// user's values are put back in.
fn set_input(state: &State, next: &mut State, text: String) {
    next.input = match (&state.redaction, state.show_values) {
        (Some(redaction), false) => redaction.restore(&text),
        _ => text.clone(),
    };
    next.view = text;
    next.example = None;
    next.files.clear();
    next.revision += 1;
}

/// Analyses the input as it is now: here, or (with `offload`) by asking the worker, whose reply
/// [`install`]s it. What needs no analysis (too large, a bad context field, an empty text) is
/// settled here either way.
fn run_analysis(state: &mut State) {
    state.requested = false;
    state.too_large = None;
    state.pending = None;
    if state.input.len() > MAX_INPUT_BYTES {
        state.analyzed_revision = state.revision;
        state.too_large = Some(state.input.len());
        state.analysis = None;
        return;
    }
    let context = match state.context.core_context() {
        Ok(context) => {
            state.context_error = None;
            context
        }
        Err(message) => {
            state.analyzed_revision = state.revision;
            state.context_error = Some(message);
            return;
        }
    };
    if state.input.trim().is_empty() {
        state.analyzed_revision = state.revision;
        state.analysis = None;
        state.view = state.input.clone();
        state.redaction = None;
        return;
    }
    if state.offload {
        state.pending = Some(state.revision);
    } else {
        let analysis = analyse(&state.input, &context);
        install(state, Shared::new(analysis));
    }
}

/// Shows `analysis`, which is of the input as it is now.
fn install(state: &mut State, analysis: Shared<Analysis>) {
    state.analyzed_revision = state.revision;
    state.view = analysis.redacted.text.clone();
    state.redaction = Some(analysis.redacted.clone());
    state.analysis = Some(analysis);
}

/// With the worker, a text that replaces the editor's (a file, an example, an undo, the switch
/// back to placeholders) is redacted here first, so the editor never shows the user's values
/// while its analysis runs. Without it the analysis that follows at once does this.
fn show_redacted(state: &mut State) {
    if state.offload {
        let redacted = redact(&state.input, &state.context.redaction());
        state.view = redacted.text.clone();
        state.redaction = Some(Shared::new(redacted));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_key_round_trips_through_the_fragment_into_the_core_context() {
        let mut input = ContextInput::default();
        for key in page_keys() {
            input.set(key.name, key.example);
        }
        assert_eq!(input.pairs().len(), page_keys().count());
        let back = ContextInput::from_fragment(&input.to_fragment());
        assert_eq!(back, input);
        let context = input.core_context().expect("every example is valid");
        assert_eq!(context.target_nodes, Some(300));
        assert_eq!(context.avoid.len(), 1);
        assert_eq!(context.platform, podnet_core::Platform::Azure);
    }

    fn load(id: &str) -> State {
        update(&State::default(), Action::LoadExample(id.into()))
    }

    /// What "copy" gives for `state`'s analysis.
    fn output(state: &State, with_my_values: bool) -> String {
        state
            .analysis
            .as_deref()
            .expect("analysed")
            .output_text(with_my_values)
    }

    #[test]
    fn picking_the_out_of_space_example_analyses_it_at_once() {
        let state = load("flannel-out-of-space");
        assert_eq!(
            state.context.field("nodes").map(String::as_str),
            Some("300")
        );
        let report = state.report().expect("analysed");
        assert!(report.has_errors());
        assert!(report
            .fixed
            .as_deref()
            .is_some_and(|f| f.contains("\"Network\": \"10.244.0.0/15\"")));
        assert!(!state.is_stale());
    }

    #[test]
    fn every_example_tells_its_story() {
        let mtu = load("vxlan-mtu");
        let rules: Vec<&str> = mtu
            .report()
            .expect("mtu")
            .findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect();
        assert!(rules.contains(&"flannel/delegate-mtu"), "{rules:?}");
        assert!(output(&mtu, false).contains("\"mtu\": 1450"));
        let aks = load("aks-kubenet");
        let fixed = output(&aks, false);
        assert!(fixed.contains("--network-plugin-mode overlay"), "{fixed}");
        assert!(aks.report().is_some_and(|r| !r.next_steps.is_empty()));
        let secrets = load("fake-secrets");
        let report = secrets.report().expect("secrets");
        assert!(report.redactions.len() >= 5, "{:?}", report.redactions);
        assert!(!secrets.view.contains("FAKEtokenEXAMPLE"));
        assert!(secrets.input.contains("FAKEtokenEXAMPLE"));
    }

    #[test]
    fn typing_waits_for_the_debounce_and_ignores_stale_timers() {
        let typed = update(
            &State::default(),
            Action::SetInput("{\"Network\": \"10.244.0.0/16\"}".into()),
        );
        assert!(typed.is_stale());
        assert_eq!(typed.analysis, None);
        let more = update(&typed, Action::SetContext("nodes", "300".into()));
        let stale_timer = update(&more, Action::Analyze(typed.revision));
        assert_eq!(
            stale_timer.analysis, None,
            "a timer for an older revision does nothing"
        );
        let fired = update(&more, Action::Analyze(more.revision));
        assert!(fired.report().is_some_and(Report::has_errors));
    }

    #[test]
    fn a_bad_context_field_is_reported_and_keeps_the_last_report() {
        let analysed = load("flannel-out-of-space");
        let typed = update(&analysed, Action::SetContext("nodes", "lots".into()));
        let fired = update(&typed, Action::Analyze(typed.revision));
        assert!(fired
            .context_error
            .as_deref()
            .is_some_and(|e| e.contains("Target nodes")));
        assert_eq!(fired.analysis, analysed.analysis);
        let bad_list = update(
            &analysed,
            Action::SetContext("avoid", "10.0.0.0/8, nope".into()),
        );
        let fired = update(&bad_list, Action::Analyze(bad_list.revision));
        assert!(fired
            .context_error
            .as_deref()
            .is_some_and(|e| e.starts_with("CIDRs to avoid")));
    }

    #[test]
    fn context_lists_and_choices_reach_the_core_context() {
        let mut input = ContextInput::default();
        input.set("avoid", "10.0.0.0/8, 192.168.0.0/16");
        input.set("vnet-cidr", "10.20.0.0/16");
        input.set("platform", "azure");
        input.set("subnet-manager", "etcd");
        input.set("headroom", "20");
        let context = input.core_context().expect("valid");
        assert_eq!(context.avoid.len(), 2);
        assert_eq!(context.vnet.len(), 1);
        assert_eq!(context.platform, podnet_core::Platform::Azure);
        assert_eq!(
            context.subnet_manager,
            Some(podnet_core::SubnetManager::Etcd)
        );
        assert_eq!(context.headroom_percent, Some(20));
    }

    #[test]
    fn the_context_round_trips_through_the_fragment() {
        let mut input = ContextInput::default();
        input.set("nodes", "300");
        input.set("avoid", "10.0.0.0/8,192.168.0.0/16");
        input.set("keep", "email,public-ip");
        let fragment = input.to_fragment();
        assert_eq!(
            fragment,
            "nodes=300&avoid=10.0.0.0/8,192.168.0.0/16&keep=email,public-ip"
        );
        assert_eq!(ContextInput::from_fragment(&format!("#{fragment}")), input);
    }

    #[test]
    fn a_link_cannot_switch_off_the_redaction_of_secrets() {
        let context = ContextInput::from_fragment("#keep=password,email,token,high-entropy");
        assert_eq!(context.keep, vec!["email".to_string()]);
    }

    #[test]
    fn the_editor_shows_placeholders_and_edits_keep_the_values() {
        let secrets = load("fake-secrets");
        assert_eq!(secrets.editor_text(), secrets.view);
        let shown = update(&secrets, Action::ShowValues(true));
        assert!(shown.editor_text().contains("FAKEtokenEXAMPLE"));
        // An edit in the redacted view: the placeholders still stand for the user's values.
        let edited_view = format!("{}# edited\n", secrets.view);
        let edited = update(&secrets, Action::SetInput(edited_view.clone()));
        assert_eq!(edited.input, format!("{}# edited\n", secrets.input));
        assert_eq!(edited.editor_text(), edited_view);
    }

    #[test]
    fn copy_redacted_never_holds_a_value_and_copy_with_values_does() {
        let secrets = load("fake-secrets");
        let shown = update(&secrets, Action::ShowValues(true));
        for state in [&secrets, &shown] {
            let redacted = output(state, false);
            assert!(!redacted.contains("FAKE-Passw0rd-EXAMPLE"), "{redacted}");
            assert!(redacted.contains(podnet_core::redact::PLACEHOLDER_PREFIX));
            let mine = output(state, true);
            assert!(mine.contains("FAKE-Passw0rd-EXAMPLE"));
        }
        // The share link takes the user's own text and redacts it, whatever the editor shows.
        assert!(!share_text(&secrets.input, &secrets.context).contains("FAKE-Passw0rd"));
        assert!(!share_text(&shown.input, &shown.context).contains("FAKEtoken"));
    }

    #[test]
    fn a_share_link_keeps_the_identifier_kinds_the_user_keeps_and_no_secret() {
        let secrets = load("fake-secrets");
        let kept = update(&secrets, Action::SetKeep("email".into(), true));
        let shared = share_text(&kept.input, &kept.context);
        assert!(shared.contains("platform-team@example.org"), "{shared}");
        assert!(!shared.contains("FAKEtokenEXAMPLE"), "{shared}");
    }

    #[test]
    fn keeping_an_identifier_kind_shows_it_and_nothing_else() {
        let secrets = load("fake-secrets");
        let kept = update(&secrets, Action::SetKeep("email".into(), true));
        assert!(kept.view.contains("platform-team@example.org"));
        assert!(!kept.view.contains("FAKEtokenEXAMPLE"));
        assert_eq!(kept.context.to_fragment(), "keep=email");
        let back = update(&kept, Action::SetKeep("email".into(), false));
        assert!(!back.view.contains("platform-team@example.org"));
        let sneaky = update(&secrets, Action::SetKeep("password".into(), true));
        assert!(
            sneaky.context.keep.is_empty(),
            "only identifier kinds can be kept"
        );
    }

    #[test]
    fn an_input_over_the_limit_is_not_analysed() {
        let big = "# x\n".repeat(MAX_INPUT_BYTES / 4 + 1);
        let typed = update(&load("flannel-out-of-space"), Action::SetInput(big));
        let fired = update(&typed, Action::Analyze(typed.revision));
        assert_eq!(fired.too_large, Some(MAX_INPUT_BYTES + 4));
        assert_eq!(fired.analysis, None);
    }

    /// A kube-flannel ConfigMap whose /16 is too small for 300 nodes, padded past `bytes`.
    fn large_paste(bytes: usize) -> String {
        let mut text = String::from(concat!(
            "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n",
            "  namespace: kube-flannel\ndata:\n  net-conf.json: |\n",
            "    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n",
        ));
        let mut i = 0;
        while text.len() <= bytes {
            text.push_str(&format!("# padding line {i} of a long paste\n"));
            i += 1;
        }
        text
    }

    fn with_nodes() -> State {
        let mut state = State::default();
        state.context.set("nodes", "300");
        state
    }

    #[test]
    fn sizes_read_in_kb_below_a_megabyte_and_in_tenths_of_mb_above() {
        assert_eq!(size_text(300 * 1024 + 5), "300 KB");
        assert_eq!(size_text(1_048_576), "1.0 MB");
        assert_eq!(size_text(1_006_330 * 2), "1.9 MB");
        assert_eq!(size_text(1_048_576 * 3 / 2), "1.5 MB");
        assert_eq!(size_text(MAX_INPUT_BYTES + 4), "2.0 MB");
    }

    #[test]
    fn small_inputs_are_analysed_as_the_user_types() {
        let typed = update(&with_nodes(), Action::SetInput(large_paste(10_000)));
        assert!(typed.is_live());
        assert!(!typed.awaits_request());
        let fired = update(&typed, Action::Analyze(typed.revision));
        assert!(fired.report().is_some_and(Report::has_errors));
    }

    #[test]
    fn typing_over_the_live_limit_waits_for_analyse() {
        let big = large_paste(LIVE_LIMIT_BYTES);
        assert!(big.len() > LIVE_LIMIT_BYTES);
        let typed = update(&with_nodes(), Action::SetInput(big.clone()));
        assert!(!typed.is_live());
        assert!(typed.awaits_request());
        let fired = update(&typed, Action::Analyze(typed.revision));
        assert_eq!(fired.analysis, None, "the debounce timer does not analyse");
        assert!(fired.awaits_request());
        assert_eq!(fired.input, big, "nothing typed is lost");
        let asked = update(&fired, Action::AnalyzeNow);
        assert!(asked.report().is_some_and(Report::has_errors));
        assert!(!asked.is_stale());
        assert!(!asked.awaits_request());
    }

    #[test]
    fn a_paste_over_the_live_limit_is_analysed_once_typing_pauses() {
        let pasted = update(
            &with_nodes(),
            Action::PasteInput(large_paste(LIVE_LIMIT_BYTES)),
        );
        assert!(pasted.is_live() && !pasted.awaits_request());
        let fired = update(&pasted, Action::Analyze(pasted.revision));
        assert!(fired.report().is_some_and(Report::has_errors));
        // The next keystroke is typing again: it waits for "Analyse".
        let typed = update(&fired, Action::SetInput(format!("{}#", fired.view)));
        assert!(typed.awaits_request());
        assert_eq!(
            update(&typed, Action::Analyze(typed.revision)).analyzed_revision,
            fired.revision
        );
    }

    #[test]
    fn a_context_change_analyses_a_large_input_too() {
        let analysed = update(
            &with_nodes(),
            Action::LoadText(large_paste(LIVE_LIMIT_BYTES)),
        );
        assert!(analysed.report().is_some_and(Report::has_errors));
        let changed = update(&analysed, Action::SetContext("nodes", "100".into()));
        let fired = update(&changed, Action::Analyze(changed.revision));
        assert!(!fired.is_stale());
        assert!(
            fired.report().is_some_and(|r| !r.has_errors()),
            "100 nodes fit a /16"
        );
    }

    #[test]
    fn analyse_now_without_an_edit_changes_nothing() {
        let analysed = load("flannel-out-of-space");
        let again = update(&analysed, Action::AnalyzeNow);
        assert_eq!(again, analysed);
    }

    #[test]
    fn a_shared_link_restores_text_and_context() {
        let shared = update(
            &State::default(),
            Action::LoadShared(
                include_str!("../../static/examples/out-of-space.net-conf.json").into(),
                "nodes=300".into(),
            ),
        );
        assert_eq!(
            shared.context.field("nodes").map(String::as_str),
            Some("300")
        );
        assert!(shared.report().is_some_and(Report::has_errors));
        assert!(shared.shared);
        assert!(
            update(&shared, Action::ShowValues(true)).shared,
            "looking changes nothing"
        );
        let edited = update(&shared, Action::SetContext("nodes", "200".into()));
        assert!(!edited.shared, "a change ends the shared view");
    }

    #[test]
    fn several_files_are_one_analysis_whose_documents_name_their_file() {
        let files = vec![
            (
                String::from("kubeadm.yaml"),
                String::from("apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n"),
            ),
            (
                String::from("net-conf.json"),
                String::from("{\n  \"Network\": \"10.245.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n"),
            ),
        ];
        let loaded = update(&State::default(), Action::LoadFiles(files));
        let report = &loaded.analysis.as_ref().expect("analysed at once").report;
        let named: Vec<(&str, &str)> = report
            .documents
            .iter()
            .filter_map(|d| {
                crate::files::file_of(&loaded.files, d.span.line)
                    .map(|(name, _)| (d.kind.name(), name))
            })
            .collect();
        assert_eq!(
            named,
            [
                ("kubeadm-config", "kubeadm.yaml"),
                ("flannel-net-conf", "net-conf.json")
            ]
        );
        assert!(report
            .findings
            .iter()
            .any(|f| f.rule.as_str() == "flannel/cluster-cidr" && f.span.line == 7));
        let typed = update(&loaded, Action::SetInput(format!("{}\n", loaded.input)));
        assert!(typed.files.is_empty(), "an edit forgets the file names");
    }

    #[test]
    fn a_subnet_env_among_the_files_is_a_document_checked_against_the_config() {
        let files = vec![
            (
                String::from("net-conf.json"),
                String::from("{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n"),
            ),
            (
                String::from("subnet.env"),
                String::from("FLANNEL_NETWORK=10.200.0.0/16\nFLANNEL_SUBNET=10.200.3.1/24\nFLANNEL_MTU=1450\n"),
            ),
        ];
        let loaded = update(&State::default(), Action::LoadFiles(files));
        let report = &loaded.analysis.as_ref().expect("analysed at once").report;
        let kinds: Vec<&str> = report.documents.iter().map(|d| d.kind.name()).collect();
        assert_eq!(kinds, ["flannel-net-conf", "flannel-subnet-env"]);
        assert_eq!(
            crate::files::file_of(&loaded.files, report.documents[1].span.line),
            Some(("subnet.env", 1))
        );
        assert!(report
            .findings
            .iter()
            .any(|f| f.rule.as_str() == "cluster/conflicting-values"));
    }

    #[test]
    fn a_document_pasted_after_another_becomes_its_own() {
        let kubeadm = "networking:\n  podSubnet: 10.100.0.0/16\n";
        let typed = update(&State::default(), Action::SetInput(kubeadm.into()));
        let config_map = "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
        let pasted = update(&typed, Action::PasteInput(format!("{kubeadm}{config_map}")));
        assert_eq!(pasted.input, format!("{kubeadm}---\n{config_map}"));
        let analysed = update(&pasted, Action::Analyze(pasted.revision));
        let report = analysed.report().expect("analysed");
        let kinds: Vec<&str> = report.documents.iter().map(|d| d.kind.name()).collect();
        assert_eq!(kinds, ["kubeadm-config", "flannel-configmap"]);
    }

    #[test]
    fn selecting_the_same_line_again_is_a_new_selection() {
        let once = update(&State::default(), Action::SelectLine(4));
        let twice = update(&once, Action::SelectLine(4));
        assert_eq!(once.selection.map(|s| s.0), Some(4));
        assert_ne!(once.selection, twice.selection);
    }

    #[test]
    fn picking_a_finding_selects_its_line_and_remembers_which() {
        let loaded = load("flannel-out-of-space");
        let line = loaded.report().expect("analysed").findings[0].span.line;
        let picked = update(&loaded, Action::SelectFinding(0));
        assert_eq!(picked.selection.map(|s| s.0), Some(line));
        assert_eq!(picked.picked, Some(0));
        let again = update(&picked, Action::SelectFinding(0));
        assert_ne!(again.selection, picked.selection, "a new selection");
        assert_eq!(update(&picked, Action::SelectLine(1)).picked, None);
        assert_eq!(update(&loaded, Action::SelectFinding(99)), loaded);
    }

    #[test]
    fn each_request_for_a_context_value_is_new_and_keeps_a_shared_view() {
        let shared = State {
            shared: true,
            ..State::default()
        };
        let asked = update(&shared, Action::Ask("nodes"));
        assert_eq!(asked.ask.0, Some("nodes"));
        assert!(
            asked.shared,
            "following a finding changes nothing the link holds"
        );
        let again = update(&asked, Action::Ask("nodes"));
        assert_ne!(again.ask, asked.ask, "asking again focuses the field again");
        assert_eq!(again.revision, shared.revision);
    }

    #[test]
    fn editing_the_text_forgets_the_example() {
        let typed = update(&load("flannel-out-of-space"), Action::SetInput("{}".into()));
        assert_eq!(typed.example, None);
        assert_eq!(typed.input, "{}");
    }

    #[test]
    fn one_fix_applies_alone_keeps_the_users_values_and_undoes() {
        let text = "# token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\naz aks create -g rg -n aks --network-plugin kubenet --pod-cidr 10.244.0.0/16 --service-cidr 10.244.0.0/16 --dns-service-ip 10.244.0.10\n";
        let loaded = update(&State::default(), Action::LoadText(text.into()));
        let report = loaded.report().expect("analysed");
        let fixes: Vec<usize> = (0..report.findings.len())
            .filter(|&i| report.findings[i].fix.is_some())
            .collect();
        assert!(!fixes.is_empty(), "the command has fixes");
        let one = update(&loaded, Action::ApplyFix(fixes[0]));
        assert_ne!(one.input, text, "the fix changed the text");
        assert!(
            one.input.contains("FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c"),
            "the user's values are kept"
        );
        assert!(!one.is_stale(), "analysed at once");
        assert_eq!(one.undo, [text.to_string()]);
        let back = update(&one, Action::Undo);
        assert_eq!(back.input, text);
        assert!(back.undo.is_empty());
        assert_eq!(
            update(&back, Action::Undo).input,
            text,
            "nothing left to undo"
        );

        let all = update(&loaded, Action::ApplyAll);
        let corrected = loaded
            .analysis
            .as_ref()
            .expect("analysed")
            .output_text(true);
        assert_eq!(
            all.input, corrected,
            "apply all gives the corrected text, with my values"
        );
        assert!(all.input.contains("FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c"));
        let again = update(&all, Action::ApplyAll);
        assert_eq!(again.undo.len(), 1, "nothing left to fix adds no undo step");
    }

    /// A state whose analyses go to a worker.
    fn offloaded() -> State {
        State {
            offload: true,
            ..with_nodes()
        }
    }

    /// What the page's worker does with `state`'s request, through the same bytes.
    fn answer(state: &State) -> State {
        let (revision, text, context) = state.request().expect("a request");
        let context = ContextInput::from_fragment(&context)
            .core_context()
            .expect("the page asks with a valid context");
        let bytes = crate::wire::encode(&analyse(text, &context));
        let analysis = crate::wire::decode(&bytes).map(Shared::new);
        update(state, Action::Analysed(revision, analysis))
    }

    #[test]
    fn with_a_worker_an_analysis_is_a_request_and_its_reply() {
        let asked = update(&offloaded(), Action::LoadExample("fake-secrets".into()));
        assert_eq!(asked.pending, Some(asked.revision));
        assert_eq!(asked.analysis, None, "nothing analysed in the page");
        assert!(asked.is_stale());
        // The editor already shows placeholders, never the values, while the worker works.
        assert!(!asked.view.contains("FAKEtokenEXAMPLE"), "{}", asked.view);
        let answered = answer(&asked);
        assert_eq!(answered.pending, None);
        assert!(!answered.is_stale());
        let inline = load("fake-secrets");
        assert_eq!(
            *answered.analysis.as_ref().expect("analysed").report,
            *inline.analysis.as_ref().expect("analysed").report,
            "the worker's report is the page's own"
        );
        assert_eq!(answered.view, inline.view);
        assert_eq!(
            answered.analysis.expect("analysed").output_text(true),
            inline.analysis.expect("analysed").output_text(true),
        );
    }

    #[test]
    fn a_large_paste_is_one_edit_and_never_said_to_wait_for_analyse() {
        let text = large_paste(LIVE_LIMIT_BYTES + 1024);
        let start = offloaded();
        let pasted = update(&start, Action::PasteInput(text.clone()));
        assert_eq!(pasted.revision, start.revision + 1, "a paste is one edit");
        assert!(
            !pasted.awaits_request(),
            "a paste is analysed once it settles"
        );
        let asked = update(&pasted, Action::Analyze(pasted.revision));
        assert_eq!(asked.pending, Some(pasted.revision));
        assert_eq!(asked.analysing(), Some(text.len()));
        // While the worker analyses the paste, the status says so, not that the results are
        // of an older text waiting for "Analyse".
        assert!(!asked.awaits_request());
        let answered = answer(&asked);
        assert!(!answered.is_stale() && !answered.awaits_request());
        assert_eq!(answered.analysing(), None);
        // Typing after it, over the live limit, does wait for "Analyse".
        let typed = update(&answered, Action::SetInput(format!("{}#", answered.view)));
        assert!(typed.awaits_request());
    }

    #[test]
    fn a_reply_for_an_older_text_is_dropped() {
        let pasted = update(
            &offloaded(),
            Action::PasteInput("{\"Network\": \"10.244.0.0/16\"}".into()),
        );
        let asked = update(&pasted, Action::Analyze(pasted.revision));
        assert_eq!(asked.pending, Some(pasted.revision));
        let typed = update(
            &asked,
            Action::SetInput("{\"Network\": \"10.0.0.0/12\"}".into()),
        );
        let late = answer(&asked);
        let dropped = update(
            &typed,
            Action::Analysed(asked.revision, late.analysis.clone()),
        );
        assert_eq!(dropped.analysis, None, "the reply was for the text before");
        assert_eq!(dropped.pending, None);
        let again = update(&dropped, Action::Analyze(dropped.revision));
        assert_eq!(again.pending, Some(typed.revision));
        let fresh = answer(&again);
        assert!(
            fresh.report().is_some_and(|r| !r.has_errors()),
            "a /12 holds 300 nodes"
        );
        assert_eq!(
            update(&fresh, Action::AnalyzeNow),
            fresh,
            "nothing new to ask"
        );
    }

    #[test]
    fn edits_while_the_worker_works_keep_the_users_values() {
        let asked = update(&offloaded(), Action::LoadExample("fake-secrets".into()));
        let edited = update(
            &asked,
            Action::SetInput(format!("{}# edited\n", asked.view)),
        );
        assert_eq!(edited.input, format!("{}# edited\n", asked.input));
        let shown = update(&asked, Action::ShowValues(true));
        assert!(shown.editor_text().contains("FAKEtokenEXAMPLE"));
    }

    #[test]
    fn a_fix_with_a_worker_shows_the_fixed_text_at_once_and_undoes() {
        let loaded = answer(&update(
            &offloaded(),
            Action::LoadText("# token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\naz aks create -g rg -n aks --network-plugin kubenet --pod-cidr 10.244.0.0/16 --service-cidr 10.244.0.0/16 --dns-service-ip 10.244.0.10\n".into()),
        ));
        let fixes = loaded.report().and_then(|r| r.fixed.as_ref());
        assert!(fixes.is_some(), "the command has fixes");
        let fixed = update(&loaded, Action::ApplyAll);
        assert_eq!(Some(&fixed.view), fixes);
        assert!(fixed.input.contains("FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c"));
        assert!(!fixed.view.contains("FAKEtoken"));
        assert_eq!(fixed.pending, Some(fixed.revision));
        let analysed = answer(&fixed);
        assert!(!analysed.is_stale());
        assert_eq!(analysed.view, fixed.view);
        let back = update(&analysed, Action::Undo);
        assert_eq!(back.input, loaded.input);
        assert_eq!(back.view, loaded.view, "undo shows placeholders at once");
        assert_eq!(answer(&back).report(), loaded.report());
    }

    #[test]
    fn a_worker_that_cannot_analyse_hands_the_work_back_to_the_page() {
        let asked = update(
            &offloaded(),
            Action::LoadExample("flannel-out-of-space".into()),
        );
        let failed = update(&asked, Action::Analysed(asked.revision, None));
        assert!(!failed.offload);
        assert_eq!(failed.pending, None);
        assert!(failed.report().is_some_and(Report::has_errors));
    }

    #[test]
    fn a_worker_that_fails_hands_its_request_back_to_the_page() {
        let asked = update(
            &offloaded(),
            Action::LoadExample("flannel-out-of-space".into()),
        );
        let failed = update(&asked, Action::NoWorker);
        assert!(!failed.offload);
        assert_eq!(failed.pending, None);
        assert!(failed.report().is_some_and(Report::has_errors));
        let idle = update(&offloaded(), Action::NoWorker);
        assert!(!idle.offload && idle.analysis.is_none());
    }

    #[test]
    fn a_large_analysis_says_it_is_running() {
        let pasted = update(
            &offloaded(),
            Action::PasteInput(large_paste(BUSY_NOTE_BYTES)),
        );
        assert_eq!(pasted.analysing(), None, "not asked yet");
        let asked = update(&pasted, Action::Analyze(pasted.revision));
        assert_eq!(asked.analysing(), Some(asked.input.len()));
        assert_eq!(answer(&asked).analysing(), None);
        let small = update(
            &offloaded(),
            Action::LoadExample("flannel-out-of-space".into()),
        );
        assert_eq!(
            small.analysing(),
            None,
            "a small text's answer comes within a frame"
        );
    }

    #[test]
    fn a_fix_is_not_applied_to_text_edited_since_the_analysis() {
        let loaded = update(
            &State::default(),
            Action::LoadText("az aks create -g rg -n aks --network-plugin kubenet\n".into()),
        );
        let typed = update(
            &loaded,
            Action::SetInput("az aks create -g rg -n other\n".into()),
        );
        let applied = update(&typed, Action::ApplyAll);
        assert_eq!(applied.input, "az aks create -g rg -n other\n");
        assert!(applied.undo.is_empty());
        assert_eq!(update(&typed, Action::ApplyFix(0)).input, typed.input);
    }
}
