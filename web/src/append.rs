//! Pastes that append. When the editor already holds text and a paste lands at its end (or at a
//! line start just before a `---` marker), the pasted text becomes a document of its own: a
//! `---` marker goes before it when YAML or JSON is on either side (a blank line would leave two
//! YAML documents one mapping, and JSON first one JSON text), else a blank line, and only where
//! the text does not already separate them. Nothing else of the user's text changes; a paste
//! anywhere else, or one that replaced a selection, is left as it is.

/// `new`, the editor's text after a paste into `old`, with the pasted text kept apart from the
/// document before it. (ASCII trimming and `split('\n')` only: the page links no more text
/// code for it.)
#[inline(never)]
pub fn separate(old: &str, new: &str) -> String {
    // Where the paste went in: the texts' common start, with the rest of `old` after it.
    let at = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let (Some(before), Some(after)) = (old.get(..at), old.get(at..)) else {
        return new.to_string();
    };
    let pasted = new.strip_suffix(after).and_then(|rest| rest.get(at..));
    let before_marker = after.starts_with("---") && before.ends_with('\n');
    let Some(pasted) = pasted.filter(|pasted| {
        !pasted.trim_ascii().is_empty()
            && !before.trim_ascii().is_empty()
            && (before_marker || after.trim_ascii().is_empty())
    }) else {
        return new.to_string();
    };
    let last = before
        .trim_ascii_end()
        .rsplit('\n')
        .next()
        .unwrap_or_default();
    let first = pasted
        .trim_ascii_start()
        .split('\n')
        .next()
        .unwrap_or_default();
    let line_end = if before.ends_with('\n') { "" } else { "\n" };
    let marker = if last.trim_ascii() == "---" || first.trim_ascii() == "---" {
        ""
    } else if structured(before) || structured(pasted) {
        "---\n"
    } else if before.ends_with("\n\n") {
        ""
    } else {
        "\n"
    };
    let gap = if marker.is_empty() { "" } else { line_end };
    let close = if before_marker && !pasted.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    format!("{before}{gap}{marker}{pasted}{close}{after}")
}

/// True for YAML or JSON: a `key:` at a line's start (a word, then `: ` or the line's end), or
/// an object or list first.
fn structured(text: &str) -> bool {
    let start = text.trim_ascii_start();
    start.starts_with('{')
        || start.starts_with('[')
        || text.split('\n').any(|line| {
            let line = line.trim_ascii_end();
            let key = line
                .bytes()
                .take_while(|b| *b != b' ' && *b != b':')
                .count();
            let rest = &line[key..];
            key > 0 && (rest == ":" || rest.starts_with(": "))
        })
}

#[cfg(test)]
mod tests {
    use super::separate;

    const CONFIG_MAP: &str = "kind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\n";

    #[test]
    fn yaml_pasted_after_yaml_gets_a_marker() {
        let old = "networking:\n  podSubnet: 10.244.0.0/16\n";
        let new = format!("{old}{CONFIG_MAP}");
        assert_eq!(separate(old, &new), format!("{old}---\n{CONFIG_MAP}"));
        let no_line_end = old.trim_end();
        let new = format!("{no_line_end}{CONFIG_MAP}");
        assert_eq!(
            separate(no_line_end, &new),
            format!("{old}---\n{CONFIG_MAP}")
        );
    }

    #[test]
    fn a_separation_already_there_is_kept_as_it_is() {
        let old = "networking:\n  podSubnet: 10.244.0.0/16\n---\n";
        let new = format!("{old}{CONFIG_MAP}");
        assert_eq!(separate(old, &new), new);
        let pasted = format!("---\n{CONFIG_MAP}");
        let new = format!("networking: {{}}\n{pasted}");
        assert_eq!(separate("networking: {}\n", &new), new);
    }

    #[test]
    fn log_lines_after_log_lines_get_a_blank_line_once() {
        let old = "E0502 main.go:289] Error registering network: failed to acquire lease\n";
        let line = "E0503 main.go:289] Error registering network: failed to acquire lease\n";
        assert_eq!(
            separate(old, &format!("{old}{line}")),
            format!("{old}\n{line}")
        );
        let spaced = format!("{old}\n");
        assert_eq!(
            separate(&spaced, &format!("{spaced}{line}")),
            format!("{spaced}{line}")
        );
    }

    #[test]
    fn a_paste_before_a_marker_is_its_own_document() {
        let old = "a: 1\n---\nb: 2\n";
        let new = "a: 1\nc: 3---\nb: 2\n";
        assert_eq!(separate(old, new), "a: 1\n---\nc: 3\n---\nb: 2\n");
    }

    #[test]
    fn a_paste_inside_a_document_or_over_a_selection_is_left_alone() {
        let old = "a: 1\nb: 2\n";
        let inside = "a: 1\nc: 3\nb: 2\n";
        assert_eq!(separate(old, inside), inside);
        let replaced = "a: 9\n";
        assert_eq!(separate(old, replaced), replaced);
        assert_eq!(separate("", CONFIG_MAP), CONFIG_MAP, "an empty editor");
    }
}
