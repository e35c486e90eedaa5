//! The rule registry: every rule podnet has, declared once.
//!
//! Each rule lives in its own file, `<area>/rules/<rule_name>.rs`, which holds its [`RuleInfo`]
//! (default severity, summary and documentation) and its check. [`RuleId`] (`id.rs`) is the
//! typed id findings carry, listed once with its text id; `registry.rs` leads from an id to its
//! rule's file, so `podnet rules` and `podnet explain` read the same text. The files are split so
//! that no file imports one that imports it back: rule files use `id.rs` and `info.rs`, and only
//! `registry.rs` names the rule files.

mod closest;
pub mod id;
mod info;
mod registry;

pub use id::RuleId;
pub use info::{Area, FixSafety, RuleInfo};

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn ids_are_unique_and_name_their_area() {
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|rule| rule.as_str()).collect();
        for rule in RuleId::ALL {
            let info = rule.info();
            assert!(info.id().starts_with(info.area.as_str()), "{}", info.id());
            assert_eq!(RuleId::from_id(info.id()), Some(*rule));
        }
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "a rule id is declared twice");
    }

    #[test]
    fn each_rule_is_declared_in_a_file_named_after_it() {
        for rule in RuleId::ALL {
            let info = rule.info();
            let (area, name) = info.id().split_once('/').unwrap_or_default();
            let expected = alloc::format!("core/src/{area}/rules/{}.rs", name.replace('-', "_"));
            assert_eq!(info.file, expected, "{}", info.id());
            assert_eq!(info.rule, *rule, "{} declares another rule", info.file);
        }
    }
}
