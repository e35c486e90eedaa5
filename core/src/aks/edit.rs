//! Minimal edits to a command line that keep the user's layout.
//!
//! Replacing a value changes only the value's bytes (quotes stay). New options go right after an
//! existing one: on a new line with the same indentation and continuation marker when that option
//! starts its own line, otherwise on the same line; `--flag=value` is used when the neighbouring
//! option was written that way. Removing an option removes its whole line when it has one.

use alloc::format;
use alloc::string::String;

use super::command::{AksCommand, Opt};
use crate::finding::Edit;

/// Replaces the value of `option` with `new`.
pub fn replace_value(option: &Opt, new: &str) -> Option<Edit> {
    let value = option.value.as_ref()?;
    Some(Edit::replace(value.start, value.end, new))
}

/// Inserts `flags` (name, value) after `anchor`, laid out like the command. Options whose name
/// starts at an offset in `removed` are being deleted.
pub fn insert_after(
    text: &str,
    command: &AksCommand,
    anchor: &Opt,
    flags: &[(&str, &str)],
    removed: &[usize],
) -> Edit {
    let separator = if anchor.equals { "=" } else { " " };
    let mut insertion = String::new();
    let own_line = line_indent(text, anchor.name_start);
    let marker = command.continuations.first();
    for (name, value) in flags {
        match (own_line, marker) {
            (Some(indent), Some(marker)) => {
                let gap = &text[marker.gap_start..marker.at];
                let gap = if gap.is_empty() { " " } else { gap };
                let newline = if line_ending_is_crlf(text, marker.at) {
                    "\r\n"
                } else {
                    "\n"
                };
                insertion.push_str(&format!(
                    "{gap}{}{newline}{indent}{name}{separator}{value}",
                    marker.marker
                ));
            }
            _ => insertion.push_str(&format!(" {name}{separator}{value}")),
        }
    }
    let continues_below = command
        .options
        .iter()
        .any(|o| o.name_start > anchor.end && !removed.contains(&o.name_start))
        || command.stray.iter().any(|&(start, _)| start > anchor.end);
    if command.missing_continuations.contains(&anchor.end) && continues_below {
        // The anchor's line lost its marker and `aks/continuation-missing` adds one there; the
        // inserted flags now end that line, so they carry the marker (and take the blanks the
        // marker fix would replace, so that the two clash and only this one applies).
        let marker = command.continuations.first();
        let gap = marker.map_or(" ", |m| &text[m.gap_start..m.at]);
        let gap = if gap.is_empty() { " " } else { gap };
        insertion.push_str(gap);
        insertion.push(marker.map_or('\\', |m| m.marker));
        let rest = &text[anchor.end..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        return Edit::replace(anchor.end, anchor.end + blanks, insertion);
    }
    if command.glued.contains(&anchor.end) {
        // A flag is glued right after the anchor, and `aks/flag-glued` inserts a blank there:
        // take the flag's first dash instead (`-` → `… -`), so that both fixes apply. That blank
        // separates the insertion from the value.
        let insertion = insertion.trim_start_matches(' ');
        return Edit::replace(anchor.end, anchor.end + 1, format!("{insertion} -"));
    }
    Edit::insert(anchor.end, insertion)
}

/// Inserts `flags` after the command's last option (or after `az aks create`).
/// Options whose name starts at an offset in `removed` are being deleted and are not used as the
/// anchor (an insertion inside a deleted range would be lost).
pub fn append(text: &str, command: &AksCommand, flags: &[(&str, &str)], removed: &[usize]) -> Edit {
    let anchor = command
        .options
        .iter()
        .rev()
        .find(|option| !removed.contains(&option.name_start));
    match anchor {
        Some(last) => insert_after(text, command, last, flags, removed),
        None => {
            let mut insertion = String::new();
            for (name, value) in flags {
                insertion.push_str(&format!(" {name} {value}"));
            }
            Edit::insert(command.verb_end, insertion)
        }
    }
}

/// Removes `option`: its whole line when it stands alone on a continued line, otherwise the option
/// and the blanks before it.
pub fn remove(text: &str, command: &AksCommand, option: &Opt) -> Edit {
    let line_start = text[..option.name_start].rfind('\n').map_or(0, |n| n + 1);
    let own_line = text[line_start..option.name_start].trim().is_empty();
    let line_end = text[option.end..]
        .find('\n')
        .map_or(text.len(), |n| option.end + n);
    let rest_of_line_blank = text[option.end..line_end].trim().is_empty();
    let continued_after = command
        .continuations
        .iter()
        .find(|c| c.gap_start >= option.end && text[option.end..c.gap_start].trim().is_empty());
    // The line goes on below although it lost its marker (the command is read on through it).
    let missing_after = rest_of_line_blank
        && command
            .missing_continuations
            .iter()
            .any(|&at| at >= option.end && at <= line_end);
    if own_line {
        if let Some(continuation) = continued_after {
            let next_line = text[continuation.at..]
                .find('\n')
                .map_or(text.len(), |n| continuation.at + n + 1);
            return Edit::replace(line_start, next_line, "");
        }
        if missing_after {
            return Edit::replace(line_start, (line_end + 1).min(text.len()), "");
        }
        // The last line: drop it together with the line break and marker of the line above
        // (and blanks after it, which would follow the new last line's content).
        let above = text[..line_start].trim_end_matches(['\n', '\r', ' ', '\t']);
        let after = &text[option.end..line_end];
        let end = option.end + (after.len() - after.trim_start_matches([' ', '\t']).len());
        if let Some(previous) = command
            .continuations
            .iter()
            .rev()
            .find(|c| c.at + 1 == above.len())
        {
            return Edit::replace(previous.gap_start, end, "");
        }
        if command.missing_continuations.contains(&above.len()) {
            // The line above lost its marker; with this line gone it is the last and needs none
            // (the command's fix then stands in for `aks/continuation-missing`'s, see
            // `settle_marker_fixes`).
            return Edit::replace(above.len(), end, "");
        }
    }
    if command.glued.contains(&option.name_start) {
        // Glued to the word before (`aks--flag x`): `aks/flag-glued` inserts a blank before it,
        // so take the blanks after it instead.
        let rest = &text[option.end..];
        let blanks_after = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        return Edit::replace(option.name_start, option.end + blanks_after, "");
    }
    let blanks_before = text[..option.name_start].len()
        - text[..option.name_start]
            .trim_end_matches([' ', '\t'])
            .len();
    Edit::replace(option.name_start - blanks_before, option.end, "")
}

/// The indentation of the line `at` is on, when only blanks stand before `at` on it.
fn line_indent(text: &str, at: usize) -> Option<&str> {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before)
}

