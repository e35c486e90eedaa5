//! Minimal edits inside a JSON text: where and what to insert to add a member to an object, in
//! the object's own layout.

use alloc::format;
use alloc::string::String;

use crate::json::{Member, Node};

/// Where and what to insert to add `member` (`"Key": value`) as the last member of `object`,
/// matching the object's layout: on its own line with the same indentation when the members are
/// one per line, after `, ` otherwise.
pub fn insert_member(text: &str, object: &Node, member: &str) -> (usize, String) {
    match object.members().and_then(|members| members.last()) {
        Some(last) => insert_after(text, object, last, member),
        None => insert_first(text, object, member),
    }
}

/// Where and what to insert to add `member` right after `after`, a member of `object`.
/// Rules that add different keys use different anchors so that their fixes never clash.
pub fn insert_after(text: &str, object: &Node, after: &Member, member: &str) -> (usize, String) {
    (
        after.value.end,
        format!(",{}{member}", layout_gap(text, object)),
    )
}

/// Where and what to insert to add `member` as the first member of `object`.
pub fn insert_first(text: &str, object: &Node, member: &str) -> (usize, String) {
    let Some(first) = object.members().and_then(|members| members.first()) else {
        return (object.start + 1, String::from(member));
    };
    (
        first.key_start,
        format!("{member},{}", layout_gap(text, object)),
    )
}

/// The white space between members: a line break and the members' indentation when the object
/// has one member per line, a single space otherwise.
fn layout_gap(text: &str, object: &Node) -> String {
    let first = object.members().and_then(|members| members.first());
    let gap = first
        .and_then(|first| text.get(object.start + 1..first.key_start))
        .unwrap_or("");
    if gap.contains('\n') {
        format!("\n{}", gap.rsplit('\n').next().unwrap_or(""))
    } else {
        String::from(" ")
    }
}

/// The text of a JSON string holding `value` (no escaping needed for the values rules write).
pub fn quoted(value: &str) -> String {
    format!("\"{value}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn a_member_is_inserted_in_the_object_layout() {
        let pretty = "{\n  \"Network\": \"10.244.0.0/16\"\n}";
        let root = json::parse(pretty).expect("json");
        let (at, text) = insert_member(pretty, &root, "\"Backend\": {\"Type\": \"vxlan\"}");
        let mut fixed = String::from(pretty);
        fixed.insert_str(at, &text);
        assert_eq!(
            fixed,
            "{\n  \"Network\": \"10.244.0.0/16\",\n  \"Backend\": {\"Type\": \"vxlan\"}\n}"
        );
        let compact = "{\"Network\":\"10.0.0.0/8\"}";
        let root = json::parse(compact).expect("json");
        let (at, text) = insert_member(compact, &root, "\"A\": 1");
        assert_eq!((at, text.as_str()), (23, ", \"A\": 1"));
        let empty = json::parse("{}").expect("json");
        assert_eq!(
            insert_member("{}", &empty, "\"A\": 1"),
            (1, String::from("\"A\": 1"))
        );
    }
}
