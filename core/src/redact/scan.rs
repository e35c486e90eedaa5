//! Small hand-written matchers the detectors share: character classes, line geometry, and reading
//! the value that follows a key in YAML, JSON, INI/.env, HCL or on a command line.
//!
//! Everything works on bytes of valid UTF-8 and only ever cuts at ASCII bytes, so every returned
//! offset is a char boundary.

use alloc::string::String;

/// `[A-Za-z0-9_]`.
#[inline]
pub fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Bytes a key or flag name is made of: `[A-Za-z0-9_.-]`.
#[inline]
pub fn is_key_byte(b: u8) -> bool {
    is_word(b) || b == b'-' || b == b'.'
}

/// Base64 and base64url alphabet, with padding.
#[inline]
pub fn is_base64(b: u8) -> bool {
    BASE64[usize::from(b)]
}

const BASE64: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=' | b'-' | b'_');
        b += 1;
    }
    table
};

/// Start of the line holding `at`.
pub fn line_start(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |nl| nl + 1)
}

/// End of the line holding `at`: the `\n` (or `\r\n`) position, or the text's end.
pub fn line_end(bytes: &[u8], at: usize) -> usize {
    let end = bytes[at.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |nl| at + nl);
    if end > at && bytes.get(end - 1) == Some(&b'\r') {
        end - 1
    } else {
        end
    }
}

/// The start of the next line after the one holding `at`, if any.
pub fn next_line(bytes: &[u8], at: usize) -> Option<usize> {
    let nl = bytes[at.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'\n')?;
    Some(at + nl + 1)
}

/// Leading spaces and tabs of the line starting at `start`.
pub fn indent(bytes: &[u8], start: usize) -> usize {
    skip_blanks(bytes, start) - start
}

/// The first position at or after `at` that is not a space or tab.
pub fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

/// The text of the whole command around `at`, following `\` line continuations both ways.
pub fn command_around(text: &str, at: usize) -> &str {
    let bytes = text.as_bytes();
    let mut start = line_start(bytes, at);
    while start >= 2 {
        let previous_end = line_end(bytes, start - 1);
        let previous = &text[line_start(bytes, start - 1)..previous_end];
        if !previous.trim_end().ends_with('\\') {
            break;
        }
        start = line_start(bytes, start - 1);
    }
    let mut end = line_end(bytes, at);
    while text[..end].trim_end().ends_with('\\') {
        match next_line(bytes, end) {
            Some(next) => end = line_end(bytes, next),
            None => break,
        }
    }
    &text[start..end]
}

/// A value's byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value {
    /// First byte of the value (inside quotes).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// How the key was written, which decides how its value ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyShape {
    /// The key's first byte (after any opening quote).
    pub start: usize,
    /// One past the key's last byte, after any closing quote.
    pub after: usize,
    /// The key was in double quotes (JSON) or escaped double quotes.
    pub quoted: bool,
    /// A quote opened before the key and not closed right after it (`'Authorization: …'`): the
    /// value ends there.
    pub enclosing: Option<u8>,
}

/// Reads the key around the key bytes `start..end`: quotes around it, or a quote enclosing it.
pub fn key_shape(bytes: &[u8], start: usize, end: usize) -> KeyShape {
    let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let after = bytes.get(end).copied();
    match (before, after) {
        (Some(q @ (b'"' | b'\'')), Some(a)) if a == q => KeyShape {
            start,
            after: end + 1,
            quoted: q == b'"',
            enclosing: None,
        },
        (Some(b'\\'), _) | (_, Some(b'\\')) if bytes.get(end + 1) == Some(&b'"') => KeyShape {
            start,
            after: end + 2,
            quoted: true,
            enclosing: None,
        },
        (Some(q @ (b'"' | b'\'')), _) => KeyShape {
            start,
            after: end,
            quoted: false,
            enclosing: Some(q),
        },
        _ => KeyShape {
            start,
            after: end,
            quoted: false,
            enclosing: None,
        },
    }
}

