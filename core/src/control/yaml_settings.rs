//! What the YAML readers of the area share: the documents they recognise and the settings they
//! find, each scalar read through its [`crate::yaml::scalar_content`] map so that a fix edits
//! the value in its own quoting.

use alloc::vec::Vec;

use crate::document::{Document, DocumentKind};
use crate::finding::Finding;
use crate::model::{ClusterModel, Origin, Source, Stated};
use crate::net::Cidr;
use crate::span::LineIndex;
use crate::yaml::{scalar_content, Node};

use super::rules::malformed_value;
use super::settings::{self, Setting};

/// Which model value a tool's default fills.
pub enum Found {
    /// kube-controller-manager's cluster CIDR.
    Cluster,
    /// The service range.
    Service,
}

/// The documents and model values the YAML readers found.
pub struct YamlSettings<'a> {
    /// The analysed text.
    pub text: &'a str,
    /// Its line index.
    pub index: &'a LineIndex<'a>,
    /// The documents recognised.
    pub documents: Vec<Document>,
    /// What they state.
    pub model: ClusterModel,
    /// Values they could not read (`control/malformed-value`).
    pub findings: Vec<Finding>,
    /// The settings podnet reads written in the document read last, by their keys.
    pub written: Vec<&'static str>,
}

impl YamlSettings<'_> {
    /// Records the document `root` as one of `kind`, and gives the origin of its values.
    pub fn document(&mut self, kind: DocumentKind, root: &Node) -> Origin {
        let span = self.index.span(root.start, root.end);
        self.documents.push(Document { kind, span });
        self.written.clear();
        Origin::Document {
            kind,
            document: span,
        }
    }

    /// The setting `name` whose value is the scalar `node`.
    pub fn scalar(&mut self, origin: Origin, name: &str, node: &Node) {
        let Some(content) = scalar_content(self.text, node) else {
            return;
        };
        self.written.extend(settings::key(name));
        let setting = Setting {
            name,
            value: &content.text,
            map: &content.map,
            at: 0,
            width: content.text.len(),
            exact: content.exact,
        };
        if let Some(malformed) = settings::state(origin, &setting, self.index, &mut self.model) {
            malformed_value::report(&malformed, &mut self.findings);
        }
    }

    /// The setting written as one scalar `<prefix>name=value` (a static pod's command item, a
    /// k3s `kube-controller-manager-arg`); a bare `<prefix>name` is a switch set to true.
    pub fn flag_item(&mut self, origin: Origin, node: &Node, prefix: &str) {
        let Some(content) = scalar_content(self.text, node) else {
            return;
        };
        let Some(flag) = content.text.strip_prefix(prefix) else {
            return;
        };
        let (name, value, at, width) = match flag.split_once('=') {
            Some((name, value)) => (name, value, prefix.len() + name.len() + 1, value.len()),
            None => (flag, "true", 0, content.text.len()),
        };
        self.written.extend(settings::key(name));
        let setting = Setting {
            name,
            value,
            map: &content.map,
            at,
            width,
            exact: content.exact && value.len() + at == content.text.len(),
        };
        if let Some(malformed) = settings::state(origin, &setting, self.index, &mut self.model) {
            malformed_value::report(&malformed, &mut self.findings);
        }
    }

    /// `tool`'s default CIDR for `key`, which the document `root` does not write.
    pub fn default_cidr(
        &mut self,
        tool: &'static str,
        key: &'static str,
        value: &str,
        root: &Node,
        into: Found,
    ) {
        let Ok(cidr) = value.parse::<Cidr>() else {
            return;
        };
        let stated = Stated {
            value: cidr,
            source: Source::default_of(tool, key, self.index.span(root.start, root.start)),
        };
        match into {
            Found::Cluster => self.model.cluster_cidrs.push(stated),
            Found::Service => self.model.service_ranges.push(stated),
        }
    }

    /// `tool`'s default flannel backend (vxlan), which the document `root` does not write.
    pub fn default_backend(&mut self, tool: &'static str, root: &Node) {
        self.model.backend.push(Stated {
            value: super::defaults::K3S_BACKEND,
            source: Source::default_of(
                tool,
                "flannel-backend",
                self.index.span(root.start, root.start),
            ),
        });
    }
}
