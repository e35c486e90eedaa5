//! The identifier tier: values that are not credentials but say whose cluster this is. Azure
//! subscription, tenant and client (service principal / app) ids, AWS account ids (also inside
//! ARNs and ECR host names), e-mail addresses and host names under internal domains.
//!
//! Each kind can be kept with `keep=<kind>`. A subscription id inside a resource id is replaced by
//! `REDACTED_AZURE_SUBSCRIPTION_<N>` in the GUID's place, so the resource id keeps its shape.

use super::found::Found;
use super::kind::{self, Kind};
use super::scan::{
    key_around, line_end, line_start, next_line, normalise, skip_blanks, value_of_key,
};

/// True for a GUID (`8-4-4-4-12` hex digits).
pub fn is_guid(text: &str) -> bool {
    guid_len(text.as_bytes(), 0) == Some(36) && text.len() == 36
}

/// The length of the GUID starting at `at`, when one starts there and ends at a boundary.
fn guid_len(bytes: &[u8], at: usize) -> Option<usize> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut i = at;
    for (n, group) in GROUPS.iter().enumerate() {
        if n > 0 {
            if bytes.get(i) != Some(&b'-') {
                return None;
            }
            i += 1;
        }
        let hex = bytes.get(i..i + group)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        i += group;
    }
    if bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(i - at)
}

/// `/subscriptions/<guid>` whose keyword ends at `end`.
pub fn subscription_path(text: &str, end: usize, found: &mut Found) {
    if let Some(len) = guid_len(text.as_bytes(), end) {
        found.add(end, end + len, &kind::AZURE_SUBSCRIPTION);
    }
}

/// `login.microsoftonline.com/<tenant>` whose keyword ends at `end`.
pub fn tenant_url(text: &str, end: usize, found: &mut Found) {
    if let Some(len) = guid_len(text.as_bytes(), end) {
        found.add(end, end + len, &kind::AZURE_TENANT);
    }
}

/// A key or flag naming a subscription, tenant or client id, whose value is a GUID.
pub fn guid_key(text: &str, start: usize, end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let (key_start, key_end) = key_around(bytes, start, end);
    let key = normalise(&text[key_start..key_end]);
    let kind: &Kind = if key.contains("subscription") {
        &kind::AZURE_SUBSCRIPTION
    } else if key.contains("tenant") {
        &kind::AZURE_TENANT
    } else if [
        "clientid",
        "appid",
        "applicationid",
        "principalid",
        "serviceprincipal",
        "objectid",
        "principal",
        "identityid",
    ]
    .iter()
    .any(|suffix| key.ends_with(suffix))
    {
        &kind::AZURE_CLIENT_ID
    } else {
        return;
    };
    let value = value_of_key(text, key_start, key_end)
        .or_else(|| next_line_value(text, key_end))
        .or_else(|| super::azure_templates::value(text, key_start, key_end));
    match value {
        Some(value) if guid_len(bytes, value.start) == Some(value.end - value.start) => {
            add_guid(text, value.start, value.end, kind, found);
        }
        Some(_) => {}
        None => table_column(text, key_start, kind, found),
    }
}

/// GUIDs everyone shares, which say nothing about whose cluster this is: the null GUID, Azure
/// built-in role ids (Owner, Contributor, Reader, Network Contributor, AcrPull; Azure docs,
/// "Azure built-in roles") and Microsoft first-party application ids (the AKS AAD server and
/// client apps kubelogin uses, Azure CLI, Azure PowerShell, Microsoft Graph; Microsoft docs,
/// "Application IDs of commonly used Microsoft applications").
const WELL_KNOWN_GUIDS: &[u128] = &[
    0,
    0x8e3af657_a8ff_443c_a75c_2fe8c4bcb635, // Owner
    0xb24988ac_6180_42a0_ab88_20f7382dd24c, // Contributor
    0xacdd72a7_3385_48ef_bd42_f606fba81ae7, // Reader
    0x4d97b98b_1d4f_4787_a291_c67834d212e7, // Network Contributor
    0x7f951dda_4ed3_4680_a7ca_43fe172d538d, // AcrPull
    0x6dae42f8_4368_4678_94ff_3960e28e3630, // AKS AAD server (kubelogin --server-id)
    0x80faf920_1908_4b52_b5ef_a8e7bedfc67a, // AKS AAD client (kubelogin --client-id)
    0x04b07795_8ddb_461a_bbee_02f9e1bf7b46, // Azure CLI
    0x1950a258_227b_4e31_a9cf_717495945fc2, // Azure PowerShell
    0x00000003_0000_0000_c000_000000000000, // Microsoft Graph
];

