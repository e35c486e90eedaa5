//! `aks/resource-id`: --vnet-subnet-id or --pod-subnet-id is not a subnet's resource id.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksResourceId,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "--vnet-subnet-id or --pod-subnet-id is not a subnet's resource id.",
    what: "A subnet id azure-cli's shape check refuses (an error), a well-formed resource id that \
        is not a subnet's (a warning), or an id shortened with ... (info). Shell variables inside \
        an id stand for one segment each and pass, as they do for azure-cli.",
    why: "azure-cli stops with \"--vnet-subnet-id is not a valid Azure resource ID.\" before it \
        sends anything; a well-formed id of something else passes azure-cli, and AKS refuses it.",
    how_to_fix: "Write the full id: \
        /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>. \
        Give the subnet's range as vnet-cidr in the context, so the overlap and capacity checks \
        can use it. No automatic fix.",
    source: "azure-cli azure/cli/command_modules/acs/_validators.py (_validate_subnet_id, which \
        uses is_valid_resource_id).",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks the shape of `--vnet-subnet-id` and `--pod-subnet-id`.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    for name in ["--vnet-subnet-id", "--pod-subnet-id"] {
        let Some(value) = facts
            .command
            .get(name)
            .and_then(|option| option.value.as_ref())
        else {
            continue;
        };
        // Variables inside an id (`/subscriptions/$SUB/…`) each stand for one segment: its shape
        // can still be checked. An id that is one variable (`$SUBNET_ID`) cannot.
        if let Some(shape) = shape_of(&value.text) {
            resource_id(name, &shape, value.start, out);
        }
    }
}

/// How a subnet resource id is laid out, for the messages.
const SUBNET_ID_SHAPE: &str = "/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";

fn resource_id(name: &str, text: &str, start: usize, out: &mut Out<'_>) {
    let range = (start, start + text.len());
    if text.contains("...") || text.contains('…') {
        out.report(Draft { rule: RuleId::AksResourceId, severity: Severity::Info, at: range, message: format!("{name} is shortened with \"...\"; the real command needs the full subnet resource id"), why: format!("A subnet id is {SUBNET_ID_SHAPE}. The subnet's address range matters for the overlap and capacity checks: give it as vnet-cidr in the context."), fix: None });
        return;
    }
    if !azure_cli_accepts(text) {
        out.report(Draft { rule: RuleId::AksResourceId, severity: Severity::Error, at: range, message: format!("{name} is not a valid Azure resource ID."), why: format!("azure-cli refuses it before sending anything: an id reads /subscriptions/<id>[/resourceGroups/<group>][/providers/<namespace>/<type>/<name>…], no empty part, no trailing slash. A subnet id is {SUBNET_ID_SHAPE}. Source: azure-cli acs/_validators.py (is_valid_resource_id)."), fix: None });
        return;
    }
    if !is_subnet_id(text) {
        out.report(Draft { rule: RuleId::AksResourceId, severity: Severity::Warning, at: range, message: format!("{name} is a resource id, but not a subnet's"), why: format!("azure-cli only checks the shape of a resource id, so it sends this one; AKS needs the id of a subnet, {SUBNET_ID_SHAPE}, and refuses anything else."), fix: None });
    }
}

/// The id with each shell variable or placeholder in it replaced by a one-segment stand-in, when
/// its shape is written out (it starts with `/`); `None` for an id that is a variable itself.
fn shape_of(text: &str) -> Option<String> {
    if !text.starts_with('/') {
        return (!crate::placeholder::is_placeholder(text)).then(|| String::from(text));
    }
    let segments: Vec<String> = text
        .split('/')
        .map(|segment| {
            if !segment.is_empty() && crate::placeholder::is_placeholder(segment) {
                String::from("x")
            } else {
                String::from(segment)
            }
        })
        .collect();
    Some(segments.join("/"))
}

/// What azure-cli's `is_valid_resource_id` accepts: `/subscriptions/<s>`, then optionally
/// `/resourceGroups/<g>`, then optionally `/providers/<namespace>/<type>/<name>` followed by
/// `<type>/<name>` pairs, every name non-empty, names of the fixed parts compared ignoring case,
/// nothing left over.
fn azure_cli_accepts(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('/') else {
        return false;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let fixed = |at: usize, name: &str| {
        segments
            .get(at)
            .is_some_and(|segment| segment.eq_ignore_ascii_case(name))
    };
    let named = |at: usize| segments.get(at).is_some_and(|segment| !segment.is_empty());
    if !fixed(0, "subscriptions") || !named(1) {
        return false;
    }
    let mut at = 2;
    if fixed(at, "resourceGroups") {
        if !named(at + 1) {
            return false;
        }
        at += 2;
    }
    if at == segments.len() {
        return true;
    }
    if !fixed(at, "providers") || !named(at + 1) || segments.len() < at + 4 || !named(at + 3) {
        return false;
    }
    let children = &segments[at + 4..];
    children.len() % 2 == 0 && children.chunks(2).all(|pair| !pair[1].is_empty())
}

/// A resource id that ends in `providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`.
fn is_subnet_id(text: &str) -> bool {
    let segments: Vec<&str> = text.trim_end_matches('/').rsplit('/').take(6).collect();
    matches!(
        segments.as_slice(),
        [_, subnets, _, networks, namespace, providers]
            if subnets.eq_ignore_ascii_case("subnets")
                && networks.eq_ignore_ascii_case("virtualNetworks")
                && namespace.eq_ignore_ascii_case("Microsoft.Network")
                && providers.eq_ignore_ascii_case("providers")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_ids_are_checked_for_shape_as_azure_cli_does() {
        let subnet = "/subscriptions/<subscriptionId>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";
        assert!(azure_cli_accepts(subnet));
        assert!(is_subnet_id(subnet));
        for accepted in [
            "/subscriptions/x",
            "/subscriptions/x/resourcegroups/rg/providers/Microsoft.Network/virtualNetworks/v",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
        ] {
            assert!(azure_cli_accepts(accepted), "{accepted}");
        }
        for refused in [
            "subscriptions/x/resourceGroups/rg",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s/",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets",
            "/subscriptions/x/resourceGroups//providers/a/b/c",
            "/subscriptions/x/foo/bar",
            "/subscriptions//resourceGroups/rg",
        ] {
            assert!(!azure_cli_accepts(refused), "{refused}");
        }
        assert!(!is_subnet_id(
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
        ));
    }
}
