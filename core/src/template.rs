//! Template syntax in a paste (Helm and Go templates, Jinja/Ansible, Jekyll): `{{ … }}`,
//! `{% … %}`, `{# … #}`, made readable without moving a byte.
//!
//! Published manifests are often templates: kubespray's `cni-flannel.yml.j2`, flannel's own Helm
//! chart, rke2's Canal chart. Their YAML does not parse as it stands (`{% if x %}` lines), and
//! their values are not known until rendering. [`neutralize`] returns a text of the same length
//! and the same line breaks in which every tag alone on its line and every `{% %}`/`{# #}` tag is
//! blanked out, and every inline `{{ expr }}` becomes a run of underscores, which
//! [`crate::placeholder::is_placeholder`] treats as an opaque value. Offsets into it are offsets
//! into the paste, so findings and fixes point at the user's own text.

use alloc::string::String;
use alloc::vec::Vec;

/// True when `text` holds template tags.
pub fn has_template(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// The tag that opens at `at`, if any: its closing delimiter and whether it is an expression.
fn opening(bytes: &[u8], at: usize) -> Option<(&'static [u8], bool)> {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'{'), Some(b'{')) => Some((b"}}", true)),
        (Some(b'{'), Some(b'%')) => Some((b"%}", false)),
        (Some(b'{'), Some(b'#')) => Some((b"#}", false)),
        _ => None,
    }
}

/// `text` with its template tags neutralized (see the module doc); `None` when it has none.
pub fn neutralize(text: &str) -> Option<String> {
    if !has_template(text) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = bytes.to_vec();
    let mut at = 0;
    while at + 1 < bytes.len() {
        let Some((close, expression)) = opening(bytes, at) else {
            at += 1;
            continue;
        };
        let Some(end) = find(bytes, at + 2, close).map(|c| c + close.len()) else {
            break;
        };
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |n| n + 1);
        let line_end = find(bytes, end, b"\n").unwrap_or(bytes.len());
        let alone = is_blank(&bytes[line_start..at]) && is_blank(&bytes[end..line_end]);
        let fill = if expression && !alone { b'_' } else { b' ' };
        for byte in &mut out[at..end] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = fill;
            }
        }
        at = end;
    }
    // Every replaced byte was part of a tag and became ASCII, and tags start and end on ASCII
    // delimiters, so the result is UTF-8.
    String::from_utf8(out).ok()
}

/// Wraps each run of underscores that stands where a JSON value belongs (outside any string)
/// in quotes, keeping the length: `"SubnetLen": ______,` becomes `"SubnetLen": "____",`, a
/// string placeholder. `None` when there is none.
pub fn quote_bare_placeholders(json: &str) -> Option<String> {
    let mut out: Vec<u8> = json.as_bytes().to_vec();
    let mut changed = false;
    let mut in_string = false;
    let mut at = 0;
    while at < out.len() {
        let byte = out[at];
        if in_string {
            match byte {
                b'\\' => at += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if byte == b'"' {
            in_string = true;
        } else if byte == b'_' {
            let run = out[at..].iter().take_while(|&&b| b == b'_').count();
            if run >= 2 {
                out[at] = b'"';
                out[at + run - 1] = b'"';
                changed = true;
            }
            at += run;
            continue;
        }
        at += 1;
    }
    if !changed {
        return None;
    }
    String::from_utf8(out).ok()
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_whitespace())
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_blanks_or_underscores_of_the_same_length() {
        let text = "spec:\n{% if rbac %}\n  name: x\n{% endif %}\n  image: {{ repo }}:{{ tag }}\n  cmd: [\"a\"{% if i %}, \"b={{ i }}\"{% endif %}]\n";
        let neutral = neutralize(text).expect("template");
        assert_eq!(neutral.len(), text.len());
        assert_eq!(
            neutral,
            "spec:\n             \n  name: x\n           \n  image: __________:_________\n  cmd: [\"a\"          , \"b=_______\"           ]\n"
        );
        assert_eq!(neutralize("plain: yaml\n"), None);
    }

    #[test]
    fn bare_placeholders_in_json_become_strings() {
        let json =
            "{\"Network\": \"____\", \"SubnetLen\": ______, \"Backend\": {\"Type\": \"vxlan\"}}";
        assert_eq!(
            quote_bare_placeholders(json).as_deref(),
            Some("{\"Network\": \"____\", \"SubnetLen\": \"____\", \"Backend\": {\"Type\": \"vxlan\"}}")
        );
        assert_eq!(quote_bare_placeholders("{\"a_b\": 1}"), None);
    }

    #[test]
    fn a_tag_that_never_closes_is_left_alone() {
        let text = "a: {{ b\nc: d\n";
        assert_eq!(neutralize(text).as_deref(), Some(text));
    }
}
