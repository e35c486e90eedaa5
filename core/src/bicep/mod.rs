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

mod file;
mod parser;
mod resolve;

pub use file::{Declared, File, Resource};
pub use parser::{parse, MAX_DEPTH};
