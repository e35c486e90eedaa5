//! Placeholders: values that published templates and docs leave for the reader to fill in.
//!
//! `<subscriptionId>`, `$SUBSCRIPTION`, `${RESOURCE_GROUP}`, `$(az … -o tsv)`, `%POD_CIDR%`,
//! `$env:POD_CIDR`, `{{ .Values.podCidr }}`, `{% raw %}`, `__POD_CIDR__`, `[parameters('podCidr')]`,
//! an all-caps `POD_CIDR`, and redaction's own `REDACTED_KIND_N`. A placeholder is an opaque value:
//! rules never call it malformed and never guess what it holds; at most they say, as an info,
//! what they could not check.

/// True when `value` is (or holds) a placeholder rather than a literal.
pub fn is_placeholder(value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    has_pair(value, "{{", "}}")
        || has_pair(value, "{%", "%}")
        || has_pair(value, "${", "}")
        || has_pair(value, "$(", ")")
        || angle_bracketed(value)
        || shell_variable(value)
        || cmd_variable(value)
        || (value.starts_with("[parameters(") || value.starts_with("[variables("))
        || dunder(value)
        || my_name(value)
        || value.starts_with(crate::redact::PLACEHOLDER_PREFIX)
        || upper_snake(value)
}

/// A whole document someone replaced before posting it: `xxxxxx`, `***`, `<redacted>`,
/// `[REDACTED]`, `...`.
pub fn is_hand_redacted(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let bare = lower.trim_matches(['<', '>', '[', ']', '(', ')']);
    (text.len() >= 3 && text.bytes().all(|b| matches!(b, b'x' | b'X' | b'*' | b'.')))
        || matches!(bare, "redacted" | "removed" | "omitted" | "snip" | "...")
}

/// `open` followed somewhere later by `close`.
fn has_pair(value: &str, open: &str, close: &str) -> bool {
    value
        .find(open)
        .is_some_and(|at| value[at + open.len()..].contains(close))
}

/// `<name>` with something between the brackets and no blank right inside them (so `a < b` in
/// prose does not count).
fn angle_bracketed(value: &str) -> bool {
    let Some(open) = value.find('<') else {
        return false;
    };
    let Some(close) = value[open + 1..].find('>') else {
        return false;
    };
    let inner = &value[open + 1..open + 1 + close];
    !inner.is_empty() && !inner.starts_with(' ') && !inner.ends_with(' ')
}

/// `$NAME` or `$env:NAME` (bash, PowerShell) anywhere in the value.
fn shell_variable(value: &str) -> bool {
    value.match_indices('$').any(|(at, _)| {
        value[at + 1..]
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
    })
}

/// `%NAME%` (cmd).
fn cmd_variable(value: &str) -> bool {
    let Some(open) = value.find('%') else {
        return false;
    };
    let rest = &value[open + 1..];
    rest.find('%').is_some_and(|close| {
        close > 0
            && rest[..close]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// `myResourceGroup`, `myAKSCluster`, `yourSubnetId`: the docs' names for the reader's own.
fn my_name(value: &str) -> bool {
    let rest = value
        .strip_prefix("my")
        .or_else(|| value.strip_prefix("your"));
    rest.is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_ascii_uppercase())
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// `__NAME__`.
fn dunder(value: &str) -> bool {
    value.len() > 4
        && value.starts_with("__")
        && value.ends_with("__")
        && value[2..value.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// An all-caps name with an underscore (`POD_CIDR`, `SUBNET_ID`): a variable's name written where
/// its value belongs.
fn upper_snake(value: &str) -> bool {
    value.contains('_')
        && value.bytes().any(|b| b.is_ascii_uppercase())
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_of_every_kind() {
        for value in [
            "<subscriptionId>",
            "/subscriptions/<subscription-id>/resourceGroups/rg",
            "$SUBSCRIPTION",
            "${RESOURCE_GROUP}",
            "$(az network vnet subnet show --query id -o tsv)",
            "%POD_CIDR%",
            "$env:POD_CIDR",
            "{{ .Values.podCidr }}",
            "{{ kube_pods_subnet }}",
            "__POD_CIDR__",
            "[parameters('podCidr')]",
            "REDACTED_PUBLIC_IP_1",
            "POD_CIDR",
            "mySubnetIDResourceID",
            "myResourceGroup",
        ] {
            assert!(is_placeholder(value), "{value}");
        }
    }

    #[test]
    fn documents_redacted_by_hand() {
        for text in ["xxxxxx", "***", "<redacted>", "[REDACTED]", " ... "] {
            assert!(is_hand_redacted(text), "{text}");
        }
        assert!(!is_hand_redacted("{\"Network\": \"10.0.0.0/8\"}"));
        assert!(!is_hand_redacted("x"));
    }

    #[test]
    fn literals_are_not_placeholders() {
        for value in [
            "10.244.0.0/16",
            "azure",
            "mysql",
            "a < b",
            "100%",
            "fd12:3456:789a::/64",
            "Standard_DS2_v2",
            "$",
            "CIDR",
        ] {
            assert!(!is_placeholder(value), "{value}");
        }
    }
}
