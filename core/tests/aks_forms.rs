//! The same AKS cluster written as `az aks create`, as Terraform's `azurerm_kubernetes_cluster`,
//! as an ARM template and as Bicep gets the same findings: the same rules, severities and messages, with the flags named as the
//! resource's arguments. A hidden difference between forms is a bug.

use podnet_core::aks::form::Form;
use podnet_core::aks::managed_cluster::names::{ARM, BICEP, SHOW};
use podnet_core::aks::terraform::names::TERRAFORM;
use podnet_core::{analyze, Context, Report};

/// Each cluster as a command, with the VNet in the context, and as Terraform with the VNet as
/// a resource in the paste.
const CLUSTERS: &[(&str, &str, &str)] = &[
    (
        "az aks create -g rg -n aks \\\n  --kubernetes-version 1.29 \\\n  --node-count 3 \\\n  --network-plugin kubenet \\\n  --pod-cidr 10.244.0.0/16\n",
        "10.0.0.0/8",
        "resource \"azurerm_virtual_network\" \"vnet\" {\n  address_space = [\"10.0.0.0/8\"]\n}\n\nresource \"azurerm_kubernetes_cluster\" \"aks\" {\n  kubernetes_version = \"1.29\"\n\n  default_node_pool {\n    node_count = 3\n  }\n\n  network_profile {\n    network_plugin = \"kubenet\"\n    pod_cidr       = \"10.244.0.0/16\"\n  }\n}\n",
    ),
    (
        "az aks create -g rg -n aks \\\n  --node-count 5 \\\n  --max-pods 300 \\\n  --network-plugin azure \\\n  --network-plugin-mode overlay \\\n  --network-policy cilium \\\n  --service-cidr 172.16.0.0/16 \\\n  --dns-service-ip 172.16.0.1\n",
        "10.1.0.0/16",
        "resource \"azurerm_virtual_network\" \"vnet\" {\n  address_space = [\"10.1.0.0/16\"]\n}\n\nresource \"azurerm_kubernetes_cluster\" \"aks\" {\n  default_node_pool {\n    node_count = 5\n    max_pods   = 300\n  }\n\n  network_profile {\n    network_plugin      = \"azure\"\n    network_plugin_mode = \"overlay\"\n    network_policy      = \"cilium\"\n    service_cidr        = \"172.16.0.0/16\"\n    dns_service_ip      = \"172.16.0.1\"\n  }\n}\n",
    ),
    (
        "az aks create -g rg -n aks \\\n  --node-count 3 \\\n  --network-plugin azure \\\n  --network-plugin-mode overlay \\\n  --network-dataplane cilium \\\n  --network-policy cilium \\\n  --pod-cidr 192.168.0.0/16 \\\n  --service-cidr 172.16.0.0/16 \\\n  --dns-service-ip 172.16.0.10\n",
        "10.0.0.0/8",
        "resource \"azurerm_virtual_network\" \"vnet\" {\n  address_space = [\"10.0.0.0/8\"]\n}\n\nresource \"azurerm_kubernetes_cluster\" \"aks\" {\n  default_node_pool {\n    node_count = 3\n  }\n\n  network_profile {\n    network_plugin      = \"azure\"\n    network_plugin_mode = \"overlay\"\n    network_data_plane  = \"cilium\"\n    network_policy      = \"cilium\"\n    pod_cidr            = \"192.168.0.0/16\"\n    service_cidr        = \"172.16.0.0/16\"\n    dns_service_ip      = \"172.16.0.10\"\n  }\n}\n",
    ),
];

/// Each finding as (rule, severity, message and explanation), sorted; with `form`, the
/// command's flags named as the form names them.
fn findings(report: &Report, form: Option<&Form>) -> Vec<(String, String, String)> {
    let mut listed: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            let message = match form {
                Some(form) => form.rename(&f.message),
                None => f.message.clone(),
            };
            let why = match form {
                Some(form) => form.rename(&f.explanation),
                None => f.explanation.clone(),
            };
            (
                f.rule.to_string(),
                f.severity.as_str().to_string(),
                message + " / " + &why,
            )
        })
        .collect();
    listed.sort();
    listed
}

#[test]
fn a_cluster_gets_the_same_findings_as_a_command_and_as_terraform() {
    for (i, (command, vnet, terraform)) in CLUSTERS.iter().enumerate() {
        let mut context = Context::default();
        context.set("vnet-cidr", vnet).expect("context");
        let as_command = analyze(command, &context);
        let as_terraform = analyze(terraform, &Context::default());
        assert!(as_terraform.input_error.is_none(), "{terraform}");
        assert_eq!(
            findings(&as_command, Some(&TERRAFORM)),
            findings(&as_terraform, None),
            "\n{command}\n{terraform}"
        );
        assert_eq!(i < 2, as_command.has_errors(), "{command}");
        // Both are fixed, or neither.
        assert_eq!(as_command.fixed.is_some(), as_terraform.fixed.is_some());
    }
}

