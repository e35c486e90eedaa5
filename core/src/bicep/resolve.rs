//! References resolved within the file: `podCidr` (a param's default or a var),
//! `vnet.properties.subnets[0].properties.addressPrefix` (a resource's body), walked step by
//! step, each value on the way resolved the same way.

use super::file::{Declared, File};
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
        let declared = |list: &'a [Declared]| list.iter().find(|d| d.name == root);
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

#[cfg(test)]
mod tests {
    use crate::bicep::parse;
    use crate::json::Value;

    const FILE: &str = "@description('it''s')\n@allowed([\n  'a'\n])\nparam cidr string = '10.0.0.0/16' // default\n@secure()\nparam key string\nvar net = {\n  prefixes: [\n    cidr\n  ]\n}\nvar name = '${key}-x'\nvar many = [for i in range(0, 3): i]\n/* block\n comment */\nresource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = if (true) {\n  properties: {\n    subnets: [\n      { name: 'a', properties: { addressPrefix: net.prefixes[0] } }\n    ]\n  }\n  resource child 'subnets' = {\n    properties: {\n      addressPrefix: '''raw'''\n    }\n  }\n}\n";

    /// The string a reference at `path` under the resource `symbol` resolves to.
    fn resolved(symbol: &str, path: &[&str]) -> Option<String> {
        let file = parse(FILE);
        let resource = file.resources.iter().find(|r| r.symbol == symbol)?;
        let mut node = &resource.body;
        for step in path {
            node = file.resolve(node, 8)?;
            node = match (&node.value, step.parse::<usize>()) {
                (Value::Array(items), Ok(i)) => items.get(i)?,
                _ => &node.get_ignore_case(step)?.value,
            };
        }
        let node = file.resolve(node, 8)?;
        Some(String::from(node.as_str()?))
    }

    #[test]
    fn reads_declarations_and_nested_resources() {
        let file = parse(FILE);
        let names: Vec<&str> = file.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["cidr"], "a param without default declares no value");
        let vars: Vec<&str> = file.vars.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(vars, ["net", "name", "many"]);
        let kinds: Vec<&str> = file.resources.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "Microsoft.Network/virtualNetworks/subnets",
                "Microsoft.Network/virtualNetworks"
            ]
        );
        // The default is spanned inside its quotes' bytes.
        let default = &file.params[0].value;
        assert_eq!(&FILE[default.start..default.end], "'10.0.0.0/16'");
    }

    #[test]
    fn resolves_references_through_vars_and_params() {
        let path = ["properties", "subnets", "0", "properties", "addressPrefix"];
        assert_eq!(resolved("vnet", &path).as_deref(), Some("10.0.0.0/16"));
        assert_eq!(
            resolved("child", &["properties", "addressPrefix"]).as_deref(),
            Some("raw")
        );
        let file = parse(FILE);
        // An interpolation and a loop are expressions that resolve to nothing.
        for var in &file.vars[1..] {
            assert_eq!(file.resolve(&var.value, 8), None, "{var:?}");
        }
    }

    #[test]
    fn never_panics_on_cut_text() {
        for end in (0..=FILE.len()).filter(|&e| FILE.is_char_boundary(e)) {
            let file = parse(&FILE[..end]);
            for resource in &file.resources {
                assert!(resource.body.end <= end);
            }
        }
    }
}
