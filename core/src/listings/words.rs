//! The small pieces every listing is made of: a node name, a list of CIDR blocks as kubectl
//! prints it, an address, a `Key:  value` line.

use alloc::vec::Vec;

use core::net::IpAddr;
use core::str::FromStr;

use crate::net::Cidr;

/// A value and its byte range in the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// True for a Kubernetes node name: an RFC 1123 subdomain (lower-case letters, digits, `-`, `.`;
/// a letter or digit at both ends), at most 253 bytes.
pub fn is_node_name(word: &str) -> bool {
    let bytes = word.as_bytes();
    let edge = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    !word.is_empty()
        && word.len() <= 253
        && edge(bytes.first())
        && edge(bytes.last())
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'.')
}

/// The CIDR blocks of one cell at `base`: `10.244.0.0/24`, `10.244.0.0/24,fd00::/64`, a JSON
/// array `["10.244.0.0/24"]` (jsonpath of `.spec.podCIDRs`) or Go's `[10.244.0.0/24 fd00::/64]`.
/// `None` when any item is not a block or there is none.
pub fn cidr_list(cell: &str, base: usize) -> Option<Vec<At<Cidr>>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in cell.split([',', ' ', '[', ']', '"']) {
        let start = offset;
        offset += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let value = Cidr::from_str(piece).ok()?;
        out.push(At {
            value,
            start: base + start,
            end: base + start + piece.len(),
        });
    }
    (!out.is_empty()).then_some(out)
}

/// An IP address at `base`.
pub fn address(word: &str, base: usize) -> Option<At<IpAddr>> {
    let value = IpAddr::from_str(word).ok()?;
    Some(At {
        value,
        start: base,
        end: base + word.len(),
    })
}

/// A `Key:  value` (or `key=value`, older kubectl's annotations) line at `base`, indentation
/// kept out: the key, and the value with its offset (empty when the line ends after the colon).
pub fn key_value(line: &str, base: usize) -> Option<(&str, At<&str>)> {
    let body = line.trim_end_matches(['\r', '\n']);
    let indent = body.len() - body.trim_start().len();
    let body = &body[indent..];
    let split = body
        .find(": ")
        .or_else(|| body.find(":\t"))
        .or_else(|| (body.ends_with(':')).then(|| body.len() - 1));
    let (key, rest, skip) = match split {
        Some(at) => (&body[..at], &body[at + 1..], at + 1),
        None => {
            let at = body.find('=')?;
            (&body[..at], &body[at + 1..], at + 1)
        }
    };
    if key.is_empty() || key.contains(char::is_whitespace) {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let value = rest.trim();
    let start = base + indent + skip + lead;
    Some((
        key,
        At {
            value,
            start,
            end: start + value.len(),
        },
    ))
}

/// Each line of `text` from `from` on with its offset (the line without its `\n`).
pub fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    text[from..]
        .split_inclusive('\n')
        .scan(from, |offset, line| {
            let at = *offset;
            *offset += line.len();
            Some((at, line.trim_end_matches(['\n', '\r'])))
        })
}

/// The words of `line` at `base`, split at blanks.
pub fn words(line: &str, base: usize) -> impl Iterator<Item = At<&str>> {
    line.split([' ', '\t'])
        .scan(base, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some(At {
                value: word,
                start,
                end: start + word.len(),
            })
        })
        .filter(|word| !word.value.is_empty())
}
