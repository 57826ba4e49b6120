//! The translated message pages answered without Leptos: 500 "something went wrong", 404,
//! 400 and the other rejections, 503.
//!
//! Written without Leptos on purpose: it is what the customer sees when rendering itself
//! failed, so it must not depend on the renderer.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tuki::Locale;
use tuki::html::escape;
use tuki::i18n::tr;

/// A complete HTML page for an internal error, in `locale`.
pub fn internal_error(locale: Locale, request_id: Option<&str>) -> Response {
    html_response(StatusCode::INTERNAL_SERVER_ERROR, page(locale, "error-title", "error-body", request_id))
}

/// The translated 404 page: nothing is at this address (or a draft or ticket is unknown).
pub fn not_found(locale: Locale) -> Response {
    html_response(StatusCode::NOT_FOUND, page(locale, "not-found-title", "error-not-found", None))
}

/// A page of the translated message `body_id` with `status`: what was wrong with the request
/// (400, 403, 413, 415, 422, 429, …); nothing changed.
pub fn status_page(status: StatusCode, locale: Locale, body_id: &str) -> Response {
    html_response(status, page(locale, "error-title", body_id, None))
}

/// The translated 503 page with `Retry-After`: the database is busy or cannot be written.
pub fn unavailable(locale: Locale) -> Response {
    let mut response =
        html_response(StatusCode::SERVICE_UNAVAILABLE, page(locale, "error-title", "error-unavailable", None));
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

fn html_response(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

fn page(locale: Locale, title_id: &str, body_id: &str, request_id: Option<&str>) -> String {
    let t = |id| escape(&tr(locale, id));
    let code = locale.code();
    let reference = request_id
        .map(|id| format!("<p class=\"page-message__reference\"><code>{}</code></p>", escape(id)))
        .unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\
         <title>{title} – Tuki</title><link rel=\"stylesheet\" href=\"/pkg/{css}.css\"></head>\
         <body><a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"site-header\"><div class=\"container site-header__inner\">\
         <a class=\"brand\" href=\"/{code}/\"><span class=\"brand__name\">{name}</span>\
         <span class=\"brand__tagline\">{tagline}</span></a></div></header>\
         <main id=\"main\" class=\"site-main\" tabindex=\"-1\">\
         <section class=\"container page-message\" aria-labelledby=\"page-message-heading\">\
         <h1 id=\"page-message-heading\">{title}</h1><p>{body}</p>{reference}\
         <p><a class=\"button\" href=\"/{code}/\">{home}</a></p></section></main>\
         <footer class=\"site-footer\"><div class=\"container site-footer__inner\">\
         <p class=\"site-footer__about\">{about}</p></div></footer></body></html>",
        title = t(title_id),
        body = t(body_id),
        skip = t("skip-to-content"),
        name = t("portal-name"),
        tagline = t("portal-tagline"),
        home = t("back-to-home"),
        about = t("footer-about"),
        css = tuki_app::OUTPUT_NAME,
    );
    html
}

/// The page that answers a service's error: its status and its translated message (503 with
/// `Retry-After` when the database is busy; the generic 500 page when something broke).
pub fn for_service_error(locale: Locale, error: &tuki::services::ServiceError) -> Response {
    let status = StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match status {
        StatusCode::NOT_FOUND => not_found(locale),
        StatusCode::SERVICE_UNAVAILABLE => {
            tracing::warn!(%error, "the service is not available; answered 503");
            unavailable(locale)
        }
        status if status.is_server_error() => {
            tracing::error!(%error, "the service failed");
            internal_error(locale, None)
        }
        status => status_page(status, locale, error.code()),
    }
}
