//! `Facts`, what every AKS rule reads about one command: the text, the command as lexed and as
//! modelled, its typed network values, the context, the corrections decided before any rule
//! reports, and the command's fix. Its own file, so a rule file needs nothing from `aks/mod.rs`
//! (which runs the rules).

use super::around::Around;
use super::command::AksCommand;
use super::corrections::Corrections;
use super::form::Form;
use super::lexer::RawCommand;
use super::network::Network;
use crate::finding::Fix;

/// What the rules read about one command.
pub struct Facts<'a> {
    /// The analysed text.
    pub text: &'a str,
    /// The command as the lexer read it (continuations, a comment that ends it).
    pub raw: &'a RawCommand,
    /// The command model.
    pub command: &'a AksCommand,
    /// Text offset one past the command's text.
    pub end: usize,
    /// Its typed network values.
    pub network: &'a Network,
    /// The context: node target, VNet ranges, ranges to avoid.
    pub around: &'a Around<'a>,
    /// Everything the command's fix changes.
    pub corrections: &'a Corrections,
    /// The command's fix, when the corrections change anything.
    pub fix: Option<&'a Fix>,
    /// How the definition names its settings (a command, Terraform, a template).
    pub form: &'a Form,
}

impl Facts<'_> {
    /// The command's fix for a finding it `resolves`.
    pub fn fix_if(&self, resolves: bool) -> Option<Fix> {
        self.fix.filter(|_| resolves).cloned()
    }
}
