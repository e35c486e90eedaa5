//! Values that look like secrets and are public by design, marked benign so the high-entropy
//! fallback leaves them: public keys under their keys (WireGuard `PublicKey = …`, Cilium's
//! `network.cilium.io/wg-pub-key`, `public_key`) and Stripe publishable keys (`pk_live_…`,
//! `pk_test_…`; Stripe docs, "API keys": publishable keys go in client code).
//! Sources: wg(8); Cilium WireGuard docs.

use super::found::Found;
use super::scan::{is_word, key_around, normalise, value_of_key};

/// A public-key keyword or a publishable-key prefix at `start..end`.
pub fn value(text: &str, start: usize, end: usize, found: &mut Found) {
    let bytes = text.as_bytes();
    if text[start..end].starts_with("pk_") {
        let word = bytes[start..].iter().take_while(|&&b| is_word(b)).count();
        found.benign(start, start + word);
        return;
    }
    let (key_start, key_end) = key_around(bytes, start, end);
    let key = normalise(&text[key_start..key_end]);
    if !(key.ends_with("publickey") || key.ends_with("pubkey")) {
        return;
    }
    if let Some(value) = value_of_key(text, key_start, key_end) {
        found.benign(value.start, value.end);
    }
}
