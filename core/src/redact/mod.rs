//! Redaction: replaces secrets with stable, typed placeholders before anything else sees the text.
//!
//! Runs first in [`crate::analyze`]; every later stage works on the redacted text. The report keeps
//! the kind and position of each redaction, never the value; the originals stay in memory inside
//! [`Redacted`] and only [`Redacted::restore`] puts them back.
//!
//! How it works: one Aho-Corasick pass over the text finds every keyword a detector is anchored on
//! (see [`prefilter`]); each hit wakes one small hand-written matcher (one module per family of
//! secret). Two linear scans without keywords follow: public IPv4 and IPv6 addresses and the high-entropy
//! fallback. Overlapping candidates are united, and each distinct value gets one placeholder
//! `REDACTED_<KIND>_<N>` (see [`placeholder`]).
//!
//! Architecture invariants: never panics; the redacted text has the input's line count (a
//! multi-line secret keeps its line breaks); redacting the redacted text changes nothing; CIDRs,
//! private addresses, MTUs, backend types and flags are never touched.

use alloc::string::String;
use alloc::vec::Vec;

use crate::context::RedactionOptions;
use crate::span::{LineIndex, Span};

mod azure_templates;
mod commands;
mod entropy;
mod found;
mod identifiers;
mod keyvalue;
pub mod kind;
mod kubernetes;
mod object_kind;
mod pem;
pub mod placeholder;
mod prefilter;
mod public;
mod public_ip;
mod scan;
mod tokens;
mod url;

pub use kind::{Kind, Tier, PLACEHOLDER_PREFIX};
pub use placeholder::SecretMap;

use prefilter::{Detector, Prefilter};

