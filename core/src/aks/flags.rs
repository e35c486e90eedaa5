//! What podnet knows about `az aks create` / `az aks update` flags: short aliases, the networking
//! flags the rules read, and the closest networking flag to a misspelled one.
//!
//! Source: azure-cli `src/azure-cli/azure/cli/command_modules/acs/_params.py`.

/// Short flags and the long flag each stands for.
pub const SHORT_FLAGS: [(&str, &str); 8] = [
    ("-g", "--resource-group"),
    ("-n", "--name"),
    ("-c", "--node-count"),
    ("-m", "--max-pods"),
    ("-l", "--location"),
    ("-s", "--node-vm-size"),
    ("-k", "--kubernetes-version"),
    ("-a", "--enable-addons"),
];

/// The networking flags the rules read (and the ones a typo is compared against).
pub const NETWORK_FLAGS: [&str; 26] = [
    "--network-plugin",
    "--network-plugin-mode",
    "--network-dataplane",
    "--network-policy",
    "--pod-cidr",
    "--pod-cidrs",
    "--service-cidr",
    "--service-cidrs",
    "--dns-service-ip",
    "--ip-families",
    "--vnet-subnet-id",
    "--pod-subnet-id",
    "--max-pods",
    "--node-count",
    "--outbound-type",
    "--docker-bridge-address",
    "--load-balancer-sku",
    "--load-balancer-managed-outbound-ip-count",
    "--load-balancer-outbound-ips",
    "--load-balancer-outbound-ip-prefixes",
    "--load-balancer-outbound-ports",
    "--load-balancer-idle-timeout",
    "--max-surge",
    "--max-count",
    "--min-count",
    "--enable-cluster-autoscaler",
];

/// Other flags of `az aks create|update` that are close to a networking flag but correct.
const OTHER_KNOWN_FLAGS: [&str; 12] = [
    "--resource-group",
    "--name",
    "--location",
    "--node-vm-size",
    "--nodepool-name",
    "--kubernetes-version",
    "--enable-addons",
    "--node-osdisk-size",
    "--zones",
    "--tags",
    "--network-policy-mode",
    "--pod-ip-allocation-mode",
];

/// The long name `flag` stands for (a short flag's long form, otherwise itself).
pub fn long_name(flag: &str) -> &str {
    SHORT_FLAGS
        .iter()
        .find(|(short, _)| *short == flag)
        .map_or(flag, |(_, long)| long)
}

/// True for flags podnet knows.
pub fn is_known(flag: &str) -> bool {
    NETWORK_FLAGS.contains(&flag) || OTHER_KNOWN_FLAGS.contains(&flag)
}

/// The networking flag `flag` most likely meant: the single closest by edit distance, within
/// two edits (three for long names), or one that differs only in case, `_` for `-` or a missing
/// leading dash.
pub fn likely_intended(flag: &str) -> Option<&'static str> {
    if is_known(flag) || !flag.starts_with('-') {
        return None;
    }
    let normalized: alloc::string::String = flag
        .trim_start_matches('-')
        .chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let mut best: Option<(&'static str, usize)> = None;
    let mut tied = false;
    for candidate in NETWORK_FLAGS {
        // More than three characters apart in length means more than three edits: skip early.
        if normalized.len().abs_diff(candidate.len() - 2) > 3 {
            continue;
        }
        let distance = edit_distance(&normalized, &candidate[2..]);
        match best {
            Some((_, d)) if distance > d => {}
            Some((_, d)) if distance == d => tied = true,
            _ => {
                best = Some((candidate, distance));
                tied = false;
            }
        }
    }
    let (candidate, distance) = best?;
    let allowed = if candidate.len() > 14 { 3 } else { 2 };
    (distance <= allowed && !tied).then_some(candidate)
}

/// Levenshtein distance over bytes (flags are ASCII), bounded to short inputs.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut previous: alloc::vec::Vec<usize> = (0..=b.len()).collect();
    let mut current = alloc::vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        core::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_flags_map_to_long_ones() {
        assert_eq!(long_name("-g"), "--resource-group");
        assert_eq!(long_name("-m"), "--max-pods");
        assert_eq!(long_name("--pod-cidr"), "--pod-cidr");
    }

    #[test]
    fn typos_find_the_networking_flag() {
        assert_eq!(likely_intended("--pod-cider"), Some("--pod-cidr"));
        assert_eq!(
            likely_intended("--network-pluggin"),
            Some("--network-plugin")
        );
        assert_eq!(likely_intended("--dns-service-ip-address"), None);
        assert_eq!(likely_intended("--service_cidr"), Some("--service-cidr"));
        assert_eq!(
            likely_intended("--netwrok-policy"),
            Some("--network-policy")
        );
        assert_eq!(likely_intended("--network-plugin"), None);
        assert_eq!(likely_intended("--enable-managed-identity"), None);
        assert_eq!(likely_intended("--generate-ssh-keys"), None);
        assert_eq!(likely_intended("-pod-cidr"), Some("--pod-cidr"));
    }
}
