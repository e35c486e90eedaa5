//! `podnet`: check and fix Kubernetes pod-network configs from the command line.
//!
//! Same core as the web page; for CI pipelines and for measuring. Exit codes: 0 when there is no
//! error finding, 1 when there is one, 2 for unusable input or bad usage (the reason on stderr).

mod args;
mod check;
mod checked;
mod config;
mod exit;
mod file_names;
mod files;
mod github;
mod input;
mod output;
mod plan;
mod policy;
mod redact;
mod region;
mod rules;
mod rules_page;
mod sarif;
mod settings;
mod together;

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use podnet_core::Severity;

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
    /// Report findings: `LINE:COL severity rule message`, then the diff of the fixes (or JSON,
    /// SARIF, GitHub annotations).
    Check(CheckArgs),
    /// Print the corrected text (with your original values restored).
    Fix(CheckArgs),
    /// Size a pod network: the smallest pool and per-node range for a node count.
    Plan(plan::PlanArgs),
    /// Write prevention policies from your numbers: Gatekeeper, conftest, Prometheus alerts.
    Policy(policy::PolicyArgs),
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
        Command::Check(args) => check::run(args),
        Command::Fix(args) => fix(args),
        Command::Plan(args) => plan::run(args),
        Command::Policy(args) => policy::run(args),
        Command::Redact(args) => redact::run(args),
        Command::Rules(args) => rules::list(args),
        Command::Explain(args) => rules::explain(args),
    }
}

fn fix(args: &CheckArgs) -> ExitCode {
    let config = match check::load_config(args) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let (path, settings, context) = match args.single_path().and_then(|path| {
        let file = path.filter(|path| *path != "-").map(std::path::Path::new);
        let settings = settings::FileSettings::of(config.as_ref(), file, &cwd);
        let context = args.context(&settings.context)?;
        Ok((path, settings, context))
    }) {
        Ok(loaded) => loaded,
        Err(reason) => return unusable(&reason),
    };
    let target = files::Target {
        path: path.filter(|path| *path != "-").map(Into::into),
        walked: false,
    };
    let check::Analysed {
        text,
        redacted,
        mut report,
    } = match check::analyse(&target, &context, false) {
        Ok(analysed) => analysed,
        Err(check::NotChecked::Unusable(reason)) => return unusable(&reason),
        Err(check::NotChecked::Skipped) => return ExitCode::from(2),
    };
    let entries = config
        .as_ref()
        .map_or(0, |config| config.suppressions.len());
    settings.apply(config.as_ref(), &mut report, &mut vec![false; entries]);
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
