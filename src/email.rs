//! An e-mail address, checked once where it enters ([`Email::parse`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An e-mail address as mail systems take it: one `@`, a dotted domain, no spaces, at most
/// 254 characters. Kept as typed (trimmed); compared as typed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Reads an address (surrounding spaces ignored); `None` when it is not one.
    pub fn parse(text: &str) -> Option<Email> {
        let value = text.trim();
        is_email(value).then(|| Email(value.to_owned()))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = String;

    fn try_from(text: String) -> Result<Email, String> {
        Email::parse(&text).ok_or_else(|| "not an e-mail address".to_owned())
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

/// True when `value` (as it is, not trimmed) is an e-mail address.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else { return false };
    value.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !local.contains('@')
        && !value.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';'))
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_checked() {
        assert_eq!(Email::parse("  maija@example.fi ").map(String::from).as_deref(), Some("maija@example.fi"));
        for bad in ["", "maija", "maija@example", "maija example@x.fi", "a@b@c.fi", "<a@b.fi>", "a@-b.fi"] {
            assert_eq!(Email::parse(bad), None, "{bad:?}");
        }
    }
}
