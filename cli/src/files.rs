//! Which files a `podnet check PATH…` run reads: the named files as given, and every file under a
//! named directory, in a sorted, deterministic order.
//!
//! A walk decides by content, not by name (a net-conf.json may be called anything), so it lists
//! every regular file; the caller reads each one and skips quietly what podnet does not read. It
//! leaves out hidden files and directories (`.git`, `.venv`) and does not follow symbolic links.

use std::path::{Component, Path, PathBuf};

/// One input of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// True when the file was found by walking a directory (not named on the command line): a
    /// file podnet does not read is then skipped quietly.
    pub walked: bool,
}

impl Target {
    /// The name shown in messages and output: the path as given (a walk of `.` without its
    /// `./`), with `/` separators, or `<stdin>`.
    pub fn display(&self) -> String {
        match &self.path {
            None => String::from("<stdin>"),
            Some(path) => {
                let shown = if self.walked {
                    path.strip_prefix(".").unwrap_or(path)
                } else {
                    path
                };
                shown.to_string_lossy().replace('\\', "/")
            }
        }
    }
}

/// The targets `paths` name: no path or `-` is standard input, a directory is walked, anything
/// else is a file (read later, so that a missing file is reported like an unreadable one).
pub fn collect(paths: &[String]) -> Result<Vec<Target>, String> {
    if paths.is_empty() {
        return Ok(vec![Target {
            path: None,
            walked: false,
        }]);
    }
    let mut targets = Vec::new();
    for path in paths {
        if path == "-" {
            targets.push(Target {
                path: None,
                walked: false,
            });
            continue;
        }
        let path = PathBuf::from(path);
        if path.is_dir() {
            let mut found = Vec::new();
            walk(&path, &mut found).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            targets.extend(found.into_iter().map(|path| Target {
                path: Some(path),
                walked: true,
            }));
        } else {
            targets.push(Target {
                path: Some(path),
                walked: false,
            });
        }
    }
    Ok(targets)
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved lexically (symbolic links are
/// not followed): how a file is compared with the config's directory and the working directory.
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in cwd.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Pushes every regular, non-hidden file under `directory`, depth first, entries sorted by name.
fn walk(directory: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(directory)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, found)?;
        } else if kind.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_walked_sorted_without_hidden_entries() {
        let root = std::env::temp_dir().join(format!("podnet-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for file in ["b/z.yaml", "b/a.json", "a.sh", ".git/config", "c/.hidden"] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            std::fs::write(&path, "x").expect("file");
        }
        let targets = collect(&[root.to_string_lossy().into_owned()]).expect("walk");
        let names: Vec<String> = targets
            .iter()
            .map(|target| {
                let path = target.path.as_ref().expect("a file");
                assert!(target.walked);
                path.strip_prefix(&root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(names, ["a.sh", "b/a.json", "b/z.yaml"]);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn no_path_and_dash_are_standard_input_and_a_file_is_named() {
        assert_eq!(collect(&[]).expect("stdin")[0].path, None);
        let targets = collect(&["-".into(), "no/such.json".into()]).expect("targets");
        assert_eq!(targets[0].display(), "<stdin>");
        assert_eq!(targets[1].display(), "no/such.json");
        assert!(!targets[1].walked);
    }
}
