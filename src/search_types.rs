//! What a search returns: shared by the server and the browser (always compiled).

use crate::Locale;
use crate::content::DocKind;

/// One result.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchHit {
    /// Article or solved case.
    pub kind: DocKind,
    /// The document's slug.
    pub slug: String,
    /// The language of this text (may differ from the customer's).
    pub locale: Locale,
    /// The title.
    pub title: String,
    /// A passage with the matching words in `<mark>`; HTML-escaped otherwise.
    pub snippet: String,
    /// The category slug.
    pub category: String,
    /// Relevance score (higher is better; comparable only within one search).
    pub score: f32,
}

/// The results of one search.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchResults {
    /// Matching translations in the customer's language, or all languages when that
    /// language found few.
    pub total: usize,
    /// The requested page of hits: the customer's language first, then others.
    pub hits: Vec<SearchHit>,
}

/// Longest query accepted, in characters: the search box's `maxlength`, the API's limit.
pub const MAX_QUERY_CHARS: usize = 200;

/// What is wrong with a query ([`SearchText::parse`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SearchTextError {
    /// Nothing but spaces.
    #[error("the query is empty")]
    Empty,
    /// Longer than [`MAX_QUERY_CHARS`].
    #[error("the query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
}

/// A query as the customer typed it, at most [`MAX_QUERY_CHARS`] long and never only spaces:
/// the one place the limit is checked and the text normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchText(String);

impl SearchText {
    /// A query given exactly (the JSON API): trimmed; empty or too long is an error.
    pub fn parse(raw: &str) -> Result<SearchText, SearchTextError> {
        let text = raw.trim();
        if text.is_empty() {
            Err(SearchTextError::Empty)
        } else if text.chars().count() > MAX_QUERY_CHARS {
            Err(SearchTextError::TooLong)
        } else {
            Ok(SearchText(text.to_owned()))
        }
    }

    /// A query from the search box (the results page): trimmed and cut at the limit; `None`
    /// when nothing is left.
    pub fn from_box(raw: &str) -> Option<SearchText> {
        let text: String = raw.trim().chars().take(MAX_QUERY_CHARS).collect();
        (!text.is_empty()).then_some(SearchText(text))
    }

    /// What is being typed (suggestions as you type): cut at the limit but not trimmed, since a
    /// trailing space says the last word is complete; `None` below two characters.
    pub fn partial(raw: &str) -> Option<SearchText> {
        let text: String = raw.chars().take(MAX_QUERY_CHARS).collect();
        (text.trim().chars().count() >= 2).then_some(SearchText(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text for the search log: lowercase words joined by single spaces.
    pub fn logged(&self) -> String {
        normalise(&self.0).trim_end().chars().take(MAX_QUERY_CHARS).collect()
    }
}

impl From<SearchText> for String {
    fn from(text: SearchText) -> String {
        text.0
    }
}

/// A text's words in lowercase, joined by single spaces, with one trailing space kept when
/// the text ended in one (a finished last word): how queries are compared, cached and logged.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if !out.is_empty() && text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_an_error_for_the_api_and_a_cut_for_the_search_box() {
        assert_eq!(SearchText::parse("  "), Err(SearchTextError::Empty));
        assert_eq!(SearchText::parse(&"ä".repeat(201)), Err(SearchTextError::TooLong));
        assert_eq!(SearchText::parse(&format!(" {} ", "ä".repeat(200))).map(|t| t.as_str().chars().count()), Ok(200));
        assert_eq!(SearchText::from_box(&"x".repeat(300)).map(|t| t.as_str().len()), Some(200));
        assert_eq!(SearchText::from_box(" \t"), None);
        assert_eq!(SearchText::partial("k"), None);
        assert_eq!(SearchText::partial("ko ").map(|t| t.as_str().to_owned()).as_deref(), Some("ko "));
    }

    #[test]
    fn queries_are_logged_in_lowercase_with_single_spaces() {
        let text = SearchText::parse("  Kortti   HUKASSA ").expect("query");
        assert_eq!(text.logged(), "kortti hukassa");
        assert_eq!(normalise("Kortti  huk "), "kortti huk ");
    }
}
