//! The middleware around every route.

use super::error_page;
use super::negotiate::cookie_value;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;
use std::panic::AssertUnwindSafe;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;
use tuki::Locale;
use tuki::locale::LOCALE_COOKIE;

/// Largest request body accepted (forms and JSON); larger ones get 413.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps `router` in the portal's middleware, outermost first: request id, trace span,
/// Content-Security-Policy with a per-response nonce, panic guard (translated 500 page),
/// security headers, compression, body limit, `lang` cookie.
pub fn with_middleware(router: Router) -> Router {
    router.layer(middleware::from_fn(remember_locale)).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)).layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|request: &Request| {
                        let request_id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                        tracing::info_span!(
                            "request",
                            method = %request.method(),
                            path = %request.uri().path(),
                            request_id = %request_id,
                        )
                    })
                    .on_response(DefaultOnResponse::new().level(Level::INFO))
                    .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
            )
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(middleware::from_fn(super::security_headers::content_security))
            .layer(middleware::from_fn(internal_error_page))
            .layer(middleware::from_fn(translate_rejections))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
            .layer(compression()),
    )
}

/// Compression of what is made per request (pages, JSON): gzip at level 1, for clients that
/// accept it. Static files are sent as their precompressed copies instead (brotli 11, gzip 9,
/// made by the build), which this leaves alone. Measured on an article page (8 KB) and a
/// search results page (13 KB): brotli at its fastest levels costs 3–6 times the CPU of gzip 1
/// for 20–30 % fewer bytes, which on pages this small is not worth a request's time
/// (`tuki bench-pages`).
fn compression() -> CompressionLayer {
    CompressionLayer::new().no_br().no_deflate().no_zstd().quality(tower_http::CompressionLevel::Precise(1))
}

/// A handler that panics answers with the translated 500 page instead of a dropped
/// connection; the panic is logged with the request id, and the server keeps running.
async fn internal_error_page(request: Request, next: Next) -> Response {
    let locale = Locale::split_path(request.uri().path()).map(|(l, _)| l).unwrap_or_default();
    let request_id =
        request.extensions().get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).map(str::to_owned);
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            tracing::error!(panic = %message, "request handler panicked");
            error_page::internal_error(locale, request_id.as_deref())
        }
    }
}

/// The message for a request axum's extractors or limits refused before any handler ran, by
/// status; `None` for statuses the handlers answer themselves.
fn rejection_message(status: StatusCode) -> Option<&'static str> {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => Some("error-too-large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Some("error-unsupported-form"),
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => Some("error-bad-form"),
        StatusCode::METHOD_NOT_ALLOWED => Some("error-method-not-allowed"),
        _ => None,
    }
}

/// Rejections made by axum itself (a body over [`MAX_BODY_BYTES`], a post that is not a form,
/// a form that cannot be read, a wrong method) are plain English text; they become the
/// translated page, or the JSON error body under `/api/v1/`, with the same status.
async fn translate_rejections(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // Where the request went, decided before it is consumed: the JSON API, a server function
    // (which answers its own errors, as text the app reads), or a page in some language.
    let page_locale = match path {
        p if p.starts_with("/api/v1/") => None,
        p if p.starts_with("/api/") => return next.run(request).await,
        p => Some(Locale::split_path(p).map(|(l, _)| l).unwrap_or_default()),
    };
    let response = next.run(request).await;
    let is_plain_text = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    let Some(message) = rejection_message(response.status()).filter(|_| is_plain_text) else { return response };
    let status = response.status();
    let mut translated = match page_locale {
        None => super::api::ApiError::new(message, status, Locale::En).into_response(),
        Some(locale) => error_page::status_page(status, locale, message),
    };
    if let Some(allow) = response.headers().get(header::ALLOW) {
        translated.headers_mut().insert(header::ALLOW, allow.clone());
    }
    translated
}

/// True when `response`'s `Content-Type` begins with `prefix` (`text/html`, …).
pub(super) fn content_type_is(response: &Response, prefix: &str) -> bool {
    response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with(prefix))
}

/// Remembers the language of the last page the customer read in the `lang` cookie, which
/// the bare `/` uses to choose a language next time.
async fn remember_locale(request: Request, next: Next) -> Response {
    let is_page_view = request.method() == Method::GET;
    let locale = Locale::split_path(request.uri().path()).map(|(l, _)| l);
    let current = cookie_value(request.headers(), LOCALE_COOKIE);
    let mut response = next.run(request).await;
    let is_html = content_type_is(&response, "text/html");
    if let Some(locale) = locale.filter(|_| is_page_view && is_html && response.status().is_success())
        && current.as_deref() != Some(locale.code())
    {
        let max_age = Duration::from_secs(365 * 24 * 3600).as_secs();
        let cookie = format!("{LOCALE_COOKIE}={}; Path=/; Max-Age={max_age}; SameSite=Lax", locale.code());
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}
