//! The MTU values the fixes work with: the path MTU between nodes as the context knows it, the
//! backend `MTU` key a fix writes, and the MTU picture once this config's own fixes are applied.

use alloc::format;
use alloc::string::String;

use super::backend_names::fixed_type;
use super::inputs::Check;
use super::mtu::overhead;
use crate::context::Platform;
use crate::report::MtuReport;

/// The MTU of the path between nodes as the context knows it: the override, else the platform's
/// (Azure: 1400, where the VNet fragments).
pub fn path_mtu(check: &Check<'_>) -> (u32, String) {
    match check.underlay.mtu {
        Some(mtu) => (mtu, String::from("the underlay MTU you gave")),
        None if check.underlay.platform == Platform::Azure => (
            1400,
            String::from("Azure's VNet path (it fragments above 1400 bytes)"),
        ),
        None => (
            check.underlay.platform.default_mtu(),
            format!("the {} platform default", check.underlay.platform.name()),
        ),
    }
}

/// The value the backend `MTU` key (the underlay MTU) should have for `backend` when `written`
/// would be flagged: above the path, or the path minus the overhead (a pod MTU written where the
/// underlay belongs). `None` when `written` is fine.
pub fn corrected_backend_mtu(check: &Check<'_>, backend: &str, written: u32) -> Option<u32> {
    let (path, _) = path_mtu(check);
    let overhead = overhead(backend).unwrap_or(0);
    (written > path || (overhead > 0 && written == path.saturating_sub(overhead))).then_some(path)
}

/// The MTU picture once this config's own fixes are applied (a backend type replaced, the backend
/// `MTU` key set to the path), or the current one when that is smaller. The delegate `"mtu"` and
/// `FLANNEL_MTU` are checked against it, so that their fixes still hold after the other fixes.
pub fn after_fixes(check: &Check<'_>) -> MtuReport {
    let mtu = check.mtu;
    let (path, _) = path_mtu(check);
    let backend = fixed_type(&mtu.backend).map_or_else(|| mtu.backend.clone(), String::from);
    let mut overhead = overhead(&backend).unwrap_or(0);
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
        None if check.underlay.platform == Platform::Azure
            && check.underlay.mtu.is_none()
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

/// The MTU picture the backend `MTU` key is judged against: with the backend the type fix leaves,
/// so that both fixes agree.
pub fn judged_mtu(check: &Check<'_>) -> MtuReport {
    let retyped = fixed_type(&check.mtu.backend).and_then(|backend| {
        let overhead = overhead(backend)?;
        Some(MtuReport {
            backend: String::from(backend),
            overhead,
            pod_mtu: check.mtu.underlay.saturating_sub(overhead),
            ..check.mtu.clone()
        })
    });
    retyped.unwrap_or_else(|| check.mtu.clone())
}
