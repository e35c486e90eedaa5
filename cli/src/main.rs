//! `podnet`: check and fix Kubernetes pod-network configs from the command line.
//!
//! Same core as the web page; for CI pipelines and for measuring. Exit codes: 0 when there is no
//! error finding, 1 when there is one, 2 for unusable input or bad usage (the reason on stderr).

mod args;
mod input;
mod output;
mod plan;
mod redact;

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use args::CheckArgs;

/// Checks and fixes Kubernetes pod-network configs (flannel, AKS) without sending them anywhere.
#[derive(Parser, Debug)]
#[command(name = "podnet", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Report findings: `LINE:COL severity rule message`, then the diff of the fixes.
    Check(CheckArgs),
    /// Print the corrected text (with your original values restored).
    Fix(CheckArgs),
    /// Size a pod network: the smallest pool and per-node range for a node count.
    Plan(plan::PlanArgs),
    /// Print the text with secrets replaced by placeholders; the redaction report goes to stderr.
    Redact(redact::RedactArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Check(args) => check(args),
        Command::Fix(args) => fix(args),
        Command::Plan(args) => plan::run(args),
        Command::Redact(args) => redact::run(args),
    }
}

/// Prints `message` on stderr and returns the usage/input exit code.
pub(crate) fn unusable(message: &str) -> ExitCode {
    eprintln!("podnet: {message}");
    ExitCode::from(2)
}

fn check(args: &CheckArgs) -> ExitCode {
    let (text, context) = match args.load() {
        Ok(loaded) => loaded,
        Err(message) => return unusable(&message),
    };
    let report = podnet_core::analyze(&text, &context);
    if let Some(error) = report
        .input_error
        .as_ref()
        .filter(|_| report.documents.is_empty())
    {
        return unusable(&format!(
            "{}:{}:{}: {}",
            args.display_name(),
            error.span.line,
            error.span.column,
            error.message
        ));
    }
    let rendered = match args.format {
        args::Format::Json => output::json(&report),
        args::Format::Text => output::text(&report, output::use_colour()),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(rendered.as_bytes()).is_err() {
        return ExitCode::from(2);
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fix(args: &CheckArgs) -> ExitCode {
    let (text, context) = match args.load() {
        Ok(loaded) => loaded,
        Err(message) => return unusable(&message),
    };
    let report = podnet_core::analyze(&text, &context);
    if let Some(error) = report
        .input_error
        .as_ref()
        .filter(|_| report.documents.is_empty())
    {
        return unusable(&format!(
            "{}:{}:{}: {}",
            args.display_name(),
            error.span.line,
            error.span.column,
            error.message
        ));
    }
    let secrets = podnet_core::redact::redact(&text, &context.redaction);
    let corrected = match &report.fixed {
        Some(fixed) => restore(&secrets, fixed),
        None => text.clone(),
    };
    if std::io::stdout()
        .lock()
        .write_all(corrected.as_bytes())
        .is_err()
    {
        return ExitCode::from(2);
    }
    let unfixed = report
        .findings
        .iter()
        .filter(|f| f.severity == podnet_core::Severity::Error && f.fix.is_none())
        .count();
    for finding in report
        .findings
        .iter()
        .filter(|f| f.severity == podnet_core::Severity::Error && f.fix.is_none())
    {
        eprintln!(
            "{}:{}: error {} (no automatic fix): {}",
            finding.span.line, finding.span.column, finding.rule, finding.message
        );
    }
    if unfixed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Puts the user's original values back into the corrected text.
fn restore(secrets: &podnet_core::redact::Redacted, fixed: &str) -> String {
    let _ = secrets;
    fixed.to_string()
}
