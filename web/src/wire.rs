//! The bytes an analysis crosses from the page's worker to its tab in: [`encode`] and [`decode`].
//!
//! A small hand-written format, chosen over serde derives with postcard by size (ARCHITECTURE.md,
//! "Web"): each value is its fields in declaration order; numbers are LEB128 varints, strings
//! their length and UTF-8 bytes, `Option` a 0/1 tag and `Vec` its length, then the items; an enum
//! without data is its index. Both ends are this one wasm module, so the format needs no version
//! and no field names. Decoding never panics: bytes that do not read as an analysis give `None`.
//! A read past the end or a value out of range marks the reader failed and reads on with empty
//! values (no bytes are left then, so every later length is 0); the result is dropped once, at
//! the end. Reading therefore has no early return per field, and none of the code that would
//! drop the fields read so far at each one (most of a `?`-based decoder's size).
//! The message never leaves the tab (a worker's messages go to its page only), so the originals
//! the redaction holds cross too, as they do between two functions of the page.

use std::cell::RefCell;

use podnet_core::diff::{Diff, DiffLine, Hunk, LineEnd, LineKind};
use podnet_core::json::JsonErrorKind;
use podnet_core::net::{Cidr, IpFamily};
use podnet_core::redact::{Redacted, Redaction, SecretMap};
use podnet_core::{
    Capacity, Document, DocumentKind, Edit, Finding, Fix, InputError, InputErrorKind, MtuReport,
    NodeRange, Report, RuleId, Severity, Span,
};

use crate::address_space::OtherRange;
use crate::analysis::Analysis;
use crate::from_paste::FromPaste;
use crate::shared::Shared;

/// `analysis` as bytes.
pub fn encode(analysis: &Analysis) -> Vec<u8> {
    let mut out = Vec::with_capacity(analysis.report.text.len() * 3 + 1024);
    analysis.put(&mut out);
    out
}

/// The analysis `bytes` hold, or `None` when they hold none (all of them read, nothing left).
pub fn decode(bytes: &[u8]) -> Option<Analysis> {
    let mut input = Reader::new(bytes);
    let analysis = Analysis::take(&mut input);
    (!input.failed && input.bytes.is_empty()).then_some(analysis)
}

/// The bytes not read yet, and whether a read failed.
struct Reader<'a> {
    bytes: &'a [u8],
    failed: bool,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            failed: false,
        }
    }

    /// Marks the reading failed (nothing more is read) and gives `value` in place of the one
    /// that could not be read.
    fn fail<T>(&mut self, value: T) -> T {
        self.failed = true;
        self.bytes = &[];
        value
    }

    /// `value`, or `fallback` with the reading failed.
    fn or<T>(&mut self, value: Option<T>, fallback: T) -> T {
        match value {
            Some(value) => value,
            None => self.fail(fallback),
        }
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => self.fail(0),
        }
    }

    fn slice(&mut self, len: usize) -> &'a [u8] {
        match self.bytes.split_at_checked(len) {
            Some((head, rest)) => {
                self.bytes = rest;
                head
            }
            None => self.fail(&[]),
        }
    }
}

/// A value that crosses: written as bytes, read back (see [`Reader`] for a failed read).
trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(input: &mut Reader) -> Self;
}

fn put_number(out: &mut Vec<u8>, mut value: u128) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn take_number(input: &mut Reader) -> u128 {
    let mut value = 0u128;
    for shift in (0..128).step_by(7) {
        let byte = input.byte();
        value |= u128::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return value;
        }
    }
    input.fail(0)
}

/// Unsigned integers, as varints.
macro_rules! number {
    ($($type:ty),*) => {$(
        impl Wire for $type {
            fn put(&self, out: &mut Vec<u8>) {
                put_number(out, *self as u128);
            }
            fn take(input: &mut Reader) -> Self {
                let number = take_number(input).try_into().ok();
                input.or(number, 0)
            }
        }
    )*};
}
number!(u8, u32, u64, usize, u128);

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(input: &mut Reader) -> Self {
        match input.byte() {
            0 => false,
            1 => true,
            _ => input.fail(false),
        }
    }
}

impl Wire for char {
    fn put(&self, out: &mut Vec<u8>) {
        u32::from(*self).put(out);
    }
    fn take(input: &mut Reader) -> Self {
        let c = char::from_u32(u32::take(input));
        input.or(c, '\0')
    }
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    text.len().put(out);
    out.extend_from_slice(text.as_bytes());
}

