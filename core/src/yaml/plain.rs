//! What a plain (unquoted) scalar is to Kubernetes: its YAML reader (sigs.k8s.io/yaml, on go-yaml
//! v2) resolves YAML 1.1 types before the object is decoded, so `data: {key: 42}` holds a number
//! and `data: {key: yes}` a boolean, where a ConfigMap needs strings.

/// The type go-yaml v2 gives a plain scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainType {
    /// Empty, `~`, `null`, `Null`, `NULL`.
    Null,
    /// `true`, `yes`, `on`, `y` (and `false`, `no`, `off`, `n`) in lower, title or upper case.
    Bool,
    /// An integer (decimal, `0x`, `0o`, `0b`, with `_` separators) or a float (`1.5`, `1e3`, `.inf`).
    Number,
    /// Anything else.
    String,
}

const NULLS: [&str; 5] = ["", "~", "null", "Null", "NULL"];

const BOOLS: [&str; 22] = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
];

const SPECIAL_FLOATS: [&str; 12] = [
    ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf",
    "-.INF",
];

/// The type of plain scalar `value` (as the parser decoded it).
pub fn plain_type(value: &str) -> PlainType {
    if NULLS.contains(&value) {
        PlainType::Null
    } else if BOOLS.contains(&value) {
        PlainType::Bool
    } else if SPECIAL_FLOATS.contains(&value) || is_number(value) {
        PlainType::Number
    } else {
        PlainType::String
    }
}

/// go-yaml v2 tries a number only for a scalar that starts with a digit, a sign or a dot, and
/// reads it with the `_`s removed.
fn is_number(value: &str) -> bool {
    if !value.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) {
        return false;
    }
    let digits: alloc::string::String = value.chars().filter(|&c| c != '_').collect();
    is_integer(&digits) || is_float(&digits)
}

/// What Go's `strconv.ParseInt(s, 0, 64)` reads: a sign, then digits of base 10, or of base 16, 8
/// or 2 after `0x`, `0o` or `0b`.
fn is_integer(digits: &str) -> bool {
    let unsigned = digits.strip_prefix(['+', '-']).unwrap_or(digits);
    let (radix, body) = match unsigned.get(..2) {
        Some("0x" | "0X") => (16, &unsigned[2..]),
        Some("0o" | "0O") => (8, &unsigned[2..]),
        Some("0b" | "0B") => (2, &unsigned[2..]),
        _ => (10, unsigned),
    };
    !body.is_empty() && body.chars().all(|c| c.is_digit(radix))
}

/// go-yaml v2's float shape: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_float(value: &str) -> bool {
    let rest = value.strip_prefix(['+', '-']).unwrap_or(value);
    let mantissa_end = rest.find(['e', 'E']).unwrap_or(rest.len());
    let (mantissa, exponent) = rest.split_at(mantissa_end);
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        None => !whole.is_empty() && all_digits(whole),
        Some(fraction) if whole.is_empty() => !fraction.is_empty() && all_digits(fraction),
        Some(fraction) => all_digits(whole) && all_digits(fraction),
    };
    let exponent_ok = match exponent.get(1..) {
        None => true,
        Some(power) => {
            let power = power.strip_prefix(['+', '-']).unwrap_or(power);
            !power.is_empty() && all_digits(power)
        }
    };
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_get_yaml_1_1_types() {
        for null in ["", "~", "null", "NULL"] {
            assert_eq!(plain_type(null), PlainType::Null, "{null}");
        }
        for boolean in ["true", "False", "yes", "NO", "on", "Off", "y", "N"] {
            assert_eq!(plain_type(boolean), PlainType::Bool, "{boolean}");
        }
        for number in [
            "42", "-7", "+3", "1_000", "0x1F", "0o17", "0b101", "017", "09", "1.5", "1.", ".5",
            "1e3", "-2.5E-3", ".inf", "-.Inf", ".NaN",
        ] {
            assert_eq!(plain_type(number), PlainType::Number, "{number}");
        }
        for string in [
            "ConfigMap",
            "10.244.0.0/16",
            "1.2.3",
            "e3",
            ".",
            "-",
            "1e",
            "0x",
            "_1",
            "TRUE!",
            "nULL",
            "{\"Network\": \"10.0.0.0/8\"}",
        ] {
            assert_eq!(plain_type(string), PlainType::String, "{string}");
        }
    }
}
