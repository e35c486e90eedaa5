//! The cluster model: every reader fills it, each value with the document and bytes it came
//! from, and an edit through its source lands in its own container.

use podnet_core::model::{MtuSetting, Origin};
use podnet_core::net::{Cidr, IpFamily};
use podnet_core::{analyze, apply_edits, Context, DocumentKind, SubnetManager};

const CONFIGMAP: &str = r#"kind: ConfigMap
apiVersion: v1
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  net-conf.json: |
    {
      "Network": "10.244.0.0/16",
      "SubnetLen": 25,
      "Backend": {
        "Type": "VXLAN",
        "MTU": 1450
      }
    }
"#;

fn cidr(text: &str) -> Cidr {
    text.parse().expect("a CIDR")
}

#[test]
fn a_configmap_states_its_pool_mask_backend_and_mtu_at_their_bytes() {
    let report = analyze(CONFIGMAP, &Context::default());
    let model = &report.model;
    let [pool] = model.pod_pools.as_slice() else {
        panic!("one pool: {:?}", model.pod_pools)
    };
    assert_eq!(pool.value, cidr("10.244.0.0/16"));
    assert_eq!(pool.source.key, "Network");
    assert!(matches!(
        pool.source.origin,
        Origin::Document {
            kind: DocumentKind::FlannelConfigMap,
            ..
        }
    ));
    // The bytes inside the quotes, in the paste's own lines and columns.
    assert_eq!((pool.source.span.line, pool.source.span.column), (9, 19));
    let span = pool.source.span;
    assert_eq!(&report.text[span.start..span.end], "10.244.0.0/16");

    let [mask] = model.node_masks.as_slice() else {
        panic!("one mask: {:?}", model.node_masks)
    };
    assert_eq!(
        (mask.value.family, mask.value.prefix, mask.value.manager),
        (Some(IpFamily::V4), 25, SubnetManager::Etcd)
    );
    assert_eq!(model.backend[0].value, "vxlan");
    assert_eq!(model.mtu[0].value.setting, MtuSetting::BackendUnderlay);
    assert_eq!(model.mtu[0].value.bytes, 1450);
}

