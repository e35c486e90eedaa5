//! One analysis as the page keeps it: the core's report, the redaction it was made from (which
//! can restore the user's values) and the values the paste answers for the Context form.
//!
//! [`analyse`] is the whole of the page's analysis (redaction, the core's pipeline, the form's
//! values); the worker runs it (`worker.rs`), and the page itself runs it where there is no
//! worker. The report's cluster model is read here, into [`Analysis::pasted`], and not kept: it
//! is what the page would otherwise have to carry from the worker, and the form's values and the
//! ranges the address-space picture draws (`Analysis::ranges`) are all the page reads of it.

use podnet_core::context::CONTEXT_KEYS;
use podnet_core::redact::{Redacted, Redactor};
use podnet_core::{analyze_redacted, Context, RedactionOptions, Report};

use crate::address_space::{other_ranges, OtherRange};
use crate::from_paste::{from_paste, FromPaste};
use crate::shared::Shared;

/// One analysis: the report and the redaction it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// What the core found, on the redacted text, without its cluster model (see [`analyse`]).
    /// Shared, so the panels compare it by pointer instead of comparing megabytes of text on
    /// every render.
    pub report: Shared<Report>,
    /// The redacted input, holding the originals in memory for "copy with my values".
    pub redacted: Shared<Redacted>,
    /// For each Context field the paste answers, its key and the value with where it is written.
    pub pasted: Vec<(&'static str, FromPaste)>,
    /// The VNet, subnet and avoided ranges the model states, which the address-space picture
    /// draws.
    pub ranges: Vec<OtherRange>,
}

impl Analysis {
    /// The value the paste states for the Context field `key`, if any.
    pub fn pasted(&self, key: &str) -> Option<&FromPaste> {
        self.pasted
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, pasted)| pasted)
    }

    /// The corrected text (or, without fixes, the analysed text), redacted or with the user's
    /// values put back. What "copy" hands out (download: [`crate::download`]).
    pub fn output_text(&self, with_my_values: bool) -> String {
        let report = &self.report;
        let text = report.fixed.as_deref().unwrap_or(&report.text);
        if with_my_values {
            self.redacted.restore(text)
        } else {
            text.to_string()
        }
    }
}

thread_local! {
    /// The page's one redactor, built at the first edit and kept: its keyword automaton is then
    /// built once, not on every edit. Only this kind of automaton is in the wasm (`redact::redact`
    /// builds another kind for small texts, 6 KB more gzip'd page; see ARCHITECTURE.md).
    static REDACTOR: Redactor = Redactor::new();
}

/// Redacts `text` with the page's redactor (the same result as `redact::redact`).
pub fn redact(text: &str, options: &RedactionOptions) -> Redacted {
    REDACTOR.with(|redactor| redactor.redact(text, options))
}

/// Analyses `input` (the user's own text) with `context`: redaction first, then the core.
pub fn analyse(input: &str, context: &Context) -> Analysis {
    let redacted = redact(input, &context.redaction);
    let mut report = analyze_redacted(&redacted, context);
    let model = core::mem::take(&mut report.model);
    // The fields the page's form shows (`state::page_keys`, which imports this module).
    let pasted = CONTEXT_KEYS
        .iter()
        .filter(|key| key.on_page)
        .filter_map(|key| Some((key.name, from_paste(&model, key.name)?)))
        .collect();
    Analysis {
        report: Shared::new(report),
        redacted: Shared::new(redacted),
        pasted,
        ranges: other_ranges(&model),
    }
}
