//! Rules `flannel/backend-mtu`, `flannel/azure-vnet-mtu`, `flannel/delegate-mtu`,
//! `flannel/subnet-env-mtu`: the pod MTU pods actually get against the one the path allows.
//!
//! What it checks: the backend `MTU` key (the underlay MTU, a common trap when set to the pod MTU
//! 1450) against the underlay; Azure's 1400-byte VNet path; the delegate `"mtu"` in cni-conf.json,
//! which overrides flannel's computed value; `FLANNEL_MTU` in subnet.env.
//! Why it matters: a pod MTU above path − overhead makes packets larger than the path vanish
//! (small requests work, large responses hang).
//! Fix: names the right lever — the backend `MTU` key is the underlay, the delegate `"mtu"` is the
//! pod MTU — and gives the `ping -M do -s N` pair that proves the boundary.
//! Source: flannel `pkg/backend/*` overheads; flannel-io/cni-plugin `flannel_linux.go`; domain facts §1, §4.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

use super::mtu::ping_pair;
use super::rule::{insert_member, Check};
use crate::context::Platform;
use crate::detect::EnvLine;
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::json::{Node, Value};
use crate::report::MtuReport;

/// The MTU of the path between nodes as the context knows it: the override, else the platform's
/// (Azure: 1400, where the VNet fragments).
fn path_mtu(check: &Check<'_>) -> (u32, String) {
    match check.context.underlay_mtu {
        Some(mtu) => (mtu, String::from("the underlay MTU you gave")),
        None if check.context.platform == Platform::Azure => (
            1400,
            String::from("Azure's VNet path (it fragments above 1400 bytes)"),
        ),
        None => (
            check.context.platform.default_mtu(),
            format!("the {} platform default", check.context.platform.name()),
        ),
    }
}

/// The value the backend `MTU` key (the underlay MTU) should have for `backend` when `written`
/// would be flagged: above the path, or the path minus the overhead (a pod MTU written where the
/// underlay belongs). `None` when `written` is fine.
pub fn corrected_backend_mtu(check: &Check<'_>, backend: &str, written: u32) -> Option<u32> {
    let (path, _) = path_mtu(check);
    let overhead = super::mtu::overhead(backend).unwrap_or(0);
    (written > path || (overhead > 0 && written == path.saturating_sub(overhead))).then_some(path)
}

/// The MTU picture once this config's own fixes are applied (a backend type replaced, the backend
/// `MTU` key set to the path), or the current one when that is smaller. The delegate `"mtu"` and
/// `FLANNEL_MTU` are checked against it, so that their fixes still hold after the other fixes.
pub fn after_fixes(check: &Check<'_>) -> MtuReport {
    let mtu = check.mtu;
    let (path, _) = path_mtu(check);
    let backend =
        super::backend::fixed_type(&mtu.backend).map_or_else(|| mtu.backend.clone(), String::from);
    let mut overhead = super::mtu::overhead(&backend).unwrap_or(0);
    if backend == "ipsec" {
        overhead = mtu.overhead.max(overhead);
    }
    let base = match &check.conf.backend_mtu {
        Some(field) => {
            let key = u32::try_from(field.value).unwrap_or(0);
            if key > path || (mtu.overhead > 0 && key == path.saturating_sub(mtu.overhead)) {
                path
            } else {
                key
            }
        }
        None if check.context.platform == Platform::Azure
            && check.context.underlay_mtu.is_none()
            && overhead > 0 =>
        {
            1400
        }
        None => mtu.underlay,
    };
    let fixed = MtuReport {
        backend,
        underlay: base,
        underlay_source: String::from("after the fixes above"),
        overhead,
        pod_mtu: base.saturating_sub(overhead),
        configured_pod_mtu: mtu.configured_pod_mtu,
        configured_source: mtu.configured_source.clone(),
    };
    if fixed.pod_mtu < mtu.pod_mtu {
        fixed
    } else {
        mtu.clone()
    }
}

