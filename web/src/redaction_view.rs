//! What the redaction panel says besides the redactions: the values under secret-sounding keys
//! that were left as written because they look like placeholders (`REPLACE_ME`, `${VAR}`,
//! `changeme`), so the user sees that podnet read them and why they are still there.

use podnet_core::Report;

/// The longest placeholder text the panel shows before cutting it with "…".
const SHOWN_CHARS: usize = 40;

/// One value left as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptPlaceholder {
    /// Its line in the (redacted) text, which equals the line in the paste.
    pub line: u32,
    /// The value as written, cut at [`SHOWN_CHARS`] characters.
    pub text: String,
}

/// Every value the report says was kept as a placeholder, in text order.
pub fn kept_placeholders(report: &Report) -> Vec<KeptPlaceholder> {
    report
        .placeholders
        .iter()
        .filter_map(|span| {
            let value = report.text.get(span.start..span.end)?;
            let mut text: String = value.chars().take(SHOWN_CHARS).collect();
            if value.chars().count() > SHOWN_CHARS {
                text.push('…');
            }
            Some(KeptPlaceholder {
                line: span.line,
                text,
            })
        })
        .collect()
}

/// The redaction panel's first line: how many values were replaced, with the right plural.
pub fn replaced_summary(count: usize) -> String {
    match count {
        0 => "Nothing was redacted.".into(),
        1 => "1 value replaced by a placeholder before analysis.".into(),
        n => format!("{n} values replaced by placeholders before analysis."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use podnet_core::{analyze, Context};

    #[test]
    fn placeholders_under_secret_keys_are_listed_with_their_lines() {
        // The token before it is redacted (a placeholder of another length): the kept value is
        // still found in the redacted text.
        let text = "db:\n  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n  password: REPLACE_ME\n";
        let report = analyze(text, &Context::default());
        assert!(!report.text.contains("FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c"));
        assert_eq!(
            kept_placeholders(&report),
            vec![KeptPlaceholder {
                line: 3,
                text: String::from("REPLACE_ME")
            }]
        );
    }

    #[test]
    fn a_placeholder_that_is_redacted_anyway_is_not_listed_as_kept() {
        // All of a Secret's data is redacted, placeholder-looking or not.
        let text = "apiVersion: v1\nkind: Secret\nstringData:\n  password: REPLACE_ME\n";
        let report = analyze(text, &Context::default());
        assert!(!report.text.contains("REPLACE_ME"));
        assert_eq!(kept_placeholders(&report), vec![]);
    }

    #[test]
    fn a_long_placeholder_is_cut() {
        let long = format!("password: <{}>\n", "x".repeat(60));
        let report = analyze(&long, &Context::default());
        let kept = kept_placeholders(&report);
        if let Some(first) = kept.first() {
            assert_eq!(first.text.chars().count(), SHOWN_CHARS + 1);
            assert!(first.text.ends_with('…'));
        } else {
            panic!(
                "a `<…>` placeholder under a secret key is kept: {:?}",
                report.placeholders
            );
        }
    }

    #[test]
    fn the_replaced_count_has_its_plural() {
        assert_eq!(replaced_summary(0), "Nothing was redacted.");
        assert_eq!(
            replaced_summary(1),
            "1 value replaced by a placeholder before analysis."
        );
        assert_eq!(
            replaced_summary(7),
            "7 values replaced by placeholders before analysis."
        );
    }
}
