//! One module per page.

mod article;
mod category;
mod form_step;
mod help;
mod home;
mod not_found;
mod search;
mod ticket_status;
mod vote;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use form_step::{CheckPage, DonePage, SolvedPage, StepPage};
pub use help::{FormIntroPage, HelpPage, help_href};
pub use home::HomePage;
pub use not_found::NotFound;
pub use search::SearchPage;
pub use ticket_status::TicketStatusPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tuki::Locale;
use tuki::content::DocKind;

/// The `:lang` segment of the current route, when it names a locale.
pub(crate) fn route_locale() -> Memo<Option<Locale>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("lang").and_then(|lang| lang.parse().ok())))
}

/// The address of a document's page in `locale`.
pub fn document_href(locale: Locale, kind: DocKind, slug: &str) -> String {
    let folder = match kind {
        DocKind::Article => "articles",
        DocKind::Case => "cases",
    };
    format!("/{}/{folder}/{slug}", locale.code())
}

/// Percent-encodes one path segment: letters, digits and `-_.~` stay, everything else
/// (`/`, `?`, `#`, spaces, control characters) becomes `%XX`. An address built from a segment a
/// stranger typed is then always a valid `Location` header.
pub fn encode_path_segment(segment: &str) -> String {
    encode_query_value(segment).replace('+', "%20")
}

/// Percent-encodes a query-string value.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("lösenord & kort"), "l%C3%B6senord+%26+kort");
    }

    #[test]
    fn path_segments_keep_identifiers_and_encode_separators_spaces_and_control_characters() {
        use super::encode_path_segment;
        assert_eq!(encode_path_segment("lost-card_2"), "lost-card_2");
        assert_eq!(encode_path_segment("x\ny/z?a b#"), "x%0Ay%2Fz%3Fa%20b%23");
    }
}
