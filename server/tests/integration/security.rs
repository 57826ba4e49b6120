//! What a stranger controls cannot run script on the portal's pages, break a response or skew
//! what other customers see: escaping in `<title>` and `<meta>`, the Content-Security-Policy,
//! control characters in addresses, the vote endpoint, cross-site posts, racing posts.

use crate::app::{TestApp, spawn_app};
use crate::help::CONTACT;
use tuki::store::testing::backends;

/// The text of the page's `<title>` element.
fn title_of(html: &str) -> &str {
    let start = html.find("<title>").map(|i| i + "<title>".len()).expect("a <title>");
    let end = html[start..].find("</title>").expect("a </title>") + start;
    &html[start..end]
}

/// Imports a bundle whose category name, article title and summary are script payloads.
async fn import_hostile_content(app: &TestApp) {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "categories.yaml",
        "evil:\n  fi: \"</title><script>alert('fi')</script>\"\n  sv: Ond\n  en: \"</title><script>alert('en')</script>\"\n",
    );
    write(
        "articles/evil/en.md",
        "---\ntitle: \"</title><script>alert('title')</script>\"\ncategory: evil\n\
         summary: '\"><script>alert(\"summary\")</script>'\n---\nBody.\n",
    );
    let bundle = tuki::content::bundle::Bundle::read(dir.path()).expect("bundle");
    app.state.portal.import(&bundle).await.expect("import");
}

#[tokio::test]
async fn a_search_query_is_escaped_in_the_page_title() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let (status, html) = app.page("/en/search?q=%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(status, 200);
    assert!(title_of(&html).contains("&lt;/title&gt;&lt;script&gt;"), "{}", title_of(&html));
    assert!(!html.contains("<script>alert(1)"), "the payload is markup somewhere on the page");
    app.stop().await;
}

#[tokio::test]
async fn imported_titles_names_and_summaries_are_escaped_in_title_and_meta() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        import_hostile_content(&app).await;
        for path in ["/en/articles/evil", "/en/categories/evil", "/fi/categories/evil", "/en/search?q=alert"] {
            let (status, html) = app.page(path).await;
            assert_eq!(status, 200, "{backend:?} {path}");
            assert!(!html.contains("<script>alert"), "{backend:?} {path}: a payload became markup");
            if !path.contains("search") {
                assert!(title_of(&html).contains("&lt;script&gt;"), "{path}: {}", title_of(&html));
            }
        }
        let (_, html) = app.page("/en/articles/evil").await;
        let meta = html.split("<meta name=\"description\"").nth(1).expect("meta description");
        let meta = &meta[..meta.find('>').expect("end of meta")];
        assert!(meta.contains("&quot;") && !meta.contains("\"><"), "{meta}");
        app.stop().await;
    }
}

/// The nonce a Content-Security-Policy header names.
fn policy_nonce(policy: &str) -> String {
    let start = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    policy[start..].split('\'').next().expect("nonce").to_owned()
}

#[tokio::test]
async fn every_html_page_has_a_strict_policy_whose_fresh_nonce_is_on_every_script() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let mut nonces = Vec::new();
    for path in ["/fi/", "/sv/articles/reset-forgotten-password", "/en/search?q=card", "/fi/no-such-page"] {
        let response = app.get(path, &[]).await;
        let policy = response.headers()["content-security-policy"].to_str().expect("ascii").to_owned();
        for directive in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"] {
            assert!(policy.contains(directive), "{path}: {policy}");
        }
        assert!(policy.contains("'strict-dynamic'") && !policy.contains("unsafe-inline"), "{policy}");
        assert!(response.headers().get("strict-transport-security").is_none(), "no HSTS over http");
        let nonce = policy_nonce(&policy);
        let html = response.text().await.expect("body");
        let scripts = html.matches("<script").count();
        assert!(scripts > 0 || path.contains("no-such"), "{path}: no scripts");
        assert_eq!(html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count(), 1, "{path}");
        assert!(html.split("<script").skip(1).all(|tag| tag.contains(&format!("nonce=\"{nonce}\""))), "{path}");
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 4, "every response has its own nonce");
    // The error pages written without Leptos carry it too, and JSON needs none.
    let api = app.get("/api/v1/search?q=kortti", &[]).await;
    assert!(api.headers().get("content-security-policy").is_none());
    app.stop().await;
}

