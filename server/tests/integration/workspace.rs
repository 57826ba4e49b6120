//! The editors' workspace over HTTP: who may open each staff page, post each staff form and
//! call each staff server function (the rights matrix), the edit → preview → publish → search
//! path, translations out of date on the customer's page, and hostile text.

use crate::app::{TestApp, spawn_app};
use std::time::{Duration, Instant};
use tuki::services::Caller;
use tuki::services::accounts::NewAccount;
use tuki::staff::Role;
use tuki::store::testing::backends;
use tuki_app::staff::api::STAFF_SERVER_FNS;

const PASSWORD: &str = "kesäkuun sininen polkupyörä";
const EDITOR: &str = "/fi/staff/content/article/card-lost-or-stolen/fi";

/// Who asks, as the matrix's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// No cookie at all.
    Anonymous,
    /// A customer's browser: the language cookie and a session cookie nobody issued.
    Customer,
    Agent,
    Editor,
    Admin,
}

/// Creates a signed-in account with `roles`; returns its `cookie` header.
async fn signed_in(app: &TestApp, email: &str, roles: &[Role]) -> String {
    let accounts = app.state.portal.accounts();
    let new = NewAccount { email, name: "Testi Henkilö", locale: tuki::Locale::Fi, roles, teams: &[] };
    accounts.add(&Caller::Operator, new).await.expect("account");
    accounts.set_password(&Caller::Operator, email, PASSWORD).await.expect("password");
    let session = accounts.sign_in(email, PASSWORD, [192, 0, 2, 9].into()).await.expect("signed in");
    format!("tuki_session={}", session.token)
}

/// Each kind of caller's cookie header.
async fn cookies(app: &TestApp) -> Vec<(Who, String)> {
    vec![
        (Who::Anonymous, String::new()),
        (Who::Customer, "lang=fi; tuki_session=forged0123456789".to_owned()),
        (Who::Agent, signed_in(app, "antti@bank.fi", &[Role::Agent]).await),
        (Who::Editor, signed_in(app, "eeva@bank.fi", &[Role::Editor]).await),
        (Who::Admin, signed_in(app, "aino@bank.fi", &[Role::Admin]).await),
    ]
}

async fn post(app: &TestApp, path: &str, fields: &[(&str, &str)], cookie: &str) -> reqwest::Response {
    let mut request = app.client.post(format!("{}{path}", app.address)).form(fields);
    if !cookie.is_empty() {
        request = request.header("cookie", cookie);
    }
    request.send().await.expect("request")
}

async fn get(app: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let headers: Vec<(&str, &str)> = if cookie.is_empty() { vec![] } else { vec![("cookie", cookie)] };
    let response = app.get(path, &headers).await;
    (response.status().as_u16(), response.text().await.expect("body"))
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn edit_fields<'a>(action: &'a str, title: &'a str, body: &'a str, change: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("_action", action),
        ("title", title),
        ("summary", ""),
        ("body", body),
        ("tags", "kortti"),
        ("change", change),
        ("note", ""),
    ]
}

/// What each caller gets: a signed-out caller is asked to sign in, staff without the editor's
/// or admin's role are refused, editors and admins are let in.
fn expected(who: Who, editors_only: bool) -> &'static str {
    match who {
        Who::Anonymous | Who::Customer => "sign in",
        Who::Agent if editors_only => "refused",
        Who::Agent | Who::Editor | Who::Admin => "allowed",
    }
}

#[tokio::test]
async fn every_staff_page_form_and_server_function_checks_the_callers_role() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let doc = tuki::content::DocRef::parse("article/card-lost-or-stolen").expect("ref");
        let history = app.state.portal.editing().history(&Caller::Operator, &doc, tuki::Locale::Fi, None, None).await;
        let first_revision = history.expect("history").revisions[0].id.to_string();
        for (who, cookie) in cookies(&app).await {
            // Pages: 401 with a way to sign in, 403, or the page.
            for (path, editors_only) in [
                ("/fi/staff/", false),
                ("/fi/staff/content", true),
                (EDITOR, true),
                (&format!("{EDITOR}/history") as &str, true),
            ] {
                let (status, body) = get(&app, path, &cookie).await;
                let got = match status {
                    401 if body.contains("/fi/staff/sign-in") => "sign in",
                    403 => "refused",
                    200 => "allowed",
                    other => panic!("{backend:?} {who:?} {path}: {other}"),
                };
                assert_eq!(got, expected(who, editors_only), "{backend:?} {who:?} GET {path}");
            }
            // The editor's form: every action.
            for action in ["save", "preview", "publish", "unpublish", "restore"] {
                let mut fields = edit_fields(action, "Kortti kadonnut", "Sulje kortti heti.", "minor");
                fields.push(("revision", &first_revision));
                let response = post(&app, EDITOR, &fields, &cookie).await;
                let got = match response.status().as_u16() {
                    401 => "sign in",
                    403 => "refused",
                    303 if location(&response).starts_with(EDITOR) => "allowed",
                    other => panic!("{backend:?} {who:?} {action}: {other} {}", location(&response)),
                };
                assert_eq!(got, expected(who, true), "{backend:?} {who:?} POST {action}");
            }
            // The staff server functions, with arguments that would succeed for an editor.
            for path in STAFF_SERVER_FNS {
                let fields: &[(&str, &str)] = &[
                    ("lang", "fi"),
                    ("category", ""),
                    ("status", ""),
                    ("text_locale", "fi"),
                    ("state", ""),
                    ("query", ""),
                    ("kind", "article"),
                    ("slug", "card-lost-or-stolen"),
                    ("body", "**lihavoitu**"),
                ];
                let response = post(&app, path, fields, &cookie).await;
                let status = response.status().as_u16();
                let body = response.text().await.expect("body");
                let got = if body.contains("error-not-signed-in") || body == "null" {
                    "sign in"
                } else if body.contains("error-forbidden") {
                    "refused"
                } else if status == 200 {
                    "allowed"
                } else {
                    panic!("{backend:?} {who:?} {path}: {status} {body}")
                };
                let editors_only = !path.contains("staff_home");
                assert_eq!(got, expected(who, editors_only), "{backend:?} {who:?} {path}: {body}");
            }
        }
        app.stop().await;
    }
}

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
