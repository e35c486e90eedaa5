//! Where a JSON object ends in a text that holds more than it: the brace that closes the one
//! opening at a given offset, strings and escapes skipped. For finders that must cut a JSON
//! object out of a transcript (`etcdctl get` output, `kubectl get nodes -o json` after a prompt)
//! before parsing it.

/// One past the brace that closes the object whose `{` is at `open`; `None` when it never
/// closes (or `open` is not a `{`).
pub fn object_end(text: &str, open: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (offset, byte) in text.as_bytes().get(open..)?.iter().enumerate() {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (false, _, b'"') => in_string = true,
            (false, _, b'{') => depth += 1,
            (false, _, b'}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + offset + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closing_brace_skips_strings_escapes_and_nested_objects() {
        let text = r#"$ etcdctl get x
{"a": {"b": "} \" {"}, "c": 1} trailing"#;
        let open = text.find('{').expect("an object");
        let end = object_end(text, open).expect("it closes");
        assert_eq!(&text[open..end], r#"{"a": {"b": "} \" {"}, "c": 1}"#);
        assert_eq!(object_end("{\"a\": 1", 0), None);
        assert_eq!(object_end("}{", 0), None);
        assert_eq!(object_end("{}", 5), None);
    }
}
