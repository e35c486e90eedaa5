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

/// Of the `candidates` `written` is [`close`] to, the one the fewest edits away (the first on a
/// tie): "ipsc" means ipsec (one edit), not ipip (two).
pub fn closest<'k>(
    written: &str,
    candidates: impl IntoIterator<Item = &'k str>,
) -> Option<&'k str> {
    let a = written.to_ascii_lowercase();
    candidates
        .into_iter()
        .filter(|candidate| close(written, candidate))
        .min_by_key(|candidate| {
            edit_distance(a.as_bytes(), candidate.to_ascii_lowercase().as_bytes())
        })
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

    #[test]
    fn the_closest_of_several_close_names_wins() {
        let backends = ["udp", "vxlan", "host-gw", "ipip", "ipsec", "wireguard"];
        assert_eq!(closest("ipsc", backends), Some("ipsec"));
        assert_eq!(closest("colour", backends), None);
        assert_eq!(closest("vxlna", backends), Some("vxlan"));
    }
}
