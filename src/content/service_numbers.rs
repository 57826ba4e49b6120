//! The bank's service numbers, which content names by placeholder instead of spelling them out:
//! `{card-blocking-phone}` in an article or a form's urgent notice becomes the 24-hour card
//! blocking number the portal was started with (`TUKI_CARD_BLOCKING_PHONE`), so a changed
//! number is changed once, in the configuration, and never stale in a translation.
//!
//! Placeholders are filled where content leaves the database for customers: the article pages,
//! the search index (so the number itself is searchable), and the forms' notices, where the
//! number is a `tel:` link a phone can call.

use crate::content::{Document, Translation};
use crate::views::help::NoticePart;
use std::fmt;

/// The placeholder of the 24-hour card blocking number.
pub const CARD_BLOCKING_PHONE: &str = "card-blocking-phone";

/// The placeholders content may use.
pub const KNOWN_PLACEHOLDERS: [&str; 1] = [CARD_BLOCKING_PHONE];

/// Most digits in a phone number (ITU-T E.164).
const MAX_DIGITS: usize = 15;
/// Fewest digits: Finnish service numbers are as short as `020 333`.
const MIN_DIGITS: usize = 3;

/// A phone number as people read it: digits grouped by spaces or hyphens, perhaps with a
/// leading `+` (`020 333`, `+358 20 333`); 3–15 digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber(String);

/// Why a text is not a phone number.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneNumberError {
    /// A character other than digits, spaces, hyphens and a leading `+`.
    #[error("a phone number has only digits, spaces, hyphens and a leading +: {0:?}")]
    Character(String),
    /// Too few or too many digits.
    #[error("a phone number has {MIN_DIGITS} to {MAX_DIGITS} digits: {0:?}")]
    Length(String),
}

