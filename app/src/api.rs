//! Server functions: the thin adapters between pages and the core's `Portal`.
//! Each one validates its input, calls one service, and maps errors to a stable code the page
//! translates (`error-search-unavailable`, …).

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tuki::Locale;
use tuki::content::DocKind;
use tuki::search_types::SearchResults;

/// Hits per results page.
pub const PER_PAGE: usize = 10;

/// A category as a page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryView {
    /// Slug, for URLs and filters.
    pub slug: String,
    /// Name in the page's locale.
    pub name: String,
    /// Published documents in it.
    pub documents: usize,
}

/// A link to a document in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentLink {
    /// Article or solved case.
    pub kind: DocKind,
    /// Slug.
    pub slug: String,
    /// Title in `locale`.
    pub title: String,
    /// The language of the title: the page's, or another when no translation exists.
    pub locale: Locale,
    /// Summary, if any.
    pub summary: Option<String>,
}

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

/// What the article (or solved case) page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleData {
    /// Article or solved case.
    pub kind: DocKind,
    /// Slug.
    pub slug: String,
    /// The language of the text shown (the page's, or another when there is no translation).
    pub locale: Locale,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// The body as sanitised HTML.
    pub html: String,
    /// Tags.
    pub tags: Vec<String>,
    /// The category.
    pub category: CategoryView,
    /// Every locale the document is written in.
    pub locales: Vec<Locale>,
    /// Other documents of the same category.
    pub related: Vec<DocumentLink>,
}

/// What the home page and category pages need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    /// Every category.
    pub categories: Vec<CategoryView>,
    /// The listed documents: the most helpful articles, or a category's documents.
    pub documents: Vec<DocumentLink>,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use tuki::Portal;
    use tuki::content::{Document, Slug, Status};
    use tuki::store::Store;

    pub fn portal() -> Result<Portal, ServerFnError> {
        use_context::<Portal>().ok_or_else(|| ServerFnError::new("error-unavailable"))
    }

    pub fn fail(code: &'static str, error: impl std::fmt::Display) -> ServerFnError {
        tracing::error!(%error, code, "server function failed");
        ServerFnError::new(code)
    }

    pub fn parse_locale(code: &str) -> Result<Locale, ServerFnError> {
        code.parse().map_err(|_| ServerFnError::new("error-invalid-locale"))
    }

    /// Every category with its name in `locale` and its number of published documents,
    /// sorted by name: two small queries, never the documents themselves.
    pub async fn category_views(store: &Store, locale: Locale) -> Result<Vec<CategoryView>, ServerFnError> {
        let categories = store.categories().await.map_err(|e| fail("error-unavailable", e))?;
        let counts = store.published_counts_by_category().await.map_err(|e| fail("error-unavailable", e))?;
        let mut views: Vec<CategoryView> = categories
            .iter()
            .map(|c| CategoryView {
                slug: c.slug.to_string(),
                name: c.name(locale).to_owned(),
                documents: counts.get(c.slug.as_str()).map_or(0, |n| usize::try_from(*n).unwrap_or(0)),
            })
            .collect();
        views.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(views)
    }

    /// Links to the published documents of `category` in `locale`, except `except`.
    pub async fn category_links(
        store: &Store,
        category: &Slug,
        locale: Locale,
        except: Option<(DocKind, &Slug)>,
    ) -> Result<Vec<DocumentLink>, ServerFnError> {
        let documents = store.documents_in_category(category).await.map_err(|e| fail("error-unavailable", e))?;
        Ok(documents
            .iter()
            .filter(|d| d.status == Status::Published && except != Some((d.kind, &d.slug)))
            .filter_map(|d| link(d, locale))
            .collect())
    }

    /// The document's text in `locale`, else Finnish, else any.
    pub fn link(doc: &Document, locale: Locale) -> Option<DocumentLink> {
        let (shown, t) = doc
            .translations
            .get_key_value(&locale)
            .or_else(|| doc.translations.get_key_value(&Locale::Fi))
            .or_else(|| doc.translations.iter().next())?;
        Some(DocumentLink {
            kind: doc.kind,
            slug: doc.slug.to_string(),
            title: t.title.clone(),
            locale: *shown,
            summary: t.summary.clone(),
        })
    }

    pub fn parse_slug(text: &str) -> Result<Slug, ServerFnError> {
        Slug::parse(text).map_err(|_| ServerFnError::new("error-not-found"))
    }
}

