//! What counts as a misspelling of a name flannel reads (a key or a backend type).

use crate::edit_distance::edit_distance;

/// True when `written` is a likely misspelling of `known`: within two edits, or one contains the other.
pub fn close(written: &str, known: &str) -> bool {
    let a = written.to_ascii_lowercase();
    let b = known.to_ascii_lowercase();
    if a == b {
        return true;
    }
    if a.len() >= 4 && b.len() >= 4 && (a.contains(&b) || b.contains(&a)) {
        return true;
    }
    edit_distance(a.as_bytes(), b.as_bytes()) <= 2 && b.len() > 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_are_close_and_other_words_are_not() {
        assert!(close("SubnetLength", "SubnetLen"));
        assert!(close("Netwrok", "Network"));
        assert!(close("vxaln", "vxlan"));
        assert!(!close("Colour", "Network"));
    }
}