/// Every kind name with a one-line description, in the order the page and `--help` list them.
pub const KINDS: &[(&str, &str)] = &[
    (
        kind::PRIVATE_KEY.name,
        "PEM or DER private keys of every type, also escaped in JSON or base64-wrapped",
    ),
    (
        kind::PKCS12.name,
        "PKCS#12 / PFX certificate-and-key bundles in base64",
    ),
    (
        kind::KUBERNETES_SECRET_DATA.name,
        "values under data and stringData of a Kubernetes Secret",
    ),
    (
        kind::KUBERNETES_LAST_APPLIED_SECRET.name,
        "the kubectl last-applied-configuration annotation of a Secret",
    ),
    (
        kind::KUBECONFIG_CLIENT_KEY.name,
        "kubeconfig client-key-data",
    ),
    (
        kind::DOCKER_AUTH.name,
        "docker config auths entries (auth, identitytoken)",
    ),
    (
        kind::AWS_ACCESS_KEY_ID.name,
        "AWS access key ids (AKIA…, ASIA…)",
    ),
    (kind::AWS_SECRET_ACCESS_KEY.name, "AWS secret access keys"),
    (
        kind::AWS_SESSION_TOKEN.name,
        "AWS session and security tokens",
    ),
    (
        kind::AZURE_STORAGE_KEY.name,
        "Azure storage account keys (AccountKey=, --account-key)",
    ),
    (
        kind::AZURE_SAS_TOKEN.name,
        "Azure shared access signatures (sig=, --sas-token)",
    ),
    (
        kind::AZURE_SHARED_ACCESS_KEY.name,
        "Azure SharedAccessKey= in connection strings",
    ),
    (
        kind::AZURE_CLIENT_SECRET.name,
        "Microsoft Entra client secrets (the Q~ shape)",
    ),
    (kind::GCP_API_KEY.name, "Google Cloud API keys (AIza…)"),
    (
        kind::GITHUB_TOKEN.name,
        "GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)",
    ),
    (
        kind::GITLAB_TOKEN.name,
        "GitLab tokens (glpat-, gldt-, glrt-, glptt-, glcbt-)",
    ),
    (kind::SLACK_TOKEN.name, "Slack tokens (xoxb-, xoxp-, …)"),
    (
        kind::SLACK_WEBHOOK.name,
        "Slack incoming-webhook secrets (hooks.slack.com/services/…)",
    ),
    (
        kind::STRIPE_KEY.name,
        "Stripe secret and restricted keys (sk_live_, rk_test_, …)",
    ),
    (kind::NPM_TOKEN.name, "npm access tokens (npm_…)"),
    (
        kind::PYPI_TOKEN.name,
        "PyPI API tokens (pypi-AgEIcHlwaS5vcmc…)",
    ),
    (
        kind::JWT.name,
        "JSON web tokens (eyJ….eyJ….…), e.g. service-account tokens",
    ),
    (
        kind::URL_PASSWORD.name,
        "passwords in URLs and connection strings (scheme://user:pass@host)",
    ),
    (
        kind::HTTP_AUTHORIZATION.name,
        "Authorization header credentials and curl -u user:pass",
    ),
    (
        kind::PRE_SHARED_KEY.name,
        "pre-shared keys (flannel ipsec and wireguard PSK)",
    ),
    (
        kind::ACCESS_KEY_SECRET.name,
        "cloud access key secrets (flannel tencent-vpc AccessKeySecret)",
    ),
    (
        kind::PASSWORD.name,
        "values under password keys and flags (password, passwd, pwd, --password, -p)",
    ),
    (
        kind::CLIENT_SECRET.name,
        "client secrets (client_secret, --client-secret)",
    ),
    (
        kind::TOKEN.name,
        "values under token keys and flags (token, access_token, --token)",
    ),
    (
        kind::API_KEY.name,
        "values under api-key keys (api_key, apiKey, X-Api-Key)",
    ),
    (
        kind::CONNECTION_STRING.name,
        "connection strings under connection-string keys and flags",
    ),
    (
        kind::SECRET.name,
        "values under other secret-sounding keys (secret, credential, private_key, signing key)",
    ),
    (
        kind::AZURE_SUBSCRIPTION.name,
        kind::AZURE_SUBSCRIPTION.description,
    ),
    (kind::AZURE_TENANT.name, kind::AZURE_TENANT.description),
    (
        kind::AZURE_CLIENT_ID.name,
        kind::AZURE_CLIENT_ID.description,
    ),
    (kind::AWS_ACCOUNT_ID.name, kind::AWS_ACCOUNT_ID.description),
    (kind::PUBLIC_IP.name, kind::PUBLIC_IP.description),
    (kind::EMAIL.name, kind::EMAIL.description),
    (
        kind::INTERNAL_HOSTNAME.name,
        kind::INTERNAL_HOSTNAME.description,
    ),
    (
        kind::HIGH_ENTROPY.name,
        "long random-looking base64 strings no other detector claimed",
    ),
];

/// True when `name` is a kind redaction knows (what `keep=` accepts).
pub fn is_kind(name: &str) -> bool {
    kind::by_name(name).is_some()
}

/// One replaced secret: its kind and where it was. Never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The detector's kind name (e.g. `aws-secret-access-key`), one of [`KINDS`].
    pub kind: &'static str,
    /// The placeholder that now stands in the text.
    pub placeholder: String,
    /// Where the secret was, in the original text. Its line is the same in the redacted text;
    /// its column too unless an earlier secret on the same line was replaced.
    pub span: Span,
    /// The secret's length in characters.
    pub length: usize,
}

/// The redacted text and what was replaced. The originals stay inside (for [`Redacted::restore`])
/// and never show in `Debug` output.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Redacted {
    /// The text with every secret replaced by its placeholder.
    pub text: String,
    /// The redactions, in text order.
    pub redactions: Vec<Redaction>,
    /// Values under secret keys left as they are because they look like placeholders
    /// (`REPLACE_ME`, `${VAR}`, `changeme`, `ghp_xxxx…`), in text order: the page can say so.
    pub placeholders: Vec<Span>,
    /// Placeholder → original, in memory only.
    secrets: SecretMap,
}

impl Redacted {
    /// Puts the originals back in place of the placeholders in `text` (the redacted text, or a
    /// corrected version of it). Used by `podnet fix` and the page's "copy with my values".
    pub fn restore(&self, text: &str) -> String {
        self.secrets.restore(text)
    }

