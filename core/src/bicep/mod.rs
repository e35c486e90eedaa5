//! A small Bicep reader that keeps the byte span of every value, for AKS definitions written in
//! Bicep.
//!
//! It reads a file's declarations: `param` (with its default, decorators such as `@secure()`
//! skipped), `var` and `resource` (nested resources too, their type joined to their parent's),
//! and skips every other statement whole. Values are trees of [`crate::json::Node`]: strings,
//! numbers, bools, `null`, objects and arrays as JSON has them, so the reader of ARM templates
//! reads a Bicep resource's `properties` as it reads a template's; any other expression
//! (a reference, a call, an operator, an interpolating string, a `for` loop) is the string
//! `[…]` holding its text, as ARM writes expressions. [`File::resolve`] follows a reference to
//! what the file declares. Like [`crate::hcl`], it never panics and limits nesting; it never
//! fails either: what it cannot read it skips to the end of the line. (No Bicep crate fits:
//! see ARCHITECTURE.md.)

mod parser;
mod resolve;

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::Node;
pub use parser::{parse, MAX_DEPTH};

/// What a Bicep file declares.
#[derive(Debug, Default)]
pub struct File {
    /// The `param`s with a default.
    pub params: Vec<Declared>,
    /// The `var`s.
    pub vars: Vec<Declared>,
    /// The `resource`s, nested ones after their parent's body.
    pub resources: Vec<Resource>,
}

/// `param name type = value` or `var name = value`.
#[derive(Debug)]
pub struct Declared {
    /// The name.
    pub name: String,
    /// The default or the value.
    pub value: Node,
}

/// `resource symbol 'type@version' = body`.
#[derive(Debug)]
pub struct Resource {
    /// The symbolic name.
    pub symbol: String,
    /// The type without its API version (`Microsoft.Network/virtualNetworks/subnets`).
    pub kind: String,
    /// Offset of its first decorator or keyword.
    pub start: usize,
    /// The body (an object, or an expression for a conditional loop).
    pub body: Node,
}
