//! AKS: reading `az aks create` / `az aks update` command lines and the rules that check them.
//!
//! The pipeline for each command: [`lexer`] splits the paste into commands and spanned words,
//! [`command`] turns the words into options, [`network`] reads the typed values. Then, before
//! any rule reports, [`corrections`] decides everything the command's one fix changes and
//! [`command_fix`] turns that into minimal edits (see [`edit`]). Each rule in [`rules`] (one file
//! per rule) reads these [`Facts`] and reports into an [`Out`] (each in its own file, so no rule
//! file imports this one); a finding the corrections resolve carries the command's fix, so
//! applying any of them gives the same corrected command and fixing twice changes nothing. No rule depends on another: the order below is only the order
//! of findings at one position.

mod addresses;
mod around;
mod az_flags;
mod capacity;
mod choose;
pub mod command;
mod command_fix;
mod corrections;
mod edit;
mod facts;
pub mod flags;
pub mod form;
pub mod lexer;
pub mod managed_cluster;
mod model_reader;
pub mod network;
mod out;
pub mod pools;
mod ranges;
mod reserved;
pub mod rules;
pub mod terraform;

use alloc::string::String;
use alloc::vec::Vec;

use crate::context::Context;
use crate::embed::SourceMap;
use crate::input_error::{InputError, InputErrorKind};
use crate::model::{ClusterModel, Origin, Source, Stated};
use crate::report::{AreaOutcome, Document, DocumentKind};
use crate::span::{LineIndex, Span};
/// The per-node range kubenet and Azure CNI Overlay hand out (`podnet policy`'s AKS rule uses it).
pub use capacity::NODE_PREFIX;

use command::AksCommand;
use corrections::Corrections;
use form::Form;
use rules::*;

pub use around::Around;
pub use facts::Facts;
pub use out::Out;

/// A rule's check over one readable command.
#[cfg(test)]
type Check = fn(&Facts<'_>, &mut Out<'_>);

/// Declares the rules over a readable command, in order: [`RULES`] (for tests that run them in
/// another order) and [`check_all`], which calls each directly so the compiler can inline them.
macro_rules! rules_in_order {
    ($($rule:ident,)*) => {
        /// Every rule over a readable command (`aks/unreadable` is the only one over the others), in
        /// the order their findings are listed when several start at one position.
        #[cfg(test)]
        const RULES: &[Check] = &[$($rule::check,)*];

        /// Runs every rule over one readable command, in [`RULES`]' order.
        fn check_all(facts: &Facts<'_>, out: &mut Out<'_>) {
            $($rule::check(facts, out);)*
        }
    };
}

rules_in_order! {
    // How the command is written.
    continuation_broken,
    continuation_missing,
    unicode_punctuation,
    backtick_flag,
    flag_glued,
    repeated_flag,
    malformed_value,
    load_balancer,
    opaque_value,
    stray_argument,
    unknown_flag,
    preview_flag,
    missing_value,
    resource_id,
    docker_bridge_address,
    // Plugin, mode, dataplane, policy, limits.
    default_plugin,
    plugin_required,
    pod_cidr_needs_overlay,
    plugin_mode,
    dataplane_plugin,
    dataplane_policy,
    network_policy,
    dual_stack,
    max_pods,
    autoscaler_counts,
    node_limit,
    // Addresses.
    vnet_reserved_range,
    service_cidr_reserved,
    service_cidr_overlap,
    pod_cidr_reserved,
    pod_cidr_overlap,
    pod_cidr_space,
    service_cidr_size,
    dns_service_ip,
    // Capacity.
    node_subnet_capacity,
    pod_cidr_capacity,
    // Kubenet's retirement.
    kubenet_retirement,
}

/// Reads and checks every `az aks create|update` command in `text` on its own: the AKS area
/// alone, with the context as the only other source (tests and the fuzz target use it; an
/// analysis reads every area first, see [`crate::analyze`]).
pub fn analyze(text: &str, index: &LineIndex<'_>, context: &Context) -> AreaOutcome {
    let (mut outcome, commands) = read(text, index);
    let mut model = outcome.model.clone();
    crate::model::read_context(context, &mut model);
    let checked = check(&commands, text, index, &model);
    outcome.findings.extend(checked.findings);
    outcome.capacity = checked.capacity;
    outcome.next_steps = checked.next_steps;
    outcome
}

/// One readable definition, read: its words (none for a Terraform resource), its options and
/// its typed values, the form it is written in, and where a Terraform fix writes.
pub struct ReadCommand {
    raw: lexer::RawCommand,
    command: AksCommand,
    network: network::Network,
    form: Form,
    writer: Writer,
    pools: pools::Pools,
}

