//! Provenance: where a value of the cluster model was stated, and how to edit it there.

use alloc::string::String;

use crate::document::DocumentKind;
use crate::embed::{Quoting, SourceMap};
use crate::finding::{Edit, Fix};
use crate::span::{LineIndex, Span};

/// Added to the explanation of a finding whose fix is withheld because podnet could not map the
/// value's bytes in its container exactly.
pub const UNMAPPED_NOTE: &str =
    " (podnet could not map this scalar's bytes exactly, so it shows no automatic fix.)";

/// Who stated a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A document of the paste.
    Document {
        /// What kind of document.
        kind: DocumentKind,
        /// Where the whole document is.
        document: Span,
    },
    /// The context the user gave (CLI flags, the page's Context form, a fixture's context).
    Context,
    /// A tool's documented default, applied because the document does not say.
    Default {
        /// Whose default, e.g. `az aks create`.
        tool: &'static str,
    },
}

impl Origin {
    /// The kind of document that stated it; `None` for the context or a default.
    pub fn kind(&self) -> Option<DocumentKind> {
        match self {
            Origin::Document { kind, .. } => Some(*kind),
            _ => None,
        }
    }
}

/// Where a value was stated: who, under which name, and the exact bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Who stated it.
    pub origin: Origin,
    /// The name it was stated under, as written (`Network`, `--pod-cidr`, `FLANNEL_MTU`, `nodes`).
    pub key: &'static str,
    /// The value's bytes in the analysed text (for a default, the document that lacks it; for the
    /// context, empty at 1:1).
    pub span: Span,
    /// How to replace the value in its container, when it was written in the paste.
    target: Option<Target>,
}

/// The value's bytes in the analysed text and how its container writes text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Target {
    start: usize,
    end: usize,
    quoting: Quoting,
}

impl Source {
    /// A value written in a document: `inner` is its range in the document's own text, which
    /// `map` takes to the analysed text that `index` covers.
    pub fn written(
        origin: Origin,
        key: &'static str,
        map: &SourceMap,
        inner: (usize, usize),
        index: &LineIndex<'_>,
    ) -> Source {
        let (start, end) = (map.outer(inner.0), map.outer(inner.1));
        Source {
            origin,
            key,
            span: index.span(start, end),
            target: Some(Target {
                start,
                end,
                quoting: map.quoting,
            }),
        }
    }

    /// The same source without a way to edit it: for a value whose container podnet could not
    /// map byte for byte (a YAML scalar it read with escapes it cannot place), so no fix is
    /// offered through it.
    pub fn without_edit(self) -> Source {
        Source {
            target: None,
            ..self
        }
    }

    /// What a document shows rather than states as a value (a flanneld DaemonSet without
    /// `--kube-subnet-mgr` shows etcd mode), at `span`; never edited.
    pub fn shown(origin: Origin, key: &'static str, span: Span) -> Source {
        Source {
            origin,
            key,
            span,
            target: None,
        }
    }

    /// A value the user gave as context under `key`.
    pub fn context(key: &'static str) -> Source {
        Source {
            origin: Origin::Context,
            key,
            span: Span::default(),
            target: None,
        }
    }

    /// `tool`'s default for `key`, which the document at `span` does not state.
    pub fn default_of(tool: &'static str, key: &'static str, span: Span) -> Source {
        Source {
            origin: Origin::Default { tool },
            key,
            span,
            target: None,
        }
    }

    /// The edit that replaces the value with `replacement`, encoded for its container (a JSON
    /// string inside a YAML block scalar, a shell word…); `None` when it was not written.
    pub fn edit(&self, replacement: &str) -> Option<Edit> {
        let target = self.target?;
        Some(Edit::replace(
            target.start,
            target.end,
            target.quoting.encode(replacement),
        ))
    }

    /// The fix titled `title` that sets the value to `replacement`; `None` when the value was
    /// not written in the paste or cannot be edited there (see [`Source::no_fix_note`]).
    pub fn fix(&self, title: String, replacement: &str) -> Option<Fix> {
        Some(Fix {
            title,
            edits: alloc::vec![self.edit(replacement)?],
        })
    }

    /// What to add to a finding's explanation when a fix was wanted but [`Source::fix`] has
    /// none: why, for a value written in the paste whose bytes podnet could not map; nothing
    /// otherwise.
    pub fn no_fix_note(&self) -> &'static str {
        if self.in_document() && self.target.is_none() {
            UNMAPPED_NOTE
        } else {
            ""
        }
    }

    /// True when the value was written in a document of the paste (a fix would edit it there).
    pub fn in_document(&self) -> bool {
        matches!(self.origin, Origin::Document { .. })
    }

    /// Where it came from, for a message that names another document's value: nothing for
    /// the context (the user knows what they gave) or a default, " (`describe`)" for a value
    /// of the paste.
    pub fn mention(&self) -> String {
        if self.in_document() {
            alloc::format!(" ({})", self.describe())
        } else {
            String::new()
        }
    }

    /// Where it came from, for people: "`--pod-cidr` at 3:14 (az-aks-command)", "`nodes`
    /// (context)", "`--service-cidr` (az aks create default)".
    pub fn describe(&self) -> String {
        match &self.origin {
            Origin::Document { kind, .. } => alloc::format!(
                "{} at {}:{} ({})",
                self.key,
                self.span.line,
                self.span.column,
                kind.name()
            ),
            Origin::Context => alloc::format!("{} (context)", self.key),
            Origin::Default { tool } => alloc::format!("{} ({tool} default)", self.key),
        }
    }
}