#[tokio::test]
async fn an_article_sent_again_from_memory_carries_the_nonce_of_its_own_response() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let path = "/fi/articles/reset-forgotten-password";
    let mut pages = Vec::new();
    for _ in 0..3 {
        let response = app.get(path, &[]).await;
        assert_eq!(response.status(), 200);
        let nonce = policy_nonce(response.headers()["content-security-policy"].to_str().expect("ascii"));
        let html = response.text().await.expect("body");
        assert!(html.split("<script").skip(1).all(|tag| tag.contains(&format!("nonce=\"{nonce}\""))), "{html}");
        assert!(!html.contains('\0'), "no mark is left in the page");
        pages.push(html.replace(&nonce, "NONCE"));
    }
    assert!(pages.windows(2).all(|pair| pair[0] == pair[1]), "the same page each time, but for the nonce");
    app.stop().await;
}

#[tokio::test]
async fn a_portal_served_over_https_sends_hsts() {
    use tower::ServiceExt;
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let state = tuki_server::http::AppState::new(tuki_server::http::SharedState {
        base_url: "https://tuki.bank.test".to_owned(),
        ..(*app.state).clone()
    });
    let request = axum::http::Request::get("/healthz")
        .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from(([127, 0, 0, 1], 1))))
        .body(axum::body::Body::empty())
        .expect("request");
    let response = tuki_server::http::app(state).oneshot(request).await.expect("response");
    assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    app.stop().await;
}

