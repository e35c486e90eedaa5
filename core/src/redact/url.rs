//! Credentials in URLs and URL-shaped connection strings: `scheme://user:password@host`
//! (postgres, mysql, mongodb and mongodb+srv, redis, amqp, http(s), …). The password is redacted;
//! the user, host, port and path stay, since they may matter to whoever reads the config.
//! A token written as the user (`https://<token>@github.com`) is redacted too.
//!
//! Source: RFC 3986 §3.2.1 (user information; the last `@` before the path ends it).

use super::found::Found;
use super::kind;
use super::scan::is_placeholder;

/// Credentials after the `://` at `at`.
pub fn credentials(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let scheme_len = bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    if scheme_len == 0 {
        return;
    }
    let authority_start = at + 3;
    let authority_end = authority_start
        + bytes[authority_start..]
            .iter()
            .take(2048)
            .take_while(|&&b| {
                !matches!(
                    b,
                    b'/' | b'?'
                        | b'#'
                        | b' '
                        | b'\t'
                        | b'\n'
                        | b'\r'
                        | b'"'
                        | b'\''
                        | b'<'
                        | b'>'
                        | b'`'
                        | b'\\'
                )
            })
            .count();
    let Some(at_sign) = bytes[authority_start..authority_end]
        .iter()
        .rposition(|&b| b == b'@')
        .map(|i| authority_start + i)
    else {
        return;
    };
    let user_info = &text[authority_start..at_sign];
    match user_info.find(':') {
        Some(colon) => {
            let password = &user_info[colon + 1..];
            if !password.is_empty() && !is_placeholder(password) {
                found.add(authority_start + colon + 1, at_sign, &kind::URL_PASSWORD);
            }
        }
        None => {
            let looks_like_token = user_info.len() >= 20
                && user_info.bytes().any(|b| b.is_ascii_digit())
                && user_info.bytes().any(|b| b.is_ascii_alphabetic())
                && !is_placeholder(user_info);
            if looks_like_token {
                found.add(authority_start, at_sign, &kind::URL_PASSWORD);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn passwords(text: &str) -> Vec<String> {
        let mut found = Found::default();
        for (at, _) in text.match_indices("://") {
            credentials(text, at, &mut found);
        }
        found.merged_texts(text)
    }

    #[test]
    fn finds_passwords_in_urls() {
        assert_eq!(
            passwords("postgres://app:FAKE-p%40ss@db.example.test:5432/app"),
            ["FAKE-p%40ss"]
        );
        assert_eq!(
            passwords("mongodb+srv://u:FAKEpw@c0.example.net/?retryWrites=true"),
            ["FAKEpw"]
        );
        assert_eq!(
            passwords("https://x-token:${TOKEN}@git.example.com/r https://example.com/a@b"),
            Vec::<String>::new()
        );
        assert_eq!(
            passwords("https://FAKEtoken0123456789abcd@github.com/o/r"),
            ["FAKEtoken0123456789abcd"]
        );
    }
}
