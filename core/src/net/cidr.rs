//! CIDR blocks of either family, with the arithmetic capacity and overlap rules need.

use alloc::format;
use alloc::string::String;
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};
use core::str::FromStr;

/// IPv4 or IPv6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IpFamily {
    /// 32-bit addresses.
    V4,
    /// 128-bit addresses.
    V6,
}

impl IpFamily {
    /// Address width in bits.
    pub fn bits(self) -> u8 {
        match self {
            IpFamily::V4 => 32,
            IpFamily::V6 => 128,
        }
    }

    /// `IPv4` or `IPv6`.
    pub fn name(self) -> &'static str {
        match self {
            IpFamily::V4 => "IPv4",
            IpFamily::V6 => "IPv6",
        }
    }
}

/// A CIDR block as written: the address (host bits may be set) and the prefix length.
///
/// Every `Cidr` holds its invariants: the prefix is at most the family's width, and an IPv4
/// address fits in the low 32 bits. The fields are private, so a block comes only from
/// [`FromStr`], [`Cidr::new`], [`Cidr::v4`] (constants, checked at compile time), a single
/// address (`From<Ipv4Addr>`, `From<Ipv6Addr>`), or another block ([`Cidr::with_prefix`],
/// [`Cidr::supernets`], [`Cidr::subnet`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cidr {
    family: IpFamily,
    addr: u128,
    prefix: u8,
}

/// Why a string is not a CIDR block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CidrError {
    /// No `/` with a prefix length.
    MissingPrefix,
    /// The part before `/` is not an IPv4 or IPv6 address.
    BadAddress,
    /// The prefix length is not a number within the family's width.
    BadPrefix,
}

impl fmt::Display for CidrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CidrError::MissingPrefix => "is not a CIDR block: the /prefix length is missing",
            CidrError::BadAddress => {
                "is not a CIDR block: the address is not a valid IPv4 or IPv6 address"
            }
            CidrError::BadPrefix => "is not a CIDR block: the prefix length is out of range",
        })
    }
}

impl FromStr for Cidr {
    type Err = CidrError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (address, prefix) = text
            .trim()
            .split_once('/')
            .ok_or(CidrError::MissingPrefix)?;
        let (family, addr) = if let Ok(v4) = Ipv4Addr::from_str(address) {
            (IpFamily::V4, u128::from(u32::from(v4)))
        } else if let Ok(v6) = Ipv6Addr::from_str(address) {
            (IpFamily::V6, u128::from(v6))
        } else {
            return Err(CidrError::BadAddress);
        };
        let all_digits =
            !prefix.is_empty() && prefix.len() <= 3 && prefix.bytes().all(|b| b.is_ascii_digit());
        let prefix: u8 = if all_digits {
            prefix.parse().map_err(|_| CidrError::BadPrefix)?
        } else {
            return Err(CidrError::BadPrefix);
        };
        Cidr::new(family, addr, prefix)
    }
}

impl From<Ipv4Addr> for Cidr {
    /// The block of the one address: `a.b.c.d/32`.
    fn from(address: Ipv4Addr) -> Self {
        Cidr {
            family: IpFamily::V4,
            addr: u128::from(u32::from(address)),
            prefix: 32,
        }
    }
}

impl From<Ipv6Addr> for Cidr {
    /// The block of the one address: `…/128`.
    fn from(address: Ipv6Addr) -> Self {
        Cidr {
            family: IpFamily::V6,
            addr: u128::from(address),
            prefix: 128,
        }
    }
}

impl Cidr {
    /// The block `addr/prefix` of `family`, as written (host bits may be set). Refuses a prefix
    /// longer than the family's width, and an IPv4 address beyond 32 bits.
    pub fn new(family: IpFamily, addr: u128, prefix: u8) -> Result<Cidr, CidrError> {
        if prefix > family.bits() {
            return Err(CidrError::BadPrefix);
        }
        if family == IpFamily::V4 && addr > u128::from(u32::MAX) {
            return Err(CidrError::BadAddress);
        }
        Ok(Cidr {
            family,
            addr,
            prefix,
        })
    }

    /// The IPv4 block `A.B.C.D/PREFIX`, for constants: `Cidr::v4::<10, 244, 0, 0, 16>()`. A prefix
    /// above 32 does not compile.
    pub const fn v4<const A: u8, const B: u8, const C: u8, const D: u8, const PREFIX: u8>() -> Self
    {
        const { assert!(PREFIX <= 32, "an IPv4 prefix is at most 32") };
        let addr = ((A as u32) << 24) | ((B as u32) << 16) | ((C as u32) << 8) | D as u32;
        Cidr {
            family: IpFamily::V4,
            addr: addr as u128,
            prefix: PREFIX,
        }
    }

