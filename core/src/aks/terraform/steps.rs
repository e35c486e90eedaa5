//! The AKS rules' findings as a Terraform author reads them: the flags named as the resource's
//! arguments, and `terraform plan` as the next step, saying whether the change replaces the
//! cluster.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::form::Form;
use crate::finding::Finding;

/// The `network_profile` arguments whose change forces a new cluster (azurerm provider docs,
/// `website/docs/r/kubernetes_cluster.html.markdown`, "Changing this forces a new resource to
/// be created"); `network_plugin_mode` and `network_policy` update in place.
const FORCE_NEW: [&str; 6] = [
    "network_plugin",
    "pod_cidr",
    "service_cidr",
    "dns_service_ip",
    "ip_versions",
    "docker_bridge_cidr",
];

/// Renames the flags in `findings` as `form` writes them and replaces the command-line next
/// steps with Terraform's.
pub fn in_form(form: &Form, findings: &mut [Finding], next_steps: &mut Vec<String>) {
    let mut replaces = Vec::new();
    let mut fixed = false;
    for finding in findings.iter_mut() {
        finding.message = form.rename(&finding.message);
        finding.explanation = form.rename(&finding.explanation);
        if let Some(fix) = &finding.fix {
            fixed = true;
            for name in FORCE_NEW {
                if fix.title.contains(&format!("{name} =")) && !replaces.contains(&name) {
                    replaces.push(name);
                }
            }
        }
    }
    next_steps.clear();
    if !fixed {
        return;
    }
    next_steps.push(if replaces.is_empty() {
        String::from("terraform plan: the fixed arguments update the cluster in place")
    } else {
        format!(
            "terraform plan: changing {} forces a new cluster in the azurerm provider (the plan \
             shows \"must be replaced\")",
            replaces.join(", ")
        )
    });
}
