//! How each context field is edited, pure data: its control (a number, a text, or a choice with
//! its options), the id of its element, and which option a typed value selects.

use podnet_core::context::{ContextKey, KeyValue};

/// How one field is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// A number input.
    Number {
        /// The smallest value the input offers.
        min: u32,
        /// What the empty field shows.
        placeholder: &'static str,
    },
    /// A free text input.
    Text {
        /// What the empty field shows.
        placeholder: String,
    },
    /// A select: (value, label) per option.
    Choice(&'static [(&'static str, &'static str)]),
}

/// The control for a context key, from how the core declares its value.
pub fn control(key: &ContextKey) -> Control {
    match key.value {
        KeyValue::Choice(options) => Control::Choice(options),
        KeyValue::Number { min, unset, .. } => Control::Number {
            min,
            placeholder: unset,
        },
        KeyValue::Cidr | KeyValue::Cidrs | KeyValue::Kinds => Control::Text {
            placeholder: format!("e.g. {}", key.example),
        },
    }
}

/// The id of a field's control (`#target-nodes` for nodes, `#ctx-<key>` otherwise).
pub fn field_id(key: &str) -> String {
    if key == "nodes" {
        "target-nodes".into()
    } else {
        format!("ctx-{key}")
    }
}

/// True when the field's `value` (as typed, or from the URL) selects the choice `option`: the
/// same word in any case, and "generic" for the empty first option.
pub fn selects(option: &str, value: &str) -> bool {
    value.eq_ignore_ascii_case(option) || (option.is_empty() && value == "generic")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::page_keys;

    #[test]
    fn every_field_has_its_own_id_and_nodes_keeps_its_known_one() {
        let ids: Vec<String> = page_keys().map(|key| field_id(key.name)).collect();
        assert!(ids.contains(&"target-nodes".to_string()));
        assert!(ids.contains(&"ctx-platform".to_string()));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn choices_and_numbers_go_where_the_values_are_words_and_numbers() {
        let control_of = |name: &str| control(ContextKey::named(name).expect("declared"));
        assert!(matches!(control_of("platform"), Control::Choice(options) if options.len() == 4));
        assert!(matches!(control_of("subnet-manager"), Control::Choice(_)));
        assert_eq!(
            control_of("nodes"),
            Control::Number {
                min: 1,
                placeholder: ""
            }
        );
        assert_eq!(
            control_of("avoid"),
            Control::Text {
                placeholder: String::from("e.g. 10.0.0.0/8")
            }
        );
    }

    #[test]
    fn a_typed_value_selects_its_option_in_any_case() {
        assert!(selects("aws", "AWS"));
        assert!(selects("", "generic"));
        assert!(selects("", ""));
        assert!(!selects("", "aws"));
        assert!(!selects("gcp", "aws"));
    }
}
