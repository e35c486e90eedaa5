//! Values under secret-sounding keys and flags, in every syntax people paste: YAML, JSON, INI and
//! .env, HCL, Java properties, connection strings, URL query strings, HTTP headers and command
//! lines (`--password x`, `--client-secret=x`, `helm --set db.password=x`, `kubectl create secret
//! --from-literal=password=x`, `sqlcmd -P x`), Kubernetes `env` entries (`name: DB_PASSWORD` /
//! `value: x`), values written after blanks (redis.conf, keepalived, `.netrc`, `vault kv get`
//! rows, HAProxy `stats auth`), and ARM/Bicep parameters (read by `azure_templates`).
//!
//! A key counts when its normalised name (lower case, separators dropped) ends with a secret word,
//! so `client_secret` and `AWS_SECRET_ACCESS_KEY` count while `secretName`, `tokenTTL` and
//! `password_file` do not. The vocabulary is data ([`SUFFIXES`], [`EXACT`], [`ONLY_RANDOM`],
//! [`NOT_SECRET`]), taken from what tools name their secrets: `requirepass`/`masterauth` (Redis),
//! `auth_pass` (keepalived), `*_PASS` (RabbitMQ, Ansible), `erlangCookie`, `replicaSetKey`
//! (Bitnami charts), `SECRET_KEY_BASE` (Rails), `DD_APP_KEY` (Datadog), `routing_key`
//! (PagerDuty), `Ocp-Apim-Subscription-Key` (API Management), `--certificate-key` (kubeadm).
//! Obvious placeholders (`${VAR}`, `{{ … }}`, `<…>`, `changeme`, `REPLACE_ME`, `***`,
//! already-redacted text) are left alone and reported as placeholders.

use alloc::string::String;
use alloc::vec::Vec;

use super::found::Found;
use super::kind::{self, Kind};
use super::scan::{
    command_around, flag_value, is_base64, is_key_byte, is_placeholder, key_around, key_shape,
    line_end, line_start, next_line, normalise, skip_blanks, value_after_key, value_of_key,
    KeyShape, Value,
};

/// Normalised key suffixes and the kind of value they hold, most specific first.
const SUFFIXES: &[(&str, &Kind)] = &[
    ("secretaccesskey", &kind::AWS_SECRET_ACCESS_KEY),
    ("sessiontoken", &kind::AWS_SESSION_TOKEN),
    ("securitytoken", &kind::AWS_SESSION_TOKEN),
    ("accesskeysecret", &kind::ACCESS_KEY_SECRET),
    ("accountkey", &kind::AZURE_STORAGE_KEY),
    ("storagekey", &kind::AZURE_STORAGE_KEY),
    ("sastoken", &kind::AZURE_SAS_TOKEN),
    ("sharedaccesssignature", &kind::AZURE_SAS_TOKEN),
    ("sharedaccesskey", &kind::AZURE_SHARED_ACCESS_KEY),
    ("connectionstring", &kind::CONNECTION_STRING),
    ("connstr", &kind::CONNECTION_STRING),
    ("clientsecret", &kind::CLIENT_SECRET),
    ("clientkeydata", &kind::KUBECONFIG_CLIENT_KEY),
    ("subscriptionkey", &kind::API_KEY),
    ("applicationkey", &kind::API_KEY),
    ("appkey", &kind::API_KEY),
    ("routingkey", &kind::API_KEY),
    ("masterauth", &kind::PASSWORD),
    ("presharedkey", &kind::PRE_SHARED_KEY),
    ("psk", &kind::PRE_SHARED_KEY),
    ("password", &kind::PASSWORD),
    ("passwd", &kind::PASSWORD),
    ("passphrase", &kind::PASSWORD),
    ("pwd", &kind::PASSWORD),
    ("pass", &kind::PASSWORD),
    ("apikey", &kind::API_KEY),
    ("apitoken", &kind::API_KEY),
    ("identitytoken", &kind::DOCKER_AUTH),
    ("authorization", &kind::HTTP_AUTHORIZATION),
    ("token", &kind::TOKEN),
    ("privatekey", &kind::SECRET),
    ("secretkey", &kind::SECRET),
    ("secret", &kind::SECRET),
    ("credential", &kind::SECRET),
    ("credentials", &kind::SECRET),
    ("signingkey", &kind::SECRET),
    ("encryptionkey", &kind::SECRET),
    ("masterkey", &kind::SECRET),
    ("secretkeybase", &kind::SECRET),
    ("erlangcookie", &kind::SECRET),
    ("replicasetkey", &kind::SECRET),
    ("certificatekey", &kind::SECRET),
];

