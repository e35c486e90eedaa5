//! "Did you mean": the rule ids close to one that names no rule (a typo, or a name without its
//! area), for `podnet explain`, the project config and unused suppressions.

use alloc::vec::Vec;

use super::id::RuleId;

impl RuleId {
    /// The ids within three edits of `wanted`, or ending in it (`node-capacity`), in registry order.
    pub fn closest(wanted: &str) -> Vec<&'static str> {
        RuleId::ALL
            .iter()
            .map(|rule| rule.as_str())
            .filter(|id| {
                id.ends_with(wanted)
                    || crate::edit_distance::edit_distance(id.as_bytes(), wanted.as_bytes()) <= 3
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_bare_names_find_their_rule() {
        assert_eq!(
            RuleId::closest("flannel/node-capacty"),
            ["flannel/node-capacity"]
        );
        assert_eq!(
            RuleId::closest("max-pods"),
            ["aks/max-pods", "flannel/max-pods"]
        );
        assert!(RuleId::closest("something/else-entirely").is_empty());
    }
}
