//! The JSON objects a paste holds among other text: each `{` that opens a line at column 0
//! right after a line `opens` accepts (a blank line, a `---` marker, the command that printed
//! it) or at the paste's start, up to its closing brace when nothing but blanks follows that
//! brace on its line. For finders that read a net-conf.json written after a YAML document.

use alloc::vec::Vec;

use super::object_end;

/// The byte ranges of those objects, in order. Linear in the text: the scan goes on after
/// each object's end, and stops at the first object that never closes (every later `{` is
/// inside it).
pub fn line_start_objects(text: &str, opens: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut previous: Option<&str> = None;
    let mut offset = 0;
    while offset < text.len() {
        let rest = &text[offset..];
        let line_len = rest.find('\n').map_or(rest.len(), |n| n + 1);
        let line = rest[..line_len].trim_end_matches(['\n', '\r']);
        if line.starts_with('{') && previous.is_none_or(&opens) {
            let Some(end) = object_end(text, offset) else {
                break;
            };
            let after = &text[end..];
            let tail = &after[..after.find('\n').unwrap_or(after.len())];
            if tail.trim().is_empty() {
                found.push((offset, end));
                previous = Some("}");
                offset = end + tail.len();
                continue;
            }
        }
        previous = Some(line);
        offset += line_len;
    }
    found
}

/// A line after which a JSON object at column 0 is a document of its own: a blank line, a YAML
/// document marker, or a command line (`$ cat /etc/kube-flannel/net-conf.json`).
pub fn opens_object(line: &str) -> bool {
    let line = line.trim_end();
    line.is_empty() || line == "---" || line == "..." || is_prompt_line(line)
}

/// A shell prompt at the start of a line: `$ `, `# `, `[root@node1 home]# `, `user@host:~$ `.
pub fn is_prompt_line(line: &str) -> bool {
    let line = line.lines().next().unwrap_or_default();
    if line.starts_with("$ ") || line.starts_with("# ") {
        return true;
    }
    let end = line.find(['#', '$', '>']);
    end.is_some_and(|end| {
        let prompt = &line[..end];
        (prompt.starts_with('[') && prompt.ends_with(']')) || prompt.contains('@')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank_or_marker(line: &str) -> bool {
        line.trim().is_empty() || line.trim() == "---"
    }

    #[test]
    fn objects_after_a_blank_line_or_a_marker_and_not_indented_ones_or_mid_text_ones() {
        let text = "kind: X\n---\n{\n  \"a\": 1\n}\ndata: |\n  {\"b\": 2}\n\n{\"c\": 3}\n{\"d\": 4}\ntext\n{\"e\": 5} trailing\n";
        let ranges = line_start_objects(text, blank_or_marker);
        let objects: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(objects, ["{\n  \"a\": 1\n}", "{\"c\": 3}", "{\"d\": 4}"]);
    }

    #[test]
    fn an_object_that_never_closes_ends_the_scan() {
        let text = "{\"a\": [\n\n{\"b\": 1}\n";
        assert!(line_start_objects(text, blank_or_marker).is_empty());
    }
}
