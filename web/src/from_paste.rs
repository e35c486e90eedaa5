//! What the paste already answers of the Context form: a value a document states (`--node-count
//! 3`, flannel's `Network` beside kube-controller-manager's `--cluster-cidr`, an `az aks` VNet
//! range) is shown in the field it answers, as coming from the paste, so nobody types it twice.
//! Read from the report's cluster model; the context's own values are not shown here (the field
//! holds them already).

use podnet_core::model::{ClusterModel, Stated};
use podnet_core::SubnetManager;

/// A value the paste states for a context field, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromPaste {
    /// The value as the field would hold it.
    pub value: String,
    /// Where it was written ("`--node-count` at 1:40 (az-aks-command)").
    pub source: String,
}

/// The value the paste states for the context field `key`, if any.
pub fn from_paste(model: &ClusterModel, key: &str) -> Option<FromPaste> {
    let joined = |values: Vec<String>, first: Option<String>| {
        first.map(|source| FromPaste {
            value: values.join(", "),
            source,
        })
    };
    match key {
        "nodes" => largest(&model.node_count),
        "max-pods" => first(&model.max_pods, |pods| pods.to_string()),
        "platform" => first(&model.platform, |platform| platform.name().to_string()),
        "underlay-mtu" => first(&model.underlay_mtu, |mtu| mtu.to_string()),
        "subnet-manager" => first(&model.subnet_manager, |manager| manager.name().to_string()),
        "node-cidr-mask-size" => in_paste(&model.node_masks)
            .find(|mask| mask.value.manager == SubnetManager::Kube)
            .map(|mask| FromPaste {
                value: mask.value.prefix.to_string(),
                source: mask.source.describe(),
            }),
        "cluster-cidr" => {
            let stated: Vec<_> = in_paste(&model.cluster_cidrs).collect();
            joined(
                stated.iter().map(|cidr| cidr.value.to_string()).collect(),
                stated.first().map(|cidr| cidr.source.describe()),
            )
        }
        "vnet-cidr" => {
            let stated: Vec<_> = in_paste(&model.vnet_ranges).collect();
            joined(
                stated.iter().map(|cidr| cidr.value.to_string()).collect(),
                stated.first().map(|cidr| cidr.source.describe()),
            )
        }
        _ => None,
    }
}

/// The statements written in a document of the paste (not the context, not a tool's default).
fn in_paste<T>(statements: &[Stated<T>]) -> impl Iterator<Item = &Stated<T>> {
    statements
        .iter()
        .filter(|stated| stated.source.in_document())
}

fn first<T>(statements: &[Stated<T>], show: impl Fn(&T) -> String) -> Option<FromPaste> {
    in_paste(statements).next().map(|stated| FromPaste {
        value: show(&stated.value),
        source: stated.source.describe(),
    })
}

/// The largest count the paste states (an `az aks create --node-count 3 --max-count 10` must
/// hold 10 nodes), as [`ClusterModel::target_nodes`] reads it.
fn largest(statements: &[Stated<u32>]) -> Option<FromPaste> {
    in_paste(statements)
        .max_by_key(|stated| stated.value)
        .map(|stated| FromPaste {
            value: stated.value.to_string(),
            source: stated.source.describe(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use podnet_core::Context;

    fn model(text: &str, context: &Context) -> ClusterModel {
        podnet_core::analyze(text, context).model
    }

    #[test]
    fn a_command_answers_the_sizing_fields_and_says_where() {
        let model = model(
            "az aks create -g rg -n aks --network-plugin kubenet --node-count 3 --max-count 10 --max-pods 50 --enable-cluster-autoscaler --min-count 3\n",
            &Context::default(),
        );
        let nodes = from_paste(&model, "nodes").expect("a node count");
        assert_eq!(nodes.value, "10");
        assert!(nodes.source.contains("--max-count"), "{}", nodes.source);
        assert_eq!(
            from_paste(&model, "max-pods").map(|f| f.value).as_deref(),
            Some("50")
        );
        assert_eq!(from_paste(&model, "headroom"), None);
        assert_eq!(from_paste(&model, "avoid"), None);
    }

    #[test]
    fn a_configmap_answers_the_subnet_manager_and_the_context_is_never_shown_as_pasted() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
        let mut context = Context::default();
        context.set("nodes", "300").expect("a valid count");
        let model = model(text, &context);
        assert_eq!(
            from_paste(&model, "subnet-manager")
                .map(|f| f.value)
                .as_deref(),
            Some("kube")
        );
        assert_eq!(
            from_paste(&model, "nodes"),
            None,
            "the context's 300 is not the paste's"
        );
    }
}
