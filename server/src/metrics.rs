//! Prometheus metrics, off by default: with `TUKI_METRICS_LISTEN` they are served as text at
//! `GET /metrics` on that address only, so they never reach the public listener.
//!
//! | metric | kind | labels |
//! |---|---|---|
//! | `tuki_http_requests_total` | counter | `method`, `route` (the route's pattern, `fallback` for static files and 404s), `status` |
//! | `tuki_http_request_duration_seconds` | histogram | `method`, `route` |
//! | `tuki_search_duration_seconds` | histogram | — (every search, whichever way it came) |
//! | `tuki_outbox_backlog` | gauge | — (mail waiting to be delivered) |
//! | `tuki_index_generation_lag` | gauge | — (content changes the search index has not caught up with) |

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Histogram buckets for latencies, in seconds: 0.5 ms to 10 s.
const LATENCY_BUCKETS: [f64; 14] =
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// How often the gauges are read from the database and the index.
pub const GAUGES_EVERY: Duration = Duration::from_secs(15);

/// The process's metrics recorder, installed on first use (one per process, however many
/// servers it runs); `None` if another recorder was installed first.
pub fn handle() -> Option<PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".to_owned()), &LATENCY_BUCKETS)
                .ok()?
                .install_recorder()
                .ok()
        })
        .clone()
}

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Middleware: counts and times every request by method, route pattern and status, once the
/// metrics are on (otherwise it passes the request on untouched).
pub async fn record_request(request: Request, next: Next) -> Response {
    if !HANDLE.get().is_some_and(Option::is_some) {
        return next.run(request).await;
    }
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route =
        request.extensions().get::<MatchedPath>().map_or_else(|| "fallback".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("tuki_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("tuki_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// The metrics listener's routes: `GET /metrics`.
pub fn routes(handle: PrometheusHandle) -> Router {
    Router::new().route("/metrics", get(move || std::future::ready(handle.render())))
}
