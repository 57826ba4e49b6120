//! The translated "something went wrong" page, answered with status 500.
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
    let mut response = (StatusCode::INTERNAL_SERVER_ERROR, page(locale, "error-body", request_id)).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

/// A complete HTML page saying "something went wrong" with the message `body_id`, in `locale`.
pub fn message_page(locale: Locale, body_id: &str) -> String {
    page(locale, body_id, None)
}

fn page(locale: Locale, body_id: &str, request_id: Option<&str>) -> String {
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
        title = t("error-title"),
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
