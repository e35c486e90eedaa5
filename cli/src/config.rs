//! The project config, `.podnet.toml`: the context values, rule severities and disabled rules,
//! per-path overrides, and suppressions for files that cannot hold a comment (JSON).
//!
//! ```toml
//! [context]                      # the keys of podnet_core::context::CONTEXT_KEYS
//! nodes = 300
//! avoid = ["10.0.0.0/8"]
//!
//! [rules]                        # rule id = "off" | "info" | "warning" | "error"
//! "flannel/udp-backend" = "off"
//!
//! [[overrides]]                  # for the files the globs match (relative to this file)
//! paths = ["clusters/dev/**"]
//! context = { nodes = 20 }
//! rules = { "flannel/node-capacity" = "warning" }
//!
//! [[suppress]]                   # like an inline `# podnet: ignore[rule]`, for a JSON file
//! path = "net-conf.json"
//! rule = "flannel/kube-mode-ignored-key"
//! reason = "we run flanneld in etcd mode"
//! ```
//!
//! Everything is checked when the file is read: an unknown table or key, a context key that
//! `CONTEXT_KEYS` does not declare, a value `Context::set` refuses, a rule id not in the registry
//! (with "did you mean"), a bad severity or glob is a [`ConfigError`] with line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use podnet_core::context::{ContextKey, CONTEXT_KEYS};
use podnet_core::{Context, LineIndex, RuleId, Severity};
use serde::Deserialize;
use toml::Spanned;

/// The name of the project config file.
pub const FILE_NAME: &str = ".podnet.toml";

/// What the config says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    /// The rule does not report.
    Off,
    /// The rule reports at this severity.
    Severity(Severity),
}

/// Per-path settings: the files the globs match get these on top of the top-level ones.
#[derive(Debug, Clone)]
pub struct Override {
    /// The globs, relative to the config's directory (`*` stays within a directory, `**` spans).
    pub paths: Vec<glob::Pattern>,
    /// `key = value` context settings, in the order written.
    pub context: Vec<(String, String)>,
    /// Rule settings.
    pub rules: Vec<(RuleId, RuleSetting)>,
}

/// A suppression of one rule in one file, for files that cannot hold a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The file, relative to the config's directory.
    pub path: PathBuf,
    /// The rule.
    pub rule: RuleId,
    /// Why, as written.
    pub reason: Option<String>,
    /// Where the entry is in the config (its `rule` value).
    pub span: (usize, usize),
}

/// A read and checked project config.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// Its text (suppressions point into it).
    pub text: String,
    /// `key = value` context settings, in the order written.
    pub context: Vec<(String, String)>,
    /// Rule settings.
    pub rules: Vec<(RuleId, RuleSetting)>,
    /// Per-path overrides, in the order written (a later one wins).
    pub overrides: Vec<Override>,
    /// Suppressions for files without comments.
    pub suppressions: Vec<Suppression>,
}

/// Why a config cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigErrorKind {
    /// The file cannot be read.
    Unreadable(String),
    /// Not TOML, or a table or key the config does not have (the TOML reader's message).
    Toml(String),
    /// A `[context]` key `CONTEXT_KEYS` does not declare.
    UnknownContextKey {
        /// The key as written.
        key: String,
        /// Close declared keys.
        close: Vec<&'static str>,
    },
    /// A context value `Context::set` refuses, or of the wrong TOML type.
    BadContextValue(String),
    /// A rule id the registry does not have.
    UnknownRule {
        /// The id as written.
        id: String,
        /// Close ids.
        close: Vec<&'static str>,
    },
    /// A rule setting other than off, info, warning, error.
    BadSeverity(String),
    /// A glob that does not parse.
    BadGlob(String),
}

/// A [`ConfigErrorKind`] and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    /// 1-based line and column (0, 0 when the file could not be read).
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// What is wrong.
    pub kind: ConfigErrorKind,
}

impl fmt::Display for ConfigErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let did_you_mean = |close: &[&str]| {
            if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", close.join(", "))
            }
        };
        match self {
            ConfigErrorKind::Unreadable(reason) | ConfigErrorKind::Toml(reason) => {
                f.write_str(reason)
            }
            ConfigErrorKind::UnknownContextKey { key, close } => {
                let known: Vec<&str> = CONTEXT_KEYS.iter().map(|key| key.name).collect();
                let hint = if close.is_empty() {
                    format!("; known: {}", known.join(", "))
                } else {
                    did_you_mean(close)
                };
                write!(f, "unknown context key \"{key}\"{hint}")
            }
            ConfigErrorKind::BadContextValue(reason) => f.write_str(reason),
            ConfigErrorKind::UnknownRule { id, close } => {
                let hint = if close.is_empty() {
                    String::from("; `podnet rules` lists them")
                } else {
                    did_you_mean(close)
                };
                write!(f, "no rule \"{id}\"{hint}")
            }
            ConfigErrorKind::BadSeverity(value) => write!(
                f,
                "rule setting \"{value}\" is not one of off, info, warning, error"
            ),
            ConfigErrorKind::BadGlob(reason) => write!(f, "bad path pattern: {reason}"),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        if self.line == 0 {
            write!(f, "{path}: {}", self.kind)
        } else {
            write!(f, "{path}:{}:{}: {}", self.line, self.column, self.kind)
        }
    }
}

