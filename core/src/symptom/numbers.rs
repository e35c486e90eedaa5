//! The numbers an error line carries: its CIDRs, an address range (`a-b`), a quoted name, and
//! the arithmetic on them (how many addresses, which block holds a range).

use alloc::vec::Vec;

use core::net::IpAddr;

use crate::net::{Cidr, IpFamily};

/// Characters of an address or a CIDR.
fn in_address(c: char) -> bool {
    c.is_ascii_hexdigit() || matches!(c, '.' | ':' | '/')
}

/// Every CIDR written in `text`, in order.
pub fn cidrs(text: &str) -> Vec<Cidr> {
    text.split(|c: char| !in_address(c))
        .filter(|word| word.contains('/') && word.contains(['.', ':']))
        .filter_map(|word| word.trim_matches(['.', ':']).parse().ok())
        .collect()
}

/// The first address range `a-b` after `after` (host-local's "range set: a-b,c-d").
pub fn ip_range(text: &str, after: &str) -> Option<(IpAddr, IpAddr)> {
    let at = super::signature::find(text, after)? + after.len();
    let word = text[at..]
        .trim_start()
        .split(|c: char| !(in_address(c) || c == '-'))
        .next()?;
    let (first, last) = word.split_once('-')?;
    let first: IpAddr = first.parse().ok()?;
    let last: IpAddr = last.trim_end_matches(['.', ':']).parse().ok()?;
    (first.is_ipv4() == last.is_ipv4()).then_some((first, last))
}

/// The address as a number and its family.
pub fn number(ip: IpAddr) -> (u128, IpFamily) {
    match ip {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)), IpFamily::V4),
        IpAddr::V6(v6) => (u128::from(v6), IpFamily::V6),
    }
}

/// How many addresses `first..=last` holds.
pub fn count(first: IpAddr, last: IpAddr) -> u128 {
    let (a, _) = number(first);
    let (b, _) = number(last);
    b.saturating_sub(a).saturating_add(1)
}

/// The smallest block that holds `first..=last` (the node range host-local cuts pods from).
pub fn block(first: IpAddr, last: IpAddr) -> Option<Cidr> {
    let (a, family) = number(first);
    let (b, _) = number(last);
    let differing = 128 - (a ^ b).leading_zeros() as u8;
    let width = family.bits();
    let prefix = width.checked_sub(differing.min(width))?;
    Cidr::new(family, a, prefix).ok().map(|cidr| cidr.aligned())
}

/// The word right after `marker` (or right before it, `before`), without quotes and the
/// backslashes of a quoted log field: the node name in `node "n1" pod cidr not assigned`.
pub fn word_near<'a>(text: &'a str, marker: &str, before: bool) -> Option<&'a str> {
    let at = super::signature::find(text, marker)?;
    let word = if before {
        text[..at].split_whitespace().next_back()?
    } else {
        text[at + marker.len()..]
            .trim_start_matches([':', '=', ' '])
            .split_whitespace()
            .next()?
    };
    let word = word.trim_matches(|c: char| matches!(c, '"' | '\\' | '\'' | ',' | ':' | ';'));
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn reads_the_numbers_of_a_line() {
        let line = "no IP addresses available in range set: 10.244.1.1-10.244.1.254";
        let (first, last) = ip_range(line, "range set:").expect("a range");
        assert_eq!(count(first, last), 254);
        assert_eq!(
            block(first, last).expect("a block").to_string(),
            "10.244.1.0/24"
        );
        let overlap = "The specified service CIDR 10.0.0.0/16 is conflicted with an existing subnet CIDR 10.0.239.0/24.";
        let found: Vec<_> = cidrs(overlap).iter().map(ToString::to_string).collect();
        assert_eq!(found, ["10.0.0.0/16", "10.0.239.0/24"]);
        let node = r#"failed to acquire lease: node \"worker-1\" pod cidr not assigned"#;
        assert_eq!(word_near(node, "pod cidr", true), Some("worker-1"));
        assert_eq!(ip_range("range set: x-y", "range set:"), None);
    }
}
