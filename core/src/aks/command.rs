//! The command model: an `az aks create|update|nodepool add` command as options with spanned
//! values.
//!
//! Built from the words of [`super::lexer`], split the way azure-cli's argparse splits them: each
//! flag takes as many following words as its arity says ([`super::flags`]): none for a switch,
//! one, or all up to the next flag for `--zones 1 2 3`; `--flag=value` carries exactly one value;
//! an abbreviated long flag stands for the one flag it abbreviates. Options are kept in the order
//! written; the last of a repeated flag wins. A word no flag takes is stray (azure-cli: "unrecognized
//! arguments"), except a bare shell expansion such as `$EXTRA_ARGS`, which may expand to flags.

use alloc::string::String;
use alloc::vec::Vec;

use super::flags::{self, Arity, Known, Lookup};
use super::lexer::{Continuation, RawCommand, Word};

pub use super::flags::Verb;

/// A value of an option: decoded text and where its bytes are (inside any quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The decoded value.
    pub text: String,
    /// Text offset of the value's first byte (after an opening quote).
    pub start: usize,
    /// Text offset one past the value's last byte (before a closing quote).
    pub end: usize,
    /// True when the value holds a shell expansion or a template placeholder and cannot be checked.
    pub opaque: bool,
}

/// How azure-cli resolves a flag as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagState {
    /// A flag of the subcommand.
    Known(Known),
    /// An abbreviation of several flags (argparse: "ambiguous option").
    Ambiguous(Vec<&'static str>),
    /// Not a flag of the subcommand (argparse: "unrecognized arguments").
    Unknown,
}

/// One option as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    /// The canonical long flag name (`-g` and `--resource-gr` become `--resource-group`), or the
    /// flag as written when azure-cli does not know it.
    pub name: String,
    /// The flag as written (without `=value`).
    pub written: String,
    /// How azure-cli resolves it.
    pub state: FlagState,
    /// Text offsets of the flag as written.
    pub name_start: usize,
    /// One past the flag as written.
    pub name_end: usize,
    /// The (first) value, when one follows.
    pub value: Option<Value>,
    /// Further values of a flag that takes several (`--zones 1 2 3`).
    pub more: Vec<Value>,
    /// True when written `--flag=value` (or `-cVALUE`).
    pub equals: bool,
    /// Text offset one past the whole option (its value words included).
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

    /// The flag's arity when azure-cli knows it.
    pub fn arity(&self) -> Option<Arity> {
        match &self.state {
            FlagState::Known(known) => Some(known.arity),
            _ => None,
        }
    }
}

/// How many options of one command the per-flag rules look at: a pasted command has tens, and
/// the cap keeps a pathological paste linear (an unknown flag is compared with every known one).
pub const MAX_FLAGS_CHECKED: usize = 1000;

/// The flag inside a word wrapped in backticks (`` `--uptime-sla` ``, Markdown's code
/// formatting), which bash runs as a command.
pub fn backticked_flag(word: &str) -> Option<&str> {
    word.strip_prefix('`')
        .and_then(|rest| rest.strip_suffix('`'))
        .filter(|inner| inner.starts_with('-'))
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
    /// Text offsets where a flag was glued to the word before it (`--name aks--enable-ahub`): the
    /// shell passes one word, but the model reads the two as meant, so that the flag is checked
    /// along with the rest (`aks/flag-glued` reports the missing blank).
    pub glued: Vec<usize>,
    /// Text ranges of the words written in backticks (`` `--max-pods 30` ``): bash would run
    /// them as a command, but the model reads the flags inside as meant, so that they are
    /// checked with the rest (`aks/backtick-flag` reports the backticks).
    pub backticked: Vec<(usize, usize)>,
    /// Where lines end that lost their continuation marker (the command is read on through
    /// them; see [`super::lexer::RawCommand::missing_continuations`]).
    pub missing_continuations: Vec<usize>,
}