/// The file as TOML: unknown tables and keys are refused by `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    context: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    suppress: Vec<RawSuppression>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    context: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppression {
    path: Spanned<String>,
    rule: Spanned<String>,
    reason: Option<String>,
}

/// The config to use: `explicit` (`--config FILE`), else `.podnet.toml` in `start` or the
/// nearest directory above it, else none.
pub fn find_and_load(explicit: Option<&Path>, start: &Path) -> Result<Option<Config>, ConfigError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        // Named relative to `start` (`.podnet.toml`, `../.podnet.toml`), as messages show it.
        None => match start
            .ancestors()
            .position(|dir| dir.join(FILE_NAME).is_file())
        {
            Some(depth) => std::iter::repeat_n(Path::new(".."), depth)
                .collect::<PathBuf>()
                .join(FILE_NAME),
            None => return Ok(None),
        },
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        path: path.clone(),
        line: 0,
        column: 0,
        kind: ConfigErrorKind::Unreadable(format!("cannot read the config: {e}")),
    })?;
    parse(&path, &text).map(Some)
}

/// Reads and checks a config's text; `path` is where it came from.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let index = LineIndex::new(text);
    let error = |span: (usize, usize), kind: ConfigErrorKind| {
        let (line, column) = index.position(span.0);
        ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            kind,
        }
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let span = e.span().map_or((0, 0), |span| (span.start, span.end));
        error(
            span,
            ConfigErrorKind::Toml(e.message().trim_end().to_string()),
        )
    })?;
    let mut overrides = Vec::new();
    for raw_override in raw.overrides {
        let mut paths = Vec::new();
        for pattern in &raw_override.paths {
            let glob = glob::Pattern::new(pattern.get_ref())
                .map_err(|e| error(span_of(pattern), ConfigErrorKind::BadGlob(e.to_string())))?;
            paths.push(glob);
        }
        overrides.push(Override {
            paths,
            context: context(&raw_override.context).map_err(|(span, kind)| error(span, kind))?,
            rules: rules(&raw_override.rules).map_err(|(span, kind)| error(span, kind))?,
        });
    }
    let mut suppressions = Vec::new();
    for entry in raw.suppress {
        let rule = rule_id(&entry.rule).map_err(|(span, kind)| error(span, kind))?;
        suppressions.push(Suppression {
            path: PathBuf::from(entry.path.get_ref()),
            rule,
            reason: entry.reason,
            span: span_of(&entry.rule),
        });
    }
    Ok(Config {
        path: path.to_path_buf(),
        text: text.to_string(),
        context: context(&raw.context).map_err(|(span, kind)| error(span, kind))?,
        rules: rules(&raw.rules).map_err(|(span, kind)| error(span, kind))?,
        overrides,
        suppressions,
    })
}

type Problem = ((usize, usize), ConfigErrorKind);

fn span_of<T>(value: &Spanned<T>) -> (usize, usize) {
    let span = value.span();
    (span.start, span.end)
}

/// A `[context]` table as `key = value` settings, each checked by `Context::set`.
fn context(
    table: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
) -> Result<Vec<(String, String)>, Problem> {
    let mut settings = Vec::new();
    let mut scratch = Context::default();
    // In the order written, not the map's (repeated keys cannot occur in TOML).
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let Some(declared) = ContextKey::named(key.get_ref()) else {
            let close = CONTEXT_KEYS
                .iter()
                .map(|declared| declared.name)
                .filter(|name| {
                    podnet_core::edit_distance::edit_distance(
                        name.as_bytes(),
                        key.get_ref().as_bytes(),
                    ) <= 2
                })
                .collect();
            return Err((
                span_of(key),
                ConfigErrorKind::UnknownContextKey {
                    key: key.get_ref().clone(),
                    close,
                },
            ));
        };
        let bad = |reason: String| (span_of(value), ConfigErrorKind::BadContextValue(reason));
        let texts: Vec<String> = match value.get_ref() {
            toml::Value::Array(items) if declared.repeatable() => items
                .iter()
                .map(|item| {
                    scalar(item).ok_or_else(|| {
                        bad(format!(
                            "{}: each value is a string or a number",
                            declared.name
                        ))
                    })
                })
                .collect::<Result<_, _>>()?,
            item => vec![scalar(item).ok_or_else(|| {
                bad(format!(
                    "{}: {} (for example {} = {:?})",
                    declared.name,
                    if declared.repeatable() {
                        "a string, a number or a list of them"
                    } else {
                        "a string or a number"
                    },
                    declared.name,
                    declared.example
                ))
            })?],
        };
        for text in texts {
            scratch.set(declared.name, &text).map_err(bad)?;
            settings.push((declared.name.to_string(), text));
        }
    }
    Ok(settings)
}

