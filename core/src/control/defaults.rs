//! The tools' documented defaults the area states when a document leaves a range out.

/// kubeadm's default service subnet (`serviceSubnet`, `kubeadm init --service-cidr`).
pub const KUBEADM_SERVICE_SUBNET: &str = "10.96.0.0/12";
/// k3s's default cluster CIDR (`k3s server --help`), which RKE2 shares.
pub const K3S_CLUSTER_CIDR: &str = "10.42.0.0/16";
/// k3s's default service range, which RKE2 shares.
pub const K3S_SERVICE_CIDR: &str = "10.43.0.0/16";
/// k3s's default flannel backend.
pub const K3S_BACKEND: &str = "vxlan";