impl PhoneNumber {
    /// Reads a number, its spaces collapsed to one between groups.
    pub fn parse(text: &str) -> Result<PhoneNumber, PhoneNumberError> {
        let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let rest = shown.strip_prefix('+').unwrap_or(&shown);
        if !rest.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-') {
            return Err(PhoneNumberError::Character(text.to_owned()));
        }
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits) || !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(PhoneNumberError::Length(text.to_owned()));
        }
        Ok(PhoneNumber(shown))
    }

    /// The number as written: `020 333`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number to dial, for a `tel:` link: `tel:020333`, `tel:+35820333`.
    pub fn tel_uri(&self) -> String {
        let dialled: String = self.0.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        format!("tel:{dialled}")
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The numbers placeholders stand for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceNumbers {
    /// The 24-hour card blocking service (`{card-blocking-phone}`).
    pub card_blocking: PhoneNumber,
}

impl Default for ServiceNumbers {
    /// The demo bank's numbers.
    fn default() -> ServiceNumbers {
        ServiceNumbers { card_blocking: PhoneNumber("020 333".to_owned()) }
    }
}

/// A piece of a text with placeholders: text as it is, or a placeholder's name.
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits `text` at its placeholders: `{name}` where the name is lowercase letters, digits and
/// hyphens. Other braces are text.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        match name_len {
            Some(len) if len > 0 && after[len..].starts_with('}') => {
                if open > 0 {
                    pieces.push(Piece::Text(&rest[..open]));
                }
                pieces.push(Piece::Placeholder(&after[..len]));
                rest = &after[len + 1..];
            }
            _ => {
                pieces.push(Piece::Text(&rest[..=open]));
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

/// The placeholders in `text` that are not known, each once, in order.
pub fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    for piece in pieces(text) {
        if let Piece::Placeholder(name) = piece
            && !KNOWN_PLACEHOLDERS.contains(&name)
            && !unknown.iter().any(|u| u == name)
        {
            unknown.push(name.to_owned());
        }
    }
    unknown
}

impl ServiceNumbers {
    /// The number a placeholder stands for.
    fn number(&self, name: &str) -> Option<&PhoneNumber> {
        (name == CARD_BLOCKING_PHONE).then_some(&self.card_blocking)
    }

    /// `text` with each known placeholder replaced by `write(number)`; unknown ones stay.
    fn replace(&self, text: &str, write: impl Fn(&PhoneNumber) -> String) -> String {
        pieces(text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => text.to_owned(),
                Piece::Placeholder(name) => self.number(name).map_or_else(|| format!("{{{name}}}"), &write),
            })
            .collect()
    }

    /// Plain text with the numbers written out.
    pub fn fill_text(&self, text: &str) -> String {
        self.replace(text, |n| n.as_str().to_owned())
    }

    /// Markdown with the numbers as `tel:` links.
    pub fn fill_markdown(&self, markdown: &str) -> String {
        self.replace(markdown, |n| format!("[{}]({})", n.as_str(), n.tel_uri()))
    }

    /// A notice's text in parts, for a page to show the numbers as links.
    pub fn notice(&self, text: &str) -> Vec<NoticePart> {
        pieces(text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => NoticePart::Text(text.to_owned()),
                Piece::Placeholder(name) => match self.number(name) {
                    Some(n) => NoticePart::Phone { shown: n.as_str().to_owned(), tel: n.tel_uri() },
                    None => NoticePart::Text(format!("{{{name}}}")),
                },
            })
            .collect()
    }

    /// The document as customers see it: every text of every translation filled.
    pub fn fill_document(&self, mut document: Document) -> Document {
        for text in document.translations.values_mut() {
            *text = self.fill_translation(text);
        }
        document
    }

    fn fill_translation(&self, text: &Translation) -> Translation {
        Translation {
            title: self.fill_text(&text.title),
            summary: text.summary.as_deref().map(|s| self.fill_text(s)),
            body: self.fill_markdown(&text.body),
            tags: text.tags.iter().map(|t| self.fill_text(t)).collect(),
            questions: text.questions.iter().map(|q| self.fill_text(q)).collect(),
        }
    }

    /// A short text that changes when a number does: the search index records the one it was
    /// filled with, and is rebuilt at start when the configuration differs.
    pub fn fingerprint(&self) -> String {
        format!("{CARD_BLOCKING_PHONE}={}\n", self.card_blocking)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(card_blocking: &str) -> ServiceNumbers {
        ServiceNumbers { card_blocking: PhoneNumber::parse(card_blocking).expect("number") }
    }

    #[test]
    fn phone_numbers_are_read_as_people_write_them_and_dialled_without_spaces() {
        let number = PhoneNumber::parse("  +358  20 333-0 ").expect("number");
        assert_eq!(number.as_str(), "+358 20 333-0");
        assert_eq!(number.tel_uri(), "tel:+358203330");
        assert_eq!(PhoneNumber::parse("020 333").map(|n| n.tel_uri()), Ok("tel:020333".to_owned()));
    }

    #[test]
    fn hostile_or_malformed_numbers_are_refused() {
        for bad in
            ["020<script>", "020 333\" onclick=\"x", "javascript:1", "12", "+", "1234567890123456", "-020", "0 2 0 )"]
        {
            assert!(PhoneNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn placeholders_become_the_configured_number_and_other_braces_stay_text() {
        let n = numbers("0800 123 456");
        assert_eq!(n.fill_text("Soita {card-blocking-phone} (24 h)."), "Soita 0800 123 456 (24 h).");
        assert_eq!(n.fill_markdown("Call {card-blocking-phone}."), "Call [0800 123 456](tel:0800123456).");
        assert_eq!(n.fill_text("{ not one } {Upper} {} {unknown-thing}"), "{ not one } {Upper} {} {unknown-thing}");
        assert_eq!(n.fill_text("{{card-blocking-phone}}"), "{0800 123 456}");
    }

    #[test]
    fn a_notice_keeps_the_number_apart_for_its_link() {
        let parts = numbers("020 333").notice("Ring {card-blocking-phone} genast.");
        assert_eq!(
            parts,
            vec![
                NoticePart::Text("Ring ".into()),
                NoticePart::Phone { shown: "020 333".into(), tel: "tel:020333".into() },
                NoticePart::Text(" genast.".into()),
            ]
        );
    }

    #[test]
    fn unknown_placeholders_are_listed_once_each() {
        assert_eq!(unknown_placeholders("{card-blocking-phone} {fax} {fax} {x-1}"), vec!["fax", "x-1"]);
        assert!(unknown_placeholders("Soita {card-blocking-phone}").is_empty());
    }

    #[test]
    fn the_fingerprint_changes_with_the_number() {
        assert_ne!(numbers("020 333").fingerprint(), numbers("020 334").fingerprint());
        assert_eq!(ServiceNumbers::default(), numbers("020 333"));
    }
}
