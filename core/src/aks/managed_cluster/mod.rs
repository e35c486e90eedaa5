//! AKS managed clusters written as JSON, read into the command model the AKS rules check:
//! `az aks show -o json` (the whole cluster, or just its `networkProfile`), `az aks nodepool
//! list -o json` (each pool, as an update that leaves the network as it is) and ARM templates'
//! `Microsoft.ContainerService/managedClusters` resources, whose `properties` have the same
//! shape ([`names`]). In a template, `[parameters('x')]` and `[variables('x')]` resolve to the
//! parameter's `defaultValue` or the variable, spanned there, so that a fix edits it there; any
//! other template expression is opaque. `az network vnet show`, `az network vnet subnet show`
//! and a template's `Microsoft.Network/virtualNetworks` give the VNet and subnet ranges.
//!
//! `az aks show` prints a cluster's state: its findings carry no fix (the change is an
//! `az aks update`, or a change to whatever created the cluster). A template's fix replaces
//! values where they are written; a correction that needs a new property gives no fix.

pub mod fix;
pub mod names;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::command::{definition_state, AksCommand, Opt, Value, Verb};
use super::form::Form;
use super::lexer::RawCommand;
use super::pools::{Pool, Pools};
use super::terraform::Range;
use crate::bicep;
use crate::json::{self, Node, Value as Json};
use crate::net::Cidr;
use names::{ARM, AVM, BICEP, NAMES, SHOW};

/// One managed cluster, as a command.
pub struct Definition {
    /// An empty word list spanning the cluster.
    pub raw: RawCommand,
    /// Its properties as options.
    pub command: AksCommand,
    /// Which form: [`SHOW`] or [`ARM`].
    pub form: Form,
    /// Its pools: the first `agentPoolProfiles` entry's name, the others whole.
    pub pools: Pools,
}

/// What a JSON paste holds.
#[derive(Default)]
pub struct Read {
    /// The clusters.
    pub definitions: Vec<Definition>,
    /// The VNet and subnet ranges.
    pub vnet: Vec<Range>,
}

/// The flags whose value is a list (joined with commas, as azure-cli takes them).
const LISTS: [&str; 3] = ["--pod-cidrs", "--service-cidrs", "--ip-families"];

/// Reads `text` when it is a JSON object of one of these kinds, or several one after another
/// (a template and its parameters file pasted together). A template's `[parameters('x')]` takes
/// its value from a parameters file (`deploymentParameters.json#`) in `text` or, when files are
/// checked together, in `whole`, before its `defaultValue`.
pub fn read(text: &str, whole: &str) -> Read {
    let mut read = Read::default();
    let roots = if text.trim_start().starts_with(['{', '[']) {
        match json::parse(text) {
            Ok(root) => alloc::vec![root],
            Err(_) => Some(objects(text))
                .filter(|roots| !roots.is_empty())
                .unwrap_or_else(|| printed_objects(text)),
        }
    } else {
        printed_objects(text)
    };
    if roots.is_empty() {
        return read;
    }
    let others = if whole.len() != text.len() || whole == text {
        Vec::new()
    } else {
        objects(whole)
    };
    let is_parameters = |root: &Node| {
        member(root, "$schema")
            .and_then(|s| s.as_str())
            .is_some_and(|s| s.contains("deploymentParameters"))
    };
    let values: Vec<&Node> = roots
        .iter()
        .chain(&others)
        .filter(|r| is_parameters(r))
        .filter_map(|r| member(r, "parameters"))
        .collect();
    // Values are spanned in the text that holds them: another file's parameters are blank in
    // `text` (one file of several, at the whole text's offsets).
    let holds = if whole.len() == text.len() {
        whole
    } else {
        text
    };
    for root in roots.iter().filter(|r| !is_parameters(r)) {
        read_root(holds, root, &values, &mut read);
    }
    read
}

