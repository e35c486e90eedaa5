//! What every `net-conf.json` rule receives: the parsed config, the whole cluster model, the
//! mode and the underlay it gives, the MTU numbers and what redaction replaced.

use super::mode::Mode;
use super::netconf::NetConf;
use super::underlay::Underlay;
use crate::model::ClusterModel;
use crate::redact::Redaction;
use crate::report::MtuReport;

/// The inputs of one rule run over one `net-conf.json`.
pub struct Check<'a> {
    /// The typed config.
    pub conf: &'a NetConf,
    /// The inner text the config was parsed from (offsets in `conf` point into it).
    pub text: &'a str,
    /// Every value the paste and the context state.
    pub model: &'a ClusterModel,
    /// The platform and underlay MTU the model states.
    pub underlay: Underlay,
    /// How node ranges are handed out.
    pub mode: Mode,
    /// The MTU numbers flannel computes for this config.
    pub mtu: &'a MtuReport,
    /// What redaction replaced (placeholders and the secrets' lengths, never the values).
    pub redactions: &'a [Redaction],
}
