//! AKS: reading `az aks create` / `az aks update` command lines and the rules that check them.

use crate::context::Context;
use crate::report::AreaOutcome;
use crate::span::LineIndex;

/// Finds every `az aks create|update` command in `text` and checks it.
pub fn analyze(_text: &str, _index: &LineIndex<'_>, _context: &Context) -> AreaOutcome {
    AreaOutcome::default()
}
