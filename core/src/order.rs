//! One stable sort for everything the crate orders by position (edits, findings, documents,
//! source-map pieces).
//!
//! Each `sort_by_key` call with its own closure makes the compiler emit a private copy of the
//! standard library's sort (several KB of wasm each). Sorting `(key, key, index)` triples instead
//! runs every caller through one copy of `sort_unstable`; the index as the last key keeps equal
//! keys in their original order, so the result is exactly that of a stable `sort_by_key`. The
//! key is called through `&dyn Fn`, so the rest is one copy per item type, not per closure.

use alloc::vec::Vec;

/// Sorts `items` by `key` (two positions, compared in order), keeping equal keys in their order.
pub fn sort_by_position<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    sort_by_dyn_key(items, &key);
}

/// The sort itself, one copy per item type: the key is called through a reference, so each
/// caller's closure does not make a copy of its own.
fn sort_by_dyn_key<T>(items: &mut Vec<T>, key: &dyn Fn(&T) -> (usize, usize)) {
    let mut keys: Vec<(usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (first, second) = key(item);
            (first, second, index)
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keys.iter().filter_map(|&(_, _, index)| slots[index].take()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use proptest::prelude::*;

    #[test]
    fn orders_by_both_keys_and_keeps_ties_in_order() {
        let mut items = vec![
            (3, 1, 'a'),
            (1, 2, 'b'),
            (3, 0, 'c'),
            (1, 2, 'd'),
            (0, 9, 'e'),
        ];
        sort_by_position(&mut items, |item| (item.0, item.1));
        let order: Vec<char> = items.iter().map(|item| item.2).collect();
        assert_eq!(order, vec!['e', 'b', 'd', 'c', 'a']);
    }

    proptest! {
        #[test]
        fn equals_the_standard_stable_sort(
            items in proptest::collection::vec((0usize..8, 0usize..4, any::<u16>()), 0..60)
        ) {
            let mut ours = items.clone();
            sort_by_position(&mut ours, |item| (item.0, item.1));
            let mut standard = items;
            standard.sort_by_key(|item| (item.0, item.1));
            prop_assert_eq!(ours, standard);
        }
    }
}
