//! Rules on the values of `/run/flannel/subnet.env`, the file the flannel CNI plugin reads:
//!
//! - `flannel/subnet-env-value` (error): `FLANNEL_SUBNET` / `FLANNEL_IPV6_SUBNET` that is not one
//!   CIDR, a `FLANNEL_NETWORK` / `FLANNEL_IPV6_NETWORK` entry that is not a CIDR (a comma list is
//!   fine there), `FLANNEL_IPMASQ` that is not a boolean. The plugin parses them with Go's
//!   net.ParseCIDR and strconv.ParseBool, and every pod ADD on the node fails.
//! - `flannel/cluster-cidr` (error): `FLANNEL_SUBNET` outside `FLANNEL_NETWORK`: the node's podCIDR
//!   does not lie in flannel's Network, so kube-controller-manager's --cluster-cidr and Network
//!   disagree (flanneld: `subnet "N" specified in the flannel net config doesn't contain "P"
//!   PodCIDR of the "X" node`).
//!
//! Source: flannel-io/cni-plugin `flannel.go` (loadFlannelSubnetEnv); flannel `pkg/subnet/kube`.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::detect::EnvLine;
use crate::emit::Emitter;
use crate::finding::Severity;
use crate::net::Cidr;

/// Runs the rules over the lines of one subnet.env.
pub fn check(env: &[EnvLine], out: &mut Emitter<'_>) {
    let mut networks: Vec<Cidr> = Vec::new();
    let mut subnet: Option<(Cidr, &EnvLine)> = None;
    for line in env {
        let value = line.value.trim();
        let range = (line.value_start, line.value_end);
        match line.key.as_str() {
            "FLANNEL_SUBNET" | "FLANNEL_IPV6_SUBNET" => match value.parse::<Cidr>() {
                Ok(cidr) => {
                    if line.key == "FLANNEL_SUBNET" {
                        subnet = Some((cidr, line));
                    }
                }
                Err(_) => out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("{}={value} is not one CIDR: the flannel CNI plugin fails on it (\"invalid CIDR address\")", line.key), why: format!("The flannel CNI plugin reads {} with one net.ParseCIDR (flanneld writes one block, such as 10.244.3.1/24), so every pod ADD on the node fails until flanneld rewrites the file.", line.key), fix: None }),
            },
            "FLANNEL_NETWORK" | "FLANNEL_IPV6_NETWORK" => {
                for part in value.split(',') {
                    match part.trim().parse::<Cidr>() {
                        Ok(cidr) => networks.push(cidr),
                        Err(_) => out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("{}={value}: \"{}\" is not a CIDR", line.key, part.trim()), why: format!("The flannel CNI plugin parses each comma-separated block of {} with net.ParseCIDR and fails pod creation on any that does not parse.", line.key), fix: None }),
                    }
                }
            }
            "FLANNEL_IPMASQ" if !matches!(value, "true" | "false" | "1" | "0" | "t" | "f" | "TRUE" | "FALSE" | "True" | "False" | "T" | "F") => {
                out.report(Draft { rule: RuleId::FlannelSubnetEnvValue, severity: Severity::Error, at: range, message: format!("FLANNEL_IPMASQ={value} is not a boolean"), why: String::from("The flannel CNI plugin reads FLANNEL_IPMASQ with strconv.ParseBool (true or false) and fails pod creation otherwise."), fix: None });
            }
            _ => {}
        }
    }
    let Some((subnet, line)) = subnet else {
        return;
    };
    let v4: Vec<&Cidr> = networks
        .iter()
        .filter(|n| n.family == subnet.family)
        .collect();
    if !v4.is_empty() && !v4.iter().any(|network| network.contains(&subnet.aligned())) {
        let list: Vec<String> = v4.iter().map(|n| format!("{n}")).collect();
        out.report(Draft { rule: RuleId::FlannelClusterCidr, severity: Severity::Error, at: (line.value_start, line.value_end), message: format!("FLANNEL_SUBNET {} lies outside FLANNEL_NETWORK {}", subnet, list.join(",")), why: format!("FLANNEL_SUBNET is this node's range (its podCIDR in kube mode), FLANNEL_NETWORK flannel's Network: kube-controller-manager --cluster-cidr and Network differ. flanneld stops with `subnet \"{}\" … doesn't contain \"{}\" PodCIDR of the node`. Make them the same block.", list.join(","), subnet.aligned()), fix: None });
    }
}