    /// IPv4 or IPv6.
    pub const fn family(&self) -> IpFamily {
        self.family
    }

    /// The address as written (host bits may be set); an IPv4 address in the low 32 bits.
    pub const fn addr(&self) -> u128 {
        self.addr
    }

    /// The prefix length, at most the family's width.
    pub const fn prefix(&self) -> u8 {
        self.prefix
    }

    /// The mask of the network bits, within the family's width.
    fn mask(&self) -> u128 {
        let bits = u32::from(self.family.bits());
        let host_bits = bits - u32::from(self.prefix);
        let all = if bits == 128 {
            u128::MAX
        } else {
            (1u128 << bits) - 1
        };
        if host_bits >= 128 {
            0
        } else {
            all & !((1u128 << host_bits) - 1) & all
        }
    }

    /// The first address of the block.
    pub fn network(&self) -> u128 {
        self.addr & self.mask()
    }

    /// The last address of the block.
    pub fn last(&self) -> u128 {
        self.network() | !self.mask() & self.family_all()
    }

    fn family_all(&self) -> u128 {
        if self.family == IpFamily::V4 {
            u128::from(u32::MAX)
        } else {
            u128::MAX
        }
    }

    /// True when the address has no host bits set (it is the block's own network address).
    pub fn is_aligned(&self) -> bool {
        self.addr == self.network()
    }

    /// The same block with host bits cleared.
    pub fn aligned(&self) -> Cidr {
        Cidr {
            addr: self.network(),
            ..*self
        }
    }

    /// The block of `prefix` bits that contains this block's address, wider or narrower than
    /// this one; `None` when `prefix` is longer than the family's width.
    pub fn with_prefix(&self, prefix: u8) -> Option<Cidr> {
        (prefix <= self.family.bits()).then(|| Cidr { prefix, ..*self }.aligned())
    }

    /// This block (aligned) and every wider block that holds it, one prefix bit at a time, down
    /// to the family's whole space (`/0`).
    pub fn supernets(&self) -> impl Iterator<Item = Cidr> {
        let block = *self;
        (0..=self.prefix)
            .rev()
            .map(move |prefix| Cidr { prefix, ..block }.aligned())
    }

    /// The `index`-th block of `prefix` inside this one (counting from its network address);
    /// `None` when `prefix` is shorter than this block's or longer than the family's width, or
    /// when the block holds fewer than `index + 1` of them.
    pub fn subnet(&self, prefix: u8, index: u128) -> Option<Cidr> {
        if index >= self.subnet_count(prefix) {
            return None;
        }
        let size = Cidr { prefix, ..*self }.size();
        Some(Cidr {
            addr: self.network() + index * size,
            prefix,
            ..*self
        })
    }

    /// The number of addresses, saturating at `u128::MAX` for a whole IPv6 space.
    pub fn size(&self) -> u128 {
        let host_bits = u32::from(self.family.bits() - self.prefix);
        1u128.checked_shl(host_bits).unwrap_or(u128::MAX)
    }

    /// True when `other` lies wholly inside this block (same family).
    pub fn contains(&self, other: &Cidr) -> bool {
        self.family == other.family
            && self.prefix <= other.prefix
            && self.network() == other.addr & self.mask()
    }

    /// True when `addr` (of this block's family) lies inside this block.
    pub fn contains_addr(&self, addr: u128) -> bool {
        addr & self.mask() == self.network()
    }

    /// True when the two blocks share any address (same family).
    pub fn overlaps(&self, other: &Cidr) -> bool {
        self.family == other.family && (self.contains(other) || other.contains(self))
    }

    /// How many blocks of `child_prefix` fit in this block: 2^(child_prefix − prefix), saturating;
    /// none when `child_prefix` is shorter than this block's or longer than the family's width.
    pub fn subnet_count(&self, child_prefix: u8) -> u128 {
        if child_prefix < self.prefix || child_prefix > self.family.bits() {
            return 0;
        }
        1u128
            .checked_shl(u32::from(child_prefix - self.prefix))
            .unwrap_or(u128::MAX)
    }

    /// Formats an address of this block's family.
    pub fn format_addr(&self, addr: u128) -> String {
        match self.family {
            IpFamily::V4 => format!("{}", Ipv4Addr::from(addr as u32)),
            IpFamily::V6 => format!("{}", Ipv6Addr::from(addr)),
        }
    }
}

