//! The Gatekeeper ConstraintTemplate and Constraint that deny a kube-flannel ConfigMap too small
//! for the target, with the target's numbers as the Constraint's parameters.

use std::fmt::Write as _;

use super::numbers::Numbers;
use super::rego;

/// The template's kind (the Constraint's `kind`); the template's name is it in lower case.
pub const KIND: &str = "PodnetFlannelCapacity";

/// The two documents, ready for `kubectl apply -f`.
pub fn manifest(numbers: &Numbers) -> String {
    let rego = rego::gatekeeper(&KIND.to_lowercase());
    let mut out = String::new();
    let _ = write!(
        out,
        "# podnet policy: Gatekeeper denies a kube-flannel-cfg ConfigMap whose Network holds fewer than\n\
         # {min} node ranges ({planned} nodes planned, at most {threshold}% used).\n\
         apiVersion: templates.gatekeeper.sh/v1\n\
         kind: ConstraintTemplate\n\
         metadata:\n  name: {name}\n\
         spec:\n  crd:\n    spec:\n      names:\n        kind: {KIND}\n      validation:\n        openAPIV3Schema:\n          type: object\n          properties:\n            minNodeRanges:\n              type: integer\n            nodePrefix:\n              type: integer\n            kubeSubnetManager:\n              type: boolean\n            thresholdPercent:\n              type: integer\n\
         \x20 targets:\n    - target: admission.k8s.gatekeeper.sh\n      rego: |\n",
        min = numbers.min_node_ranges,
        planned = numbers.planned_nodes,
        threshold = numbers.threshold_percent,
        name = KIND.to_lowercase(),
    );
    for line in rego.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "        {line}");
        }
    }
    let _ = write!(
        out,
        "---\n\
         apiVersion: constraints.gatekeeper.sh/v1beta1\n\
         kind: {KIND}\n\
         metadata:\n  name: kube-flannel-cfg-capacity\n\
         spec:\n  match:\n    kinds:\n      - apiGroups: [\"\"]\n        kinds: [\"ConfigMap\"]\n    namespaces: [\"kube-flannel\", \"kube-system\"]\n  parameters:\n    {parameters}\n",
        parameters = numbers
            .parameters()
            .iter()
            .map(|(key, value)| format!("{key}: {value}"))
            .collect::<Vec<_>>()
            .join("\n    "),
    );
    out
}
