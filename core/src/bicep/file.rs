//! What a Bicep file declares: its params, vars and resources, with their values as JSON nodes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::Node;

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