    /// [`Redacted::placeholders`] as byte ranges of the redacted text (the placeholders before
    /// each one are longer or shorter than the values they replaced). One walk over both lists,
    /// which are in text order.
    pub fn placeholders_in_redacted_text(&self) -> Vec<(usize, usize)> {
        let mut shift: isize = 0;
        let mut next = 0;
        self.placeholders
            .iter()
            .map(|kept| {
                while let Some(redaction) = self
                    .redactions
                    .get(next)
                    .filter(|r| r.span.end <= kept.start)
                {
                    let replaced = redaction.span.end - redaction.span.start;
                    shift += redaction.placeholder.len() as isize - replaced as isize;
                    next += 1;
                }
                let moved = |at: usize| at.saturating_add_signed(shift);
                (moved(kept.start), moved(kept.end))
            })
            .collect()
    }

    /// How many distinct values were replaced.
    pub fn distinct_secrets(&self) -> usize {
        self.secrets.len()
    }

    /// The placeholders and the originals they stand for (memory only; see
    /// [`SecretMap::entries`]).
    pub fn secrets(&self) -> &SecretMap {
        &self.secrets
    }

    /// A redaction put back together from its parts, as [`Redacted::secrets`] and the public
    /// fields give them (the page's worker hands a redaction to its tab this way).
    pub fn from_parts(
        text: String,
        redactions: Vec<Redaction>,
        placeholders: Vec<Span>,
        secrets: SecretMap,
    ) -> Self {
        Redacted {
            text,
            redactions,
            placeholders,
            secrets,
        }
    }
}

/// Redacts `text`. With no detector matching, the text comes back unchanged.
///
/// Compiles the keyword prefilter for this one call (a fraction of a millisecond, which is most of
/// the time on a small paste); to redact many texts, make one [`Redactor`] and reuse it.
pub fn redact(text: &str, options: &RedactionOptions) -> Redacted {
    if text.len() >= 256 * 1024 {
        Redactor::new().redact(text, options)
    } else {
        redact_with(&Prefilter::nfa(), text, options)
    }
}

/// A compiled redactor: the keyword automaton, built once, reused for any number of texts.
///
/// Callers that redact again and again (the page on every edit, a server, a batch job) build one
/// with [`Redactor::new`] and keep it; it holds no state between calls, so one value serves every
/// text and thread. The result is the same as [`redact`]'s. With the analysis:
///
/// ```
/// use podnet_core::redact::Redactor;
/// use podnet_core::{analyze_redacted, Context};
///
/// let redactor = Redactor::new(); // once
/// let context = Context::default();
/// for paste in ["password: FAKEsecret123\n", "kind: ConfigMap\n"] {
///     let redacted = redactor.redact(paste, &context.redaction);
///     let report = analyze_redacted(&redacted, &context);
///     assert!(!report.text.contains("FAKEsecret123"));
/// }
/// ```
pub struct Redactor {
    prefilter: Prefilter<aho_corasick::dfa::DFA>,
}

impl Redactor {
    /// A redactor tuned for scanning many or large texts (its automaton takes longer to build).
    pub fn new() -> Self {
        Redactor {
            prefilter: Prefilter::dfa(),
        }
    }

    /// Redacts `text`. With no detector matching, the text comes back unchanged.
    pub fn redact(&self, text: &str, options: &RedactionOptions) -> Redacted {
        redact_with(&self.prefilter, text, options)
    }
}

