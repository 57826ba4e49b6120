//! A failing handler answers with the translated 500 page and the server keeps serving.

use axum::Router;
use axum::routing::get;
use tuki_server::http::with_middleware;

async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    address
}

async fn boom() -> &'static str {
    panic!("simulated failure")
}

#[tokio::test]
async fn a_panicking_handler_gets_the_translated_500_page() {
    let router = with_middleware(
        Router::new()
            .route("/sv/boom", get(boom))
            .route("/en/boom", get(boom))
            .route("/sv/fine", get(|| async { "ok" })),
    );
    let address = serve(router).await;
    let client = reqwest::Client::new();
    let response = client.get(format!("{address}/sv/boom")).send().await.expect("response");
    assert_eq!(response.status(), 500);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("text/html"));
    let request_id = response.headers()["x-request-id"].to_str().expect("ascii").to_owned();
    let html = response.text().await.expect("body");
    assert!(html.contains("<html lang=\"sv\""));
    assert!(html.contains("Något gick fel"));
    assert!(html.contains(&request_id), "the page names the request id for the service desk");
    assert!(!html.contains("simulated failure"), "internals never reach the customer");
    let english = client.get(format!("{address}/en/boom")).send().await.expect("response");
    assert!(english.text().await.expect("body").contains("Something went wrong"));
    let fine = client.get(format!("{address}/sv/fine")).send().await.expect("response");
    assert_eq!(fine.status(), 200, "the server survived");
}
