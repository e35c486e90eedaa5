//! The words and commands the symptom rules share: what to paste next and how to print it, and
//! the phrases several explanations use.

/// The kube-flannel ConfigMap.
pub const CONFIGMAP: (&str, &str) = (
    "flannel's ConfigMap",
    "kubectl -n kube-flannel get cm kube-flannel-cfg -o yaml",
);
/// The nodes' pod ranges.
pub const NODES: (&str, &str) = (
    "the nodes' pod ranges",
    "kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR",
);
/// kube-controller-manager's flags.
pub const CONTROLLER: (&str, &str) = (
    "kube-controller-manager's flags",
    "kubectl -n kube-system get pod -l component=kube-controller-manager -o yaml",
);
/// flannel's config in etcd.
pub const ETCD: (&str, &str) = (
    "flannel's etcd config",
    "etcdctl get /coreos.com/network/config",
);
/// flanneld's log.
pub const FLANNEL_LOG: (&str, &str) = (
    "flanneld's log",
    "kubectl -n kube-flannel logs -l app=flannel --tail=50",
);
/// flanneld's flags (its DaemonSet).
pub const FLANNELD: (&str, &str) = (
    "flanneld's flags",
    "kubectl -n kube-flannel get ds kube-flannel-ds -o yaml",
);
/// The apiserver's flags.
pub const APISERVER: (&str, &str) = (
    "kube-apiserver's flags",
    "kubectl -n kube-system get pod -l component=kube-apiserver -o yaml",
);
/// The AKS cluster's network profile.
pub const AKS: (&str, &str) = (
    "the `az aks create` command or the network profile",
    "az aks show -g <resource-group> -n <cluster> --query networkProfile",
);
/// The VNet's subnets.
pub const SUBNETS: (&str, &str) = (
    "the VNet's subnets",
    "az network vnet subnet list -g <resource-group> --vnet-name <vnet> -o table",
);

/// The opening of every list of causes.
pub const CAUSES: &str = "Likely causes, most likely first:";
