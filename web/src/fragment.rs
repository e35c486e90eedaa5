//! The URL fragment: the context settings (`#nodes=300&platform=azure`) and, in a share link, the
//! redacted text compressed and base64url-encoded (`&t=...`).
//!
//! Pure text handling, tested natively; the compression itself runs in the browser
//! (`browser::compress`). The fragment never reaches a server: browsers do not send it.

/// The fragment key that carries the compressed, redacted text of a share link.
pub const TEXT_KEY: &str = "t";

/// `key=value` pairs joined with `&`, each value percent-encoded.
pub fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        percent_encode_into(value, &mut out);
    }
    out
}

/// The pairs of a fragment (with or without the leading `#`), values percent-decoded. Pieces
/// without `=` and values that are not valid UTF-8 after decoding are skipped.
pub fn decode_pairs(fragment: &str) -> Vec<(String, String)> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter_map(|piece| {
            let (key, value) = piece.split_once('=')?;
            Some((percent_decode(key)?, percent_decode(value)?))
        })
        .collect()
}

fn is_plain(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b',' | b'/' | b':')
}

fn percent_encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in value.as_bytes() {
        if is_plain(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}

fn percent_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = value.get(at + 1..at + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(if bytes[at] == b'+' { b' ' } else { bytes[at] });
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment as is.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64URL[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url (padding and whitespace tolerated); `None` on any other character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' | b' ' | b'\n' | b'\r' => continue,
            _ => return None,
        };
        buffer = buffer << 6 | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_round_trip_with_awkward_values() {
        let pairs = [
            ("nodes", "300"),
            ("avoid", "10.0.0.0/8,192.168.0.0/16"),
            ("odd", "a&b=c #d%e ü"),
        ];
        let encoded = encode_pairs(pairs);
        assert!(encoded.starts_with("nodes=300&avoid=10.0.0.0/8,192.168.0.0/16&odd="));
        assert!(
            !encoded[encoded.find("odd=").expect("odd is encoded") + 4..]
                .contains(['&', '=', '#', ' '])
        );
        let decoded = decode_pairs(&format!("#{encoded}"));
        let expected: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(decoded, expected);
    }

    #[test]
    fn broken_pieces_are_skipped() {
        let decoded = decode_pairs("#nodes=3&junk&bad=%zz&cut=%4&ok=1");
        assert_eq!(
            decoded,
            vec![("nodes".into(), "3".into()), ("ok".into(), "1".into())]
        );
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).rev().collect();
        for len in 0..40 {
            let encoded = base64url_encode(&data[..len]);
            assert!(encoded.bytes().all(|b| BASE64URL.contains(&b)), "{encoded}");
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(&data[..len]));
        }
        assert_eq!(base64url_encode(b"hello?"), "aGVsbG8_");
        assert_eq!(base64url_decode("not base64!"), None);
    }
}
