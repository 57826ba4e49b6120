//! The knowledge base's server functions: thin adapters from the pages to the core's
//! catalogue service.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use tuki::views::catalogue::{ArticleData, CatalogueData};

/// The categories and either the most helpful articles (`category` = `None`) or the
/// documents of one category. `Ok(None)` when the category does not exist.
#[server]
pub async fn catalogue(locale: String, category: Option<String>) -> Result<Option<CatalogueData>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    found(portal()?.catalogue().listing(&caller(), locale, category.as_deref()).await)
}

/// An article or solved case in `locale` (or another language when it has no such
/// translation); records the click when the customer came from a logged search, or the
/// opening when it was suggested in a form (`via` = `form/draft/step`).
#[server]
pub async fn article_page(
    locale: String,
    kind: String,
    slug: String,
    from_search: Option<i64>,
    via: Option<String>,
) -> Result<Option<ArticleData>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    let kind: tuki::content::DocKind = kind.parse().map_err(|_| ServerFnError::new("error-not-found"))?;
    let catalogue = portal()?;
    found(catalogue.catalogue().document_page(&caller(), locale, kind, &slug, from_search, via.as_deref()).await)
}
