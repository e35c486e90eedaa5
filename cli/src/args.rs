//! The flags `check` and `fix` share, and turning them into a core `Context`.

use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, ValueEnum};
use podnet_core::context::{KeyValue, CONTEXT_KEYS};
use podnet_core::Context;

use crate::input;

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: `LINE:COL severity rule message`, then the diff.
    Text,
    /// For machines: the stable JSON shape documented in the README.
    Json,
}

/// The input and the context of one analysis.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The config to read; `-` or nothing reads standard input.
    pub file: Option<String>,
    /// The context settings, one flag per key of `podnet_core::context::CONTEXT_KEYS`.
    #[command(flatten)]
    pub context: ContextArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

impl CheckArgs {
    /// The context these flags describe, or the first flag that is wrong.
    pub fn context(&self) -> Result<Context, String> {
        let mut context = Context::default();
        for (key, value) in &self.context.values {
            context
                .set(key, value)
                .map_err(|e| format!("--{key}: {e}"))?;
        }
        Ok(context)
    }

    /// Reads the input and builds the context.
    pub fn load(&self) -> Result<(String, Context), String> {
        let context = self.context()?;
        let text = input::read(self.file.as_deref())?;
        Ok((text, context))
    }

    /// The name to show in messages: the file, or `<stdin>`.
    pub fn display_name(&self) -> &str {
        match self.file.as_deref() {
            None | Some("-") => "<stdin>",
            Some(path) => path,
        }
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
