//! What every flannel rule receives: the parsed config, the context, the mode, the MTU numbers,
//! and helpers that build minimal edits inside the inner `net-conf.json` text.

use alloc::format;
use alloc::string::String;

use super::netconf::NetConf;
use crate::context::{Context, SubnetManager};
use crate::json::{Member, Node};
use crate::redact::Redaction;
use crate::report::MtuReport;

/// Which subnet manager flanneld runs with, as far as the paste and the context tell.
///
/// The official kube-flannel.yml (and any ConfigMap) runs `--kube-subnet-mgr`; an `etcdctl`
/// line, or a flanneld DaemonSet without that flag, is etcd mode; a bare net-conf.json says
/// nothing, and flannel's own docs show it in both. Rules that hold in one mode only say which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--kube-subnet-mgr`: node ranges from kube-controller-manager.
    Kube,
    /// flannel's own subnet manager on etcd: leases of SubnetLen from Network.
    Etcd,
    /// Not known: a config that fails in either mode is still an error, and says in which.
    Unknown,
}

impl Mode {
    /// The mode the user gave, else what the paste shows.
    pub fn of(given: Option<SubnetManager>, shown: Mode) -> Mode {
        match given {
            Some(SubnetManager::Kube) => Mode::Kube,
            Some(SubnetManager::Etcd) => Mode::Etcd,
            None => shown,
        }
    }

    /// True when flanneld may run in etcd mode (flannel's own validation applies).
    pub fn may_be_etcd(self) -> bool {
        self != Mode::Kube
    }

    /// True when flanneld may run in kube mode.
    pub fn may_be_kube(self) -> bool {
        self != Mode::Etcd
    }

    /// The manager whose arithmetic the numbers use: etcd only when known to be etcd.
    pub fn manager(self) -> SubnetManager {
        match self {
            Mode::Etcd => SubnetManager::Etcd,
            _ => SubnetManager::Kube,
        }
    }

    /// Words to add to the message of a finding that holds only in etcd mode, when the mode is
    /// not known.
    pub fn etcd_only(self) -> &'static str {
        if self == Mode::Unknown {
            " (in etcd mode)"
        } else {
            ""
        }
    }

    /// A sentence for the explanation of such a finding.
    pub fn etcd_only_why(self) -> &'static str {
        if self == Mode::Unknown {
            " flannel validates this only in etcd mode (without --kube-subnet-mgr); kube mode ignores SubnetLen/Min/Max. The paste does not say which mode runs, and failing in either is an error."
        } else {
            ""
        }
    }
}

/// The inputs of one rule run over one `net-conf.json`.
pub struct Check<'a> {
    /// The typed config.
    pub conf: &'a NetConf,
    /// The inner text the config was parsed from (offsets in `conf` point into it).
    pub text: &'a str,
    /// What the user told podnet.
    pub context: &'a Context,
    /// How node ranges are handed out.
    pub mode: Mode,
    /// The MTU numbers flannel computes for this config.
    pub mtu: &'a MtuReport,
    /// What redaction replaced (placeholders and the secrets' lengths, never the values).
    pub redactions: &'a [Redaction],
}

/// Where and what to insert to add `member` (`"Key": value`) as the last member of `object`,
/// matching the object's layout: on its own line with the same indentation when the members are
/// one per line, after `, ` otherwise.
pub fn insert_member(text: &str, object: &Node, member: &str) -> (usize, String) {
    match object.members().and_then(|members| members.last()) {
        Some(last) => insert_after(text, object, last, member),
        None => insert_first(text, object, member),
    }
}

/// Where and what to insert to add `member` right after `after`, a member of `object`.
/// Rules that add different keys use different anchors so that their fixes never clash.
pub fn insert_after(text: &str, object: &Node, after: &Member, member: &str) -> (usize, String) {
    (
        after.value.end,
        format!(",{}{member}", layout_gap(text, object)),
    )
}

/// Where and what to insert to add `member` as the first member of `object`.
pub fn insert_first(text: &str, object: &Node, member: &str) -> (usize, String) {
    let Some(first) = object.members().and_then(|members| members.first()) else {
        return (object.start + 1, String::from(member));
    };
    (
        first.key_start,
        format!("{member},{}", layout_gap(text, object)),
    )
}

/// The white space between members: a line break and the members' indentation when the object
/// has one member per line, a single space otherwise.
fn layout_gap(text: &str, object: &Node) -> String {
    let first = object.members().and_then(|members| members.first());
    let gap = first
        .and_then(|first| text.get(object.start + 1..first.key_start))
        .unwrap_or("");
    if gap.contains('\n') {
        format!("\n{}", gap.rsplit('\n').next().unwrap_or(""))
    } else {
        String::from(" ")
    }
}

/// The text of a JSON string holding `value` (no escaping needed for the values rules write).
pub fn quoted(value: &str) -> String {
    format!("\"{value}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn a_member_is_inserted_in_the_object_layout() {
        let pretty = "{\n  \"Network\": \"10.244.0.0/16\"\n}";
        let root = json::parse(pretty).expect("json");
        let (at, text) = insert_member(pretty, &root, "\"Backend\": {\"Type\": \"vxlan\"}");
        let mut fixed = String::from(pretty);
        fixed.insert_str(at, &text);
        assert_eq!(
            fixed,
            "{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}"
        );
        let compact = "{\"Network\":\"10.0.0.0/8\"}";
        let root = json::parse(compact).expect("json");
        let (at, text) = insert_member(compact, &root, "\"A\": 1");
        assert_eq!((at, text.as_str()), (23, ", \"A\": 1"));
        let empty = json::parse("{}").expect("json");
        assert_eq!(
            insert_member("{}", &empty, "\"A\": 1"),
            (1, String::from("\"A\": 1"))
        );
    }
}
