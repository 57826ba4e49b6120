//! Hand-off to another desk: a new ticket reaches a registered endpoint as signed JSON.

use crate::app::spawn_app;
use axum::extract::State;
use axum::http::HeaderMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tuki::services::Caller;
use tuki::services::webhooks::sign;
use tuki::store::testing::backends;

type Received = Arc<Mutex<Vec<(HeaderMap, String)>>>;

async fn receive(State(received): State<Received>, headers: HeaderMap, body: String) -> &'static str {
    received.lock().expect("lock").push((headers, body));
    "ok"
}

#[tokio::test]
async fn a_new_ticket_is_posted_to_the_endpoint_signed_with_its_secret() {
    for backend in backends() {
        let received: Received = Arc::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("listener");
        let url = format!("http://{}/tuki", listener.local_addr().expect("address"));
        let receiver = axum::Router::new().route("/tuki", axum::routing::post(receive)).with_state(received.clone());
        tokio::spawn(async move { axum::serve(listener, receiver).await });

        let app = spawn_app(backend).await;
        let (_, secret) = app.state.portal.webhooks().add(&Caller::Operator, &url).await.expect("endpoint");
        let step = app.start_form("fi", "e-invoice").await;
        let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
        app.post_form(&check.replace("/check", "/contact"), &crate::help::CONTACT).await;
        let started = Instant::now();
        let (headers, body) = loop {
            if let Some(first) = received.lock().expect("lock").first().cloned() {
                break first;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "{backend:?}: nothing delivered");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert_eq!(header("x-tuki-signature"), sign(&secret, body.as_bytes()), "{backend:?}");
        assert_ne!(header("x-tuki-signature"), sign("another secret", body.as_bytes()));
        assert_eq!(header("x-tuki-event"), "ticket.created");
        assert_eq!(header("content-type"), "application/json");
        let json: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(json["event"], "ticket.created");
        assert!(json["ticket"]["reference"].as_str().is_some_and(|r| r.starts_with("TK-")));
        assert_eq!(json["ticket"]["team"], "payments-and-online-services");
        assert_eq!(json["customer"]["email"], "maija@example.fi");
        assert!(json["ticket"]["desk_url"].as_str().is_some_and(|u| u.contains("/fi/staff/desk/TK-")));
        app.stop().await;
    }
}