/// The JSON objects of a text that holds several one after another, each parsed at the text's
/// own offsets (the rest blanked); a `---` line between them (a Markdown runbook's other blocks,
/// as the reading view marks them) ends the JSON ones. None when anything else stands between them.
fn objects(text: &str) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..]
        .find(|c: char| !c.is_whitespace())
        .map(|i| at + i)
    {
        if text[open..].starts_with("---") && !nodes.is_empty() {
            break;
        }
        let Some(end) = json::object_end(text, open).filter(|_| nodes.len() < MOST_OBJECTS) else {
            return Vec::new();
        };
        match parsed_in_place(text, open, end) {
            Some(node) => nodes.push(node),
            None => return Vec::new(),
        }
        at = end;
    }
    nodes
}

/// The most JSON objects one text is read as.
const MOST_OBJECTS: usize = 8;

/// The JSON objects a transcript or a runbook shows among other text (`$ az aks show … -o json`
/// and what it printed, then an `az aks update`): each `{` at column 0 after a blank line, a
/// `---` marker or a command line, up to its closing brace ([`json::line_start_objects`]), that
/// parses. Objects that are not AKS definitions are left to the other readers.
fn printed_objects(text: &str) -> Vec<Node> {
    json::line_start_objects(text, json::opens_object)
        .into_iter()
        .take(MOST_OBJECTS)
        .filter_map(|(open, end)| parsed_in_place(text, open, end))
        .collect()
}

/// The object at `open..end` parsed at the text's own offsets (everything else blanked, line
/// breaks kept); `None` when it does not parse.
fn parsed_in_place(text: &str, open: usize, end: usize) -> Option<Node> {
    json::parse(&crate::reading_view::part_view(text, open, end)).ok()
}

/// One JSON object of the paste, read into `read`; `values` are the parameters files' values.
fn read_root(text: &str, root: &Node, values: &[&Node], read: &mut Read) {
    if let Json::Array(pools) = &root.value {
        // `az aks nodepool list -o json`: each pool, as an update that says nothing of the
        // network (the list does not show it).
        let is_pool =
            |pool: &Node| member(pool, "vmSize").is_some() && member(pool, "maxPods").is_some();
        if pools.first().is_some_and(is_pool) {
            for pool in pools.iter().filter(|p| is_pool(p)) {
                let mut definition =
                    definition(text, pool, pool, None, Some("agentPoolProfiles.0."));
                definition.command.verb = Verb::Update;
                read.definitions.push(definition);
            }
        }
        return;
    }
    let has = |key: &str| root.get_ignore_case(key).is_some();
    if has("resources") && has("$schema") {
        let template = Template::Arm(root, values);
        let Some(resources) = root.get_ignore_case("resources") else {
            return;
        };
        if let Json::Array(items) = &resources.value.value {
            for resource in items {
                let kind = member(resource, "type").and_then(|m| m.as_str());
                template.resource(text, kind.unwrap_or(""), resource, read);
            }
        }
    } else if has("networkProfile") || has("agentPoolProfiles") {
        read.definitions
            .push(definition(text, root, root, None, None));
    } else if has("networkPlugin") && (has("serviceCidr") || has("podCidr")) {
        read.definitions
            .push(definition(text, root, root, None, Some("networkProfile.")));
    } else if let Some(space) = root.get_ignore_case("addressSpace") {
        vnet(&space.value, None, root, &mut read.vnet);
        subnets(root, None, &mut read.vnet);
    } else if has("addressPrefix") && has("ipConfigurations")
        || has("addressPrefix") && has("privateEndpointNetworkPolicies")
    {
        prefix(root, None, root, &mut read.vnet);
    }
}

