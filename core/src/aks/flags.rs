//! What podnet knows about the flags of `az aks create` / `update` / `nodepool add`: every flag azure-cli
//! (and the aks-preview extension) accepts, how many values each takes, how argparse resolves an
//! abbreviated long flag, and the closest flag to a misspelled one.
//!
//! The table is generated from azure-cli's own parser (see [`super::az_flags`]); arity decides how
//! a command line splits into options and values: `--zones 1 2 3` takes three values, a switch such
//! as `--generate-ssh-keys` takes none, and a word after a switch is an argument azure-cli does not
//! recognise.

use alloc::string::String;
use alloc::vec::Vec;

use super::az_flags::{FLAGS, MASKS};
use crate::edit_distance::edit_distance;

/// Which subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// `az aks create`: a new cluster.
    Create,
    /// `az aks update`: changes an existing cluster.
    Update,
    /// `az aks nodepool add`: a pool added to an existing cluster.
    NodepoolAdd,
}

impl Verb {
    /// The subcommand as written.
    pub fn name(self) -> &'static str {
        match self {
            Verb::Create => "create",
            Verb::Update => "update",
            Verb::NodepoolAdd => "nodepool add",
        }
    }
}

/// How many values a flag takes (argparse's `nargs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    /// No value (`store_true`).
    Switch,
    /// Exactly one value.
    One,
    /// An optional value (`nargs='?'`, the three-state `--enable-x [true|false]` flags).
    Optional,
    /// One or more values (`nargs='+'`).
    Many,
    /// Zero or more values (`nargs='*'`).
    Any,
}

impl Arity {
    /// True when the flag must be followed by at least one value.
    pub fn needs_value(self) -> bool {
        matches!(self, Arity::One | Arity::Many)
    }

    /// True when the flag goes on taking values after its first.
    pub fn takes_several(self) -> bool {
        matches!(self, Arity::Many | Arity::Any)
    }
}

/// One row of the generated table: option as written, canonical long name, arity, command mask.
#[derive(Debug, Clone, Copy)]
pub struct FlagSpec(pub &'static str, pub &'static str, pub Arity, pub u8);

/// The rows of the generated table (see [`super::az_flags::FLAGS`] for the line format).
fn specs() -> impl Iterator<Item = FlagSpec> {
    FLAGS.lines().filter_map(|line| {
        let mask = u8::try_from(MASKS.find(line.get(..1)?)?).ok()?;
        let arity = match line.as_bytes().get(1)? {
            b'S' => Arity::Switch,
            b'O' => Arity::One,
            b'Q' => Arity::Optional,
            b'M' => Arity::Many,
            _ => Arity::Any,
        };
        let rest = line.get(2..)?;
        let (option, canonical) = rest.split_once('=').unwrap_or((rest, rest));
        Some(FlagSpec(option, canonical, arity, mask))
    })
}

/// The flag exists in azure-cli's `az aks create`.
pub const CREATE: u8 = 1;
/// The flag exists in azure-cli's `az aks update`.
pub const UPDATE: u8 = 2;
/// The aks-preview extension adds the flag to `az aks create`.
pub const PREVIEW_CREATE: u8 = 4;
/// The aks-preview extension adds the flag to `az aks update`.
pub const PREVIEW_UPDATE: u8 = 8;
/// The flag exists in azure-cli's `az aks nodepool add`.
pub const NODEPOOL_ADD: u8 = 16;
/// The aks-preview extension adds the flag to `az aks nodepool add`.
pub const PREVIEW_NODEPOOL_ADD: u8 = 32;

/// A flag as azure-cli resolves it for one subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// The canonical long name (`-g` and `--resource-gr` become `--resource-group`).
    pub name: &'static str,
    /// How many values it takes.
    pub arity: Arity,
    /// True when only the aks-preview extension knows it.
    pub preview_only: bool,
}

/// How a flag as written resolves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A flag of the subcommand (exactly, or as the unique abbreviation of one).
    Known(Known),
    /// An abbreviation of several flags: argparse stops with "ambiguous option".
    Ambiguous(Vec<&'static str>),
    /// No flag of the subcommand: argparse stops with "unrecognized arguments".
    Unknown,
}

/// The mask bits of a subcommand: (azure-cli, aks-preview).
fn bits(verb: Verb) -> (u8, u8) {
    match verb {
        Verb::Create => (CREATE, PREVIEW_CREATE),
        Verb::Update => (UPDATE, PREVIEW_UPDATE),
        Verb::NodepoolAdd => (NODEPOOL_ADD, PREVIEW_NODEPOOL_ADD),
    }
}

/// A node pool's max surge (`az aks nodepool add|update --max-surge`; no flag of `az aks create`),
/// which definitions write for their default pool (`upgrade_settings.max_surge`,
/// `upgradeSettings.maxSurge`): known to their readers under this name.
pub const MAX_SURGE: Known = Known {
    name: "--max-surge",
    arity: Arity::One,
    preview_only: false,
};

fn known(spec: &FlagSpec, verb: Verb) -> Option<Known> {
    let (core, preview) = bits(verb);
    (spec.3 & (core | preview) != 0).then_some(Known {
        name: spec.1,
        arity: spec.2,
        preview_only: spec.3 & core == 0,
    })
}