/// Adds the GUID at `start..end` unless it is a well-known one.
fn add_guid(text: &str, start: usize, end: usize, kind: &'static Kind, found: &mut Found) {
    let value = text[start..end]
        .bytes()
        .filter_map(|b| char::from(b).to_digit(16))
        .fold(0u128, |value, digit| value << 4 | u128::from(digit));
    if !WELL_KNOWN_GUIDS.contains(&value) {
        found.add(start, end, kind);
    }
}

/// A flag that ends its line, its value on the next: a YAML list (`- --tenant-id` then
/// `- <guid>`) or a JSON array (`"--tenant-id",` then `"<guid>"`).
fn next_line_value(text: &str, key_end: usize) -> Option<super::scan::Value> {
    let bytes = text.as_bytes();
    let rest = skip_blanks(
        bytes,
        key_end + usize::from(bytes.get(key_end) == Some(&b'"')),
    );
    let rest = rest + usize::from(bytes.get(rest) == Some(&b','));
    if !matches!(bytes.get(skip_blanks(bytes, rest)), Some(b'\n' | b'\r')) {
        return None;
    }
    let mut at = skip_blanks(bytes, next_line(bytes, rest)?);
    if bytes[at..].starts_with(b"- ") {
        at = skip_blanks(bytes, at + 2);
    }
    at += usize::from(matches!(bytes.get(at), Some(b'"' | b'\'')));
    let len = guid_len(bytes, at)?;
    Some(super::scan::Value {
        start: at,
        end: at + len,
    })
}

/// A column of a table (`az account list -o table`: a header, a line of dashes, rows) whose
/// header is the key at `key_start`: the GUID in that column of each row.
fn table_column(text: &str, key_start: usize, kind: &'static Kind, found: &mut Found) {
    let bytes = text.as_bytes();
    let column = key_start - line_start(bytes, key_start);
    let Some(rule) = next_line(bytes, key_start) else {
        return;
    };
    if !bytes[rule..].starts_with(b"---") || bytes.get(rule + column) != Some(&b'-') {
        return;
    }
    let mut row = next_line(bytes, rule);
    while let Some(start) = row.filter(|&start| start < bytes.len()) {
        if line_end(bytes, start) == start {
            break;
        }
        if let Some(len) = guid_len(bytes, start + column) {
            add_guid(text, start + column, start + column + len, kind, found);
        }
        row = next_line(bytes, start);
    }
}

fn twelve_digits(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at..at + 12)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !bytes.get(at + 12).is_some_and(u8::is_ascii_alphanumeric)
        && !(at > 0 && bytes[at - 1].is_ascii_alphanumeric())
}

/// The account field of the ARN whose `arn:aws` starts at `at`.
pub fn arn(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    // arn:partition:service:region:account:resource
    let mut field_start = at;
    for _ in 0..4 {
        let Some(colon) = bytes[field_start..]
            .iter()
            .take(64)
            .position(|&b| b == b':')
        else {
            return;
        };
        field_start += colon + 1;
    }
    if twelve_digits(bytes, field_start) {
        found.add(field_start, field_start + 12, &kind::AWS_ACCOUNT_ID);
    }
}

