//! The JSON API: `GET /api/v1/search`, described by the OpenAPI document at
//! `GET /api/v1/openapi.json` (generated from these types and [`search`]'s annotation).
//!
//! Bad parameters answer 400 with a stable error code and a message in the requested locale
//! (English when the locale itself is the problem); a failure inside answers 503. Never a 500
//! for anything the caller sent. Parameters are taken exactly as the document describes them:
//! an empty or padded value is not a valid one.

use super::AppState;
use super::client_ip::ClientIp;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tuki::Locale;
use tuki::content::{DocKind, Slug};
use tuki::i18n::tr;
use tuki::paths::document_href;
use tuki::search::SearchRequest;
use tuki::search_types::{SearchText, SearchTextError};
use tuki::services::{Caller, ServiceError};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The error body: `{"error": {"code": …, "message": …}}`.
#[derive(Serialize, ToSchema)]
struct ErrorBody {
    error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, ToSchema)]
struct ErrorDetail {
    /// Stable code, e.g. `error-api-invalid-limit`.
    #[schema(example = "error-api-invalid-limit")]
    code: &'static str,
    /// The problem in the requested language.
    message: String,
}

/// A document's kind, as the API names it.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
enum KindName {
    Article,
    Case,
}

/// A language, as the API names it.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
enum LocaleName {
    Fi,
    Sv,
    En,
}

/// The search's parameters, as the OpenAPI document describes them (the handler reads them
/// from the query string itself, so that each problem gets its own error code).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
struct SearchParams {
    /// What to search for: 1–200 characters, not only spaces.
    #[param(min_length = 1, max_length = 200, pattern = r"\S")] // = MAX_QUERY_CHARS
    q: String,
    /// The language searched first (default `fi`); error messages come in it.
    #[param(inline)]
    locale: Option<LocaleName>,
    /// How many hits to return (default 10).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<u32>,
    /// Only documents of this category (its slug).
    #[param(max_length = 80, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    category: Option<String>,
    /// Only articles or only solved cases.
    #[param(inline)]
    kind: Option<KindName>,
}

