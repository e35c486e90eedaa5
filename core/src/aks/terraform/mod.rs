//! Terraform's `azurerm_kubernetes_cluster`, read into the command model the AKS rules check.
//!
//! A paste that names the resource is parsed as HCL ([`crate::hcl`]); each cluster resource
//! becomes an [`AksCommand`] whose options are its arguments ([`names`]: the argument behind each
//! flag), every value resolved within the paste ([`resolve`]) and spanned where it is written: in
//! the resource, or in the variable default or local it comes from, so that a fix edits it
//! there. Each `azurerm_kubernetes_cluster_node_pool` is read the same way, as a pool added to
//! the cluster (an update that says nothing of the network, like `az aks nodepool add`). A value
//! the paste does not give (a variable without a default, a function call) is
//! opaque and `aks/opaque-value` says so. `azurerm_virtual_network.address_space` and
//! `azurerm_subnet.address_prefixes` are the VNet ranges around the cluster. [`fix`] writes the
//! corrections as HCL.

pub mod fix;
pub mod names;
mod resolve;
pub mod steps;

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::command::{definition_state, AksCommand, Opt, Value, Verb};
use super::form::Form;
use super::lexer::RawCommand;
use super::pools::Pools;
use crate::hcl::{self, Block, Body, Expr, HclError};
use crate::net::Cidr;
use names::{LISTS, SWITCHES, TERRAFORM, TERRAFORM_POOL};
use resolve::{Resolved, Scope};

/// Where a fix may write new arguments of one cluster resource.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The resource's address (`azurerm_kubernetes_cluster.<name>`).
    pub name: String,
    /// Offset of the resource's closing `}`.
    pub close: usize,
    /// The `network_profile` block's `{` and `}` offsets.
    pub profile: Option<(usize, usize)>,
}

/// One cluster resource, as a command.
pub struct Definition {
    /// An empty word list spanning the resource (no shell syntax to check).
    pub raw: RawCommand,
    /// The arguments as options.
    pub command: AksCommand,
    /// Where new arguments go.
    pub layout: Layout,
    /// How it names its settings: the cluster's arguments or a node pool's.
    pub form: Form,
    /// Its pool's name and the cluster it is or joins.
    pub pools: Pools,
}

/// A VNet or subnet range of the paste: the block, its bytes, the argument, the resource.
pub struct Range {
    /// The block.
    pub cidr: Cidr,
    /// Its bytes (inside the quotes).
    pub at: (usize, usize),
    /// The argument it is written under.
    pub key: &'static str,
    /// The whole resource.
    pub resource: (usize, usize),
}

/// What a Terraform paste holds.
#[derive(Default)]
pub struct Read {
    /// The cluster resources.
    pub definitions: Vec<Definition>,
    /// The VNet and subnet ranges.
    pub vnet: Vec<Range>,
    /// Why the paste, which names the cluster resource, is not HCL.
    pub error: Option<HclError>,
}

/// Reads `text` when it holds an `azurerm_kubernetes_cluster` resource.
pub fn read(text: &str) -> Read {
    let mut read = Read::default();
    if !text.contains("resource \"azurerm_kubernetes_cluster\"") {
        return read;
    }
    let body = match hcl::parse(text) {
        Ok(body) => body,
        Err(error) => {
            read.error = Some(error);
            return read;
        }
    };
    let scope = Scope::of(&body);
    for block in &body.blocks {
        match (block.kind.as_str(), &block.labels[..]) {
            ("resource", [kind, name]) if kind == "azurerm_kubernetes_cluster" => {
                read.definitions
                    .push(definition(text, &scope, block, name, TERRAFORM));
            }
            ("resource", [kind, name]) if kind == "azurerm_kubernetes_cluster_node_pool" => {
                let mut pool = definition(text, &scope, block, name, TERRAFORM_POOL);
                pool.command.verb = Verb::Update;
                read.definitions.push(pool);
            }
            ("resource", [kind, _]) if kind == "azurerm_virtual_network" => {
                ranges(&scope, block, "address_space", &mut read.vnet);
            }
            ("resource", [kind, _]) if kind == "azurerm_subnet" => {
                ranges(&scope, block, "address_prefixes", &mut read.vnet);
            }
            _ => {}
        }
    }
    read
}

fn ranges(scope: &Scope<'_>, block: &Block, key: &'static str, into: &mut Vec<Range>) {
    let Some(attribute) = block.body.attribute(key) else {
        return;
    };
    let Resolved::Literal(Expr::List(items, ..)) = scope.resolve(&attribute.value) else {
        return;
    };
    for item in items {
        if let Resolved::Literal(Expr::Str {
            text,
            start,
            end,
            template: false,
        }) = scope.resolve(item)
        {
            if let Ok(cidr) = text.parse::<Cidr>() {
                into.push(Range {
                    cidr,
                    at: (*start, *end),
                    key,
                    resource: (block.start, block.close + 1),
                });
            }
        }
    }
}

