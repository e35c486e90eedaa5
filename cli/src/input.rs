//! Reading the input: a file, or standard input for `-` or no argument.

use std::io::Read as _;

use podnet_core::LineIndex;

/// Reads `file` (or stdin) as UTF-8 text, or says why it cannot.
pub fn read(file: Option<&str>) -> Result<String, String> {
    let bytes = match file {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            bytes
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        // Everything before the bad byte is text, so it has lines and columns like any input.
        let before = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or_default();
        let (line, column) = LineIndex::new(before).position(at);
        format!(
            "{}:{line}:{column}: the input is not UTF-8 text (byte {at})",
            file.unwrap_or("<stdin>")
        )
    })
}
