//! The HCL tree: a body of attributes and blocks, each with its spans.

use alloc::string::String;
use alloc::vec::Vec;

/// A body: the attributes and blocks of a file or of one block, in written order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// The attributes.
    pub attributes: Vec<Attribute>,
    /// The blocks.
    pub blocks: Vec<Block>,
}

impl Body {
    /// The attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The blocks of type `kind`.
    pub fn blocks<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }
}

/// `name = value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// The name.
    pub name: String,
    /// Offset of the name's first byte.
    pub start: usize,
    /// One past the name.
    pub name_end: usize,
    /// The value.
    pub value: Expr,
}

/// `kind "label" … { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block type (`resource`, `network_profile`).
    pub kind: String,
    /// The labels, decoded.
    pub labels: Vec<String>,
    /// Offset of the type's first byte.
    pub start: usize,
    /// Offset of `{`.
    pub open: usize,
    /// Offset of the closing `}`.
    pub close: usize,
    /// What it holds.
    pub body: Body,
}

/// One step of a reference after its root name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// `.name` or `["name"]`.
    Name(String),
    /// `[0]` or `.0`.
    Index(usize),
}

/// A value as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A quoted string: decoded text; `start..end` are its bytes inside the quotes. `template`
    /// when it holds `${…}` or `%{…}`, whose value only Terraform knows.
    Str {
        /// The decoded text.
        text: String,
        /// Offset after the opening quote.
        start: usize,
        /// Offset of the closing quote.
        end: usize,
        /// True when it interpolates.
        template: bool,
    },
    /// A number, as written.
    Number {
        /// The text.
        text: String,
        /// Offset of its first byte.
        start: usize,
        /// One past it.
        end: usize,
    },
    /// `true` or `false`.
    Bool(bool, usize, usize),
    /// `null`.
    Null(usize, usize),
    /// `[a, b]`: the elements, and the brackets' offsets.
    List(Vec<Expr>, usize, usize),
    /// `{ k = v }`: the members, and the braces' offsets.
    Object(Vec<(String, Expr)>, usize, usize),
    /// `root.step…`: a reference to a variable, local, resource or data source.
    Ref {
        /// The first name (`var`, `local`, a resource type).
        root: String,
        /// The steps after it.
        steps: Vec<Step>,
        /// Offset of its first byte.
        start: usize,
        /// One past it.
        end: usize,
    },
    /// Anything else: a function call, an operator, a conditional, a heredoc.
    Opaque(usize, usize),
}

impl Expr {
    /// The expression's bytes, quotes and brackets included.
    pub fn range(&self) -> (usize, usize) {
        match self {
            Expr::Str { start, end, .. } => (start - 1, end + 1),
            Expr::Number { start, end, .. } | Expr::Ref { start, end, .. } => (*start, *end),
            Expr::Bool(_, start, end)
            | Expr::Null(start, end)
            | Expr::List(_, start, end)
            | Expr::Object(_, start, end)
            | Expr::Opaque(start, end) => (*start, *end),
        }
    }
}
