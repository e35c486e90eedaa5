//! Which words of a changed line changed: the marks inside a diff line (as GitHub's diff shows
//! them) and, for long lines such as a one-line `az aks create`, the changes listed on their own
//! ("`--network-plugin kubenet` → `--network-plugin azure --network-plugin-mode overlay`").
//!
//! A line is cut into tokens: runs of ASCII whitespace, runs of word characters (letters, digits,
//! `-._/:` so that a flag, an address or a CIDR is one token, and every non-ASCII character) and
//! single other characters (quotes, commas, braces); the core's Myers search
//! (`podnet_core::diff::myers`) finds the tokens the two lines share.

use std::ops::Range;

use podnet_core::diff::myers;

/// A line at least this long gets its changes listed above the diff.
pub const LONG_LINE: usize = 100;

/// The changed byte ranges of an old line and of the new line that replaced it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Ranges of the old line that the new one does not have.
    pub old: Vec<Range<usize>>,
    /// Ranges of the new line that the old one does not have.
    pub new: Vec<Range<usize>>,
}

/// One change inside a line, with the flag or key it belongs to: what the text was and what it
/// becomes (either may be empty for an addition or a removal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The old words, with the word before them when they are a flag's or key's value.
    pub before: String,
    /// The new words, likewise.
    pub after: String,
}

/// Splits a line into its changed ranges and its shared ones.
pub fn marks(old: &str, new: &str) -> Marks {
    let mut marks = Marks::default();
    for chunk in chunks(old, new) {
        if !chunk.equal {
            push_merged(&mut marks.old, chunk.old, old);
            push_merged(&mut marks.new, chunk.new, new);
        }
    }
    marks
}

/// The changes inside a line, each with the word that names what changed.
pub fn changes(old: &str, new: &str) -> Vec<Change> {
    let chunks = chunks(old, new);
    let mut changes = Vec::new();
    let mut index = 0;
    while index < chunks.len() {
        if chunks[index].equal {
            index += 1;
            continue;
        }
        // Changed chunks separated only by whitespace read as one change.
        let mut last = index;
        while last + 2 < chunks.len()
            && chunks[last + 1].equal
            && old[chunks[last + 1].old.clone()].trim().is_empty()
            && !chunks[last + 2].equal
        {
            last += 2;
        }
        let old_range = chunks[index].old.start..chunks[last].old.end;
        let new_range = chunks[index].new.start..chunks[last].new.end;
        let starts_with_flag = |text: &str| text.trim_start().starts_with('-');
        let label = (index > 0
            && !starts_with_flag(&old[old_range.clone()])
            && !starts_with_flag(&new[new_range.clone()]))
        .then(|| label_before(&old[chunks[index - 1].old.clone()]))
        .flatten();
        let with_label = |text: &str| match (label, text.trim()) {
            (_, "") => String::new(),
            (Some(label), text) => format!("{label} {text}"),
            (None, text) => text.to_string(),
        };
        changes.push(Change {
            before: with_label(&old[old_range]),
            after: with_label(&new[new_range]),
        });
        index = last + 1;
    }
    changes
}

/// The word just before a change when it names a flag or a key (`--pod-cidr `, `"Network": "`),
/// so a changed value is shown with what it is the value of.
fn label_before(equal: &str) -> Option<&str> {
    let trimmed = equal.trim_end_matches([' ', '"', '\'', ':', '=']);
    let separator = &equal[trimmed.len()..];
    let word = trimmed
        .rsplit(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'' || c == '{' || c == ',')
        .next()?;
    let is_flag = word.starts_with('-') && word.len() > 1 && !separator.is_empty();
    let is_key = separator.contains([':', '=']) && !word.is_empty();
    (is_flag || is_key).then_some(word)
}

