//! Rule `flannel/kube-mode-ignored-key`: SubnetLen, SubnetMin, SubnetMax (and their IPv6 forms)
//! do nothing with `--kube-subnet-mgr`.

use alloc::format;

use crate::context::SubnetManager;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::inputs::Check;
use crate::flannel::mode::Mode;
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelKubeModeIgnoredKey,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "SubnetLen, SubnetMin and SubnetMax (and their IPv6 forms) have no effect in kube mode.",
    what: "Any of SubnetLen, SubnetMin, SubnetMax, IPv6SubnetLen, IPv6SubnetMin, IPv6SubnetMax written in a config that runs, or may run, with --kube-subnet-mgr (the official manifest). A warning when kube mode is known, information when the mode is not.",
    why: "With --kube-subnet-mgr each node's range is its node.spec.podCIDR, which kube-controller-manager allocates from --cluster-cidr in blocks of --node-cidr-mask-size (default /24 IPv4, /64 IPv6). The key looks set but nothing changes: a recurring confusion (flannel issues #847, #1328, #1504).",
    how_to_fix: "Change the per-node size with kube-controller-manager --node-cidr-mask-size (kubeadm: controllerManager.extraArgs) and remove the key, or run flanneld in etcd mode where the keys apply. There is no automatic fix.",
    source: "flannel-io/flannel pkg/subnet/kube/kube.go and pkg/subnet/config.go (CheckNetworkConfig runs only in etcd mode); kube-controller-manager node IPAM (--node-cidr-mask-size).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each ignored key (nothing in etcd mode).
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if !check.mode.may_be_kube() {
        return;
    }
    let conf = check.conf;
    // kube-controller-manager's mask, for the family of each key, as the model states it.
    let mask = |family| {
        check
            .model
            .node_masks_for(family, SubnetManager::Kube)
            .next()
            .map(|stated| stated.value.prefix)
    };
    // Whatever the value (a number, a template placeholder), kube mode does not read these keys.
    let ignored = [
        "SubnetLen",
        "SubnetMin",
        "SubnetMax",
        "IPv6SubnetLen",
        "IPv6SubnetMin",
        "IPv6SubnetMax",
    ];
    for name in ignored {
        let Some(member) = conf.root.get_ignore_case(name) else {
            continue;
        };
        let range = (member.value.start, member.value.end);
        let (family, default) = if name.starts_with("IPv6") {
            (IpFamily::V6, 64)
        } else {
            (IpFamily::V4, 24)
        };
        let mask = mask(family);
        let size = mask.unwrap_or(default);
        let source = if mask.is_some() {
            "as you set"
        } else {
            "its default"
        };
        // Known kube mode: the key does nothing, a surprise worth a warning. Mode unknown: the key
        // works in etcd mode (flannel's own etcd examples write it), so only say what kube mode does.
        let (severity, lead) = if check.mode == Mode::Kube {
            (Severity::Warning, "")
        } else {
            (Severity::Info, "if flanneld runs in kube mode, ")
        };
        out.report(Draft { rule: RuleId::FlannelKubeModeIgnoredKey, severity, at: range, message: format!("{lead}{name} is ignored with --kube-subnet-mgr: each node gets a /{size} from kube-controller-manager --node-cidr-mask-size ({source})"), why: format!("In kube mode flannel uses node.spec.podCIDR, which kube-controller-manager allocates from --cluster-cidr in blocks of --node-cidr-mask-size (default /24 IPv4, /64 IPv6). {name} has no effect; change the per-node size with --node-cidr-mask-size (kubeadm: controllerManager.extraArgs) instead, or run flanneld in etcd mode."), fix: None });
    }
}