/// How a definition's fix is written.
enum Writer {
    /// As token edits of a command line.
    Command,
    /// As HCL edits of a Terraform resource.
    Terraform(terraform::Layout),
    /// As replacements in an ARM template.
    Template,
    /// Not at all: `az aks show` prints state.
    Output,
}

/// Finds every `az aks create|update` command in `text` and reads it: the documents, what an
/// unreadable command's problem is, and the values each readable one states into the model.
/// [`check`] runs the rules once the model holds every document's values and the context.
pub fn read(text: &str, index: &LineIndex<'_>) -> (AreaOutcome, Vec<ReadCommand>) {
    read_together(text, text, index)
}

/// [`read`] of one file's `text` when files are checked together in `whole` (the other files
/// blank in `text`): a template's parameters may come from another file's parameters file.
pub fn read_together(
    text: &str,
    whole: &str,
    index: &LineIndex<'_>,
) -> (AreaOutcome, Vec<ReadCommand>) {
    let mut outcome = AreaOutcome::default();
    let mut commands = Vec::new();
    for raw in lexer::az_commands(text) {
        let Some(command) = AksCommand::from_raw(&raw) else {
            continue;
        };
        let end = raw.end.max(command.end);
        outcome.documents.push(Document {
            kind: DocumentKind::AksCommand,
            span: index.span(command.start, end),
        });
        if let Some(error) = &raw.error {
            // The rest of the command is unknown: report only why it cannot be read.
            let mut out = Out::new(index);
            unreadable::check(error, &mut out);
            outcome.findings.extend(out.findings);
            continue;
        }
        let document = index.span(command.start, end);
        // `az aks nodepool add` joins the cluster `--cluster-name` names.
        let joins = command.verb == command::Verb::NodepoolAdd;
        let pools = pools::Pools {
            first: String::from(command.text("--nodepool-name").unwrap_or("nodepool1")),
            cluster: command
                .text(if joins { "--cluster-name" } else { "--name" })
                .map(String::from),
            joins,
            own: Vec::new(),
        };
        let read = (raw, command, form::COMMAND, Writer::Command, pools);
        add(read, document, index, &mut outcome.model, &mut commands);
    }
    read_terraform(text, index, &mut outcome, &mut commands);
    let json = managed_cluster::read(text, whole);
    let kind = if text.contains("\"$schema\"") {
        DocumentKind::ArmAks
    } else {
        DocumentKind::AksShow
    };
    read_managed(json, kind, index, &mut outcome, &mut commands);
    if text.contains("'Microsoft.ContainerService/managedClusters@")
        || text.contains("avm/res/container-service/managed-cluster:")
    {
        let bicep = managed_cluster::read_bicep(text, &crate::bicep::parse(text));
        read_managed(
            bicep,
            DocumentKind::BicepAks,
            index,
            &mut outcome,
            &mut commands,
        );
    }
    (outcome, commands)
}

/// Reads the `azurerm_kubernetes_cluster` resources of a Terraform paste as commands, and its
/// VNet and subnet ranges into the model.
fn read_terraform(
    text: &str,
    index: &LineIndex<'_>,
    outcome: &mut AreaOutcome,
    commands: &mut Vec<ReadCommand>,
) {
    let read = terraform::read(text);
    if let Some(error) = read.error {
        outcome.input_error = Some(InputError {
            kind: InputErrorKind::HclSyntax {
                reason: error.message,
            },
            span: index.span(error.at, error.at),
        });
    }
    vnet_ranges(
        &read.vnet,
        DocumentKind::TerraformAks,
        index,
        &mut outcome.model,
    );
    for definition in read.definitions {
        let command = definition.command;
        let document = index.span(command.start, command.end);
        outcome.documents.push(Document {
            kind: DocumentKind::TerraformAks,
            span: document,
        });
        let writer = Writer::Terraform(definition.layout);
        let read = (
            definition.raw,
            command,
            definition.form,
            writer,
            definition.pools,
        );
        add(read, document, index, &mut outcome.model, commands);
    }
}

