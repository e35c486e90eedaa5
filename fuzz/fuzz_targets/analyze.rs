//! Detection and parsing never panic, whatever the bytes, in either subnet-manager mode; the
//! report's diff turns the analysed text into the fixed text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podnet_core::{analyze, Context, Platform, SubnetManager};

fuzz_target!(|text: &str| {
    // Vary the context with the input so that both modes and an MTU-sensitive platform run.
    let etcd = text.len() % 2 == 1;
    let context = Context {
        target_nodes: Some(300),
        max_pods: Some(110),
        subnet_manager: Some(if etcd {
            SubnetManager::Etcd
        } else {
            SubnetManager::Kube
        }),
        platform: if text.len() % 3 == 0 {
            Platform::Azure
        } else {
            Platform::Generic
        },
        ..Context::default()
    };
    let report = analyze(text, &context);
    if let (Some(diff), Some(fixed)) = (&report.diff, &report.fixed) {
        assert_eq!(diff.apply_to(&report.text).as_ref(), Some(fixed), "the diff does not give the fixed text");
    }
    for finding in &report.findings {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= report.text.len());
        assert!(
            report.text.is_char_boundary(finding.span.start),
            "span inside a character"
        );
    }
});