/// The account id before an ECR host name's `.dkr.ecr.` at `at`.
pub fn ecr(text: &str, at: usize, found: &mut Found) {
    // AWS's own account for EKS add-on images (Amazon EKS docs, "Amazon container image
    // registries") is public.
    if at >= 12 && twelve_digits(text.as_bytes(), at - 12) && &text[at - 12..at] != "602401143452" {
        found.add(at - 12, at, &kind::AWS_ACCOUNT_ID);
    }
}

/// A key or flag naming an account id, whose value is twelve digits.
pub fn account_id_key(text: &str, start: usize, end: usize, found: &mut Found) {
    let (key_start, key_end) = key_around(text.as_bytes(), start, end);
    let Some(value) = value_of_key(text, key_start, key_end) else {
        return;
    };
    if value.end - value.start == 12 && twelve_digits(text.as_bytes(), value.start) {
        found.add(value.start, value.end, &kind::AWS_ACCOUNT_ID);
    }
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// The host name ending at `end`, trimmed of trailing dots and dashes, if its last label is a
/// plausible top-level domain.
fn host_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start
        + bytes[start..]
            .iter()
            .take_while(|&&b| is_host_byte(b))
            .count();
    while end > start && matches!(bytes[end - 1], b'.' | b'-') {
        end -= 1;
    }
    // A host name does not run into a word (`…iam.REDACTED_HIGH_ENTROPY_1` is no address).
    if bytes.get(end).is_some_and(|&b| b == b'_') {
        return None;
    }
    let host = &bytes[start..end];
    let last_dot = host.iter().rposition(|&b| b == b'.')?;
    let tld = &host[last_dot + 1..];
    (tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(end)
}

/// The e-mail address around the `@` at `at`.
pub fn email(text: &str, at: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let local_len = bytes[..at]
        .iter()
        .rev()
        .take(64)
        .take_while(|&&b| is_local_byte(b))
        .count();
    let local_start = at - local_len;
    if local_len == 0 || &text[local_start..at] == "git" || bytes[local_start] == b'.' {
        return;
    }
    // A placeholder before `@` stands for a URL's user information that an earlier pass redacted
    // (the `://` that marked it as a URL may be inside it): what follows is a host, not an
    // address, on every pass.
    if text[local_start..at].contains(super::kind::PLACEHOLDER_PREFIX) {
        return;
    }
    // `scheme://user:pass@host` is a URL's user information, not an address.
    let token_start = bytes[..local_start]
        .iter()
        .rposition(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'='))
        .map_or(0, |i| i + 1);
    if text[token_start..local_start].contains("://") {
        return;
    }
    if let Some(end) = host_end(bytes, at + 1) {
        found.add(local_start, end, &kind::EMAIL);
    }
}

