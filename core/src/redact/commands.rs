//! Credentials passed as a command's own arguments, where no key names them: `redis-cli -a PW`
//! (redis-cli docs), the token `echo`ed into `az devops login` (its docs), PowerShell's `ConvertTo-SecureString 'PW' -AsPlainText` (its docs), and the
//! kernel's IPsec keys after their algorithm (`ip xfrm state … aead rfc4106(gcm(aes)) 0x… 128`,
//! Cilium's `cilium-ipsec-keys`: `3+ rfc4106(gcm(aes)) <hex> 128`; ip-xfrm(8), Cilium IPsec docs).

use super::found::Found;
use super::keyvalue::add_value;
use super::kind;
use super::scan::{find_sub, flag_value, line_end, skip_blanks};

/// `redis-cli` at `at`: the value of its `-a` flag on the same line.
pub fn redis_cli(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if let Some(flag) = find_sub(&bytes[..line_end(bytes, at)], at, b" -a ") {
        if let Some(value) = flag_value(text, flag + 3) {
            add_value(text, value, &kind::PASSWORD, found);
        }
    }
}

/// `az devops login` at `at`: the value an `echo` on the same line pipes into it, which is the
/// personal access token whatever its shape (`az devops login` docs: the token from stdin).
pub fn devops_login(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let start = super::scan::line_start(bytes, at);
    let Some(pipe) = bytes[start..at].iter().rposition(|&b| b == b'|') else {
        return;
    };
    let before = &text[start..start + pipe];
    let Some(echo) = before.find("echo ") else {
        return;
    };
    // The blank after `echo` (or after `echo -n`), where `flag_value` starts.
    let mut after = start + echo + "echo".len();
    if text[after + 1..].starts_with("-n ") {
        after += "-n ".len();
    }
    if let Some(value) = flag_value(text, after).filter(|value| value.end <= start + pipe) {
        add_value(text, value, &kind::TOKEN, found);
    }
}

/// `ConvertTo-SecureString` ending at `end`: its first argument (or `-String`'s), the password.
pub fn secure_string(text: &str, end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let mut after = end;
    let rest = &text[skip_blanks(bytes, end)..];
    if rest.len() > 7 && rest[..7].eq_ignore_ascii_case("-string") {
        after = skip_blanks(bytes, end) + 7;
    }
    if let Some(value) = flag_value(text, after) {
        add_value(text, value, &kind::PASSWORD, found);
    }
}

/// An IPsec algorithm name ending at `end` (`rfc4106(gcm(aes))`, `hmac(sha256)`, `cbc(aes)`):
/// the hex key that follows it.
pub fn ipsec_key(text: &str, end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    // The rest of the algorithm's name (`256)`, `)`), then the key.
    let name_end = end
        + bytes[end..]
            .iter()
            .take(16)
            .take_while(|&&b| b != b' ' && b != b'\t')
            .count();
    let start = skip_blanks(bytes, name_end);
    let hex_start = if bytes[start..].starts_with(b"0x") {
        start + 2
    } else {
        start
    };
    let hex = bytes[hex_start..]
        .iter()
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    let boundary = !bytes
        .get(hex_start + hex)
        .is_some_and(|b| b.is_ascii_alphanumeric());
    if hex >= 16 && boundary && start > name_end {
        found.add(start, hex_start + hex, &kind::SECRET);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn found_by(
        text: &str,
        keyword: &str,
        detect: impl Fn(&str, usize, &mut Found),
    ) -> Vec<String> {
        let mut found = Found::default();
        let lower = text.to_ascii_lowercase();
        for (at, _) in lower.match_indices(keyword) {
            detect(text, at + keyword.len(), &mut found);
        }
        found.merged_texts(text)
    }

    #[test]
    fn finds_command_argument_passwords() {
        let text = "redis-cli -h 10.0.0.1 -p 6379 -a FAKEpw1 ping\nredis-cli --no-auth-warning -a ${PW} ping\n";
        assert_eq!(
            found_by(text, "redis-cli", |t, e, f| redis_cli(t, e - 9, f)),
            ["FAKEpw1"]
        );
        let text = "$p = ConvertTo-SecureString 'FAKE pw2' -AsPlainText -Force\n$q = ConvertTo-SecureString -String \"FAKEpw3\" -AsPlainText\n";
        assert_eq!(
            found_by(text, "convertto-securestring", secure_string),
            ["FAKE pw2", "FAKEpw3"]
        );
    }

    #[test]
    fn finds_the_token_echoed_into_az_devops_login_whatever_its_shape() {
        // An 84-character token with word-like runs (the entropy fallback misses it), `echo -n`,
        // and a variable (opaque: not a value to redact).
        let text = "echo FAKEdffx1kVZQ2tqMnMcLRkBOzZU3G8xI7CGr5c3bxD7u6yB54HkJlpobluliGGxGRJl5CYAVH66AZDOWxYL | az devops login --org https://dev.azure.com/x\necho -n 'FAKE pat 2' | az devops login\necho $AZDO_PAT | az devops login\naz devops login --org https://dev.azure.com/x\n";
        assert_eq!(
            found_by(text, "az devops login", |t, e, f| devops_login(
                t,
                e - "az devops login".len(),
                f
            )),
            [
                "FAKEdffx1kVZQ2tqMnMcLRkBOzZU3G8xI7CGr5c3bxD7u6yB54HkJlpobluliGGxGRJl5CYAVH66AZDOWxYL",
                "FAKE pat 2"
            ]
        );
    }

    #[test]
    fn finds_ipsec_keys_after_their_algorithm() {
        let text = "keys: \"3+ rfc4106(gcm(aes)) 3b5936ba5da8c96ef023ec7b9003aab3e54c980d 128\"\nip xfrm state add aead rfc4106(gcm(aes)) 0x0123456789abcdef0123 128\nrfc4106(gcm(aes)) is the default\n";
        assert_eq!(
            found_by(text, "rfc4106(", ipsec_key),
            [
                "3b5936ba5da8c96ef023ec7b9003aab3e54c980d",
                "0x0123456789abcdef0123"
            ]
        );
    }
}
