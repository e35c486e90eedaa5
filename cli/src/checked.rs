//! One analysed file of a `podnet check` run: what the output formats render.

use podnet_core::Report;

use crate::files::Target;

/// One analysed file.
#[derive(Debug)]
pub struct Checked {
    /// Where it came from.
    pub target: Target,
    /// The report, as the project config and the suppressions leave it.
    pub report: Report,
}
