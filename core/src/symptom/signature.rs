//! The failures podnet recognises in error lines, logs and events, by the exact strings their
//! sources print (each rule's `source` names the file and line), and the one pass over a line
//! that finds them.

/// A recognised failure: one rule each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Symptom {
    /// flannel (kube mode): the node has no `spec.podCIDR`.
    NodePodCidrMissing,
    /// flannel (kube mode): the node's podCIDR lies outside Network.
    PodCidrOutsideNetwork,
    /// flannel (etcd mode): every node range of Network is leased.
    FlannelOutOfSubnets,
    /// flanneld could not start its subnet manager.
    FlannelSubnetManager,
    /// flanneld does not know the backend type.
    FlannelBackendUnknown,
    /// IPv6 enabled, but the node's lease has no IPv6 range.
    FlannelIpv6Lease,
    /// Any other "failed to acquire lease".
    FlannelLeaseFailed,
    /// The flannel CNI plugin found no subnet.env.
    SubnetEnvMissing,
    /// host-local handed out every address of the node's range.
    PodIpsExhausted,
    /// kube-controller-manager has no node range left in its cluster CIDR.
    ClusterCidrExhausted,
    /// The apiserver refused a Service's cluster IP.
    ServiceIpRange,
    /// AKS refused a pod or service CIDR that overlaps the VNet.
    AksCidrOverlap,
    /// AKS found the node subnet too small.
    AksSubnetCapacity,
    /// The container runtime has no CNI config yet.
    CniNotReady,
    /// cni0 holds an address of another node range.
    CniBridgeAddress,
    /// flanneld refused its config's Network, SubnetLen, SubnetMin or SubnetMax.
    FlannelConfigInvalid,
    /// flanneld found no network config to read.
    FlannelConfigFetch,
    /// flanneld found no interface to use.
    FlannelInterface,
    /// kube-controller-manager refused the node mask for its cluster CIDR.
    NodeCidrMaskInvalid,
    /// kube-apiserver refused a service range over 2^20 addresses.
    ServiceRangeTooLarge,
}

/// How many failures there are (`ServiceRangeTooLarge` is the last).
pub const COUNT: usize = Symptom::ServiceRangeTooLarge as usize + 1;

