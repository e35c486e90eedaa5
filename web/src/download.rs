//! What "Download" hands out, safely: when the paste holds several documents and the fixes
//! change one, that document alone (a `kubectl apply -f` of the whole paste would also apply a
//! Secret whose values are now placeholders); and how many placeholders the file still holds,
//! so the page can warn before anyone applies it.

use podnet_core::{fix, DocumentKind, Report};

/// A file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The file name, after the kind of document it holds.
    pub name: &'static str,
    /// The text (redacted).
    pub text: String,
    /// True when it is the one changed document of a paste that holds several.
    pub alone: bool,
    /// How many placeholders (`REDACTED_…`) it holds.
    pub placeholders: usize,
}

/// The download for a report: the changed document alone when the paste holds more than it and
/// the fixes change only it; otherwise the whole corrected (or analysed) text.
pub fn download(report: &Report) -> Download {
    let whole = report.fixed.as_deref().unwrap_or(&report.text);
    let first = report.documents.first().map(|document| document.kind);
    let (kind, text, alone) = match changed_document(report) {
        Some((kind, text)) => (Some(kind), text, true),
        None => (first, whole.to_string(), false),
    };
    let placeholders = report
        .redactions
        .iter()
        .filter(|redaction| text.contains(&redaction.placeholder))
        .count();
    Download {
        name: file_name(kind),
        text,
        alone,
        placeholders,
    }
}

/// The one document the fixes change, corrected, when the paste holds more than it (other
/// documents, a Secret podnet does not read, prose around it).
fn changed_document(report: &Report) -> Option<(DocumentKind, String)> {
    report.fixed.as_ref()?;
    let (_, applied) = fix::apply_fixes_with_edits(&report.text, &report.findings);
    let touches = |start: usize, end: usize| {
        applied
            .iter()
            .any(|edit| edit.start < end && edit.end >= start && edit.end <= end)
    };
    let mut changed = report
        .documents
        .iter()
        .filter(|document| touches(document.span.start, document.span.end));
    let document = changed.next()?;
    if changed.next().is_some() {
        return None;
    }
    let (start, end) = (document.span.start, document.span.end);
    let around = format!("{}{}", &report.text.get(..start)?, &report.text.get(end..)?);
    if around.trim().trim_matches('-').trim().is_empty() {
        return None;
    }
    let inside: Vec<_> = applied
        .iter()
        .filter(|edit| edit.start >= start && edit.end <= end)
        .map(|edit| podnet_core::Edit {
            start: edit.start - start,
            end: edit.end - start,
            replacement: edit.replacement.clone(),
        })
        .collect();
    if inside.len() != applied.len() {
        return None;
    }
    let (text, _) = podnet_core::apply_edits(report.text.get(start..end)?, &inside);
    Some((document.kind, text))
}

/// The file name for a document of `kind` (the whole paste is named after its first document).
pub fn file_name(kind: Option<DocumentKind>) -> &'static str {
    match kind {
        Some(DocumentKind::FlannelNetConf) => "net-conf.fixed.json",
        Some(DocumentKind::FlannelCniConf) => "cni-conf.fixed.json",
        Some(DocumentKind::AksCommand) => "az-aks.fixed.sh",
        Some(DocumentKind::TerraformAks) => "main.fixed.tf",
        Some(DocumentKind::ArmAks) => "azuredeploy.fixed.json",
        Some(DocumentKind::BicepAks) => "main.fixed.bicep",
        Some(DocumentKind::FlannelSubnetEnv) => "subnet.fixed.env",
        _ => "kube-flannel.fixed.yml",
    }
}

/// The warning before the next steps when the corrected text holds placeholders.
pub fn apply_warning(placeholders: usize) -> String {
    format!(
        "The corrected text holds {placeholders} placeholder{} (REDACTED_…). Apply it with your values (Copy with my values), never as downloaded.",
        if placeholders == 1 { "" } else { "s" }
    )
}

/// What the page says after a download.
pub fn status(download: &Download) -> String {
    let what = if download.alone {
        "Downloaded the changed document alone"
    } else {
        "Downloaded the corrected text"
    };
    match download.placeholders {
        0 => format!("{what} ({}).", download.name),
        n => format!(
            "{what} ({}). It holds {n} placeholder{} (REDACTED_…): put your values back (Copy with my values) before you apply it.",
            download.name,
            if n == 1 { "" } else { "s" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use podnet_core::{analyze, Context};

    const CONFIG_MAP: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n  net-conf.json: |\n    {\n      \"Network\": \"10.244.0.0/16\",\n      \"Backend\": {\"Type\": \"vxlan\"}\n    }\n  cni-conf.json: |\n    {\n      \"name\": \"cbr0\",\n      \"cniVersion\": \"0.3.1\",\n      \"plugins\": [{\"type\": \"flannel\", \"delegate\": {\"hairpinMode\": true, \"isDefaultGateway\": true, \"mtu\": 1500}}]\n    }\n";
    const SECRET: &str = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry\nstringData:\n  password: FAKE-Passw0rd-EXAMPLE-9c2f1e7a\n";

    #[test]
    fn a_changed_configmap_beside_a_secret_downloads_alone_without_placeholders() {
        let text = format!("{SECRET}---\n{CONFIG_MAP}");
        let report = analyze(&text, &Context::default());
        assert!(report.fixed.is_some(), "the delegate mtu is fixed");
        let download = download(&report);
        assert!(download.alone);
        assert!(
            download.text.starts_with("apiVersion: v1\nkind: ConfigMap"),
            "{}",
            download.text
        );
        assert!(download.text.contains("\"mtu\": 1450"));
        assert!(!download.text.contains("kind: Secret"));
        assert_eq!(download.placeholders, 0);
        assert_eq!(download.name, "kube-flannel.fixed.yml");
        assert_eq!(
            status(&download),
            "Downloaded the changed document alone (kube-flannel.fixed.yml)."
        );
    }

    #[test]
    fn a_download_that_holds_placeholders_says_so() {
        let text = format!("{CONFIG_MAP}  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n");
        let report = analyze(&text, &Context::default());
        let download = download(&report);
        assert!(!download.alone, "one document");
        assert_eq!(download.placeholders, 1, "{}", download.text);
        assert!(status(&download).contains("holds 1 placeholder (REDACTED_…)"));
        assert!(apply_warning(2).starts_with("The corrected text holds 2 placeholders"));
    }

    #[test]
    fn downloads_are_named_after_their_document() {
        assert_eq!(
            file_name(Some(DocumentKind::FlannelNetConf)),
            "net-conf.fixed.json"
        );
        assert_eq!(file_name(Some(DocumentKind::AksCommand)), "az-aks.fixed.sh");
        assert_eq!(file_name(Some(DocumentKind::TerraformAks)), "main.fixed.tf");
        assert_eq!(
            file_name(Some(DocumentKind::ArmAks)),
            "azuredeploy.fixed.json"
        );
        assert_eq!(file_name(Some(DocumentKind::BicepAks)), "main.fixed.bicep");
        assert_eq!(file_name(None), "kube-flannel.fixed.yml");
    }
}
