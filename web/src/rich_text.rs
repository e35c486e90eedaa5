//! Messages and next steps split into plain text and code, pure text: the components draw each
//! part (`<code>` for code) and hold no parsing of their own.

/// A piece of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    /// Plain prose.
    Text(&'a str),
    /// A backquoted name or value.
    Code(&'a str),
    /// A whole command to run (`az aks update …`).
    Command(&'a str),
}

/// `text` with its backquoted parts as code (the backquotes dropped).
pub fn with_code(text: &str) -> Vec<Part<'_>> {
    text.split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                Part::Code(part)
            } else {
                Part::Text(part)
            }
        })
        .collect()
}

/// A next step: its backquoted parts as code, or, in a step without backquotes that is prose
/// and then a command after ": ", the command (from its `az`) as a command.
pub fn next_step(text: &str) -> Vec<Part<'_>> {
    if text.contains('`') {
        return with_code(text);
    }
    match text.rfind(": az ") {
        Some(at) => vec![Part::Text(&text[..at + 2]), Part::Command(&text[at + 2..])],
        None => vec![Part::Text(text)],
    }
}

/// The programs a next step's code may start with to count as a command to copy.
const PROGRAMS: [&str; 8] = [
    "kubectl ",
    "az ",
    "ping ",
    "helm ",
    "systemctl ",
    "cat ",
    "etcdctl ",
    "ls ",
];

/// The commands a next step holds, to copy as they are: its whole `az` command, or each
/// backquoted part that starts with a program people run (`kubectl …`, `ping -M do …`); names
/// and values in backquotes are not commands.
pub fn step_commands(text: &str) -> Vec<&str> {
    next_step(text)
        .into_iter()
        .filter_map(|part| match part {
            Part::Command(command) => Some(command),
            Part::Code(code) if PROGRAMS.iter().any(|p| code.starts_with(p)) => Some(code),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commands_of_a_step_are_what_it_asks_to_run() {
        let step = "Restart flanneld: `kubectl -n kube-flannel rollout restart ds/kube-flannel-ds` and wait for `kubectl -n kube-flannel rollout status ds/kube-flannel-ds`; keep `--cluster-cidr` in step.";
        assert_eq!(
            step_commands(step),
            [
                "kubectl -n kube-flannel rollout restart ds/kube-flannel-ds",
                "kubectl -n kube-flannel rollout status ds/kube-flannel-ds"
            ]
        );
        let az = "Move the cluster: az aks update -g rg -n aks --network-plugin-mode overlay";
        assert_eq!(
            step_commands(az),
            ["az aks update -g rg -n aks --network-plugin-mode overlay"]
        );
        assert!(step_commands("Pods keep the MTU they were created with.").is_empty());
        let paste =
            "Paste the leases too: `etcdctl get --prefix /coreos.com/network/subnets --keys-only`.";
        assert_eq!(
            step_commands(paste),
            ["etcdctl get --prefix /coreos.com/network/subnets --keys-only"]
        );
    }

    #[test]
    fn backquoted_parts_are_code() {
        assert_eq!(
            with_code("set `Network` to `10.244.0.0/15`."),
            [
                Part::Text("set "),
                Part::Code("Network"),
                Part::Text(" to "),
                Part::Code("10.244.0.0/15"),
                Part::Text("."),
            ]
        );
        assert_eq!(with_code("plain"), [Part::Text("plain")]);
        assert_eq!(with_code(""), []);
    }

    #[test]
    fn a_step_ending_in_an_az_command_shows_the_command() {
        assert_eq!(
            next_step(
                "Then move the cluster: az aks update -g rg -n aks --network-plugin-mode overlay"
            ),
            [
                Part::Text("Then move the cluster: "),
                Part::Command("az aks update -g rg -n aks --network-plugin-mode overlay"),
            ]
        );
        assert_eq!(
            next_step("Restart: `kubectl rollout restart ds/kube-flannel-ds`"),
            [
                Part::Text("Restart: "),
                Part::Code("kubectl rollout restart ds/kube-flannel-ds"),
            ]
        );
        assert_eq!(
            next_step("Nothing to run."),
            [Part::Text("Nothing to run.")]
        );
    }
}