#[test]
fn an_edit_through_a_source_is_encoded_for_its_container() {
    // net-conf.json as an escaped JSON string (kubectl get cm -o json).
    let json = r#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kube-flannel-cfg"},"data":{"net-conf.json":"{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}\n"}}"#;
    let report = analyze(json, &Context::default());
    let pool = &report.model.pod_pools[0];
    let edit = pool
        .source
        .edit("10.200.0.0/16")
        .expect("written in the paste");
    let (edited, _) = apply_edits(&report.text, &[edit]);
    assert!(
        edited.contains(r#"\"Network\": \"10.200.0.0/16\""#),
        "{edited}"
    );
    let again = analyze(&edited, &Context::default());
    assert_eq!(again.model.pod_pools[0].value, cidr("10.200.0.0/16"));
}

#[test]
fn an_aks_command_states_its_flags_and_create_defaults_fill_the_rest() {
    let command = "az aks create -g rg -n aks \\\n  --network-plugin azure --network-plugin-mode overlay \\\n  --pod-cidr 192.168.0.0/16 --max-pods 110\n";
    let report = analyze(command, &Context::default());
    let model = &report.model;
    let pool = &model.pod_pools[0];
    assert_eq!(pool.value, cidr("192.168.0.0/16"));
    assert_eq!(pool.source.key, "--pod-cidr");
    assert_eq!(pool.source.span.line, 3);
    assert_eq!(model.max_pods[0].value, 110);
    assert_eq!(model.network_plugin[0].value, "azure");
    assert_eq!(model.plugin_mode[0].value, "overlay");
    // Not written: az aks create's defaults, said to be defaults.
    let service = &model.service_ranges[0];
    assert_eq!(service.value, cidr("10.0.0.0/16"));
    assert_eq!(
        service.source.origin,
        Origin::Default {
            tool: "az aks create"
        }
    );
    assert!(service.source.edit("10.1.0.0/16").is_none());
    assert_eq!(model.dns_service_ips[0].value.to_string(), "10.0.0.10");
    assert_eq!(model.node_count[0].value, 3);
}

#[test]
fn a_placeholder_or_a_refused_value_states_nothing() {
    let command = "az aks create -g rg -n aks --network-plugin kubenet --pod-cidr $POD_CIDR --max-pods lots\n";
    let report = analyze(command, &Context::default());
    assert!(
        report.model.pod_pools.is_empty(),
        "{:?}",
        report.model.pod_pools
    );
    assert!(report.model.max_pods.is_empty());
}

#[test]
fn subnet_env_and_cni_conf_state_their_mtu_settings() {
    let env = "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.3.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n";
    let report = analyze(env, &Context::default());
    assert_eq!(report.model.pod_pools[0].value, cidr("10.244.0.0/16"));
    assert_eq!(report.model.pod_pools[0].source.key, "FLANNEL_NETWORK");
    assert_eq!(report.model.mtu[0].value.setting, MtuSetting::FlannelPod);

    let cni = r#"{"name":"cbr0","cniVersion":"0.3.1","plugins":[{"type":"flannel","delegate":{"hairpinMode":true,"isDefaultGateway":true,"mtu":1400}},{"type":"portmap","capabilities":{"portMappings":true}}]}"#;
    let report = analyze(cni, &Context::default());
    let mtu = &report.model.mtu[0];
    assert_eq!(
        (mtu.value.setting, mtu.value.bytes),
        (MtuSetting::DelegatePod, 1400)
    );
    assert_eq!(
        &report.text[mtu.source.span.start..mtu.source.span.end],
        "1400"
    );
}

#[test]
fn the_context_is_one_more_source() {
    let mut context = Context::default();
    for (key, value) in [
        ("nodes", "300"),
        ("cluster-cidr", "10.244.0.0/16"),
        ("vnet-cidr", "10.0.0.0/8"),
        ("platform", "azure"),
    ] {
        context.set(key, value).expect("valid context");
    }
    let report = analyze(CONFIGMAP, &context);
    let model = &report.model;
    assert_eq!(model.node_count[0].value, 300);
    assert_eq!(model.node_count[0].source.origin, Origin::Context);
    assert_eq!(model.node_count[0].source.describe(), "nodes (context)");
    // flannel's pool, and kube-controller-manager's range from the context.
    let keys: Vec<&str> = model.pod_pools.iter().map(|p| p.source.key).collect();
    assert_eq!(keys, ["Network"]);
    assert_eq!(
        model.cluster_cidrs[0].source.describe(),
        "cluster-cidr (context)"
    );
    assert_eq!(model.vnet_ranges[0].value, cidr("10.0.0.0/8"));
    assert_eq!(model.platform.len(), 1);
}

#[test]
fn a_node_range_is_checked_against_flannels_network_whatever_document_states_it() {
    // A node's subnet.env (flanneld's output) and the ConfigMap as it is now: the node kept a
    // lease from an earlier Network. Two analyses stand in for one paste of both documents.
    let env = "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.3.1/24\nFLANNEL_MTU=1450\n";
    let mut model = analyze(env, &Context::default()).model;
    let mut findings = Vec::new();
    podnet_core::flannel::check_model(&model, &mut findings);
    assert!(findings.is_empty(), "{findings:?}");

    let moved = CONFIGMAP.replace("10.244.0.0/16", "10.100.0.0/16");
    model.extend(analyze(&moved, &Context::default()).model);
    podnet_core::flannel::check_model(&model, &mut findings);
    findings.retain(|f| f.rule == "flannel/cluster-cidr");
    let [finding] = findings.as_slice() else {
        panic!("one finding: {findings:?}")
    };
    assert_eq!(finding.rule, "flannel/cluster-cidr");
    assert_eq!(
        finding.message,
        "FLANNEL_SUBNET 10.244.3.1/24 lies outside Network 10.100.0.0/16 (Network at 9:19 (flannel-configmap))"
    );
    assert!(
        finding
            .explanation
            .contains("FLANNEL_SUBNET is the range this node holds"),
        "{}",
        finding.explanation
    );
    assert_eq!((finding.span.line, finding.span.column), (2, 16));
}

/// A BYO-CNI AKS cluster (`--network-plugin none`) running flannel: one paste of the command
/// and the ConfigMap.
const BYO_CNI: &str =
    "az aks create -g rg -n byo --network-plugin none --node-count 300 --max-pods 250\n---\n";

#[test]
fn flannel_rules_read_values_another_document_states_and_name_it() {
    let text = format!("{BYO_CNI}{CONFIGMAP}");
    let report = analyze(&text, &Context::default());
    let capacity: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "flannel/node-capacity")
        .collect();
    let [finding] = capacity.as_slice() else {
        panic!("one node-capacity finding: {:?}", report.findings)
    };
    // The command's node count, named, judged at the ConfigMap's Network with its fix.
    assert!(
        finding
            .message
            .contains("300 target nodes (--node-count at 1:63 (az-aks-command)) do not fit"),
        "{}",
        finding.message
    );
    assert_eq!(&text[finding.span.start..finding.span.end], "10.244.0.0/16");
    let fixed = report.fixed.expect("a fix");
    assert!(fixed.contains("\"Network\": \"10.244.0.0/15\""), "{fixed}");
    assert_eq!(report.capacity.expect("capacity").target_nodes, Some(300));

    // The context's target wins over the document's count.
    let mut context = Context::default();
    context.set("nodes", "100").expect("valid");
    let report = analyze(&text, &context);
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.rule == "flannel/node-capacity"),
        "{:?}",
        report.findings
    );

    // A node mask from the context and max pods from the command meet in one finding.
    let mut context = Context::default();
    context.set("node-cidr-mask-size", "25").expect("valid");
    let report = analyze(&text, &context);
    let max_pods = report
        .findings
        .iter()
        .find(|f| f.rule == "flannel/max-pods")
        .expect("flannel/max-pods");
    assert!(
        max_pods
            .message
            .contains("holds 125 pod addresses, fewer than --max-pods 250 (--max-pods at 1:"),
        "{}",
        max_pods.message
    );
}

