//! Credentials recognised by their own shape: vendor tokens with fixed prefixes, JSON web tokens,
//! Microsoft Entra client secrets and Slack webhooks.
//!
//! Sources for the shapes: AWS IAM docs (access key ids `AKIA`/`ASIA` + 16), GitHub's token
//! format post (`ghp_` + 36, `github_pat_`), GitLab token prefixes docs, Slack token types,
//! Stripe API keys docs, npm access tokens (`npm_` + 36), PyPI API tokens (macaroons starting
//! `pypi-AgEIcHlwaS5vcmc`), Google API keys (`AIza` + 35), RFC 7519 (JWT), Entra client secrets
//! (three characters, a digit, `Q~`, then 31–37 characters), Vault (`hvs.`, `hvb.`), age
//! (`AGE-SECRET-KEY-1`), k3s (`K10…::server:…`), Kubernetes static token files.

use super::found::Found;
use super::kind::{self, Kind};
use super::scan::is_word;

/// A token with a fixed, case-sensitive prefix.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// The prefix exactly as written (the prefilter, which ignores ASCII case, looks for it too).
    pub prefix: &'static str,
    /// Which bytes the body is made of.
    pub body: fn(u8) -> bool,
    /// Fewest body bytes.
    pub min: usize,
    /// Most body bytes.
    pub max: usize,
    /// What it is.
    pub kind: &'static Kind,
}

