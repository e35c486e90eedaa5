//! flanneld's command line (`ps aux`, a systemd `ExecStart=`, a shell line): which subnet manager
//! it runs. `--kube-subnet-mgr` is kube mode; `--etcd-endpoints` or `--etcd-prefix` without it is
//! etcd mode, and so is a flanneld started without either (its default: etcd on
//! 127.0.0.1:2379). Flags take one dash or two, and `=value` or the next word.

use alloc::vec::Vec;

use super::words::{lines_from, words, At};
use crate::context::SubnetManager;

/// One flanneld command line and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlanneldLine {
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The subnet manager, and the flag that shows it.
    pub manager: Option<(SubnetManager, At<()>)>,
}

/// Every flanneld command line in `text` that has flags.
pub fn find(text: &str) -> Vec<FlanneldLine> {
    let mut found = Vec::new();
    for (at, line) in lines_from(text, 0) {
        let all: Vec<At<&str>> = words(line, at).collect();
        let Some(program) = all.iter().position(|word| {
            let path = word.value.rsplit('/').next().unwrap_or_default();
            // `grep flanneld`, `"/opt/bin/flanneld"` (a manifest's JSON) are not the command.
            path.starts_with("flanneld") && !word.value.starts_with(['"', '\''])
        }) else {
            continue;
        };
        if program > 0 && all[program - 1].value == "grep" {
            continue;
        }
        let flags: Vec<&At<&str>> = all[program + 1..]
            .iter()
            .filter(|word| word.value.starts_with('-'))
            .collect();
        if flags.is_empty() {
            continue;
        }
        let named = |name: &str| {
            flags.iter().find(|word| {
                let flag = word.value.trim_start_matches('-');
                flag == name || flag.strip_prefix(name).is_some_and(|r| r.starts_with('='))
            })
        };
        let kube = named("kube-subnet-mgr").filter(|word| !word.value.ends_with("=false"));
        let etcd = named("etcd-endpoints").or_else(|| named("etcd-prefix"));
        let manager = match (kube, etcd) {
            (Some(flag), _) => Some((SubnetManager::Kube, *flag)),
            (None, Some(flag)) => Some((SubnetManager::Etcd, *flag)),
            // No `--kube-subnet-mgr`: flanneld's default, etcd at 127.0.0.1:2379.
            _ if flags.iter().all(|flag| !is_help(flag.value)) => {
                Some((SubnetManager::Etcd, &all[program]))
            }
            _ => None,
        };
        found.push(FlanneldLine {
            start: all[program].start,
            end: at + line.len(),
            manager: manager.map(|(m, flag): (SubnetManager, &At<&str>)| {
                let at = At {
                    value: (),
                    start: flag.start,
                    end: flag.end,
                };
                (m, at)
            }),
        });
    }
    found
}

fn is_help(flag: &str) -> bool {
    matches!(flag.trim_start_matches('-'), "help" | "h" | "version" | "v")
}
