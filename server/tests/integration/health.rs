//! `/healthz` and `/readyz`.

use crate::app::spawn_app;
use tuki::store::testing::backends;

#[tokio::test]
async fn healthz_answers_while_the_process_runs() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let response = app.get("/healthz", &[]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.expect("body"), r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn readyz_reports_whether_the_database_answers() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        assert_eq!(app.get("/readyz", &[]).await.status(), 200, "{backend:?}");
        app.state.portal.close().await;
        let response = app.get("/readyz", &[]).await;
        assert_eq!(response.status(), 503, "{backend:?}");
        assert_eq!(app.get("/healthz", &[]).await.status(), 200, "{backend:?}: still alive");
    }
}
