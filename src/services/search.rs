//! Searching as customers do: the results page (logged anonymously), suggestions as they type
//! (not logged: partial words), and the JSON API's search. The query's limit and normalisation
//! are [`SearchText`]'s.

use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::{DocKind, Slug};
use crate::search::SearchRequest;
use crate::search_types::{SearchHit, SearchResults, SearchText};
use crate::views::search::{PER_PAGE, SearchPageData};

/// Suggestions shown under the search box.
const SUGGESTIONS: usize = 5;
/// The last results page that can be asked for.
const LAST_PAGE: usize = 100;

/// The search service ([`Portal::searching`]).
#[derive(Clone, Copy, Debug)]
pub struct Search<'a> {
    portal: &'a Portal,
}

/// A search from the results page, as its address gives it (unchecked).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// What was typed in the box.
    pub q: String,
    /// Only this category (its slug); ignored when it is not one.
    pub category: Option<String>,
    /// Only this kind (`article`, `case`); ignored when it is neither.
    pub kind: Option<String>,
    /// The results page, from 1 (clamped to 1–100).
    pub page: usize,
}

impl Portal {
    /// The search service.
    pub fn searching(&self) -> Search<'_> {
        Search { portal: self }
    }
}

impl Search<'_> {
    /// The results page: the categories for the filter and, when something was typed, one page
    /// of hits. The first page's search is logged (anonymously) so opened hits can be counted.
    pub async fn results_page(
        &self,
        caller: &Caller,
        locale: Locale,
        query: &PageQuery,
    ) -> Result<SearchPageData, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let categories = self.portal.catalogue().categories(caller, locale).await?;
        let Some(text) = SearchText::from_box(&query.q) else {
            return Ok(SearchPageData { results: SearchResults::default(), categories, took_ms: 0, search_id: None });
        };
        let category = query.category.as_deref().filter(|c| !c.is_empty()).and_then(|c| Slug::parse(c).ok());
        let kind = query.kind.as_deref().and_then(|k| k.parse::<DocKind>().ok());
        let page = query.page.clamp(1, LAST_PAGE);
        let started = std::time::Instant::now();
        let request = SearchRequest {
            text: text.as_str().to_owned(),
            locale,
            limit: PER_PAGE,
            offset: (page - 1) * PER_PAGE,
            category,
            kind,
        };
        let results = self.portal.search(request).await.map_err(ServiceError::Search)?;
        let took_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let search_id =
            if page == 1 { self.portal.store().log_search(&text, locale, results.total).await.ok() } else { None };
        Ok(SearchPageData { results, categories, took_ms, search_id })
    }

    /// The first hits for what the customer is typing; nothing below two characters.
    pub async fn suggestions(
        &self,
        caller: &Caller,
        locale: Locale,
        typed: &str,
    ) -> Result<Vec<SearchHit>, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        let Some(text) = SearchText::partial(typed) else { return Ok(Vec::new()) };
        let request =
            SearchRequest { text: text.into(), locale, limit: SUGGESTIONS, offset: 0, category: None, kind: None };
        Ok(self.portal.search(request).await.map_err(ServiceError::Search)?.hits)
    }

    /// A search of the JSON API, its parameters already checked.
    pub async fn api(&self, caller: &Caller, request: SearchRequest) -> Result<SearchResults, ServiceError> {
        caller.require(Right::ReadKnowledgeBase)?;
        self.portal.search(request).await.map_err(ServiceError::Search)
    }
}
