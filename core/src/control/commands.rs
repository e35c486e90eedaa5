//! Control-plane command lines: `kube-controller-manager …` (typed, or a systemd unit's
//! `ExecStart=`), `kubeadm init …`, `k3s server …` and `rke2 server …`, at the start of a line
//! after blanks, a shell prompt or `sudo`. The words are split by the AKS lexer
//! ([`crate::aks::lexer::command_at`]), which keeps every word's bytes, so a fix edits one value.

use alloc::vec::Vec;

use crate::aks::lexer::{command_at, RawCommand, Word};
use crate::document::DocumentKind;

/// One command line of the area and the settings its flags give.
pub struct Command {
    /// What it runs.
    pub kind: DocumentKind,
    /// The words as the shell splits them.
    pub raw: RawCommand,
}

/// Every control-plane command line in `text`.
pub fn find(text: &str) -> Vec<Command> {
    let mut found = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |at| line_start + at);
        let mut resume = (line_end + 1).min(text.len());
        if let Some(start) = program_start(text, line_start, line_end) {
            let raw = command_at(text, start);
            let kind = raw.words.first().and_then(|first| kind_of(&raw, first));
            // After `# ` (a root prompt, or a comment) a command must show a flag.
            let commented = text[line_start..start].trim_start().starts_with('#');
            let flagged = raw.words.iter().any(|word| word.value.starts_with("--"));
            if let Some(kind) = kind.filter(|_| flagged || !commented) {
                resume = resume.max(next_line(text, raw.end));
                found.push(Command { kind, raw });
            }
        }
        line_start = resume;
    }
    found
}

/// Where the program's name starts on the line, after blanks, a prompt (`$ `, `# `,
/// `user@host:~$ `), `sudo ` or a systemd `ExecStart=`, or after the columns of a `ps aux` /
/// `ps -ef` line (not the `grep kube-controller-manager` process such a listing also shows).
fn program_start(text: &str, line_start: usize, line_end: usize) -> Option<usize> {
    let line = &text[line_start..line_end];
    let mut rest = line.trim_start();
    if let Some(after) = rest.strip_prefix("ExecStart=") {
        rest = after.strip_prefix('-').unwrap_or(after);
    } else {
        for prompt in ["$ ", "# "] {
            if let Some(after) = rest.strip_prefix(prompt) {
                rest = after.trim_start();
            }
        }
        if let Some(end) = rest.find("$ ").or_else(|| rest.find("# ")) {
            let prompt = &rest[..end];
            if !prompt.contains(' ') && (prompt.contains('@') || prompt.starts_with('[')) {
                rest = rest[end + 2..].trim_start();
            }
        }
        if let Some(after) = rest.strip_prefix("sudo ") {
            rest = after.trim_start();
        }
    }
    let start = line_start + (line.len() - rest.len());
    let known = |word: &str| {
        let program = word.rsplit('/').next().unwrap_or_default();
        PROGRAMS.iter().any(|(known, _)| *known == program)
    };
    let name = rest
        .split([' ', '\t', '\\', '\r'])
        .next()
        .unwrap_or_default();
    if known(name) {
        return Some(start);
    }
    // `ps aux` / `ps -ef` output: the user, the PID (digits), more columns, then the command.
    let mut words = rest.split([' ', '\t']).filter(|word| !word.is_empty());
    let pid = words.nth(1)?;
    if !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let program = words
        .take_while(|word| word.rsplit('/').next() != Some("grep"))
        .find(|word| known(word))?;
    Some(line_start + (program.as_ptr() as usize - line.as_ptr() as usize))
}

/// The programs whose command lines the area reads, with the subcommand each must run (the
/// flags of `kubeadm join` or `k3s agent` say nothing about the cluster's ranges).
const PROGRAMS: [(&str, Option<&str>); 5] = [
    ("kube-controller-manager", None),
    ("hyperkube", Some("kube-controller-manager")),
    ("kubeadm", Some("init")),
    ("k3s", Some("server")),
    ("rke2", Some("server")),
];

/// The kind of document the command is, when it runs the subcommand that matters.
fn kind_of(raw: &RawCommand, first: &Word) -> Option<DocumentKind> {
    let program = first.value.rsplit('/').next()?;
    let (_, sub) = PROGRAMS.iter().find(|(known, _)| *known == program)?;
    if let Some(sub) = sub {
        raw.words.get(1).filter(|word| word.value == *sub)?;
    }
    Some(match program {
        "kubeadm" => DocumentKind::KubeadmInit,
        "k3s" | "rke2" => DocumentKind::K3sServer,
        _ => DocumentKind::ControllerManager,
    })
}

fn next_line(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[at..].find('\n').map_or(text.len(), |end| at + end + 1)
}

/// Each flag of the command as (name without dashes, value, the word holding the value, the
/// value's offset in that word's decoded text): `--name=value`, or `--name value` for a flag
/// whose value is the next word (a switch such as `--allocate-node-cidrs` alone is `true`).
pub fn flags(raw: &RawCommand) -> Vec<(&str, &str, &Word, usize)> {
    let mut out = Vec::new();
    let mut words = raw.words.iter().skip(1).peekable();
    while let Some(word) = words.next() {
        let Some(flag) = word.value.strip_prefix("--") else {
            continue;
        };
        let dashes = word.value.len() - flag.len();
        if let Some((name, value)) = flag.split_once('=') {
            let at = dashes + name.len() + 1;
            // k3s passes a flag on: `--kube-controller-manager-arg=node-cidr-mask-size=25`.
            match value
                .split_once('=')
                .filter(|_| name == "kube-controller-manager-arg")
            {
                Some((inner, value)) => out.push((inner, value, word, at + inner.len() + 1)),
                None => out.push((name, value, word, at)),
            }
        } else if super::settings::key(flag).is_some_and(|key| key == "allocate-node-cidrs") {
            out.push((flag, "true", word, word.value.len()));
        } else if let Some(value) = words.next_if(|next| !next.value.starts_with('-')) {
            out.push((flag, value.value.as_str(), value, 0));
        }
    }
    out
}
