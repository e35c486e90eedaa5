//! The keyword prefilter: one Aho-Corasick pass (ASCII case-insensitive) finds every place a
//! keyword-anchored detector needs to look, so detectors never scan the whole text themselves.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{dfa, Input, MatchKind};
use alloc::vec::Vec;

use super::tokens;

/// Which detector a keyword wakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detector {
    /// `-----BEGIN`: a PEM block.
    Pem,
    /// Base64 of `-----BEGIN`.
    Base64Pem,
    /// A DER structure in base64 (PKCS#12, PKCS#8, certificates).
    Der,
    /// A vendor token with a fixed prefix (index into [`tokens::SHAPES`]).
    Token(usize),
    /// `eyJ`: a JSON web token.
    Jwt,
    /// `Q~`: an Entra client secret.
    EntraSecret,
    /// A Slack incoming webhook.
    SlackWebhook,
    /// `://`: credentials in a URL.
    Url,
    /// A secret-sounding word: a key, flag or header whose value is secret.
    KeyValue,
    /// curl `-u` / `--user`.
    CurlUser,
    /// The short `-p` password flag.
    ShortPassword,
    /// `data` / `stringData` of a Kubernetes Secret.
    SecretData,
    /// The last-applied-configuration annotation.
    LastApplied,
    /// `/subscriptions/<guid>`.
    SubscriptionPath,
    /// A key or flag naming a subscription, tenant or client id.
    GuidKey,
    /// `login.microsoftonline.com/<tenant>`.
    TenantUrl,
    /// `arn:aws…`.
    Arn,
    /// `.dkr.ecr.` host names.
    Ecr,
    /// A key naming an AWS account id.
    AccountIdKey,
    /// `@`: an e-mail address.
    Email,
    /// A host name under an internal top-level domain.
    InternalHost,
    /// `\n---`: a YAML document starts (remembered, not a detector of its own).
    DocumentSeparator,
    /// `kind`: where a document may say it is a Secret (remembered).
    KindWord,
    /// `REDACTED_`: a placeholder the input already holds (remembered, so numbers skip it).
    PlaceholderInInput,
    /// `redis-cli`: its `-a` password.
    RedisCli,
    /// `ConvertTo-SecureString`: its plain-text argument.
    SecureString,
    /// `az devops login`: the token `echo`ed into it.
    DevopsLogin,
    /// An IPsec algorithm name: the key after it.
    IpsecKey,
    /// Bicep's `@secure()`: the default of the parameter it marks.
    SecureParam,
    /// `,"`: where a static token file's line opens its groups.
    StaticToken,
    /// A public key's key or a publishable key's prefix (marked benign).
    Public,
}

/// Keywords (matched ignoring ASCII case) and the detector each wakes; with the host suffixes,
/// the secret words and the token prefixes below. Tables, not code: each row is data in the page.
const KEYWORDS: &[(&str, Detector)] = {
    use Detector::*;
    &[
        ("-----begin", Pem),
        ("ls0tls1crudjti", Base64Pem),
        ("mii", Der),
        ("mhccaqee", Der),
        ("eyj", Jwt),
        ("q~", EntraSecret),
        ("hooks.slack.com/services/", SlackWebhook),
        ("://", Url),
        ("-u", CurlUser),
        ("--user", CurlUser),
        ("-p", ShortPassword),
        ("data:", SecretData),
        ("data\"", SecretData),
        ("last-applied-configuration", LastApplied),
        ("/subscriptions/", SubscriptionPath),
        ("subscription", GuidKey),
        ("tenant", GuidKey),
        ("clientid", GuidKey),
        ("client-id", GuidKey),
        ("client_id", GuidKey),
        ("appid", GuidKey),
        ("app-id", GuidKey),
        ("app_id", GuidKey),
        ("applicationid", GuidKey),
        ("principal", GuidKey),
        ("objectid", GuidKey),
        ("object-id", GuidKey),
        ("identityid", GuidKey),
        ("identity-id", GuidKey),
        ("redis-cli", RedisCli),
        ("convertto-securestring", SecureString),
        ("az devops login", DevopsLogin),
        ("rfc4106(", IpsecKey),
        ("hmac(sha", IpsecKey),
        ("cbc(aes)", IpsecKey),
        ("@secure()", SecureParam),
        (",\"", StaticToken),
        ("pk_live_", Public),
        ("pk_test_", Public),
        ("publickey", Public),
        ("public_key", Public),
        ("public-key", Public),
        ("pubkey", Public),
        ("pub-key", Public),
        ("microsoftonline.com/", TenantUrl),
        ("arn:aws", Arn),
        (".dkr.ecr.", Ecr),
        ("accountid", AccountIdKey),
        ("account_id", AccountIdKey),
        ("account-id", AccountIdKey),
        ("@", Email),
        ("\n---", DocumentSeparator),
        ("kind", KindWord),
        (super::kind::PLACEHOLDER_PREFIX, PlaceholderInInput),
    ]
};

