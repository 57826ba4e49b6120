//! Prometheus metrics: off unless asked for, and then only on their own address.

use crate::app::{spawn_app, spawn_app_with_metrics};

#[tokio::test]
async fn metrics_are_served_on_their_own_address_and_count_requests_by_route() {
    let app = spawn_app_with_metrics(tuki::store::Backend::Sqlite).await;
    let metrics = app.metrics_address.clone().expect("a metrics listener");
    assert_eq!(app.get("/api/v1/search?q=kortti", &[]).await.status(), 200);
    assert_eq!(app.get("/fi/articles/reset-forgotten-password", &[]).await.status(), 200);
    assert_eq!(app.get("/metrics", &[]).await.status(), 404, "never on the public address");
    let expected = [
        "tuki_http_requests_total{method=\"GET\",route=\"/api/v1/search\",status=\"200\"}",
        "route=\"/{lang}/articles/{slug}\"",
        "tuki_http_request_duration_seconds_bucket",
        "tuki_search_duration_seconds_bucket",
        "tuki_outbox_backlog",
        "tuki_index_generation_lag 0",
    ];
    // The gauges are read by a task of their own, right after the start.
    let started = std::time::Instant::now();
    loop {
        let text =
            app.client.get(format!("{metrics}/metrics")).send().await.expect("metrics").text().await.expect("text");
        let missing: Vec<&str> = expected.iter().copied().filter(|e| !text.contains(e)).collect();
        if missing.is_empty() {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{missing:?} missing from:\n{text}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.stop().await;
}

#[tokio::test]
async fn without_a_metrics_address_nothing_is_served() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    assert!(app.metrics_address.is_none());
    assert_eq!(app.get("/metrics", &[]).await.status(), 404);
    app.stop().await;
}
