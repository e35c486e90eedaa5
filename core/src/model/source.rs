//! Provenance: where a value of the cluster model was stated, and how to edit it there.

use alloc::string::String;

use crate::document::DocumentKind;
use crate::embed::{Quoting, SourceMap};
use crate::finding::Edit;
use crate::span::{LineIndex, Span};

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
