//! The editors' workspace over HTTP: the edit → preview → publish → search path, translations
//! out of date on the customer's page, and hostile or broken edits. Who may use it: `rights`.

use crate::app::spawn_app;
use crate::rights::{EDITOR, edit_fields, get, location, post, signed_in};
use std::time::{Duration, Instant};
use tuki::services::Caller;
use tuki::staff::Role;
use tuki::store::testing::backends;

#[tokio::test]
async fn an_edit_is_previewed_published_found_by_search_and_flags_the_swedish_page() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let editor = signed_in(&app, "eeva@bank.fi", &[Role::Editor]).await;
        let body = "Sulje kortti heti.\n\nKvarkkikortti on uusi nimi kortillesi.";
        let preview = post(&app, EDITOR, &edit_fields("preview", "Kortti kadonnut", body, "major"), &editor).await;
        assert_eq!(location(&preview), format!("{EDITOR}?preview=1#preview"), "{backend:?}");
        let (status, page) = get(&app, &format!("{EDITOR}?preview=1"), &editor).await;
        assert_eq!(status, 200);
        assert!(page.contains("<p>Kvarkkikortti on uusi nimi kortillesi.</p>"), "the preview is rendered");
        assert!(page.contains("Luonnos on tallennettu."));
        let (_, customer) = get(&app, "/fi/articles/card-lost-or-stolen", "").await;
        assert!(!customer.contains("Kvarkkikortti"), "{backend:?}: the draft is not public");
        // Both pages are now kept for customers (see `http::page_cache`): the publish must replace them.
        let (_, swedish) = get(&app, "/sv/articles/card-lost-or-stolen", "").await;
        assert!(!swedish.contains("Läs originaltexten på finska"), "{backend:?}: up to date before the edit");

        let published = post(&app, EDITOR, &edit_fields("publish", "Kortti kadonnut", body, "major"), &editor).await;
        assert_eq!(location(&published), format!("{EDITOR}?published=1"));
        let started = Instant::now();
        loop {
            let found: serde_json::Value =
                app.get("/api/v1/search?q=kvarkkikortti&locale=fi", &[]).await.json().await.expect("json");
            if found["hits"].as_array().is_some_and(|hits| hits.iter().any(|h| h["slug"] == "card-lost-or-stolen")) {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(2), "{backend:?}: not searchable within 2 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let (_, customer) = get(&app, "/fi/articles/card-lost-or-stolen", "").await;
        assert!(customer.contains("Kvarkkikortti"), "{backend:?}: the published text, not the page kept before");
        let (_, swedish) = get(&app, "/sv/articles/card-lost-or-stolen", "").await;
        assert!(swedish.contains("Läs originaltexten på finska"), "{backend:?}: the out-of-date notice");
        assert!(swedish.contains("href=\"/fi/articles/card-lost-or-stolen\""));
        let (_, list) = get(&app, "/sv/staff/content?state=out-of-date&locale=sv", &editor).await;
        assert!(list.contains("Inaktuell översättning") && list.contains("card-lost-or-stolen"), "{backend:?}");
        let (_, history) = get(&app, &format!("{EDITOR}/history"), &editor).await;
        assert!(history.contains("<ins>") && history.contains("Kvarkkikortti"), "the diff of the latest change");
        app.stop().await;
    }
}

