//! The JSON API: `GET /api/v1/search`.
//!
//! Bad parameters answer 400 with a stable error code and a message in the requested locale
//! (English when the locale itself is the problem); a failure inside answers 503. Never a 500
//! for anything the caller sent.

use super::AppState;
use axum::Json;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tuki::Locale;
use tuki::content::{DocKind, Slug};
use tuki::i18n::tr;
use tuki::search::SearchRequest;
use tuki_app::pages::document_href;

/// Longest query accepted, in characters.
const MAX_QUERY: usize = 200;

/// The error body: `{"error": {"code": …, "message": …}}`.
#[derive(Serialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize)]
struct ErrorDetail {
    code: &'static str,
    message: String,
}

/// An API error: a stable code (also the Fluent message id) and its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiError {
    code: &'static str,
    status: StatusCode,
    locale: Locale,
}

impl ApiError {
    fn bad_request(code: &'static str, locale: Locale) -> ApiError {
        ApiError { code, status: StatusCode::BAD_REQUEST, locale }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code, message: tr(self.locale, self.code) } };
        (self.status, Json(body)).into_response()
    }
}

/// One hit in the API's answer.
#[derive(Serialize, Deserialize)]
pub struct ApiHit {
    kind: DocKind,
    slug: String,
    locale: Locale,
    title: String,
    snippet: String,
    category: String,
    url: String,
    score: f32,
}

/// The API's answer.
#[derive(Serialize, Deserialize)]
pub struct ApiResults {
    query: String,
    locale: Locale,
    took_ms: f64,
    total: usize,
    hits: Vec<ApiHit>,
}

/// `GET /api/v1/search?q=…&locale=fi|sv|en&limit=1..50&category=…&kind=article|case`.
pub async fn search(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<std::net::SocketAddr>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<ApiResults>, ApiError> {
    let request = parse(&params)?;
    if !state.limiter.allow(client.ip(), super::Limited::Search) {
        return Err(ApiError {
            code: "error-rate-limited",
            status: StatusCode::TOO_MANY_REQUESTS,
            locale: request.locale,
        });
    }
    let locale = request.locale;
    let query = request.text.clone();
    let started = std::time::Instant::now();
    let results = state.portal.search(request).await.map_err(|error| {
        tracing::error!(%error, "search failed");
        ApiError { code: "error-search-unavailable", status: StatusCode::SERVICE_UNAVAILABLE, locale }
    })?;
    let took_ms = started.elapsed().as_secs_f64() * 1000.0;
    let hits = results
        .hits
        .into_iter()
        .map(|h| ApiHit {
            url: document_href(h.locale, h.kind, &h.slug),
            kind: h.kind,
            slug: h.slug,
            locale: h.locale,
            title: h.title,
            snippet: h.snippet,
            category: h.category,
            score: h.score,
        })
        .collect();
    Ok(Json(ApiResults { query, locale, took_ms, total: results.total, hits }))
}

/// Checks every parameter; the first problem found is reported.
fn parse(params: &HashMap<String, String>) -> Result<SearchRequest, ApiError> {
    let locale = match params.get("locale").map(|l| l.trim()) {
        None | Some("") => Locale::Fi,
        Some(code) => code.parse().map_err(|_| ApiError::bad_request("error-api-invalid-locale", Locale::En))?,
    };
    let text = params.get("q").map(|q| q.trim()).unwrap_or_default();
    if text.is_empty() {
        return Err(ApiError::bad_request("error-api-missing-query", locale));
    }
    if text.chars().count() > MAX_QUERY {
        return Err(ApiError::bad_request("error-api-query-too-long", locale));
    }
    let limit = match params.get("limit") {
        None => 10,
        Some(limit) => match limit.trim().parse::<usize>() {
            Ok(n @ 1..=50) => n,
            _ => return Err(ApiError::bad_request("error-api-invalid-limit", locale)),
        },
    };
    let category = match params.get("category").map(|c| c.trim()) {
        None | Some("") => None,
        Some(c) => Some(Slug::parse(c).map_err(|_| ApiError::bad_request("error-api-invalid-category", locale))?),
    };
    let kind = match params.get("kind").map(|k| k.trim()) {
        None | Some("") => None,
        Some(k) => Some(k.parse::<DocKind>().map_err(|_| ApiError::bad_request("error-api-invalid-kind", locale))?),
    };
    Ok(SearchRequest { text: text.to_owned(), locale, limit, offset: 0, category, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn every_bad_parameter_has_its_own_code() {
        let code = |pairs: &[(&str, &str)]| parse(&params(pairs)).err().map(|e| e.code);
        assert_eq!(code(&[]), Some("error-api-missing-query"));
        assert_eq!(code(&[("q", "  ")]), Some("error-api-missing-query"));
        assert_eq!(code(&[("q", &"x".repeat(201))]), Some("error-api-query-too-long"));
        assert_eq!(code(&[("q", "x"), ("locale", "de")]), Some("error-api-invalid-locale"));
        assert_eq!(code(&[("q", "x"), ("limit", "0")]), Some("error-api-invalid-limit"));
        assert_eq!(code(&[("q", "x"), ("limit", "51")]), Some("error-api-invalid-limit"));
        assert_eq!(code(&[("q", "x"), ("limit", "ten")]), Some("error-api-invalid-limit"));
        assert_eq!(code(&[("q", "x"), ("category", "../x")]), Some("error-api-invalid-category"));
        assert_eq!(code(&[("q", "x"), ("kind", "faq")]), Some("error-api-invalid-kind"));
        assert_eq!(code(&[("q", "kortti"), ("locale", "fi"), ("limit", "5"), ("kind", "case")]), None);
    }
}