/// A host name whose last label is the internal suffix at `start..end` (`.internal`, `.corp`, …).
pub fn internal_host(text: &str, start: usize, end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    let continues = bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        || (bytes.get(end) == Some(&b'.')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric));
    if continues {
        return;
    }
    let host_start = start
        - bytes[..start]
            .iter()
            .rev()
            .take(253)
            .take_while(|&&b| is_host_byte(b))
            .count();
    if host_start == start || bytes[host_start] == b'.' || bytes[host_start] == b'-' {
        return;
    }
    let host = &text[host_start..end];
    // After `user:password@` of a URL (`postgresql://u:p@pg01.prod.internal:5432`).
    let after_credentials = host_start > 0 && bytes[host_start - 1] == b'@' && {
        let token_start = bytes[..host_start]
            .iter()
            .rposition(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'='))
            .map_or(0, |i| i + 1);
        text[token_start..host_start].contains("://")
    };
    let in_url = text[..host_start].ends_with("//") || after_credentials;
    let after_path_or_address =
        host_start > 0 && matches!(bytes[host_start - 1], b'@' | b'/' | b'_');
    if host.ends_with("cluster.local") || (after_path_or_address && !in_url) {
        return;
    }
    found.add(host_start, end, &kind::INTERNAL_HOSTNAME);
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn found_by(
        text: &str,
        keyword: &str,
        detect: impl Fn(&str, usize, usize, &mut Found),
    ) -> Vec<String> {
        let mut found = Found::default();
        for (at, _) in text.match_indices(keyword) {
            detect(text, at, at + keyword.len(), &mut found);
        }
        found.merged_texts(text)
    }

    #[test]
    fn finds_azure_ids_by_context() {
        let text = "--vnet-subnet-id /subscriptions/0000fade-0000-4000-8000-00000000cafe/resourceGroups/rg --tenant 1111fade-1111-4111-8111-11111111cafe uid: 2222fake-2222-4222-8222-22222222cafe";
        let subs = found_by(text, "/subscriptions/", |t, _, e, f| {
            subscription_path(t, e, f)
        });
        assert_eq!(subs, ["0000fade-0000-4000-8000-00000000cafe"]);
        let tenants = found_by(text, "tenant", guid_key);
        assert_eq!(tenants, ["1111fade-1111-4111-8111-11111111cafe"]);
        assert!(!is_guid("2222fake-2222-4222-8222-22222222cafe"));
        assert!(is_guid("2222faed-2222-4222-8222-22222222cafe"));
    }

    #[test]
    fn finds_aws_accounts_in_arns_and_ecr_hosts() {
        let text =
            "arn:aws:iam::123456789012:role/x 210987654321.dkr.ecr.eu-west-1.amazonaws.com/app";
        assert_eq!(
            found_by(text, "arn:aws", |t, s, _, f| arn(t, s, f)),
            ["123456789012"]
        );
        assert_eq!(
            found_by(text, ".dkr.ecr.", |t, s, _, f| ecr(t, s, f)),
            ["210987654321"]
        );
    }

    #[test]
    fn finds_emails_and_internal_hosts_but_not_urls_or_cluster_names() {
        let text = "owner: jane.doe@example-corp.com git@github.com:o/r postgres://u:p@db.example.com x@sha256:abc db01.prod.corp kube-dns.kube-system.svc.cluster.local AccountKey=REDACTED_URL_PASSWORD_1@db01.example-fake.com:5432";
        assert_eq!(
            found_by(text, "@", |t, s, _, f| email(t, s, f)),
            ["jane.doe@example-corp.com"]
        );
        let hosts: Vec<String> = [".corp", ".local"]
            .iter()
            .flat_map(|k| found_by(text, k, internal_host))
            .collect();
        assert_eq!(hosts, ["db01.prod.corp"]);
    }

    #[test]
    fn finds_guids_in_tables_on_next_lines_and_under_new_keys() {
        let text = "Name  SubscriptionId                        State\n----  ------------------------------------  -----\nProd  1111fade-1111-4111-8111-11111111cafe  Enabled\n\n- --tenant-id\n- 2222faed-2222-4222-8222-22222222cafe\n\"userAssignedIdentityID\": \"3333faed-3333-4333-8333-33333333cafe\"\n--client-id 80faf920-1908-4b52-b5ef-a8e7bedfc67a --tenant 00000000-0000-0000-0000-000000000000\n";
        let found: Vec<String> = ["Subscription", "tenant", "IdentityID", "client-id"]
            .iter()
            .flat_map(|keyword| found_by(text, keyword, guid_key))
            .collect();
        assert_eq!(
            found,
            [
                "1111fade-1111-4111-8111-11111111cafe",
                "2222faed-2222-4222-8222-22222222cafe",
                "3333faed-3333-4333-8333-33333333cafe"
            ]
        );
    }

    #[test]
    fn finds_internal_hosts_after_url_credentials_and_keeps_eks_images() {
        let text = "postgresql://u:p@pg01.prod.internal:5432/db user@mail.internal 602401143452.dkr.ecr.us-west-2.amazonaws.com/x\n";
        assert_eq!(
            found_by(text, ".internal", internal_host),
            ["pg01.prod.internal"]
        );
        assert!(found_by(text, ".dkr.ecr.", |t, s, _, f| ecr(t, s, f)).is_empty());
    }
}