impl AksCommand {
    /// A cluster written as a definition rather than a command line (a Terraform block, an ARM
    /// resource, `az aks show` output): an `az aks create` with `options`, spanning
    /// `start..end`, its "verb" ending at `verb_end`; with no words, so none of a command line's
    /// own faults (strays, continuations, glued flags) can be reported on it.
    pub fn definition(
        start: usize,
        end: usize,
        verb_end: usize,
        options: Vec<Opt>,
    ) -> (RawCommand, AksCommand) {
        let raw = RawCommand {
            words: Vec::new(),
            start,
            end,
            continuations: Vec::new(),
            error: None,
            broken_by_comment: None,
            missing_continuations: Vec::new(),
        };
        let command = AksCommand {
            verb: Verb::Create,
            start,
            end,
            verb_end,
            options,
            stray: Vec::new(),
            continuations: Vec::new(),
            glued: Vec::new(),
            backticked: Vec::new(),
            missing_continuations: Vec::new(),
        };
        (raw, command)
    }

    /// Builds the model when `raw` is an `az aks create|update|nodepool add` command.
    pub fn from_raw(raw: &RawCommand) -> Option<AksCommand> {
        let words: Vec<&str> = raw.words.iter().take(4).map(|w| w.value.as_str()).collect();
        let (verb, first) = match words[..] {
            ["az", "aks", "create", ..] => (Verb::Create, 3),
            ["az", "aks", "update", ..] => (Verb::Update, 3),
            ["az", "aks", "nodepool", "add", ..] => (Verb::NodepoolAdd, 4),
            _ => return None,
        };
        let mut command = AksCommand {
            verb,
            start: raw.start,
            end: raw.words.last().map_or(raw.end, |w| w.end),
            verb_end: raw.words[first - 1].end,
            options: Vec::new(),
            stray: Vec::new(),
            continuations: raw.continuations.clone(),
            glued: Vec::new(),
            backticked: Vec::new(),
            missing_continuations: raw.missing_continuations.clone(),
        };
        let words = as_meant(&raw.words, &mut command.backticked);
        let words = &unglue(&words, verb, &mut command.glued);
        let mut index = first;
        while let Some(word) = words.get(index) {
            index += 1;
            if !is_flag(word) {
                if !is_bare_expansion(word) {
                    command.stray.push((word.start, word.end));
                }
                continue;
            }
            let (written, attached) = split_flag(&word.value, verb);
            let state = match flags::lookup(written, verb) {
                Lookup::Known(known) => FlagState::Known(known),
                Lookup::Ambiguous(names) => FlagState::Ambiguous(names),
                Lookup::Unknown => FlagState::Unknown,
            };
            let name = match &state {
                FlagState::Known(known) => String::from(known.name),
                _ => String::from(written),
            };
            let (name_start, name_end) = word.text_range(0, written.len());
            let mut option = Opt {
                name,
                written: String::from(written),
                state,
                name_start,
                name_end,
                value: None,
                more: Vec::new(),
                equals: attached.is_some(),
                end: word.end,
            };
            if let Some(value_start) = attached {
                option.value = Some(value_of(word, value_start));
            } else {
                // An unknown flag takes the next word too: argparse reports both as unrecognized.
                let arity = option.arity().unwrap_or(Arity::One);
                if arity != Arity::Switch {
                    while let Some(next) = words.get(index).filter(|next| !is_flag(next)) {
                        index += 1;
                        let value = value_of(next, 0);
                        option.end = next.end;
                        if option.value.is_none() {
                            option.value = Some(value);
                        } else {
                            option.more.push(value);
                        }
                        if !arity.takes_several() {
                            break;
                        }
                    }
                }
            }
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

/// The words with each backticked flag (`` `--max-pods 30` ``) read as the words inside the
/// backticks; their ranges go to `backticked`.
fn as_meant(words: &[Word], backticked: &mut Vec<(usize, usize)>) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        match word.backticked_words().filter(|_| index >= 3) {
            Some(inner) => {
                backticked.push((word.start, word.end));
                out.extend(inner);
            }
            None => out.push(word.clone()),
        }
    }
    out
}

/// The words with every flag glued to the end of a literal word split off (`aks--enable-ahub`,
/// `--name=aks--enable-ahub`): the glued part must be exactly a flag of the subcommand. The split
/// offsets go to `glued`.
fn unglue(words: &[Word], verb: Verb, glued: &mut Vec<usize>) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        if index < 3 {
            out.push(word.clone());
            continue;
        }
        // `--a=x--b=y--c` holds several; a bounded number keeps a pathological word linear.
        let mut rest = word.clone();
        for _ in 0..MAX_GLUED_PER_WORD {
            let Some((head, tail)) = split_glued(&rest, verb) else {
                break;
            };
            glued.push(tail.start);
            out.push(head);
            rest = tail;
        }
        out.push(rest);
    }
    out
}