/// Redacts `text` with the keyword automaton `prefilter`.
fn redact_with<A: aho_corasick::automaton::Automaton>(
    prefilter: &Prefilter<A>,
    text: &str,
    options: &RedactionOptions,
) -> Redacted {
    let mut found = found::Found::default();
    let mut documents = kubernetes::SecretDocuments::default();
    let mut secret_data = Vec::new();
    let mut placeholders_in_input = Vec::new();
    prefilter.for_each_hit(text, |start, end, detector| {
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return;
        }
        match detector {
            Detector::DocumentSeparator => documents.document_separator(text, start),
            Detector::KindWord => documents.kind_word(start),
            Detector::PlaceholderInInput => placeholders_in_input.push(start),
            // Needs every document boundary, so it runs after the pass.
            Detector::SecretData => secret_data.push(start),
            _ => detect(text, start, end, detector, &mut found),
        }
    });
    for at in secret_data {
        kubernetes::secret_data(text, at, &mut documents, &mut found);
    }
    public_ip::scan(text, &mut found);
    entropy::scan(text, &mut found);
    let benign = found.benign_ranges();
    let placeholder_ranges = found.placeholder_ranges();
    let candidates = with_repeats(text, &benign, found.merge(text, &options.keep));
    let placeholder_ranges = not_redacted(placeholder_ranges, &candidates);

    let (redacted_text, placeholders, secrets) =
        placeholder::Placeholders::with_tokens_at(text, &placeholders_in_input).apply(&candidates);
    // Only the text up to the last redaction or placeholder needs its lines indexed.
    let last_end = candidates
        .iter()
        .map(|c| c.end)
        .chain(placeholder_ranges.iter().map(|range| range.1))
        .max()
        .unwrap_or(0);
    let index = LineIndex::new(text.get(..last_end).unwrap_or(text));
    let redactions = candidates
        .iter()
        .zip(placeholders)
        .map(|(candidate, placeholder)| Redaction {
            kind: candidate.kind.name,
            placeholder,
            span: index.span(candidate.start, candidate.end),
            length: text[candidate.start..candidate.end].chars().count(),
        })
        .collect();
    Redacted {
        text: redacted_text,
        redactions,
        placeholders: placeholder_ranges
            .iter()
            .map(|&(start, end)| index.span(start, end))
            .collect(),
        secrets,
    }
}

/// The `ranges` (sorted) that no redaction covers: a placeholder-looking value that is redacted
/// anyway (all of a Secret's `data` is) was not kept, so it is not reported as kept. One walk over
/// both sorted lists.
fn not_redacted(
    ranges: Vec<(usize, usize)>,
    redactions: &[found::Candidate],
) -> Vec<(usize, usize)> {
    let mut next = 0;
    ranges
        .into_iter()
        .filter(|&(start, end)| {
            while redactions.get(next).is_some_and(|r| r.end <= start) {
                next += 1;
            }
            redactions.get(next).is_none_or(|r| r.start >= end)
        })
        .collect()
}

impl Default for Redactor {
    fn default() -> Self {
        Redactor::new()
    }
}