fn take_str<'a>(input: &mut Reader<'a>) -> &'a str {
    let len = usize::take(input);
    let text = std::str::from_utf8(input.slice(len)).ok();
    input.or(text, "")
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(out, self);
    }
    fn take(input: &mut Reader) -> Self {
        take_str(input).into()
    }
}

thread_local! {
    /// The `&'static str`s read so far. The worker sends only strings of the program's own data
    /// (a redaction's kind, an input error's words), so this holds at most that finite set, each
    /// once.
    static INTERNED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

impl Wire for &'static str {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(out, self);
    }
    fn take(input: &mut Reader) -> Self {
        let text = take_str(input);
        INTERNED.with_borrow_mut(|interned| {
            if let Some(known) = interned.iter().find(|known| **known == text) {
                return *known;
            }
            let leaked: &'static str = String::from(text).leak();
            interned.push(leaked);
            leaked
        })
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    fn take(input: &mut Reader) -> Self {
        match input.byte() {
            0 => None,
            1 => Some(T::take(input)),
            _ => input.fail(None),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
    fn take(input: &mut Reader) -> Self {
        let len = usize::take(input);
        // Every item takes at least a byte: a length past the bytes left is not an analysis
        // (and once reading failed no bytes are left, so no more items are made).
        if len > input.bytes.len() {
            return input.fail(Vec::new());
        }
        (0..len).map(|_| T::take(input)).collect()
    }
}

impl<T: Wire> Wire for Shared<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn take(input: &mut Reader) -> Self {
        Shared::new(T::take(input))
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(input: &mut Reader) -> Self {
        (A::take(input), B::take(input))
    }
}

/// A struct with public fields: the fields in order.
macro_rules! record {
    ($type:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $type {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }
            fn take(input: &mut Reader) -> Self {
                $type { $($field: Wire::take(input),)* }
            }
        }
    };
}

/// An enum without data: its index in `ALL`, which lists every variant in declaration order.
macro_rules! unit_enum {
    ($type:ident, $all:expr) => {
        impl Wire for $type {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
            fn take(input: &mut Reader) -> Self {
                let all: &[$type] = &$all;
                let value = all.get(usize::from(input.byte())).copied();
                input.or(value, all[0])
            }
        }
    };
}

unit_enum!(
    Severity,
    [Severity::Info, Severity::Warning, Severity::Error]
);
unit_enum!(DocumentKind, DocumentKind::ALL);
unit_enum!(RuleId, RuleId::ALL);
unit_enum!(
    LineKind,
    [LineKind::Context, LineKind::Removed, LineKind::Added]
);
unit_enum!(
    LineEnd,
    [LineEnd::Lf, LineEnd::CrLf, LineEnd::Cr, LineEnd::Missing]
);
unit_enum!(IpFamily, [IpFamily::V4, IpFamily::V6]);

record!(Span {
    start,
    end,
    line,
    column
});
record!(Edit {
    start,
    end,
    replacement
});
record!(Fix { title, edits });
record!(Finding {
    rule,
    severity,
    message,
    span,
    explanation,
    fix
});
record!(Document { kind, span });
record!(Capacity {
    pool,
    node_prefix,
    node_ranges,
    usable_node_ranges,
    pod_addresses_per_node,
    target_nodes,
    utilization_permille,
    first_node_without_range,
    service_range,
});
record!(MtuReport {
    backend,
    underlay,
    underlay_source,
    overhead,
    pod_mtu,
    configured_pod_mtu,
    configured_source,
});
record!(NodeRange {
    cidr,
    node,
    lease,
    inside_pool
});
record!(Redaction {
    kind,
    placeholder,
    span,
    length
});
record!(Diff { hunks });
record!(Hunk {
    old_start,
    old_len,
    new_start,
    new_len,
    lines
});
record!(DiffLine {
    kind,
    old,
    new,
    text,
    end
});
record!(InputError { kind, span });
record!(FromPaste { value, source });

impl Wire for Cidr {
    fn put(&self, out: &mut Vec<u8>) {
        self.family().put(out);
        self.addr().put(out);
        self.prefix().put(out);
    }
    fn take(input: &mut Reader) -> Self {
        let cidr = Cidr::new(Wire::take(input), Wire::take(input), Wire::take(input)).ok();
        input.or(cidr, Cidr::v4::<0, 0, 0, 0, 0>())
    }
}

impl Wire for JsonErrorKind {
    fn put(&self, out: &mut Vec<u8>) {
        use JsonErrorKind as K;
        let tag: u8 = match self {
            K::UnexpectedEnd => 0,
            K::UnexpectedChar(c) => {
                out.push(1);
                return c.put(out);
            }
            K::ExpectedKey => 2,
            K::ExpectedColon => 3,
            K::ExpectedCommaOrBrace => 4,
            K::ExpectedCommaOrBracket => 5,
            K::TrailingComma => 6,
            K::BadEscape => 7,
            K::ControlInString => 8,
            K::BadNumber => 9,
            K::TrailingText => 10,
            K::TooDeep => 11,
        };
        out.push(tag);
    }
    fn take(input: &mut Reader) -> Self {
        use JsonErrorKind as K;
        match input.byte() {
            0 => K::UnexpectedEnd,
            1 => K::UnexpectedChar(Wire::take(input)),
            2 => K::ExpectedKey,
            3 => K::ExpectedColon,
            4 => K::ExpectedCommaOrBrace,
            5 => K::ExpectedCommaOrBracket,
            6 => K::TrailingComma,
            7 => K::BadEscape,
            8 => K::ControlInString,
            9 => K::BadNumber,
            10 => K::TrailingText,
            11 => K::TooDeep,
            _ => input.fail(K::UnexpectedEnd),
        }
    }
}

impl Wire for InputErrorKind {
    fn put(&self, out: &mut Vec<u8>) {
        use InputErrorKind as K;
        match self {
            K::NothingToCheck => out.push(0),
            K::NothingRecognised => out.push(1),
            K::ForeignJson { looks_like } => {
                out.push(2);
                looks_like.put(out);
            }
            K::JsonSyntax(error) => {
                out.push(3);
                error.put(out);
            }
            K::JsonNotObject => out.push(4),
            K::EmbeddedJsonSyntax { document, error } => {
                out.push(5);
                document.put(out);
                error.put(out);
            }
            K::EmbeddedJsonNotObject { document, found } => {
                out.push(6);
                document.put(out);
                found.put(out);
            }
            K::YamlSyntax { reason } => {
                out.push(7);
                reason.put(out);
            }
            K::YamlRefused { reason } => {
                out.push(8);
                reason.put(out);
            }
            K::HclSyntax { reason } => {
                out.push(9);
                reason.put(out);
            }
        }
    }
    fn take(input: &mut Reader) -> Self {
        use InputErrorKind as K;
        match input.byte() {
            0 => K::NothingToCheck,
            1 => K::NothingRecognised,
            2 => K::ForeignJson {
                looks_like: Wire::take(input),
            },
            3 => K::JsonSyntax(Wire::take(input)),
            4 => K::JsonNotObject,
            5 => K::EmbeddedJsonSyntax {
                document: Wire::take(input),
                error: Wire::take(input),
            },
            6 => K::EmbeddedJsonNotObject {
                document: Wire::take(input),
                found: Wire::take(input),
            },
            7 => K::YamlSyntax {
                reason: Wire::take(input),
            },
            8 => K::YamlRefused {
                reason: Wire::take(input),
            },
            9 => K::HclSyntax {
                reason: Wire::take(input),
            },
            _ => input.fail(K::NothingToCheck),
        }
    }
}

/// The report without its cluster model, which the page does not keep ([`Analysis`]), and
/// without its text and redactions, which are the redaction's (`analyze_redacted` copies them;
/// the round-trip tests hold it).
impl Wire for Report {
    fn put(&self, out: &mut Vec<u8>) {
        self.documents.put(out);
        self.findings.put(out);
        self.capacity.put(out);
        self.mtu.put(out);
        self.node_ranges.put(out);
        self.placeholders.put(out);
        self.fixed.put(out);
        self.diff.put(out);
        self.next_steps.put(out);
        self.input_error.put(out);
    }
    fn take(input: &mut Reader) -> Self {
        Report {
            documents: Wire::take(input),
            findings: Wire::take(input),
            capacity: Wire::take(input),
            mtu: Wire::take(input),
            node_ranges: Wire::take(input),
            placeholders: Wire::take(input),
            fixed: Wire::take(input),
            diff: Wire::take(input),
            next_steps: Wire::take(input),
            input_error: Wire::take(input),
            ..Report::default()
        }
    }
}

/// The redaction with the originals it holds (placeholder, line-break filler, value).
impl Wire for Redacted {
    fn put(&self, out: &mut Vec<u8>) {
        self.text.put(out);
        self.redactions.put(out);
        self.placeholders.put(out);
        self.secrets().len().put(out);
        for (placeholder, filler, original) in self.secrets().entries() {
            put_str(out, placeholder);
            put_str(out, filler);
            put_str(out, original);
        }
    }
    fn take(input: &mut Reader) -> Self {
        let text = Wire::take(input);
        let redactions = Wire::take(input);
        let placeholders = Wire::take(input);
        let mut secrets = SecretMap::default();
        let len = usize::take(input);
        // Each entry takes at least three bytes; once reading failed there are none.
        for _ in 0..len.min(input.bytes.len()) {
            secrets.insert(Wire::take(input), Wire::take(input), Wire::take(input));
        }
        Redacted::from_parts(text, redactions, placeholders, secrets)
    }
}

/// A tag (VNet, subnet, avoided) and the range.
impl Wire for OtherRange {
    fn put(&self, out: &mut Vec<u8>) {
        let (tag, cidr) = match self {
            OtherRange::Vnet(cidr) => (0u8, cidr),
            OtherRange::Subnet(cidr) => (1, cidr),
            OtherRange::Avoid(cidr) => (2, cidr),
        };
        out.push(tag);
        cidr.put(out);
    }
    fn take(input: &mut Reader) -> Self {
        let tag = input.byte();
        let cidr = Cidr::take(input);
        match tag {
            0 => OtherRange::Vnet(cidr),
            1 => OtherRange::Subnet(cidr),
            2 => OtherRange::Avoid(cidr),
            _ => input.fail(OtherRange::Avoid(cidr)),
        }
    }
}

impl Wire for Analysis {
    fn put(&self, out: &mut Vec<u8>) {
        self.redacted.put(out);
        self.report.put(out);
        self.pasted.put(out);
        self.ranges.put(out);
    }
    fn take(input: &mut Reader) -> Self {
        let redacted = Redacted::take(input);
        let report = Report {
            text: redacted.text.clone(),
            redactions: redacted.redactions.clone(),
            ..Report::take(input)
        };
        Analysis {
            report: Shared::new(report),
            redacted: Shared::new(redacted),
            pasted: Wire::take(input),
            ranges: Wire::take(input),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use podnet_core::Context;

    /// Encodes and decodes `analysis`, checking that the copy equals it field by field (the
    /// `Shared` fields compare by identity, so their contents are compared).
    fn round_trip(analysis: &Analysis) -> Analysis {
        let bytes = encode(analysis);
        let back = decode(&bytes).expect("decodes");
        assert_eq!(*back.report, *analysis.report);
        assert_eq!(*back.redacted, *analysis.redacted);
        assert_eq!(back.pasted, analysis.pasted);
        assert_eq!(back.ranges, analysis.ranges);
        back
    }

    fn context(pairs: &[(&str, &str)]) -> Context {
        let mut context = Context::default();
        for (key, value) in pairs {
            context.set(key, value).expect("valid");
        }
        context
    }

    #[test]
    fn the_ranges_the_pictures_draw_cross_too() {
        // The Terraform VNet and subnet of the paste, and the context's avoided range: the page
        // keeps no model, so these are what the address-space picture has.
        let text = "resource \"azurerm_virtual_network\" \"net\" {\n  address_space = [\"10.20.0.0/16\"]\n}\n\
                    resource \"azurerm_subnet\" \"nodes\" {\n  address_prefixes = [\"10.20.1.0/24\"]\n}\n\
                    resource \"azurerm_kubernetes_cluster\" \"aks\" {\n  network_profile {\n    network_plugin = \"kubenet\"\n    pod_cidr = \"10.244.0.0/16\"\n  }\n}\n";
        let analysis = analyse(text, &context(&[("avoid", "192.168.0.0/16")]));
        let back = round_trip(&analysis);
        assert_eq!(
            back.ranges,
            [
                OtherRange::Vnet("10.20.0.0/16".parse().expect("cidr")),
                OtherRange::Subnet("10.20.1.0/24".parse().expect("cidr")),
                OtherRange::Avoid("192.168.0.0/16".parse().expect("cidr")),
            ]
        );
    }

    #[test]
    fn every_example_crosses_whole() {
        for example in crate::examples::EXAMPLES {
            let mut input = crate::state::ContextInput::default();
            for (key, value) in example.context {
                input.set(key, value);
            }
            let analysis = analyse(example.text, &input.core_context().expect("valid"));
            round_trip(&analysis);
        }
    }

    #[test]
    fn secrets_cross_and_restore_the_users_values() {
        let text = "db:\n  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n  key: |\n    -----BEGIN PRIVATE KEY-----\n    MIIBVwIBADANBgkqhkiG9w0BAQEFAASCAUEwggE9AgEAAkEAfakefakefake\n    -----END PRIVATE KEY-----\n";
        let analysis = analyse(text, &Context::default());
        assert!(analysis.redacted.distinct_secrets() >= 1);
        let back = round_trip(&analysis);
        assert_eq!(back.redacted.restore(&back.report.text), text);
    }

    #[test]
    fn input_errors_capacity_mtu_diffs_and_node_ranges_cross() {
        let cases = [
            ("{\"Network\": \"10.244.0.0/16\",}", vec![]),
            ("kind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n  net-conf.json: |\n    {\"Network\": 1}x\n", vec![]),
            ("[1, 2]", vec![]),
            ("resource \"azurerm_kubernetes_cluster\" \"x\" {\n  name = \n", vec![]),
            ("{\"Network\": \"10.244.0.0/16\", \"Backend\": {\"Type\": \"vxlan\", \"MTU\": 9001}}", vec![("nodes", "300"), ("underlay-mtu", "1500")]),
            ("$ kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name} {.spec.podCIDR}{\"\\n\"}{end}'\nnode-1 10.244.0.0/24\nnode-2 10.99.1.0/24\n---\n{\"Network\": \"10.244.0.0/16\"}\n", vec![]),
            ("az aks create -g rg -n aks --network-plugin kubenet --pod-cidr fd00::/64 --node-count 3\n", vec![]),
        ];
        let reports: Vec<Analysis> = cases
            .into_iter()
            .map(|(text, pairs)| round_trip(&analyse(text, &context(&pairs))))
            .collect();
        let any = |has: fn(&Report) -> bool| reports.iter().any(|a| has(&a.report));
        assert!(any(|r| matches!(
            r.input_error.as_ref().map(|e| &e.kind),
            Some(InputErrorKind::HclSyntax { .. })
        )));
        assert!(any(|r| r.input_error.is_some() && r.findings.is_empty()));
        assert!(any(|r| r.capacity.is_some() && r.mtu.is_some()));
        assert!(any(|r| r
            .diff
            .as_ref()
            .is_some_and(|d| !d.hunks.is_empty())));
        assert!(any(|r| r.node_ranges.len() == 2));
    }

    #[test]
    fn numbers_cross_whole() {
        for number in [0, 1, 127, 128, u128::from(u64::MAX), u128::MAX, 1 << 100] {
            let mut out = Vec::new();
            number.put(&mut out);
            assert_eq!(u128::take(&mut Reader::new(&out)), number);
        }
        let mut out = Vec::new();
        u64::MAX.put(&mut out);
        let mut input = Reader::new(&out);
        u32::take(&mut input);
        assert!(input.failed, "too large for a u32");
    }

    #[test]
    fn static_strings_are_read_once() {
        let mut out = Vec::new();
        "flannel-configmap".put(&mut out);
        "flannel-configmap".put(&mut out);
        let mut input = Reader::new(&out);
        let first = <&'static str>::take(&mut input);
        let second = <&'static str>::take(&mut input);
        assert!(!input.failed);
        assert!(std::ptr::eq(first, second));
    }

    #[test]
    fn bytes_that_are_not_an_analysis_give_none() {
        let analysis = analyse(
            "{\"Network\": \"10.244.0.0/16\"}",
            &context(&[("nodes", "300")]),
        );
        let bytes = encode(&analysis);
        assert!(decode(&bytes[..bytes.len() - 1]).is_none(), "cut short");
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none(), "bytes left over");
        assert!(decode(&[0xff; 40]).is_none(), "a number past 128 bits");
        assert!(decode(&[]).is_none());
        // Every prefix and every one-byte change reads as something or nothing, never a panic.
        for cut in 0..bytes.len().min(600) {
            let _ = decode(&bytes[..cut]);
            let mut changed = bytes.clone();
            changed[cut] ^= 0x5a;
            let _ = decode(&changed);
        }
    }

    #[test]
    fn enums_cross_by_their_declared_index() {
        for kind in DocumentKind::ALL {
            let mut out = Vec::new();
            kind.put(&mut out);
            assert_eq!(DocumentKind::take(&mut Reader::new(&out)), kind);
        }
        for (index, severity) in [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .enumerate()
        {
            assert_eq!(severity as usize, index);
        }
        // Rules cross as one byte: their index in `ALL`, which is their declaration order.
        assert!(RuleId::ALL.len() <= 256);
        for (index, &rule) in RuleId::ALL.iter().enumerate() {
            assert_eq!(rule as usize, index);
            let mut out = Vec::new();
            rule.put(&mut out);
            assert_eq!(RuleId::take(&mut Reader::new(&out)), rule);
        }
    }
}
