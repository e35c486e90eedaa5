//! `podnet redact [FILE|-]`: prints the text with every secret replaced by a placeholder on
//! stdout, and the redaction report (line, column, kind, length, placeholder; never a value) on
//! stderr, with the values under secret keys kept because they look like placeholders. Exit 0; exit 2 with the reason when the input cannot be read or a `--keep` kind is
//! unknown.

use std::io::Write as _;
use std::process::ExitCode;

use podnet_core::redact::{is_kind, redact, KINDS};
use podnet_core::RedactionOptions;

/// Flags of `podnet redact`.
#[derive(clap::Args, Debug)]
pub struct RedactArgs {
    /// The file to read; `-` or nothing reads standard input.
    pub file: Option<String>,
    /// A redaction kind to leave alone (repeatable), e.g. `--keep public-ip --keep email`.
    #[arg(long = "keep")]
    pub keep: Vec<String>,
}

/// Runs `podnet redact`.
pub fn run(args: &RedactArgs) -> ExitCode {
    if let Some(unknown) = args.keep.iter().find(|kind| !is_kind(kind)) {
        let known: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        return crate::exit::unusable(&format!(
            "unknown redaction kind {unknown:?}; known kinds: {}",
            known.join(", ")
        ));
    }
    let file = args.file.as_deref().filter(|file| *file != "-");
    let name = crate::args::display_name(file);
    let text = match crate::input::read(file.map(std::path::Path::new), name) {
        Ok(text) => text,
        Err(error) => return crate::exit::unusable(&error.to_string()),
    };
    let options = RedactionOptions {
        keep: args.keep.clone(),
    };
    let redacted = redact(&text, &options);
    if std::io::stdout()
        .lock()
        .write_all(redacted.text.as_bytes())
        .is_err()
    {
        return ExitCode::from(2);
    }
    let mut report = String::new();
    let name = args
        .file
        .as_deref()
        .filter(|file| *file != "-")
        .unwrap_or("<stdin>");
    for redaction in &redacted.redactions {
        report += &format!(
            "{name}:{}:{}: redacted {} ({} characters) as {}\n",
            redaction.span.line,
            redaction.span.column,
            redaction.kind,
            redaction.length,
            redaction.placeholder
        );
    }
    for span in &redacted.placeholders {
        report += &format!(
            "{name}:{}:{}: kept a value that looks like a placeholder\n",
            span.line, span.column
        );
    }
    report += &format!(
        "podnet: {} redactions of {} distinct values\n",
        redacted.redactions.len(),
        redacted.distinct_secrets()
    );
    // The report is advisory: a closed stderr must not turn a successful redaction into a failure.
    let _ = std::io::stderr().lock().write_all(report.as_bytes());
    ExitCode::SUCCESS
}