/// Reads `az aks show` output, ARM templates and Bicep files as commands, and the VNet and
/// subnet ranges of `az network vnet (subnet) show`, templates and Bicep into the model (as
/// documents of kind `kind`).
fn read_managed(
    read: managed_cluster::Read,
    kind: DocumentKind,
    index: &LineIndex<'_>,
    outcome: &mut AreaOutcome,
    commands: &mut Vec<ReadCommand>,
) {
    vnet_ranges(&read.vnet, kind, index, &mut outcome.model);
    for definition in read.definitions {
        let (command, form) = (definition.command, definition.form);
        let document = index.span(command.start, command.end);
        outcome.documents.push(Document {
            kind: form.kind,
            span: document,
        });
        let writer = if form.kind != DocumentKind::AksShow {
            Writer::Template
        } else {
            Writer::Output
        };
        let read = (definition.raw, command, form, writer, definition.pools);
        add(read, document, index, &mut outcome.model, commands);
    }
}

/// One definition of any form read: its values into the model, the definition to the rules.
/// Shared by the three readers' loops (one copy in the page).
fn add(
    (raw, command, form, writer, mut pools): (
        lexer::RawCommand,
        AksCommand,
        Form,
        Writer,
        pools::Pools,
    ),
    document: Span,
    index: &LineIndex<'_>,
    model: &mut ClusterModel,
    commands: &mut Vec<ReadCommand>,
) {
    let network = network::read(&command);
    let origin = Origin::Document {
        kind: form.kind,
        document,
    };
    model_reader::read_command(&command, &network, index, &origin, &form, model);
    // The definition's own pool: azure-cli's 3 nodes when a create leaves the count out.
    let count = network.node_count.or((form.kind == DocumentKind::AksCommand
        && command.verb != command::Verb::Update)
        .then_some(network::DEFAULT_NODE_COUNT));
    if let Some(nodes) = count.max(network.max_count) {
        let subnet = command
            .get("--vnet-subnet-id")
            .and_then(|o| o.value.as_ref());
        let first = pools::Pool {
            name: core::mem::take(&mut pools.first),
            nodes,
            subnet: subnet.map(|v| v.text.clone()),
        };
        pools.own.insert(0, first);
    }
    commands.push(ReadCommand {
        raw,
        command,
        network,
        form,
        writer,
        pools,
    });
}

/// The VNet and subnet ranges a Terraform paste, a template or `az network vnet show` states,
/// into the model as documents of kind `kind`.
fn vnet_ranges(
    ranges: &[terraform::Range],
    kind: DocumentKind,
    index: &LineIndex<'_>,
    model: &mut ClusterModel,
) {
    let map = SourceMap::offset(0);
    for range in ranges {
        let document = index.span(range.resource.0, range.resource.1);
        let origin = Origin::Document { kind, document };
        model.vnet_ranges.push(Stated {
            value: range.cidr,
            source: Source::written(origin, range.key, &map, range.at, index),
        });
    }
}

/// An ARM template's or Bicep file's next step once its fix is in: preview the deployment.
fn steps_what_if(
    findings: &[crate::finding::Finding],
    next_steps: &mut Vec<alloc::string::String>,
) {
    next_steps.clear();
    if findings.iter().any(|f| f.fix.is_some()) {
        next_steps.push(alloc::string::String::from("az deployment group what-if --resource-group <group> --template-file <template>: preview the change before deploying it (a network profile change may need a new cluster)"));
    }
}

/// Checks every command [`read`] read against the whole `model`: its findings with the
/// command's fix, the capacity numbers of the first, and the follow-up commands.
pub fn check(
    commands: &[ReadCommand],
    text: &str,
    index: &LineIndex<'_>,
    model: &ClusterModel,
) -> AreaOutcome {
    check_with(check_all, commands, text, index, model)
}

