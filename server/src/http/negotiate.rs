//! Choosing a language for the bare `/`: a real redirect, so it works without JavaScript.

use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tuki::Locale;
use tuki::locale::LOCALE_COOKIE;

/// `GET /` → 302 to `/{lang}/`, from the `lang` cookie, else `Accept-Language`, else Finnish.
pub async fn root(headers: HeaderMap, uri: Uri) -> Response {
    let cookie = cookie_value(&headers, LOCALE_COOKIE);
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let locale = Locale::negotiate(cookie.as_deref(), accept);
    let mut target = format!("/{}/", locale.code());
    if let Some(query) = uri.query() {
        target.push('?');
        target.push_str(query);
    }
    redirect(StatusCode::FOUND, &target, true)
}

/// `GET /fi` → 308 to `/fi/`, the canonical address of the home page.
pub async fn add_trailing_slash(uri: Uri) -> Response {
    let mut target = format!("{}/", uri.path());
    if let Some(query) = uri.query() {
        target.push('?');
        target.push_str(query);
    }
    redirect(StatusCode::PERMANENT_REDIRECT, &target, false)
}

fn redirect(status: StatusCode, target: &str, varies: bool) -> Response {
    let mut response = status.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(target) {
        headers.insert(header::LOCATION, location);
    }
    if varies {
        headers.insert(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    }
    response
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lang_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; lang=sv; b=2"));
        assert_eq!(cookie_value(&headers, "lang").as_deref(), Some("sv"));
        assert_eq!(cookie_value(&headers, "missing"), None);
    }
}
