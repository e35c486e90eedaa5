//! Inline suppressions: `# podnet: ignore[rule-id, other-id] reason` (or `//` for Bicep and HCL)
//! at the end of a line silences those rules' findings on that line; on a line of its own, on
//! the next line too. This file finds them; [`super::apply_suppressions`] uses them.
//!
//! Pure text scanning: the comment marker (at the start of a line or after a blank) must come
//! right before `podnet:` (blanks allowed), the
//! ids sit between `[` and `]`, separated by commas, and the reason is the rest of the line.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The directive's keyword, after the comment marker.
pub const DIRECTIVE: &str = "podnet: ignore[";

/// One rule id a suppression names, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRule {
    /// The id as written (it may name no rule; the unused-suppression rule says so).
    pub id: String,
    /// Its byte range in the text.
    pub span: (usize, usize),
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The rules it names, in order.
    pub rules: Vec<NamedRule>,
    /// Why, as written after `]` (none when the line ends there).
    pub reason: Option<String>,
    /// The 1-based line of the comment.
    pub line: u32,
    /// True when the comment is alone on its line (then it covers the next line too).
    pub own_line: bool,
    /// The comment, from its marker to the end of the line.
    pub directive: (usize, usize),
    /// What deleting it removes: the whole line for a comment alone on it, else the comment
    /// and the blanks before it.
    pub removal: (usize, usize),
}

impl Suppression {
    /// True when a finding starting on 1-based `line` is within the suppression's reach.
    pub fn covers(&self, line: u32) -> bool {
        line == self.line || (self.own_line && line == self.line + 1)
    }
}

/// Every suppression comment in `text`, in order.
pub fn find(text: &str) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let next_line = line_start + line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(suppression) = read_line(content, line_start, next_line, number) {
            found.push(suppression);
        }
        line_start = next_line;
    }
    found
}

/// The suppression on one line (`content` without its line end, starting at byte `start`), if
/// there is one.
fn read_line(content: &str, start: usize, next_line: usize, number: usize) -> Option<Suppression> {
    let at = content.find(DIRECTIVE)?;
    let before = content[..at].trim_end();
    let marker = before
        .strip_suffix("//")
        .or_else(|| before.strip_suffix('#'))?;
    // A comment starts a line or follows a blank (YAML and shell need one; `http://` is no comment).
    if !(marker.is_empty() || marker.ends_with([' ', '\t'])) {
        return None;
    }
    let ids_start = at + DIRECTIVE.len();
    let ids_end = ids_start + content[ids_start..].find(']')?;
    let mut rules = Vec::new();
    let mut offset = ids_start;
    for part in content[ids_start..ids_end].split(',') {
        let id = part.trim();
        if !id.is_empty() {
            let id_start = offset + (part.len() - part.trim_start().len());
            rules.push(NamedRule {
                id: id.to_string(),
                span: (start + id_start, start + id_start + id.len()),
            });
        }
        offset += part.len() + 1;
    }
    if rules.is_empty() {
        return None;
    }
    let reason = content[ids_end + 1..].trim();
    let own_line = marker.trim().is_empty();
    let code_end = marker.trim_end().len();
    Some(Suppression {
        rules,
        reason: (!reason.is_empty()).then(|| reason.to_string()),
        line: u32::try_from(number + 1).unwrap_or(u32::MAX),
        own_line,
        directive: (start + marker.len(), start + content.len()),
        removal: if own_line {
            (start, next_line)
        } else {
            (start + code_end, start + content.len())
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_shell_and_bicep_comments_are_read_with_their_ids_and_reason() {
        let text = "a: 1 # podnet: ignore[flannel/x] kept on purpose\n  // podnet: ignore[ aks/a , aks/b ]\r\nplain # podnet: ignore no brackets\n#podnet: ignore[]\nurl: http://podnet: ignore[x]\n";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let first = &found[0];
        assert_eq!(first.line, 1);
        assert!(!first.own_line);
        assert_eq!(first.rules[0].id, "flannel/x");
        let (s, e) = first.rules[0].span;
        assert_eq!(&text[s..e], "flannel/x");
        assert_eq!(first.reason.as_deref(), Some("kept on purpose"));
        assert_eq!(
            &text[first.removal.0..first.removal.1],
            " # podnet: ignore[flannel/x] kept on purpose"
        );
        assert!(first.covers(1) && !first.covers(2));
        let second = &found[1];
        assert!(second.own_line);
        assert_eq!(second.line, 2);
        let ids: Vec<&str> = second.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["aks/a", "aks/b"]);
        let (s, e) = second.rules[1].span;
        assert_eq!(&text[s..e], "aks/b");
        assert_eq!(second.reason, None);
        assert_eq!(
            &text[second.directive.0..second.directive.1],
            "// podnet: ignore[ aks/a , aks/b ]"
        );
        assert_eq!(
            &text[second.removal.0..second.removal.1],
            "  // podnet: ignore[ aks/a , aks/b ]\r\n"
        );
        assert!(second.covers(2) && second.covers(3) && !second.covers(4));
    }
}
