//! Which subnet manager flanneld runs with (kube, etcd, or not known), and how a finding that
//! holds in one mode only says so.

use crate::context::SubnetManager;
use crate::model::{ClusterModel, Origin};

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

    /// The mode the model's statements give: the subnet manager the user gave, else what the
    /// documents show (etcd evidence first, then a ConfigMap's kube mode), else kube mode when
    /// something states kube-controller-manager's `--cluster-cidr` or `--node-cidr-mask-size`,
    /// which only kube mode uses.
    pub fn of_model(model: &ClusterModel) -> Mode {
        let stated = |wanted: fn(&Origin) -> bool, manager: SubnetManager| {
            model
                .subnet_manager
                .iter()
                .any(|s| wanted(&s.source.origin) && s.value == manager)
        };
        let by_context = |origin: &Origin| *origin == Origin::Context;
        let by_document = |origin: &Origin| *origin != Origin::Context;
        let controller = !model.cluster_cidrs.is_empty()
            || model
                .node_masks
                .iter()
                .any(|mask| mask.value.manager == SubnetManager::Kube);
        let given = model
            .subnet_manager
            .iter()
            .find(|s| by_context(&s.source.origin))
            .map(|s| s.value);
        let shown = if stated(by_document, SubnetManager::Etcd) {
            Mode::Etcd
        } else if stated(by_document, SubnetManager::Kube) || controller {
            Mode::Kube
        } else {
            Mode::Unknown
        };
        Mode::of(given, shown)
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
            " flannel validates this only in etcd mode (without --kube-subnet-mgr); kube mode ignores SubnetLen/Min/Max. The paste does not say which mode runs."
        } else {
            ""
        }
    }
}