#[test]
fn the_subnet_manager_is_stated_by_what_the_documents_show_and_the_context_wins() {
    use podnet_core::flannel::Mode;
    let report = analyze(CONFIGMAP, &Context::default());
    let [manager] = report.model.subnet_manager.as_slice() else {
        panic!("one statement: {:?}", report.model.subnet_manager)
    };
    assert_eq!(manager.value, SubnetManager::Kube);
    assert_eq!(manager.source.key, "kube-flannel-cfg");
    assert_eq!(Mode::of_model(&report.model), Mode::Kube);

    // A flanneld DaemonSet without --kube-subnet-mgr shows etcd mode, at the DaemonSet.
    let daemonset = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: kube-flannel-ds\nspec:\n  template:\n    spec:\n      containers:\n      - name: kube-flannel\n        command: [\"/opt/bin/flanneld\", \"--ip-masq\", \"--etcd-endpoints=https://10.0.0.2:2379\"]\n---\n";
    let text = format!("{daemonset}{CONFIGMAP}");
    let report = analyze(&text, &Context::default());
    let etcd = report
        .model
        .subnet_manager
        .iter()
        .find(|s| s.value == SubnetManager::Etcd)
        .expect("etcd evidence");
    assert_eq!(etcd.source.key, "flanneld DaemonSet");
    assert_eq!((etcd.source.span.line, etcd.source.span.column), (1, 1));
    assert_eq!(Mode::of_model(&report.model), Mode::Etcd);
    // SubnetLen counts in etcd mode: the capacity uses the ConfigMap's /25.
    assert_eq!(report.capacity.expect("capacity").node_prefix, 25);

    let mut context = Context::default();
    context.set("subnet-manager", "kube").expect("valid");
    let report = analyze(&text, &context);
    assert_eq!(Mode::of_model(&report.model), Mode::Kube);
    assert_eq!(report.capacity.expect("capacity").node_prefix, 24);
}

#[test]
fn a_subnet_env_that_differs_from_the_config_is_a_conflict_naming_both() {
    // Network widened in the ConfigMap (podnet's own fix), flanneld not restarted: its
    // subnet.env still says /16. Two analyses stand in for one paste of both documents.
    let env = "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.7.1/24\nFLANNEL_MTU=1450\n";
    let mut model = analyze(env, &Context::default()).model;
    let widened = CONFIGMAP.replace("10.244.0.0/16", "10.244.0.0/15");
    model.extend(analyze(&widened, &Context::default()).model);
    let mut findings = Vec::new();
    podnet_core::cluster::check_model(&model, &mut findings);
    let [finding] = findings.as_slice() else {
        panic!("one finding: {findings:?}")
    };
    assert_eq!(finding.rule, "cluster/conflicting-values");
    assert_eq!(
        finding.message,
        "the pod Network: Network at 9:19 (flannel-configmap) says 10.244.0.0/15, \
         FLANNEL_NETWORK at 1:17 (flannel-subnet-env) says 10.244.0.0/16"
    );
    assert!(finding.explanation.contains("flanneld has not restarted"));

    // The same Network in both: nothing to say.
    let mut model = analyze(env, &Context::default()).model;
    model.extend(analyze(CONFIGMAP, &Context::default()).model);
    let mut findings = Vec::new();
    podnet_core::cluster::check_model(&model, &mut findings);
    assert!(findings.is_empty(), "{findings:?}");

    // Two ConfigMaps are versions of one config, not compared with each other.
    let mut model = analyze(CONFIGMAP, &Context::default()).model;
    model.extend(analyze(&widened, &Context::default()).model);
    podnet_core::cluster::check_model(&model, &mut findings);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn aks_rules_read_the_vnet_and_node_count_from_the_whole_model() {
    use podnet_core::model::{Source, Stated};
    use podnet_core::{aks, LineIndex};
    // A VNet range stated by another document (as a Terraform or `az network vnet show` reader
    // will state it), and an AKS command that says nothing about its VNet.
    let text = "az aks create -g rg -n aks --network-plugin azure --vnet-subnet-id $SUBNET\n";
    let index = LineIndex::new(text);
    let (read, commands) = aks::read(text, &index);
    let mut model = read.model;
    let elsewhere = Origin::Document {
        kind: DocumentKind::FlannelNetConf,
        document: index.span(0, 0),
    };
    model.vnet_ranges.push(Stated {
        value: cidr("172.30.0.0/16"),
        source: Source::shown(elsewhere, "address_space", index.span(0, 0)),
    });
    let checked = aks::check(&commands, text, &index, &model);
    let reserved = checked
        .findings
        .iter()
        .find(|f| f.rule == "aks/vnet-reserved-range")
        .expect("the document's VNet is checked");
    assert!(
        reserved
            .message
            .starts_with("the VNet range 172.30.0.0/16 (at address_space at 1:1"),
        "{}",
        reserved.message
    );
    // Node subnet mode: without a range podnet asks for the subnet's; with the document's
    // range it judges the subnet instead (3 nodes fit a /16).
    let asks = |findings: &[podnet_core::Finding]| {
        findings.iter().any(|f| {
            f.rule == "aks/node-subnet-capacity" && f.message.contains("give the subnet range")
        })
    };
    assert!(!asks(&checked.findings), "{:?}", checked.findings);
    let (read, commands) = aks::read(text, &index);
    let without = aks::check(&commands, text, &index, &read.model);
    assert!(asks(&without.findings), "{:?}", without.findings);
}
