//! The control-plane readers (kubeadm, kube-controller-manager, k3s/RKE2) and the Markdown
//! reading view never panic; the view keeps the paste's length and line breaks, and every
//! document and model value points inside the text at character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{control, reading_view::reading_view, LineIndex};

fuzz_target!(|text: &str| {
    let view = reading_view(text);
    assert_eq!(view.len(), text.len(), "the view changed the length");
    assert_eq!(view.matches('\n').count(), text.matches('\n').count());
    let index = LineIndex::new(text);
    let outcome = control::read(&view, &index);
    let spans = outcome.documents.iter().map(|d| d.span).chain(
        outcome.model.statements().into_iter().map(|s| s.source.span),
    );
    for span in spans {
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
});