/// The value written after a key with `:` or `=`, if it is a scalar on the key's line (or a YAML
/// block scalar under it).
pub fn value_after_key(text: &str, key: KeyShape, comma_ends: bool) -> Option<Value> {
    let bytes = text.as_bytes();
    let at = skip_blanks(bytes, key.after);
    match bytes.get(at)? {
        b':' => {
            if bytes.get(at + 1) == Some(&b':') || bytes.get(at + 1) == Some(&b'=') {
                return None;
            }
            let next = bytes.get(at + 1).copied();
            let spaced = matches!(next, None | Some(b' ' | b'\t' | b'\r' | b'\n'));
            if !spaced && !key.quoted && key.enclosing.is_none() {
                return None;
            }
            colon_value(text, key, skip_blanks(bytes, at + 1))
        }
        b'=' => {
            if matches!(bytes.get(at + 1), Some(b'=' | b'~' | b'>')) {
                return None;
            }
            let spaced = at > key.after || matches!(bytes.get(at + 1), Some(b' ' | b'\t'));
            equals_value(text, key, skip_blanks(bytes, at + 1), spaced, comma_ends)
        }
        _ => None,
    }
}

/// The value of a command-line flag written `--flag value` (the `=` form goes through
/// [`value_after_key`]).
pub fn flag_value(text: &str, after_flag: usize) -> Option<Value> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(after_flag), Some(b' ' | b'\t')) {
        return None;
    }
    let mut at = skip_blanks(bytes, after_flag);
    // `--password \` followed by the value on the next line (PowerShell continues with a
    // backtick, cmd with a caret).
    if matches!(bytes.get(at), Some(b'\\' | b'`' | b'^'))
        && matches!(bytes.get(at + 1), Some(b'\n' | b'\r'))
    {
        at = skip_blanks(bytes, next_line(bytes, at)?);
    }
    match bytes.get(at)? {
        b'-' | b'\n' | b'\r' | b'|' | b'>' | b'<' | b'&' | b';' | b'#' => None,
        b'"' | b'\'' => quoted(bytes, at),
        _ => {
            let end = find(bytes, at, |b| {
                matches!(
                    b,
                    b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b';' | b'|' | b'&' | b')' | b'`'
                )
            });
            non_empty(at, end)
        }
    }
}

fn colon_value(text: &str, key: KeyShape, at: usize) -> Option<Value> {
    let bytes = text.as_bytes();
    let first = *bytes.get(at)?;
    match first {
        b'\n' | b'\r' | b'#' | b'{' | b'[' | b'&' | b'*' | b'!' | b',' | b'}' | b']' => None,
        b'"' | b'\'' if Some(first) != key.enclosing => quoted(bytes, at),
        b'\\' if bytes.get(at + 1) == Some(&b'"') => {
            let start = at + 2;
            let end = find_sub(bytes, start, b"\\\"")?;
            non_empty(start, end)
        }
        b'|' | b'>' if is_block_header(bytes, at + 1) => block_scalar(bytes, key.start),
        _ => {
            let line_end = line_end(bytes, at);
            let mut end = match key.enclosing {
                Some(q) => find(bytes, at, |b| b == q).min(line_end),
                None => line_end,
            };
            if key.quoted {
                // A JSON number, boolean or null: a placeholder there would break the document.
                return None;
            }
            if let Some(comment) = find_sub(&bytes[..end], at, b" #") {
                end = comment;
            }
            trimmed(bytes, at, json_string_end(bytes, key.start, at, end))
        }
    }
}

/// Where a value from `at` ends when its key at `key_start` sits in a document held in a JSON
/// string (the kubeconfig in a tfstate's `kube_config_raw`, a script in `custom_data`, a `jq -c`
/// line): at its first escape (`\\n`, `\\"`) or the string's closing quote, before `end`. The key
/// is in such a string when an escaped line break precedes it on its physical line, within 128
/// bytes.
fn json_string_end(bytes: &[u8], key_start: usize, at: usize, end: usize) -> usize {
    let window = &bytes[key_start.saturating_sub(128)..key_start];
    let line = window
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(window, |nl| &window[nl + 1..]);
    if !line.windows(2).any(|pair| pair == b"\\n") {
        return end;
    }
    find(&bytes[..end], at, |b| b == b'\\' || b == b'"')
}