/// Key endings that also name things that are not secret (a RabbitMQ `routing_key` is a topic):
/// their value counts only when it looks random (see [`is_random_word`]).
const ONLY_RANDOM: &[&str] = &["routingkey"];

/// Whole normalised keys that count although no suffix above matches.
const EXACT: &[(&str, &Kind)] = &[
    ("sig", &kind::AZURE_SAS_TOKEN),
    ("auth", &kind::DOCKER_AUTH),
];

/// Keys that end like a secret but name one (a Secret's name, a reference).
const NOT_SECRET: &[&str] = &[
    "existingsecret",
    "usesecret",
    "nosecret",
    "createsecret",
    "bypass",
    "compass",
    "surpass",
];

/// The kind of value a key holds, from its normalised name.
pub fn classify(normalised: &str) -> Option<&'static Kind> {
    if NOT_SECRET.contains(&normalised) {
        return None;
    }
    if let Some((_, kind)) = EXACT.iter().find(|(key, _)| *key == normalised) {
        return Some(kind);
    }
    SUFFIXES
        .iter()
        .find(|(suffix, _)| normalised.ends_with(suffix))
        .map(|(_, kind)| *kind)
}

/// Words of a variable name that make it a secret wherever they stand (`PASSWORD_WIN`,
/// `ADMIN_PWD_PROD`), not only at its end.
const SECRET_WORDS: [(&str, &Kind); 8] = [
    ("password", &kind::PASSWORD),
    ("passwd", &kind::PASSWORD),
    ("pwd", &kind::PASSWORD),
    ("pass", &kind::PASSWORD),
    ("secret", &kind::SECRET),
    ("token", &kind::TOKEN),
    ("apikey", &kind::API_KEY),
    ("psk", &kind::PRE_SHARED_KEY),
];

/// Words after the secret word that make the variable name a reference to a secret, not one.
const REFERENCE_WORDS: [&str; 20] = [
    "file", "path", "name", "ref", "id", "ttl", "len", "length", "url", "uri", "endpoint", "type",
    "mode", "policy", "size", "timeout", "expiry", "enabled", "required", "version",
];

/// The kind of a shell, PowerShell or environment variable named with a secret word anywhere
/// among its `_`-separated words (`PASSWORD_WIN`, `$DB_PASSWORD_PROD`), unless a word after it
/// makes it a reference (`PASSWORD_FILE`, `TOKEN_TTL`, `SECRET_NAME`).
pub fn classify_variable(key: &str) -> Option<&'static Kind> {
    let key = key.trim_start_matches('$');
    let key = key.strip_prefix("env:").unwrap_or(key);
    // A placeholder an earlier pass wrote is never a key of its own (redacting stays idempotent).
    if !key.contains('_') || key.contains(super::kind::PLACEHOLDER_PREFIX) {
        return None;
    }
    let words: Vec<String> = key.split('_').map(normalise).collect();
    let (at, kind) = words.iter().enumerate().find_map(|(at, word)| {
        SECRET_WORDS
            .iter()
            .find(|(secret, _)| word == secret)
            .map(|(_, kind)| (at, *kind))
    })?;
    let reference = words[at + 1..]
        .iter()
        .any(|word| REFERENCE_WORDS.contains(&word.as_str()));
    (!reference).then_some(kind)
}

#[cfg(test)]
mod variable_tests {
    use super::*;

    #[test]
    fn a_secret_word_anywhere_in_a_variable_name_counts() {
        for name in [
            "PASSWORD_WIN",
            "$DB_PASSWORD_PROD",
            "$env:ADMIN_PWD",
            "API_TOKEN_X",
        ] {
            assert!(classify_variable(name).is_some(), "{name}");
        }
        for name in [
            "PASSWORD_FILE",
            "TOKEN_TTL",
            "SECRET_NAME",
            "BYPASS_PROXY",
            "REDACTED_ACCESS_KEY_SECRET_1",
            "password",
        ] {
            assert!(classify_variable(name).is_none(), "{name}");
        }
    }
}

