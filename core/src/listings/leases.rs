//! flannel's subnet leases as etcdctl prints them: the keys `<prefix>/subnets/10.244.5.0-24`
//! (`etcdctl get --prefix [--keys-only]`, v2 `etcdctl ls`, `-o extended`'s `Key:` line), each
//! followed by its value when printed (`{"PublicIP":"192.168.64.3","BackendType":"vxlan",…}`).
//! A line that runs `etcdctl` on a key is a command, not a lease.

use alloc::vec::Vec;

use core::net::IpAddr;
use core::str::FromStr;

use super::words::{lines_from, At};
use crate::net::Cidr;

/// One lease: its range, and the `PublicIP` of its value when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseLine {
    /// The range of the key (`10.244.5.0-24` read as 10.244.5.0/24).
    pub subnet: At<Cidr>,
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
        if let Some(subnet) = lease_key(body, body_at) {
            let lease = LeaseLine {
                subnet,
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

/// The range of a lease key line (`/coreos.com/network/subnets/10.244.5.0-24`, optionally
/// after `Key: `).
fn lease_key(body: &str, at: usize) -> Option<At<Cidr>> {
    let (body, at) = match body.strip_prefix("Key: ") {
        Some(rest) => (rest.trim_start(), at + body.len() - rest.trim_start().len()),
        None => (body, at),
    };
    if !body.starts_with('/') || body.contains(char::is_whitespace) {
        return None;
    }
    let name_at = body.rfind("/subnets/")? + "/subnets/".len();
    let name = &body[name_at..];
    let (address, prefix) = name.rsplit_once('-')?;
    let mut block = alloc::string::String::from(address);
    block.push('/');
    block.push_str(prefix);
    let value = Cidr::from_str(&block).ok()?;
    Some(At {
        value,
        start: at + name_at,
        end: at + body.len(),
    })
}

/// The `PublicIP` of a lease value.
fn public_ip(body: &str, at: usize) -> Option<At<IpAddr>> {
    const KEY: &str = "\"PublicIP\":\"";
    let from = body.find(KEY)? + KEY.len();
    let len = body[from..].find('"')?;
    super::words::address(&body[from..from + len], at + from)
}
