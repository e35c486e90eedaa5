//! A small JSON reader that keeps the byte span of every key and value.
//!
//! serde_json decodes values but forgets where they were; podnet needs the exact bytes of a value to
//! point a finding at it and to replace it with a minimal edit. This reader is strict RFC 8259 JSON
//! (what Go's `encoding/json` accepts), never panics, limits nesting, and reports the first syntax
//! error with its byte offset.

mod escape;
mod line_start;
mod object_end;
mod parser;
mod value;

pub use escape::{decode_escape, EscapeError};
pub use line_start::{is_prompt_line, line_start_objects, opens_object};
pub use object_end::object_end;
pub use parser::{parse, JsonError, JsonErrorKind, MAX_DEPTH};
pub use value::{Member, Node, Value};
