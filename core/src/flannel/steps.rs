//! Rollout steps: what to run after applying podnet's fixes to a flannel config.
//!
//! Editing the ConfigMap changes nothing until flanneld restarts and reads it again; in kube mode a
//! new Network also needs kube-controller-manager's `--cluster-cidr` (and the node ranges it already
//! handed out do not move).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::context::SubnetManager;

/// The steps after fixing a ConfigMap in `namespace` (`None`: kube-flannel); `network_changed`
/// when a fix rewrites Network, `mtu_changed` when one changes an MTU.
pub fn rollout(
    namespace: Option<&str>,
    manager: SubnetManager,
    network_changed: bool,
    mtu_changed: bool,
) -> Vec<String> {
    let namespace = namespace.unwrap_or("kube-flannel");
    let mut steps = alloc::vec![
        format!("Apply the corrected ConfigMap: `kubectl -n {namespace} apply -f kube-flannel.yml` (or `kubectl -n {namespace} edit cm kube-flannel-cfg` and paste the fixed net-conf.json)."),
        format!("Restart flanneld so it reads the new config: `kubectl -n {namespace} rollout restart ds/kube-flannel-ds` and wait for `kubectl -n {namespace} rollout status ds/kube-flannel-ds`."),
    ];
    if network_changed && manager == SubnetManager::Kube {
        steps.push(String::from("Kube mode: set kube-controller-manager --cluster-cidr (kubeadm podSubnet / --pod-network-cidr) to the same Network and keep --node-cidr-mask-size in step; nodes keep the podCIDR they already have until they are drained, deleted and re-joined."));
    }
    if network_changed && manager == SubnetManager::Etcd {
        steps.push(String::from("Etcd mode: existing leases keep their old subnets until they expire; restart flanneld node by node and check /run/flannel/subnet.env on each."));
    }
    if mtu_changed {
        steps.push(String::from("Pods keep the MTU they were created with: restart workloads (for example `kubectl rollout restart deploy -n <namespace>`) after flanneld restarts, then prove the path with the ping -M do pair from the MTU finding."));
    }
    steps
}
