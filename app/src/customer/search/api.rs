//! The search's server functions: the results page and the suggestions as you type.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use tuki::search_types::SearchHit;
use tuki::views::search::SearchPageData;

/// Searches for the results page and logs the search anonymously.
#[server]
pub async fn search_page(
    locale: String,
    q: String,
    category: Option<String>,
    kind: Option<String>,
    page: usize,
) -> Result<SearchPageData, ServerFnError> {
    use crate::shared::server::*;
    use tuki::services::search::PageQuery;
    let locale = parse_locale(&locale)?;
    let query = PageQuery { q, category, kind, page };
    portal()?.searching().results_page(&caller(), locale, &query).await.map_err(fail)
}

/// The first five hits for what the customer is typing (not logged: partial queries).
#[server]
pub async fn suggest(locale: String, q: String) -> Result<Vec<SearchHit>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    portal()?.searching().suggestions(&caller(), locale, &q).await.map_err(fail)
}

/// This module's server functions that search: the server counts each call against the
/// client's search budget ([`crate::customer::search_cost`]).
#[cfg(feature = "ssr")]
pub const SEARCHING: [&str; 2] =
    [<SearchPage as leptos::server_fn::ServerFn>::PATH, <Suggest as leptos::server_fn::ServerFn>::PATH];
