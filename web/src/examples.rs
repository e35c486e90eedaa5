//! The example configs the page offers, each a story from the field with the context it needs.

/// One example: a name for the picker, the text, and context settings (`key=value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// Stable id, used in the picker and in tests.
    pub id: &'static str,
    /// What the picker shows.
    pub title: &'static str,
    /// The config text.
    pub text: &'static str,
    /// Context settings, as `Context::set` takes them.
    pub context: &'static [(&'static str, &'static str)],
}

/// Every example, in picker order.
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "flannel-out-of-space",
        title: "Flannel /16 out of node ranges at 300 nodes",
        text: include_str!("../../static/examples/out-of-space.net-conf.json"),
        context: &[("nodes", "300")],
    },
    Example {
        id: "vxlan-mtu",
        title: "VXLAN pods at MTU 1500 on a 1500 underlay",
        text: include_str!("../../static/examples/vxlan-mtu.kube-flannel-cfg.yaml"),
        context: &[("platform", "generic"), ("underlay-mtu", "1500")],
    },
    Example {
        id: "aks-kubenet",
        title: "AKS kubenet out of pod IPs: move to Azure CNI Overlay",
        text: include_str!("../../static/examples/aks-kubenet.sh"),
        context: &[
            ("platform", "azure"),
            ("nodes", "9"),
            ("max-pods", "110"),
            ("vnet-cidr", "10.20.0.0/16"),
        ],
    },
    Example {
        id: "fake-secrets",
        title: "A paste full of (fake) secrets: kubeconfig, Secret, ConfigMap",
        text: include_str!("../../static/examples/fake-secrets.yaml"),
        context: &[],
    },
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|example| example.id == id)
}
