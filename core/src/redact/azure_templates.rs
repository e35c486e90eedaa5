//! Azure deployment templates: ARM parameter files, where a secret parameter's value sits one
//! object down (`"adminPassword": { "value": "…" }`), and Bicep, where a parameter's default
//! follows its type (`param adminPassword string = '…'`) and `@secure()` marks a secret whatever
//! its name. Sources: ARM docs, "Create Resource Manager parameter file"; Bicep docs, "Parameters
//! in Bicep" (`@secure()`, `.bicepparam`).

use super::scan::{line_start, next_line, quoted, skip_blanks, Value};

/// The value of the parameter named `key_start..key_end` in an ARM parameter file or a Bicep
/// `param` line.
pub fn value(text: &str, key_start: usize, key_end: usize) -> Option<Value> {
    arm_value(text.as_bytes(), key_end).or_else(|| bicep_default(text, key_start, key_end))
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// `"name": { "value": "…" }` after the key's closing quote at `key_end`.
fn arm_value(bytes: &[u8], key_end: usize) -> Option<Value> {
    let mut at = key_end;
    for expected in [&b"\""[..], b":", b"{", b"\"value\"", b":"] {
        if !bytes[at..].starts_with(expected) {
            return None;
        }
        at = skip_space(bytes, at + expected.len());
    }
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    quoted(bytes, at)
}

/// `param name type = '…'` (or `param name = '…'` in a `.bicepparam` file) whose name is at
/// `name_start..name_end`.
fn bicep_default(text: &str, name_start: usize, name_end: usize) -> Option<Value> {
    let bytes = text.as_bytes();
    if text[line_start(bytes, name_start)..name_start].trim() != "param" {
        return None;
    }
    let mut at = skip_blanks(bytes, name_end);
    let type_len = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    at = skip_blanks(bytes, at + type_len);
    if bytes.get(at) != Some(&b'=') {
        return None;
    }
    at = skip_blanks(bytes, at + 1);
    if bytes.get(at) != Some(&b'\'') {
        return None;
    }
    quoted(bytes, at)
}

/// `@secure()` whose keyword ends at `end`: the default of the `param` it decorates (the next
/// line that is not another decorator).
pub fn secure_param(text: &str, end: usize) -> Option<Value> {
    let bytes = text.as_bytes();
    let mut start = next_line(bytes, end)?;
    while bytes[skip_blanks(bytes, start)..].starts_with(b"@") {
        start = next_line(bytes, start)?;
    }
    let content = skip_blanks(bytes, start);
    if !bytes[content..].starts_with(b"param ") {
        return None;
    }
    let name_start = skip_blanks(bytes, content + 6);
    let name_end = name_start
        + bytes[name_start..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
            .count();
    bicep_default(text, name_start, name_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn finds_arm_and_bicep_parameter_values() {
        let text = "\"adminPassword\": {\n  \"value\": \"FAKEpw1\"\n},\n\"x\": { \"other\": \"y\" }\nparam sqlPassword string = 'FAKEpw2'\n";
        let values: Vec<&str> = ["adminPassword", "x\"", "sqlPassword"]
            .iter()
            .filter_map(|name| {
                let start = text.find(name).expect("name");
                let end = start + name.trim_end_matches('"').len();
                value(text, start, end).map(|v| &text[v.start..v.end])
            })
            .collect();
        assert_eq!(values, ["FAKEpw1", "FAKEpw2"]);
    }

    #[test]
    fn finds_secure_parameters_whatever_their_name() {
        let text = "@secure()\n@description('key')\nparam linuxKey string = 'FAKEkey1'\nparam other string = 'visible'\n";
        let found = secure_param(text, "@secure()".len()).map(|v| &text[v.start..v.end]);
        assert_eq!(found, Some("FAKEkey1"));
    }
}
