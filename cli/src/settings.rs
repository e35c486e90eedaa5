//! What the project config means for one file: its context settings, and the rule settings
//! applied to its report (a rule turned off drops its findings, and their fixes leave the fixed
//! text and the diff; a severity replaces the rule's).

use std::path::Path;

use podnet_core::diff::Diff;
use podnet_core::{Report, RuleId};

use crate::config::{Config, RuleSetting};
use crate::files;

/// The config's settings for one file, the top level first and then each matching override.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    /// `key = value` context settings; an override's key replaces the top level's.
    pub context: Vec<(String, String)>,
    /// Rule settings, later ones winning.
    pub rules: Vec<(RuleId, RuleSetting)>,
    /// The config's `[[suppress]]` entries for this file (indices into `Config::suppressions`).
    pub suppressions: Vec<usize>,
}

impl FileSettings {
    /// The settings `config` gives `file` (`None`: standard input, which only the top level
    /// applies to); `cwd` is the working directory the file's path is relative to.
    pub fn of(config: Option<&Config>, file: Option<&Path>, cwd: &Path) -> FileSettings {
        let Some(config) = config else {
            return FileSettings::default();
        };
        let mut settings = FileSettings {
            context: config.context.clone(),
            rules: config.rules.clone(),
            suppressions: Vec::new(),
        };
        let Some(relative) = file.and_then(|file| config.relative(file, cwd)) else {
            return settings;
        };
        settings.suppressions = (0..config.suppressions.len())
            .filter(|&at| {
                files::absolute(&config.suppressions[at].path, Path::new("/"))
                    == files::absolute(&relative, Path::new("/"))
            })
            .collect();
        let options = glob::MatchOptions {
            require_literal_separator: true,
            ..glob::MatchOptions::new()
        };
        for matching in config.overrides.iter().filter(|o| {
            o.paths
                .iter()
                .any(|glob| glob.matches_path_with(&relative, options))
        }) {
            settings
                .context
                .retain(|(key, _)| !matching.context.iter().any(|(k, _)| k == key));
            settings.context.extend(matching.context.iter().cloned());
            settings.rules.extend(matching.rules.iter().copied());
        }
        settings
    }

    /// The setting of `rule`, if the config has one.
    pub fn rule(&self, rule: RuleId) -> Option<RuleSetting> {
        self.rules
            .iter()
            .rev()
            .find(|(id, _)| *id == rule)
            .map(|(_, setting)| *setting)
    }

    /// Applies the inline suppressions of the report's text, the config's suppressions (marking
    /// in `used` those that silenced a finding) and the rule settings to `report`.
    pub fn apply(&self, config: Option<&Config>, report: &mut Report, used: &mut [bool]) {
        let before = report.findings.len();
        podnet_core::podnet::apply_suppressions(&report.text, &mut report.findings);
        if let Some(config) = config {
            for &at in &self.suppressions {
                let rule = config.suppressions[at].rule;
                let count = report.findings.len();
                report.findings.retain(|finding| finding.rule != rule);
                if report.findings.len() != count {
                    used[at] = true;
                }
            }
        }
        let mut changed = report.findings.len() != before
            || report
                .findings
                .iter()
                .any(|f| f.rule == RuleId::PodnetUnusedSuppression);
        let count = report.findings.len();
        report
            .findings
            .retain(|finding| self.rule(finding.rule) != Some(RuleSetting::Off));
        for finding in &mut report.findings {
            if let Some(RuleSetting::Severity(severity)) = self.rule(finding.rule) {
                finding.severity = severity;
            }
        }
        changed |= report.findings.len() != count;
        if changed {
            refix(report);
        }
    }
}

/// Recomputes the fixed text and the diff from the findings the report still has.
pub fn refix(report: &mut Report) {
    let fixed = podnet_core::apply_fixes(&report.text, &report.findings);
    report.diff = Diff::between(&report.text, &fixed);
    report.fixed = (fixed != report.text).then_some(fixed);
}

/// The report of the config file itself: its `[[suppress]]` entries that matched a file of the
/// run (`matched`) but silenced nothing there (`used`), under the config's top-level rule
/// settings; `None` when there is nothing to say.
pub fn unused_config_suppressions(
    config: &Config,
    matched: &[bool],
    used: &[bool],
) -> Option<Report> {
    let index = podnet_core::LineIndex::new(&config.text);
    let mut report = Report {
        text: config.text.clone(),
        ..Report::default()
    };
    for (at, suppression) in config.suppressions.iter().enumerate() {
        if matched[at] && !used[at] {
            report.findings.push(
                podnet_core::podnet::rules::unused_suppression::check_config_entry(
                    suppression.rule.as_str(),
                    &suppression.path.to_string_lossy(),
                    index.span(suppression.span.0, suppression.span.1),
                ),
            );
        }
    }
    let top_level = FileSettings {
        rules: config.rules.clone(),
        ..FileSettings::default()
    };
    top_level.apply(None, &mut report, &mut []);
    (!report.findings.is_empty()).then_some(report)
}

impl Config {
    /// `file` relative to the config's directory, if it is under it.
    pub fn relative(&self, file: &Path, cwd: &Path) -> Option<std::path::PathBuf> {
        let directory = files::absolute(self.path.parent().unwrap_or(Path::new(".")), cwd);
        files::absolute(file, cwd)
            .strip_prefix(directory)
            .ok()
            .map(Path::to_path_buf)
    }
}
