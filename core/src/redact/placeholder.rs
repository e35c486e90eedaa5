//! The placeholder scheme: `REDACTED_<STEM>_<N>`, one per distinct value, and the in-memory map
//! that puts the originals back.
//!
//! A placeholder is ASCII letters, digits and underscores, so it is a valid YAML plain scalar, a
//! valid JSON string body and a single shell word. A secret spanning several lines is replaced by
//! its placeholder followed by the secret's own line breaks (and the indentation after each), so
//! every later line keeps its number.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::found::Candidate;
use super::kind::{Kind, PLACEHOLDER_PREFIX};

/// Every placeholder handed out, with the value it stands for. Lives in memory only; its `Debug`
/// output shows how many values it holds, never the values.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretMap {
    /// Placeholder → (line-break filler written after it, original value).
    entries: BTreeMap<String, (String, String)>,
}

impl fmt::Debug for SecretMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretMap({} values hidden)", self.entries.len())
    }
}

impl SecretMap {
    /// How many distinct values are held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was redacted.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each placeholder with its line-break filler and the value it stands for, in placeholder
    /// order. Only for handing the map to another part of the same program (the page's worker
    /// hands it to its tab); never for output.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.entries
            .iter()
            .map(|(placeholder, (filler, original))| {
                (placeholder.as_str(), filler.as_str(), original.as_str())
            })
    }

    /// Adds one entry as [`SecretMap::entries`] lists them (the other end of that hand-over).
    pub fn insert(&mut self, placeholder: String, filler: String, original: String) {
        self.entries.insert(placeholder, (filler, original));
    }

    /// Puts the originals back in place of every placeholder this map handed out. A placeholder
    /// followed by its own line-break filler is replaced together with the filler, so a multi-line
    /// secret comes back exactly as it was.
    pub fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(PLACEHOLDER_PREFIX) {
            out.push_str(&rest[..at]);
            let token_len = rest[at..]
                .bytes()
                .position(|b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
                .unwrap_or(rest.len() - at);
            let token = &rest[at..at + token_len];
            // The longest handed-out placeholder the token starts with, not followed by a digit
            // (`REDACTED_X_1` followed by `S7` reads as `REDACTED_X_1S7`).
            let placeholder = (PLACEHOLDER_PREFIX.len()..=token_len)
                .rev()
                .find_map(|len| {
                    let next_is_digit = token.as_bytes().get(len).is_some_and(u8::is_ascii_digit);
                    let entry = self.entries.get(&token[..len]).filter(|_| !next_is_digit)?;
                    Some((len, entry))
                });
            match placeholder {
                Some((len, (filler, original))) => {
                    out.push_str(original);
                    let after = &rest[at + len..];
                    rest = after.strip_prefix(filler.as_str()).unwrap_or(after);
                }
                None => {
                    // Not a placeholder here, but one may start further in (a placeholder glued
                    // after `…REDACTED_X_`): keep the bytes up to the next `REDACTED_` only.
                    let next = token[1..]
                        .find(PLACEHOLDER_PREFIX)
                        .map_or(token_len, |i| i + 1);
                    out.push_str(&token[..next]);
                    rest = &rest[at + next..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Hands out placeholders while the redacted text is built.
pub struct Placeholders<'t> {
    original: &'t str,
    /// `REDACTED_…` tokens the input already holds: numbers to skip.
    in_input: alloc::collections::BTreeSet<&'t str>,
    by_value: BTreeMap<&'t str, String>,
    next_number: BTreeMap<&'static str, u32>,
    map: SecretMap,
}

impl<'t> Placeholders<'t> {
    /// Starts with no placeholders for `original`.
    #[cfg(test)]
    pub fn new(original: &'t str) -> Self {
        let at: alloc::vec::Vec<usize> = original
            .match_indices(PLACEHOLDER_PREFIX)
            .map(|(at, _)| at)
            .collect();
        Self::with_tokens_at(original, &at)
    }

    /// Starts with no placeholders for `original`, whose `REDACTED_` tokens start at `token_starts`
    /// (positions where the text does not start with `REDACTED_` are ignored).
    pub fn with_tokens_at(original: &'t str, token_starts: &[usize]) -> Self {
        let in_input = token_starts
            .iter()
            .filter(|&&at| original[at..].starts_with(PLACEHOLDER_PREFIX))
            .map(|&at| {
                let len = original[at..]
                    .bytes()
                    .position(|b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
                    .unwrap_or(original.len() - at);
                &original[at..at + len]
            })
            .collect();
        Placeholders {
            original,
            in_input,
            by_value: BTreeMap::new(),
            next_number: BTreeMap::new(),
            map: SecretMap::default(),
        }
    }

    /// The placeholder for `value`: the one already given to an equal value, else the next free
    /// number for the kind (skipping numbers whose placeholder already appears in the input).
    pub fn for_value(&mut self, value: &'t str, kind: &'static Kind) -> String {
        if let Some(existing) = self.by_value.get(value) {
            return existing.clone();
        }
        let counter = self.next_number.entry(kind.stem).or_insert(1);
        let placeholder = loop {
            let candidate = format!("{PLACEHOLDER_PREFIX}{}_{}", kind.stem, counter);
            *counter += 1;
            // Skip it when the input already holds it, even glued to more capitals or digits
            // (`REDACTED_X_1KEF`), or `restore` would turn that text into a secret.
            let taken = self
                .in_input
                .range(candidate.as_str()..)
                .next()
                .is_some_and(|token| token.starts_with(candidate.as_str()));
            if !taken {
                break candidate;
            }
        };
        let filler = line_break_filler(value);
        self.map
            .entries
            .insert(placeholder.clone(), (filler, String::from(value)));
        self.by_value.insert(value, placeholder.clone());
        placeholder
    }

    /// Builds the redacted text from the merged candidates (sorted, disjoint).
    pub fn apply(mut self, candidates: &[Candidate]) -> (String, Vec<String>, SecretMap) {
        let text = self.original;
        let mut out = String::with_capacity(text.len());
        let mut placeholders = Vec::with_capacity(candidates.len());
        let mut last = 0;
        for candidate in candidates {
            let value = &text[candidate.start..candidate.end];
            let placeholder = self.for_value(value, candidate.kind);
            out.push_str(&text[last..candidate.start]);
            out.push_str(&placeholder);
            out.push_str(&line_break_filler(value));
            placeholders.push(placeholder);
            last = candidate.end;
        }
        out.push_str(&text[last..]);
        (out, placeholders, self.map)
    }
}

/// The line breaks of `value`, each followed by the blanks that start the next line inside it.
fn line_break_filler(value: &str) -> String {
    let mut filler = String::new();
    let bytes = value.as_bytes();
    for (at, _) in value.match_indices('\n') {
        if at > 0 && bytes[at - 1] == b'\r' {
            filler.push('\r');
        }
        filler.push('\n');
        let blanks = bytes[at + 1..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        filler.push_str(&value[at + 1..at + 1 + blanks]);
    }
    filler
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::kind;

    #[test]
    fn equal_values_share_a_placeholder_and_numbers_skip_ones_in_use() {
        let text = "a REDACTED_PASSWORD_1 b c b";
        let mut placeholders = Placeholders::new(text);
        let candidates = [
            Candidate {
                start: 22,
                end: 23,
                kind: &kind::PASSWORD,
            },
            Candidate {
                start: 24,
                end: 25,
                kind: &kind::PASSWORD,
            },
            Candidate {
                start: 26,
                end: 27,
                kind: &kind::PASSWORD,
            },
        ];
        assert_eq!(
            placeholders.for_value("zz", &kind::PASSWORD),
            "REDACTED_PASSWORD_2"
        );
        let (out, names, map) = placeholders.apply(&candidates);
        assert_eq!(
            out,
            "a REDACTED_PASSWORD_1 REDACTED_PASSWORD_3 REDACTED_PASSWORD_4 REDACTED_PASSWORD_3"
        );
        assert_eq!(names[0], names[2]);
        assert_eq!(map.restore(&out), text);
    }

    #[test]
    fn multi_line_values_keep_their_line_breaks_and_come_back() {
        let text = "key: |\n  AAAA\r\n  BBBB\nnext: 1\n";
        let candidates = [Candidate {
            start: 9,
            end: 21,
            kind: &kind::PRIVATE_KEY,
        }];
        let (out, _, map) = Placeholders::new(text).apply(&candidates);
        assert_eq!(out, "key: |\n  REDACTED_PRIVATE_KEY_1\r\n  \nnext: 1\n");
        assert_eq!(out.lines().count(), text.lines().count());
        assert_eq!(map.restore(&out), text);
        assert_eq!(
            map.restore("x REDACTED_PRIVATE_KEY_1 y"),
            "x AAAA\r\n  BBBB y"
        );
        assert_eq!(
            map.restore("REDACTED_PRIVATE_KEY_10"),
            "REDACTED_PRIVATE_KEY_10"
        );
        assert_eq!(format!("{map:?}"), "SecretMap(1 values hidden)");
    }

    #[test]
    fn a_placeholder_glued_after_capitals_comes_back() {
        let text = "token gREDACTED_HIGH_FAKEvEATQrFCmv5fEDPn0h8\n";
        let start = text.find("FAKE").expect("value");
        let candidates = [Candidate {
            start,
            end: text.len() - 1,
            kind: &kind::HIGH_ENTROPY,
        }];
        let (out, _, map) = Placeholders::new(text).apply(&candidates);
        assert_eq!(out, "token gREDACTED_HIGH_REDACTED_HIGH_ENTROPY_1\n");
        assert_eq!(map.restore(&out), text);
    }
}