fn upper_digit(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn word(b: u8) -> bool {
    is_word(b)
}

fn url_safe(b: u8) -> bool {
    is_word(b) || b == b'-'
}

fn url_safe_dot(b: u8) -> bool {
    url_safe(b) || b == b'.'
}

const fn shape(
    prefix: &'static str,
    body: fn(u8) -> bool,
    min: usize,
    max: usize,
    kind: &'static Kind,
) -> Shape {
    Shape {
        prefix,
        body,
        min,
        max,
        kind,
    }
}

/// Every fixed-prefix token shape.
pub const SHAPES: &[Shape] = &[
    shape("AKIA", upper_digit, 16, 16, &kind::AWS_ACCESS_KEY_ID),
    shape("ASIA", upper_digit, 16, 16, &kind::AWS_ACCESS_KEY_ID),
    shape("ghp_", alnum, 30, 255, &kind::GITHUB_TOKEN),
    shape("gho_", alnum, 30, 255, &kind::GITHUB_TOKEN),
    shape("ghu_", alnum, 30, 255, &kind::GITHUB_TOKEN),
    shape("ghs_", alnum, 30, 255, &kind::GITHUB_TOKEN),
    shape("ghr_", alnum, 30, 255, &kind::GITHUB_TOKEN),
    shape("github_pat_", word, 40, 255, &kind::GITHUB_TOKEN),
    shape("glpat-", url_safe_dot, 20, 255, &kind::GITLAB_TOKEN),
    shape("gldt-", url_safe_dot, 20, 255, &kind::GITLAB_TOKEN),
    shape("glrt-", url_safe_dot, 20, 255, &kind::GITLAB_TOKEN),
    shape("glptt-", url_safe_dot, 20, 255, &kind::GITLAB_TOKEN),
    shape("glcbt-", url_safe_dot, 20, 255, &kind::GITLAB_TOKEN),
    shape("xoxb-", url_safe, 10, 255, &kind::SLACK_TOKEN),
    shape("xoxp-", url_safe, 10, 255, &kind::SLACK_TOKEN),
    shape("xoxa-", url_safe, 10, 255, &kind::SLACK_TOKEN),
    shape("xoxr-", url_safe, 10, 255, &kind::SLACK_TOKEN),
    shape("xoxs-", url_safe, 10, 255, &kind::SLACK_TOKEN),
    shape("xoxe-", url_safe, 10, 255, &kind::SLACK_TOKEN),
    shape("sk_live_", alnum, 16, 255, &kind::STRIPE_KEY),
    shape("sk_test_", alnum, 16, 255, &kind::STRIPE_KEY),
    shape("rk_live_", alnum, 16, 255, &kind::STRIPE_KEY),
    shape("rk_test_", alnum, 16, 255, &kind::STRIPE_KEY),
    shape("npm_", alnum, 36, 36, &kind::NPM_TOKEN),
    shape(
        "pypi-AgEIcHlwaS5vcmc",
        url_safe,
        40,
        4096,
        &kind::PYPI_TOKEN,
    ),
    shape("AIza", url_safe, 35, 35, &kind::GCP_API_KEY),
    // Vault service and batch tokens (Vault docs, "Tokens": `hvs.` / `hvb.`, any length).
    shape("hvs.", url_safe, 24, 4096, &kind::TOKEN),
    shape("hvb.", url_safe, 24, 4096, &kind::TOKEN),
    // age identities (age's README: `AGE-SECRET-KEY-1` + 58 bech32 characters).
    shape("AGE-SECRET-KEY-1", upper_digit, 58, 58, &kind::PRIVATE_KEY),
    // k3s tokens (k3s docs, "Token": `K10<CA hash>::<user>:<password>`).
    shape("K10", k3s_byte, 69, 255, &kind::TOKEN),
];

fn k3s_byte(b: u8) -> bool {
    url_safe(b) || b == b':'
}

/// A fixed-prefix token starting at `at`.
pub fn prefixed(text: &str, at: usize, shape: &Shape, found: &mut Found) {
    let bytes = text.as_bytes();
    if !text[at..].starts_with(shape.prefix) || (at > 0 && is_word(bytes[at - 1])) {
        return;
    }
    let body_start = at + shape.prefix.len();
    let body_len = bytes[body_start..]
        .iter()
        .take(shape.max + 1)
        .take_while(|&&b| (shape.body)(b))
        .count();
    if !(shape.min..=shape.max).contains(&body_len) {
        return;
    }
    // `ghp_xxxxxxxx…` in docs and charts is a placeholder, not a token.
    let body = &bytes[body_start..body_start + body_len];
    if body.iter().all(|&b| b == body[0]) {
        found.placeholder(at, body_start + body_len);
        return;
    }
    // A k3s token holds `::` between the CA hash and the credentials.
    if shape.prefix == "K10" && !body.windows(2).any(|pair| pair == b"::") {
        return;
    }
    found.add(at, body_start + body_len, shape.kind);
}

/// Static token file lines are short: the look-back for a line's start and the look-ahead for its
/// end stop here.
const LONGEST_TOKEN_LINE: usize = 512;

/// A line of a static token file (`--token-auth-file`; Kubernetes docs, "Authenticating": "a csv
/// file with a minimum of 3 columns: token, user name, user uid, followed by optional group
/// names", `token,user,uid,"group1,group2"`) whose group field opens at the `,"` at `at`: the
/// token. The groups must close the line; a token with `system:` groups needs 16 URL-safe bytes,
/// one with other groups must also mix letters and digits (a CSV row of words is no token file).
pub fn static_token_line(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    // Back to the line's start over three fields. A JSON `,"` (the common case) stops at once at
    // the quote, colon or bracket before it, so the look-back costs next to nothing there.
    let mut start = at;
    let mut commas = 0;
    while start > 0 && bytes[start - 1] != b'\n' {
        let b = bytes[start - 1];
        if matches!(b, b'"' | b':' | b'{' | b'}' | b'[' | b']') || at - start > LONGEST_TOKEN_LINE {
            return;
        }
        commas += usize::from(b == b',');
        if commas > 2 {
            return;
        }
        start -= 1;
    }
    let mut fields = bytes[start..at].split(|&b| b == b',');
    let (Some(token), Some(user), Some(uid), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return;
    };
    let rest = &bytes[at + 2..bytes.len().min(at + 2 + LONGEST_TOKEN_LINE)];
    let Some(groups_end) = rest.iter().position(|&b| b == b'\n').or(
        // The text's last line.
        (at + 2 + rest.len() == bytes.len()).then_some(rest.len()),
    ) else {
        return;
    };
    let groups = rest[..groups_end].trim_ascii_end();
    let closed = groups.split_last().is_some_and(|(last, inside)| {
        *last == b'"' && !inside.is_empty() && !inside.contains(&b'"')
    });
    if !closed || user.is_empty() || uid.is_empty() || token.len() < 16 {
        return;
    }
    let mixed = token.iter().any(u8::is_ascii_digit) && token.iter().any(u8::is_ascii_alphabetic);
    if token.iter().all(|&b| url_safe_dot(b)) && (groups.starts_with(b"system:") || mixed) {
        found.add(start, start + token.len(), &kind::TOKEN);
    }
}

/// A JSON web token starting at `at` (`eyJ` header, payload, optional signature).
pub fn jwt(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if !text[at..].starts_with("eyJ")
        || (at > 0 && (is_word(bytes[at - 1]) || bytes[at - 1] == b'-'))
    {
        return;
    }
    let run = |from: usize| bytes[from..].iter().take_while(|&&b| url_safe(b)).count();
    let header = run(at);
    let dot1 = at + header;
    if header < 10 || bytes.get(dot1) != Some(&b'.') {
        return;
    }
    let payload = run(dot1 + 1);
    let dot2 = dot1 + 1 + payload;
    if payload < 10 || bytes.get(dot2) != Some(&b'.') {
        return;
    }
    let signature = run(dot2 + 1);
    found.add(at, dot2 + 1 + signature, &kind::JWT);
}

fn entra_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'~' | b'.' | b'-')
}

