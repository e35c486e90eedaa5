//! Rule `flannel/subnet-env-mtu`: `FLANNEL_MTU` in subnet.env against the pod MTU the config gives.

use alloc::format;
use alloc::string::String;

use crate::detect::EnvLine;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::mtu::ping_pair;
use crate::report::MtuReport;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelSubnetEnvMtu,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "FLANNEL_MTU in subnet.env is a number no larger than the pod MTU the config gives.",
    what: "A FLANNEL_MTU that is not a whole number (an error); one above the pod MTU of the net-conf.json in the paste (a warning); without a net-conf.json, one above 1450, which needs an underlay above 1500 with vxlan (information).",
    why: "flanneld writes FLANNEL_MTU = underlay − backend overhead to /run/flannel/subnet.env at start, and the flannel CNI plugin gives it to every new pod. A larger value than the config gives means a stale or hand-written file, or an interface MTU larger than the path carries: pods then send packets that are dropped.",
    how_to_fix: "Restart flanneld (the file is its output, not an input) and check the value it writes; if it is still too large, set the backend MTU key to the path MTU. There is no automatic fix.",
    source: "flannel-io/flannel pkg/subnet/subnet.go (WriteSubnetFile writes FLANNEL_MTU); flannel-io/cni-plugin flannel.go (reads subnet.env).",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks `FLANNEL_MTU` of a subnet.env against the pod MTU, and returns it when it is a number.
pub fn check(
    env: &[EnvLine],
    mtu: &MtuReport,
    assumed: bool,
    out: &mut Emitter<'_>,
) -> Option<u32> {
    let line = env.iter().find(|line| line.key == "FLANNEL_MTU")?;
    let Ok(value) = line.value.trim().parse::<u32>() else {
        out.report(Draft {
            rule: RuleId::FlannelSubnetEnvMtu,
            severity: Severity::Error,
            at: (line.value_start, line.value_end),
            message: format!("FLANNEL_MTU \"{}\" is not a number", line.value),
            why: String::from("flanneld writes FLANNEL_MTU as a whole number of bytes."),
            fix: None,
        });
        return None;
    };
    if value > mtu.pod_mtu && !assumed {
        out.report(Draft { rule: RuleId::FlannelSubnetEnvMtu, severity: Severity::Warning, at: (line.value_start, line.value_end), message: format!("FLANNEL_MTU={value} is above the pod MTU {} this config gives ({} − {} for {})", mtu.pod_mtu, mtu.underlay, mtu.overhead, mtu.backend), why: format!("flanneld rewrites /run/flannel/subnet.env at start; a larger value means a stale or hand-written file, or flanneld saw a larger interface MTU than the path carries. Restart flanneld. {}", ping_pair(mtu.pod_mtu)), fix: None });
    } else if assumed && value > 1450 && value + 50 > 1500 {
        out.report(Draft {
            rule: RuleId::FlannelSubnetEnvMtu,
            severity: Severity::Info,
            at: (line.value_start, line.value_end),
            message: format!(
                "FLANNEL_MTU={value}: with vxlan that needs an underlay of at least {}",
                value + 50
            ),
            why: format!(
                "flanneld writes FLANNEL_MTU = underlay − backend overhead (vxlan 50). {}",
                ping_pair(value)
            ),
            fix: None,
        });
    }
    Some(value)
}