fn line_ending_is_crlf(text: &str, marker_at: usize) -> bool {
    text[marker_at..]
        .find('\n')
        .is_some_and(|n| n > 0 && text.as_bytes()[marker_at + n - 1] == b'\r')
}

#[cfg(test)]
mod tests {
    use super::super::lexer::az_commands;
    use super::*;
    use crate::fix::apply_edits;

    fn model(text: &str) -> AksCommand {
        AksCommand::from_raw(&az_commands(text)[0]).expect("command")
    }

    #[test]
    fn insertion_follows_bash_layout() {
        let text = "az aks create \\\n    --network-plugin kubenet \\\n    --node-count 3\n";
        let command = model(text);
        let anchor = command.get("--network-plugin").expect("plugin");
        let edits = [
            replace_value(anchor, "azure").expect("value"),
            insert_after(
                text,
                &command,
                anchor,
                &[("--network-plugin-mode", "overlay")],
                &[],
            ),
        ];
        let (out, _) = apply_edits(text, &edits);
        assert_eq!(out, "az aks create \\\n    --network-plugin azure \\\n    --network-plugin-mode overlay \\\n    --node-count 3\n");
    }

    #[test]
    fn insertion_after_the_last_line_and_on_one_line() {
        let text = "az aks create `\r\n  --network-plugin kubenet\r\n";
        let command = model(text);
        let anchor = command.get("--network-plugin").expect("plugin");
        let (out, _) = apply_edits(
            text,
            &[insert_after(
                text,
                &command,
                anchor,
                &[("--pod-cidr", "100.64.0.0/10")],
                &[],
            )],
        );
        assert_eq!(
            out,
            "az aks create `\r\n  --network-plugin kubenet `\r\n  --pod-cidr 100.64.0.0/10\r\n"
        );
        let text = "az aks create -n a --network-plugin=kubenet -c 3";
        let command = model(text);
        let anchor = command.get("--network-plugin").expect("plugin");
        let (out, _) = apply_edits(
            text,
            &[insert_after(
                text,
                &command,
                anchor,
                &[("--network-plugin-mode", "overlay")],
                &[],
            )],
        );
        assert_eq!(
            out,
            "az aks create -n a --network-plugin=kubenet --network-plugin-mode=overlay -c 3"
        );
    }

    #[test]
    fn removal_takes_the_whole_line_or_the_option() {
        let cases = [
            (
                "az aks create \\\n  --docker-bridge-address 172.17.0.1/16 \\\n  -n a\n",
                "az aks create \\\n  -n a\n",
            ),
            (
                "az aks create \\\n  -n a \\\n  --docker-bridge-address 172.17.0.1/16\n",
                "az aks create \\\n  -n a\n",
            ),
            (
                "az aks create -n a --docker-bridge-address 172.17.0.1/16 -c 3",
                "az aks create -n a -c 3",
            ),
        ];
        for (text, expected) in cases {
            let command = model(text);
            let option = command.get("--docker-bridge-address").expect("option");
            let removed = apply_edits(text, &[remove(text, &command, option)]).0;
            assert_eq!(removed, expected, "removing from {text:?}");
        }
    }
}
