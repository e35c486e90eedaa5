//! What the CLI's integration tests share: a fresh directory with files in it, and the built
//! `podnet` run in a directory. Each test binary uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty directory for test `test` of suite `suite`, with `files` (path, content)
/// written into it.
pub fn repository<C: AsRef<[u8]>>(suite: &str, test: &str, files: &[(&str, C)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("podnet-{suite}-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("a scratch directory");
    write(&root, files);
    root
}

/// Writes `files` (path, content) under `root`, making their directories.
pub fn write<C: AsRef<[u8]>>(root: &Path, files: &[(&str, C)]) {
    for (path, content) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("directory");
        std::fs::write(path, content).expect("file");
    }
}

/// The built `podnet` with `args`, run in `directory`, without colour.
pub fn podnet(directory: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podnet"))
        .args(args)
        .current_dir(directory)
        .env("NO_COLOR", "1")
        .output()
        .expect("podnet runs")
}
