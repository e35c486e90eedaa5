//! `aks/dual-stack`: --ip-families and the --pod-cidrs / --service-cidrs lists do not agree.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::aks::reserved;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::net::{Cidr, IpFamily};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksDualStack,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--ip-families and the --pod-cidrs / --service-cidrs lists do not agree.",
    what: "--ip-families other than ipv4 or ipv4,ipv6; a --pod-cidrs or --service-cidrs list \
        without exactly one block per family in the order of --ip-families; a block in a range AKS \
        reserves; an IPv6 service range larger than /108.",
    why: "AKS refuses mismatched lists and IPv6-only clusters, and Kubernetes refuses an IPv6 \
        service range larger than /108 (2^20 addresses) with \"specified \
        --service-cluster-ip-range is too large\".",
    how_to_fix: "Give one block per family, IPv4 first, e.g. AKS's defaults \
        10.244.0.0/16,fd12:3456:789a::/64 for pods and 10.0.0.0/16,fd12:3456:789a:1::/108 for \
        services. No automatic fix: the right IPv6 ranges depend on the network.",
    source: "AKS docs \"Use dual-stack networking\"; kube-apiserver's service range validation.",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks `--ip-families` against the `--pod-cidrs` and `--service-cidrs` lists.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (command, network) = (facts.command, facts.network);
    let families: Vec<IpFamily> = if network.ip_families.is_empty() {
        alloc::vec![IpFamily::V4]
    } else {
        network.ip_families.clone()
    };
    if let Some(option) = command.get("--ip-families") {
        if families.first() != Some(&IpFamily::V4)
            || families.len() > 2
            || (families.len() == 2 && families[1] != IpFamily::V6)
        {
            out.report(Draft { rule: RuleId::AksDualStack, severity: Severity::Error, at: option.value_range(), message: String::from("--ip-families takes ipv4 or ipv4,ipv6"), why: String::from("AKS supports IPv4-only clusters and dual-stack clusters with IPv4 first; an IPv6-only cluster is not supported."), fix: None });
        }
    }
    for (name, blocks) in [
        ("--pod-cidrs", &network.pod_cidrs),
        ("--service-cidrs", &network.service_cidrs),
    ] {
        let Some(option) = command.get(name) else {
            continue;
        };
        if blocks.is_empty() {
            continue;
        }
        let given: Vec<IpFamily> = blocks.iter().map(|b| b.family()).collect();
        if given != families {
            let names = |f: &[IpFamily]| {
                f.iter()
                    .map(|f| if *f == IpFamily::V4 { "IPv4" } else { "IPv6" })
                    .collect::<Vec<_>>()
                    .join(",")
            };
            out.report(Draft { rule: RuleId::AksDualStack, severity: Severity::Error, at: option.value_range(), message: format!("{name} gives {} but --ip-families asks for {}", names(&given), names(&families)), why: format!("{name} must hold exactly one block per IP family, in the order of --ip-families (ipv4,ipv6 for dual-stack, e.g. {}).", if name == "--pod-cidrs" { "10.244.0.0/16,fd12:3456:789a::/64" } else { "10.0.0.0/16,fd12:3456:789a:1::/108" }), fix: None });
        }
        for block in blocks.iter() {
            if let Some(hit) = reserved::hit(block) {
                out.report(Draft { rule: RuleId::AksDualStack, severity: Severity::Error, at: option.value_range(), message: format!("{name} block {block} overlaps {}, {}", hit.cidr, hit.name), why: String::from("AKS reserves 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24 and refuses pod and service ranges that overlap them."), fix: None });
            }
        }
        if name == "--service-cidrs" {
            for block in blocks
                .iter()
                .filter(|b| b.family() == IpFamily::V6 && b.prefix() < 108)
            {
                ipv6_service_too_large(option.value_range(), block, out);
            }
        }
    }
}

fn ipv6_service_too_large(range: (usize, usize), block: &Cidr, out: &mut Out<'_>) {
    out.report(Draft { rule: RuleId::AksDualStack, severity: Severity::Error, at: range, message: format!("the IPv6 service range {block} is larger than /108"), why: format!("Kubernetes allocates service IPs from a bitmap and refuses IPv6 service ranges larger than /108 (2^20 addresses); {block} has 2^(128 − {}) addresses. AKS's default is fd12:3456:789a:1::/108.", block.prefix()), fix: None });
}
