//! A small HCL reader that keeps the byte span of every attribute, block and value.
//!
//! It reads the subset Terraform's AKS definitions use: blocks with labels, attributes, strings
//! (with `${…}` templates, kept as opaque), numbers, bools, lists, objects, references
//! (`var.x`, `local.y`, `azurerm_subnet.nodes.address_prefixes[0]`) and comments; any other
//! expression (a function call, a conditional, a `for`, a heredoc) is read as opaque with its
//! span. Like [`crate::json`], it never panics, limits nesting, and reports the first syntax
//! error with its byte offset. (A full HCL crate such as `hcl-edit` was too large for the
//! page's budget: see ARCHITECTURE.md.)

mod parser;
mod tree;

pub use parser::{parse, HclError, MAX_DEPTH};
pub use tree::{Attribute, Block, Body, Expr, Step};
