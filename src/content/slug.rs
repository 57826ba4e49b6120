//! [`Slug`]: the identifier of categories and documents in URLs and in the bundle.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Lowercase ASCII letters and digits in words joined by single hyphens, 1–80 characters:
/// `reset-password`, `e-invoice-2`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

/// A string that cannot be a slug.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid slug {0:?}: use lowercase letters a–z, digits and single hyphens, at most 80 characters")]
pub struct SlugError(pub String);

impl Slug {
    /// Checks `value` and wraps it.
    pub fn parse(value: &str) -> Result<Slug, SlugError> {
        let valid = !value.is_empty()
            && value.len() <= 80
            && value
                .split('-')
                .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if valid { Ok(Slug(value.to_owned())) } else { Err(SlugError(value.to_owned())) }
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Slug::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        for good in ["a", "reset-password", "e-invoice-2", "vpn"] {
            assert!(Slug::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "Reset", "ä", "a b", "a_b", "../etc", &"x".repeat(81)] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}
