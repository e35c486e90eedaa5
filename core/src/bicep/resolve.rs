//! References resolved within the file: `podCidr` (a param's default or a var),
//! `vnet.properties.subnets[0].properties.addressPrefix` (a resource's body), walked step by
//! step, each value on the way resolved the same way.

use super::File;
use crate::json::{Node, Value};

impl File {
    /// `node` itself when it is no expression; what it refers to (spanned where that is
    /// written) when it names a declaration of the file, to `hops` references deep; `None` for
    /// any other expression (a param without default, a call, an operator, a resource's `id`).
    pub fn resolve<'a>(&'a self, node: &'a Node, hops: usize) -> Option<&'a Node> {
        let Some(path) = node
            .as_str()
            .and_then(|t| t.strip_prefix('[')?.strip_suffix(']'))
        else {
            return Some(node);
        };
        let root_len = path
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        let (root, mut rest) = path.split_at(root_len);
        if hops == 0 || root.is_empty() {
            return None;
        }
        let declared = |list: &'a [super::Declared]| list.iter().find(|d| d.name == root);
        let mut at = match declared(&self.params).or_else(|| declared(&self.vars)) {
            Some(declared) => &declared.value,
            None => &self.resources.iter().find(|r| r.symbol == root)?.body,
        };
        loop {
            at = self.resolve(at, hops - 1)?;
            if rest.is_empty() {
                return Some(at);
            }
            let (key, index, after) = step(rest)?;
            at = match (&at.value, index) {
                (Value::Array(items), Some(index)) => items.get(index)?,
                _ => &at.get_ignore_case(key)?.value,
            };
            rest = after;
        }
    }
}

/// The first step of `rest`: `.name`, `.?name`, `['name']` or `[0]`; the name, the index and
/// what follows.
fn step(rest: &str) -> Option<(&str, Option<usize>, &str)> {
    if let Some(name) = rest.strip_prefix(".?").or_else(|| rest.strip_prefix('.')) {
        let len = name
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        return (len > 0).then(|| (&name[..len], None, &name[len..]));
    }
    let (inside, after) = rest.strip_prefix('[')?.split_once(']')?;
    match inside.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) {
        Some(key) => Some((key, None, after)),
        None => Some(("", Some(inside.parse().ok()?), after)),
    }
}
