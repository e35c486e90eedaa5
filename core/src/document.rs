//! The documents a paste holds: what kind each is and where it is.

use crate::span::Span;

/// The kinds of document podnet recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// A bare flannel `net-conf.json`.
    FlannelNetConf,
    /// The `kube-flannel-cfg` ConfigMap (YAML or JSON, alone, in a manifest, or from kubectl).
    FlannelConfigMap,
    /// `/run/flannel/subnet.env`.
    FlannelSubnetEnv,
    /// A bare flannel `cni-conf.json`.
    FlannelCniConf,
    /// flannel's DaemonSet: podnet reads only which subnet manager it runs (never listed as a
    /// document of its own; a model value's origin).
    FlannelDaemonSet,
    /// A Kubernetes NetworkPolicy (flannel does not enforce it).
    NetworkPolicy,
    /// An `az aks create` or `az aks update` command line.
    AksCommand,
    /// A Terraform `azurerm_kubernetes_cluster` resource (with the variables, locals, VNets
    /// and subnets of its paste).
    TerraformAks,
    /// `az aks show -o json`, or its `networkProfile`.
    AksShow,
    /// An ARM template's `Microsoft.ContainerService/managedClusters` resource.
    ArmAks,
    /// A Bicep file's `Microsoft.ContainerService/managedClusters` resource.
    BicepAks,
    /// A node listing: `kubectl get nodes -o custom-columns|jsonpath|json`, `kubectl describe node`.
    NodeListing,
    /// flannel's leases in etcd: `etcdctl get --prefix …/subnets`, `etcdctl ls …/subnets`.
    FlannelLeases,
    /// A flanneld command line (`ps aux`, a systemd unit): which subnet manager it runs.
    FlanneldCommand,
    /// Error lines, logs or events that report a failure podnet knows.
    ErrorLog,
    /// A kubeadm `ClusterConfiguration` (kubeadm.k8s.io/v1beta3 or v1beta4).
    KubeadmConfig,
    /// A `kubeadm init` command line.
    KubeadmInit,
    /// kube-controller-manager's command line: typed, a systemd `ExecStart`, or its static pod.
    ControllerManager,
    /// A k3s or RKE2 `config.yaml` (`/etc/rancher/k3s/`, `/etc/rancher/rke2/`).
    K3sConfig,
    /// A `k3s server` or `rke2 server` command line.
    K3sServer,
}

impl DocumentKind {
    /// Every kind, in declaration order (`ALL[kind as usize] == kind`).
    pub const ALL: [DocumentKind; 20] = [
        DocumentKind::FlannelNetConf,
        DocumentKind::FlannelConfigMap,
        DocumentKind::FlannelSubnetEnv,
        DocumentKind::FlannelCniConf,
        DocumentKind::FlannelDaemonSet,
        DocumentKind::NetworkPolicy,
        DocumentKind::AksCommand,
        DocumentKind::TerraformAks,
        DocumentKind::AksShow,
        DocumentKind::ArmAks,
        DocumentKind::BicepAks,
        DocumentKind::NodeListing,
        DocumentKind::FlannelLeases,
        DocumentKind::FlanneldCommand,
        DocumentKind::ErrorLog,
        DocumentKind::KubeadmConfig,
        DocumentKind::KubeadmInit,
        DocumentKind::ControllerManager,
        DocumentKind::K3sConfig,
        DocumentKind::K3sServer,
    ];

    /// True for the documents that define or describe an AKS cluster (a command, Terraform,
    /// `az aks show`, an ARM template, a Bicep file), which the AKS rules read.
    pub fn is_aks(self) -> bool {
        matches!(
            self,
            DocumentKind::AksCommand
                | DocumentKind::TerraformAks
                | DocumentKind::AksShow
                | DocumentKind::ArmAks
                | DocumentKind::BicepAks
        )
    }

    /// The stable name used in JSON output and on the page.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::FlannelNetConf => "flannel-net-conf",
            DocumentKind::FlannelConfigMap => "flannel-configmap",
            DocumentKind::FlannelSubnetEnv => "flannel-subnet-env",
            DocumentKind::FlannelCniConf => "flannel-cni-conf",
            DocumentKind::FlannelDaemonSet => "flannel-daemonset",
            DocumentKind::NetworkPolicy => "network-policy",
            DocumentKind::AksCommand => "az-aks-command",
            DocumentKind::TerraformAks => "terraform-aks",
            DocumentKind::AksShow => "az-aks-show",
            DocumentKind::ArmAks => "arm-aks",
            DocumentKind::BicepAks => "bicep-aks",
            DocumentKind::NodeListing => "node-listing",
            DocumentKind::FlannelLeases => "flannel-leases",
            DocumentKind::FlanneldCommand => "flanneld-command",
            DocumentKind::ErrorLog => "error-log",
            DocumentKind::KubeadmConfig => "kubeadm-config",
            DocumentKind::KubeadmInit => "kubeadm-init",
            DocumentKind::ControllerManager => "kube-controller-manager",
            DocumentKind::K3sConfig => "k3s-config",
            DocumentKind::K3sServer => "k3s-server",
        }
    }
}

/// What a user would paste for each kind, one per line in [`DocumentKind::ALL`]'s order (an
/// empty line: read only beside another document). The "nothing recognised" answer lists these,
/// so it names every form podnet reads. One string: no table of slices in the page.
pub const PASTED: &str = "net-conf.json
kube-flannel ConfigMap
subnet.env
cni-conf.json

NetworkPolicy
az aks create/update/nodepool add
Terraform
az aks show/nodepool list
ARM
Bicep
kubectl get nodes
etcd leases
flanneld
error lines
kubeadm config
kubeadm init
kube-controller-manager
k3s/RKE2 config
k3s/rke2 server";

/// One document found in the paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What it is.
    pub kind: DocumentKind,
    /// Where it is in the analysed text.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_in_declaration_order() {
        for (index, kind) in DocumentKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, index, "{}", kind.name());
        }
        // A kind added after the last would be missing from ALL: this match fails to compile
        // until the new kind is handled here, as a reminder to list it.
        let last = match DocumentKind::ALL[DocumentKind::ALL.len() - 1] {
            DocumentKind::K3sServer => true,
            DocumentKind::FlannelNetConf
            | DocumentKind::FlannelConfigMap
            | DocumentKind::FlannelSubnetEnv
            | DocumentKind::FlannelCniConf
            | DocumentKind::FlannelDaemonSet
            | DocumentKind::NetworkPolicy
            | DocumentKind::AksCommand
            | DocumentKind::TerraformAks
            | DocumentKind::AksShow
            | DocumentKind::ArmAks
            | DocumentKind::BicepAks
            | DocumentKind::NodeListing
            | DocumentKind::FlannelLeases
            | DocumentKind::FlanneldCommand
            | DocumentKind::ErrorLog
            | DocumentKind::KubeadmConfig
            | DocumentKind::KubeadmInit
            | DocumentKind::ControllerManager
            | DocumentKind::K3sConfig => false,
        };
        assert!(last, "the last declared kind ends ALL");
    }

    #[test]
    fn every_kind_but_the_daemonset_is_named_as_pasted() {
        for kind in DocumentKind::ALL {
            let pasted = PASTED.split('\n').nth(kind as usize).unwrap_or_default();
            let named = !pasted.is_empty();
            assert_eq!(
                named,
                kind != DocumentKind::FlannelDaemonSet,
                "{}",
                kind.name()
            );
        }
        assert_eq!(PASTED.split('\n').count(), DocumentKind::ALL.len());
    }
}