/// Resolves `flag` (without any `=value`) for `verb`.
///
/// Like argparse: an exact option first; otherwise a long option that is a prefix of exactly one
/// flag's option strings is that flag. Prefixes are matched against what the subcommand knows
/// with the aks-preview extension installed, so a preview flag's abbreviation is never blamed on
/// azure-cli.
pub fn lookup(flag: &str, verb: Verb) -> Lookup {
    // An option may have a line per meaning (`-n`: `--name`, or `nodepool add`'s pool name).
    if let Some(known) = specs()
        .filter(|spec| spec.0 == flag)
        .find_map(|spec| known(&spec, verb))
    {
        return Lookup::Known(known);
    }
    if !flag.starts_with("--") || flag.len() < 3 {
        return Lookup::Unknown;
    }
    let mut matches: Vec<Known> = Vec::new();
    for spec in specs().filter(|spec| spec.0.starts_with(flag)) {
        if let Some(found) = known(&spec, verb) {
            if !matches.iter().any(|m| m.name == found.name) {
                matches.push(found);
            }
        }
    }
    match matches.as_slice() {
        [] => Lookup::Unknown,
        [one] => Lookup::Known(*one),
        several => Lookup::Ambiguous(several.iter().map(|k| k.name).collect()),
    }
}

/// The flag of the subcommand that `flag` most likely meant: the single closest long name by
/// edit distance, within two edits (three for long names), comparing case-folded with `_` as
/// `-` and leading dashes ignored.
pub fn likely_intended(flag: &str, verb: Verb) -> Option<&'static str> {
    let normalized: String = flag
        .trim_start_matches('-')
        .chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let mut best: Option<(&'static str, usize)> = None;
    let mut tied = false;
    for spec in specs().filter(|spec| spec.0.starts_with("--")) {
        let Some(candidate) = known(&spec, verb).map(|k| k.name) else {
            continue;
        };
        if spec.0 != candidate {
            continue;
        }
        // More than three characters apart in length means more than three edits: skip early.
        if normalized.len().abs_diff(candidate.len() - 2) > 3 {
            continue;
        }
        let distance = edit_distance(normalized.as_bytes(), &candidate.as_bytes()[2..]);
        match best {
            Some((_, d)) if distance > d => {}
            Some((_, d)) if distance == d => tied = true,
            _ => {
                best = Some((candidate, distance));
                tied = false;
            }
        }
    }
    let (candidate, distance) = best?;
    let allowed = if candidate.len() > 14 { 3 } else { 2 };
    (distance <= allowed && !tied).then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(flag: &str, verb: Verb) -> Option<&'static str> {
        match lookup(flag, verb) {
            Lookup::Known(known) => Some(known.name),
            _ => None,
        }
    }

    #[test]
    fn every_line_of_the_table_reads_and_names_a_flag_of_one_subcommand() {
        assert_eq!(specs().count(), FLAGS.lines().count());
        assert!(specs().all(|spec| spec.0.starts_with('-') && spec.3 != 0 && spec.3 < 64));
        // An alias names a flag of a subcommand it is an alias in.
        assert!(specs().filter(|spec| spec.0 != spec.1).all(|alias| specs()
            .any(|spec| spec.0 == alias.1 && spec.0 == spec.1 && spec.3 & alias.3 != 0)));
    }

    #[test]
    fn short_flags_and_abbreviations_resolve_like_argparse() {
        assert_eq!(name("-g", Verb::Create), Some("--resource-group"));
        assert_eq!(name("-m", Verb::Create), Some("--max-pods"));
        assert_eq!(
            name("--resource-gr", Verb::Create),
            Some("--resource-group")
        );
        assert_eq!(name("--pod-cidr", Verb::Create), Some("--pod-cidr"));
        assert!(matches!(
            lookup("--network-plug", Verb::Create),
            Lookup::Ambiguous(names) if names.contains(&"--network-plugin") && names.contains(&"--network-plugin-mode")
        ));
        assert_eq!(lookup("--group", Verb::Update), Lookup::Unknown);
        // -c is create's alias for --node-count; update has none.
        assert_eq!(name("-c", Verb::Create), Some("--node-count"));
        assert_eq!(lookup("-c", Verb::Update), Lookup::Unknown);
        // nodepool add: its own table (-n is the pool's name, --cluster-name the cluster's).
        assert_eq!(name("-n", Verb::NodepoolAdd), Some("--nodepool-name"));
        assert_eq!(
            name("--cluster-n", Verb::NodepoolAdd),
            Some("--cluster-name")
        );
        assert_eq!(name("--max-surge", Verb::NodepoolAdd), Some("--max-surge"));
        assert_eq!(lookup("--pod-cidr", Verb::NodepoolAdd), Lookup::Unknown);
        assert_eq!(lookup("--cluster-name", Verb::Create), Lookup::Unknown);
    }

    #[test]
    fn arity_comes_from_azure_clis_parser() {
        let arity = |flag| match lookup(flag, Verb::Create) {
            Lookup::Known(known) => Some(known.arity),
            _ => None,
        };
        assert_eq!(arity("--zones"), Some(Arity::Many));
        assert_eq!(arity("--nodepool-tags"), Some(Arity::Any));
        assert_eq!(arity("--generate-ssh-keys"), Some(Arity::Switch));
        assert_eq!(arity("--enable-syslog"), Some(Arity::Optional));
        assert_eq!(arity("--pod-cidr"), Some(Arity::One));
    }

    #[test]
    fn typos_find_the_intended_flag() {
        assert_eq!(
            likely_intended("--pod-cider", Verb::Create),
            Some("--pod-cidr")
        );
        assert_eq!(
            likely_intended("--network-pluggin", Verb::Create),
            Some("--network-plugin")
        );
        assert_eq!(
            likely_intended("--service_cidr", Verb::Create),
            Some("--service-cidr")
        );
        assert_eq!(
            likely_intended("--netwrok-policy", Verb::Create),
            Some("--network-policy")
        );
        assert_eq!(
            likely_intended("-pod-cidr", Verb::Create),
            Some("--pod-cidr")
        );
        assert_eq!(likely_intended("--group", Verb::Update), None);
        assert_eq!(
            likely_intended("--resource-grop", Verb::Update),
            Some("--resource-group")
        );
    }
}
