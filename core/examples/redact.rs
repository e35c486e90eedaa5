//! Redacts files and reports what was replaced, or measures native redaction throughput.
//!
//! `cargo run --release -p podnet-core --example redact -- FILE...` prints each redacted text and
//! its redactions; `--bench FILE...` redacts the files repeatedly and prints MB/s.

use std::time::Instant;

use podnet_core::redact::{redact, Redactor};
use podnet_core::RedactionOptions;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.first().is_some_and(|arg| arg == "--bench");
    if bench {
        args.remove(0);
    }
    let texts: Vec<String> = args
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}")))
        .collect();
    let options = RedactionOptions::default();
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
