//! Rule `flannel/subnet-env-value`: the values of `/run/flannel/subnet.env` parse as the flannel
//! CNI plugin reads them.

use alloc::format;
use alloc::string::String;

use crate::detect::EnvLine;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::net::Cidr;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelSubnetEnvValue,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "FLANNEL_SUBNET, FLANNEL_NETWORK and FLANNEL_IPMASQ in subnet.env hold values the flannel CNI plugin can parse.",
    what: "A FLANNEL_SUBNET or FLANNEL_IPV6_SUBNET that is not one CIDR, a FLANNEL_NETWORK or FLANNEL_IPV6_NETWORK entry that is not a CIDR (a comma-separated list is fine there), a FLANNEL_IPMASQ that is not a boolean.",
    why: "The flannel CNI plugin reads subnet.env on every pod ADD and parses these values with Go's net.ParseCIDR and strconv.ParseBool; one that does not parse fails the creation of every pod on the node until flanneld rewrites the file.",
    how_to_fix: "Restart flanneld so it writes the file again (it is flanneld's output, not an input), or correct the value by hand: one block such as 10.244.3.1/24 for FLANNEL_SUBNET, true or false for FLANNEL_IPMASQ. There is no automatic fix.",
    source: "flannel-io/cni-plugin flannel.go (loadFlannelSubnetEnv); flannel-io/flannel pkg/subnet/subnet.go (WriteSubnetFile).",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks each line of one subnet.env.
pub fn check(env: &[EnvLine], out: &mut Emitter<'_>) {
    for line in env {
        let value = line.value.trim();
        let range = (line.value_start, line.value_end);
        match line.key.as_str() {
            "FLANNEL_SUBNET" | "FLANNEL_IPV6_SUBNET" if value.parse::<Cidr>().is_err() => {
                out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("{}={value} is not one CIDR: the flannel CNI plugin fails on it (\"invalid CIDR address\")", line.key), why: format!("The flannel CNI plugin reads {} with one net.ParseCIDR (flanneld writes one block, such as 10.244.3.1/24): every pod ADD on the node fails until flanneld rewrites the file.", line.key), fix: None });
            }
            "FLANNEL_NETWORK" | "FLANNEL_IPV6_NETWORK" => {
                for part in value.split(',') {
                    if part.trim().parse::<Cidr>().is_err() {
                        out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("{}={value}: \"{}\" is not a CIDR", line.key, part.trim()), why: format!("The flannel CNI plugin parses each comma-separated block of {} with net.ParseCIDR and fails pod creation on any that does not parse.", line.key), fix: None });
                    }
                }
            }
            "FLANNEL_IPMASQ"
                if !matches!(
                    value,
                    "true"
                        | "false"
                        | "1"
                        | "0"
                        | "t"
                        | "f"
                        | "TRUE"
                        | "FALSE"
                        | "True"
                        | "False"
                        | "T"
                        | "F"
                ) =>
            {
                out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("FLANNEL_IPMASQ={value} is not a boolean"), why: String::from("The flannel CNI plugin reads FLANNEL_IPMASQ with strconv.ParseBool (true or false) and fails pod creation otherwise."), fix: None });
            }
            _ => {}
        }
    }
}
