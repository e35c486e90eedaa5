//! Rule `flannel/subnet-env-mtu`: `FLANNEL_MTU` in subnet.env against the pod MTU the config gives.

use alloc::format;
use alloc::string::String;

use crate::detect::EnvLine;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::mtu::ping_pair;
use crate::report::MtuReport;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/subnet-env-mtu",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "",
    what: "",
    why: "",
    how_to_fix: "",
    source: "",
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
        out.report(Draft { rule: RuleId::FlannelSubnetEnvMtu, severity: Severity::Warning, at: (line.value_start, line.value_end), message: format!("FLANNEL_MTU={value} is above the pod MTU {} this config gives ({} − {} for {})", mtu.pod_mtu, mtu.underlay, mtu.overhead, mtu.backend), why: format!("flanneld rewrites /run/flannel/subnet.env at start; a larger value means a stale or hand-written file, or flanneld saw a larger interface MTU than the path carries. Restart flanneld (the file is its output, not an input). {}", ping_pair(mtu.pod_mtu)), fix: None });
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
