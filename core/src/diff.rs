//! The unified diff people read: original text against fixed text.

use alloc::string::{String, ToString};

/// A unified diff (3 lines of context) from `original` to `fixed`, or `None` when they are equal.
pub fn unified_diff(original: &str, fixed: &str) -> Option<String> {
    if original == fixed {
        return None;
    }
    let diff = similar::TextDiff::from_lines(original, fixed);
    Some(
        diff.unified_diff()
            .context_radius(3)
            .header("original", "fixed")
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_only_the_changed_line_with_context() {
        let diff = unified_diff("a\nb\nc\n", "a\nB\nc\n").expect("texts differ");
        assert!(diff.starts_with("--- original\n+++ fixed\n"), "{diff}");
        assert!(diff.contains("-b\n+B\n"), "{diff}");
        assert_eq!(unified_diff("same", "same"), None);
    }
}