/// Rule `flannel/vxlan-ipv6-mtu` (warning): with IPv6 enabled, vxlan carries IPv6 pod traffic over
/// an IPv6 underlay, which costs 70 bytes (a 40-byte IPv6 header instead of 20), but flannel sets
/// the pod and device MTU to underlay − 50 for both families. IPv6 packets in the last 20 bytes
/// are too big for the path. No edit is offered: the lever is the delegate `"mtu"` in
/// cni-conf.json (underlay − 70), which lowers IPv4 pods too.
/// Source: flannel `pkg/backend/vxlan/device.go` (MTU − 50 for flannel-v6.N), Linux
/// `vxlan_core.c` (lower MTU − 70 for an IPv6 underlay), flannel#1781 (wontfix).
pub fn ipv6_overhead(check: &Check<'_>, out: &mut Emitter<'_>) {
    let conf = check.conf;
    if !conf.ipv6_enabled() || conf.backend_name() != "vxlan" {
        return;
    }
    let Some(field) = &conf.enable_ipv6 else {
        return;
    };
    let underlay = check.mtu.underlay;
    out.report(Draft { rule: RuleId::FlannelVxlanIpv6Mtu, severity: Severity::Warning, at: field.range(), message: format!("IPv6 over vxlan needs 70 bytes, but flannel gives pods {underlay} − 50 = {}: IPv6 packets over {} bytes do not fit", underlay.saturating_sub(50), underlay.saturating_sub(70)), why: format!("flannel gives flannel.1, flannel-v6.1 and FLANNEL_MTU the underlay MTU − 50 for both families, but vxlan over IPv6 adds a 40-byte outer header where IPv4 adds 20 (70 bytes), and the kernel clamps the IPv6 vxlan device to {underlay} − 70 = {} (flannel#1781, wontfix). Set the delegate \"mtu\" in cni-conf.json to {} (IPv4 pods too) or raise the underlay by 20. Check: `ping -6 -M do -s {} <pod-ip>` (40 + 8 header bytes).", underlay.saturating_sub(70), underlay.saturating_sub(70), underlay.saturating_sub(70 + 48)), fix: None });
}

/// Checks the backend `MTU` key and the platform's path.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    // Judge the MTU key with the backend the type fix leaves, so that both fixes agree.
    let retyped = super::backend::fixed_type(&check.mtu.backend).and_then(|backend| {
        let overhead = super::mtu::overhead(backend)?;
        Some(MtuReport {
            backend: String::from(backend),
            overhead,
            pod_mtu: check.mtu.underlay.saturating_sub(overhead),
            ..check.mtu.clone()
        })
    });
    let mtu = retyped.as_ref().unwrap_or(check.mtu);
    let (path, path_source) = path_mtu(check);
    if let Some(field) = &check.conf.backend_mtu {
        let key_value = u32::try_from(field.value).unwrap_or(0);
        if key_value > path {
            out.report(Draft { rule: RuleId::FlannelBackendMtu, severity: Severity::Error, at: field.range(), message: format!("Backend MTU {key_value} is above the path MTU {path}: pods get {key_value} − {} = {} but only {} fits", mtu.overhead, mtu.pod_mtu, path.saturating_sub(mtu.overhead)), why: format!("The backend MTU key is the underlay MTU flannel subtracts its {} overhead ({} bytes) from. The path between nodes carries {path} bytes ({path_source}), so pods must use {path} − {} = {}; larger packets are dropped. {}", mtu.backend, mtu.overhead, mtu.overhead, path.saturating_sub(mtu.overhead), ping_pair(path.saturating_sub(mtu.overhead))), fix: Some(Fix { title: format!("Set the backend MTU (the underlay) to {path}"), edits: vec![out.edit(field.start, field.end, &path.to_string())] }) });
        } else if mtu.overhead > 0 && key_value == path.saturating_sub(mtu.overhead) {
            out.report(Draft { rule: RuleId::FlannelBackendMtu, severity: Severity::Warning, at: field.range(), message: format!("Backend MTU {key_value} looks like a pod MTU, but it is the underlay MTU: pods get {key_value} − {} = {}, not {key_value}", mtu.overhead, mtu.pod_mtu), why: format!("flannel computes the pod MTU as (Backend MTU or the interface MTU) − {} bytes of {} overhead. With a {path}-byte path ({path_source}) the right value here is {path} (or no MTU key at all), giving pods {path} − {} = {key_value}. {}", mtu.overhead, mtu.backend, mtu.overhead, ping_pair(key_value)), fix: Some(Fix { title: format!("Set the backend MTU (the underlay) to {path}"), edits: vec![out.edit(field.start, field.end, &path.to_string())] }) });
        }
        return;
    }
    if check.context.platform == Platform::Azure
        && check.context.underlay_mtu.is_none()
        && mtu.overhead > 0
    {
        let Some(backend) = check.conf.backend_object() else {
            return;
        };
        let (at, text) = insert_member(check.text, backend, "\"MTU\": 1400");
        out.report(Draft { rule: RuleId::FlannelAzureVnetMtu, severity: Severity::Warning, at: (backend.start, backend.start + 1), message: format!("On Azure the VNet fragments above 1400 bytes: {} pods get {} − {} = {} but only 1400 − {} = {} passes unfragmented", mtu.backend, mtu.underlay, mtu.overhead, mtu.pod_mtu, mtu.overhead, 1400 - mtu.overhead.min(1400)), why: format!("Azure VM NICs report 1500, but the VNet fragments packets above 1,400 bytes (Azure docs, TCP/IP performance tuning; Cluster API for Azure sets 1400 for flannel vxlan). Setting the backend MTU (the underlay MTU flannel subtracts from) to 1400 gives pods {}. {}", 1400 - mtu.overhead.min(1400), ping_pair(1400 - mtu.overhead.min(1400))), fix: Some(Fix { title: String::from("Set the backend MTU (the underlay) to 1400"), edits: vec![out.edit(at, at, &text)] }) });
    }
}