#[test]
fn the_last_cluster_is_valid_in_both_forms() {
    let (command, vnet, terraform) = CLUSTERS[2];
    let mut context = Context::default();
    context.set("vnet-cidr", vnet).expect("context");
    for report in [
        analyze(command, &context),
        analyze(terraform, &Context::default()),
    ] {
        assert!(report.fixed.is_none());
        assert!(!report.has_errors());
    }
}

/// The second cluster as an ARM template (its VNet a resource) and as `az aks show`'s
/// `networkProfile` with the pool's values left out (the VNet in the context).
const ARM_TEMPLATE: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } }
    },
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "properties": {
        "agentPoolProfiles": [ { "count": 5, "maxPods": 300 } ],
        "networkProfile": {
          "networkPlugin": "azure",
          "networkPluginMode": "overlay",
          "networkPolicy": "cilium",
          "serviceCidr": "172.16.0.0/16",
          "dnsServiceIP": "172.16.0.1"
        }
      }
    }
  ]
}
"#;

const SHOW_PROFILE: &str = r#"{
  "networkPlugin": "azure",
  "networkPluginMode": "overlay",
  "networkPolicy": "cilium",
  "serviceCidr": "172.16.0.0/16",
  "dnsServiceIP": "172.16.0.1"
}
"#;

#[test]
fn a_cluster_gets_the_same_findings_as_an_arm_template_and_as_az_aks_show() {
    let (command, vnet, _) = CLUSTERS[1];
    let mut context = Context::default();
    context.set("vnet-cidr", vnet).expect("context");
    let as_command = analyze(command, &context);
    let as_arm = analyze(ARM_TEMPLATE, &Context::default());
    assert!(as_command.has_errors());
    assert_eq!(findings(&as_command, Some(&ARM)), findings(&as_arm, None));
    // The same without the pool's flags, against the network profile alone.
    let without_pool = command
        .replace("  --node-count 5 \\\n", "")
        .replace("  --max-pods 300 \\\n", "");
    assert_ne!(without_pool, command);
    let as_command = analyze(&without_pool, &context);
    let as_show = analyze(SHOW_PROFILE, &context);
    assert_eq!(findings(&as_command, Some(&SHOW)), findings(&as_show, None));
    assert!(
        as_show.fixed.is_none(),
        "az aks show output is state, not a source to edit"
    );
}

/// The second cluster as Bicep: its ranges from a param default and a var, the VNet a resource
/// whose subnet the pool references.
const BICEP_FILE: &str = r#"@description('The service range')
param serviceCidr string = '172.16.0.0/16'
@secure()
param sshKey string
var dnsServiceIP = '172.16.0.1'

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  properties: {
    agentPoolProfiles: [
      {
        count: 5
        maxPods: 300
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkPolicy: 'cilium'
      serviceCidr: serviceCidr
      dnsServiceIP: dnsServiceIP
    }
  }
}
"#;

#[test]
fn a_cluster_gets_the_same_findings_as_bicep() {
    let (command, vnet, _) = CLUSTERS[1];
    let mut context = Context::default();
    context.set("vnet-cidr", vnet).expect("context");
    let as_command = analyze(command, &context);
    let as_bicep = analyze(BICEP_FILE, &Context::default());
    let as_arm = analyze(ARM_TEMPLATE, &Context::default());
    assert!(as_bicep.input_error.is_none());
    assert!(as_bicep.has_errors());
    assert_eq!(
        findings(&as_command, Some(&BICEP)),
        findings(&as_bicep, None)
    );
    // Bicep and ARM name the properties alike: the same findings word for word.
    assert_eq!(findings(&as_arm, None), findings(&as_bicep, None));
    assert_eq!(as_command.fixed.is_some(), as_bicep.fixed.is_some());
}

#[test]
fn the_valid_cluster_is_valid_as_bicep() {
    let bicep = BICEP_FILE
        .replace("maxPods: 300", "maxPods: 110")
        .replace(
            "networkPolicy: 'cilium'",
            "networkDataplane: 'cilium'\n      networkPolicy: 'cilium'",
        )
        .replace("'172.16.0.1'", "'172.16.0.10'");
    let report = analyze(&bicep, &Context::default());
    assert!(!report.has_errors(), "{:?}", report.findings);
    assert!(report.fixed.is_none());
}