/// Where a definition's expressions resolve: an ARM template's parameters and variables, or a
/// Bicep file's declarations.
#[derive(Clone, Copy)]
enum Template<'a> {
    /// The template, and the parameters files' `parameters` objects.
    Arm(&'a Node, &'a [&'a Node]),
    Bicep(&'a bicep::File),
}

/// Reads the resources of a Bicep file ([`bicep::parse`]) as a template's.
pub fn read_bicep(text: &str, file: &bicep::File) -> Read {
    let mut read = Read::default();
    for resource in &file.resources {
        let template = Template::Bicep(file);
        template.resource(text, &resource.kind, &resource.body, &mut read);
    }
    read
}

impl<'a> Template<'a> {
    fn resource(self, text: &str, kind: &str, resource: &'a Node, read: &mut Read) {
        let Some(properties) =
            at(resource, "properties", Some(self)).or_else(|| at(resource, "params", Some(self)))
        else {
            return;
        };
        if kind.eq_ignore_ascii_case("Microsoft.ContainerService/managedClusters") {
            read.definitions
                .push(definition(text, resource, properties, Some(self), None));
        } else if kind.contains("avm/res/container-service/managed-cluster:") {
            // The Azure Verified Module: its `params`, by the module's names.
            let mut cluster = definition(text, resource, properties, Some(self), Some(""));
            cluster.form = AVM;
            read.definitions.push(cluster);
        } else if kind.eq_ignore_ascii_case("Microsoft.Network/virtualNetworks") {
            if let Some(space) = properties.get_ignore_case("addressSpace") {
                vnet(&space.value, Some(self), resource, &mut read.vnet);
            }
            subnets(properties, Some(self), &mut read.vnet);
        } else if kind.eq_ignore_ascii_case("Microsoft.Network/virtualNetworks/subnets") {
            prefix(properties, Some(self), resource, &mut read.vnet);
        }
    }

    /// `node`, or what its `[parameters('x')]`/`[variables('x')]` (a Bicep reference) stands
    /// for; `None` for any other expression.
    fn resolve(self, node: &'a Node, hops: usize) -> Option<&'a Node> {
        let (root, values) = match self {
            Template::Arm(root, values) => (root, values),
            Template::Bicep(file) => return file.resolve(node, hops),
        };
        let Some(text) = node.as_str() else {
            return Some(node);
        };
        if !text.starts_with('[') || text.starts_with("[[") {
            return Some(node);
        }
        let inner = text.strip_prefix('[')?.strip_suffix(']')?.trim();
        let (section, name) = if let Some(rest) = inner.strip_prefix("parameters('") {
            ("parameters", rest.strip_suffix("')")?)
        } else if let Some(rest) = inner.strip_prefix("variables('") {
            ("variables", rest.strip_suffix("')")?)
        } else {
            return None;
        };
        if name.contains('\'') || hops == 0 {
            return None;
        }
        // A parameters file's value comes first, then the template's default.
        let given = values
            .iter()
            .filter(|_| section == "parameters")
            .find_map(|v| member(v, name).and_then(|p| member(p, "value")));
        let entry = || member(member(root, section)?, name);
        let value = match given {
            Some(value) => value,
            None if section == "parameters" => member(entry()?, "defaultValue")?,
            None => entry()?,
        };
        self.resolve(value, hops - 1)
    }
}

/// How many parameter and variable hops one value may take.
const MAX_HOPS: usize = 8;

fn resolve<'a>(template: Option<Template<'a>>, node: &'a Node) -> Option<&'a Node> {
    match template {
        Some(template) => template.resolve(node, MAX_HOPS),
        None => Some(node),
    }
}

/// The member `key` of `node`, any case.
fn member<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    node.get_ignore_case(key).map(|m| &m.value)
}

/// The node at `path` under `properties`, resolving template expressions on the way.
fn at<'a>(properties: &'a Node, path: &str, template: Option<Template<'a>>) -> Option<&'a Node> {
    let mut node = properties;
    for part in path.split('.') {
        node = resolve(template, node)?;
        node = match (&node.value, part.parse::<usize>()) {
            (Json::Array(items), Ok(index)) => items.get(index)?,
            _ => member(node, part)?,
        };
    }
    Some(node)
}

/// The expression that hides the plugin when the properties or the network profile are written
/// as one (`properties: union(…)`): the plugin is then unknown, not absent.
fn hidden<'a>(
    properties: &'a Node,
    path: &str,
    template: Option<Template<'a>>,
) -> Option<&'a Node> {
    if path != "networkProfile.networkPlugin" {
        return None;
    }
    let Some(properties) = resolve(template, properties) else {
        return Some(properties);
    };
    let profile = member(properties, "networkProfile")?;
    resolve(template, profile).is_none().then_some(profile)
}

