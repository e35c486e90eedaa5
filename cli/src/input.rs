//! Reading the input: a file, or standard input for `-` or no argument.

use std::fmt;
use std::io::Read as _;
use std::path::Path;

use podnet_core::LineIndex;

/// Why an input could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file or stdin could not be read at all (the message names it).
    Unreadable(String),
    /// The bytes are not UTF-8 (the message has the position of the first bad byte); a
    /// directory walk skips such files quietly.
    NotText(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Unreadable(message) | ReadError::NotText(message) => f.write_str(message),
        }
    }
}

/// Reads `path` (or stdin for `None`) as UTF-8 text; `name` is how messages call it.
pub fn read(path: Option<&Path>, name: &str) -> Result<String, ReadError> {
    let bytes = match path {
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| ReadError::Unreadable(format!("cannot read standard input: {e}")))?;
            bytes
        }
        Some(path) => std::fs::read(path)
            .map_err(|e| ReadError::Unreadable(format!("cannot read {name}: {e}")))?,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        // Everything before the bad byte is text, so it has lines and columns like any input.
        let before = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or_default();
        let (line, column) = LineIndex::new(before).position(at);
        ReadError::NotText(format!(
            "{name}:{line}:{column}: the input is not UTF-8 text (byte {at})"
        ))
    })
}
