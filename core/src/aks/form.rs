//! `Form`: how one way of writing an AKS cluster (an `az aks` command, a Terraform resource)
//! names its settings. The rules are written once, over the command model, with azure-cli's flag
//! names; a definition in another form is read into that model, and its findings, fixes and
//! model keys name the settings as that form writes them.

use alloc::string::String;

use crate::document::DocumentKind;

/// One form of AKS definition.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// Its documents' kind.
    pub kind: DocumentKind,
    /// Who applies the defaults for what it leaves out.
    pub default_tool: &'static str,
    /// Each azure-cli flag and the setting the form writes for it (`block.name`; a flag not
    /// listed keeps its name).
    pub names: &'static [(&'static str, &'static str)],
}

/// `az aks create|update`: the flags are the names.
pub const COMMAND: Form = Form {
    kind: DocumentKind::AksCommand,
    default_tool: "az aks create",
    names: &[],
};

impl Form {
    /// The form's name for `flag` (the last part of its path: `pod_cidr`).
    pub fn key(&self, flag: &'static str) -> &'static str {
        match self.names.iter().find(|(f, _)| *f == flag) {
            Some((_, path)) => path.rsplit('.').next().unwrap_or(path),
            None => flag,
        }
    }

    /// `text` with every flag the form names written as the form writes it.
    pub fn rename(&self, text: &str) -> String {
        if self.names.is_empty() {
            return String::from(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("--") {
            out.push_str(&rest[..at]);
            let flag_len = rest[at + 2..]
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
                .count();
            let flag = &rest[at..at + 2 + flag_len];
            match self.names.iter().find(|(f, _)| *f == flag) {
                Some((f, _)) => out.push_str(self.key(f)),
                None => out.push_str(flag),
            }
            rest = &rest[at + 2 + flag_len..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_whole_flags_only() {
        let form = Form {
            kind: DocumentKind::TerraformAks,
            default_tool: "AKS",
            names: &[("--pod-cidr", "network_profile.pod_cidr")],
        };
        assert_eq!(
            form.rename("--pod-cidr 10.0.0.0/8, not --pod-cidrs or --x"),
            "pod_cidr 10.0.0.0/8, not --pod-cidrs or --x"
        );
        assert_eq!(form.key("--pod-cidr"), "pod_cidr");
        assert_eq!(form.key("--max-pods"), "--max-pods");
    }
}