/// Adds every other occurrence of a found value (a password pasted twice, a key id repeated in
/// a log line) so no copy is left visible. Only values of 6 or more characters, at word
/// boundaries. Candidate places are found by the value's first six bytes, looked up only where a
/// word starts, so the pass stays linear in the text.
fn with_repeats(
    text: &str,
    benign: &[(usize, usize)],
    candidates: Vec<found::Candidate>,
) -> Vec<found::Candidate> {
    const PREFIX: usize = 6;
    let mut values: Vec<(&str, &'static Kind)> = candidates
        .iter()
        .map(|c| (&text[c.start..c.end], c.kind))
        .filter(|(value, _)| value.len() >= PREFIX)
        .collect();
    if values.is_empty() {
        return candidates;
    }
    // Longest first, so a value that starts with a shorter one wins.
    values.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    values.dedup_by(|a, b| a.0 == b.0);
    let bytes = text.as_bytes();
    let is_boundary = |at: Option<&u8>| !at.is_some_and(|b| b.is_ascii_alphanumeric());
    let mut found = found::Found::default();
    for candidate in &candidates {
        found.add(candidate.start, candidate.end, candidate.kind);
    }
    // Copies cutting into a benign range redact it whole, as in the first merge.
    for &(start, end) in benign {
        found.benign(start, end);
    }
    let mut add_copy = |at: usize, value: &str, kind: &'static Kind| {
        let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        if starts_word && is_boundary(bytes.get(at + value.len())) {
            found.add(at, at + value.len(), kind);
        }
    };
    if values.len() <= 16 {
        // A few values: one substring search each (fast, no automaton to build).
        for &(value, kind) in &values {
            for (at, _) in text.match_indices(value) {
                add_copy(at, value, kind);
            }
        }
    } else {
        // Many values: one automaton over their first six bytes finds every place a copy may
        // start; each place is then checked against the whole values with that beginning.
        let mut prefixes: Vec<&[u8]> = values
            .iter()
            .map(|(value, _)| &value.as_bytes()[..PREFIX])
            .collect();
        // Sorted through the crate's one sort (no private copy of std's sort here): three bytes
        // to a key, big-endian, is the order of the bytes.
        crate::order::sort_by_position(&mut prefixes, |prefix| {
            let key = |bytes: &[u8]| {
                bytes
                    .iter()
                    .fold(0usize, |key, &byte| key << 8 | usize::from(byte))
            };
            (key(&prefix[..3]), key(&prefix[3..]))
        });
        prefixes.dedup();
        let Ok(automaton) = aho_corasick::dfa::DFA::new(&prefixes) else {
            return candidates;
        };
        let Ok(hits) = aho_corasick::automaton::Automaton::try_find_overlapping_iter(
            &automaton,
            aho_corasick::Input::new(text),
        ) else {
            return candidates;
        };
        // For each prefix, the values that start with it (longest first, as `values` is sorted).
        let mut with_prefix: Vec<Vec<usize>> = alloc::vec![Vec::new(); prefixes.len()];
        for (index, (value, _)) in values.iter().enumerate() {
            if let Ok(slot) = prefixes.binary_search(&&value.as_bytes()[..PREFIX]) {
                with_prefix[slot].push(index);
            }
        }
        for hit in hits {
            let at = hit.start();
            let copy = with_prefix[hit.pattern().as_usize()]
                .iter()
                .map(|&index| values[index])
                .find(|(value, _)| bytes[at..].starts_with(value.as_bytes()));
            if let Some((value, kind)) = copy {
                add_copy(at, value, kind);
            }
        }
    }
    found.merge(text, &[])
}