fn equals_value(
    text: &str,
    key: KeyShape,
    at: usize,
    spaced: bool,
    comma_ends: bool,
) -> Option<Value> {
    let bytes = text.as_bytes();
    let first = *bytes.get(at)?;
    if matches!(first, b'"' | b'\'') && Some(first) != key.enclosing {
        return quoted(bytes, at);
    }
    if first == b'\\' && bytes.get(at + 1) == Some(&b'"') {
        let start = at + 2;
        return non_empty(start, find_sub(bytes, start, b"\\\"")?);
    }
    let line_end = line_end(bytes, at);
    // An angle-bracket placeholder (`<your password here>`, `<set to the key 'password' in
    // secret 'db'>`) is one value, blanks and quotes included: kept whole, as a placeholder.
    if first == b'<' {
        if let Some(close) = bytes[at..line_end].iter().position(|&b| b == b'>') {
            return non_empty(at, at + close + 1);
        }
    }
    let mut end = find(&bytes[..line_end], at, |b| {
        matches!(b, b';' | b'&' | b'"' | b'\'' | b'`')
            || (comma_ends && b == b',')
            || (!spaced && matches!(b, b' ' | b'\t' | b')' | b'}'))
    });
    end = json_string_end(bytes, key.start, at, end);
    if spaced {
        if let Some(comment) = find_sub(&bytes[..end], at, b" #") {
            end = comment;
        }
    }
    trimmed(bytes, at, end)
}

fn is_block_header(bytes: &[u8], mut at: usize) -> bool {
    while matches!(bytes.get(at), Some(b'+' | b'-' | b'0'..=b'9')) {
        at += 1;
    }
    at = skip_blanks(bytes, at);
    matches!(bytes.get(at), None | Some(b'\n' | b'\r' | b'#'))
}

/// The content lines of a YAML block scalar whose key starts at `key_start`: every following line
/// indented deeper than the key's line (blank lines included), from the first content byte to the
/// last.
pub fn block_scalar(bytes: &[u8], key_start: usize) -> Option<Value> {
    let key_line = line_start(bytes, key_start);
    let key_indent = indent(bytes, key_line);
    let mut line = next_line(bytes, key_start)?;
    let mut start = None;
    let mut end = 0;
    loop {
        let content = skip_blanks(bytes, line);
        let eol = line_end(bytes, line);
        if content < eol {
            if content - line <= key_indent {
                break;
            }
            start.get_or_insert(content);
            end = eol;
        }
        match next_line(bytes, line) {
            Some(next) if next < bytes.len() => line = next,
            _ => break,
        }
    }
    start.map(|start| Value { start, end })
}

/// A quoted string starting at the quote at `at`, on one line; the value is inside the quotes.
pub fn quoted(bytes: &[u8], at: usize) -> Option<Value> {
    let quote = bytes[at];
    let mut i = at + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => return None,
            b'\\' if quote == b'"' => i += 2,
            _ if b == quote => {
                if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                return non_empty(at + 1, i);
            }
            _ => i += 1,
        }
    }
    None
}

fn trimmed(bytes: &[u8], start: usize, mut end: usize) -> Option<Value> {
    while end > start && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    non_empty(start, end)
}

fn non_empty(start: usize, end: usize) -> Option<Value> {
    (end > start).then_some(Value { start, end })
}

/// The first position at or after `from` whose byte matches, or the end.
pub fn find(bytes: &[u8], from: usize, matches: impl Fn(u8) -> bool) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| matches(b))
        .map_or(bytes.len(), |i| from + i)
}

/// The first occurrence of `needle` at or after `from`.
pub fn find_sub(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len())
        .position(|window| window == needle)
        .map(|i| from + i)
}

