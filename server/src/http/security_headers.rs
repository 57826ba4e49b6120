//! The policy headers of every response: a Content-Security-Policy with a fresh nonce per
//! response on every HTML page, HSTS when the portal is served over https, and the
//! `Cache-Control: no-store` of pages that hold personal data or a secret in their URL.
//!
//! The nonce is made here, before the router, and put into the request's extensions; the
//! Leptos context (see [`super::routes`]) hands the same nonce to the renderer, which writes it
//! on the hydration and resource scripts. A script injected into a page cannot know it.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;

/// `Strict-Transport-Security` for a portal served over https: a year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The Content-Security-Policy of an HTML page whose scripts carry `nonce`.
///
/// Scripts run only with the nonce (`'strict-dynamic'` lets them load the wasm bundle's module
/// and `'wasm-unsafe-eval'` compile it); no plugins, no `<base>`, no framing, forms post only to
/// the portal itself; everything else (styles, images, server-function calls) from the
/// portal's own origin.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}

/// Middleware: a nonce for the page about to be rendered, and the policy that names it on
/// every HTML response (Leptos pages, the translated error pages, static HTML files).
pub async fn content_security(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let private = is_private_page(request.method(), request.uri().path());
    let mut response = next.run(request).await;
    if super::middleware::content_type_is(&response, "text/html")
        && let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce))
    {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if private {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// True for the pages no cache may keep: a ticket's status page (its token is in the URL),
/// and a guided form's draft pages (answers, contact details).
fn is_private_page(method: &Method, path: &str) -> bool {
    if method != Method::GET && method != Method::HEAD && method != Method::POST {
        return false;
    }
    let mut segments = path.trim_matches('/').split('/');
    let _lang = segments.next();
    match (segments.next(), segments.next(), segments.next()) {
        (Some("tickets"), Some(_), None) => true,
        // `/{lang}/help/{form}/{draft}/…`: every page of a started draft.
        (Some("help"), Some(_), Some(_)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_scripts_with_the_nonce_and_names_every_directive_the_bank_asks_for() {
        let policy = content_security_policy("abc");
        for directive in [
            "script-src 'nonce-abc' 'strict-dynamic'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ] {
            assert!(policy.contains(directive), "{directive} missing from {policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{policy}");
    }

    #[test]
    fn status_and_draft_pages_are_private_and_the_catalogue_is_not() {
        assert!(is_private_page(&Method::GET, "/fi/tickets/TK-2026-000001"));
        assert!(is_private_page(&Method::GET, "/sv/help/lost-card/abc/contact"));
        assert!(is_private_page(&Method::POST, "/en/help/lost-card/abc/step-1"));
        assert!(!is_private_page(&Method::GET, "/fi/help/lost-card"));
        assert!(!is_private_page(&Method::GET, "/fi/help"));
        assert!(!is_private_page(&Method::GET, "/fi/articles/password"));
    }
}
