//! `podnet plan`: the sizing solver on the command line.
//!
//! Prints the smallest pod network and per-node size that hold `--nodes` (with `--headroom`) at
//! most [`MAX_UTILIZATION_PERCENT`](podnet_core::plan::MAX_UTILIZATION_PERCENT) used and fit
//! `--max-pods`, avoiding every `--avoid` range and keeping `--base` when it is free. Exit 0 with
//! the plan; exit 2 with the reason on stderr for input that has no plan.

use std::process::ExitCode;

use podnet_core::net::Cidr;
use podnet_core::plan::{plan, PlanRequest};

/// Flags of `podnet plan`.
#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    /// Node count the pod network must hold.
    #[arg(long)]
    pub nodes: u32,
    /// kubelet --max-pods on each node (default 110).
    #[arg(long)]
    pub max_pods: Option<u32>,
    /// A CIDR the pod network must not overlap (repeatable).
    #[arg(long = "avoid")]
    pub avoid: Vec<String>,
    /// The base address to keep when it is free, e.g. 10.244.0.0/16.
    #[arg(long)]
    pub base: Option<String>,
    /// Extra nodes to plan for, in percent.
    #[arg(long)]
    pub headroom: Option<u32>,
    /// Output format: text or json.
    #[arg(long, default_value = "text")]
    pub format: String,
}

fn cidr(flag: &str, text: &str) -> Result<Cidr, String> {
    text.parse::<Cidr>()
        .map_err(|error| format!("--{flag} {text:?} {error}"))
}

fn request(args: &PlanArgs) -> Result<PlanRequest, String> {
    if args.format != "text" && args.format != "json" {
        return Err(format!("--format {:?} is not text or json", args.format));
    }
    Ok(PlanRequest {
        nodes: args.nodes,
        max_pods: args.max_pods,
        avoid: args
            .avoid
            .iter()
            .map(|a| cidr("avoid", a))
            .collect::<Result<_, _>>()?,
        base: args.base.as_deref().map(|b| cidr("base", b)).transpose()?,
        headroom_percent: args.headroom,
    })
}

/// Runs `podnet plan`.
pub fn run(args: &PlanArgs) -> ExitCode {
    let result = request(args).and_then(|request| plan(&request).map_err(|e| e.to_string()));
    let plan = match result {
        Ok(plan) => plan,
        Err(reason) => {
            eprintln!("podnet plan: {reason}");
            return ExitCode::from(2);
        }
    };
    if args.format == "json" {
        let value = serde_json::json!({
            "pool": plan.pool.to_string(),
            "node_prefix": plan.node_prefix,
            "node_ranges": plan.node_ranges.to_string(),
            "pod_addresses_per_node": plan.pod_addresses_per_node.to_string(),
            "reasons": plan.reasons,
        });
        println!("{value:#}");
    } else {
        println!("pool: {}", plan.pool);
        println!("per node: /{}", plan.node_prefix);
        println!("node ranges: {}", plan.node_ranges);
        println!("pod addresses per node: {}", plan.pod_addresses_per_node);
        println!();
        for reason in &plan.reasons {
            println!("- {reason}");
        }
        println!();
        println!("flannel net-conf.json: \"Network\": \"{}\"; kube-controller-manager: --cluster-cidr={} --node-cidr-mask-size={}", plan.pool, plan.pool, plan.node_prefix);
    }
    ExitCode::SUCCESS
}
