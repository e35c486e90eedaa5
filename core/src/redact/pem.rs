//! Private keys: PEM blocks of every private-key type (raw, or with escaped `\n` inside a JSON
//! string as in GCP service-account files), PEM blocks wrapped in base64 (kubeconfig
//! `client-key-data`, Secret `data`), bare DER in base64 (PKCS#8, PKCS#1, SEC 1 EC keys) and
//! PKCS#12 bundles.
//!
//! Certificates and public keys are not secret: their blocks are marked benign so the entropy
//! fallback leaves them alone. Sources: RFC 7468 (PEM labels), RFC 7292 (PFX version 3),
//! RFC 5208 / RFC 8017 / RFC 5915 (private key structures, version 0 or 1).

use alloc::vec::Vec;

use super::found::Found;
use super::kind;
use super::scan::{find_sub, is_base64};

/// True for PEM labels that hold public material.
fn is_public_label(label: &[u8]) -> bool {
    let has = |needle: &[u8]| label.windows(needle.len()).any(|w| w == needle);
    !has(b"PRIVATE")
        && (has(b"CERTIFICATE")
            || has(b"PUBLIC KEY")
            || has(b"X509 CRL")
            || has(b"DH PARAMETERS")
            || has(b"EC PARAMETERS"))
}

/// A PEM block starting at the `-----BEGIN` at `at`.
pub fn block(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if !text[at..].starts_with("-----BEGIN ") {
        return;
    }
    let label_start = at + "-----BEGIN ".len();
    let Some(label_end) = bytes[label_start..]
        .iter()
        .take(64)
        .position(|&b| b == b'-' || b == b'\n')
        .map(|i| label_start + i)
    else {
        return;
    };
    let label = &bytes[label_start..label_end];
    let end = match find_sub(bytes, label_end, b"-----END ") {
        Some(end_marker) => {
            let after = end_marker + "-----END ".len();
            let close = bytes[after..]
                .iter()
                .take(80)
                .position(|&b| b == b'\n' || b == b'"' || b == b'\\')
                .map_or(bytes.len().min(after + 80), |i| after + i);
            // Stop right after the closing dashes when they are there.
            match find_sub(&bytes[..close], after, b"-----") {
                Some(dashes) => dashes + 5,
                None => close,
            }
        }
        // A truncated paste: the key runs as long as base64, escapes and line breaks do.
        None => {
            let body_start = label_end
                + bytes[label_end..]
                    .iter()
                    .take_while(|&&b| b == b'-')
                    .count();
            body_start
                + bytes[body_start..]
                    .iter()
                    .take_while(|&&b| {
                        is_base64(b) || matches!(b, b'\n' | b'\r' | b' ' | b'\t' | b'\\')
                    })
                    .count()
        }
    };
    if is_public_label(label) {
        found.benign(at, end);
    } else {
        found.add(at, trim_end_blanks(bytes, at, end), &kind::PRIVATE_KEY);
    }
}

fn trim_end_blanks(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r' | b'\\') {
        end -= 1;
    }
    end
}

/// The run of base64 bytes starting at `at`, if `at` starts a token.
fn base64_token(bytes: &[u8], at: usize) -> Option<usize> {
    if at > 0 && is_base64(bytes[at - 1]) {
        return None;
    }
    Some(at + bytes[at..].iter().take_while(|&&b| is_base64(b)).count())
}

/// A PEM block wrapped in base64 (it starts with `LS0tLS1CRUdJTi`, the base64 of `-----BEGIN`).
pub fn base64_block(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if !text[at..].starts_with("LS0tLS1CRUdJTi") {
        return;
    }
    let Some(end) = base64_token(bytes, at) else {
        return;
    };
    let head = decode_prefix(&bytes[at..end], 96);
    let label_end = head
        .iter()
        .skip(11)
        .position(|&b| b == b'-')
        .map_or(head.len(), |i| 11 + i);
    if is_public_label(&head[11.min(head.len())..label_end]) {
        found.benign(at, end);
    } else {
        found.add(at, end, &kind::PRIVATE_KEY);
    }
}

/// A DER structure in base64 starting at `at` (`MII…` or the SEC 1 `MHcCAQEE…`): private keys
/// and PKCS#12 bundles are secret, certificates are benign.
pub fn der(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if !(text[at..].starts_with("MII") || text[at..].starts_with("MHcCAQEE")) {
        return;
    }
    let Some(end) = base64_token(bytes, at) else {
        return;
    };
    if end - at < 64 {
        return;
    }
    let head = decode_prefix(&bytes[at..end], 12);
    if head.len() < 8 || head[0] != 0x30 {
        return;
    }
    // Skip the outer SEQUENCE header (short or long length form).
    let inner = match head[1] {
        0x81 => 3,
        0x82 => 4,
        0x83 => 5,
        _ => 2,
    };
    match &head[inner..] {
        [0x02, 0x01, 0x03, 0x30, ..] => found.add(at, end, &kind::PKCS12),
        [0x02, 0x01, 0x00 | 0x01, ..] => found.add(at, end, &kind::PRIVATE_KEY),
        [0x30, ..] => found.benign(at, end),
        _ => {}
    }
}

/// Decodes up to `limit` bytes from the start of base64 (standard or url-safe) text.
pub fn decode_prefix(text: &[u8], limit: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(limit);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in text {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => break,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
            if out.len() >= limit {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64() {
        assert_eq!(
            decode_prefix(b"LS0tLS1CRUdJTiBQUklWQVRF", 64),
            b"-----BEGIN PRIVATE"
        );
    }

    #[test]
    fn private_blocks_are_secret_and_certificates_benign() {
        let text = "k: \"-----BEGIN PRIVATE KEY-----\\nMIIFAKE\\n-----END PRIVATE KEY-----\\n\"\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";
        let mut found = Found::default();
        block(text, 4, &mut found);
        let cert = text.find("-----BEGIN CERT").expect("cert");
        block(text, cert, &mut found);
        let merged = found.merge(text, &[]);
        assert_eq!(merged.len(), 1);
        assert_eq!(
            &text[merged[0].start..merged[0].end],
            "-----BEGIN PRIVATE KEY-----\\nMIIFAKE\\n-----END PRIVATE KEY-----"
        );
    }
}
