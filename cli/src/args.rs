//! The flags `check` and `fix` share, and turning them into a core `Context`.

use clap::{Args, ValueEnum};
use podnet_core::Context;

use crate::input;

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: `LINE:COL severity rule message`, then the diff.
    Text,
    /// For machines: the stable JSON shape documented in the README.
    Json,
}

/// The input and the context of one analysis.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The config to read; `-` or nothing reads standard input.
    pub file: Option<String>,
    /// Target node count the pod network must hold.
    #[arg(long)]
    pub nodes: Option<String>,
    /// kubelet --max-pods of the nodes.
    #[arg(long)]
    pub max_pods: Option<String>,
    /// MTU of the node network (overrides the platform default).
    #[arg(long)]
    pub underlay_mtu: Option<String>,
    /// Where the cluster runs: generic (1500), aws (9001), gcp (1460), azure (1500, 1400 in the VNet).
    #[arg(long)]
    pub platform: Option<String>,
    /// A CIDR the pod network must not overlap (repeatable).
    #[arg(long = "avoid")]
    pub avoid: Vec<String>,
    /// An address range of the VNet/VPC or its subnets (repeatable).
    #[arg(long = "vnet-cidr")]
    pub vnet_cidr: Vec<String>,
    /// How flannel gets node ranges: kube (--kube-subnet-mgr) or etcd.
    #[arg(long)]
    pub subnet_manager: Option<String>,
    /// kube-controller-manager --cluster-cidr, when known.
    #[arg(long)]
    pub cluster_cidr: Option<String>,
    /// kube-controller-manager --node-cidr-mask-size, when known.
    #[arg(long)]
    pub node_cidr_mask_size: Option<String>,
    /// Extra nodes to plan for, in percent of the target.
    #[arg(long)]
    pub headroom: Option<String>,
    /// A redaction kind to leave alone (repeatable), e.g. email.
    #[arg(long = "keep")]
    pub keep: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

impl CheckArgs {
    /// The context these flags describe, or the first flag that is wrong.
    pub fn context(&self) -> Result<Context, String> {
        let mut context = Context::default();
        let single = [
            ("nodes", &self.nodes),
            ("max-pods", &self.max_pods),
            ("underlay-mtu", &self.underlay_mtu),
            ("platform", &self.platform),
            ("subnet-manager", &self.subnet_manager),
            ("cluster-cidr", &self.cluster_cidr),
            ("node-cidr-mask-size", &self.node_cidr_mask_size),
            ("headroom", &self.headroom),
        ];
        for (key, value) in single {
            if let Some(value) = value {
                context
                    .set(key, value)
                    .map_err(|e| format!("--{key}: {e}"))?;
            }
        }
        let lists = [
            ("avoid", &self.avoid),
            ("vnet-cidr", &self.vnet_cidr),
            ("keep", &self.keep),
        ];
        for (key, values) in lists {
            for value in values {
                context
                    .set(key, value)
                    .map_err(|e| format!("--{key}: {e}"))?;
            }
        }
        Ok(context)
    }

    /// Reads the input and builds the context.
    pub fn load(&self) -> Result<(String, Context), String> {
        let context = self.context()?;
        let text = input::read(self.file.as_deref())?;
        Ok((text, context))
    }

    /// The name to show in messages: the file, or `<stdin>`.
    pub fn display_name(&self) -> &str {
        match self.file.as_deref() {
            None | Some("-") => "<stdin>",
            Some(path) => path,
        }
    }
}
