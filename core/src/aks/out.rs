//! `Out`, the collector every AKS rule reports into: findings with spans in the analysed text,
//! and the next steps. Its own file, so a rule file needs nothing from `aks/mod.rs` (which runs
//! the rules).

use alloc::string::String;
use alloc::vec::Vec;

use crate::embed::SourceMap;
use crate::emit::{Draft, Emitter};
use crate::finding::Finding;
use crate::span::LineIndex;

/// The collector rules report into; spans are offsets of the analysed text.
pub struct Out<'a> {
    index: &'a LineIndex<'a>,
    /// What the rules reported, in the order they ran.
    pub(super) findings: Vec<Finding>,
    /// The commands to run once the fix is in.
    pub(super) next_steps: Vec<String>,
}

impl<'a> Out<'a> {
    /// An empty collector for spans in the text `index` indexes.
    pub(super) fn new(index: &'a LineIndex<'a>) -> Self {
        Out {
            index,
            findings: Vec::new(),
            next_steps: Vec::new(),
        }
    }

    /// Reports `draft` (at offsets of the analysed text).
    pub fn report(&mut self, draft: Draft) {
        let map = SourceMap::offset(0);
        Emitter::new(self.index, &map, &mut self.findings).report(draft);
    }

    /// Adds a next step (a command to run once the fix is in).
    pub fn next_step(&mut self, step: String) {
        self.next_steps.push(step);
    }
}
