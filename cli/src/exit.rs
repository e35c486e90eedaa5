//! How `podnet` says it cannot go on: the reason on stderr and exit code 2 (unusable input or
//! bad usage), for every subcommand.

use std::process::ExitCode;

/// Prints `message` on stderr and returns the usage/input exit code.
pub fn unusable(message: &str) -> ExitCode {
    eprintln!("podnet: {message}");
    ExitCode::from(2)
}
