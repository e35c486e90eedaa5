//! Rule `flannel/subnet-env-value`: the values of `/run/flannel/subnet.env` parse as the flannel
//! CNI plugin reads them.

use alloc::format;
use alloc::string::String;

use crate::detect::EnvLine;
use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::net::Cidr;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/subnet-env-value",
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

/// Checks each line of one subnet.env.
pub fn check(env: &[EnvLine], out: &mut Emitter<'_>) {
    for line in env {
        let value = line.value.trim();
        let range = (line.value_start, line.value_end);
        match line.key.as_str() {
            "FLANNEL_SUBNET" | "FLANNEL_IPV6_SUBNET" if value.parse::<Cidr>().is_err() => {
                out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("{}={value} is not one CIDR: the flannel CNI plugin fails on it (\"invalid CIDR address\")", line.key), why: format!("The flannel CNI plugin reads {} with one net.ParseCIDR (flanneld writes one block, such as 10.244.3.1/24), so every pod ADD on the node fails until flanneld rewrites the file.", line.key), fix: None });
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