#[tokio::test]
async fn control_characters_in_a_posted_address_are_a_clean_answer_never_a_500() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("en", "e-invoice").await;
        let draft = step.rsplit('/').nth(1).expect("draft").to_owned();
        for path in [
            "/en/help/x%0Ay".to_owned(),
            "/en/help/e-invoice%0D%0ASet-Cookie:%20a=b".to_owned(),
            format!("/en/help/e-invoice/{draft}%0A/topic"),
            format!("/en/help/e-invoice/{draft}/top%00ic"),
            format!("/en/help/e-invoice/{draft}/contact%0A"),
            "/en/tickets/TK-2026-000001%0A".to_owned(),
            "/en/articles/x%0Ay/vote".to_owned(),
        ] {
            let (status, location) = app.post_form(&path, &[("x", "1"), ("helpful", "yes")]).await;
            assert!((300..500).contains(&status), "{backend:?} {path}: {status}");
            assert!(!location.contains(['\n', '\r', '\0']), "{location:?}");
            if !location.is_empty() {
                assert!(app.page(&location).await.0 < 500, "{location}");
            }
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_vote_with_a_value_no_form_sends_is_a_translated_400_and_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let path = "/sv/articles/reset-forgotten-password/vote";
        let (status, _) = app.post_form(path, &[("helpful", "maybe")]).await;
        assert_eq!(status, 400, "{backend:?}");
        let page = app.client.post(format!("{}{path}", app.address)).form(&[("comment", "x")]).send().await;
        let page = page.expect("response");
        assert_eq!(page.status(), 400);
        assert!(page.text().await.expect("body").contains("Välj ja eller nej"));
        assert_eq!(app.post_form("/sv/articles/no-such-article/vote", &[("helpful", "yes")]).await.0, 404);
        let article = password_article();
        let counts = tuki::store::testing::store_of(&app.state.portal).vote_counts(&article);
        assert_eq!(counts.await.expect("counts"), Default::default());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_vote_naming_a_search_it_did_not_come_from_is_counted_but_teaches_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let path = "/fi/articles/reset-forgotten-password/vote";
        for from in ["abc", "-1", "0", "99999999999999999999999", "<script>alert(1)</script>", "1 OR 1=1", "1"] {
            let (status, location) = app.post_form(path, &[("helpful", "yes"), ("from", from)]).await;
            assert_eq!(
                (status, location.as_str()),
                (303, "/fi/articles/reset-forgotten-password?voted=1#vote"),
                "{from}"
            );
        }
        let store = tuki::store::testing::store_of(&app.state.portal);
        assert!(store.learned_pairs().await.expect("pairs").is_empty(), "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_vote_goes_back_to_its_document_never_to_the_referring_site() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let path = "/en/articles/reset-forgotten-password/vote";
    let response = app
        .client
        .post(format!("{}{path}", app.address))
        .header("accept", "text/html")
        .header("referer", "https://evil.example/phish")
        .form(&[("helpful", "sometimes")])
        .send()
        .await
        .expect("response");
    assert_eq!(response.status(), 400);
    assert!(response.headers().get("location").is_none());
    let (status, location) = app.post_form(path, &[("helpful", "yes")]).await;
    assert_eq!((status, location.as_str()), (303, "/en/articles/reset-forgotten-password?voted=1#vote"));
    // A server function posted as a plain form from another site does not redirect there.
    let suggest = <tuki_app::customer::search::api::Suggest as leptos::server_fn::ServerFn>::PATH;
    let response = app
        .client
        .post(format!("{}{suggest}", app.address))
        .header("accept", "text/html")
        .header("referer", "https://evil.example/phish")
        .form(&[("locale", "xx"), ("q", "kortti")])
        .send()
        .await
        .expect("response");
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("");
    assert!(!location.contains("evil.example"), "{location}");
    app.stop().await;
}

#[tokio::test]
async fn one_address_voting_a_hundred_times_counts_once() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for _ in 0..100 {
            let (status, _) = app.post_form("/fi/articles/reset-forgotten-password/vote", &[("helpful", "yes")]).await;
            assert!(status == 303 || status == 429, "{status}");
        }
        let article = password_article();
        let counts = tuki::store::testing::store_of(&app.state.portal).vote_counts(&article);
        assert_eq!(counts.await.expect("counts").helpful, 1, "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_form_post_from_another_site_is_refused_and_changes_nothing() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let response = app
        .client
        .post(format!("{}/fi/articles/reset-forgotten-password/vote", app.address))
        .header("origin", "https://evil.example")
        .form(&[("helpful", "no")])
        .send()
        .await
        .expect("response");
    assert_eq!(response.status(), 403);
    assert!(response.text().await.expect("body").contains("toiselta sivustolta"));
    let article = password_article();
    let counts = tuki::store::testing::store_of(&app.state.portal).vote_counts(&article);
    assert_eq!(counts.await.expect("counts"), Default::default());
    // The portal's own pages post with their own origin.
    let own = app
        .client
        .post(format!("{}/fi/articles/reset-forgotten-password/vote", app.address))
        .header("origin", app.address.as_str())
        .form(&[("helpful", "no")])
        .send()
        .await
        .expect("response");
    assert_eq!(own.status(), 303);
    app.stop().await;
}

#[tokio::test]
async fn solved_and_contact_posts_racing_on_one_draft_each_land_where_the_draft_really_ended() {
    for backend in backends() {
        let app = std::sync::Arc::new(spawn_app(backend).await);
        for round in 0..5 {
            let step = app.start_form("fi", "e-invoice").await;
            let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
            let contact = check.replace("/check", "/contact");
            let mut posts = Vec::new();
            for i in 0..16 {
                let (app, step, contact) = (app.clone(), step.clone(), contact.clone());
                posts.push(tokio::spawn(async move {
                    if i % 2 == 0 {
                        app.post_form(&step, &[("_action", "solved")]).await
                    } else {
                        app.post_form(&contact, &CONTACT).await
                    }
                }));
            }
            let mut landed = Vec::new();
            for post in posts {
                let (status, location) = post.await.expect("post");
                assert_eq!(status, 303, "{backend:?} round {round}: {location}");
                landed.push(location);
            }
            let draft = step.rsplit('/').nth(1).expect("draft");
            let ticket = tuki::store::testing::store_of(&app.state.portal)
                .ticket_reference_of_draft(&tuki::ticket::DraftId::parse(draft).expect("draft id"))
                .await
                .expect("lookup");
            let expected = if ticket.is_some() { "/done" } else { "/solved" };
            assert!(landed.iter().all(|l| l.ends_with(expected)), "{backend:?} round {round}: {landed:?}");
        }
        if let Ok(app) = std::sync::Arc::try_unwrap(app) {
            app.stop().await;
        }
    }
}

#[tokio::test]
async fn a_body_too_large_or_not_a_form_is_refused_with_a_translated_page() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let step = app.start_form("sv", "e-invoice").await;
    let big = "x".repeat(300 * 1024);
    let response =
        app.client.post(format!("{}{step}", app.address)).form(&[("biller", big.as_str())]).send().await.expect("post");
    assert_eq!(response.status(), 413);
    assert!(response.text().await.expect("body").contains("för stora"));
    let response = app
        .client
        .post(format!("{}{step}", app.address))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 415);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("text/html"));
    app.stop().await;
}

