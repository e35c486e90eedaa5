//! The kinds of secret and identifier redaction knows: stable names, placeholder stems, tiers.
//!
//! A kind's name is what the report, the CLI's `--keep` and the page's switches use; its stem is the
//! middle of the placeholder (`REDACTED_<STEM>_<N>`). Names never change once published.

/// What every placeholder starts with; its kind's stem and a number follow
/// (`REDACTED_<STEM>_<N>`, built in [`placeholder`](super::placeholder)). The one spelling
/// redaction, its detectors (which leave placeholders alone) and the rules (which treat them as
/// opaque) share. It lives here, beside the stems, so that every detector can use it without
/// depending on the placeholder map (which depends on the detectors' candidates).
pub const PLACEHOLDER_PREFIX: &str = "REDACTED_";

/// How sure a detector is that the text is secret, which decides who wins when two overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// A long, random-looking string nothing else claimed.
    Entropy,
    /// Not a credential, but it identifies a tenant, account, person or machine.
    Identifier,
    /// A value under a secret-sounding key or flag.
    KeyValue,
    /// A credential recognised by its own shape (prefix, structure, block markers).
    Shaped,
}

/// One kind of redacted value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Placeholder stem, upper case with underscores.
    pub stem: &'static str,
    /// One line for people, for the kinds the page lets the user keep (the identifier tier); the
    /// other kinds leave it empty, so the page carries no text it never shows.
    /// [`KINDS`](super::KINDS) describes every kind.
    pub description: &'static str,
    /// Which tier the kind belongs to.
    pub tier: Tier,
}

const fn kind(
    name: &'static str,
    stem: &'static str,
    tier: Tier,
    description: &'static str,
) -> Kind {
    Kind {
        name,
        stem,
        description,
        tier,
    }
}

use Tier::{Entropy, Identifier, KeyValue, Shaped};

/// A PEM private key block, raw, with escaped `\n` or base64-wrapped.
pub const PRIVATE_KEY: Kind = kind("private-key", "PRIVATE_KEY", Shaped, "");
/// A PKCS#12 (PFX) bundle in base64.
pub const PKCS12: Kind = kind("pkcs12", "PKCS12", Shaped, "");
/// A value of a Kubernetes Secret's `data` or `stringData`.
pub const KUBERNETES_SECRET_DATA: Kind = kind("kubernetes-secret-data", "K8S_SECRET", Shaped, "");
/// A last-applied-configuration annotation that carries a Secret.
pub const KUBERNETES_LAST_APPLIED_SECRET: Kind = kind(
    "kubernetes-last-applied-secret",
    "K8S_LAST_APPLIED_SECRET",
    Shaped,
    "",
);
/// kubeconfig `client-key-data`.
pub const KUBECONFIG_CLIENT_KEY: Kind =
    kind("kubeconfig-client-key", "KUBECONFIG_CLIENT_KEY", Shaped, "");
/// Docker config `auths.*.auth`.
pub const DOCKER_AUTH: Kind = kind("docker-auth", "DOCKER_AUTH", KeyValue, "");
/// AWS access key id.
pub const AWS_ACCESS_KEY_ID: Kind = kind("aws-access-key-id", "AWS_ACCESS_KEY_ID", Shaped, "");
/// AWS secret access key.
pub const AWS_SECRET_ACCESS_KEY: Kind = kind(
    "aws-secret-access-key",
    "AWS_SECRET_ACCESS_KEY",
    KeyValue,
    "",
);
/// AWS session token.
pub const AWS_SESSION_TOKEN: Kind = kind("aws-session-token", "AWS_SESSION_TOKEN", KeyValue, "");
/// Azure storage account key.
pub const AZURE_STORAGE_KEY: Kind = kind("azure-storage-key", "AZURE_STORAGE_KEY", KeyValue, "");
/// Azure SAS token signature.
pub const AZURE_SAS_TOKEN: Kind = kind("azure-sas-token", "AZURE_SAS_TOKEN", KeyValue, "");
/// Azure Service Bus / Event Hubs shared access key.
pub const AZURE_SHARED_ACCESS_KEY: Kind = kind(
    "azure-shared-access-key",
    "AZURE_SHARED_ACCESS_KEY",
    KeyValue,
    "",
);
/// Microsoft Entra client secret.
pub const AZURE_CLIENT_SECRET: Kind =
    kind("azure-client-secret", "AZURE_CLIENT_SECRET", Shaped, "");