/// [`check`] with `check` running the rules over each command.
fn check_with(
    check: impl Fn(&Facts<'_>, &mut Out<'_>),
    commands: &[ReadCommand],
    text: &str,
    index: &LineIndex<'_>,
    model: &ClusterModel,
) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    let mut made: Vec<crate::finding::Edit> = Vec::new();
    for read in commands {
        let (command, network) = (&read.command, &read.network);
        let mut around = Around::of(model);
        if !read.pools.joins {
            // The cluster's nodes are its pools' nodes together.
            let all = pools::of_cluster(&read.pools, commands.iter().map(|r| &r.pools));
            // The pools in the first one's subnet (a docs placeholder `<subnet-id>` names no
            // subnet in particular: that pool alone).
            let subnet = all.first().map(|p| &p.subnet);
            let placeholder =
                subnet.is_some_and(|s| s.as_ref().is_some_and(|s| s.starts_with('<')));
            let shared: Vec<&pools::Pool> = all
                .iter()
                .copied()
                .take(if placeholder { 1 } else { all.len() })
                .filter(|p| Some(&p.subnet) == subnet)
                .collect();
            around.pools = pools::counted(&all, 2);
            if let Some((nodes, _)) = around.pools {
                // The pools decide, not another cluster's counts; a target given still counts.
                let given = model
                    .node_count
                    .iter()
                    .find(|s| s.source.origin == Origin::Context);
                around.target_nodes = given.map(|s| s.value).max(Some(nodes));
                around.subnet_pools = pools::counted(&shared, 1);
            }
        }
        let corrections = Corrections::decide(command, network, &around);
        let fix = match &read.writer {
            Writer::Command => command_fix::build(text, command, &corrections),
            Writer::Terraform(layout) => {
                terraform::fix::build(text, command, network, &corrections, layout)
            }
            Writer::Template => {
                managed_cluster::fix::build(text, command, &corrections, &read.form)
            }
            Writer::Output => None,
        };
        // Two definitions that share a value (a variable default, a param) make the same edit
        // there: only the first fix makes it, so the second is not skipped whole as a clash.
        let fix = fix.and_then(|mut fix| {
            fix.edits.retain(|edit| !made.contains(edit));
            made.extend(fix.edits.iter().cloned());
            (!fix.edits.is_empty()).then_some(fix)
        });
        let facts = Facts {
            text,
            raw: &read.raw,
            command,
            end: read.raw.end.max(command.end),
            network,
            around: &around,
            corrections: &corrections,
            fix: fix.as_ref(),
            form: &read.form,
        };
        let mut out = Out::new(index);
        check(&facts, &mut out);
        outcome.capacity = outcome.capacity.take().or(capacity::numbers(&facts));
        for finding in &mut out.findings {
            finding.message = read.form.rename(&finding.message);
            finding.explanation = read.form.rename(&finding.explanation);
        }
        match read.writer {
            Writer::Command | Writer::Output => {}
            Writer::Terraform(_) => terraform::steps::plan(&out.findings, &mut out.next_steps),
            Writer::Template => steps_what_if(&out.findings, &mut out.next_steps),
        }
        outcome.findings.extend(out.findings);
        outcome.next_steps.extend(out.next_steps);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;

    /// Every finding as text, fix included, in a fixed order.
    fn listed(outcome: &AreaOutcome) -> Vec<String> {
        let mut lines: Vec<String> = outcome
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{:?} {} {} {} {:?}",
                    f.span, f.rule, f.message, f.explanation, f.fix
                )
            })
            .collect();
        lines.sort();
        lines
    }

    #[test]
    fn rules_do_not_depend_on_their_order() {
        let commands = [
            "az aks create -g rg -n aks \\\n  --network-plugin kubenet \\\n  --network-policy azure \\\n  --network-dataplane cilium \\\n  --pod-cidr 172.30.0.0/16 \\\n  --service-cidr 10.0.0.0/8 \\\n  --dns-service-ip 10.0.0.1 \\\n  --docker-bridge-address 172.17.0.1/16 \\\n  --max-pods 300 \\\n  --node-count 450\n",
            "az aks create -n a --network-policy calico --pod-cidr 10.244.0.1/16 --service-cidr 10.0.0.5/16\n",
            "az aks create -n a --network-plugin azure --pod-cidr 10.1.0.0/16 --max-count 900\n",
            "az aks create -n a --network-plugin kubenet --network-plugin-mode overlay \\\n  --docker-bridge-address 172.17.0.1/16\n",
        ];
        let mut context = Context::default();
        context.vnet.push("10.0.0.0/16".parse().expect("cidr"));
        context.avoid.push("100.64.0.0/10".parse().expect("cidr"));
        let in_order = |facts: &Facts<'_>, out: &mut Out<'_>| {
            for check in RULES {
                check(facts, out);
            }
        };
        let reversed = |facts: &Facts<'_>, out: &mut Out<'_>| {
            for check in RULES.iter().rev() {
                check(facts, out);
            }
        };
        for text in commands {
            let index = LineIndex::new(text);
            let (read, commands) = read(text, &index);
            let mut model = read.model;
            crate::model::read_context(&context, &mut model);
            let forward = check_with(in_order, &commands, text, &index, &model);
            let backward = check_with(reversed, &commands, text, &index, &model);
            assert!(forward.findings.iter().any(|f| f.fix.is_some()), "{text}");
            assert_eq!(listed(&forward), listed(&backward), "{text}");
            assert_eq!(forward.next_steps, backward.next_steps, "{text}");
        }
    }
}