/// The `"mtu"` member of flannel's delegate in a cni-conf.json: in the flannel plugin of a
/// `plugins` list, or in a single flannel plugin config.
pub(crate) fn delegate_mtu(root: &Node) -> Option<&Node> {
    let flannel = match root.get_ignore_case("plugins").map(|m| &m.value.value) {
        Some(Value::Array(plugins)) => plugins.iter().find(|p| {
            p.get_ignore_case("type").and_then(|t| t.value.as_str()) == Some("flannel")
        })?,
        _ => root,
    };
    let delegate = &flannel.get_ignore_case("delegate")?.value;
    delegate
        .members()?
        .iter()
        .rev()
        .find(|m| m.key == "mtu")
        .map(|m| &m.value)
}

/// Checks the delegate `"mtu"` of a cni-conf.json against the pod MTU `mtu`; `assumed` says the
/// MTU picture was not read from a net-conf.json in the same paste.
pub fn check_delegate(
    root: &Node,
    mtu: &MtuReport,
    assumed: bool,
    out: &mut Emitter<'_>,
) -> Option<u32> {
    let node = delegate_mtu(root)?;
    let value = node.as_i64().and_then(|v| u32::try_from(v).ok())?;
    let assumption = if assumed {
        format!(" (assuming the official manifest's vxlan backend over a {}-byte underlay; paste net-conf.json too for an exact answer)", mtu.underlay)
    } else {
        String::new()
    };
    if value > mtu.pod_mtu {
        out.report(Draft { rule: RuleId::FlannelDelegateMtu, severity: Severity::Error, at: (node.start, node.end), message: format!("The delegate \"mtu\": {value} overrides flannel's pod MTU {}: packets over {} bytes are dropped", mtu.pod_mtu, mtu.pod_mtu), why: format!("The flannel CNI plugin passes FLANNEL_MTU ({} − {} = {} for {}){assumption} to its delegate unless the delegate sets its own \"mtu\"; {value} is {} bytes more than the path carries after encapsulation. Set it to {} or remove it so flannel's value applies. {}", mtu.underlay, mtu.overhead, mtu.pod_mtu, mtu.backend, value - mtu.pod_mtu, mtu.pod_mtu, ping_pair(mtu.pod_mtu)), fix: Some(Fix { title: format!("Set the delegate mtu to {}", mtu.pod_mtu), edits: vec![out.edit(node.start, node.end, &mtu.pod_mtu.to_string())] }) });
    } else if value < mtu.pod_mtu {
        out.report(Draft { rule: RuleId::FlannelDelegateMtu, severity: Severity::Info, at: (node.start, node.end), message: format!("The delegate \"mtu\": {value} is below flannel's pod MTU {}: safe, but {} bytes per packet are unused", mtu.pod_mtu, mtu.pod_mtu - value), why: format!("The delegate \"mtu\" overrides FLANNEL_MTU{assumption}. {}", ping_pair(value)), fix: None });
    }
    Some(value)
}

/// Checks `FLANNEL_MTU` of a subnet.env against the pod MTU.
pub fn check_subnet_env(
    env: &[EnvLine],
    mtu: &MtuReport,
    assumed: bool,
    out: &mut Emitter<'_>,
) -> Option<u32> {
    let line = env.iter().find(|line| line.key == "FLANNEL_MTU")?;
    let Ok(value) = line.value.trim().parse::<u32>() else {
        out.report(Draft {
            rule: RuleId::FlannelSubnetEnvMtu,
            severity: Severity::Error,
            at: (line.value_start, line.value_end),
            message: format!("FLANNEL_MTU \"{}\" is not a number", line.value),
            why: String::from("flanneld writes FLANNEL_MTU as a whole number of bytes."),
            fix: None,
        });
        return None;
    };
    if value > mtu.pod_mtu && !assumed {
        out.report(Draft { rule: RuleId::FlannelSubnetEnvMtu, severity: Severity::Warning, at: (line.value_start, line.value_end), message: format!("FLANNEL_MTU={value} is above the pod MTU {} this config gives ({} − {} for {})", mtu.pod_mtu, mtu.underlay, mtu.overhead, mtu.backend), why: format!("flanneld rewrites /run/flannel/subnet.env at start; a larger value means a stale or hand-written file, or flanneld saw a larger interface MTU than the path carries. Restart flanneld (the file is its output, not an input). {}", ping_pair(mtu.pod_mtu)), fix: None });
    } else if assumed && value > 1450 && value + 50 > 1500 {
        out.report(Draft {
            rule: RuleId::FlannelSubnetEnvMtu,
            severity: Severity::Info,
            at: (line.value_start, line.value_end),
            message: format!(
                "FLANNEL_MTU={value}: with vxlan that needs an underlay of at least {}",
                value + 50
            ),
            why: format!(
                "flanneld writes FLANNEL_MTU = underlay − backend overhead (vxlan 50). {}",
                ping_pair(value)
            ),
            fix: None,
        });
    }
    Some(value)
}
