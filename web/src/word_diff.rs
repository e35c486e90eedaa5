//! Which words of a changed line changed: the marks inside a diff line (as GitHub's diff shows
//! them) and, for long lines such as a one-line `az aks create`, the changes listed on their own
//! ("`--network-plugin kubenet` → `--network-plugin azure --network-plugin-mode overlay`").
//!
//! A line is cut into tokens: runs of whitespace, runs of word characters (letters, digits and
//! `-._/:` so that a flag, an address or a CIDR is one token) and single other characters (quotes,
//! commas, braces). The tokens both lines share are their longest common subsequence, after the
//! common start and end are taken off; a middle too large to compare (more than
//! [`MAX_CELLS`] token pairs) counts as changed as a whole, so the work per line stays bounded.

use std::ops::Range;

/// The largest token table compared (old tokens × new tokens); beyond it the differing middle
/// is marked whole. 250,000 cells of `u16` is half a megabyte and a few milliseconds.
pub const MAX_CELLS: usize = 250_000;

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
        .rsplit(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '{' || c == ',')
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

/// The lines as alternating shared and changed runs, in order.
fn chunks(old: &str, new: &str) -> Vec<Chunk> {
    let old_tokens = tokens(old);
    let new_tokens = tokens(new);
    let same = |i: usize, j: usize| old[old_tokens[i].clone()] == new[new_tokens[j].clone()];
    let prefix = (0..old_tokens.len().min(new_tokens.len()))
        .take_while(|&i| same(i, i))
        .count();
    let suffix = (0..old_tokens.len().min(new_tokens.len()) - prefix)
        .take_while(|&k| same(old_tokens.len() - 1 - k, new_tokens.len() - 1 - k))
        .count();
    let old_middle = prefix..old_tokens.len() - suffix;
    let new_middle = prefix..new_tokens.len() - suffix;
    // Pairs of token indexes (old, new) that are shared, in order.
    let mut shared: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    shared.extend(common_subsequence(old_middle, new_middle, same));
    shared.extend(
        (0..suffix)
            .rev()
            .map(|k| (old_tokens.len() - 1 - k, new_tokens.len() - 1 - k)),
    );
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut push = |equal: bool, old: Range<usize>, new: Range<usize>| {
        if old.is_empty() && new.is_empty() {
            return;
        }
        match chunks.last_mut() {
            Some(last) if last.equal == equal => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => chunks.push(Chunk { equal, old, new }),
        }
    };
    let start_of = |tokens: &[Range<usize>], i: usize, len: usize| {
        tokens.get(i).map_or(len, |token| token.start)
    };
    let (mut i, mut j) = (0, 0);
    for (si, sj) in shared
        .into_iter()
        .chain([(old_tokens.len(), new_tokens.len())])
    {
        push(
            false,
            start_of(&old_tokens, i, old.len())..start_of(&old_tokens, si, old.len()),
            start_of(&new_tokens, j, new.len())..start_of(&new_tokens, sj, new.len()),
        );
        if si < old_tokens.len() {
            push(true, old_tokens[si].clone(), new_tokens[sj].clone());
        }
        (i, j) = (si + 1, sj + 1);
    }
    chunks
}

/// The longest common subsequence of two token ranges, as pairs of indexes; empty when the table
/// would pass [`MAX_CELLS`].
fn common_subsequence(
    old: Range<usize>,
    new: Range<usize>,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let (rows, columns) = (old.len(), new.len());
    if rows == 0 || columns == 0 || rows * columns > MAX_CELLS {
        return Vec::new();
    }
    // lengths[i][j]: the common length of old[i..] and new[j..].
    let width = columns + 1;
    let mut lengths = vec![0u16; (rows + 1) * width];
    for i in (0..rows).rev() {
        for j in (0..columns).rev() {
            lengths[i * width + j] = if same(old.start + i, new.start + j) {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < rows && j < columns {
        if same(old.start + i, new.start + j) {
            pairs.push((old.start + i, new.start + j));
            (i, j) = (i + 1, j + 1);
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
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
        if c.is_whitespace() {
            Class::Space
        } else if c.is_alphanumeric() || "-._/:".contains(c) {
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
#[allow(clippy::single_range_in_vec_init)] // one changed range is what these lines have
mod tests {
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
    fn a_middle_too_large_to_compare_is_marked_whole_but_the_shared_ends_are_kept() {
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