fn definition<'a>(
    text: &str,
    whole: &'a Node,
    properties: &'a Node,
    template: Option<Template<'a>>,
    only: Option<&str>,
) -> Definition {
    let mut options = Vec::new();
    // `Some("")`: an Azure Verified Module's params, by its own names.
    let names = if only == Some("") { AVM.names } else { NAMES };
    for &(flag, path) in names {
        // With `only`, the object is the part of the cluster under that prefix.
        let path = match only {
            Some(prefix) => match path.strip_prefix(prefix) {
                Some(inner) => inner,
                None => continue,
            },
            None => path,
        };
        let written = at(properties, path, template);
        let Some(written) = written.or_else(|| hidden(properties, path, template)) else {
            continue;
        };
        let resolved = resolve(template, written);
        let value = if flag == "--enable-cluster-autoscaler" {
            match resolved.map(|n| &n.value) {
                Some(Json::Bool(true)) => None,
                _ => continue,
            }
        } else {
            match value(text, flag, written, resolved, template) {
                Some(value) => Some(value),
                None => continue,
            }
        };
        let key_node = written;
        let state = definition_state(flag);
        options.push(Opt {
            name: String::from(flag),
            written: String::from(path.rsplit('.').next().unwrap_or(path)),
            state,
            name_start: key_node.start,
            name_end: key_node.end,
            value,
            more: Vec::new(),
            equals: false,
            end: key_node.end,
        });
    }
    let (start, end) = (whole.start, whole.end);
    let (raw, command) = AksCommand::definition(start, end, (start + 1).min(end), options);
    // A pool of `az aks nodepool list` joins the cluster; a cluster lists its other pools.
    let joins = only == Some("agentPoolProfiles.0.");
    // The pools' list (`agentPoolProfiles`, the module's `primaryAgentPoolProfiles`).
    let list = names[1].1.strip_suffix(".0.count").unwrap_or("");
    let profiles = match joins {
        true => None,
        false => at(properties, list, template).and_then(|n| resolve(template, n)),
    };
    let first = match joins {
        true => Some(properties),
        false => at(properties, list, template).and_then(|n| at(n, "0", template)),
    };
    let mut pools = Pools {
        first: first
            .and_then(|p| pool_name(p, template))
            .unwrap_or_default(),
        joins,
        ..Pools::default()
    };
    // Its other pools (and the module's `agentPools`), each with its subnet as written.
    let subnet = names[5].1.rsplit('.').next().unwrap_or("");
    let more = member(properties, "agentPools").filter(|_| only == Some(""));
    for (skip, list) in [(1, profiles), (0, more.and_then(|n| resolve(template, n)))] {
        if let Some(Json::Array(items)) = list.map(|n| &n.value) {
            let items = items.iter().skip(skip);
            let read = items.filter_map(|p| pool(text, resolve(template, p)?, template, subnet));
            pools.own.extend(read);
        }
    }
    Definition {
        raw,
        command,
        pools,
        form: match template {
            Some(Template::Arm(..)) => ARM,
            Some(Template::Bicep(_)) => BICEP,
            None => SHOW,
        },
    }
}

/// An `agentPoolProfiles` entry's `name`.
fn pool_name<'a>(profile: &'a Node, template: Option<Template<'a>>) -> Option<String> {
    let name = resolve(template, member(profile, "name")?)?;
    name.as_str().map(String::from)
}

/// An `agentPoolProfiles` entry as a pool: the larger of `count` and `maxCount`.
fn pool<'a>(
    text: &str,
    profile: &'a Node,
    template: Option<Template<'a>>,
    subnet: &str,
) -> Option<Pool> {
    let number = |key: &str| match &resolve(template, member(profile, key)?)?.value {
        Json::Number(raw) => raw.parse::<u32>().ok(),
        _ => None,
    };
    // Written as the default pool's is, so that the same subnet compares equal.
    let subnet = member(profile, subnet)
        .and_then(|n| value(text, "--vnet-subnet-id", n, resolve(template, n), template))
        .map(|v| v.text);
    Some(Pool {
        name: pool_name(profile, template).unwrap_or_default(),
        nodes: number("count").max(number("maxCount"))?,
        subnet,
    })
}

