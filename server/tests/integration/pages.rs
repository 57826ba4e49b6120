//! Pages: language negotiation, the home page in each locale, the translated 404.

use crate::app::spawn_app;
use tuki::store::testing::backends;

#[tokio::test]
async fn the_root_redirects_to_finnish_without_cookie_or_accept_language() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app.get("/", &[]).await;
        assert_eq!(response.status(), 302, "{backend:?}");
        assert_eq!(response.headers()["location"], "/fi/");
        assert!(response.headers()["vary"].to_str().expect("ascii").contains("Accept-Language"));
    }
}

#[tokio::test]
async fn the_root_follows_accept_language_and_prefers_the_cookie() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let swedish = app.get("/", &[("accept-language", "sv-FI,sv")]).await;
    assert_eq!(swedish.headers()["location"], "/sv/");
    let english = app.get("/", &[("accept-language", "de-DE, en;q=0.8, fi;q=0.5")]).await;
    assert_eq!(english.headers()["location"], "/en/");
    let cookie = app.get("/", &[("accept-language", "sv"), ("cookie", "lang=en")]).await;
    assert_eq!(cookie.headers()["location"], "/en/");
    let query = app.get("/?q=salasana", &[]).await;
    assert_eq!(query.headers()["location"], "/fi/?q=salasana");
}

#[tokio::test]
async fn each_locale_has_a_home_page_in_its_own_language() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for (locale, heading) in
            [("fi", "Miten voimme auttaa?"), ("sv", "Hur kan vi hjälpa dig?"), ("en", "How can we help you?")]
        {
            let response = app.get(&format!("/{locale}/"), &[]).await;
            assert_eq!(response.status(), 200, "{backend:?} {locale}");
            let cookie = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
            assert!(cookie.starts_with(&format!("lang={locale};")), "{cookie}");
            let html = response.text().await.expect("body");
            assert!(html.contains(&format!("<html lang=\"{locale}\"")), "{locale}: {}", &html[..300.min(html.len())]);
            assert!(html.contains(heading), "{locale}: heading missing");
            for alternate in ["fi", "sv", "en"] {
                assert!(
                    html.contains(&format!(
                        "href=\"{}/{alternate}/\" hreflang=\"{alternate}\" rel=\"alternate\"",
                        app.address
                    )),
                    "{locale}: hreflang {alternate} missing"
                );
            }
            assert!(html.contains(&format!("action=\"/{locale}/search\"")), "{locale}: search form");
        }
    }
}

#[tokio::test]
async fn a_locale_without_its_trailing_slash_redirects_to_the_home_page() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let response = app.get("/sv", &[]).await;
    assert_eq!(response.status(), 308);
    assert_eq!(response.headers()["location"], "/sv/");
}

#[tokio::test]
async fn an_unknown_page_is_a_translated_404() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for (path, lang, title) in [
            ("/fi/ei-ole-olemassa", "fi", "Sivua ei löytynyt"),
            ("/sv/finns-inte", "sv", "Sidan hittades inte"),
            ("/en/does-not-exist", "en", "Page not found"),
            ("/xx/", "fi", "Sivua ei löytynyt"),
            ("/nothing-here", "fi", "Sivua ei löytynyt"),
        ] {
            let response = app.get(path, &[]).await;
            assert_eq!(response.status(), 404, "{backend:?} {path}");
            let html = response.text().await.expect("body");
            assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            assert!(html.contains(title), "{path}: no translated title");
            assert!(html.contains(path), "{path}: the path is not named");
        }
    }
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_security_headers() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let response = app.get("/en/", &[]).await;
    let id = response.headers()["x-request-id"].to_str().expect("ascii");
    assert_eq!(id.len(), 36, "not a uuid: {id}");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let again = app.get("/en/", &[("x-request-id", "abc-123")]).await;
    assert_eq!(again.headers()["x-request-id"], "abc-123", "a caller's request id is kept");
}

/// Setting up a server lists the app's routes by rendering it with resource loading switched off
/// for the whole process (leptos issue 4773): a page whose data another server in the process
/// started loading meanwhile never answered. The integration tests run dozens of servers in one
/// process, and one run in eight hung that way. The list is now made once per process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_answer_while_other_servers_in_the_process_are_being_set_up() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    /// Stops the set-up loop however the test ends (a panic included), so the runtime can stop.
    struct Stop(Arc<AtomicBool>);
    impl Drop for Stop {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    let done = Arc::new(AtomicBool::new(false));
    let stop = Stop(Arc::clone(&done));
    let setting_up = tokio::task::spawn_blocking({
        let (state, done) = (app.state.clone(), Arc::clone(&done));
        move || {
            let mut routers = 0;
            while !done.load(Ordering::Relaxed) {
                drop(tuki_server::http::routes(state.clone()));
                routers += 1;
            }
            routers
        }
    });
    for _ in 0..30 {
        let page = tokio::time::timeout(Duration::from_secs(10), async {
            let response = app.get("/fi/", &[]).await;
            (response.status(), response.text().await.expect("body"))
        })
        .await;
        let (status, html) = page.expect("the home page answers within 10 s");
        assert_eq!(status, 200);
        assert!(html.contains("Miten voimme auttaa?"), "the whole page");
    }
    drop(stop);
    assert!(setting_up.await.expect("set-up thread") > 0, "no server was set up meanwhile");
}
