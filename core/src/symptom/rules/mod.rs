//! The declaration of every symptom rule, one file each (see [`crate::rules`]), and the one
//! call from a recognised failure to its rule.

pub mod aks_cidr_overlap;
pub mod aks_subnet_capacity;
pub mod cluster_cidr_exhausted;
pub mod cni_bridge_address;
pub mod cni_not_ready;
pub mod flannel_backend_unknown;
pub mod flannel_config_fetch;
pub mod flannel_config_invalid;
pub mod flannel_interface;
pub mod flannel_ipv6_lease;
pub mod flannel_lease_failed;
pub mod flannel_out_of_subnets;
pub mod flannel_subnet_manager;
pub mod node_cidr_mask_invalid;
pub mod node_pod_cidr_missing;
pub mod pod_cidr_outside_network;
pub mod pod_ips_exhausted;
pub mod service_ip_range;
pub mod service_range_too_large;
pub mod subnet_env_missing;

use crate::model::ClusterModel;

use super::seen::{Out, Seen};
use super::signature::Symptom;

/// Runs the rule of `seen`'s failure.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    match seen.symptom {
        Symptom::NodePodCidrMissing => node_pod_cidr_missing::check(seen, model, out),
        Symptom::PodCidrOutsideNetwork => pod_cidr_outside_network::check(seen, model, out),
        Symptom::FlannelOutOfSubnets => flannel_out_of_subnets::check(seen, model, out),
        Symptom::FlannelSubnetManager => flannel_subnet_manager::check(seen, model, out),
        Symptom::FlannelBackendUnknown => flannel_backend_unknown::check(seen, model, out),
        Symptom::FlannelIpv6Lease => flannel_ipv6_lease::check(seen, model, out),
        Symptom::FlannelLeaseFailed => flannel_lease_failed::check(seen, model, out),
        Symptom::SubnetEnvMissing => subnet_env_missing::check(seen, model, out),
        Symptom::PodIpsExhausted => pod_ips_exhausted::check(seen, model, out),
        Symptom::ClusterCidrExhausted => cluster_cidr_exhausted::check(seen, model, out),
        Symptom::ServiceIpRange => service_ip_range::check(seen, model, out),
        Symptom::AksCidrOverlap => aks_cidr_overlap::check(seen, model, out),
        Symptom::AksSubnetCapacity => aks_subnet_capacity::check(seen, model, out),
        Symptom::CniNotReady => cni_not_ready::check(seen, model, out),
        Symptom::CniBridgeAddress => cni_bridge_address::check(seen, model, out),
        Symptom::FlannelConfigInvalid => flannel_config_invalid::check(seen, model, out),
        Symptom::FlannelConfigFetch => flannel_config_fetch::check(seen, model, out),
        Symptom::FlannelInterface => flannel_interface::check(seen, model, out),
        Symptom::NodeCidrMaskInvalid => node_cidr_mask_invalid::check(seen, model, out),
        Symptom::ServiceRangeTooLarge => service_range_too_large::check(seen, model, out),
    }
}