/// True for values that are clearly not a real secret: templates, variables, masks, examples
/// of the word itself, file paths and already-redacted placeholders.
pub fn is_placeholder(value: &str) -> bool {
    let value = value.trim();
    if value.len() < 3 {
        return true;
    }
    let lower_first = value.as_bytes()[0];
    if value.starts_with("REDACTED")
        || value.starts_with('$')
        || value.starts_with("{{")
        || value.starts_with("%(")
        || value.starts_with("#{")
        || (value.starts_with('<') && value.ends_with('>'))
        || value.starts_with("<set to the key ")
        || (value.starts_with('[') && value.ends_with(']'))
        || looks_like_path(value)
        || value.starts_with("./")
        || value.starts_with("~/")
        || value.starts_with("file:")
        || value.starts_with("env:")
        || value.starts_with("vault:")
        || value.starts_with("secretref:")
        || value.contains("{{")
        || value.contains("${")
        || value.contains("REDACTED")
    {
        return true;
    }
    if value.bytes().all(|b| b == lower_first) {
        return true;
    }
    if value
        .bytes()
        .all(|b| matches!(b, b'*' | b'.' | b'x' | b'X' | b'#' | b'-' | b'_'))
    {
        return true;
    }
    // A masked token that keeps its prefix: `ghp_xxxxxxxx…`, `sk_live_****…`.
    if let Some((_, mask)) = value.rsplit_once('_') {
        if mask.len() >= 8 && mask.bytes().all(|b| matches!(b, b'x' | b'X' | b'*')) {
            return true;
        }
    }
    const WORDS: &[&str] = &[
        "changeme",
        "change-me",
        "change_me",
        "changeit",
        "replace_me",
        "replace-me",
        "replaceme",
        "msi",
        "password",
        "secret",
        "token",
        "null",
        "none",
        "true",
        "false",
        "yes",
        "no",
        "off",
        "on",
        "nil",
        "undefined",
        "example",
        "placeholder",
        "redacted",
        "todo",
        "tbd",
        "masked",
        "hidden",
        "dummy",
        "required",
        "optional",
        "string",
        "value",
        "your-password",
        "your_password",
        "yourpassword",
        "mypassword",
        "password123",
        "empty",
        "notset",
        "not-set",
        "unset",
        "stdin",
    ];
    // A quote or bracket closing something that began before the key is not part of the value
    // (`"rule: self.name == 'Pass' : true"` is a CEL expression, not a password).
    let bare = value.trim_end_matches(['"', '\'', ',', ';', ')', ']', '}']);
    WORDS
        .iter()
        .any(|word| value.eq_ignore_ascii_case(word) || bare.eq_ignore_ascii_case(word))
        || value.to_ascii_lowercase().starts_with("your")
}

/// A file path (`/etc/pw`, `//svc-name`), not a base64 key that happens to start with `/` (about
/// one key in 32 does): no `+`, no `=` padding, and no random-looking segment.
fn looks_like_path(value: &str) -> bool {
    value.starts_with('/')
        && !value.contains('+')
        && !value.ends_with('=')
        && !value.split('/').any(|segment| {
            let has = |class: fn(&u8) -> bool| segment.as_bytes().iter().any(class);
            segment.len() >= 12
                && has(u8::is_ascii_uppercase)
                && has(u8::is_ascii_lowercase)
                && has(u8::is_ascii_digit)
        })
}

