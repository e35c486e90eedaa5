//! References resolved within the paste: `var.x` to its variable's default, `local.x` to its
//! local, `azurerm_subnet.nodes.address_prefixes[0]` to that resource's argument. What cannot be
//! resolved (no default, a data source, a function call, a template) is opaque, and the reader
//! says so.

use alloc::vec::Vec;

use crate::hcl::{Body, Expr, Step};

/// How many references one value may go through (a cycle ends here).
const MAX_HOPS: usize = 16;

/// What the paste declares that a reference may name.
pub struct Scope<'a> {
    variables: Vec<(&'a str, &'a Expr)>,
    locals: Vec<(&'a str, &'a Expr)>,
    resources: Vec<(&'a str, &'a str, &'a Body)>,
}

/// A value as far as the paste says.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'a> {
    /// A literal (string, number, bool, list, object), where it is written.
    Literal(&'a Expr),
    /// A reference to something Terraform knows and the paste does not (`azurerm_subnet.x.id`,
    /// a data source, a variable without a default): its own bytes.
    Unknown(usize, usize),
}

impl<'a> Scope<'a> {
    /// The variables, locals and resources of `body`.
    pub fn of(body: &'a Body) -> Scope<'a> {
        let mut scope = Scope {
            variables: Vec::new(),
            locals: Vec::new(),
            resources: Vec::new(),
        };
        for block in &body.blocks {
            match (block.kind.as_str(), &block.labels[..]) {
                ("variable", [name]) => {
                    if let Some(default) = block.body.attribute("default") {
                        scope.variables.push((name, &default.value));
                    }
                }
                ("locals", []) => {
                    for attribute in &block.body.attributes {
                        scope.locals.push((&attribute.name, &attribute.value));
                    }
                }
                ("resource", [kind, name]) => scope.resources.push((kind, name, &block.body)),
                _ => {}
            }
        }
        scope
    }

    /// What `expr` is, following references.
    pub fn resolve(&self, expr: &'a Expr) -> Resolved<'a> {
        self.follow(expr, MAX_HOPS)
    }

    fn follow(&self, expr: &'a Expr, hops: usize) -> Resolved<'a> {
        let (start, end) = expr.range();
        let unknown = Resolved::Unknown(start, end);
        let Expr::Ref { root, steps, .. } = expr else {
            return match expr {
                Expr::Str { template: true, .. } | Expr::Opaque(..) | Expr::Null(..) => unknown,
                _ => Resolved::Literal(expr),
            };
        };
        if hops == 0 {
            return unknown;
        }
        let (target, rest) = match (root.as_str(), &steps[..]) {
            ("var", [Step::Name(name), rest @ ..]) => (lookup(&self.variables, name), rest),
            ("local", [Step::Name(name), rest @ ..]) => (lookup(&self.locals, name), rest),
            (kind, [Step::Name(name), Step::Name(argument), rest @ ..]) => {
                let body = self
                    .resources
                    .iter()
                    .find(|(k, n, _)| *k == kind && n == name)
                    .map(|(_, _, body)| body);
                let value = body
                    .and_then(|body| body.attribute(argument))
                    .map(|a| &a.value);
                (value, rest)
            }
            _ => (None, &[][..]),
        };
        let Some(mut value) = target else {
            return unknown;
        };
        for step in rest {
            let Resolved::Literal(literal) = self.follow(value, hops - 1) else {
                return unknown;
            };
            let next = match (literal, step) {
                (Expr::List(items, ..), Step::Index(index)) => items.get(*index),
                (Expr::Object(members, ..), Step::Name(key)) => {
                    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
                }
                _ => None,
            };
            match next {
                Some(next) => value = next,
                None => return unknown,
            }
        }
        match self.follow(value, hops - 1) {
            Resolved::Unknown(..) => unknown,
            literal => literal,
        }
    }
}

fn lookup<'a>(names: &[(&'a str, &'a Expr)], name: &str) -> Option<&'a Expr> {
    names.iter().find(|(n, _)| *n == name).map(|(_, e)| *e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_variables_locals_and_resources() {
        let text = "variable \"pod\" {\n  default = \"10.1.0.0/16\"\n}\nvariable \"free\" {}\nlocals {\n  cidrs = [var.pod]\n}\nresource \"azurerm_subnet\" \"s\" {\n  address_prefixes = local.cidrs\n}\nx = azurerm_subnet.s.address_prefixes[0]\ny = var.free\nz = azurerm_subnet.s.id\n";
        let body = crate::hcl::parse(text).expect("parses");
        let scope = Scope::of(&body);
        let literal = |name: &str| match scope.resolve(&body.attribute(name).expect("attr").value) {
            Resolved::Literal(Expr::Str { start, end, .. }) => Some(&text[*start..*end]),
            _ => None,
        };
        assert_eq!(literal("x"), Some("10.1.0.0/16"));
        assert_eq!(literal("y"), None);
        assert_eq!(literal("z"), None);
    }
}