impl fmt::Display for Cidr {
    /// `addr/prefix`, the address written straight into the formatter (no `String` in between).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.family {
            IpFamily::V4 => write!(f, "{}/{}", Ipv4Addr::from(self.addr as u32), self.prefix),
            IpFamily::V6 => write!(f, "{}/{}", Ipv6Addr::from(self.addr), self.prefix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn cidr(text: &str) -> Cidr {
        text.parse().expect("valid CIDR in test")
    }

    #[test]
    fn parses_and_prints_both_families() {
        assert_eq!(cidr("10.244.0.0/16"), Cidr::v4::<10, 244, 0, 0, 16>());
        assert_eq!(cidr("10.244.0.0/16").to_string(), "10.244.0.0/16");
        assert_eq!(cidr("fd00::/64").to_string(), "fd00::/64");
        assert_eq!(cidr("fd00::/64").family(), IpFamily::V6);
    }

    #[test]
    fn rejects_malformed_blocks_with_a_reason() {
        assert_eq!("10.0.0.0".parse::<Cidr>(), Err(CidrError::MissingPrefix));
        assert_eq!("10.0.0.256/8".parse::<Cidr>(), Err(CidrError::BadAddress));
        assert_eq!("10.0.0.0/33".parse::<Cidr>(), Err(CidrError::BadPrefix));
        assert_eq!("10.0.0.0/-1".parse::<Cidr>(), Err(CidrError::BadPrefix));
        assert_eq!("::/129".parse::<Cidr>(), Err(CidrError::BadPrefix));
    }

    #[test]
    fn new_holds_the_invariants() {
        let v4 = Cidr::new(IpFamily::V4, 0x0a00_0000, 8);
        assert_eq!(v4, Ok(Cidr::v4::<10, 0, 0, 0, 8>()));
        assert_eq!(Cidr::new(IpFamily::V4, 0, 33), Err(CidrError::BadPrefix));
        assert_eq!(Cidr::new(IpFamily::V6, 0, 129), Err(CidrError::BadPrefix));
        assert_eq!(
            Cidr::new(IpFamily::V4, 1 << 32, 8),
            Err(CidrError::BadAddress)
        );
        assert_eq!(
            Cidr::from(Ipv4Addr::new(192, 0, 2, 7)).to_string(),
            "192.0.2.7/32"
        );
        assert_eq!(Cidr::from(Ipv6Addr::LOCALHOST).to_string(), "::1/128");
    }

    #[test]
    fn alignment_and_widening() {
        let written = cidr("10.245.0.0/15");
        assert!(!written.is_aligned());
        assert_eq!(written.aligned().to_string(), "10.244.0.0/15");
        let pods = cidr("10.244.0.0/16");
        assert_eq!(pods.with_prefix(14), Some(cidr("10.244.0.0/14")));
        assert_eq!(pods.with_prefix(24), Some(cidr("10.244.0.0/24")));
        assert_eq!(pods.with_prefix(33), None);
        let wider: alloc::vec::Vec<Cidr> = written.supernets().take(3).collect();
        assert_eq!(
            wider,
            [
                cidr("10.244.0.0/15"),
                cidr("10.244.0.0/14"),
                cidr("10.240.0.0/13")
            ]
        );
        assert_eq!(written.supernets().last(), Some(cidr("0.0.0.0/0")));
        assert_eq!(cidr("::/0").supernets().count(), 1);
    }

    #[test]
    fn subnets_by_index() {
        let space = cidr("10.0.0.0/8");
        assert_eq!(space.subnet(16, 0), Some(cidr("10.0.0.0/16")));
        assert_eq!(space.subnet(16, 255), Some(cidr("10.255.0.0/16")));
        assert_eq!(space.subnet(16, 256), None);
        assert_eq!(space.subnet(7, 0), None);
        assert_eq!(space.subnet(33, 0), None);
        assert_eq!(cidr("10.0.0.5/8").subnet(32, 3), Some(cidr("10.0.0.3/32")));
    }

    #[test]
    fn sizes_and_subnet_counts() {
        assert_eq!(cidr("10.244.0.0/16").subnet_count(24), 256);
        assert_eq!(cidr("10.244.0.0/16").size(), 65_536);
        assert_eq!(cidr("0.0.0.0/0").size(), 1 << 32);
        assert_eq!(cidr("::/0").size(), u128::MAX);
        assert_eq!(cidr("10.0.0.0/24").subnet_count(16), 0);
        assert_eq!(cidr("10.0.0.0/24").subnet_count(33), 0);
        assert_eq!(cidr("::/0").subnet_count(128), u128::MAX);
    }

    #[test]
    fn containment_and_overlap() {
        let pods = cidr("10.244.0.0/16");
        assert!(pods.contains(&cidr("10.244.3.0/24")));
        assert!(!pods.contains(&cidr("10.245.0.0/24")));
        assert!(cidr("172.16.0.0/12").overlaps(&cidr("172.30.0.0/16")));
        assert!(!cidr("10.0.0.0/8").overlaps(&cidr("fd00::/8")));
        assert_eq!(
            cidr("10.0.0.0/16").last(),
            u128::from(u32::from(Ipv4Addr::new(10, 0, 255, 255)))
        );
    }
}