/// A secret-sounding keyword at `start..end`: finds its key and redacts the value.
pub fn at_keyword(text: &str, start: usize, end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    // Keywords like `sig=` carry their separator; the key ends before it.
    let end = if bytes[end - 1] == b'=' { end - 1 } else { end };
    let (key_start, key_end) = key_around(bytes, start, end);
    let key = &text[key_start..key_end];
    let normalised = normalise(key);
    if normalised == "auth" && stats_auth(text, key_start, key_end, found) {
        return;
    }
    let Some(kind) = classify(&normalised).or_else(|| classify_variable(key)) else {
        return;
    };
    match value_of_key(text, key_start, key_end) {
        Some(value) => {
            let word = &text[value.start..value.end];
            let only_random = ONLY_RANDOM.iter().any(|end| normalised.ends_with(end));
            if (only_random && !is_random_word(word))
                || (normalised == "secret" && names_a_secret(text, value))
            {
                return;
            }
            add_value(text, value, kind, found);
        }
        None => {
            env_entry_value(text, key_start, key_end, kind, found);
            hcl_variable_default(text, key_start, key_end, kind, found);
            spaced_value(text, key_start, key_end, &normalised, kind, found);
            if let Some(value) = super::azure_templates::value(text, key_start, key_end) {
                add_value(text, value, kind, found);
            }
        }
    }
}

/// A word with letters and digits, 16 or more long: what a generated key looks like.
fn is_random_word(word: &str) -> bool {
    word.len() >= 16
        && word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The value of a plain `secret:` key that names a Secret or a parameter instead of holding one:
/// a Kubernetes name (`secret: traefik-users`, Traefik's BasicAuth) or an unquoted identifier
/// (Bicep's `secret: servicePrincipalClientSecret`, a reference to a parameter).
fn names_a_secret(text: &str, value: super::scan::Value) -> bool {
    let word = &text[value.start..value.end];
    let quoted = value.start > 0 && matches!(text.as_bytes()[value.start - 1], b'"' | b'\'');
    let kubernetes_name = word.contains('-')
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || matches!(b, b'-' | b'.'));
    let identifier = !quoted && word.len() >= 6 && word.bytes().all(|b| b.is_ascii_alphabetic());
    kubernetes_name || identifier
}

/// Config directives that take their value after blanks, where any word counts (redis.conf's
/// `requirepass foobared`, keepalived's `auth_pass`).
const DIRECTIVES: &[&str] = &["requirepass", "masterauth", "authpass"];

/// A secret key followed by blanks and its value, in the syntaxes that write it so: redis.conf
/// (`requirepass x`, `masterauth x`), keepalived (`auth_pass x`), `.netrc` (`password x`, also
/// after `machine h login u` on one line), and table output (`vault kv get`: `password    x`).
/// The key starts its line (or follows a netrc `machine`), and the value is one word that ends
/// the line; a plain word counts only after a directive (`Password rotated` is prose).
/// Sources: redis.conf, keepalived.conf(5), ftp(1) (.netrc), Vault CLI `kv get`.
fn spaced_value(
    text: &str,
    key_start: usize,
    key_end: usize,
    normalised: &str,
    kind: &'static Kind,
    found: &mut Found,
) {
    let bytes = text.as_bytes();
    let before = text[line_start(bytes, key_start)..key_start].trim();
    let netrc = before.starts_with("machine ") || before.starts_with("default ");
    if !(before.is_empty() || netrc) || !matches!(bytes.get(key_end), Some(b' ' | b'\t')) {
        return;
    }
    let start = skip_blanks(bytes, key_end);
    let eol = line_end(bytes, start);
    let end = super::scan::find(&bytes[..eol], start, |b| b == b' ' || b == b'\t');
    if start == end || (skip_blanks(bytes, end) != eol && !netrc) {
        return;
    }
    let word = &text[start..end];
    let plain = word.bytes().all(|b| b.is_ascii_alphabetic());
    if plain && !netrc && !DIRECTIVES.contains(&normalised) {
        return;
    }
    add_value(text, Value { start, end }, kind, found);
}

/// HAProxy `stats auth <user>:<password>` (HAProxy configuration manual): the password.
fn stats_auth(text: &str, key_start: usize, key_end: usize, found: &mut Found) -> bool {
    let bytes = text.as_bytes();
    if text[line_start(bytes, key_start)..key_start].trim() != "stats" {
        return false;
    }
    if let Some(value) = flag_value(text, key_end) {
        if let Some(colon) = text[value.start..value.end].find(':') {
            let password = Value {
                start: value.start + colon + 1,
                end: value.end,
            };
            add_value(text, password, &kind::PASSWORD, found);
        }
    }
    true
}

