//! The flags `check` and `fix` share, and turning them into a core `Context`.

use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, ValueEnum};
use podnet_core::context::{KeyValue, CONTEXT_KEYS};
use podnet_core::Context;

/// Output format of `podnet rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: one line each.
    Text,
    /// For machines: JSON.
    Json,
    /// For the web page: the rules' reference page, every rule's documentation
    /// (`static/rules.html`).
    Html,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people: `LINE:COL severity rule message`, then the diff.
    Text,
    /// For machines: the stable JSON shape documented in the README.
    Json,
    /// SARIF 2.1.0, for code-scanning tools (GitHub code scanning, Azure DevOps, IDEs).
    Sarif,
    /// GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding.
    Github,
    /// Markdown for an incident ticket or a postmortem: the page's "Copy report" text.
    Markdown,
}

/// The input and the context of one analysis.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The configs to read: files, or directories walked for the forms podnet reads; `-` or
    /// nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// The context settings, one flag per key of `podnet_core::context::CONTEXT_KEYS`; they
    /// override the config file's `[context]`.
    #[command(flatten)]
    pub context: ContextArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// The project config; without it, `.podnet.toml` in the working directory or the nearest
    /// directory above it, if there is one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Skip named files that podnet does not read, quietly, as a directory walk does (for
    /// pre-commit, which passes every changed file).
    #[arg(long)]
    pub skip_unrecognised: bool,
    /// Analyse the files together, as one cluster (`podnet check --together kubeadm.yaml
    /// kube-flannel.yml`): what one file states is checked against the others, and each
    /// finding is reported in its own file. Without it, each file is checked on its own.
    #[arg(long)]
    pub together: bool,
}

impl CheckArgs {
    /// The context from `base` (the config file's `key = value` settings for a file, already
    /// checked) and these flags, which replace the config's value of a key they set (the whole
    /// list of a repeatable key); or the first flag that is wrong.
    pub fn context(&self, base: &[(String, String)]) -> Result<Context, String> {
        let mut context = Context::default();
        let flagged = |key: &str| self.context.values.iter().any(|(name, _)| *name == key);
        for (key, value) in base.iter().filter(|(key, _)| !flagged(key)) {
            context.set(key, value)?;
        }
        for (key, value) in &self.context.values {
            context
                .set(key, value)
                .map_err(|e| format!("--{key}: {e}"))?;
        }
        Ok(context)
    }

    /// The one input of `podnet fix`: a file, or standard input.
    pub fn single_path(&self) -> Result<Option<&str>, String> {
        match self.paths.as_slice() {
            [] => Ok(None),
            [path] => Ok(Some(path)),
            _ => Err(String::from("fix takes one file (or standard input)")),
        }
    }
}

/// The name to show in messages for a path argument: the path, or `<stdin>`.
pub fn display_name(path: Option<&str>) -> &str {
    match path {
        None | Some("-") => "<stdin>",
        Some(path) => path,
    }
}

/// The context flags, built from the core's declaration of the context keys (so a new key is a
/// new flag without touching the CLI): `--nodes 300 --avoid 10.0.0.0/8 --avoid …`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContextArgs {
    /// `(key, value)` for every flag given, keys in declaration order, repeated values in
    /// command-line order.
    pub values: Vec<(&'static str, String)>,
}

impl Args for ContextArgs {
    fn augment_args(command: clap::Command) -> clap::Command {
        CONTEXT_KEYS.iter().fold(command, |command, key| {
            let value_name = match key.value {
                KeyValue::Number { .. } => "N",
                KeyValue::Choice(_) => "NAME",
                KeyValue::Cidr | KeyValue::Cidrs => "CIDR",
                KeyValue::Kinds => "KIND",
            };
            let action = if key.repeatable() {
                ArgAction::Append
            } else {
                ArgAction::Set
            };
            command.arg(
                Arg::new(key.name)
                    .long(key.name)
                    .help(key.help())
                    .value_name(value_name)
                    .action(action),
            )
        })
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

impl FromArgMatches for ContextArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = ContextArgs::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for key in &CONTEXT_KEYS {
            if let Some(values) = matches.get_many::<String>(key.name) {
                self.values.retain(|(name, _)| *name != key.name);
                self.values
                    .extend(values.map(|value| (key.name, value.clone())));
            }
        }
        Ok(())
    }
}