/// GCP API key.
pub const GCP_API_KEY: Kind = kind("gcp-api-key", "GCP_API_KEY", Shaped, "");
/// GitHub token.
pub const GITHUB_TOKEN: Kind = kind("github-token", "GITHUB_TOKEN", Shaped, "");
/// GitLab token.
pub const GITLAB_TOKEN: Kind = kind("gitlab-token", "GITLAB_TOKEN", Shaped, "");
/// Slack token.
pub const SLACK_TOKEN: Kind = kind("slack-token", "SLACK_TOKEN", Shaped, "");
/// Slack incoming webhook path.
pub const SLACK_WEBHOOK: Kind = kind("slack-webhook", "SLACK_WEBHOOK", Shaped, "");
/// Stripe secret or restricted key.
pub const STRIPE_KEY: Kind = kind("stripe-key", "STRIPE_KEY", Shaped, "");
/// npm access token.
pub const NPM_TOKEN: Kind = kind("npm-token", "NPM_TOKEN", Shaped, "");
/// PyPI API token.
pub const PYPI_TOKEN: Kind = kind("pypi-token", "PYPI_TOKEN", Shaped, "");
/// JSON web token.
pub const JWT: Kind = kind("jwt", "JWT", Shaped, "");
/// A password in a URL's user info.
pub const URL_PASSWORD: Kind = kind("url-password", "URL_PASSWORD", Shaped, "");
/// HTTP Authorization header credentials or curl -u.
pub const HTTP_AUTHORIZATION: Kind = kind("http-authorization", "HTTP_AUTHORIZATION", KeyValue, "");
/// flannel ipsec / wireguard pre-shared key.
pub const PRE_SHARED_KEY: Kind = kind("pre-shared-key", "PSK", KeyValue, "");
/// tencent-vpc AccessKeySecret.
pub const ACCESS_KEY_SECRET: Kind = kind("access-key-secret", "ACCESS_KEY_SECRET", KeyValue, "");
/// A value under a password-like key or flag.
pub const PASSWORD: Kind = kind("password", "PASSWORD", KeyValue, "");
/// A value under a client-secret key or flag.
pub const CLIENT_SECRET: Kind = kind("client-secret", "CLIENT_SECRET", KeyValue, "");
/// A value under a token key or flag.
pub const TOKEN: Kind = kind("token", "TOKEN", KeyValue, "");
/// A value under an API-key key.
pub const API_KEY: Kind = kind("api-key", "API_KEY", KeyValue, "");
/// A whole connection string under a connection-string key or flag.
pub const CONNECTION_STRING: Kind = kind("connection-string", "CONNECTION_STRING", KeyValue, "");
/// A value under another secret-sounding key.
pub const SECRET: Kind = kind("secret", "SECRET", KeyValue, "");
/// Azure subscription id.
pub const AZURE_SUBSCRIPTION: Kind = kind(
    "azure-subscription",
    "AZURE_SUBSCRIPTION",
    Identifier,
    "Azure subscription ids (--subscription, /subscriptions/<id>/ in resource ids)",
);
/// Azure tenant id.
pub const AZURE_TENANT: Kind = kind(
    "azure-tenant",
    "AZURE_TENANT",
    Identifier,
    "Azure / Entra tenant ids",
);
/// Azure service principal / app (client) id.
pub const AZURE_CLIENT_ID: Kind = kind(
    "azure-client-id",
    "AZURE_CLIENT_ID",
    Identifier,
    "Azure service principal, app and client ids",
);
/// AWS account id.
pub const AWS_ACCOUNT_ID: Kind = kind(
    "aws-account-id",
    "AWS_ACCOUNT_ID",
    Identifier,
    "AWS account ids, also inside ARNs and ECR host names",
);
/// Public IPv4 address.
pub const PUBLIC_IP: Kind = kind("public-ip", "PUBLIC_IP", Identifier, "public IPv4 and IPv6 addresses (never private, unique local, CGNAT, loopback, link-local, documentation ranges or CIDRs)");
/// E-mail address.
pub const EMAIL: Kind = kind("email", "EMAIL", Identifier, "e-mail addresses");
/// Host name under an internal domain.
pub const INTERNAL_HOSTNAME: Kind = kind(
    "internal-hostname",
    "INTERNAL_HOSTNAME",
    Identifier,
    "host names under internal domains (.internal, .corp, .lan, .local, …)",
);
/// The high-entropy fallback.
pub const HIGH_ENTROPY: Kind = kind("high-entropy", "HIGH_ENTROPY", Entropy, "");

/// Every kind, in the order the page and `--help` list them.
pub const ALL: &[Kind] = &[
    PRIVATE_KEY,
    PKCS12,
    KUBERNETES_SECRET_DATA,
    KUBERNETES_LAST_APPLIED_SECRET,
    KUBECONFIG_CLIENT_KEY,
    DOCKER_AUTH,
    AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN,
    AZURE_STORAGE_KEY,
    AZURE_SAS_TOKEN,
    AZURE_SHARED_ACCESS_KEY,
    AZURE_CLIENT_SECRET,
    GCP_API_KEY,
    GITHUB_TOKEN,
    GITLAB_TOKEN,
    SLACK_TOKEN,
    SLACK_WEBHOOK,
    STRIPE_KEY,
    NPM_TOKEN,
    PYPI_TOKEN,
    JWT,
    URL_PASSWORD,
    HTTP_AUTHORIZATION,
    PRE_SHARED_KEY,
    ACCESS_KEY_SECRET,
    PASSWORD,
    CLIENT_SECRET,
    TOKEN,
    API_KEY,
    CONNECTION_STRING,
    SECRET,
    AZURE_SUBSCRIPTION,
    AZURE_TENANT,
    AZURE_CLIENT_ID,
    AWS_ACCOUNT_ID,
    PUBLIC_IP,
    EMAIL,
    INTERNAL_HOSTNAME,
    HIGH_ENTROPY,
];

/// The kind with this name, if any.
pub fn by_name(name: &str) -> Option<&'static Kind> {
    ALL.iter()
        .find(|kind| kind.name.eq_ignore_ascii_case(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_stems_are_unique_and_well_formed() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(
                a.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                a.name
            );
            assert!(
                a.stem
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                a.stem
            );
            for b in &ALL[i + 1..] {
                assert_ne!(a.name, b.name);
                assert_ne!(a.stem, b.stem);
            }
        }
        assert_eq!(
            by_name("Public-IP").map(|kind| kind.stem),
            Some("PUBLIC_IP")
        );
        assert!(by_name("nothing").is_none());
    }
}
