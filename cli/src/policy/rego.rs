//! The Rego that judges a kube-flannel ConfigMap, written once: the Gatekeeper template and the
//! conftest policy wrap the same rules, each with its own input and parameters.
//!
//! A ConfigMap named `kube-flannel-cfg` is denied when its net-conf.json does not parse, has no
//! Network, gives nodes a wider range than Network, or holds fewer node ranges than
//! `minNodeRanges`: `2^(node prefix − Network's prefix)`, the node prefix being
//! `nodePrefix` in kube mode (flanneld `--kube-subnet-mgr`, which ignores SubnetLen) and SubnetLen
//! (default 24) in etcd mode.

/// The rules, over `params` (an object with `minNodeRanges`, `nodePrefix`,
/// `kubeSubnetManager`); `WRAPPER` adds the entry point.
const RULES: &str = r#"import future.keywords.contains
import future.keywords.if
import future.keywords.in

is_flannel_config(cm) if {
	cm.kind == "ConfigMap"
	cm.metadata.name == "kube-flannel-cfg"
}

net_conf(cm) := json.unmarshal(text) if {
	text := cm.data["net-conf.json"]
	json.is_valid(text)
}

network_prefix(conf) := to_number(split(conf.Network, "/")[1])

node_prefix(conf, params) := params.nodePrefix if params.kubeSubnetManager

node_prefix(conf, params) := object.get(conf, "SubnetLen", 24) if not params.kubeSubnetManager

unparsable(cm) := "kube-flannel-cfg: net-conf.json is missing or not valid JSON" if {
	is_flannel_config(cm)
	not net_conf(cm)
}

no_network(cm) := "kube-flannel-cfg: net-conf.json has no Network" if {
	is_flannel_config(cm)
	conf := net_conf(cm)
	not conf.Network
}

too_wide(cm, params) := msg if {
	is_flannel_config(cm)
	conf := net_conf(cm)
	node_prefix(conf, params) < network_prefix(conf)
	msg := sprintf("kube-flannel-cfg: nodes get a /%v, wider than Network %v", [node_prefix(conf, params), conf.Network])
}

too_small(cm, params) := msg if {
	is_flannel_config(cm)
	conf := net_conf(cm)
	shift := node_prefix(conf, params) - network_prefix(conf)
	shift >= 0
	ranges := bits.lsh(1, shift)
	ranges < params.minNodeRanges
	msg := sprintf("kube-flannel-cfg: Network %v with a /%v per node holds %v node ranges; %v are needed to keep the target at or under %v%% used", [conf.Network, node_prefix(conf, params), ranges, params.minNodeRanges, params.thresholdPercent])
}

# Every problem of a ConfigMap (a function cannot be a partial set, so the sets are joined).
problems(cm, params) := (({msg | msg := unparsable(cm)} | {msg | msg := no_network(cm)}) | {msg | msg := too_wide(cm, params)}) | {msg | msg := too_small(cm, params)}
"#;

/// The Rego of the Gatekeeper ConstraintTemplate: `violation` over the admission review, with the
/// Constraint's parameters.
pub fn gatekeeper(package: &str) -> String {
    format!(
        "package {package}\n\n{RULES}\nviolation contains {{\"msg\": msg}} if {{\n\tsome msg in problems(input.review.object, input.parameters)\n}}\n"
    )
}

/// The conftest policy: `deny` over each document of the checked file (conftest passes one
/// document, or a list of them), with the numbers written in.
pub fn conftest(parameters: &[(&str, String)]) -> String {
    let parameters = parameters
        .iter()
        .map(|(key, value)| format!("\"{key}\": {value}"))
        .collect::<Vec<_>>()
        .join(", ");
    let parameters = format!("{{{parameters}}}");
    format!(
        "# podnet policy for conftest: `conftest test --policy DIR kube-flannel.yml`.\npackage main\n\n{RULES}\nparams := {parameters}\n\ndocuments := input if is_array(input)\n\ndocuments := [input] if not is_array(input)\n\ndeny contains msg if {{\n\tsome document in documents\n\tsome msg in problems(document, params)\n}}\n"
    )
}

/// The AKS policy for conftest: denies a Terraform plan (`terraform show -json`, each
/// `azurerm_kubernetes_cluster`'s `network_profile.pod_cidr`) or `az aks show` output
/// (`networkProfile.podCidr`) whose pod CIDR holds fewer /24 node ranges than `minNodeRanges`
/// (kubenet and Azure CNI Overlay give each node a /24 from it; other plugins state no pod CIDR).
pub fn conftest_aks(parameters: &[(&str, String)]) -> String {
    let parameters = parameters
        .iter()
        .map(|(key, value)| format!("\"{key}\": {value}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"# podnet policy for conftest: `conftest test --policy DIR plan.json` (terraform show -json) or az aks show output.
package main

import future.keywords.contains
import future.keywords.if
import future.keywords.in

params := {{{parameters}}}

pod_cidrs contains [name, cidr] if {{
	some change in input.resource_changes
	change.type == "azurerm_kubernetes_cluster"
	some profile in change.change.after.network_profile
	cidr := profile.pod_cidr
	is_string(cidr)
	name := change.address
}}

pod_cidrs contains [name, cidr] if {{
	cidr := input.networkProfile.podCidr
	is_string(cidr)
	name := object.get(input, "name", "the cluster")
}}

deny contains msg if {{
	some [name, cidr] in pod_cidrs
	shift := params.nodePrefix - to_number(split(cidr, "/")[1])
	shift >= 0
	ranges := bits.lsh(1, shift)
	ranges < params.minNodeRanges
	msg := sprintf("%v: pod CIDR %v with a /%v per node holds %v node ranges; %v are needed to keep the target at or under %v%% used", [name, cidr, params.nodePrefix, ranges, params.minNodeRanges, params.thresholdPercent])
}}
"#
    )
}