#[tokio::test]
async fn the_api_says_when_to_ask_again_after_a_429() {
    use tuki_server::http::Limited;
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let me: std::net::IpAddr = [127, 0, 0, 1].into();
    while app.state.limiter.allow(me, Limited::Search) {}
    let response = app.get("/api/v1/search?q=kortti", &[]).await;
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "60");
    app.stop().await;
}

#[tokio::test]
async fn status_and_draft_pages_are_never_stored_by_caches() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let step = app.start_form("en", "e-invoice").await;
    assert_eq!(app.get(&step, &[]).await.headers()["cache-control"], "no-store");
    let contact = step.replace("/topic", "/contact");
    assert_eq!(app.get(&contact, &[]).await.headers()["cache-control"], "no-store");
    let status = app.get("/en/tickets/TK-2026-000001?token=abc", &[]).await;
    assert_eq!(status.headers()["cache-control"], "no-store");
    app.stop().await;
}

#[tokio::test]
async fn an_answer_the_step_does_not_ask_is_named_in_the_error_summary_and_big_input_is_not_kept() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("en", "e-invoice").await;
        let (_, back) = app.post_form(&step, &[("topic", "start"), ("injected", "x")]).await;
        assert!(back.ends_with("#error-summary"), "{backend:?}: {back}");
        let (_, body) = app.page(&step).await;
        let summary = body.split("id=\"error-summary\"").nth(1).expect("an error summary");
        let summary = &summary[..summary.find("</div>").expect("end of summary")];
        assert!(summary.contains("The form had an answer it does not ask for"), "{summary}");
        let big = "y".repeat(200_000);
        app.post_form(&step, &[("topic", "nonsense"), ("biller", big.as_str()), ("other", big.as_str())]).await;
        let draft = step.rsplit('/').nth(1).expect("draft");
        let pool = tuki::store::testing::store_of(&app.state.portal).pool();
        let kept: i64 = sqlx::query_scalar("SELECT LENGTH(pending) FROM form_drafts WHERE id = $1")
            .bind(draft)
            .fetch_one(pool)
            .await
            .expect("pending");
        assert!(kept < 10_000, "{backend:?}: {kept} bytes of rejected input kept");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_step_page_beyond_the_search_budget_is_shown_without_searching_or_funnel_rows() {
    use tuki_server::http::Limited;
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let step = app.start_form("fi", "locked-account").await;
    let rows = || async {
        let pool = tuki::store::testing::store_of(&app.state.portal).pool();
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM funnel_events").fetch_one(pool).await.expect("count")
    };
    let (status, body) = app.page(&step).await;
    assert_eq!(status, 200);
    assert!(body.contains("?via="), "suggestions within the budget");
    let before = rows().await;
    let me: std::net::IpAddr = [127, 0, 0, 1].into();
    while app.state.limiter.allow(me, Limited::Search) {}
    for _ in 0..5 {
        let (status, body) = app.page(&step).await;
        assert_eq!(status, 200, "the customer can still answer");
        assert!(!body.contains("?via="), "no suggestions beyond the budget");
    }
    assert_eq!(rows().await, before, "no funnel rows beyond the budget");
    app.stop().await;
}

