//! Every aks rule, one file each, named after it: its declaration (see [`crate::rules`]) and
//! its `check`. A rule file reads the command, its network values and the context, and never
//! another rule file.

pub mod autoscaler_counts;
pub mod backtick_flag;
pub mod continuation_broken;
pub mod continuation_missing;
pub mod dataplane_plugin;
pub mod dataplane_policy;
pub mod default_plugin;
pub mod dns_service_ip;
pub mod docker_bridge_address;
pub mod dual_stack;
pub mod flag_glued;
pub mod kubenet_retirement;
pub mod load_balancer;
pub mod malformed_value;
pub mod max_pods;
pub mod missing_value;
pub mod network_policy;
pub mod node_limit;
pub mod node_subnet_capacity;
pub mod opaque_value;
pub mod plugin_mode;
pub mod plugin_required;
pub mod pod_cidr_capacity;
pub mod pod_cidr_needs_overlay;
pub mod pod_cidr_overlap;
pub mod pod_cidr_reserved;
pub mod pod_cidr_space;
pub mod preview_flag;
pub mod repeated_flag;
pub mod resource_id;
pub mod service_cidr_overlap;
pub mod service_cidr_reserved;
pub mod service_cidr_size;
pub mod stray_argument;
pub mod unicode_punctuation;
pub mod unknown_flag;
pub mod unreadable;
pub mod vnet_reserved_range;
