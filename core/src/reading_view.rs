//! The text the readers read: the paste itself, or, for a Markdown runbook with fenced code
//! blocks, a copy of the same byte length in which everything outside the fences is blanked.
//!
//! Every byte keeps its offset and every line break stays, so each reader keeps working on
//! whole-paste offsets: spans, edits and line numbers point into the original paste, and a
//! kube-flannel-cfg ConfigMap inside a ```` ```yaml ```` fence reads as if pasted alone. Prose
//! becomes blanks (one space per byte, so a multi-byte character keeps its length); an opening
//! fence line becomes a `---` document marker (blanks for a JSON or unlabelled block, which may
//! be a bare net-conf.json), so the blocks of a runbook read as a stream of documents, not as
//! one; closing fence lines become blanks. A paste without a closed fence is
//! read as it is.

use alloc::borrow::Cow;
use alloc::string::String;

/// The text the readers read for `text` (see the module doc).
pub fn reading_view(text: &str) -> Cow<'_, str> {
    if !has_fenced_block(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        match (fence, fence_of(body)) {
            (None, Some((marker, info))) => {
                fence = Some(marker);
                let bare = info.is_empty() || info.starts_with("json");
                let start = if bare { "" } else { "---" };
                out.push_str(start);
                blank(&mut out, body.len() - start.len());
            }
            (Some(open), Some((marker, ""))) if marker.starts_with(open) => {
                fence = None;
                blank(&mut out, body.len());
            }
            (Some(_), _) => out.push_str(body),
            (None, None) => blank(&mut out, body.len()),
        }
        out.push_str(ending);
    }
    Cow::Owned(out)
}

/// `text` with everything outside `start..end` blank (line breaks kept): one input of several
/// analysed together, read alone at its own offsets. The whole text is borrowed as it is.
pub fn part_view(text: &str, start: usize, end: usize) -> Cow<'_, str> {
    if start == 0 && end >= text.len() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c == '\n' || (start..end).contains(&at) {
            out.push(c);
        } else {
            blank(&mut out, c.len_utf8());
        }
    }
    Cow::Owned(out)
}

fn blank(out: &mut String, len: usize) {
    out.extend(core::iter::repeat_n(' ', len));
}

/// The fence marker (```` ``` ```` or `~~~`, or longer) and the info string's first word, when
/// `line` is a fence line. Any indentation: a fence inside a list item is indented as deep as
/// the item's text (the AKS docs write `1. Create …` and then a four-space ```` ```azurecli ````
/// block), and the lines inside keep their indentation, which a command or a YAML document
/// indented as a whole reads the same.
fn fence_of(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start_matches([' ', '\t']);
    let mark = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.len() - rest.trim_start_matches(mark).len();
    if len < 3 {
        return None;
    }
    let info = rest[len..].split_whitespace().next().unwrap_or_default();
    if mark == '`' && info.contains('`') {
        return None;
    }
    Some((&rest[..len], info))
}

/// True when `text` holds at least one fenced block that is closed.
fn has_fenced_block(text: &str) -> bool {
    let mut open: Option<&str> = None;
    for line in text.lines() {
        match (open, fence_of(line)) {
            (None, Some((marker, _))) => open = Some(marker),
            (Some(marker), Some((closing, ""))) if closing.starts_with(marker) => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_blanked_and_offsets_kept() {
        let text = "Schritt 1 – prüfen:\n```yaml\nkind: ConfigMap\n```\nDone.\n";
        let view = reading_view(text);
        assert_eq!(view.len(), text.len());
        assert_eq!(view.lines().count(), text.lines().count());
        let at = text.find("kind").unwrap_or_default();
        assert_eq!(&view[at..at + 15], "kind: ConfigMap");
        assert!(view.starts_with(&" ".repeat("Schritt 1 – prüfen:".len())));
        assert!(view.contains("\n---    \n"));
    }

    #[test]
    fn a_paste_without_a_closed_fence_is_read_as_it_is() {
        for text in [
            "kind: ConfigMap\n",
            "```yaml\nkind: ConfigMap\n",
            "``x\n``\n",
        ] {
            assert!(matches!(reading_view(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn a_fence_indented_in_a_list_item_is_read() {
        let text = "1. Create it:\n\n    ```azurecli\n    az aks create -n a\n    ```\n\n```output\n{}\n```\n";
        let view = reading_view(text);
        assert_eq!(view.len(), text.len());
        assert!(view.contains("\n    az aks create -n a\n"), "{view}");
        assert!(!view.contains("Create it"), "{view}");
    }

    #[test]
    fn a_shorter_or_other_marker_does_not_close_the_fence() {
        let text = "````sh\n```\nkubeadm init\n~~~\n````\n";
        let view = reading_view(text);
        assert!(view.contains("```\nkubeadm init\n~~~\n"));
    }
}
