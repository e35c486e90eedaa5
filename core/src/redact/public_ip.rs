//! Public IPv4 and IPv6 addresses (identifier tier). Never redacts what the analysis needs:
//! private (RFC 1918), CGNAT (RFC 6598), loopback, link-local, documentation, benchmarking,
//! multicast and reserved addresses stay, and so does any address written as a CIDR (`a.b.c.d/n`,
//! `2603:1030::/48`). Well-known public resolvers (8.8.8.8, 1.1.1.1, …) and Azure's platform
//! address 168.63.129.16 say nothing about the user and stay too.
//!
//! IPv6: only global unicast space (2000::/3, RFC 4291) is public, so unique local (fc00::/7),
//! link-local (fe80::/10), loopback, multicast and IPv4-mapped addresses never match; inside
//! 2000::/3 the documentation prefixes (2001:db8::/32, RFC 3849; 3fff::/20, RFC 9637), the IETF
//! protocol assignments (2001::/23, RFC 6890: Teredo, benchmarking, ORCHID) and 6to4 addresses of a
//! non-public IPv4 address (2002::/16, RFC 3056) stay. An address of 2000::/3 always starts with a
//! four-digit group `2xxx:` or `3xxx:`, which is what the scan looks for; MAC addresses (two-digit
//! groups), times (`12:30:45`), `::` and hex digests (after `sha256:`) never start that way or fail
//! to parse as an address.

use core::net::{Ipv4Addr, Ipv6Addr};
use core::str::FromStr;

use super::found::Found;
use super::kind;
use super::scan::is_word;
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
    let [a, b, c, _] = octets;
    let address = Cidr::from(Ipv4Addr::from(octets));
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

/// True when a 128-bit address is ordinary public (global unicast) IPv6 space.
pub fn is_public_v6(address: u128) -> bool {
    let in_block = |network: u128, prefix: u32| (address ^ network) >> (128 - prefix) == 0;
    let global_unicast = in_block(0x2000 << 112, 3);
    let special = in_block(0x2001_0db8 << 96, 32)
        || in_block(0x3fff << 112, 20)
        || in_block(0x2001 << 112, 23);
    let six_to_four = in_block(0x2002 << 112, 16);
    if six_to_four {
        // 2002:AABB:CCDD::/48 carries the IPv4 address AA.BB.CC.DD.
        let v4 = ((address >> 80) & 0xffff_ffff) as u32;
        return is_public(v4.to_be_bytes());
    }
    global_unicast && !special
}

/// Longest IPv6 literal (eight groups of four, or six groups and a dotted quad).
const MAX_V6_LEN: usize = 45;

/// What starts at a `2xxx:`/`3xxx:` group: a public IPv6 address, something else that looks like
/// an address (a CIDR, a non-public address) and must be skipped whole, or nothing.
enum V6 {
    Public(usize),
    Skip(usize),
    None,
}