/// The OpenAPI document of the JSON API.
#[derive(OpenApi)]
#[openapi(
    info(title = "Tuki API", description = "Search the knowledge base of the Tuki support portal."),
    paths(search),
    components(schemas(ApiResults, ApiHit, ErrorBody, ErrorDetail))
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`: the JSON API's OpenAPI document.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// An API error: a stable code (also the Fluent message id) and its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiError {
    code: &'static str,
    status: StatusCode,
    locale: Locale,
}

impl ApiError {
    /// An error with any status: the JSON body of a rejection made outside the API's handler
    /// (a body too large, a wrong method).
    pub fn new(code: &'static str, status: StatusCode, locale: Locale) -> ApiError {
        ApiError { code, status, locale }
    }

    fn bad_request(code: &'static str, locale: Locale) -> ApiError {
        ApiError { code, status: StatusCode::BAD_REQUEST, locale }
    }

    /// A service's error: its status and code.
    fn from_service(error: &ServiceError, locale: Locale) -> ApiError {
        let status = StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ApiError { code: error.code(), status, locale }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code, message: tr(self.locale, self.code) } };
        let mut response = (self.status, Json(body)).into_response();
        // When to ask again: the rate limit's window, or a moment for a busy service.
        let retry_after = match self.status {
            StatusCode::TOO_MANY_REQUESTS => Some("60"),
            StatusCode::SERVICE_UNAVAILABLE => Some("5"),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static(seconds));
        }
        response
    }
}

/// One hit in the API's answer.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct ApiHit {
    /// Article or solved case.
    #[schema(value_type = KindName)]
    kind: DocKind,
    /// The document's slug.
    slug: String,
    /// The language of this hit's text (another than the one asked for when that had few hits).
    #[schema(value_type = LocaleName)]
    locale: Locale,
    /// Title.
    title: String,
    /// The best passage, as HTML: escaped text with the words found in `<mark>`.
    snippet: String,
    /// The category's slug.
    category: String,
    /// The document's page on the portal.
    url: String,
    /// Relevance; higher is better.
    score: f32,
}

/// The API's answer.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct ApiResults {
    /// The query as given.
    query: String,
    /// The language searched first.
    #[schema(value_type = LocaleName)]
    locale: Locale,
    /// Time the search took inside the server, in milliseconds.
    took_ms: f64,
    /// All matches, of which `hits` are the first.
    #[schema(minimum = 0)]
    total: usize,
    /// The best matches.
    hits: Vec<ApiHit>,
}

/// `GET /api/v1/search?q=…&locale=fi|sv|en&limit=1..50&category=…&kind=article|case`.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    params(SearchParams),
    responses(
        (status = 200, description = "The best matches", body = ApiResults),
        (status = 400, description = "A parameter is missing or invalid; nothing was searched", body = ErrorBody),
        (status = 429, description = "Too many searches from this address", body = ErrorBody,
            headers(("Retry-After" = u32, description = "Seconds to wait"))),
        (status = 503, description = "Search is unavailable for a moment", body = ErrorBody,
            headers(("Retry-After" = u32, description = "Seconds to wait"))),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<ApiResults>, ApiError> {
    let request = parse(&params)?;
    if !state.limiter.allow(client, super::Limited::Search) {
        return Err(ApiError {
            code: "error-rate-limited",
            status: StatusCode::TOO_MANY_REQUESTS,
            locale: request.locale,
        });
    }
    let locale = request.locale;
    let query = request.text.clone();
    let started = std::time::Instant::now();
    let results = state.portal.searching().api(&Caller::Customer, request).await.map_err(|error| {
        tracing::error!(%error, "search failed");
        ApiError::from_service(&error, locale)
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
    let locale = match params.get("locale") {
        None => Locale::Fi,
        Some(code) => code.parse().map_err(|_| ApiError::bad_request("error-api-invalid-locale", Locale::En))?,
    };
    let text = SearchText::parse(params.get("q").map_or("", String::as_str)).map_err(|error| match error {
        SearchTextError::Empty => ApiError::bad_request("error-api-missing-query", locale),
        SearchTextError::TooLong => ApiError::bad_request("error-api-query-too-long", locale),
    })?;
    let limit = match params.get("limit") {
        None => 10,
        Some(limit) => match limit.parse::<usize>() {
            Ok(n @ 1..=50) if limit.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => return Err(ApiError::bad_request("error-api-invalid-limit", locale)),
        },
    };
    let category = match params.get("category") {
        None => None,
        Some(c) => Some(Slug::parse(c).map_err(|_| ApiError::bad_request("error-api-invalid-category", locale))?),
    };
    let kind = match params.get("kind") {
        None => None,
        Some(k) => Some(k.parse::<DocKind>().map_err(|_| ApiError::bad_request("error-api-invalid-kind", locale))?),
    };
    Ok(SearchRequest { text: text.into(), locale, limit, offset: 0, category, kind })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tuki::search_types::MAX_QUERY_CHARS;

    fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn every_bad_parameter_has_its_own_code() {
        let code = |pairs: &[(&str, &str)]| parse(&params(pairs)).err().map(|e| e.code);
        assert_eq!(code(&[]), Some("error-api-missing-query"));
        assert_eq!(code(&[("q", "  ")]), Some("error-api-missing-query"));
        assert_eq!(code(&[("q", &"x".repeat(MAX_QUERY_CHARS + 1))]), Some("error-api-query-too-long"));
        assert_eq!(code(&[("q", "x"), ("locale", "de")]), Some("error-api-invalid-locale"));
        assert_eq!(code(&[("q", "x"), ("limit", "0")]), Some("error-api-invalid-limit"));
        assert_eq!(code(&[("q", "x"), ("limit", "51")]), Some("error-api-invalid-limit"));
        assert_eq!(code(&[("q", "x"), ("limit", "ten")]), Some("error-api-invalid-limit"));
        assert_eq!(code(&[("q", "x"), ("category", "../x")]), Some("error-api-invalid-category"));
        assert_eq!(code(&[("q", "x"), ("kind", "faq")]), Some("error-api-invalid-kind"));
        assert_eq!(code(&[("q", "x"), ("limit", "+5")]), Some("error-api-invalid-limit"), "as the document says");
        assert_eq!(code(&[("q", "x"), ("locale", "")]), Some("error-api-invalid-locale"));
        assert_eq!(code(&[("q", "x"), ("category", "")]), Some("error-api-invalid-category"));
        assert_eq!(code(&[("q", "x"), ("kind", " case")]), Some("error-api-invalid-kind"));
        assert_eq!(code(&[("q", "kortti"), ("locale", "fi"), ("limit", "5"), ("kind", "case")]), None);
    }
}
