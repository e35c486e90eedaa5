//! `Shared<T>`: a reference-counted value that compares by identity.
//!
//! The page hands one analysis to every panel. `Rc`'s own `PartialEq` compares the values (a
//! whole `Report`: texts, findings, the model) whenever yew asks whether a panel's props changed,
//! and its comparison code for every type inside the report ships in the wasm. A new analysis is
//! a new `Shared`, so comparing the pointers answers "did it change?" exactly as well, at no cost.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An `Rc<T>` whose equality is identity.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_itself_and_its_clones() {
        let one = Shared::new(String::from("report"));
        let same_text = Shared::new(String::from("report"));
        assert_eq!(one, one.clone());
        assert_ne!(one, same_text);
        assert_eq!(*one, *same_text);
    }
}