/// The block at `path` (`network_profile.load_balancer_profile`) under `body`.
fn block_at<'a>(body: &'a Body, path: &'a str) -> Option<&'a Block> {
    let mut parts = path.split('.');
    let mut block = body.blocks(parts.next()?).next()?;
    for part in parts {
        block = block.body.blocks(part).next()?;
    }
    Some(block)
}

fn definition(text: &str, scope: &Scope<'_>, block: &Block, name: &str, form: Form) -> Definition {
    let mut options = Vec::new();
    for &(flag, path) in form.names {
        let (body, argument) = match path.rsplit_once('.') {
            Some((blocks, argument)) => match block_at(&block.body, blocks) {
                Some(inner) => (&inner.body, argument),
                None => continue,
            },
            None => (&block.body, path),
        };
        let Some(attribute) = body.attribute(argument) else {
            continue;
        };
        let state = definition_state(flag);
        let value = if SWITCHES.contains(&flag) {
            match scope.resolve(&attribute.value) {
                Resolved::Literal(Expr::Bool(true, ..)) => None,
                _ => continue,
            }
        } else {
            Some(value(text, scope, flag, &attribute.value))
        };
        options.push(Opt {
            name: String::from(flag),
            written: String::from(argument),
            state,
            name_start: attribute.start,
            name_end: attribute.name_end,
            value,
            more: Vec::new(),
            // A switch's `= true` is HCL's, not a value azure-cli would refuse.
            equals: !SWITCHES.contains(&flag),
            end: attribute.value.range().1,
        });
    }
    let (start, end) = (block.start, block.close + 1);
    let (raw, command) = AksCommand::definition(start, end, block.open, options);
    let layout = Layout {
        name: format!("{}.{name}", block.labels[0]),
        close: block.close,
        profile: block_at(&block.body, "network_profile").map(|p| (p.open, p.close)),
    };
    // A separate pool names its cluster `azurerm_kubernetes_cluster.<name>.id`.
    let joins = core::ptr::eq(form.names, TERRAFORM_POOL.names);
    let pool = if joins {
        Some(&block.body)
    } else {
        block_at(&block.body, "default_node_pool").map(|b| &b.body)
    };
    // As written (a reference stays a reference), quotes aside.
    let written = |body: &Body, key: &str| {
        let (start, end) = body.attribute(key)?.value.range();
        let written = text.get(start..end)?;
        let written = written.strip_prefix('"').unwrap_or(written);
        Some(String::from(written.strip_suffix('"').unwrap_or(written)))
    };
    let cluster = match joins {
        true => written(&block.body, "kubernetes_cluster_id")
            .map(|id| String::from(id.strip_suffix(".id").unwrap_or(&id))),
        false => Some(layout.name.clone()),
    };
    let pools = Pools {
        first: pool
            .and_then(|b| written(b, "name"))
            .unwrap_or_else(|| String::from(name)),
        cluster,
        joins,
        ..Pools::default()
    };
    Definition {
        raw,
        command,
        layout,
        form,
        pools,
    }
}

/// The value of `flag`'s argument, `expr`, as the command model holds a value.
fn value(text: &str, scope: &Scope<'_>, flag: &str, expr: &Expr) -> Value {
    let (start, end) = expr.range();
    let opaque = |start: usize, end: usize| Value {
        text: format!("${{{}}}", &text[start..end]),
        start,
        end,
        // A subnet id is a reference to a resource Terraform knows: nothing to check there.
        opaque: !flag.ends_with("-subnet-id"),
    };
    match scope.resolve(expr) {
        Resolved::Unknown(start, end) => opaque(start, end),
        Resolved::Literal(Expr::List(items, ..)) if LISTS.contains(&flag) => {
            let mut parts: Vec<(&str, usize, usize)> = vec![];
            for item in items {
                match scope.resolve(item) {
                    Resolved::Literal(Expr::Str {
                        text,
                        start,
                        end,
                        template: false,
                    }) => parts.push((text, *start, *end)),
                    _ => return opaque(start, end),
                }
            }
            let joined: Vec<&str> = parts.iter().map(|p| p.0).collect();
            let (first, last) = match (parts.first(), parts.last()) {
                (Some(first), Some(last)) => (first.1, last.2),
                _ => (start + 1, start + 1),
            };
            Value {
                text: joined.join(","),
                start: first,
                end: last,
                opaque: false,
            }
        }
        Resolved::Literal(
            Expr::Str {
                text: value,
                start,
                end,
                template: false,
            }
            | Expr::Number {
                text: value,
                start,
                end,
            },
        ) => Value {
            text: value.clone(),
            start: *start,
            end: *end,
            opaque: false,
        },
        Resolved::Literal(Expr::Bool(on, start, end)) => Value {
            text: String::from(if *on { "true" } else { "false" }),
            start: *start,
            end: *end,
            opaque: false,
        },
        Resolved::Literal(other) => {
            let (start, end) = other.range();
            opaque(start, end)
        }
    }
}
