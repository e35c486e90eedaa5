//! Rule `flannel/etcd-v2-store`: flannel's config written with an etcd v2 command.

use alloc::format;
use alloc::string::String;

use crate::detect::EtcdWrite;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelEtcdV2Store,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "flannel's etcd config is written to etcd's v3 store, which flannel v0.18 and later read.",
    what: "An etcdctl set, mk or update of flannel's config key (such as /coreos.com/network/config): commands of etcd's v2 API.",
    why: "flannel v0.18.0 moved to the etcd v3 client, so it never sees a config written to the v2 store and stops with \"flannel config not found in etcd store\"; etcdctl 3.4 and later have no set at all unless ETCDCTL_API=2. With flannel before v0.18 the v2 store is right.",
    how_to_fix: "Write the same key and JSON with ETCDCTL_API=3 etcdctl put <key> '<json>'. There is no automatic fix.",
    source: "flannel-io/flannel commit f4326fc8 (v0.18.0, etcd v3 client) and pkg/subnet/etcd/registry.go.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports the v2 write.
pub fn check(write: &EtcdWrite, out: &mut Emitter<'_>) {
    out.report(Draft { rule: RuleId::FlannelEtcdV2Store, severity: Severity::Warning, at: (write.start, write.end), message: format!("etcdctl {} writes etcd's v2 store; flannel v0.18 and later read only etcd v3", write.command), why: String::from("flannel v0.18.0 moved to the etcd v3 client, so it never sees a config written with set, mk or update (\"flannel config not found in etcd store\"), and etcdctl 3.4+ has no set. Use ETCDCTL_API=3 etcdctl put <key> '<json>'. With flannel before v0.18 the v2 store is right."), fix: None });
}
