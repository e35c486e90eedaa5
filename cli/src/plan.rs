//! `podnet plan` (being written by the flannel work; this placeholder only keeps the CLI building).

use std::process::ExitCode;

/// Flags of `podnet plan`.
#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    /// Node count to hold.
    #[arg(long)]
    pub nodes: u32,
}

/// Runs `podnet plan`.
pub fn run(_args: &PlanArgs) -> ExitCode {
    crate::unusable("plan is not available yet")
}