/// Adds `range`, without the whitespace at its ends, to `ranges`, joined with the previous one
/// when only whitespace is between them.
fn push_merged(ranges: &mut Vec<Range<usize>>, range: Range<usize>, line: &str) {
    let text = &line[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let range = start..start + text.trim().len();
    if range.is_empty() {
        return;
    }
    if let Some(previous) = ranges.last_mut() {
        if line[previous.end..range.start].trim().is_empty() {
            previous.end = range.end;
            return;
        }
    }
    ranges.push(range);
}

/// A run of tokens the two lines share (`equal`) or do not.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// The lines as alternating shared and changed runs, in order: the core's Myers search over
/// the tokens (the one its line diff uses, so the page links one copy of it).
fn chunks(old: &str, new: &str) -> Vec<Chunk> {
    let old_tokens = tokens(old);
    let new_tokens = tokens(new);
    let old_words: Vec<&str> = old_tokens.iter().map(|token| &old[token.clone()]).collect();
    let new_words: Vec<&str> = new_tokens.iter().map(|token| &new[token.clone()]).collect();
    let bytes = |tokens: &[Range<usize>], range: Range<usize>, len: usize| {
        let at = |i: usize| tokens.get(i).map_or(len, |token| token.start);
        at(range.start)..at(range.end)
    };
    let mut chunks: Vec<Chunk> = Vec::new();
    for op in myers::diff(&old_words, &new_words) {
        let equal = op.equal;
        let old = bytes(&old_tokens, op.old, old.len());
        let new = bytes(&new_tokens, op.new, new.len());
        match chunks.last_mut() {
            Some(last) if last.equal == equal => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => chunks.push(Chunk { equal, old, new }),
        }
    }
    chunks
}

/// The byte ranges of a line's tokens.
fn tokens(line: &str) -> Vec<Range<usize>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Space,
        Word,
        Other,
    }
    let class = |c: char| {
        // ASCII classes (any other character counts as a letter): Unicode's tables would
        // cost the page kilobytes for nothing a config needs.
        if c.is_ascii_whitespace() {
            Class::Space
        } else if !c.is_ascii() || c.is_ascii_alphanumeric() || "-._/:".contains(c) {
            Class::Word
        } else {
            Class::Other
        }
    };
    let mut tokens: Vec<Range<usize>> = Vec::new();
    let mut previous = None;
    for (at, c) in line.char_indices() {
        let this = class(c);
        match tokens.last_mut() {
            Some(last) if previous == Some(this) && this != Class::Other => {
                last.end = at + c.len_utf8();
            }
            _ => tokens.push(at..at + c.len_utf8()),
        }
        previous = Some(this);
    }
    tokens
}

#[cfg(test)]
mod tests {
    #![allow(clippy::single_range_in_vec_init)] // one changed range is what these lines have

    use super::*;

    fn marked<'a>(line: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|range| &line[range.clone()]).collect()
    }

    #[test]
    fn a_changed_value_marks_only_the_value() {
        let old = r#"  "Network": "10.244.0.0/16","#;
        let new = r#"  "Network": "10.244.0.0/15","#;
        let marks = marks(old, new);
        assert_eq!(marked(old, &marks.old), ["10.244.0.0/16"]);
        assert_eq!(marked(new, &marks.new), ["10.244.0.0/15"]);
        assert_eq!(
            changes(old, new),
            [Change {
                before: "Network 10.244.0.0/16".into(),
                after: "Network 10.244.0.0/15".into()
            }]
        );
    }

    #[test]
    fn a_one_line_command_lists_each_changed_flag_with_its_name() {
        let old = "az aks create -g rg -n aks --network-plugin kubenet --pod-cidr 10.244.0.0/16 --node-count 300";
        let new = "az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/15 --node-count 300";
        let marks = marks(old, new);
        assert_eq!(marked(old, &marks.old), ["kubenet", "10.244.0.0/16"]);
        assert_eq!(
            marked(new, &marks.new),
            ["azure --network-plugin-mode overlay", "10.244.0.0/15"]
        );
        assert_eq!(
            changes(old, new),
            [
                Change {
                    before: "--network-plugin kubenet".into(),
                    after: "--network-plugin azure --network-plugin-mode overlay".into()
                },
                Change {
                    before: "--pod-cidr 10.244.0.0/16".into(),
                    after: "--pod-cidr 10.244.0.0/15".into()
                },
            ]
        );
    }

    #[test]
    fn an_added_flag_has_nothing_before_it() {
        let old = "az aks create --name aks --node-count 3";
        let new = "az aks create --name aks --network-plugin azure --node-count 3";
        let marks = marks(old, new);
        assert!(marks.old.is_empty());
        assert_eq!(marked(new, &marks.new), ["--network-plugin azure"]);
        assert_eq!(
            changes(old, new),
            [Change {
                before: String::new(),
                after: "--network-plugin azure".into()
            }]
        );
    }

    #[test]
    fn identical_and_wholly_different_lines() {
        assert_eq!(marks("same line", "same line"), Marks::default());
        assert!(changes("same line", "same line").is_empty());
        let marks = marks("abc", "xyz");
        assert_eq!((marks.old, marks.new), (vec![0..3], vec![0..3]));
        assert_eq!(
            super::marks("", "new"),
            Marks {
                old: vec![],
                new: vec![0..3]
            }
        );
    }

    #[test]
    fn long_wholly_different_middles_are_marked_whole_and_the_shared_ends_kept() {
        let old: String = (0..600).map(|n| format!("a{n} ")).collect();
        let new: String = (0..600).map(|n| format!("b{n} ")).collect();
        let (old, new) = (format!("start {old}end"), format!("start {new}end"));
        let marks = marks(&old, &new);
        assert_eq!(marks.old, [6..old.len() - 4]);
        assert_eq!(marks.new, [6..new.len() - 4]);
    }

    #[test]
    fn multibyte_text_is_cut_on_character_boundaries() {
        let old = "name: “aks” — 10.0.0.0/8";
        let new = "name: “aks” — 10.1.0.0/16";
        let marks = marks(old, new);
        assert_eq!(marked(new, &marks.new), ["10.1.0.0/16"]);
    }
}
