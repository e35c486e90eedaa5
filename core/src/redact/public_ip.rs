//! Public IPv4 addresses (identifier tier). Never redacts what the analysis needs: private
//! (RFC 1918), CGNAT (RFC 6598), loopback, link-local, documentation, benchmarking, multicast and
//! reserved addresses stay, and so does any address written as a CIDR (`a.b.c.d/n`). Well-known
//! public resolvers (8.8.8.8, 1.1.1.1, …) and Azure's platform address 168.63.129.16 say nothing
//! about the user and stay too.

use super::found::Found;
use super::kind;
use crate::net::{private_ranges, Cidr, WELL_KNOWN_RANGES};

/// Public resolvers and Azure's platform address (DNS, DHCP and health probes on every VNet).
const WELL_KNOWN_PUBLIC: [[u8; 4]; 7] = [
    [8, 8, 8, 8],
    [8, 8, 4, 4],
    [1, 1, 1, 1],
    [1, 0, 0, 1],
    [9, 9, 9, 9],
    [149, 112, 112, 112],
    [168, 63, 129, 16],
];

/// True when `octets` is ordinary public unicast space.
pub fn is_public(octets: [u8; 4]) -> bool {
    let [a, b, c, d] = octets;
    let address = Cidr::v4(a, b, c, d, 32);
    // 192.0.0.0/24 holds IETF protocol assignments (RFC 6890).
    let special = WELL_KNOWN_PUBLIC.contains(&octets)
        || private_ranges()
            .iter()
            .any(|range| range.cidr.contains(&address))
        || WELL_KNOWN_RANGES
            .iter()
            .any(|range| range.cidr.contains(&address))
        || (a == 192 && b == 0 && c == 0);
    !special
}

/// Reads a dotted quad at `at`; returns the octets and the end.
fn dotted_quad(bytes: &[u8], at: usize) -> Option<([u8; 4], usize)> {
    let mut octets = [0u8; 4];
    let mut i = at;
    for (n, octet) in octets.iter_mut().enumerate() {
        if n > 0 {
            if bytes.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
        let digits = bytes[i.min(bytes.len())..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let value = bytes[i..i + digits]
            .iter()
            .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0'));
        *octet = u8::try_from(value).ok()?;
        i += digits;
    }
    Some((octets, i))
}

/// Scans the whole text for public IPv4 addresses.
pub fn scan(text: &str, found: &mut Found) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let run_end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b'.')
                .count();
        let boundary_before = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || matches!(bytes[at - 1], b'.' | b'_' | b'-'));
        if boundary_before {
            if let Some((octets, end)) = dotted_quad(bytes, at) {
                let next = bytes.get(end).copied();
                let boundary_after =
                    end == run_end && !next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
                let is_cidr =
                    next == Some(b'/') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if boundary_after && !is_cidr && is_public(octets) {
                    found.add(at, end, &kind::PUBLIC_IP);
                }
            }
        }
        at = run_end.max(at + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn ips(text: &str) -> Vec<String> {
        let mut found = Found::default();
        scan(text, &mut found);
        found.merged_texts(text)
    }

    #[test]
    fn only_public_addresses_outside_cidrs() {
        let text = "lb 20.61.14.7, pods 10.244.0.0/16 dns 10.0.0.10 cgnat 100.64.1.1 doc 203.0.113.9 v1.2.3.4 ver 1.28.3.4.5 net 52.1.0.0/16 8.8.8.8 x:52.14.200.1:443";
        assert_eq!(ips(text), ["20.61.14.7", "52.14.200.1"]);
    }
}
