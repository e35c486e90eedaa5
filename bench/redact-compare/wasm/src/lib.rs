//! Redaction throughput in the browser: the same `podnet-core` redactor the page runs, exported
//! to JavaScript so `bench.html` can time it in headless Chromium.

use podnet_core::redact::{redact, Redactor};
use podnet_core::RedactionOptions;
use wasm_bindgen::prelude::*;

/// One compiled redactor, reused for every call (how the page should hold it).
#[wasm_bindgen]
pub struct Bench {
    redactor: Redactor,
    options: RedactionOptions,
}

#[wasm_bindgen]
impl Bench {
    /// Compiles the redactor once.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Bench {
        Bench {
            redactor: Redactor::new(),
            options: RedactionOptions::default(),
        }
    }

    /// Redacts `text` `rounds` times with the compiled redactor; returns the redactions made, so
    /// the work cannot be optimised away.
    pub fn redact_reused(&self, text: &str, rounds: u32) -> u32 {
        let mut redactions = 0;
        for _ in 0..rounds {
            redactions += self.redactor.redact(text, &self.options).redactions.len();
        }
        u32::try_from(redactions).unwrap_or(u32::MAX)
    }
}

impl Default for Bench {
    fn default() -> Self {
        Bench::new()
    }
}

/// Redacts `text` `rounds` times through `redact::redact`, which compiles the keyword automaton
/// on every call (what the page does when it calls `redact` or `analyze` per keystroke).
#[wasm_bindgen]
pub fn redact_fresh(text: &str, rounds: u32) -> u32 {
    let options = RedactionOptions::default();
    let mut redactions = 0;
    for _ in 0..rounds {
        redactions += redact(text, &options).redactions.len();
    }
    u32::try_from(redactions).unwrap_or(u32::MAX)
}
