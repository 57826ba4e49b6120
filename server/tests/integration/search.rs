//! The search API and the derived index, on every backend of the test run.

use crate::app::{spawn_app, spawn_app_in};
use serde_json::Value;
use tuki::store::testing::backends;

#[tokio::test]
async fn the_search_api_answers_in_the_documented_shape() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let response = app.get("/api/v1/search?q=kortti%20kadonnut&locale=fi&limit=3", &[]).await;
        assert_eq!(response.status(), 200, "{backend:?}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["query"], "kortti kadonnut");
        assert_eq!(body["locale"], "fi");
        assert!(body["took_ms"].is_number());
        assert!(body["total"].as_u64().expect("total") >= 1);
        let hits = body["hits"].as_array().expect("hits");
        assert!(hits.len() <= 3);
        let first = &hits[0];
        assert_eq!(first["slug"], "card-lost-or-stolen");
        assert_eq!(first["kind"], "article");
        assert_eq!(first["url"], "/fi/articles/card-lost-or-stolen");
        assert_eq!(first["category"], "cards");
        assert!(first["snippet"].as_str().expect("snippet").contains("<mark>"));
        assert!(first["score"].as_f64().expect("score") > 0.0);
    }
}

#[tokio::test]
async fn bad_api_parameters_get_400_with_a_code_and_a_translated_message() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    for (query, code) in [
        ("", "error-api-missing-query"),
        ("?q=x&locale=de", "error-api-invalid-locale"),
        ("?q=x&limit=0", "error-api-invalid-limit"),
        ("?q=x&limit=abc", "error-api-invalid-limit"),
        ("?q=x&kind=faq", "error-api-invalid-kind"),
        ("?q=x&category=Bad%20Slug", "error-api-invalid-category"),
    ] {
        let response = app.get(&format!("/api/v1/search{query}"), &[]).await;
        assert_eq!(response.status(), 400, "{query}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["error"]["code"], code, "{query}");
        assert!(!body["error"]["message"].as_str().expect("message").is_empty());
    }
    let swedish: Value = app.get("/api/v1/search?q=x&locale=sv&limit=99", &[]).await.json().await.expect("json");
    assert_eq!(swedish["error"]["message"], "Parametern limit ska vara ett heltal från 1 till 50.");
}

#[tokio::test]
async fn search_results_are_identical_on_sqlite_and_postgresql() {
    let mut answers = Vec::new();
    for backend in backends() {
        let app = spawn_app(backend).await;
        let mut answer = Vec::new();
        for q in ["salasana", "lösenord", "vpn not connecting", "e-lasku", "kort"] {
            let body: Value =
                app.get(&format!("/api/v1/search?q={q}&locale=sv&limit=10"), &[]).await.json().await.expect("json");
            let slugs: Vec<String> =
                body["hits"].as_array().expect("hits").iter().map(|h| format!("{}/{}", h["kind"], h["slug"])).collect();
            answer.push(slugs);
        }
        answers.push(answer);
    }
    if answers.len() == 2 {
        assert_eq!(answers[0], answers[1]);
    }
}

#[tokio::test]
async fn a_deleted_or_corrupted_index_is_rebuilt_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let app = spawn_app_in(tuki::store::Backend::Sqlite, dir.path()).await;
        assert_eq!(app.get("/api/v1/search?q=vpn&locale=en", &[]).await.status(), 200);
        app.stop().await;
    }
    let index = dir.path().join("data").join("index");
    std::fs::remove_dir_all(&index).expect("delete index");
    {
        let app = spawn_app_in(tuki::store::Backend::Sqlite, dir.path()).await;
        let body: Value = app.get("/api/v1/search?q=vpn&locale=en", &[]).await.json().await.expect("json");
        assert!(body["total"].as_u64().expect("total") > 0, "after deletion: {body}");
        app.stop().await;
    }
    // Corrupt every file of the index.
    for entry in std::fs::read_dir(&index).expect("index dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            std::fs::write(&path, b"garbage").expect("corrupt");
        }
    }
    let app = spawn_app_in(tuki::store::Backend::Sqlite, dir.path()).await;
    let body: Value = app.get("/api/v1/search?q=vpn&locale=en", &[]).await.json().await.expect("json");
    assert!(body["total"].as_u64().expect("total") > 0, "after corruption: {body}");
}

