//! The shape of the code, checked: no import cycles between the files of the core, the CLI or
//! the page.
//!
//! Every file of a crate's `src` is a node; an edge goes from a file to each module file a path in it
//! names (`crate::a::b`, `super::x`, `self::y`, or a child module declared with `mod c;`), outside
//! `#[cfg(test)]` modules. A cycle (two files reaching each other) fails the test with its files.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module path (`["aks", "rules", "max_pods"]`) of every file under `root`.
fn modules(root: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)
            .expect("core/src is readable")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(root).expect("under root");
            let mut module: Vec<String> = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module == ["main"] && root.join("lib.rs").exists() {
                // A binary beside a library is its own crate: it reaches the library by name.
                continue;
            }
            if matches!(module.last().map(String::as_str), Some("mod" | "lib"))
                || module == ["main"]
            {
                module.pop();
            }
            found.insert(module, path);
        }
    }
    found
}

/// The text of a file without its `#[cfg(test)]` items and comments.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_test = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        let opens = line.matches('{').count() as i32;
        let closes = line.matches('}').count() as i32;
        if pending_test && skip_depth.is_none() {
            pending_test = false;
            if opens > closes {
                skip_depth = Some(depth);
            } else {
                // A one-line test item (`use`, `mod x;`).
                continue;
            }
        }
        depth += opens - closes;
        match skip_depth {
            Some(at) if depth <= at => skip_depth = None,
            Some(_) => {}
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The identifiers of a path that starts at `start` in `text`: `a::b::{c, d}` gives `[a, b]`.
fn path_at(text: &str, start: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = &text[start..];
    loop {
        let ident: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if ident.is_empty() {
            break;
        }
        rest = &rest[ident.len()..];
        parts.push(ident);
        match rest.strip_prefix("::") {
            Some(after) => rest = after,
            None => break,
        }
    }
    parts
}

/// The module files `file` (module path `module`) names, by module path.
fn imports(
    module: &[String],
    text: &str,
    all: &BTreeMap<Vec<String>, PathBuf>,
) -> BTreeSet<Vec<String>> {
    let code = code(text);
    let own = module.to_vec();
    let parent: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
    let mut children = BTreeSet::new();
    for line in code.lines() {
        let line = line
            .trim_start()
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ");
        if let Some(name) = line.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            children.insert(name.trim().to_string());
        }
    }
    let mut named = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut resolve = |mut path: Vec<String>| {
        // The longest prefix that is a module file.
        loop {
            if all.contains_key(&path) {
                if path != own {
                    named.insert(path);
                }
                return;
            }
            if path.pop().is_none() {
                return;
            }
        }
    };
    for (at, _) in code.match_indices("::") {
        let start = path_start(bytes, at);
        if start != at && bytes[start..at].contains(&b':') {
            continue; // not the first `::` of its path
        }
        if let Some(absolute) = anchored(&path_at(&code, start), &own, &parent, &children) {
            resolve(absolute);
        }
    }
    // `use super::{a, b}` / `use crate::x::{a, b}`: each braced name may be a module.
    for (at, _) in code.match_indices("::{") {
        let head = path_at(&code, path_start(bytes, at));
        let Some(base) = anchored(&head, &own, &parent, &children) else {
            continue;
        };
        let close = code[at..].find('}').map_or(code.len(), |i| at + i);
        for item in code[at + 3..close].split(',') {
            let name = item
                .trim()
                .split("::")
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let candidate: Vec<String> = base.iter().cloned().chain([name]).collect();
            if all.contains_key(&candidate) && candidate != own {
                named.insert(candidate);
            }
        }
    }
    named
}

/// Where the path whose `::` is at `at` starts: back over identifier characters and `::`.
fn path_start(bytes: &[u8], at: usize) -> usize {
    let mut start = at;
    while start > 0 {
        let c = bytes[start - 1] as char;
        if c.is_ascii_alphanumeric() || c == '_' || c == ':' {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// `path` as a module path from the crate root, when it starts at `crate`, `super` (any number
/// of times), `self` or a child module of the file (module path `own`, in `parent`); `None` for
/// a path into another crate.
fn anchored(
    path: &[String],
    own: &[String],
    parent: &[String],
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let first = path.first()?;
    let joined = |base: &[String], rest: &[String]| base.iter().chain(rest).cloned().collect();
    match first.as_str() {
        "crate" => Some(path[1..].to_vec()),
        "super" => {
            let mut base = parent.to_vec();
            let mut rest = &path[1..];
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            Some(joined(&base, rest))
        }
        "self" => Some(joined(own, &path[1..])),
        name if children.contains(name) => Some(joined(own, path)),
        _ => None,
    }
}

/// Strongly connected groups of more than one file (Tarjan).
fn cycles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct State<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        next: usize,
        found: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(state: &mut State<'a>, node: &'a Vec<String>) {
        state.index.insert(node, state.next);
        state.low.insert(node, state.next);
        state.next += 1;
        state.stack.push(node);
        state.on_stack.insert(node);
        let edges = state.edges;
        for target in edges.get(node).into_iter().flatten() {
            if !state.index.contains_key(target) {
                visit(state, target);
                let low = state.low[target].min(state.low[node]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(target) {
                let low = state.index[target].min(state.low[node]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut group = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(top);
                group.push(top.clone());
                if top == node {
                    break;
                }
            }
            if group.len() > 1 {
                state.found.push(group);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state.found
}

/// The import cycles between the files under `root` (a crate's `src`), as lines of files.
fn cycles_under(root: &Path) -> Vec<String> {
    let all = modules(root);
    let mut edges = BTreeMap::new();
    for (module, path) in &all {
        let text = fs::read_to_string(path).expect("readable");
        edges.insert(module.clone(), imports(module, &text, &all));
    }
    cycles(&edges)
        .iter()
        .map(|group| {
            let names: Vec<String> = group
                .iter()
                .map(|m| match m.is_empty() {
                    true => String::from("(the crate root)"),
                    false => m.join("::"),
                })
                .collect();
            names.join(" ↔ ")
        })
        .collect()
}

fn crate_src(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(name)
        .join("src")
}

#[test]
fn no_file_of_the_core_imports_a_file_that_imports_it_back() {
    let root = crate_src("core");
    let all = modules(&root);
    assert!(all.len() > 100, "found only {} files", all.len());
    // The test can fail: the aks driver names its rules, so a rule importing the driver back
    // would be a cycle; check the detector sees such edges at all.
    let driver = vec!["aks".to_string()];
    let text = fs::read_to_string(&all[&driver]).expect("aks/mod.rs");
    assert!(
        imports(&driver, &text, &all).contains(&vec!["aks".to_string(), "rules".to_string()]),
        "the aks driver's use of its rules was not seen"
    );
    let found = cycles_under(&root);
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn no_file_of_the_cli_or_the_page_imports_a_file_that_imports_it_back() {
    for name in ["cli", "web"] {
        let found = cycles_under(&crate_src(name));
        assert!(
            found.is_empty(),
            "import cycles in {name}:\n{}",
            found.join("\n")
        );
    }
}
