//! `podnet check PATH…` and the analysis `podnet fix` shares: each input is read, redacted and
//! analysed on its own, then rendered in the chosen format.
//!
//! The run is a list of [`Checked`] files; `--together` analyses them as one cluster instead
//! (`together.rs`) and keeps the rendering.

use std::io::Write as _;
use std::process::ExitCode;

use podnet_core::redact::Redacted;
use podnet_core::{InputErrorKind, Report};

use crate::args::{CheckArgs, ReportFormat};
use crate::checked::Checked;
use crate::config::{self, Config};
use crate::files::{self, Target};
use crate::github;
use crate::input::{self, ReadError};
use crate::output;
use crate::sarif;
use crate::settings::{self, FileSettings};

/// What became of one input that could not be reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotChecked {
    /// Not a form podnet reads, found by a walk (or named with `--skip-unrecognised`): skipped
    /// quietly.
    Skipped,
    /// Unusable: the reason, with the file's name and the position (exit code 2).
    Unusable(String),
}

/// A read, redacted and analysed input.
pub struct Analysed {
    /// The text as read.
    pub text: String,
    /// The text as analysed, and how to put the user's values back.
    pub redacted: Redacted,
    /// The report.
    pub report: Report,
}

/// Reads, redacts and analyses one input. `quiet` says whether an input podnet does not read is
/// skipped rather than reported.
pub fn analyse(
    target: &Target,
    context: &podnet_core::Context,
    quiet: bool,
) -> Result<Analysed, NotChecked> {
    let name = target.display();
    let text = match input::read(target.path.as_deref(), &name) {
        Ok(text) => text,
        Err(ReadError::NotText(_)) if quiet => return Err(NotChecked::Skipped),
        Err(error) => return Err(NotChecked::Unusable(error.to_string())),
    };
    let redacted = podnet_core::redact::redact(&text, &context.redaction);
    let report = podnet_core::analyze_redacted(&redacted, context);
    if let Some(error) = report
        .input_error
        .as_ref()
        .filter(|_| report.documents.is_empty())
    {
        if quiet && !is_ours(&error.kind) {
            return Err(NotChecked::Skipped);
        }
        let (line, column) = (error.span.line, error.span.column);
        return Err(NotChecked::Unusable(format!(
            "{name}:{line}:{column}: {}",
            error.kind
        )));
    }
    Ok(Analysed {
        text,
        redacted,
        report,
    })
}

/// True when an unreadable input is clearly one of the forms podnet reads (a ConfigMap whose
/// net-conf.json is broken, Kubernetes YAML that does not parse), so a walk reports it; any other
/// file that podnet cannot read is not podnet's to judge.
fn is_ours(kind: &InputErrorKind) -> bool {
    match kind {
        InputErrorKind::NothingToCheck
        | InputErrorKind::NothingRecognised
        | InputErrorKind::ForeignJson { .. }
        | InputErrorKind::JsonSyntax(_)
        | InputErrorKind::JsonNotObject => false,
        InputErrorKind::EmbeddedJsonSyntax { .. }
        | InputErrorKind::EmbeddedJsonNotObject { .. }
        | InputErrorKind::YamlSyntax { .. }
        | InputErrorKind::YamlRefused { .. }
        | InputErrorKind::HclSyntax { .. } => true,
    }
}

/// The files of the run, each analysed on its own, and the reasons of the inputs that were
/// unusable (already printed on stderr).
fn check_each(
    args: &CheckArgs,
    config: Option<&Config>,
    targets: Vec<Target>,
) -> Result<(Vec<Checked>, Vec<String>), String> {
    // A wrong flag is wrong for every file: said once, before any is read.
    args.context(&[])?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut checked = Vec::new();
    let mut unusable = Vec::new();
    let entries = config.map_or(0, |config| config.suppressions.len());
    let (mut matched, mut used) = (vec![false; entries], vec![false; entries]);
    for target in targets {
        let quiet = target.walked || args.skip_unrecognised;
        let settings = FileSettings::of(config, target.path.as_deref(), &cwd);
        let context = args.context(&settings.context)?;
        match analyse(&target, &context, quiet) {
            Ok(mut analysed) => {
                settings.apply(config, &mut analysed.report, &mut used);
                settings
                    .suppressions
                    .iter()
                    .for_each(|&at| matched[at] = true);
                checked.push(Checked {
                    target,
                    report: analysed.report,
                });
            }
            Err(NotChecked::Skipped) => {}
            Err(NotChecked::Unusable(reason)) => {
                eprintln!("podnet: {reason}");
                unusable.push(reason);
            }
        }
    }
    if let Some(report) =
        config.and_then(|config| settings::unused_config_suppressions(config, &matched, &used))
    {
        checked.push(Checked {
            target: Target {
                path: config.map(|config| config.path.clone()),
                walked: false,
            },
            report,
        });
    }
    Ok((checked, unusable))
}

/// The project config `args` name or the working directory is under; `Err` is the exit code
/// after the reason was printed.
pub fn load_config(args: &CheckArgs) -> Result<Option<Config>, ExitCode> {
    let cwd = std::env::current_dir().unwrap_or_default();
    config::find_and_load(args.config.as_deref().map(std::path::Path::new), &cwd)
        .map_err(|error| crate::exit::unusable(&error.to_string()))
}

/// Runs `podnet check`.
pub fn run(args: &CheckArgs) -> ExitCode {
    let config = match load_config(args) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let targets = match files::collect(&args.paths) {
        Ok(targets) => targets,
        Err(reason) => return crate::exit::unusable(&reason),
    };
    let one_named = targets.len() == 1 && !targets[0].walked && !args.together;
    let run = if args.together {
        crate::together::check_together(args, config.as_ref(), targets)
    } else {
        check_each(args, config.as_ref(), targets)
    };
    let (checked, unusable) = match run {
        Ok(run) => run,
        Err(reason) => return crate::exit::unusable(&reason),
    };
    // One input named on its own keeps the single-report shapes (text and JSON) as they were.
    let single = one_named && checked.len() <= 1;
    let rendered = match args.format {
        // One unusable input named alone prints only its reason, as it always did.
        ReportFormat::Text | ReportFormat::Json | ReportFormat::Markdown
            if single && !unusable.is_empty() =>
        {
            return ExitCode::from(2)
        }
        ReportFormat::Text => output::text_files(&checked, single, output::use_colour()),
        ReportFormat::Json => output::json_files(&checked, single),
        ReportFormat::Markdown => output::markdown_files(&checked, single),
        // A code-scanning upload needs a log even when an input was unusable: the reasons go
        // in as the tool's notifications.
        ReportFormat::Sarif => sarif::log(&checked, &unusable),
        ReportFormat::Github => github::commands(&checked),
    };
    if std::io::stdout()
        .lock()
        .write_all(rendered.as_bytes())
        .is_err()
    {
        return ExitCode::from(2);
    }
    if !unusable.is_empty() {
        ExitCode::from(2)
    } else if checked.iter().any(|file| file.report.has_errors()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
