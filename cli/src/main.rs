//! `podnet`: check and fix Kubernetes pod-network configs from the command line.
//!
//! Same core as the web page; for CI pipelines and for measuring. Exit codes: 0 when there is no
//! error finding, 1 when there is one, 2 for unusable input or bad usage (the reason on stderr).

mod args;
mod exit;
mod input;
mod output;
mod plan;
mod redact;
mod rules;

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use podnet_core::redact::Redacted;
use podnet_core::{Report, Severity};

use args::CheckArgs;
use exit::unusable;

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
    /// List every rule: id, default severity, summary (`--format json` adds fix safety and file).
    Rules(rules::RulesArgs),
    /// Print a rule's documentation: what it finds, why, how to fix it, and its source.
    Explain(rules::ExplainArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Check(args) => check(args),
        Command::Fix(args) => fix(args),
        Command::Plan(args) => plan::run(args),
        Command::Redact(args) => redact::run(args),
        Command::Rules(args) => rules::list(args),
        Command::Explain(args) => rules::explain(args),
    }
}

/// Reads the input, redacts it and analyses it; `Err` is the exit code after the reason was printed.
fn analyse(args: &CheckArgs) -> Result<(String, Redacted, Report), ExitCode> {
    let (text, context) = args.load().map_err(|message| unusable(&message))?;
    let redacted = podnet_core::redact::redact(&text, &context.redaction);
    let report = podnet_core::analyze_redacted(&redacted, &context);
    if let Some(error) = report
        .input_error
        .as_ref()
        .filter(|_| report.documents.is_empty())
    {
        let name = args.display_name();
        let (line, column) = (error.span.line, error.span.column);
        return Err(unusable(&format!("{name}:{line}:{column}: {}", error.kind)));
    }
    Ok((text, redacted, report))
}

fn check(args: &CheckArgs) -> ExitCode {
    let (_, _, report) = match analyse(args) {
        Ok(analysed) => analysed,
        Err(code) => return code,
    };
    let rendered = match args.format {
        args::Format::Json => output::json(&report),
        args::Format::Text => output::text(&report, output::use_colour()),
    };
    if std::io::stdout()
        .lock()
        .write_all(rendered.as_bytes())
        .is_err()
    {
        return ExitCode::from(2);
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fix(args: &CheckArgs) -> ExitCode {
    let (text, redacted, report) = match analyse(args) {
        Ok(analysed) => analysed,
        Err(code) => return code,
    };
    let corrected = match &report.fixed {
        Some(fixed) => redacted.restore(fixed),
        None => text,
    };
    if std::io::stdout()
        .lock()
        .write_all(corrected.as_bytes())
        .is_err()
    {
        return ExitCode::from(2);
    }
    let unfixed: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error && finding.fix.is_none())
        .collect();
    for finding in &unfixed {
        let (line, column) = (finding.span.line, finding.span.column);
        eprintln!(
            "{line}:{column}: error {} (no automatic fix): {}",
            finding.rule, finding.message
        );
    }
    if unfixed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
