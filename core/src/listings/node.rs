//! What a node listing says about each node, whatever its format: the types every listing reader
//! fills and `model_reader.rs` states.

use alloc::vec::Vec;

use core::net::IpAddr;

use super::words::At;
use crate::net::Cidr;

/// One node as a listing shows it; offsets into the paste.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListedNode<'t> {
    /// Its name, when the listing shows it.
    pub name: Option<At<&'t str>>,
    /// Its pod ranges (`spec.podCIDRs`, else `spec.podCIDR`).
    pub ranges: Vec<At<Cidr>>,
    /// Where the listing shows it has no pod range (`<none>`, an empty cell), when it shows that.
    pub no_range: Option<At<&'t str>>,
    /// Its pod capacity (`status.capacity.pods`).
    pub pods: Option<At<u32>>,
    /// Its addresses, each under the name it is shown with (`InternalIP`, `public-ip`).
    pub addresses: Vec<(&'static str, At<IpAddr>)>,
}

/// One listing of nodes and where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing<'t> {
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The nodes, in the listing's order.
    pub nodes: Vec<ListedNode<'t>>,
}

impl Listing<'_> {
    /// True when `offset` lies in the listing.
    pub fn covers(&self, offset: usize) -> bool {
        (self.start..self.end).contains(&offset)
    }
}