/// A Terraform variable named like a secret: `variable "db_password" { default = "…" }`, the
/// block on one line or many. Only a quoted default counts (a map or a heredoc is left alone).
/// Source: Terraform language docs, "Input Variables" (`default`, `sensitive`).
fn hcl_variable_default(
    text: &str,
    key_start: usize,
    key_end: usize,
    kind: &'static Kind,
    found: &mut Found,
) {
    let bytes = text.as_bytes();
    if key_start == 0 || bytes[key_start - 1] != b'"' || bytes.get(key_end) != Some(&b'"') {
        return;
    }
    let before = text[line_start(bytes, key_start)..key_start - 1].trim();
    if before != "variable" {
        return;
    }
    let open = skip_blanks(bytes, key_end + 1);
    if bytes.get(open) != Some(&b'{') {
        return;
    }
    let Some(default) = top_level_attribute(bytes, open, b"default") else {
        return;
    };
    let shape = KeyShape {
        start: default,
        after: default + "default".len(),
        quoted: false,
        enclosing: None,
    };
    let equals = skip_blanks(bytes, shape.after);
    let quote = skip_blanks(bytes, equals + 1);
    if bytes.get(equals) != Some(&b'=') || bytes.get(quote) != Some(&b'"') {
        return;
    }
    if let Some(value) = value_after_key(text, shape, false) {
        add_value(text, value, kind, found);
    }
}

