//! Rule `symptom/flannel-config-invalid`: flanneld refused its net-conf.json's numbers.

use alloc::string::String;

use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{CONFIGMAP, ETCD};
use crate::symptom::capacity::say;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str =
    "flanneld refused Network, SubnetLen, SubnetMin or SubnetMax and does not start.";
const WHY: &str = "1. Network longer than /28, or SubnetLen fitting fewer than 4 times. 2. SubnetMin/Max outside Network or off a SubnetLen boundary. 3. Network missing.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelConfigInvalid,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: network is too small / SubnetLen must be less than /31 / SubnetMin is not in the range of the Network / not on a SubnetLen boundary.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Paste the net-conf.json: podnet names the key and offers the corrected numbers.",
    source: "flannel-io/flannel@cdf7605 pkg/subnet/config.go:77-134 (CheckNetworkConfig) and :144-194 for IPv6.",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the pool a config of the analysis states.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    match model.pod_pools.first() {
        Some(pool) => say(&mut here, "Network here:", &pool.value, &pool.source, "."),
        None => {
            out.paste(CONFIGMAP.0, CONFIGMAP.1);
            out.paste(ETCD.0, ETCD.1);
        }
    }
    out.report(
        seen,
        RULE.rule,
        String::from("flanneld refused its network config's numbers"),
        (MEANS, WHY),
        here,
    );
}
