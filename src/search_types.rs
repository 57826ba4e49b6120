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