/// The start of the attribute `name` directly inside the HCL block whose `{` is at `open` (not
/// inside a nested block, a string or a comment), looked for in the first 4 KiB of the block.
fn top_level_attribute(bytes: &[u8], open: usize, name: &[u8]) -> Option<usize> {
    let limit = bytes.len().min(open + 4096);
    let mut depth = 0usize;
    let mut at = open;
    while at < limit {
        match bytes[at] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return None;
                }
            }
            b'"' => {
                // Skip the string (escapes included).
                at += 1;
                while at < limit && !matches!(bytes[at], b'"' | b'\n') {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'#' => at = line_end(bytes, at),
            b'/' if bytes.get(at + 1) == Some(&b'/') => at = line_end(bytes, at),
            _ if depth == 1
                && bytes[at..].starts_with(name)
                && !is_key_byte(bytes[at - 1])
                && !bytes.get(at + name.len()).copied().is_some_and(is_key_byte) =>
            {
                return Some(at);
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// Adds a value found under a secret key (for an `Authorization` value, its credential), unless
/// it looks like a placeholder, which is recorded as one instead.
pub fn add_value(text: &str, mut value: Value, kind: &'static Kind, found: &mut Found) {
    let bytes = text.as_bytes();
    if kind.name == kind::HTTP_AUTHORIZATION.name {
        // Keep the scheme (`Bearer`, `Basic`, …): only the credential is secret.
        let scheme = bytes[value.start..value.end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if scheme < 20 && bytes.get(value.start + scheme) == Some(&b' ') {
            // Only when a credential follows inside the value (`Authorization: token ` at the
            // end of a line has none).
            let credential = skip_blanks(bytes, value.start + scheme);
            if credential < value.end {
                value.start = credential;
            }
        }
    }
    let text_value = &text[value.start..value.end];
    if is_placeholder(text_value) {
        found.placeholder(value.start, value.end);
        return;
    }
    if kind.name == kind::DOCKER_AUTH.name && !text_value.bytes().all(is_base64) {
        return;
    }
    found.add(value.start, value.end, kind);
}

/// `name: DB_PASSWORD` followed by `value: …` (a container's env), or the JSON form
/// `{"name": "DB_PASSWORD", "value": "…"}`.
fn env_entry_value(
    text: &str,
    key_start: usize,
    key_end: usize,
    kind: &'static Kind,
    found: &mut Found,
) {
    let bytes = text.as_bytes();
    let line = line_start(bytes, key_start);
    let before = text[line..key_start]
        .trim_end_matches(['"', '\''])
        .trim_end();
    if !before.ends_with("name:") && !before.ends_with("\"name\":") {
        return;
    }
    // The JSON form on one line.
    let eol = line_end(bytes, key_end);
    if let Some(offset) = text[key_end..eol].find("\"value\"") {
        let value_key = key_end + offset + 1;
        let shape = KeyShape {
            start: value_key,
            after: value_key + "value\"".len(),
            quoted: true,
            enclosing: None,
        };
        if let Some(value) = value_after_key(text, shape, false) {
            add_value(text, value, kind, found);
        }
        return;
    }
    // The YAML form: `value:` on the next line.
    let Some(next) = next_line(bytes, key_end) else {
        return;
    };
    let value_key = skip_blanks(bytes, next);
    if text[value_key..].starts_with("value:") {
        let shape = key_shape(bytes, value_key, value_key + "value".len());
        if let Some(value) = value_after_key(text, shape, false) {
            add_value(text, value, kind, found);
        }
    }
}

/// curl `-u user:password` / `--user user:password`: the password after the first colon.
pub fn curl_user(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let (key_start, key_end) = key_around(bytes, at, at + 2);
    let key = &text[key_start..key_end];
    if key != "-u" && key != "--user" {
        return;
    }
    if key_start > 0 && !matches!(bytes[key_start - 1], b' ' | b'\t') {
        return;
    }
    let value = if bytes.get(key_end) == Some(&b'=') {
        let shape = key_shape(bytes, key_start, key_end);
        value_after_key(text, shape, false)
    } else {
        flag_value(text, key_end)
    };
    let Some(value) = value else {
        return;
    };
    let credentials = &text[value.start..value.end];
    match credentials.find(':') {
        Some(colon) => {
            let password = &credentials[colon + 1..];
            let numeric = password.bytes().all(|b| b.is_ascii_digit());
            if !numeric && !is_placeholder(password) {
                found.add(
                    value.start + colon + 1,
                    value.end,
                    &kind::HTTP_AUTHORIZATION,
                );
            }
        }
        None if super::identifiers::is_guid(credentials) => {
            found.add(value.start, value.end, &kind::AZURE_CLIENT_ID);
        }
        None => {}
    }
}

/// The short `-p` password flag: `docker login -p x`, `az login --service-principal -p x`,
/// `mysql -pSECRET`. Elsewhere `-p` means a port or a path, so it only counts in those commands.
pub fn short_password(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if at > 0 && !matches!(bytes[at - 1], b' ' | b'\t') {
        return;
    }
    let capital = match bytes.get(at + 1) {
        Some(b'p') => false,
        Some(b'P') => true,
        _ => return,
    };
    let command = command_around(text, at);
    // sqlcmd and bcp take the password as `-P` (sqlcmd utility docs).
    let is_sqlcmd = capital && (command.contains("sqlcmd") || command.contains("bcp "));
    if capital && !is_sqlcmd {
        return;
    }
    let is_login = is_sqlcmd || command.contains(" login") || command.starts_with("login");
    let is_mysql = command.contains("mysql") || command.contains("mariadb");
    let value = match bytes.get(at + 2) {
        Some(b' ' | b'\t') if is_login || is_mysql => flag_value(text, at + 2),
        Some(b) if is_mysql && !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'-') => {
            let end = at
                + 2
                + bytes[at + 2..]
                    .iter()
                    .take_while(|b| !b.is_ascii_whitespace())
                    .count();
            Some(Value { start: at + 2, end })
        }
        _ => None,
    };
    let Some(value) = value else {
        return;
    };
    let word = &text[value.start..value.end];
    let port_like = word.bytes().all(|b| b.is_ascii_digit() || b == b':');
    if !port_like {
        add_value(text, value, &kind::PASSWORD, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn secrets(text: &str) -> Vec<(String, &'static str)> {
        let mut found = Found::default();
        for word in ["pass", "secret", "token", "auth", "psk", "key"] {
            for (at, _) in text.to_ascii_lowercase().match_indices(word) {
                at_keyword(text, at, at + word.len(), &mut found);
            }
        }
        for (at, _) in text.match_indices("-u") {
            curl_user(text, at, &mut found);
        }
        for (at, _) in text.to_ascii_lowercase().match_indices("-p") {
            short_password(text, at, &mut found);
        }
        found
            .merge(text, &[])
            .iter()
            .map(|c| (String::from(&text[c.start..c.end]), c.kind.name))
            .collect()
    }

    #[test]
    fn keys_are_classified_by_their_ending() {
        assert_eq!(
            classify(&normalise("AWS_SECRET_ACCESS_KEY")).map(|k| k.name),
            Some("aws-secret-access-key")
        );
        assert_eq!(
            classify(&normalise("--client-secret")).map(|k| k.name),
            Some("client-secret")
        );
        assert_eq!(classify(&normalise("secretName")), None);
        assert_eq!(classify(&normalise("tokenTTL")), None);
        assert_eq!(classify(&normalise("password_file")), None);
        assert_eq!(classify(&normalise("existingSecret")), None);
    }

    #[test]
    fn finds_values_in_configs_and_commands() {
        let text = "db:\n  password: FAKEpass1\n  secretName: tls-cert\nAPI_KEY=FAKEapikey2\n\"PSK\": \"FAKEpsk3\"\naz ad sp create --client-secret 'FAKE s4' --password=${PW}\nhelm upgrade x --set auth.password=FAKEpw5,user=me\ncurl -u admin:FAKEpw6 -H 'Authorization: Bearer FAKEtok7' https://h\ndocker login -p FAKEpw8 reg\ndocker run -p 8080:80 img\n";
        let found = secrets(text);
        let values: Vec<&str> = found.iter().map(|(value, _)| value.as_str()).collect();
        assert_eq!(
            values,
            [
                "FAKEpass1",
                "FAKEapikey2",
                "FAKEpsk3",
                "FAKE s4",
                "FAKEpw5",
                "FAKEpw6",
                "FAKEtok7",
                "FAKEpw8"
            ]
        );
        assert_eq!(found[2].1, "pre-shared-key");
        assert_eq!(found[6].1, "http-authorization");
    }

    #[test]
    fn an_authorization_scheme_without_a_credential_is_left_alone() {
        for text in [
            "Authorization: token ",
            "Authorization: token \n",
            "Authorization: token  # none",
        ] {
            assert!(secrets(text).is_empty(), "{text:?}");
        }
        assert_eq!(secrets("Authorization: token FAKEtok1 ")[0].0, "FAKEtok1");
    }

    #[test]
    fn finds_terraform_variable_defaults() {
        let text = "variable \"db_password\" {\n  type      = string\n  # default = \"not-this\"\n  validation {\n    condition = length(var.db_password) > 8\n  }\n  default   = \"FAKEvarpw1\"\n  sensitive = true\n}\nvariable \"api_token\" { default = \"FAKEtok2\" }\nvariable \"token_ttl\" { default = \"3600s\" }\nvariable \"admin_password\" {\n  default = {}\n}\nvariable \"vm_password\" {}\ndefault = \"visible\"\n";
        let values: Vec<String> = secrets(text).into_iter().map(|(value, _)| value).collect();
        assert_eq!(values, ["FAKEvarpw1", "FAKEtok2"]);
    }

    #[test]
    fn finds_kubernetes_env_entries() {
        let text = "env:\n  - name: DB_PASSWORD\n    value: \"FAKEenv1\"\n  - name: LOG_LEVEL\n    value: debug\n";
        let values: Vec<String> = secrets(text).into_iter().map(|(value, _)| value).collect();
        assert_eq!(values, ["FAKEenv1"]);
    }

    #[test]
    fn finds_values_written_after_blanks() {
        let text = "requirepass foobared\n    auth_pass FAKEpw1\nmachine h login u password FAKEpw2\npassword    FAKEpw3\nPassword rotated\n    stats auth admin:FAKEpw4\nusername    payments\n";
        let values: Vec<String> = secrets(text).into_iter().map(|(value, _)| value).collect();
        assert_eq!(
            values,
            ["foobared", "FAKEpw1", "FAKEpw2", "FAKEpw3", "FAKEpw4"]
        );
    }

    #[test]
    fn a_secret_key_naming_a_secret_or_a_topic_is_left_alone() {
        let text = "secret: traefik-users\nsecret: servicePrincipalClientSecret\nsecret: 'FAKEliteral'\nrouting_key: orders.created\nrouting_key: FAKE0123456789abcdef\n";
        let values: Vec<String> = secrets(text).into_iter().map(|(value, _)| value).collect();
        assert_eq!(values, ["FAKEliteral", "FAKE0123456789abcdef"]);
    }

    #[test]
    fn sqlcmd_takes_its_password_as_capital_p() {
        let text = "sqlcmd -S tcp:h,1433 -U sa -P 'FAKEpw1' -Q x\npsql -P pager=off\n";
        let values: Vec<String> = secrets(text).into_iter().map(|(value, _)| value).collect();
        assert_eq!(values, ["FAKEpw1"]);
    }
}