/// Host name suffixes of internal domains ([`Detector::InternalHost`]).
const INTERNAL_SUFFIXES: &[&str] = &[
    ".internal",
    ".corp",
    ".local",
    ".lan",
    ".intranet",
    ".localdomain",
    ".home.arpa",
    ".private",
];

/// Secret-sounding words in keys, flags and headers ([`Detector::KeyValue`]).
const SECRET_WORDS: &[&str] = &[
    "pass",
    "pwd",
    "secret",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "credential",
    "privatekey",
    "private_key",
    "private-key",
    "psk",
    "accountkey",
    "account-key",
    "account_key",
    "storagekey",
    "sastoken",
    "sas-token",
    "sas_token",
    "sharedaccess",
    "connectionstring",
    "connection-string",
    "connection_string",
    "connstr",
    "auth",
    "sig=",
    "signingkey",
    "signing_key",
    "encryptionkey",
    "encryption_key",
    "masterkey",
    "master_key",
    "client-key-data",
    "cookie",
    "subscriptionkey",
    "subscription-key",
    "subscription_key",
    "replicasetkey",
    "replica_set_key",
    "appkey",
    "app-key",
    "app_key",
    "applicationkey",
    "application-key",
    "application_key",
    "routingkey",
    "routing_key",
    "certificatekey",
    "certificate-key",
];

/// Every keyword with the detector it wakes.
fn keywords() -> impl Iterator<Item = (&'static str, Detector)> {
    KEYWORDS
        .iter()
        .copied()
        .chain(
            INTERNAL_SUFFIXES
                .iter()
                .map(|&suffix| (suffix, Detector::InternalHost)),
        )
        .chain(SECRET_WORDS.iter().map(|&word| (word, Detector::KeyValue)))
        .chain(
            tokens::SHAPES
                .iter()
                .enumerate()
                .map(|(index, shape)| (shape.prefix, Detector::Token(index))),
        )
}

/// The compiled keyword automaton: a DFA ([`Prefilter::dfa`]) or a contiguous NFA
/// ([`Prefilter::nfa`]). The automaton types are used directly, not through `AhoCorasick`, whose
/// `Arc<dyn …>` brings every kind's code (and their `Debug`) into the page.
pub struct Prefilter<A> {
    automaton: Option<A>,
    detectors: Vec<Detector>,
}

impl Prefilter<dfa::DFA> {
    /// The DFA: scans fastest, but takes about a millisecond to build.
    pub fn dfa() -> Self {
        Prefilter {
            automaton: dfa::DFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(keywords().map(|(keyword, _)| keyword))
                .ok(),
            detectors: keywords().map(|(_, detector)| detector).collect(),
        }
    }
}

impl Prefilter<contiguous::NFA> {
    /// The contiguous NFA: builds in a fraction of the DFA's time, the better trade for one
    /// small paste.
    pub fn nfa() -> Self {
        Prefilter {
            automaton: contiguous::NFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(keywords().map(|(keyword, _)| keyword))
                .ok(),
            detectors: keywords().map(|(_, detector)| detector).collect(),
        }
    }
}

impl<A: Automaton> Prefilter<A> {
    /// Calls `visit(start, end, detector)` for every keyword occurrence, overlapping ones included.
    pub fn for_each_hit(&self, text: &str, mut visit: impl FnMut(usize, usize, Detector)) {
        let Some(hits) = self
            .automaton
            .as_ref()
            .and_then(|automaton| automaton.try_find_overlapping_iter(Input::new(text)).ok())
        else {
            return;
        };
        for hit in hits {
            visit(
                hit.start(),
                hit.end(),
                self.detectors[hit.pattern().as_usize()],
            );
        }
    }
}
