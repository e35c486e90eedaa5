//! Rule `flannel/etcd-v2-store` (warning): flannel's config written with an etcd v2 command.
//!
//! What it checks: `etcdctl set|mk|update /coreos.com/network/config '…'`.
//! Why it matters: those commands write etcd's v2 store. flannel v0.18.0 and later read
//! etcd v3 only, so flanneld never sees the config ("flannel config not found in etcd store"),
//! and etcdctl 3.4 and later have no `set` at all unless ETCDCTL_API=2.
//! Fix: `etcdctl put` with ETCDCTL_API=3 (the key and the JSON stay the same).
//! Source: flannel commit f4326fc8 (v0.18.0, etcd v3 client), `pkg/subnet/etcd/registry.go`.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;

use crate::detect::EtcdWrite;
use crate::emit::Emitter;
use crate::finding::Severity;

/// Reports the v2 write.
pub fn check(write: &EtcdWrite, out: &mut Emitter<'_>) {
    out.report(Draft { rule: RuleId::FlannelEtcdV2Store, severity: Severity::Warning, at: (write.start, write.end), message: format!("etcdctl {} writes etcd's v2 store; flannel v0.18 and later read only etcd v3", write.command), why: String::from("flannel v0.18.0 moved to the etcd v3 client, so it never sees a config written with set, mk or update (\"flannel config not found in etcd store\"), and etcdctl 3.4+ has no set. Use ETCDCTL_API=3 etcdctl put <key> '<json>'. With flannel before v0.18 the v2 store is right."), fix: None });
}
