//! Documents' pages as anonymous customers see them, kept rendered until the content changes.
//!
//! An article or a solved case looks the same to every customer who is not signed in and comes
//! without a query (`?from=` and `?via=` record where they came from, `?voted=` thanks them): such
//! a page is rendered once per content generation and then sent from memory. The page's scripts
//! carry the nonce of the response that rendered it; a page sent again carries this response's
//! nonce in its place, which the Content-Security-Policy header names (see
//! [`super::security_headers`]). Anything else, including a page that did not answer 200 with
//! HTML, is rendered as before.

use super::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use tuki::Locale;
use tuki::paths::SESSION_COOKIE;

/// Pages kept by default; when the cache is full it starts again (a page is a few tens of KB).
pub const DEFAULT_ENTRIES: usize = 1024;

/// Largest page kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;

/// Stands for the rendering response's nonce in a kept page.
const NONCE_MARK: &str = "\u{0}tuki-nonce\u{0}";

/// One rendered page and the content generation it shows.
struct KeptPage {
    generation: i64,
    headers: HeaderMap,
    html: String,
}

/// The kept pages, by path.
pub struct PageCache {
    capacity: usize,
    pages: Mutex<HashMap<String, KeptPage>>,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache").field("capacity", &self.capacity).finish_non_exhaustive()
    }
}

impl PageCache {
    /// A cache of at most `capacity` pages (0: off).
    pub fn new(capacity: usize) -> PageCache {
        PageCache { capacity, pages: Mutex::default() }
    }

    fn get(&self, path: &str, generation: i64, nonce: &str) -> Option<Response> {
        let pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        let page = pages.get(path).filter(|page| page.generation == generation)?;
        let mut response = Response::new(Body::from(page.html.replace(NONCE_MARK, nonce)));
        *response.headers_mut() = page.headers.clone();
        Some(response)
    }

    fn keep(&self, path: String, page: KeptPage) {
        let mut pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        if pages.len() >= self.capacity && !pages.contains_key(&path) {
            pages.clear();
        }
        pages.insert(path, page);
    }
}

/// The page's locale, for a request whose page is the same for every anonymous customer: a GET
/// of `/{lang}/articles/{slug}` or `/{lang}/cases/{slug}`, without a query or a staff session.
fn shared_page_locale(request: &Request) -> Option<Locale> {
    if request.method() != Method::GET || request.uri().query().is_some() {
        return None;
    }
    let signed_in = super::negotiate::cookie_value(request.headers(), SESSION_COOKIE).is_some_and(|v| !v.is_empty());
    let mut segments = request.uri().path().strip_prefix('/').unwrap_or_default().split('/');
    let shape = (segments.next(), segments.next(), segments.next(), segments.next());
    match shape {
        (Some(lang), Some("articles" | "cases"), Some(slug), None) if !signed_in && !slug.is_empty() => {
            lang.parse().ok()
        }
        _ => None,
    }
}

/// Middleware: sends a kept page, or renders the page and keeps it.
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let cache = &state.page_cache;
    let nonce = request.extensions().get::<Nonce>().map(|n| n.to_string());
    let (true, Some(locale), Some(nonce)) = (cache.capacity > 0, shared_page_locale(&request), nonce) else {
        return next.run(request).await;
    };
    // Read before rendering: a change meanwhile makes the page older than the next request.
    let Ok(generation) = state.portal.content_generation().await else { return next.run(request).await };
    let path = request.uri().path().to_owned();
    if let Some(page) = cache.get(&path, generation, &nonce) {
        return page;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || !super::middleware::content_type_is(&response, "text/html") {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        // Too large to keep (or broken): not worth a second render; the customer is told.
        return super::error_page::internal_error(locale, None);
    };
    if let Ok(html) = std::str::from_utf8(&bytes) {
        let mut headers = parts.headers.clone();
        headers.remove(header::SET_COOKIE);
        cache.keep(path, KeptPage { generation, headers, html: html.replace(&nonce, NONCE_MARK) });
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = axum::http::Request::builder().method(method).uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).expect("request")
    }

    #[test]
    fn only_documents_read_anonymously_without_a_query_are_shared() {
        assert_eq!(shared_page_locale(&request(Method::GET, "/fi/articles/lost-card", None)), Some(Locale::Fi));
        assert_eq!(shared_page_locale(&request(Method::GET, "/sv/cases/refund", Some("lang=sv"))), Some(Locale::Sv));
        for (method, uri, cookie) in [
            (Method::POST, "/fi/articles/lost-card", None),
            (Method::GET, "/fi/articles/lost-card?from=12", None),
            (Method::GET, "/fi/articles/lost-card?voted=1", None),
            (Method::GET, "/fi/articles/lost-card", Some("tuki_session=abc")),
            (Method::GET, "/xx/articles/lost-card", None),
            (Method::GET, "/fi/articles/", None),
            (Method::GET, "/fi/articles/lost-card/vote", None),
            (Method::GET, "/fi/search", None),
            (Method::GET, "/fi/", None),
            (Method::GET, "/fi/help/lost-card/abc/contact", None),
        ] {
            assert_eq!(shared_page_locale(&request(method.clone(), uri, cookie)), None, "{method} {uri} {cookie:?}");
        }
    }

    #[test]
    fn a_kept_page_carries_the_nonce_of_the_response_and_only_at_its_generation() {
        let cache = PageCache::new(2);
        let html = "<script nonce=\"N1\">x</script>".replace("N1", NONCE_MARK);
        cache.keep("/fi/articles/a".to_owned(), KeptPage { generation: 7, headers: HeaderMap::new(), html });
        assert!(cache.get("/fi/articles/a", 8, "N2").is_none(), "a later generation renders again");
        assert!(cache.get("/fi/articles/a", 7, "N2").is_some());
        for path in ["/fi/articles/b", "/fi/articles/c"] {
            cache.keep(path.to_owned(), KeptPage { generation: 7, headers: HeaderMap::new(), html: String::new() });
        }
        assert!(cache.pages.lock().expect("lock").len() <= 2, "bounded");
    }
}