/// Searches for the results page and logs the search anonymously.
#[server]
pub async fn search_page(
    locale: String,
    q: String,
    category: Option<String>,
    kind: Option<String>,
    page: usize,
) -> Result<SearchPageData, ServerFnError> {
    use server::*;
    use tuki::search::SearchRequest;
    let locale = parse_locale(&locale)?;
    let portal = portal()?;
    let store = portal.store();
    let categories = category_views(store, locale).await?;
    let q = q.trim().chars().take(200).collect::<String>();
    if q.is_empty() {
        return Ok(SearchPageData { results: SearchResults::default(), categories, took_ms: 0, search_id: None });
    }
    let category = category.filter(|c| !c.is_empty()).and_then(|c| tuki::content::Slug::parse(&c).ok());
    let kind = kind.and_then(|k| k.parse::<DocKind>().ok());
    let page = page.clamp(1, 100);
    let started = std::time::Instant::now();
    let request =
        SearchRequest { text: q.clone(), locale, limit: PER_PAGE, offset: (page - 1) * PER_PAGE, category, kind };
    let results = portal.search(request).await.map_err(|e| fail("error-search-unavailable", e))?;
    let took_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let search_id = if page == 1 { store.log_search(&q, locale, results.total).await.ok() } else { None };
    Ok(SearchPageData { results, categories, took_ms, search_id })
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
    use server::*;
    use tuki::content::Status;
    use tuki::content::markdown::to_html;
    let locale = parse_locale(&locale)?;
    let kind: DocKind = kind.parse().map_err(|_| ServerFnError::new("error-not-found"))?;
    let Ok(slug) = parse_slug(&slug) else { return Ok(None) };
    let portal = portal()?;
    let store = portal.store();
    let Some(doc) = store.document(kind, &slug).await.map_err(|e| fail("error-unavailable", e))? else {
        return Ok(None);
    };
    if doc.status != Status::Published {
        return Ok(None);
    }
    if let Some(id) = from_search {
        let _ = store.log_click(id, kind, slug.as_str()).await;
    }
    if let Some((form, rest)) = via.as_deref().and_then(|v| v.split_once('/')) {
        let (draft, step) = rest.split_once('/').map_or((rest, None), |(d, s)| (d, Some(s)));
        if let Ok(form) = parse_slug(form) {
            // Only an opening worth counting is recorded; a bad or stale link still shows the page.
            let document = format!("{}/{}", kind.code(), slug.as_str());
            let _ = portal.open_suggestion(&form, draft, &document, step).await;
        }
    }
    let Some(shown) = link(&doc, locale) else { return Ok(None) };
    let Some(t) = doc.translations.get(&shown.locale) else { return Ok(None) };
    let category = category_views(store, locale)
        .await?
        .into_iter()
        .find(|c| c.slug == doc.category.as_str())
        .unwrap_or(CategoryView { slug: doc.category.to_string(), name: doc.category.to_string(), documents: 0 });
    let mut related = category_links(store, &doc.category, locale, Some((kind, &slug))).await?;
    related.truncate(5);
    Ok(Some(ArticleData {
        kind,
        slug: slug.to_string(),
        locale: shown.locale,
        title: t.title.clone(),
        summary: t.summary.clone(),
        html: to_html(&t.body),
        tags: t.tags.clone(),
        category,
        locales: doc.translations.keys().copied().collect(),
        related,
    }))
}

/// The categories and either the most helpful articles (`category` = `None`) or the
/// documents of one category. `Ok(None)` when the category does not exist.
#[server]
pub async fn catalogue(locale: String, category: Option<String>) -> Result<Option<CatalogueData>, ServerFnError> {
    use server::*;
    let locale = parse_locale(&locale)?;
    let portal = portal()?;
    let store = portal.store();
    let views = category_views(store, locale).await?;
    let listed: Vec<DocumentLink> = match category {
        Some(category) => {
            let Some(slug) =
                views.iter().find(|c| c.slug == category).and_then(|c| tuki::content::Slug::parse(&c.slug).ok())
            else {
                return Ok(None);
            };
            let mut links = category_links(store, &slug, locale, None).await?;
            links.sort_by(|a, b| (a.kind, &a.title).cmp(&(b.kind, &b.title)));
            links
        }
        None => {
            let mut links = Vec::new();
            for slug in store.most_helpful(6).await.map_err(|e| fail("error-unavailable", e))? {
                let Ok(slug) = tuki::content::Slug::parse(&slug) else { continue };
                let doc = store.document(DocKind::Article, &slug).await.map_err(|e| fail("error-unavailable", e))?;
                links.extend(doc.as_ref().and_then(|d| link(d, locale)));
            }
            links
        }
    };
    Ok(Some(CatalogueData { categories: views, documents: listed }))
}

/// The first five hits for what the customer is typing (not logged: partial queries).
#[server]
pub async fn suggest(locale: String, q: String) -> Result<Vec<tuki::search_types::SearchHit>, ServerFnError> {
    use server::*;
    use tuki::search::SearchRequest;
    let locale = parse_locale(&locale)?;
    let q: String = q.chars().take(200).collect();
    if q.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let request = SearchRequest { text: q, locale, limit: 5, offset: 0, category: None, kind: None };
    let results = portal()?.search(request).await.map_err(|e| fail("error-search-unavailable", e))?;
    Ok(results.hits)
}
