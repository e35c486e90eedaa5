//! `podnet check --format github`: one GitHub Actions workflow command per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner turns
//! into annotations on the pull request's files.
//!
//! Escaping follows the runner's rules (actions/toolkit `command.ts`): in the message `%`, `\r`
//! and `\n` become `%25`, `%0D` and `%0A`; in a property `:` and `,` become `%3A` and `%2C` too.

use std::fmt::Write as _;

use podnet_core::{LineIndex, Severity};

use crate::checked::Checked;
use crate::region::Region;

/// The workflow commands of a run, one line per finding.
pub fn commands(files: &[Checked]) -> String {
    let mut out = String::new();
    for file in files {
        let index = LineIndex::new(&file.report.text);
        for finding in &file.report.findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let region = Region::of(&index, finding.span.start, finding.span.end);
            let mut properties = Vec::new();
            if file.target.path.is_some() {
                properties.push(format!("file={}", property(&file.target.display())));
            }
            properties.push(format!("line={}", region.start_line));
            properties.push(format!("col={}", region.start_column));
            properties.push(format!("endLine={}", region.end_line));
            properties.push(format!("endColumn={}", region.end_column));
            properties.push(format!("title={}", property(finding.rule.as_str())));
            let message = format!("{}\n{}", finding.message, finding.explanation);
            let _ = writeln!(
                out,
                "::{command} {}::{}",
                properties.join(","),
                data(&message)
            );
        }
    }
    out
}

/// A command's message, escaped.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value, escaped.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
    }
}
