//! Property tests for redaction: documents made of benign config lines with planted secrets.
//!
//! - No planted secret shows 6 or more consecutive characters after redaction.
//! - Redacting the redacted text changes nothing.
//! - The line count is kept and `restore` gives back the original.

use podnet_core::redact::redact;
use podnet_core::RedactionOptions;
use proptest::prelude::*;

/// Lines that carry nothing secret (and must not make a planted secret look visible).
const FILLER: &[&str] = &[
    "kind: ConfigMap",
    "apiVersion: v1",
    "  net-conf.json: |",
    "    {\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}",
    "  mtu: 1450",
    "image: ghcr.io/flannel-io/flannel:v0.28.9",
    "# rotate the credentials below after the incident",
    "",
    "az aks create -g rg-demo -n aks-demo --pod-cidr 10.244.0.0/16 --service-cidr 10.0.0.0/16",
    "  secretName: flannel-tls",
    "2026-03-14T09:12:12Z flannel: using 10.224.0.7 on eth0, MTU 1500",
    "metadata:",
    "  name: kube-flannel-ds",
    "  namespace: kube-flannel",
    "---",
];

/// A line template with one `{}` where the secret goes.
const KEYED: &[&str] = &[
    "password: {}",
    "  \"password\": \"{}\",",
    "DB_PASSWORD={}",
    "az ad sp create-for-rbac --client-secret {} --years 1",
    "curl -sS -u admin:{} https://artifacts.example.com/upload",
    "curl -H 'Authorization: Bearer {}' https://api.example.com",
    "  databaseUrl: postgres://app:{}@db.example.com:5432/app",
    "aws_secret_access_key = {}",
    "    token: {}",
    "api_key: '{}'",
    "helm upgrade x ./chart --set auth.password={},auth.user=app",
    "client_secret = \"{}\"",
    "\"PSK\": \"{}\"",
];

fn keyed_secret() -> impl Strategy<Value = (String, String)> {
    (prop::sample::select(KEYED), "Fk[A-Za-z0-9]{10,38}")
        .prop_map(|(template, secret)| (template.replacen("{}", &secret, 1), secret))
}

fn shaped_secret() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        "AKIA[A-Z0-9]{16}",
        "ghp_[A-Za-z0-9]{36}",
        "glpat-[A-Za-z0-9_]{20}",
        "xoxb-[0-9]{12}-[A-Za-z0-9]{24}",
        "sk_live_[A-Za-z0-9]{24}",
        "AIza[A-Za-z0-9_]{35}",
        "npm_[A-Za-z0-9]{36}",
        "eyJ[A-Za-z0-9_]{12,30}\\.eyJ[A-Za-z0-9_]{12,60}\\.[A-Za-z0-9_]{20,43}",
        "[a-z]{3}[0-9]Q~[A-Za-z0-9_]{34}",
    ]
    .prop_map(|secret| {
        (
            format!("2026-03-14T09:12:12Z deploy: using {secret} for the upload"),
            secret,
        )
    })
}

fn pem_secret() -> impl Strategy<Value = (String, String)> {
    prop::collection::vec("[A-Za-z0-9+/]{64}", 2..6).prop_map(|lines| {
        let body = lines.join("\n    ");
        let block = format!("  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    {body}\n    -----END RSA PRIVATE KEY-----");
        (block, lines[0].clone())
    })
}

fn document() -> impl Strategy<Value = (String, Vec<String>)> {
    let line = prop_oneof![
        4 => prop::sample::select(FILLER).prop_map(|line| (String::from(line), None)),
        2 => keyed_secret().prop_map(|(line, secret)| (line, Some(secret))),
        2 => shaped_secret().prop_map(|(line, secret)| (line, Some(secret))),
        1 => pem_secret().prop_map(|(line, secret)| (line, Some(secret))),
    ];
    prop::collection::vec(line, 1..24).prop_map(|lines| {
        let text = lines
            .iter()
            .map(|(line, _)| line.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let secrets = lines.into_iter().filter_map(|(_, secret)| secret).collect();
        (text, secrets)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn planted_secrets_never_show_six_characters((text, secrets) in document()) {
        let options = RedactionOptions::default();
        let redacted = redact(&text, &options);
        for secret in &secrets {
            let chars: Vec<char> = secret.chars().collect();
            for window in chars.windows(6) {
                let window: String = window.iter().collect();
                prop_assert!(
                    !redacted.text.contains(&window),
                    "{window:?} of {secret:?} is visible in\n{}", redacted.text
                );
            }
        }
        prop_assert_eq!(redacted.text.lines().count(), text.lines().count());
        prop_assert_eq!(&redact(&redacted.text, &options).text, &redacted.text);
        prop_assert_eq!(redacted.restore(&redacted.text), text);
    }
}