fn detect(text: &str, start: usize, end: usize, detector: Detector, found: &mut found::Found) {
    match detector {
        Detector::Pem => pem::block(text, start, found),
        Detector::Base64Pem => pem::base64_block(text, start, found),
        Detector::Der => pem::der(text, start, found),
        Detector::Token(index) => tokens::prefixed(text, start, &tokens::SHAPES[index], found),
        Detector::Jwt => tokens::jwt(text, start, found),
        Detector::EntraSecret => tokens::entra_secret(text, start, found),
        Detector::SlackWebhook => tokens::slack_webhook(text, end, found),
        Detector::Url => url::credentials(text, start, found),
        Detector::KeyValue => keyvalue::at_keyword(text, start, end, found),
        Detector::CurlUser => keyvalue::curl_user(text, start, found),
        Detector::ShortPassword => keyvalue::short_password(text, start, found),
        Detector::LastApplied => kubernetes::last_applied(text, end, found),
        Detector::SubscriptionPath => identifiers::subscription_path(text, end, found),
        Detector::GuidKey => identifiers::guid_key(text, start, end, found),
        Detector::TenantUrl => identifiers::tenant_url(text, end, found),
        Detector::Arn => identifiers::arn(text, start, found),
        Detector::Ecr => identifiers::ecr(text, start, found),
        Detector::AccountIdKey => identifiers::account_id_key(text, start, end, found),
        Detector::Email => identifiers::email(text, start, found),
        Detector::InternalHost => identifiers::internal_host(text, start, end, found),
        Detector::RedisCli => commands::redis_cli(text, start, found),
        Detector::SecureString => commands::secure_string(text, end, found),
        Detector::DevopsLogin => commands::devops_login(text, start, found),
        Detector::IpsecKey => commands::ipsec_key(text, end, found),
        Detector::SecureParam => {
            if let Some(value) = azure_templates::secure_param(text, end) {
                keyvalue::add_value(text, value, &kind::SECRET, found);
            }
        }
        Detector::StaticToken => tokens::static_token_line(text, start, found),
        Detector::Public => public::value(text, start, end, found),
        // Remembered by the caller, not detectors.
        Detector::SecretData
        | Detector::DocumentSeparator
        | Detector::KindWord
        | Detector::PlaceholderInInput => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_list_matches_the_kind_table() {
        assert_eq!(KINDS.len(), kind::ALL.len());
        for ((name, description), kind) in KINDS.iter().zip(kind::ALL) {
            assert_eq!(*name, kind.name);
            assert!(!description.is_empty(), "{name}");
            // Only the kinds the page shows carry their description in the kind itself.
            if kind.tier == Tier::Identifier {
                assert_eq!(*description, kind.description);
            } else {
                assert!(kind.description.is_empty(), "{name}");
            }
        }
    }

    #[test]
    fn redacts_restores_and_hides_values_from_debug() {
        let text = "password: FAKEsecret123\nother: FAKEsecret123\napi_key: FAKEapikeyvalue\n";
        let redacted = redact(text, &RedactionOptions::default());
        assert_eq!(
            redacted.text,
            "password: REDACTED_PASSWORD_1\nother: REDACTED_PASSWORD_1\napi_key: REDACTED_API_KEY_1\n"
        );
        assert_eq!(redacted.redactions.len(), 3);
        assert_eq!(redacted.redactions[2].span.line, 3);
        assert_eq!(redacted.redactions[2].length, "FAKEapikeyvalue".len());
        assert_eq!(redacted.restore(&redacted.text), text);
        let debug = alloc::format!("{redacted:?}");
        assert!(!debug.contains("FAKEapikeyvalue"), "{debug}");
    }

    #[test]
    fn a_reused_redactor_matches_one_shot_redaction() {
        let texts = [
            "password: FAKEsecret123\n",
            "kind: Secret\nstringData:\n  k: FAKEvalue9\n---\nkind: ConfigMap\ndata:\n  k: v\n",
            "lb 2603:1030:20e:3::23a REDACTED_PASSWORD_1 owner jane@example.org\n",
        ];
        let redactor = Redactor::new();
        let options = RedactionOptions::default();
        for _ in 0..2 {
            for text in texts {
                assert_eq!(redactor.redact(text, &options), redact(text, &options));
            }
        }
    }

    #[test]
    fn with_many_values_every_copy_is_redacted() {
        // Over 16 values take the automaton path; some share their first six bytes.
        let mut text = String::new();
        for n in 0..20 {
            text.push_str(&alloc::format!("password: FAKEsecret{n:02}x\n"));
        }
        for n in (0..20).rev() {
            text.push_str(&alloc::format!(
                "copy FAKEsecret{n:02}x and FAKEsecret{n:02}xy\n"
            ));
        }
        let redacted = redact(&text, &RedactionOptions::default());
        assert!(
            !redacted.text.contains("FAKEsecret01x "),
            "{}",
            redacted.text
        );
        assert_eq!(
            redacted.text.matches("FAKEsecret").count(),
            20,
            "{}",
            redacted.text
        );
        assert_eq!(redacted.restore(&redacted.text), text);
    }

    #[test]
    fn placeholders_under_secret_keys_are_reported() {
        let text = "password: REPLACE_ME\ntoken: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\napi_key: FAKEapikeyvalue\n";
        let redacted = redact(text, &RedactionOptions::default());
        let lines: Vec<u32> = redacted.placeholders.iter().map(|span| span.line).collect();
        assert_eq!(lines, [1, 2]);
        assert_eq!(redacted.redactions.len(), 1);
    }

    #[test]
    fn kept_kinds_stay() {
        let text = "owner: jane@example.org\n";
        let mut options = RedactionOptions::default();
        assert_ne!(redact(text, &options).text, text);
        options.keep.push(String::from("email"));
        assert_eq!(redact(text, &options).text, text);
    }
}