/// How many glued flags are split off one word.
const MAX_GLUED_PER_WORD: usize = 16;

/// `word` split before the first flag glued to its end, if any: in a value (`aks--flag`), in the
/// value of `--flag=value--flag2`, or right after a whole switch (`--no-wait--yes`).
fn split_glued(word: &Word, verb: Verb) -> Option<(Word, Word)> {
    let value = word.value.as_str();
    let exact = |flag: &str| matches!(flags::lookup(flag, verb), Lookup::Known(known) if known.name == flag);
    let switch = |flag: &str| matches!(flags::lookup(flag, verb), Lookup::Known(known) if known.name == flag && known.arity == Arity::Switch);
    let (from, flag_word) = match value.split_once('=') {
        Some((name, _)) if value.starts_with('-') => (name.len() + 1, false),
        _ if value.starts_with("--") => (2, true),
        _ if value.starts_with('-') => return None,
        _ => (0, false),
    };
    let at = value[from..]
        .match_indices("--")
        .map(|(at, _)| from + at)
        .filter(|&at| at > from)
        // After an escape character a blank would be escaped, not a separator.
        .filter(|&at| !value[..at].ends_with(['\\', '`', '^']))
        // A flag word splits only after a whole switch (a flag taking a value would take the
        // glued flag as its value: which was meant is anyone's guess).
        .filter(|&at| !flag_word || switch(&value[..at]))
        .find(|&at| {
            // The glued flag runs to its `=` or to the next glued flag.
            let rest = &value[at..];
            let end = rest.find('=').unwrap_or(rest.len());
            let end = rest[2..end].find("--").map_or(end, |next| next + 2);
            exact(&rest[..end])
        })?;
    word.split_literal(at)
}

/// The value bytes of `word` from value offset `from` on.
fn value_of(word: &Word, from: usize) -> Value {
    let (start, end) = word.text_range(from, word.value.len());
    let text = String::from(&word.value[from..]);
    Value {
        opaque: word.opaque || crate::placeholder::is_placeholder(&text),
        text,
        start,
        end,
    }
}

/// The flag part of a flag word and, when a value is attached, the value's offset in the word:
/// `--flag=value`, or a known short flag followed directly by its value (`-c3`, as argparse reads
/// it).
fn split_flag(value: &str, verb: Verb) -> (&str, Option<usize>) {
    if let Some((name, _)) = value.split_once('=') {
        return (name, Some(name.len() + 1));
    }
    if !value.starts_with("--") && value.len() > 2 && value.is_char_boundary(2) {
        let short = &value[..2];
        if let Lookup::Known(known) = flags::lookup(short, verb) {
            if known.arity != Arity::Switch {
                return (short, Some(2));
            }
        }
    }
    (value, None)
}

