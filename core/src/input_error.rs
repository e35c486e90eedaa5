//! Why podnet cannot read a paste: the reason as data ([`InputErrorKind`]) and where it is.
//!
//! The reason's `Display` is the plain-language message; it never holds the position, which the
//! span carries, so each caller shows line and column once, in its own way.

use alloc::string::String;
use core::fmt;

use crate::document::PASTED;
use crate::json::JsonErrorKind;
use crate::span::Span;

/// Why nothing could be analysed, and where (a syntax error's position, else where the text starts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The reason.
    pub kind: InputErrorKind,
    /// Where the problem is.
    pub span: Span,
}

/// The distinct reasons podnet cannot read a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputErrorKind {
    /// The paste is empty or only blanks.
    NothingToCheck,
    /// The paste holds text, but no document podnet reads.
    NothingRecognised,
    /// JSON that is another tool's document, not flannel's.
    ForeignJson {
        /// What it looks like ("az aks show output (…)").
        looks_like: &'static str,
    },
    /// The paste starts like JSON but is not valid JSON.
    JsonSyntax(JsonErrorKind),
    /// The paste is valid JSON but not an object.
    JsonNotObject,
    /// A document inside the paste (the ConfigMap's net-conf.json, a cni-conf.json) is not valid
    /// JSON.
    EmbeddedJsonSyntax {
        /// Which document ("net-conf.json", "cni-conf.json").
        document: &'static str,
        /// What is wrong with it.
        error: JsonErrorKind,
    },
    /// A document inside the paste is valid JSON but not an object.
    EmbeddedJsonNotObject {
        /// Which document ("net-conf.json", "cni-conf.json").
        document: &'static str,
        /// What it is instead ("an array", "a string", …).
        found: &'static str,
    },
    /// Kubernetes YAML that does not parse.
    YamlSyntax {
        /// The YAML reader's reason.
        reason: String,
    },
    /// YAML the reader refuses by its own limits (aliases, nesting), though it may be valid.
    YamlRefused {
        /// Which limit.
        reason: String,
    },
    /// A Terraform paste (it names `azurerm_kubernetes_cluster`) that is not HCL.
    HclSyntax {
        /// The HCL reader's reason.
        reason: &'static str,
    },
}

impl InputError {
    /// The plain-language message, without the position.
    pub fn message(&self) -> String {
        use alloc::string::ToString as _;
        self.kind.to_string()
    }
}

impl fmt::Display for InputErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputErrorKind::NothingToCheck => f.write_str("nothing to check: paste a flannel net-conf.json, the kube-flannel ConfigMap or an az aks create command"),
            InputErrorKind::NothingRecognised => {
                f.write_str("no supported config recognised")?;
                read_forms(f)
            }
            InputErrorKind::ForeignJson { looks_like } => {
                write!(f, "this JSON looks like {looks_like}, but holds nothing")?;
                read_forms(f)
            }
            InputErrorKind::JsonSyntax(error) => write!(f, "not valid JSON: {error}"),
            InputErrorKind::JsonNotObject => f.write_str("the JSON is not an object; net-conf.json is an object such as {\"Network\": \"10.244.0.0/16\"}"),
            InputErrorKind::EmbeddedJsonSyntax { document, error } => write!(f, "{document} is not valid JSON: {error}"),
            InputErrorKind::EmbeddedJsonNotObject { document, found } => write!(f, "{document} is {found}, not a JSON object"),
            InputErrorKind::YamlSyntax { reason } => write!(f, "not valid YAML: {reason}"),
            InputErrorKind::YamlRefused { reason } => write!(f, "YAML refused: {reason}"),
            InputErrorKind::HclSyntax { reason } => write!(f, "Terraform (HCL) syntax: {reason}"),
        }
    }
}

/// ": podnet reads " and every form it reads, from [`PASTED`].
fn read_forms(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut separator = ": podnet reads ";
    for pasted in PASTED.split('\n').filter(|p| !p.is_empty()) {
        f.write_str(separator)?;
        f.write_str(pasted)?;
        separator = ", ";
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_recognised_names_every_form_read() {
        let message = alloc::format!("{}", InputErrorKind::NothingRecognised);
        for kind in PASTED.split('\n') {
            assert!(message.contains(kind), "{kind} in {message}");
        }
        for form in [
            "Terraform",
            "Bicep",
            "ARM",
            "az aks show",
            "error lines",
            "kubectl get nodes",
        ] {
            assert!(message.contains(form), "{form} in {message}");
        }
    }

    #[test]
    fn messages_hold_no_position() {
        let kinds = [
            InputErrorKind::JsonSyntax(JsonErrorKind::TrailingComma),
            InputErrorKind::EmbeddedJsonSyntax {
                document: "net-conf.json",
                error: JsonErrorKind::TrailingComma,
            },
            InputErrorKind::YamlSyntax {
                reason: String::from("did not find expected key"),
            },
        ];
        for kind in kinds {
            let message = alloc::format!("{kind}");
            assert!(!message.contains("line"), "{message}");
            assert!(!message.contains("column"), "{message}");
        }
    }

    #[test]
    fn an_embedded_syntax_error_names_its_document() {
        let error = InputError {
            kind: InputErrorKind::EmbeddedJsonSyntax {
                document: "net-conf.json",
                error: JsonErrorKind::TrailingComma,
            },
            span: Span::default(),
        };
        assert_eq!(
            error.message(),
            "net-conf.json is not valid JSON: a trailing comma is not allowed in JSON"
        );
    }
}
