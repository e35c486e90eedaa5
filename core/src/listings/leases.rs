//! flannel's subnet leases as etcdctl prints them: the keys `<prefix>/subnets/10.244.5.0-24`
//! (a dual-stack lease adds its IPv6 range: `10.244.5.0-24&fc00:0:0:5::-64`, flannel's
//! `subnet.MakeSubnetKey`) (`etcdctl get --prefix [--keys-only]`, v2 `etcdctl ls`, `-o extended`'s `Key:` line), each
//! followed by its value when printed (`{"PublicIP":"192.168.64.3","BackendType":"vxlan",…}`).
//! A line that runs `etcdctl` on a key is a command, not a lease.

use alloc::vec::Vec;

use core::net::IpAddr;
use core::str::FromStr;

use super::words::{lines_from, At};
use crate::net::{Cidr, IpFamily};

/// One lease: its range, and the `PublicIP` of its value when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseLine {
    /// The range of the key (`10.244.5.0-24` read as 10.244.5.0/24).
    pub subnet: At<Cidr>,
    /// The IPv6 range of a dual-stack key, after `&`.
    pub subnet6: Option<At<Cidr>>,
    /// The value's `PublicIP`.
    pub public_ip: Option<At<IpAddr>>,
}

/// A run of lease keys and values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeaseListing {
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The leases in the order printed.
    pub leases: Vec<LeaseLine>,
}

/// `-o extended`'s lines between a key and its value.
const EXTENDED: [&str; 4] = ["Created-Index:", "Modified-Index:", "TTL:", "Index:"];

/// Every run of leases in `text`.
pub fn find(text: &str) -> Vec<LeaseListing> {
    let mut found: Vec<LeaseListing> = Vec::new();
    let mut open = false;
    for (at, line) in lines_from(text, 0) {
        let body = line.trim();
        let body_at = at + (line.len() - line.trim_start().len());
        if let Some((subnet, subnet6)) = lease_key(body, body_at) {
            let lease = LeaseLine {
                subnet,
                subnet6,
                public_ip: None,
            };
            match found.last_mut().filter(|_| open) {
                Some(run) => {
                    run.leases.push(lease);
                    run.end = at + line.len();
                }
                None => found.push(LeaseListing {
                    start: at,
                    end: at + line.len(),
                    leases: alloc::vec![lease],
                }),
            }
            open = true;
            continue;
        }
        let Some(run) = found.last_mut().filter(|_| open) else {
            continue;
        };
        if body.starts_with('{') {
            if let Some(last) = run.leases.last_mut().filter(|l| l.public_ip.is_none()) {
                last.public_ip = public_ip(body, body_at);
            }
            run.end = at + line.len();
        } else if !(body.is_empty() || EXTENDED.iter().any(|key| body.starts_with(key))) {
            open = false;
        }
    }
    found
}

/// The ranges of a lease key line (`/coreos.com/network/subnets/10.244.5.0-24`, optionally
/// after `Key: `, with `&<IPv6 range>` for a dual-stack lease).
fn lease_key(body: &str, at: usize) -> Option<(At<Cidr>, Option<At<Cidr>>)> {
    let (body, at) = match body.strip_prefix("Key: ") {
        Some(rest) => (rest.trim_start(), at + body.len() - rest.trim_start().len()),
        None => (body, at),
    };
    if !body.starts_with('/') || body.contains(char::is_whitespace) {
        return None;
    }
    let name_at = body.rfind("/subnets/")? + "/subnets/".len();
    let name = &body[name_at..];
    let (v4, v6) = match name.split_once('&') {
        Some((v4, v6)) => (v4, Some(v6)),
        None => (name, None),
    };
    let v4_at = at + name_at;
    let subnet = At {
        value: range(v4).filter(|cidr| cidr.family() == IpFamily::V4)?,
        start: v4_at,
        end: v4_at + v4.len(),
    };
    let subnet6 = match v6 {
        Some(v6) => Some(At {
            value: range(v6).filter(|cidr| cidr.family() == IpFamily::V6)?,
            start: v4_at + v4.len() + 1,
            end: at + body.len(),
        }),
        None => None,
    };
    Some((subnet, subnet6))
}

/// A key's range, `10.244.5.0-24` or `fc00:0:0:5::-64`, as a CIDR.
fn range(name: &str) -> Option<Cidr> {
    let (address, prefix) = name.rsplit_once('-')?;
    let mut block = alloc::string::String::from(address);
    block.push('/');
    block.push_str(prefix);
    Cidr::from_str(&block).ok()
}

/// The `PublicIP` of a lease value.
fn public_ip(body: &str, at: usize) -> Option<At<IpAddr>> {
    const KEY: &str = "\"PublicIP\":\"";
    let from = body.find(KEY)? + KEY.len();
    let len = body[from..].find('"')?;
    super::words::address(&body[from..from + len], at + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dual_stack_key_gives_both_ranges_and_a_broken_half_no_lease() {
        let text = "/coreos.com/network/subnets/10.5.1.0-24&fc00:0:0:1::-64\n{\"PublicIP\":\"192.168.1.10\"}\n/coreos.com/network/subnets/10.5.2.0-24&10.6.0.0-24\n";
        let found = find(text);
        assert_eq!(found.len(), 1);
        let lease = &found[0].leases[0];
        assert_eq!(&text[lease.subnet.start..lease.subnet.end], "10.5.1.0-24");
        let v6 = lease.subnet6.as_ref().expect("the IPv6 half");
        assert_eq!(&text[v6.start..v6.end], "fc00:0:0:1::-64");
        assert_eq!(v6.value.to_string(), "fc00:0:0:1::/64");
        assert_eq!(
            found[0].leases.len(),
            1,
            "an IPv4 range after & is no lease"
        );
    }
}
