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
use super::scan::{indent, is_base64, line_end, line_start, next_line, skip_blanks};

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
///
/// The label must look like one (`[A-Z0-9 ]`, closed by dashes or cut by the line's end), and the
/// block runs only as far as lines that look like a PEM body: base64, `Name: value` headers and
/// blank lines, never indented less than the `BEGIN` line. A block without its `END` line (a
/// truncated paste, or a mangled one) stops at its last body line, so it never swallows the
/// structure around it (a redaction crossing a less-indented line would change how the next
/// pass reads the document).
pub fn block(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if !text[at..].starts_with("-----BEGIN ") {
        return;
    }
    let label_start = at + "-----BEGIN ".len();
    let label_len = bytes[label_start..]
        .iter()
        .take(65)
        .take_while(|&&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
        .count();
    let label_end = label_start + label_len;
    let label = &bytes[label_start..label_end];
    let closed = bytes[label_end..].starts_with(b"-----");
    let cut = matches!(bytes.get(label_end), None | Some(b'\n' | b'\r'));
    if label_len == 0 || label_len > 64 || !(closed || cut) {
        return;
    }
    let after_begin = label_end + if closed { 5 } else { 0 };
    let end = match bytes.get(after_begin) {
        // The escaped form inside one JSON string (`-----BEGIN …-----\nMII…\n-----END …-----`).
        Some(b'\\') => escaped_block_end(bytes, after_begin),
        _ => lines_block_end(bytes, at, after_begin),
    };
    if is_public_label(label) {
        found.benign(at, end);
    } else {
        found.add(at, trim_end_blanks(bytes, at, end), &kind::PRIVATE_KEY);
    }
}

/// The end of a PEM block written on one line with escaped line breaks: after the `END` line's
/// dashes, or (truncated) where the base64 and escapes stop.
fn escaped_block_end(bytes: &[u8], from: usize) -> usize {
    let mut body_end = from;
    while let Some(&b) = bytes.get(body_end) {
        let body_byte = b.is_ascii_alphanumeric()
            || matches!(b, b'+' | b'/' | b'=' | b'\\' | b' ' | b':' | b',')
            || (b == b'-' && !bytes[body_end..].starts_with(b"-----"));
        if !body_byte {
            break;
        }
        body_end += 1;
    }
    if !bytes[body_end..].starts_with(b"-----END ") {
        return body_end;
    }
    end_line_end(bytes, body_end)
}

/// One past the closing dashes of the `-----END …-----` at `at` (or where its label stops).
fn end_line_end(bytes: &[u8], at: usize) -> usize {
    let label = at + "-----END ".len();
    let label_end = label
        + bytes[label..]
            .iter()
            .take(64)
            .take_while(|&&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
            .count();
    let dashes = bytes[label_end..]
        .iter()
        .take(5)
        .take_while(|&&b| b == b'-')
        .count();
    label_end + dashes
}

/// The end of a PEM block whose body follows on the lines after the `BEGIN` line.
fn lines_block_end(bytes: &[u8], begin: usize, after_begin: usize) -> usize {
    let min_indent = indent(bytes, line_start(bytes, begin));
    let mut end = after_begin;
    let mut line = next_line(bytes, after_begin);
    while let Some(start) = line {
        let content = skip_blanks(bytes, start);
        let eol = line_end(bytes, start);
        if content < eol {
            if content - start < min_indent {
                break;
            }
            let body = &bytes[content..eol];
            if body.starts_with(b"-----END ") {
                return end_line_end(bytes, content);
            }
            if !(is_body_line(body) || is_header_line(body)) {
                break;
            }
            end = eol;
        }
        line = next_line(bytes, start).filter(|&next| next < bytes.len());
    }
    end
}

/// Standard base64, as a PEM body line holds it.
fn is_body_line(line: &[u8]) -> bool {
    line.iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// An RFC 1421 header (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: AES-256-CBC,…`).
fn is_header_line(line: &[u8]) -> bool {
    let name = line
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-')
        .count();
    name > 0 && line.get(name) == Some(&b':')
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

    fn blocks(text: &str) -> (Vec<&str>, Vec<&str>) {
        let mut found = Found::default();
        for (at, _) in text.match_indices("-----BEGIN") {
            block(text, at, &mut found);
        }
        let benign: Vec<&str> = found
            .benign_ranges()
            .iter()
            .map(|&(start, end)| &text[start..end])
            .collect();
        let secret: Vec<&str> = found
            .merge(text, &[])
            .iter()
            .map(|c| &text[c.start..c.end])
            .collect();
        (secret, benign)
    }

    #[test]
    fn a_block_without_its_end_stops_at_its_last_body_line() {
        let text = "  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIC\n    QUJD\nnext: amqps://u:p@h\n    -----END PRIVATE KEY-----\n";
        let (secret, benign) = blocks(text);
        assert!(secret.is_empty());
        assert_eq!(benign, ["-----BEGIN CERTIFICATE-----\n    MIIC\n    QUJD"]);
        // A less-indented base64-looking line ends the body too.
        let text = "    -----BEGIN RSA PRIVATE KEY-----\n    Proc-Type: 4,ENCRYPTED\n    MIIE\n  data\n    QUJD\n";
        let (secret, _) = blocks(text);
        assert_eq!(
            secret,
            ["-----BEGIN RSA PRIVATE KEY-----\n    Proc-Type: 4,ENCRYPTED\n    MIIE"]
        );
    }

    #[test]
    fn a_begin_line_needs_a_pem_label() {
        let text = "-----BEGIN ENCRYPTED PRIVATEd69vRqdZHWF1 ops@bastion\nMIIE\n-----BEGIN ENCRYPTED REDACTED_HIGH_ENTROPY_1 x\n-----BEGIN OPENSSH PRIVATE KEY\nb3Blbn\n";
        let (secret, _) = blocks(text);
        assert_eq!(secret, ["-----BEGIN OPENSSH PRIVATE KEY\nb3Blbn"]);
    }
}