/// A word argparse treats as an option: it starts with `-`, is not a negative number, and its
/// flag part (before any `=`) is written out, not produced by a shell expansion.
fn is_flag(word: &Word) -> bool {
    let value = word.value.as_str();
    if !value.starts_with('-') || value.len() < 2 {
        return false;
    }
    let name = value.split_once('=').map_or(value, |(name, _)| name);
    let negative_number = value[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.');
    !negative_number && !name.contains(['$', '%', '`', ' '])
}

/// A word that is nothing but a shell expansion (`$EXTRA_ARGS`, `${FLAGS}`,
/// `${VERSION:+--kubernetes-version "${VERSION}"}`, `%OPTS%`), unquoted,
/// or a docs placeholder for options (`< --a <n> | --b <ids> >`): it may stand for flags and
/// values, so it is not reported as a stray argument.
fn is_bare_expansion(word: &Word) -> bool {
    let value = word.value.as_str();
    word.opaque
        && !word.quoted
        && ((value.starts_with('$') && !value.contains(' '))
            || (value.starts_with("${") && value.ends_with('}'))
            || (value.starts_with('%') && value.ends_with('%'))
            || (value.starts_with('<') && value.ends_with('>'))
            || (value.starts_with('[') && value.ends_with(']')))
}

/// How a definition's reader (Terraform, a template) knows `flag`: as `az aks create` does, and
/// [`flags::MAX_SURGE`] besides.
pub fn definition_state(flag: &str) -> FlagState {
    match flags::lookup(flag, Verb::Create) {
        Lookup::Known(known) => FlagState::Known(known),
        _ if flag == flags::MAX_SURGE.name => FlagState::Known(flags::MAX_SURGE),
        _ => FlagState::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexer::az_commands;
    use super::*;

    fn model(text: &str) -> AksCommand {
        AksCommand::from_raw(&az_commands(text)[0]).expect("aks command")
    }

    #[test]
    fn a_backticked_flag_is_read_as_its_words() {
        let text = "az aks create -n a `--max-pods 300` `--no-wait`\n";
        let raw = &az_commands(text)[0];
        let command = AksCommand::from_raw(raw).expect("a command");
        assert_eq!(command.backticked, [(19, 35), (36, 47)]);
        assert!(command.stray.is_empty(), "{:?}", command.stray);
        let max_pods = command.get("--max-pods").expect("--max-pods read");
        let value = max_pods.value.as_ref().expect("its value");
        assert_eq!(&text[value.start..value.end], "300");
        assert!(command.has("--no-wait"));
    }

    #[test]
    fn a_flag_glued_to_a_value_is_read_as_meant() {
        let text = "az aks update --name $CLUSTER--enable-ahub -g rg--tier=standard";
        let command = model(text);
        assert_eq!(
            command
                .get("--name")
                .and_then(|o| o.value.as_ref())
                .map(|v| v.opaque),
            Some(true)
        );
        assert!(command.has("--enable-ahub"));
        assert_eq!(command.text("--resource-group"), Some("rg"));
        assert_eq!(command.text("--tier"), Some("standard"));
        assert_eq!(command.glued, [29, 48]);
        assert_eq!(&text[29..31], "--");
        // Only an exact flag name is split off; quoted words are left as written.
        let command = model("az aks update --name a--b --tags \"x=y--enable-ahub\"");
        assert_eq!(command.text("--name"), Some("a--b"));
        assert!(command.glued.is_empty());
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
        assert!(AksCommand::from_raw(&az_commands("az aks nodepool update -n x")[0]).is_none());
        assert!(AksCommand::from_raw(&az_commands("az aks")[0]).is_none());
    }

    #[test]
    fn nodepool_add_reads_its_own_flags() {
        let command =
            model("az aks nodepool add -g rg --cluster-name aks -n spot -c 4 --max-surge 33%");
        assert_eq!(command.verb, Verb::NodepoolAdd);
        assert_eq!(command.text("--nodepool-name"), Some("spot"));
        assert_eq!(command.text("--cluster-name"), Some("aks"));
        assert_eq!(command.text("--node-count"), Some("4"));
        assert_eq!(command.text("--max-surge"), Some("33%"));
        assert!(command.stray.is_empty());
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