/// Reads an IPv6 literal starting at `at` (a word boundary, a four-digit first group).
fn ipv6_at(bytes: &[u8], at: usize) -> V6 {
    let run = bytes[at..]
        .iter()
        .take(MAX_V6_LEN + 2)
        .take_while(|&&b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        .count();
    let run_end = at + run;
    if run > MAX_V6_LEN + 1 || bytes.get(run_end).is_some_and(|&b| is_word(b)) {
        return V6::None;
    }
    // A sentence may end right after the address (`… 2603:1030::1.` or `…::1:`).
    let mut end = run_end;
    while end > at && bytes[end - 1] == b'.' {
        end -= 1;
    }
    if end > at + 1 && bytes[end - 1] == b':' && bytes[end - 2] != b':' {
        end -= 1;
    }
    let Ok(literal) = core::str::from_utf8(&bytes[at..end]) else {
        return V6::None;
    };
    let Ok(address) = Ipv6Addr::from_str(literal) else {
        return V6::None;
    };
    let is_cidr =
        bytes.get(end) == Some(&b'/') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    if !is_cidr && is_public_v6(u128::from(address)) {
        V6::Public(end)
    } else {
        V6::Skip(end)
    }
}

/// True when `at` may start a global unicast IPv6 literal: `2xxx:` or `3xxx:` after a boundary
/// that is not part of a longer address, name or digest.
fn starts_v6(bytes: &[u8], at: usize) -> bool {
    matches!(bytes[at], b'2' | b'3')
        && bytes.get(at + 4) == Some(&b':')
        && bytes[at + 1..at + 4].iter().all(u8::is_ascii_hexdigit)
        && (at == 0 || !(is_word(bytes[at - 1]) || matches!(bytes[at - 1], b'.' | b'-' | b':')))
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

/// Scans the whole text for public IPv4 and IPv6 addresses.
///
/// Every address holds a `.` (IPv4) or a `:` (IPv6) within its first five bytes, so the scan
/// jumps from one of those separators to the next (eight bytes at a time) and looks back for
/// where an address would start: the run of digits and dots holding the `.`, or the four-digit
/// group before the `:`.
pub fn scan(text: &str, found: &mut Found) {
    let bytes = text.as_bytes();
    // Everything before `done` has been looked at.
    let mut done = 0;
    let mut from = 0;
    while let Some(separator) = next_separator(bytes, from) {
        from = separator + 1;
        if separator < done {
            continue;
        }
        if bytes[separator] == b':' {
            let Some(start) = separator.checked_sub(4) else {
                continue;
            };
            if start < done || !starts_v6(bytes, start) {
                continue;
            }
            match ipv6_at(bytes, start) {
                V6::Public(end) => {
                    if !is_network_setting(bytes, start) {
                        found.add(start, end, &kind::PUBLIC_IP);
                    }
                    done = end;
                }
                V6::Skip(end) => done = end,
                V6::None => {}
            }
            continue;
        }
        // The run of digits and dots holding this dot, from its first digit.
        let mut run_start = separator;
        while run_start > done && matches!(bytes[run_start - 1], b'0'..=b'9' | b'.') {
            run_start -= 1;
        }
        let Some(first_digit) = bytes[run_start..]
            .iter()
            .position(u8::is_ascii_digit)
            .map(|i| run_start + i)
        else {
            continue;
        };
        done = ipv4_at(bytes, first_digit, found);
        from = from.max(done);
    }
}

/// Key words of settings whose addresses are the cluster's own network plan (a DNS service IP, a
/// pod or service range member, a VNet address), normalised: configuration the analysis needs,
/// not an identifier of someone's host.
const NETWORK_SETTINGS: [&str; 12] = [
    "dnsserviceip",
    "dnsip",
    "serviceip",
    "servicecidr",
    "podcidr",
    "clustercidr",
    "clusterip",
    "serviceclusteriprange",
    "subnet",
    "network",
    "addressprefix",
    "dockerbridge",
];

/// True when the address at `at` is the value of a key or flag that names a networking setting:
/// `--dns-service-ip 172.2.0.10`, `$dns_service_ip="172.2.0.10"`, `"dnsServiceIP": "…"`,
/// `FLANNEL_SUBNET=…`.
fn is_network_setting(bytes: &[u8], at: usize) -> bool {
    let key = key_before(bytes, at);
    !key.is_empty() && NETWORK_SETTINGS.iter().any(|setting| key.contains(setting))
}

/// True when the dotted quad at `at` is the value of a version key (ARM's `"contentVersion":
/// "1.0.0.0"`, `AssemblyVersion=2.1.0.3`): four numbers that are no address at all.
fn is_version(bytes: &[u8], at: usize) -> bool {
    key_before(bytes, at).ends_with("version")
}

/// The key or flag whose value starts at `at` on its line, lowercased and with only its letters
/// and digits (`"dnsServiceIP": "` → `dnsserviceip`); empty when the value has none.
fn key_before(bytes: &[u8], at: usize) -> alloc::string::String {
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let before = &bytes[line_start..at];
    // Step back over the quote, the separator and the blanks between key and value.
    let mut end = before.len();
    while end > 0 && matches!(before[end - 1], b'"' | b'\'' | b' ' | b'\t' | b'=' | b':') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (is_word(before[start - 1]) || matches!(before[start - 1], b'-' | b'.')) {
        start -= 1;
    }
    before[start..end]
        .iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// Looks for a public IPv4 address at `at` (the first digit of a run of digits and dots); returns
/// the run's end.
fn ipv4_at(bytes: &[u8], at: usize, found: &mut Found) -> usize {
    let run_end = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .count();
    let boundary_before =
        at == 0 || !(is_word(bytes[at - 1]) || matches!(bytes[at - 1], b'.' | b'-'));
    if boundary_before {
        if let Some((octets, end)) = dotted_quad(bytes, at) {
            let next = bytes.get(end).copied();
            let boundary_after = end == run_end && !next.is_some_and(is_word);
            let is_cidr = next == Some(b'/') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if boundary_after
                && !is_cidr
                && is_public(octets)
                && !is_network_setting(bytes, at)
                && !is_version(bytes, at)
            {
                found.add(at, end, &kind::PUBLIC_IP);
            }
        }
    }
    run_end.max(at + 1)
}

/// The first `.` or `:` at or after `from`, looked for eight bytes at a time.
fn next_separator(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `word` equal to `byte` (the lowest such byte exactly; higher
    // ones may be false alarms, which the caller never reads).
    let equal = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let hits = equal(word, b'.') | equal(word, b':');
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|&b| b == b'.' || b == b':')
        .map(|i| at + i)
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

    #[test]
    fn version_numbers_are_not_addresses() {
        let text = "\"contentVersion\": \"1.0.0.0\",\nAssemblyVersion=2.1.0.3\nversion 20.61.14.7 host: 20.61.14.8";
        assert_eq!(ips(text), ["20.61.14.8"]);
    }

    #[test]
    fn only_global_unicast_ipv6_outside_cidrs() {
        let text =
            "lb 2603:1030:20e:3::23a, [2a01:4f8:c17:b8f::2]:443 and 2600:1f18:4a3:6e00:1:2:3:4.\n\
            pods fd00:10:244::/56 svc fd12:3456:789a:1::a ll fe80::1%eth0 lo ::1 any :: \
            doc 2001:db8::10 3fff:0:1::5 teredo 2001:0:4136:e378:8000:63bf:3fff:fdd2 \
            mapped ::ffff:10.0.0.5 6to4 2002:c0a8:101::1 2002:3d0:2f01::1 net 2603:1030:20e::/48 \
            mac 02:42:ac:11:00:02 time 12:30:45 2024:10:11 digest sha256:2f3a:9abc::1 \
            inner fd00:2603:1030::1 hex 2fa3b4c5d6e7f8a9 word 2603:1030::1x";
        assert_eq!(
            ips(text),
            [
                "2603:1030:20e:3::23a",
                "2a01:4f8:c17:b8f::2",
                "2600:1f18:4a3:6e00:1:2:3:4",
                "2002:3d0:2f01::1"
            ]
        );
    }

    #[test]
    fn separators_are_found_in_every_position() {
        for len in 0..20 {
            for at in 0..len {
                let mut text = alloc::vec![b'a'; len];
                text[at] = if at % 2 == 0 { b'.' } else { b':' };
                assert_eq!(next_separator(&text, 0), Some(at));
                assert_eq!(next_separator(&text, at + 1), None);
            }
        }
        assert_eq!(next_separator(b"\xff\x80.", 0), Some(2));
    }

    #[test]
    fn global_unicast_ranges() {
        let v6 = |text: &str| u128::from(Ipv6Addr::from_str(text).expect("address"));
        assert!(is_public_v6(v6("2603:1030::1")));
        assert!(is_public_v6(v6("3ffe::1")));
        assert!(!is_public_v6(v6("4000::1")));
        assert!(!is_public_v6(v6("1fff::1")));
        assert!(!is_public_v6(v6("2001:db8:ffff::1")));
        assert!(!is_public_v6(v6("2001:1ff::1")));
        assert!(is_public_v6(v6("2001:200::1")));
        assert!(!is_public_v6(v6("2002:0a00:0001::1")));
    }
}
