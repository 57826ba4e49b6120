//! Cross-site requests: a form post from another site is refused, and another site's address
//! never becomes a redirect target.
//!
//! Browsers say where a form post comes from: `Sec-Fetch-Site` (`same-origin`, `same-site`,
//! `cross-site`, or `none` for one the person started), and `Origin`. A post that
//! `Sec-Fetch-Site` calls anything but `same-origin` or `none`, or, from a browser without
//! it, whose `Origin` names another site or is `null`, answers the translated 403 and changes
//! nothing. `Sec-Fetch-Site` decides first because a page with `Referrer-Policy: no-referrer`
//! (the ticket status page) posts with `Origin: null`. Posts with neither header
//! (command-line clients, the tests) are not a browser's cross-site requests and pass.
//! leptos_axum answers a server function's plain form post by redirecting to its `Referer`;
//! a `Referer` of another site is dropped first, so that redirect can only stay on the portal.

use super::error_page::status_page;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use tuki::Locale;

/// The `scheme://host[:port]` part of an absolute URL, or `None`.
fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty() || rest.is_empty() {
        return None;
    }
    let end = rest.find(['/', '?', '#']).map_or(url.len(), |i| scheme.len() + 3 + i);
    Some(&url[..end])
}

/// True when `url` is on this portal: its origin is the public one (`base_url`) or names the
/// host the request was sent to.
fn is_ours(url: &str, headers: &HeaderMap, base_url: &str) -> bool {
    let Some(origin) = origin_of(url) else { return false };
    if origin_of(base_url).is_some_and(|ours| ours.eq_ignore_ascii_case(origin)) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let authority = origin.split_once("://").map(|(_, a)| a);
    matches!((host, authority), (Some(host), Some(authority)) if host.eq_ignore_ascii_case(authority))
}

/// True when the browser says the request comes from another site.
fn is_cross_site(headers: &HeaderMap, base_url: &str) -> bool {
    match headers.get("sec-fetch-site").map(|v| v.to_str().unwrap_or("cross-site")) {
        Some(site) => !matches!(site, "same-origin" | "none"),
        None => headers.get(header::ORIGIN).is_some_and(|o| !o.to_str().is_ok_and(|o| is_ours(o, headers, base_url))),
    }
}

/// Middleware: refuses cross-site posts, forgets other sites' `Referer`.
pub async fn guard(State(base_url): State<std::sync::Arc<str>>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let foreign_referer =
        headers.get(header::REFERER).is_some_and(|r| !r.to_str().is_ok_and(|r| is_ours(r, headers, &base_url)));
    let cross_site = request.method() == Method::POST && is_cross_site(headers, &base_url);
    if cross_site {
        let locale = Locale::split_path(request.uri().path()).map(|(l, _)| l).unwrap_or_default();
        tracing::warn!(path = %request.uri().path(), "cross-site post refused");
        return status_page(StatusCode::FORBIDDEN, locale, "error-cross-site");
    }
    if foreign_referer {
        request.headers_mut().remove(header::REFERER);
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn host(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn fetch_metadata_decides_before_the_origin_and_a_lone_null_origin_is_foreign() {
        let base = "https://tuki.bank.fi";
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut headers = host("tuki.bank.fi");
            for (name, value) in pairs {
                headers.insert(*name, HeaderValue::from_static(value));
            }
            is_cross_site(&headers, base)
        };
        assert!(!with(&[("sec-fetch-site", "same-origin"), ("origin", "null")]), "the status page's posts");
        assert!(!with(&[("sec-fetch-site", "none")]));
        assert!(with(&[("sec-fetch-site", "cross-site")]));
        assert!(with(&[("sec-fetch-site", "same-site"), ("origin", "https://www.bank.fi")]));
        assert!(with(&[("origin", "null")]));
        assert!(with(&[("origin", "https://evil.test")]));
        assert!(!with(&[("origin", "https://tuki.bank.fi")]));
        assert!(!with(&[]), "no browser");
    }

    #[test]
    fn the_origin_is_scheme_host_and_port_without_path_or_query() {
        assert_eq!(origin_of("https://tuki.bank.fi/fi/articles/x?y#z"), Some("https://tuki.bank.fi"));
        assert_eq!(origin_of("http://127.0.0.1:3000"), Some("http://127.0.0.1:3000"));
        assert_eq!(origin_of("null"), None);
        assert_eq!(origin_of("/fi/"), None);
    }

    #[test]
    fn the_public_address_and_the_requested_host_are_ours_and_lookalikes_are_not() {
        let base = "https://tuki.bank.fi";
        let headers = host("127.0.0.1:3000");
        assert!(is_ours("https://tuki.bank.fi/fi/", &headers, base));
        assert!(is_ours("http://127.0.0.1:3000/fi/articles/x", &headers, base));
        assert!(!is_ours("https://tuki.bank.fi.evil.test/", &headers, base));
        assert!(!is_ours("https://evil.test/?https://tuki.bank.fi", &headers, base));
        assert!(!is_ours("http://127.0.0.1:3001/", &headers, base));
        assert!(!is_ours("null", &headers, base));
    }
}