/// Lower case, letters and digits only: `AWS_SECRET_ACCESS_KEY` → `awssecretaccesskey`.
pub fn normalise(key: &str) -> String {
    key.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// The key token around the keyword at `start..end`.
pub fn key_around(bytes: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start > 0 && is_key_byte(bytes[start - 1]) {
        start -= 1;
    }
    while end < bytes.len() && is_key_byte(bytes[end]) {
        end += 1;
    }
    (start, end)
}

/// The value of the key or flag `key_start..key_end`: `--flag value`, `key: value`, `key=value`.
pub fn value_of_key(text: &str, key_start: usize, key_end: usize) -> Option<Value> {
    let bytes = text.as_bytes();
    let shape = key_shape(bytes, key_start, key_end);
    let is_flag = bytes[key_start] == b'-';
    if is_flag && matches!(bytes.get(key_end), Some(b' ' | b'\t')) {
        return flag_value(text, key_end);
    }
    let comma_ends =
        text[line_start(bytes, key_start)..line_end(bytes, key_start)].contains("--set");
    value_after_key(text, shape, comma_ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value_of(text: &str, key: &str) -> Option<String> {
        let start = text.find(key).expect("key in text");
        let shape = key_shape(text.as_bytes(), start, start + key.len());
        value_after_key(text, shape, text.contains("--set"))
            .map(|value| String::from(&text[value.start..value.end]))
    }

    #[test]
    fn reads_values_in_every_syntax() {
        assert_eq!(
            value_of("password: hunter2x # old\n", "password").as_deref(),
            Some("hunter2x")
        );
        assert_eq!(
            value_of("  \"password\": \"a\\\"b\",\n", "password").as_deref(),
            Some("a\\\"b")
        );
        assert_eq!(
            value_of("{\"psk\":\"abcdef\"}", "psk").as_deref(),
            Some("abcdef")
        );
        assert_eq!(
            value_of("DB_PASSWORD=s3cret more\n", "DB_PASSWORD").as_deref(),
            Some("s3cret")
        );
        assert_eq!(
            value_of("password = s3 cret ; c\n", "password").as_deref(),
            Some("s3 cret")
        );
        assert_eq!(
            value_of("password = \"hcl-v\"\n", "password").as_deref(),
            Some("hcl-v")
        );
        assert_eq!(
            value_of("--set a.password=p1,b=2", "a.password").as_deref(),
            Some("p1")
        );
        assert_eq!(
            value_of("Server=x;Password=p;Port=1", "Password").as_deref(),
            Some("p")
        );
        assert_eq!(
            value_of("-H 'Authorization: Bearer abc' x", "Authorization").as_deref(),
            Some("Bearer abc")
        );
        assert_eq!(value_of("secret:\n  name: x\n", "secret"), None);
        assert_eq!(value_of("a == b", "a"), None);
    }

    #[test]
    fn reads_block_scalars_to_their_last_line() {
        let text = "data:\n  key: |\n    line1\n\n    line2\nnext: 1\n";
        let value = value_of(text, "key").expect("block");
        assert_eq!(value, "line1\n\n    line2");
    }

    #[test]
    fn reads_flag_values() {
        let text = "az login --password 'p w' --tenant t";
        let at = text.find("--password").expect("flag") + "--password".len();
        let value = flag_value(text, at).expect("value");
        assert_eq!(&text[value.start..value.end], "p w");
        assert!(flag_value("x --password --next", 12).is_none());
    }

    #[test]
    fn knows_placeholders() {
        for value in [
            "${DB_PASS}",
            "{{ .Values.pw }}",
            "<password>",
            "changeme",
            "****",
            "REDACTED_PASSWORD_1",
            "/etc/pw",
        ] {
            assert!(is_placeholder(value), "{value}");
        }
        assert!(!is_placeholder("Sup3rFAKEpass"));
    }

    #[test]
    fn a_value_inside_a_json_string_ends_at_its_escape() {
        let text = "{\"raw\":\"users:\\n- user:\\n    client-key-data: FAKEkey1\\n    token: FAKEtok2\",\"pod_cidr\":\"10.244.0.0/16\"}";
        assert_eq!(
            value_of(text, "client-key-data").as_deref(),
            Some("FAKEkey1")
        );
        assert_eq!(value_of(text, "token").as_deref(), Some("FAKEtok2"));
    }

    #[test]
    fn a_value_in_a_script_inside_a_json_string_ends_at_its_escape() {
        let text = "{\"custom_data\":\"#!/bin/sh\\nexport DB_PASSWORD=FAKEpw1\\nexport X=1\"}\n";
        assert_eq!(value_of(text, "DB_PASSWORD").as_deref(), Some("FAKEpw1"));
        // Outside a JSON string a backslash is part of the value.
        assert_eq!(
            value_of("PASSWORD=FAKE\\pw2\n", "PASSWORD").as_deref(),
            Some("FAKE\\pw2")
        );
    }

    #[test]
    fn a_base64_value_starting_with_a_slash_is_not_a_path() {
        for value in [
            "/ynMQFAKEtJkOgtzeCQPmMe8mfvGDclX7esBkGfARc",
            "/fSLb/FAKEkey+x",
            "/FAKE/abc=",
        ] {
            assert!(!is_placeholder(value), "{value}");
        }
        for value in [
            "/etc/redis/pw",
            "//podnet-deployer",
            "/var/run/secrets/token",
        ] {
            assert!(is_placeholder(value), "{value}");
        }
    }

    #[test]
    fn follows_line_continuations() {
        let text = "a\ncurl \\\n  -u x:y \\\n  https://h\nb\n";
        let at = text.find("-u").expect("flag");
        assert_eq!(
            command_around(text, at),
            "curl \\\n  -u x:y \\\n  https://h"
        );
    }
}
