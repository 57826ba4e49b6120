//! Per-client rate limits on what costs the portal (sending forms) or invites abuse
//! (searching): a token bucket per client address and kind, refilled continuously.

use super::AppState;
use super::error_page::message_page;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use leptos::server_fn::ServerFn;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;
use tuki::Locale;

/// What is limited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Form posts: starting a form, sending a step, sending a ticket.
    Submit,
    /// Searches, whichever way they come: the JSON API, the results page, the header's
    /// suggestions and a form's live suggestions.
    Search,
}

/// Requests allowed per minute and client address, per kind (a burst of the same size).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Form posts per minute.
    pub submits_per_minute: u32,
    /// Searches per minute.
    pub searches_per_minute: u32,
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits { submits_per_minute: 30, searches_per_minute: 600 }
    }
}

/// Most buckets kept; beyond this, full (idle) buckets are forgotten.
const MAX_BUCKETS: usize = 100_000;

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// The buckets of every client.
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<(IpAddr, Limited), Bucket>>,
}

impl RateLimiter {
    /// A limiter with these limits.
    pub fn new(limits: RateLimits) -> RateLimiter {
        RateLimiter { limits, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request of `kind` from `client`'s bucket; false when it is empty.
    pub fn allow(&self, client: IpAddr, kind: Limited) -> bool {
        let per_minute = f64::from(match kind {
            Limited::Submit => self.limits.submits_per_minute,
            Limited::Search => self.limits.searches_per_minute,
        });
        let now = Instant::now();
        let Ok(mut buckets) = self.buckets.lock() else { return true };
        if buckets.len() >= MAX_BUCKETS {
            buckets.retain(|(_, k), b| {
                let capacity = f64::from(match k {
                    Limited::Submit => self.limits.submits_per_minute,
                    Limited::Search => self.limits.searches_per_minute,
                });
                b.tokens + now.duration_since(b.updated).as_secs_f64() * capacity / 60.0 < capacity
            });
        }
        let bucket = buckets.entry((client, kind)).or_insert(Bucket { tokens: per_minute, updated: now });
        bucket.tokens =
            (bucket.tokens + now.duration_since(bucket.updated).as_secs_f64() * per_minute / 60.0).min(per_minute);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The addresses of the server functions that search.
const SEARCHING_SERVER_FNS: [&str; 3] = [
    <tuki_app::api::SearchPage as ServerFn>::PATH,
    <tuki_app::api::Suggest as ServerFn>::PATH,
    <tuki_app::help_api::HelpLiveSuggestions as ServerFn>::PATH,
];

/// True when `request` runs a search that [`limit_searches`] counts: the results page with a
/// query, or a server function that searches. (The JSON API counts its own.)
fn runs_search(method: &Method, uri: &Uri) -> bool {
    let path = uri.path();
    if method == Method::POST {
        return SEARCHING_SERVER_FNS.contains(&path);
    }
    let mut segments = path.trim_matches('/').split('/');
    let results_page = method == Method::GET
        && segments.next().is_some_and(|lang| lang.parse::<Locale>().is_ok())
        && segments.next() == Some("search")
        && segments.next().is_none();
    results_page
        && uri.query().is_some_and(|q| q.split('&').any(|pair| pair.strip_prefix("q=").is_some_and(|v| !v.is_empty())))
}

/// Middleware: refuses searches beyond the client's budget with the translated 429 page.
pub async fn limit_searches(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    if runs_search(request.method(), request.uri()) && !state.limiter.allow(client.ip(), Limited::Search) {
        let locale = request.uri().path().split('/').nth(1).and_then(|l| l.parse().ok()).unwrap_or(Locale::Fi);
        return too_many(locale);
    }
    next.run(request).await
}

/// The translated "too many requests" page (429): nothing was done.
pub fn too_many(locale: Locale) -> Response {
    let page = Html(message_page(locale, "error-rate-limited"));
    (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "60")], page).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_burst_then_is_refused_while_others_are_not() {
        let limiter = RateLimiter::new(RateLimits { submits_per_minute: 3, searches_per_minute: 1 });
        let me: IpAddr = [127, 0, 0, 1].into();
        let other: IpAddr = [127, 0, 0, 2].into();
        assert!((0..3).all(|_| limiter.allow(me, Limited::Submit)));
        assert!(!limiter.allow(me, Limited::Submit));
        assert!(limiter.allow(other, Limited::Submit));
        assert!(limiter.allow(me, Limited::Search), "kinds have their own buckets");
    }

    #[test]
    fn the_results_page_with_a_query_and_the_searching_server_functions_count_as_searches() {
        let counts = |method: Method, uri: &str| runs_search(&method, &uri.parse::<Uri>().expect("uri"));
        assert!(counts(Method::GET, "/fi/search?q=kortti"));
        assert!(counts(Method::GET, "/sv/search?kind=case&q=kort"));
        for path in SEARCHING_SERVER_FNS {
            assert!(path.starts_with("/api/"), "{path}");
            assert!(counts(Method::POST, path));
        }
        assert!(!counts(Method::GET, "/fi/search"), "the empty search page");
        assert!(!counts(Method::GET, "/fi/search?q="));
        assert!(!counts(Method::GET, "/fi/searching?q=x"));
        assert!(!counts(Method::GET, "/api/v1/search?q=x"), "the API counts its own");
        assert!(!counts(Method::POST, "/api/vote1"));
    }
}
