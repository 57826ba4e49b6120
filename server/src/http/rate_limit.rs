//! Per-client rate limits on what costs the portal (sending forms) or invites abuse
//! (searching): a token bucket per client address and kind, refilled continuously.

use super::AppState;
use super::client_ip::ClientIp;
use super::error_page::status_page;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;
use tuki::Locale;
use tuki_app::customer::help::api::SearchBudgetSpent;
use tuki_app::customer::{SearchCost, search_cost};

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

/// Middleware: refuses searches beyond the client's budget with the translated 429 page. A
/// step page beyond it is still shown (the customer can go on), without suggestions and
/// without funnel rows: the page renders without searching when it finds
/// [`SearchBudgetSpent`] in the request.
pub async fn limit_searches(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    mut request: Request,
    next: Next,
) -> Response {
    match search_cost(request.method(), request.uri()) {
        Some(SearchCost::StepPage) if !state.limiter.allow(client, Limited::Search) => {
            request.extensions_mut().insert(SearchBudgetSpent);
        }
        Some(SearchCost::Search) if !state.limiter.allow(client, Limited::Search) => {
            let locale = request.uri().path().split('/').nth(1).and_then(|l| l.parse().ok()).unwrap_or(Locale::Fi);
            return too_many(locale);
        }
        _ => {}
    }
    next.run(request).await
}

/// The translated "too many requests" page (429): nothing was done.
pub fn too_many(locale: Locale) -> Response {
    let mut page = status_page(StatusCode::TOO_MANY_REQUESTS, locale, "error-rate-limited");
    page.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{Method, Uri};

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
        let counts = |method: Method, uri: &str| {
            search_cost(&method, &uri.parse::<Uri>().expect("uri")) == Some(SearchCost::Search)
        };
        assert!(counts(Method::GET, "/fi/search?q=kortti"));
        assert!(counts(Method::GET, "/sv/search?kind=case&q=kort"));
        let searching = tuki_app::customer::search::api::SEARCHING;
        for path in searching.into_iter().chain(tuki_app::customer::help::api::SEARCHING) {
            assert!(path.starts_with("/api/"), "{path}");
            assert!(counts(Method::POST, path));
        }
        assert!(!counts(Method::GET, "/fi/search"), "the empty search page");
        assert!(!counts(Method::GET, "/fi/search?q="));
        assert!(!counts(Method::GET, "/fi/searching?q=x"));
        assert!(!counts(Method::GET, "/api/v1/search?q=x"), "the API counts its own");
        assert!(!counts(Method::POST, "/api/vote1"));
    }

    #[test]
    fn step_pages_search_and_the_other_pages_of_a_draft_do_not() {
        let step = |method: Method, uri: &str| {
            search_cost(&method, &uri.parse::<Uri>().expect("uri")) == Some(SearchCost::StepPage)
        };
        assert!(step(Method::GET, "/fi/help/card-lost/0123abcd/what-happened"));
        assert!(step(Method::GET, "/sv/help/card-lost/0123abcd/details?x=1"));
        for page in ["check", "contact", "solved", "done"] {
            assert!(!step(Method::GET, &format!("/fi/help/card-lost/0123abcd/{page}")), "{page}");
        }
        assert!(!step(Method::POST, "/fi/help/card-lost/0123abcd/what-happened"), "posts are form posts");
        assert!(step(Method::POST, tuki_app::customer::help::api::STEP_PAGE));
        assert!(!step(Method::GET, "/fi/help/card-lost"));
        assert!(!step(Method::GET, "/xx/help/card-lost/0123abcd/what-happened"));
    }
}