#[tokio::test]
async fn the_results_page_logs_the_search_and_the_opened_hit() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let html = app.get("/en/search?q=Lost%20%20CARD", &[]).await.text().await.expect("page");
    let link = html.split("href=\"/en/articles/card-lost-or-stolen?from=").nth(1).expect("a logged result link");
    let id: String = link.chars().take_while(char::is_ascii_digit).collect();
    assert_eq!(app.get(&format!("/en/articles/card-lost-or-stolen?from={id}"), &[]).await.status(), 200);
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    let (query, clicked): (String, Option<String>) =
        sqlx::query_as("SELECT query, clicked_slug FROM search_log WHERE id = $1")
            .bind(id.parse::<i64>().expect("id"))
            .fetch_one(pool)
            .await
            .expect("logged");
    assert_eq!(query, "lost card");
    assert_eq!(clicked.as_deref(), Some("card-lost-or-stolen"));
}

#[tokio::test]
async fn content_imported_by_another_process_is_searchable_on_a_running_server_within_seconds() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let total = |body: Value| body["total"].as_u64().expect("total");
        let search = || async {
            let response = app.get("/api/v1/search?q=quokkacard&locale=en", &[]).await;
            total(response.json::<Value>().await.expect("json"))
        };
        assert_eq!(search().await, 0, "{backend:?}");
        // What `tuki import` does beside the running server: the database only.
        let bundle_dir = tempfile::tempdir().expect("temp dir");
        let write = |rel: &str, text: &str| {
            let path = bundle_dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("categories.yaml", "cards:\n  fi: Kortit\n  sv: Kort\n  en: Cards\n");
        write("articles/quokka/en.md", "---\ntitle: Quokkacard frozen\ncategory: cards\n---\nThaw it.\n");
        let bundle = tuki::content::bundle::Bundle::read(bundle_dir.path()).expect("bundle");
        let cli = tuki::Portal::open_without_index(app.state.portal.config().clone()).await.expect("beside the server");
        cli.import(&bundle).await.expect("import");
        cli.close().await;
        let started = std::time::Instant::now();
        while search().await == 0 {
            assert!(started.elapsed() < std::time::Duration::from_secs(5), "not searchable after 5 s");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn searches_beyond_the_budget_are_refused_on_every_way_in_and_other_pages_still_work() {
    use tuki_server::http::Limited;
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    assert_eq!(app.get("/en/search?q=card", &[]).await.status(), 200);
    let suggest_path = <tuki_app::customer::search::api::Suggest as leptos::server_fn::ServerFn>::PATH;
    let suggest =
        || app.client.post(format!("{}{suggest_path}", app.address)).form(&[("locale", "fi"), ("q", "kortti")]);
    assert_eq!(suggest().send().await.expect("request").status(), 200, "the header's suggestions");
    // Spend the rest of this address's budget (the test server allows 600 a minute).
    let me: std::net::IpAddr = [127, 0, 0, 1].into();
    while app.state.limiter.allow(me, Limited::Search) {}
    let page = app.get("/sv/search?q=kort", &[]).await;
    assert_eq!(page.status(), 429);
    assert_eq!(page.headers()["retry-after"], "60");
    assert!(page.text().await.expect("body").contains("För många förfrågningar"));
    assert_eq!(app.get("/api/v1/search?q=kort&locale=sv", &[]).await.status(), 429);
    assert_eq!(suggest().send().await.expect("request").status(), 429);
    // Pages that do not search are not limited.
    assert_eq!(app.get("/en/search", &[]).await.status(), 200);
    assert_eq!(app.get("/en/", &[]).await.status(), 200);
    app.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_the_search_api_as_it_answers() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    let response = app.get("/api/v1/openapi.json", &[]).await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.expect("json");
    let search = &doc["paths"]["/api/v1/search"]["get"];
    let names: Vec<&str> =
        search["parameters"].as_array().expect("parameters").iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["q", "locale", "limit", "category", "kind"]);
    for status in ["200", "400", "429", "503"] {
        assert!(search["responses"][status].is_object(), "{status} undocumented");
    }
    assert!(doc["components"]["schemas"]["ApiResults"]["properties"]["hits"].is_object());
    app.stop().await;
}