fn scalar(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(text) => Some(text.clone()),
        toml::Value::Integer(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A `[rules]` table, ids checked against the registry.
fn rules(
    table: &BTreeMap<Spanned<String>, Spanned<String>>,
) -> Result<Vec<(RuleId, RuleSetting)>, Problem> {
    let mut settings = Vec::new();
    for (id, setting) in table {
        let rule = rule_id(id)?;
        let setting = match setting.get_ref().as_str() {
            "off" => RuleSetting::Off,
            "info" => RuleSetting::Severity(Severity::Info),
            "warning" => RuleSetting::Severity(Severity::Warning),
            "error" => RuleSetting::Severity(Severity::Error),
            other => {
                return Err((
                    span_of(setting),
                    ConfigErrorKind::BadSeverity(other.to_string()),
                ))
            }
        };
        settings.push((rule, setting));
    }
    Ok(settings)
}

fn rule_id(id: &Spanned<String>) -> Result<RuleId, Problem> {
    RuleId::from_id(id.get_ref()).ok_or_else(|| {
        (
            span_of(id),
            ConfigErrorKind::UnknownRule {
                id: id.get_ref().clone(),
                close: RuleId::closest(id.get_ref()),
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        parse(Path::new(".podnet.toml"), text)
            .map(|_| String::from("no error"))
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn a_full_config_reads_in_the_order_written() {
        let config = parse(
            Path::new("x/.podnet.toml"),
            "[context]\nnodes = 300\navoid = [\"10.0.0.0/8\", \"192.168.0.0/16\"]\nplatform = \"azure\"\n\n[rules]\n\"flannel/udp-backend\" = \"off\"\n\"flannel/capacity\" = \"warning\"\n\n[[overrides]]\npaths = [\"dev/**\"]\ncontext = { nodes = 20 }\n\n[[suppress]]\npath = \"a.json\"\nrule = \"flannel/unknown-key\"\nreason = \"vendored\"\n",
        )
        .expect("a good config");
        assert_eq!(
            config.context,
            [
                ("nodes".to_string(), "300".to_string()),
                ("avoid".to_string(), "10.0.0.0/8".to_string()),
                ("avoid".to_string(), "192.168.0.0/16".to_string()),
                ("platform".to_string(), "azure".to_string()),
            ]
        );
        assert!(config
            .rules
            .contains(&(RuleId::FlannelUdpBackend, RuleSetting::Off)));
        assert!(config.rules.contains(&(
            RuleId::FlannelCapacity,
            RuleSetting::Severity(Severity::Warning)
        )));
        assert!(config.overrides[0].paths[0].matches("dev/a/b.json"));
        assert_eq!(
            config.overrides[0].context,
            [("nodes".to_string(), "20".to_string())]
        );
        assert_eq!(config.suppressions[0].rule, RuleId::FlannelUnknownKey);
        assert_eq!(config.suppressions[0].reason.as_deref(), Some("vendored"));
    }

    #[test]
    fn every_mistake_has_its_line_and_column() {
        assert_eq!(
            error_of("[context]\nnodes = 3\n\n[rulez]\n"),
            ".podnet.toml:4:2: unknown field `rulez`, expected one of `context`, `rules`, `overrides`, `suppress`"
        );
        assert_eq!(
            error_of("[context]\n  nodez = 3\n"),
            ".podnet.toml:2:3: unknown context key \"nodez\"; did you mean nodes?"
        );
        assert_eq!(
            error_of("[context]\nnodes = \"many\"\n"),
            ".podnet.toml:2:9: nodes must be a whole number from 1 to 1000000, not \"many\""
        );
        assert_eq!(
            error_of("[rules]\n\"flannel/node-capacty\" = \"off\"\n"),
            ".podnet.toml:2:1: no rule \"flannel/node-capacty\"; did you mean flannel/node-capacity?"
        );
        assert_eq!(
            error_of("[rules]\n\"flannel/capacity\" = \"loud\"\n"),
            ".podnet.toml:2:22: rule setting \"loud\" is not one of off, info, warning, error"
        );
        assert_eq!(
            error_of("[[overrides]]\npaths = [\"a/**\"]\nnodes = 3\n"),
            ".podnet.toml:3:1: unknown field `nodes`, expected one of `paths`, `context`, `rules`"
        );
        assert!(error_of("[context]\nnodes = [1]\n")
            .starts_with(".podnet.toml:2:9: nodes: a string or a number"));
        assert!(
            error_of("nodes = \n").starts_with(".podnet.toml:1:"),
            "{}",
            error_of("nodes = \n")
        );
    }
}
