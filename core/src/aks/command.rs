//! The command model: an `az aks create|update` command as options with spanned values.
//!
//! Built from the words of [`super::lexer`]. Options are kept in the order written; the last of a
//! repeated flag wins, as with azure-cli's argparse. Unknown flags are kept untouched. A flag takes
//! the next word as its value unless that word starts with `-` (azure-cli has no positional
//! arguments after the subcommand).

use alloc::string::String;
use alloc::vec::Vec;

use super::flags;
use super::lexer::{Continuation, RawCommand, Word};

/// Which subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// `az aks create`: a new cluster.
    Create,
    /// `az aks update`: changes an existing cluster.
    Update,
}

impl Verb {
    /// The subcommand as written.
    pub fn name(self) -> &'static str {
        match self {
            Verb::Create => "create",
            Verb::Update => "update",
        }
    }
}

/// A value of an option: decoded text and where its bytes are (inside any quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The decoded value.
    pub text: String,
    /// Text offset of the value's first byte (after an opening quote).
    pub start: usize,
    /// Text offset one past the value's last byte (before a closing quote).
    pub end: usize,
    /// True when the value holds a shell expansion and cannot be checked.
    pub opaque: bool,
}

/// One option as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    /// The long flag name (`-g` becomes `--resource-group`).
    pub name: String,
    /// Text offsets of the flag as written.
    pub name_start: usize,
    /// One past the flag as written.
    pub name_end: usize,
    /// The value, when one follows.
    pub value: Option<Value>,
    /// True when written `--flag=value`.
    pub equals: bool,
    /// Text offset one past the whole option (its value word included).
    pub end: usize,
}

impl Opt {
    /// The range a finding about this option points at: its value, or the flag without one.
    pub fn value_range(&self) -> (usize, usize) {
        self.value
            .as_ref()
            .map_or((self.name_start, self.name_end), |v| (v.start, v.end))
    }

    /// The value text, when there is one that can be read.
    pub fn text(&self) -> Option<&str> {
        self.value
            .as_ref()
            .filter(|v| !v.opaque)
            .map(|v| v.text.as_str())
    }
}

/// An `az aks create|update` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AksCommand {
    /// The subcommand.
    pub verb: Verb,
    /// Text offset of `az`.
    pub start: usize,
    /// Text offset one past the last word.
    pub end: usize,
    /// Text offset one past `create` or `update`.
    pub verb_end: usize,
    /// The options in written order.
    pub options: Vec<Opt>,
    /// Words that are neither flags nor values (azure-cli rejects them), with their ranges.
    pub stray: Vec<(usize, usize)>,
    /// The continuations joining the command's lines.
    pub continuations: Vec<Continuation>,
}

impl AksCommand {
    /// Builds the model when `raw` is an `az aks create|update` command.
    pub fn from_raw(raw: &RawCommand) -> Option<AksCommand> {
        let words = &raw.words;
        let verb = match words
            .get(..3)?
            .iter()
            .map(|w| w.value.as_str())
            .collect::<Vec<_>>()[..]
        {
            ["az", "aks", "create"] => Verb::Create,
            ["az", "aks", "update"] => Verb::Update,
            _ => return None,
        };
        let mut command = AksCommand {
            verb,
            start: raw.start,
            end: words.last().map_or(raw.end, |w| w.end),
            verb_end: words[2].end,
            options: Vec::new(),
            stray: Vec::new(),
            continuations: raw.continuations.clone(),
        };
        let mut index = 3;
        while let Some(word) = words.get(index) {
            index += 1;
            if !is_flag(word) {
                command.stray.push((word.start, word.end));
                continue;
            }
            let option = match word.value.split_once('=') {
                Some((name, _)) => {
                    let value_start = name.len() + 1;
                    let (start, end) = word.text_range(value_start, word.value.len());
                    let (name_start, name_end) = word.text_range(0, name.len());
                    Opt {
                        name: String::from(flags::long_name(name)),
                        name_start,
                        name_end,
                        value: Some(Value {
                            text: String::from(&word.value[value_start..]),
                            start,
                            end,
                            opaque: word.opaque,
                        }),
                        equals: true,
                        end: word.end,
                    }
                }
                None => {
                    let value_word = words.get(index).filter(|next| !is_flag(next));
                    let value = value_word.map(|next| {
                        index += 1;
                        let (start, end) = next.text_range(0, next.value.len());
                        Value {
                            text: next.value.clone(),
                            start,
                            end,
                            opaque: next.opaque,
                        }
                    });
                    Opt {
                        name: String::from(flags::long_name(&word.value)),
                        name_start: word.start,
                        name_end: word.end,
                        end: value_word.map_or(word.end, |next| next.end),
                        value,
                        equals: false,
                    }
                }
            };
            command.options.push(option);
        }
        Some(command)
    }

    /// The last option named `name` (long form).
    pub fn get(&self, name: &str) -> Option<&Opt> {
        self.options.iter().rev().find(|option| option.name == name)
    }

    /// The readable value of the last option named `name`.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(Opt::text)
    }

    /// True when the option is present (with any value or none).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

fn is_flag(word: &Word) -> bool {
    !word.quoted && !word.opaque && word.value.starts_with('-') && word.value.len() > 1
}

#[cfg(test)]
mod tests {
    use super::super::lexer::az_commands;
    use super::*;

    fn model(text: &str) -> AksCommand {
        AksCommand::from_raw(&az_commands(text)[0]).expect("aks command")
    }

    #[test]
    fn options_with_values_switches_and_equals() {
        let text = "az aks create -g rg --generate-ssh-keys --pod-cidr=10.0.0.0/16 -c 3 --no-wait";
        let command = model(text);
        assert_eq!(command.verb, Verb::Create);
        assert_eq!(command.text("--resource-group"), Some("rg"));
        assert!(command
            .get("--generate-ssh-keys")
            .expect("switch")
            .value
            .is_none());
        let pod = command.get("--pod-cidr").expect("pod cidr");
        assert!(pod.equals);
        let value = pod.value.as_ref().expect("value");
        assert_eq!(&text[value.start..value.end], "10.0.0.0/16");
        assert_eq!(command.text("--node-count"), Some("3"));
        assert!(command.has("--no-wait"));
    }

    #[test]
    fn last_repeated_flag_wins_and_strays_are_kept() {
        let command = model("az aks update -n a stray --max-pods 30 --max-pods 50");
        assert_eq!(command.text("--max-pods"), Some("50"));
        assert_eq!(command.stray.len(), 1);
        assert_eq!(command.verb, Verb::Update);
    }

    #[test]
    fn other_commands_are_not_modelled() {
        assert!(AksCommand::from_raw(&az_commands("az aks nodepool add -n x")[0]).is_none());
        assert!(AksCommand::from_raw(&az_commands("az aks")[0]).is_none());
    }

    #[test]
    fn opaque_values_are_not_readable() {
        let command = model("az aks create --pod-cidr \"$POD_CIDR\"");
        assert_eq!(command.text("--pod-cidr"), None);
        assert!(command
            .get("--pod-cidr")
            .and_then(|o| o.value.as_ref())
            .is_some_and(|v| v.opaque));
    }
}
