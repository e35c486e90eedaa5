//! `podnet redact` (being written by the redaction work; this placeholder only keeps the CLI building).

use std::process::ExitCode;

/// Flags of `podnet redact`.
#[derive(clap::Args, Debug)]
pub struct RedactArgs {
    /// The file to read; `-` or nothing reads standard input.
    pub file: Option<String>,
}

/// Runs `podnet redact`.
pub fn run(_args: &RedactArgs) -> ExitCode {
    crate::unusable("redact is not available yet")
}
