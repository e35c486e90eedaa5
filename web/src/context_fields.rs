//! How each context field is edited, pure data: its control (a number, a text, or a choice with
//! its options), the id of its element, and which option a typed value selects.

/// How one field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A number input.
    Number {
        /// The smallest value the input offers.
        min: &'static str,
        /// What the empty field shows.
        placeholder: &'static str,
    },
    /// A free text input.
    Text {
        /// What the empty field shows.
        placeholder: &'static str,
    },
    /// A select: (value, label) per option.
    Choice(&'static [(&'static str, &'static str)]),
}

/// The control for the field `key` (one of [`crate::state::FIELDS`]).
pub fn control(key: &str) -> Control {
    match key {
        "platform" => Control::Choice(&[
            ("", "generic (1500)"),
            ("aws", "AWS (9001)"),
            ("gcp", "GCP (1460)"),
            ("azure", "Azure (1500, 1400 in the VNet)"),
        ]),
        "subnet-manager" => Control::Choice(&[
            ("", "as the document says"),
            ("kube", "kube (--kube-subnet-mgr)"),
            ("etcd", "etcd"),
        ]),
        "underlay-mtu" => Control::Number {
            min: "68",
            placeholder: "platform default",
        },
        "headroom" => Control::Number {
            min: "0",
            placeholder: "0",
        },
        "avoid" => Control::Text {
            placeholder: "e.g. 10.0.0.0/8, 192.168.0.0/16",
        },
        "vnet-cidr" => Control::Text {
            placeholder: "e.g. 10.20.0.0/16",
        },
        _ => Control::Number {
            min: "1",
            placeholder: "",
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
    use crate::state::FIELDS;

    #[test]
    fn every_field_has_its_own_id_and_nodes_keeps_its_known_one() {
        let ids: Vec<String> = FIELDS.iter().map(|(key, _)| field_id(key)).collect();
        assert!(ids.contains(&"target-nodes".to_string()));
        assert!(ids.contains(&"ctx-platform".to_string()));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn choices_and_numbers_go_where_the_values_are_words_and_numbers() {
        assert!(matches!(control("platform"), Control::Choice(options) if options.len() == 4));
        assert!(matches!(control("subnet-manager"), Control::Choice(_)));
        assert_eq!(
            control("nodes"),
            Control::Number {
                min: "1",
                placeholder: ""
            }
        );
        assert!(matches!(control("avoid"), Control::Text { .. }));
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
