//! Redacts files and reports what was replaced, or measures native redaction throughput.
//!
//! `cargo run --release -p podnet-core --example redact -- FILE...` prints each redacted text and
//! its redactions; `--bench FILE...` redacts the files repeatedly and prints MB/s; `--check FILE...`
//! checks the redaction invariants (line count kept, exact restore, idempotence) on each file.

use std::time::Instant;

use podnet_core::redact::{redact, Redactor};
use podnet_core::RedactionOptions;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match args.first().map(String::as_str) {
        Some("--bench") | Some("--check") => args.remove(0),
        _ => String::new(),
    };
    let bench = mode == "--bench";
    let texts: Vec<String> = args
        .iter()
        .map(|path| match std::fs::read(path) {
            // As the fuzz target reads its input: the longest valid UTF-8 prefix.
            Ok(bytes) => match std::str::from_utf8(&bytes) {
                Ok(text) => String::from(text),
                Err(error) => String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned(),
            },
            Err(error) => panic!("{path}: {error}"),
        })
        .collect();
    let options = RedactionOptions::default();
    if mode == "--check" {
        let mut failures = 0;
        for (path, text) in args.iter().zip(&texts) {
            let problems = check(text, &options);
            if !problems.is_empty() {
                failures += 1;
                println!("{path}: {}", problems.join(", "));
            }
        }
        println!("{} files, {failures} with broken invariants", texts.len());
        std::process::exit(i32::from(failures > 0));
    }
    if !bench {
        for (path, text) in args.iter().zip(&texts) {
            let redacted = redact(text, &options);
            println!("==> {path}\n{}", redacted.text);
            for r in &redacted.redactions {
                eprintln!(
                    "{path}:{}:{}: {} ({} chars) -> {}",
                    r.span.line, r.span.column, r.kind, r.length, r.placeholder
                );
            }
        }
        return;
    }
    // One compiled redactor for every round, as a server or a batch job would hold it.
    let redactor = Redactor::new();
    let total: usize = texts.iter().map(String::len).sum();
    let mut rounds = 0usize;
    let mut redactions = 0usize;
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < 3.0 || rounds < 3 {
        for text in &texts {
            redactions += redactor.redact(text, &options).redactions.len();
        }
        rounds += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    let megabytes = (total * rounds) as f64 / 1e6;
    println!(
        "{} files, {} bytes, {rounds} rounds, {redactions} redactions, {:.1} MB/s",
        texts.len(),
        total,
        megabytes / seconds
    );
}

/// The invariants a redaction keeps, as the fuzz target checks them; returns the broken ones.
fn check(text: &str, options: &RedactionOptions) -> Vec<&'static str> {
    let redacted = redact(text, options);
    let mut problems = Vec::new();
    if redacted.text.matches('\n').count() != text.matches('\n').count() {
        problems.push("line count");
    }
    let restored = redacted.restore(&redacted.text);
    if restored != text {
        let at = restored
            .bytes()
            .zip(text.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(restored.len().min(text.len()));
        let around = |s: &str| {
            let bytes = &s.as_bytes()[at.saturating_sub(40)..(at + 40).min(s.len())];
            String::from_utf8_lossy(bytes).into_owned()
        };
        eprintln!(
            "restore differs at byte {at}:\n  original {:?}\n  restored {:?}",
            around(text),
            around(&restored)
        );
        problems.push("restore");
    }
    if redact(&redacted.text, options).text != redacted.text {
        problems.push("idempotence");
    }
    problems
}
