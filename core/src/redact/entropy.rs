//! The high-entropy fallback: long base64-looking strings that no detector claimed.
//!
//! A token counts when it is at least 32 characters of the base64 alphabet, mixes upper case,
//! lower case and digits without word-like lower-case runs, and carries at least 4.2 bits of Shannon entropy per character (random
//! base64 of that length carries about 4.6–5; identifiers and paths stay below 4). Known-benign
//! shapes stay: hex strings (image digests, git commit ids in image tags, checksums), GUIDs,
//! anything after `sha256:`-style prefixes, paths, OpenSSH public keys, and certificates (marked benign by the PEM
//! detector).

use super::found::Found;
use super::kind;
use super::scan::is_base64;

/// Shortest token the fallback looks at.
const MIN_LEN: usize = 32;
/// Least entropy, in bits per character.
const MIN_BITS_PER_CHAR: f64 = 4.2;

/// Scans the whole text for high-entropy tokens.
///
/// A token is a run of base64 bytes other than `=` (the body) and up to two `=` of padding, so a
/// token of [`MIN_LEN`] needs a body of at least `MIN_LEN - 2` bytes. The scan probes the last
/// byte such a body would cover: when it is not a body byte, no long token starts before it and
/// the scan jumps past it; otherwise it reads the one run around the probe. On config text most
/// bytes are never looked at.
pub fn scan(text: &str, found: &mut Found) {
    const MIN_BODY: usize = MIN_LEN - 2;
    let bytes = text.as_bytes();
    let mut log2_table = None;
    let mut at = 0;
    while at + MIN_BODY <= bytes.len() {
        let probe = at + MIN_BODY - 1;
        if !is_body(bytes[probe]) {
            at = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > at && is_body(bytes[start - 1]) {
            start -= 1;
        }
        let mut body = probe + 1;
        while body < bytes.len() && is_body(bytes[body]) {
            body += 1;
        }
        let end = body
            + bytes[body..]
                .iter()
                .take(2)
                .take_while(|&&b| b == b'=')
                .count();
        if end - start == 52 && is_azure_devops_pat(&bytes[start..end]) {
            found.add(start, end, &kind::TOKEN);
        } else if end - start >= MIN_LEN {
            let log2_table = log2_table.get_or_insert_with(Log2Table::new);
            if is_random_looking(text, start, end, log2_table) {
                found.add(start, end, &kind::HIGH_ENTROPY);
            }
        }
        at = end;
    }
}

/// An Azure DevOps personal access token: 52 characters of lower-case base32 (`a-z`, `2-7`),
/// with letters and digits (Azure DevOps docs, "Use personal access tokens").
fn is_azure_devops_pat(token: &[u8]) -> bool {
    token
        .iter()
        .all(|&b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
        && token.iter().filter(|b| b.is_ascii_digit()).count() >= 4
}

/// A byte of a token's body: base64 without `=` (which only pads the end of base64; elsewhere it
/// separates a key from its value).
#[inline]
fn is_body(b: u8) -> bool {
    is_base64(b) && b != b'='
}

/// What one pass over a token learns about its shape.
struct Shape {
    upper: bool,
    lower: bool,
    digit: bool,
    hex_like: bool,
    double_slash: bool,
    longest_lower_run: usize,
}

fn shape(token: &[u8]) -> Shape {
    let mut shape = Shape {
        upper: false,
        lower: false,
        digit: false,
        hex_like: true,
        double_slash: false,
        longest_lower_run: 0,
    };
    let mut run = 0;
    let mut previous = 0u8;
    for &b in token {
        shape.upper |= b.is_ascii_uppercase();
        shape.lower |= b.is_ascii_lowercase();
        shape.digit |= b.is_ascii_digit();
        shape.hex_like &= b.is_ascii_hexdigit() || b == b'-';
        shape.double_slash |= b == b'/' && previous == b'/';
        run = if b.is_ascii_lowercase() { run + 1 } else { 0 };
        shape.longest_lower_run = shape.longest_lower_run.max(run);
        previous = b;
    }
    shape
}

fn is_random_looking(text: &str, start: usize, end: usize, log2_table: &Log2Table) -> bool {
    let token = &text.as_bytes()[start..end];
    let shape = shape(token);
    // Words in identifiers (`Configuration`, `Admission`) make long lower-case runs; random
    // base64 rarely has more than seven lower-case letters in a row.
    if shape.hex_like
        || !(shape.upper && shape.lower && shape.digit)
        || shape.longest_lower_run > 7
        || token[0] == b'/'
        || shape.double_slash
    {
        return false;
    }
    // The label stands on its own: after a blank, a quote, `@`, `=`, an opening bracket or a comma
    // (`image@sha256:…`, `digest: "sha256:…"`). Glued to other text (`…Esha1:`, `…-----md5:`) it
    // is not a digest label, and it must not become one or stop being one when a redaction ends
    // right before it (a placeholder ends in a digit).
    let before = &text.as_bytes()[..start];
    // Go module sums (`h1:`, Go modules reference, "go.sum files") are digests too.
    let digest_prefix = ["sha256:", "sha512:", "sha1:", "sha384:", "md5:", "h1:"]
        .iter()
        .any(|prefix| {
            before.ends_with(prefix.as_bytes())
                && before[..before.len() - prefix.len()]
                    .last()
                    .is_none_or(|&b| {
                        b.is_ascii_whitespace()
                            || matches!(b, b'"' | b'\'' | b'@' | b'=' | b'(' | b'[' | b'{' | b',')
                    })
        });
    // OpenSSH public keys (`ssh-rsa AAAAB3NzaC1yc2E…`, `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5…`,
    // `ecdsa-sha2-… AAAAE2VjZHNh…`) are public.
    // Subresource Integrity hashes (`sha384-…`, W3C SRI) are public digests.
    let ssh_public_key = [
        "AAAAB3NzaC1",
        "AAAAC3NzaC1",
        "AAAAE2VjZHNh",
        "sha256-",
        "sha384-",
        "sha512-",
    ]
    .iter()
    .any(|prefix| token.starts_with(prefix.as_bytes()));
    !digest_prefix
        && !ssh_public_key
        && !text[start..end].contains("REDACTED")
        && bits_per_char(token, log2_table) >= MIN_BITS_PER_CHAR
}

/// log2 of 0..=256, computed once per scan (counts and lengths never exceed 256).
pub struct Log2Table([f64; 257]);

impl Log2Table {
    /// Fills the table.
    pub fn new() -> Self {
        let mut table = [0.0; 257];
        for (n, slot) in table.iter_mut().enumerate().skip(1) {
            *slot = log2(n as f64);
        }
        Log2Table(table)
    }
}

/// Shannon entropy of `token` in bits per character (of the first 256 bytes).
pub fn bits_per_char(token: &[u8], log2_table: &Log2Table) -> f64 {
    let token = &token[..token.len().min(256)];
    let mut counts = [0u16; 256];
    for &b in token {
        counts[usize::from(b)] += 1;
    }
    let n = token.len() as f64;
    let log_n = log2_table.0[token.len()];
    counts
        .iter()
        .filter(|&&count| count > 0)
        .map(|&count| -(f64::from(count) / n) * (log2_table.0[usize::from(count)] - log_n))
        .sum()
}

/// log2 without `std`: exponent by halving, mantissa by the `atanh` series of the natural log.
fn log2(mut x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let mut exponent = 0.0;
    while x >= 2.0 {
        x /= 2.0;
        exponent += 1.0;
    }
    while x < 1.0 {
        x *= 2.0;
        exponent -= 1.0;
    }
    // ln(x) = 2 atanh((x - 1) / (x + 1)); with x in [1, 2) the ratio is at most 1/3.
    let z = (x - 1.0) / (x + 1.0);
    let z2 = z * z;
    let mut term = z;
    let mut ln = 0.0;
    for k in 0..12 {
        ln += term / f64::from(2 * k + 1);
        term *= z2;
    }
    exponent + 2.0 * ln / core::f64::consts::LN_2
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn tokens(text: &str) -> Vec<String> {
        let mut found = Found::default();
        scan(text, &mut found);
        found.merged_texts(text)
    }

    #[test]
    fn log2_is_accurate() {
        for (x, expected) in [
            (1.0, 0.0),
            (2.0, 1.0),
            (8.0, 3.0),
            (10.0, core::f64::consts::LOG2_10),
            (255.0, 7.994353436858858),
        ] {
            assert!((log2(x) - expected).abs() < 1e-9, "{x}");
        }
    }

    #[test]
    fn random_tokens_are_caught_and_benign_shapes_kept() {
        let text = "k: wJalrXUtnFEMI/K7MDENG+bPxRfiCYFAKEKEY9z8\nimage: app@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\ntag: v1.2-3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a\nname: PodSecurityAdmissionConfigurationV1Beta1Object\n";
        assert_eq!(tokens(text), ["wJalrXUtnFEMI/K7MDENG+bPxRfiCYFAKEKEY9z8"]);
    }

    #[test]
    fn a_digest_label_is_a_word_of_its_own() {
        let text = "psk: FAKEqs5niMKzNTsKQlklBxEGk2IAqJml1Esha1:lleCvq6YkndeVOSz5bXcOpmfpNfREKvTtfq9Mw6qjAFa\nx: sha1:lleCvq6YkndeVOSz5bXcOpmfpNfREKvTtfq9Mw6qjAFa\nk: KEY-----md5:lleCvq6YkndeVOSz5bXcOpmfpNfREKvTtfq9Mw6qjAFa\n";
        assert_eq!(
            tokens(text),
            [
                "FAKEqs5niMKzNTsKQlklBxEGk2IAqJml1Esha1",
                "lleCvq6YkndeVOSz5bXcOpmfpNfREKvTtfq9Mw6qjAFa",
                "lleCvq6YkndeVOSz5bXcOpmfpNfREKvTtfq9Mw6qjAFa"
            ]
        );
    }

    #[test]
    fn azure_devops_pats_are_caught_and_public_digests_kept() {
        let text = "echo fakehlqhueqibgss2tawth3pmcyqul5kasficx7atgkdtcissn45 | az devops login
github.com/x/y v1.0.0 h1:FAKEoLkRhA+QGs4IClcLjMsfscBZRoQRIK9O1pyxZjU=
<script integrity=\"sha384-FAKEmfhwOcXeFs9iARJmWNM5pEDgsIV6DtbfSWY3tSA63hV/IreCTLD4nEa6nvce\">\nname: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n";
        assert_eq!(
            tokens(text),
            ["fakehlqhueqibgss2tawth3pmcyqul5kasficx7atgkdtcissn45"]
        );
    }
}
