//! `podnet policy`: prevention policies computed from the user's own numbers: a Gatekeeper
//! ConstraintTemplate and Constraint, the same Rego as a conftest policy, a conftest policy for AKS
//! (Terraform plans, `az aks show`), and Prometheus alerting rules, written to a directory as files
//! to apply as they are.

mod gatekeeper;
mod numbers;
mod prometheus;
mod rego;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use podnet_core::aks::NODE_PREFIX as AKS_NODE_PREFIX;

use crate::args::ContextArgs;
use crate::check::{self, NotChecked};
use crate::exit::unusable;
use crate::files::Target;
use crate::settings::FileSettings;

/// The flags of `podnet policy`.
#[derive(Args, Debug)]
pub struct PolicyArgs {
    /// The cluster's config (net-conf.json, the ConfigMap): the pool the alerts measure.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// The context settings (`--nodes` is required, here or in `.podnet.toml`).
    #[command(flatten)]
    pub context: ContextArgs,
    /// The directory to write the policies to.
    #[arg(long, value_name = "DIR", default_value = "podnet-policy")]
    pub out: PathBuf,
    /// The project config (as for `check`).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
}

/// Runs `podnet policy`.
pub fn run(args: &PolicyArgs) -> ExitCode {
    let check_args = crate::args::CheckArgs {
        paths: args.files.clone(),
        context: args.context.clone(),
        format: crate::args::ReportFormat::Text,
        config: args.config.clone(),
        skip_unrecognised: false,
        together: false,
    };
    let config = match check::load_config(&check_args) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let settings = FileSettings::of(config.as_ref(), None, &cwd);
    let context = match check_args.context(&settings.context) {
        Ok(context) => context,
        Err(reason) => return unusable(&reason),
    };
    let mut capacity = None;
    for file in &args.files {
        let target = Target {
            path: Some(PathBuf::from(file)),
            walked: false,
        };
        match check::analyse(&target, &context, false) {
            Ok(analysed) => capacity = capacity.or(analysed.report.capacity),
            Err(NotChecked::Unusable(reason)) => return unusable(&reason),
            Err(NotChecked::Skipped) => {}
        }
    }
    let Some(numbers) = numbers::Numbers::new(&context, capacity.as_ref()) else {
        return unusable(
            "policy needs the target node count: --nodes N (or nodes in .podnet.toml)",
        );
    };
    let mut files = vec![
        (
            "gatekeeper-flannel-capacity.yaml",
            gatekeeper::manifest(&numbers),
        ),
        (
            "conftest/flannel_capacity.rego",
            rego::conftest(&numbers.parameters()),
        ),
        (
            "conftest-aks/aks_pod_cidr.rego",
            rego::conftest_aks(&numbers.with_node_prefix(AKS_NODE_PREFIX).parameters()),
        ),
    ];
    match prometheus::rules(&numbers) {
        Some(rules) => files.push(("prometheus-rules.yaml", rules)),
        None => eprintln!("podnet: no Prometheus rules without a config to measure (give the net-conf.json or ConfigMap)"),
    }
    for (name, text) in &files {
        let path = args.out.join(name);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            return unusable(&format!("cannot write {}: {e}", path.display()));
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