/// A Microsoft Entra client secret around the `Q~` at `at`.
pub fn entra_secret(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if bytes[at] != b'Q' || at < 4 || !bytes[at - 1].is_ascii_digit() {
        return;
    }
    let start = at - 4;
    if !bytes[start..at].iter().all(|&b| entra_byte(b))
        || (start > 0 && entra_byte(bytes[start - 1]))
    {
        return;
    }
    let body = bytes[at + 2..]
        .iter()
        .take(40)
        .take_while(|&&b| entra_byte(b))
        .count();
    if (31..=37).contains(&body) {
        found.add(start, at + 2 + body, &kind::AZURE_CLIENT_SECRET);
    }
}

/// The secret path of a Slack incoming webhook; `end` is just after `hooks.slack.com/services/`.
pub fn slack_webhook(text: &str, end: usize, found: &mut Found) {
    let body = text.as_bytes()[end..]
        .iter()
        .take_while(|&&b| url_safe(b) || b == b'/')
        .count();
    if body >= 20 {
        found.add(end, end + body, &kind::SLACK_WEBHOOK);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn spans(text: &str, detect: impl Fn(&str, usize, &mut Found)) -> Vec<String> {
        let mut found = Found::default();
        for at in 0..text.len() {
            if text.is_char_boundary(at) {
                detect(text, at, &mut found);
            }
        }
        found.merged_texts(text)
    }

    #[test]
    fn finds_prefixed_tokens_only_with_their_full_shape() {
        let text = "id=AKIAIOSFODNN7EXAMPLE x AKIASHORT ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE0123 asia-east1";
        let found = spans(text, |text, at, found| {
            for shape in SHAPES {
                prefixed(text, at, shape, found);
            }
        });
        assert_eq!(
            found,
            [
                "AKIAIOSFODNN7EXAMPLE",
                "ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE0123"
            ]
        );
    }

    #[test]
    fn finds_jwts_and_entra_secrets() {
        let jwt_text = "token: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJGQUtFIn0.c2lnbmF0dXJlRkFLRQ\n";
        assert_eq!(
            spans(jwt_text, jwt),
            ["eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJGQUtFIn0.c2lnbmF0dXJlRkFLRQ"]
        );
        let entra = "secret: abc8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfake12 end";
        assert_eq!(
            spans(entra, entra_secret),
            ["abc8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfake12"]
        );
    }

    #[test]
    fn finds_static_token_lines_with_any_groups() {
        let at_groups = |text: &str, at: usize, found: &mut Found| {
            if text[at..].starts_with(",\"") {
                static_token_line(text, at, found);
            }
        };
        let file =
            "02b50b05283e98dd0fd71db496ef01e8,kubelet-bootstrap,10001,\"system:bootstrappers\"\n\
                    0ddba11a-fade-4bad-b0a7-fa4efa4efa4e,alice,1000,\"group1,group2,group3\"\r\n";
        assert_eq!(
            spans(file, at_groups),
            [
                "02b50b05283e98dd0fd71db496ef01e8",
                "0ddba11a-fade-4bad-b0a7-fa4efa4efa4e"
            ]
        );
        // Look-alikes: a CSV row of words, a fourth field, groups that do not close the line,
        // compact JSON.
        let others = "kubernetes-cluster-prod,owner,1000,\"platform,network\"\n\
                      0ddba11a-fade-4bad-b0a7-fa4efa4efa4e,alice,1000,x,\"group1\"\n\
                      0ddba11a-fade-4bad-b0a7-fa4efa4efa4e,alice,1000,\"group1\" more\n\
                      {\"token\":\"0ddba11a-fade-4bad-b0a7-fa4efa4efa4e\",\"user\":1000,\"group\":\"a\"}";
        assert!(spans(others, at_groups).is_empty());
    }
}