/// A string's bytes inside its quotes, when it has no escapes (else the whole string).
fn inner(text: &str, node: &Node, decoded: &str) -> (usize, usize) {
    let (start, end) = (node.start + 1, node.end.saturating_sub(1));
    if text.get(start..end) == Some(decoded) {
        (start, end)
    } else {
        (node.start, node.end)
    }
}

/// The value of `flag` as the command model holds it; `None` for `null`.
fn value(
    text: &str,
    flag: &str,
    written: &Node,
    resolved: Option<&Node>,
    template: Option<Template<'_>>,
) -> Option<Value> {
    // A template expression, as a placeholder (`${…}`) no rule judges; a long one cut short.
    let opaque = |node: &Node| Value {
        text: format!("${{{}}}", shortened(node.as_str().unwrap_or("…"))),
        start: node.start,
        end: node.end,
        opaque: !flag.ends_with("-subnet-id"),
    };
    let Some(node) = resolved else {
        return Some(opaque(written));
    };
    match &node.value {
        Json::Null => None,
        Json::String(decoded) => {
            let (start, end) = inner(text, node, decoded);
            Some(Value {
                text: decoded.clone(),
                start,
                end,
                opaque: false,
            })
        }
        Json::Number(raw) => Some(Value {
            text: raw.clone(),
            start: node.start,
            end: node.end,
            opaque: false,
        }),
        Json::Array(items) if LISTS.contains(&flag) => {
            let mut parts = Vec::new();
            for item in items {
                let item = resolve(template, item)?;
                parts.push((item.as_str()?, item));
            }
            let joined: Vec<&str> = parts.iter().map(|p| p.0).collect();
            let (start, end) = match parts.as_slice() {
                [(decoded, only)] => inner(text, only, decoded),
                _ => (node.start, node.end),
            };
            Some(Value {
                text: joined.join(","),
                start,
                end,
                opaque: false,
            })
        }
        _ => Some(opaque(written)),
    }
}

/// An expression's text without its brackets, its first line cut at 40 characters.
fn shortened(expression: &str) -> String {
    let inner = expression.strip_prefix('[').unwrap_or(expression);
    let inner = inner.strip_suffix(']').unwrap_or(inner);
    let line = inner.lines().next().unwrap_or("");
    match line.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None if line.len() < inner.len() => format!("{line}…"),
        None => String::from(line),
    }
}

/// The blocks of an `addressSpace` (`addressPrefixes`).
fn vnet<'a>(space: &'a Node, template: Option<Template<'a>>, whole: &Node, into: &mut Vec<Range>) {
    let Some(prefixes) = member(space, "addressPrefixes").and_then(|n| resolve(template, n)) else {
        return;
    };
    if let Json::Array(items) = &prefixes.value {
        for item in items {
            if let Some(item) = resolve(template, item) {
                block(item, "addressPrefixes", whole, into);
            }
        }
    }
}

/// The `subnets` of a VNet, each with its `properties.addressPrefix`.
fn subnets<'a>(properties: &'a Node, template: Option<Template<'a>>, into: &mut Vec<Range>) {
    let Some(Json::Array(items)) = member(properties, "subnets").map(|n| &n.value) else {
        return;
    };
    for subnet in items {
        let properties = member(subnet, "properties").unwrap_or(subnet);
        prefix(properties, template, subnet, into);
    }
}

/// A subnet's `addressPrefix`.
fn prefix<'a>(
    properties: &'a Node,
    template: Option<Template<'a>>,
    whole: &Node,
    into: &mut Vec<Range>,
) {
    if let Some(node) = member(properties, "addressPrefix").and_then(|n| resolve(template, n)) {
        block(node, "addressPrefix", whole, into);
    }
}

fn block(node: &Node, key: &'static str, whole: &Node, into: &mut Vec<Range>) {
    let Some(text) = node.as_str() else { return };
    if let Ok(cidr) = text.parse::<Cidr>() {
        into.push(Range {
            cidr,
            at: (node.start + 1, node.end.saturating_sub(1)),
            key,
            resource: (whole.start, whole.end),
        });
    }
}
