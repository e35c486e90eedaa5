//! The node network under flannel's overlay, as the cluster model states it: the platform and
//! the underlay MTU (the context's today; a node listing's or a cloud config's later).

use crate::context::Platform;
use crate::model::ClusterModel;

/// Where the nodes run and the MTU of their network, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Underlay {
    /// The platform (generic when nothing says).
    pub platform: Platform,
    /// The underlay MTU a source states.
    pub mtu: Option<u32>,
}

impl Underlay {
    /// The first platform and underlay MTU the model states.
    pub fn of(model: &ClusterModel) -> Underlay {
        Underlay {
            platform: model.platform.first().map(|s| s.value).unwrap_or_default(),
            mtu: model.underlay_mtu.first().map(|s| s.value),
        }
    }

    /// The underlay MTU: the stated one, else the platform's default.
    pub fn mtu_or_default(&self) -> u32 {
        self.mtu.unwrap_or(self.platform.default_mtu())
    }
}
