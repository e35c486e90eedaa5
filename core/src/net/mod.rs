//! Address arithmetic: CIDR blocks and the well-known ranges rules check against.

mod cidr;
mod ranges;

pub use cidr::{Cidr, CidrError, IpFamily};
pub use ranges::{private_ranges, WellKnownRange, WELL_KNOWN_RANGES};
