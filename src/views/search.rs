//! The search results page.

use super::catalogue::CategoryView;
use crate::search_types::SearchResults;
use serde::{Deserialize, Serialize};

/// Hits per results page.
pub const PER_PAGE: usize = 10;

/// What the search results page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchPageData {
    /// The results (empty when no query was given).
    pub results: SearchResults,
    /// Categories, for the filter.
    pub categories: Vec<CategoryView>,
    /// Milliseconds the search took.
    pub took_ms: u64,
    /// Id of the search log entry: result links carry it so an opened hit is recorded.
    pub search_id: Option<i64>,
}