/// Each needle (lower case; lines are matched ignoring ASCII case) with the failure it names,
/// most specific first: a line is the first needle it holds, so "failed to acquire lease: out
/// of subnets" is out of subnets.
const NEEDLES: &[(&str, Symptom)] = &[
    ("pod cidr not assigned", Symptom::NodePodCidrMissing),
    (
        "specified in the flannel net config doesn't contain",
        Symptom::PodCidrOutsideNetwork,
    ),
    ("out of subnets", Symptom::FlannelOutOfSubnets),
    (
        "failed to create subnetmanager",
        Symptom::FlannelSubnetManager,
    ),
    ("unknown backend type", Symptom::FlannelBackendUnknown),
    (
        "ipv6 is enabled but the lease has no ipv6",
        Symptom::FlannelIpv6Lease,
    ),
    (
        "failed to load flannel 'subnet.env'",
        Symptom::SubnetEnvMissing,
    ),
    (
        "/run/flannel/subnet.env: no such file",
        Symptom::SubnetEnvMissing,
    ),
    (
        "no ip addresses available in range set",
        Symptom::PodIpsExhausted,
    ),
    (
        "no remaining cidrs left to allocate",
        Symptom::ClusterCidrExhausted,
    ),
    ("cidrnotavailable", Symptom::ClusterCidrExhausted),
    (
        "the provided network does not match the current range",
        Symptom::ServiceIpRange,
    ),
    ("provided ip is already allocated", Symptom::ServiceIpRange),
    (
        "provided ip is not in the valid range",
        Symptom::ServiceIpRange,
    ),
    (
        "not in the valid range. the range of valid ips",
        Symptom::ServiceIpRange,
    ),
    (
        "servicecidroverlapexistingsubnetscidr",
        Symptom::AksCidrOverlap,
    ),
    ("networkprofilecidroverlapvnet", Symptom::AksCidrOverlap),
    ("insufficientsubnetsize", Symptom::AksSubnetCapacity),
    (
        "does not have enough capacity for",
        Symptom::AksSubnetCapacity,
    ),
    (
        "does not have enough available ip addresses",
        Symptom::AksSubnetCapacity,
    ),
    (
        "already has an ip address different from",
        Symptom::CniBridgeAddress,
    ),
    (
        "minimum useful network prefix is",
        Symptom::FlannelConfigInvalid,
    ),
    (
        "must be able to accommodate at least four subnets",
        Symptom::FlannelConfigInvalid,
    ),
    (
        "subnetlen must be less than /",
        Symptom::FlannelConfigInvalid,
    ),
    ("is not in the range of the", Symptom::FlannelConfigInvalid),
    (
        "is not on a subnetlen boundary",
        Symptom::FlannelConfigInvalid,
    ),
    ("please define a correct", Symptom::FlannelConfigInvalid),
    ("couldn't fetch network config", Symptom::FlannelConfigFetch),
    (
        "failed to retrieve network config",
        Symptom::FlannelConfigFetch,
    ),
    (
        "failed to find any valid interface",
        Symptom::FlannelInterface,
    ),
    (
        "find interface to use that matches",
        Symptom::FlannelInterface,
    ),
    ("find valid interface matching", Symptom::FlannelInterface),
    (
        "mask size of cluster cidr must be less than",
        Symptom::NodeCidrMaskInvalid,
    ),
    (
        "the node cidr size is too big",
        Symptom::NodeCidrMaskInvalid,
    ),
    (
        "service-cluster-ip-range is too large",
        Symptom::ServiceRangeTooLarge,
    ),
    ("cni plugin not initialized", Symptom::CniNotReady),
    ("cni config uninitialized", Symptom::CniNotReady),
    ("failed to acquire lease", Symptom::FlannelLeaseFailed),
];

/// The kubelet wrappers around a CNI failure (`FailedCreatePodSandBox` events, "Failed to
/// create pod sandbox").
const SANDBOX: &[&str] = &[
    "createpodsandbox",
    "failed to create pod sandbox",
    "failed to setup network for sandbox",
];

/// The failure `line` reports and where its needle starts, if any. Linear in the line: each
/// needle is looked for once.
pub fn recognise(line: &str) -> Option<(Symptom, usize)> {
    if line.len() < 14 {
        return None;
    }
    NEEDLES
        .iter()
        .find_map(|(needle, symptom)| find(line, needle).map(|at| (*symptom, at)))
}

/// True when kubelet wrapped the failure in a sandbox error.
pub fn in_sandbox(line: &str) -> bool {
    SANDBOX.iter().any(|needle| find(line, needle).is_some())
}

/// Where `needle` (lower case) starts in `hay`, ignoring ASCII case.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let first = needle.first()?;
    hay.as_bytes().windows(needle.len()).position(|window| {
        window[0].to_ascii_lowercase() == *first && window.eq_ignore_ascii_case(needle)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_needle_names_the_line() {
        let line = "E0502 02:42:03.849 1 main.go:289] Error registering network: failed to acquire lease: node \"n1\" pod cidr not assigned";
        assert_eq!(
            recognise(line).map(|(s, _)| s),
            Some(Symptom::NodePodCidrMissing)
        );
        let other =
            "Error registering network: failed to acquire lease: etcd cluster is unavailable";
        assert_eq!(
            recognise(other).map(|(s, _)| s),
            Some(Symptom::FlannelLeaseFailed)
        );
        assert_eq!(
            recognise("Failed to create SubnetManager: x").map(|(s, _)| s),
            Some(Symptom::FlannelSubnetManager)
        );
        assert_eq!(recognise("nothing to see in this line"), None);
    }

    #[test]
    fn every_needle_is_lower_case() {
        for (needle, _) in NEEDLES {
            assert_eq!(*needle, needle.to_ascii_lowercase());
        }
    }
}