#[tokio::test]
async fn hostile_or_broken_edits_are_refused_or_escaped_and_change_nothing_they_should_not() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let editor = signed_in(&app, "eeva@bank.fi", &[Role::Editor]).await;
        // Refused, with the page's translated message, and nothing saved.
        for (fields, code) in [
            (edit_fields("save", "", "teksti", "minor"), "error-editor-title"),
            (edit_fields("save", "Otsikko", " ", "minor"), "error-editor-body"),
            (edit_fields("save", "Otsikko", "teksti", "huge"), "error-editor-change"),
            (edit_fields("delete-everything", "Otsikko", "teksti", "minor"), "error-editor-action"),
            (vec![("_action", "restore"), ("revision", "-1")], "error-editor-revision"),
        ] {
            let response = post(&app, EDITOR, &fields, &editor).await;
            assert_eq!(location(&response), format!("{EDITOR}?error={code}"), "{backend:?}");
        }
        let (_, page) = get(&app, &format!("{EDITOR}?error=error-editor-title"), &editor).await;
        assert!(page.contains("Anna otsikko, enintään 200 merkkiä."));
        let (_, page) = get(&app, &format!("{EDITOR}?error=%3Cscript%3Ealert(1)%3C/script%3E"), &editor).await;
        assert!(!page.contains("<script>alert(1)"), "only known codes are shown");
        let history = app.state.portal.editing();
        let admin = Caller::Operator;
        let doc = tuki::content::DocRef::parse("article/card-lost-or-stolen").expect("ref");
        let revisions = history.history(&admin, &doc, tuki::Locale::Fi, None, None).await.expect("history").revisions;
        assert_eq!(revisions.len(), 1, "{backend:?}: nothing was saved");
        // Unknown documents and languages are 404s.
        for path in [
            "/fi/staff/content/article/no-such/fi",
            "/fi/staff/content/article/card-lost-or-stolen/de",
            "/fi/staff/content/page/x/fi",
        ] {
            let response = post(&app, path, &edit_fields("save", "T", "B", "minor"), &editor).await;
            assert_eq!(response.status(), 404, "{backend:?} {path}");
            assert_eq!(get(&app, path, &editor).await.0, 404, "{backend:?} GET {path}");
        }
        // Hostile text is saved as text: escaped in the title, the heading and the form, and
        // the rendered Markdown keeps no script.
        let title = "</title><script>alert(1)</script>";
        let body = "</textarea><script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n[x](javascript:alert(4))";
        let saved = post(&app, EDITOR, &edit_fields("preview", title, body, "minor"), &editor).await;
        assert_eq!(saved.status(), 303);
        let (_, page) = get(&app, EDITOR, &editor).await;
        for needle in ["<script>alert(1)", "<script>alert(2)", "<img src=x onerror", "href=\"javascript:"] {
            assert!(!page.contains(needle), "{backend:?}: {needle} reached the page unescaped");
        }
        assert!(page.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown as text");
        // A post from another site is refused before it is read.
        let foreign = app
            .client
            .post(format!("{}{EDITOR}", app.address))
            .header("cookie", &editor)
            .header("origin", "https://evil.example")
            .form(&edit_fields("publish", "T", "B", "major"))
            .send()
            .await
            .expect("request");
        assert_eq!(foreign.status(), 403, "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn new_documents_and_categories_refuse_bad_input_and_show_hostile_names_as_text() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let editor = signed_in(&app, "eeva@bank.fi", &[Role::Editor]).await;
        let new_document = |kind: &'static str, slug: &'static str, category: &'static str, title: &'static str| {
            let mut fields = edit_fields("", title, "Teksti.", "");
            fields.extend([("kind", kind), ("slug", slug), ("category", category), ("locale", "fi")]);
            fields
        };
        for (fields, code) in [
            (new_document("page", "uusi", "cards", "T"), "error-editor-kind"),
            (new_document("article", "Ei Kelpaa", "cards", "T"), "error-editor-slug"),
            (new_document("article", "card-lost-or-stolen", "cards", "T"), "error-editor-slug-taken"),
            (new_document("article", "uusi", "<script>", "T"), "error-editor-category"),
            (new_document("article", "uusi", "cards", ""), "error-editor-title"),
        ] {
            let response = post(&app, "/fi/staff/content/new", &fields, &editor).await;
            assert_eq!(location(&response), format!("/fi/staff/content/new?error={code}"), "{backend:?} {fields:?}");
        }
        let hostile = "<script>alert('uusi')</script>";
        let made =
            post(&app, "/fi/staff/content/new", &new_document("article", "uusi", "cards", hostile), &editor).await;
        assert_eq!(location(&made), "/fi/staff/content/article/uusi/fi?saved=1", "{backend:?}");
        let (_, list) = get(&app, "/fi/staff/content?q=uusi", &editor).await;
        assert!(list.contains("&lt;script&gt;alert(") && !list.contains(hostile), "{backend:?}: the title is text");
        let (status, _) = get(&app, "/fi/articles/uusi", "").await;
        assert_eq!(status, 404, "a new document is a draft");

        let category = |slug: &'static str, fi: &'static str| {
            vec![
                ("_action", "save-category"),
                ("slug", slug),
                ("name_fi", fi),
                ("name_sv", "Lån"),
                ("name_en", "Loans"),
            ]
        };
        for (fields, code) in [
            (category("Lainat!", "Lainat"), "error-category-slug"),
            (category("lainat", " "), "error-category-name"),
            (vec![("_action", "delete"), ("slug", "cards")], "error-category-not-empty"),
        ] {
            let response = post(&app, "/fi/staff/categories", &fields, &editor).await;
            assert_eq!(location(&response), format!("/fi/staff/categories?error={code}"), "{backend:?} {fields:?}");
        }
        let saved =
            post(&app, "/fi/staff/categories", &category("lainat", "<img src=x onerror=alert(1)>"), &editor).await;
        assert_eq!(location(&saved), "/fi/staff/categories?created=1");
        let (_, page) = get(&app, "/fi/staff/categories", &editor).await;
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;") && !page.contains("<img src=x"), "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn analytics_download_as_csv_and_a_bad_period_or_table_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let editor = signed_in(&app, "eeva@bank.fi", &[Role::Editor]).await;
        assert_eq!(app.get("/fi/search?q=kortti", &[]).await.status(), 200);
        let (status, page) = get(&app, "/fi/staff/analytics", &editor).await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(page.contains("role=\"img\"") && page.contains(">kortti<"), "a chart and its table");
        let response =
            app.get("/fi/staff/analytics/csv/top-searches?from=2026-01-01&to=2028-12-31", &[("cookie", &editor)]).await;
        assert_eq!(response.status(), 200);
        let header =
            |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert_eq!(header("content-type"), "text/csv; charset=utf-8");
        assert_eq!(
            header("content-disposition"),
            "attachment; filename=\"tuki-top-searches-2026-01-01-2028-12-31.csv\""
        );
        let body = response.text().await.expect("body");
        assert!(body.starts_with("\u{feff}query,locale,searches,without_results,opened\r\n"), "{body}");
        assert!(body.contains("kortti,fi,1,0,0"), "{backend:?}: {body}");
        for path in [
            "/fi/staff/analytics/csv/top-searches?from=2026-13-01",
            "/fi/staff/analytics/csv/top-searches?from=2026-02-01&to=2026-01-01",
            "/fi/staff/analytics/csv/top-searches?from=%3Cscript%3E",
        ] {
            assert_eq!(get(&app, path, &editor).await.0, 400, "{backend:?} {path}");
        }
        assert_eq!(get(&app, "/fi/staff/analytics/csv/..%2F..%2Fetc%2Fpasswd", &editor).await.0, 404);
        let (status, page) = get(&app, "/fi/staff/analytics?from=2026-02-01&to=2026-01-01", &editor).await;
        assert_eq!(status, 400);
        assert!(page.contains("Valitse enintään kolmen vuoden aikaväli"), "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn questions_a_text_answers_are_refused_when_too_many_or_too_long_and_shown_as_text() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let editor = signed_in(&app, "eeva@bank.fi", &[Role::Editor]).await;
        let many: String = (0..21).map(|i| format!("kysymys {i}\n")).collect();
        let long = format!("{}?", "a".repeat(201));
        for questions in [many.as_str(), long.as_str()] {
            let mut fields = edit_fields("save", "Otsikko", "teksti", "minor");
            fields.push(("questions", questions));
            let response = post(&app, EDITOR, &fields, &editor).await;
            assert_eq!(location(&response), format!("{EDITOR}?error=error-editor-questions"), "{backend:?}");
        }
        let (_, page) = get(&app, &format!("{EDITOR}?error=error-editor-questions"), &editor).await;
        assert!(page.contains("Anna enintään 20 kysymystä, kukin enintään 200 merkkiä."), "{backend:?}");
        let mut fields = edit_fields("preview", "Otsikko", "teksti", "minor");
        fields.push(("questions", "</textarea><script>alert(5)</script>\r\nHukkasin\u{0}kortin?"));
        assert_eq!(post(&app, EDITOR, &fields, &editor).await.status(), 303, "{backend:?}");
        let (_, page) = get(&app, EDITOR, &editor).await;
        assert!(!page.contains("<script>alert(5)"), "{backend:?}: a question reached the page unescaped");
        assert!(page.contains("&lt;/textarea&gt;&lt;script&gt;alert(5)&lt;/script&gt;"), "{backend:?}: kept as text");
        app.stop().await;
    }
}
