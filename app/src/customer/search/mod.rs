//! Search: the header's search box with suggestions as you type, and the results page.

pub mod api;
mod page;
mod search_box;

pub use page::SearchPage;
pub use search_box::SearchForm;

/// True when the request searches: the results page with a query (`GET /{lang}/search?q=…`),
/// or one of this area's searching server functions.
#[cfg(feature = "ssr")]
pub(crate) fn runs_search(method: &http::Method, uri: &http::Uri) -> bool {
    let path = uri.path();
    if method == http::Method::POST {
        return api::SEARCHING.contains(&path);
    }
    let mut segments = path.trim_matches('/').split('/');
    let results_page = method == http::Method::GET
        && segments.next().is_some_and(|lang| lang.parse::<tuki::Locale>().is_ok())
        && segments.next() == Some("search")
        && segments.next().is_none();
    results_page
        && uri.query().is_some_and(|q| q.split('&').any(|pair| pair.strip_prefix("q=").is_some_and(|v| !v.is_empty())))
}