#[tokio::test]
async fn one_address_gets_a_few_confirmations_an_hour_however_many_requests_name_it() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        for _ in 0..7 {
            let step = app.start_form("fi", "e-invoice").await;
            let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
            let (_, done) = app.post_form(&check.replace("/check", "/contact"), &CONTACT).await;
            assert!(done.ends_with("/done"), "{backend:?}: the ticket is made anyway: {done}");
        }
        let pool = tuki::store::testing::store_of(&app.state.portal).pool();
        let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).fetch_one(pool);
        assert_eq!(count("SELECT COUNT(*) FROM tickets").await.expect("tickets"), 7, "{backend:?}");
        let mails = count("SELECT COUNT(*) FROM outbox").await.expect("mails");
        assert_eq!(mails, tuki::store::MAX_MAILS_PER_RECIPIENT_PER_HOUR, "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_locked_database_answers_a_quick_503_instead_of_queueing_500s() {
    use sqlx::{Connection, Executor};
    let app = std::sync::Arc::new(spawn_app(tuki::store::Backend::Sqlite).await);
    let mut contacts = Vec::new();
    for _ in 0..4 {
        let step = app.start_form("fi", "e-invoice").await;
        let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
        contacts.push(check.replace("/check", "/contact"));
    }
    let url = app.state.portal.config().database_url();
    let mut locker = sqlx::AnyConnection::connect(url.as_str()).await.expect("second connection");
    locker.execute("BEGIN EXCLUSIVE").await.expect("lock");
    let started = std::time::Instant::now();
    let posts: Vec<_> = contacts
        .into_iter()
        .map(|contact| {
            let app = app.clone();
            tokio::spawn(async move {
                let response = app.client.post(format!("{}{contact}", app.address)).form(&CONTACT).send().await;
                let response = response.expect("response");
                (response.status().as_u16(), response.headers().get("retry-after").is_some())
            })
        })
        .collect();
    for post in posts {
        assert_eq!(post.await.expect("post"), (503, true));
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(12), "took {:?}", started.elapsed());
    locker.execute("ROLLBACK").await.expect("unlock");
    assert_eq!(
        tuki::store::testing::store_of(&app.state.portal).ticket_count().await.expect("count"),
        0,
        "nothing half-done"
    );
}

#[tokio::test]
async fn connections_opened_read_only_are_replaced_once_writes_fail_and_readyz_tells() {
    use sqlx::Executor;
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let step = app.start_form("en", "e-invoice").await;
    // Every pooled connection refuses writes, as one opened while the file was read-only does.
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    let mut held = Vec::new();
    for _ in 0..8 {
        let mut conn = pool.acquire().await.expect("connection");
        conn.execute("PRAGMA query_only = ON").await.expect("pragma");
        held.push(conn);
    }
    drop(held);
    assert_eq!(app.get("/readyz", &[]).await.status(), 503, "not ready while writes fail");
    assert_eq!(app.get("/readyz", &[]).await.status(), 200, "new connections write again");
    let (status, location) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
    assert_eq!((status, location.ends_with("/check")), (303, true), "{location}");
    app.stop().await;
}

proptest::proptest! {
    #[test]
    fn any_path_segment_makes_a_valid_location_header(segment in ".{0,40}") {
        let href = tuki::paths::help_href(tuki::Locale::Fi, &segment, &[&segment, "check"]);
        proptest::prop_assert!(axum::http::HeaderValue::from_str(&href).is_ok(), "{}", href);
        proptest::prop_assert_eq!(href.matches('/').count(), 5);
    }

    #[test]
    fn any_forwarding_headers_give_an_address_without_panicking(
        xff in ".{0,60}",
        forwarded in ".{0,60}",
        trusted in proptest::bool::ANY,
    ) {
        let proxies: tuki_server::http::TrustedProxies =
            if trusted { "127.0.0.0/8".parse().expect("list") } else { Default::default() };
        let mut headers = axum::http::HeaderMap::new();
        for (name, value) in [("x-forwarded-for", &xff), ("forwarded", &forwarded)] {
            if let Ok(value) = axum::http::HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        }
        let peer: std::net::IpAddr = [127, 0, 0, 1].into();
        let client = proxies.client(peer, &headers);
        if !trusted {
            proptest::prop_assert_eq!(client, peer);
        }
    }
}

/// The article the vote tests vote on.
fn password_article() -> tuki::content::DocRef {
    tuki::content::DocRef::parse("article/reset-forgotten-password").expect("reference")
}
