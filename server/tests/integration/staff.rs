//! The staff's sign-in over HTTP: the session cookie, the pages, signing out, set-password
//! links, and what a stranger can send.

use crate::app::{TestApp, spawn_app};
use tuki::services::Caller;
use tuki::services::accounts::NewAccount;
use tuki::staff::Role;
use tuki::store::testing::backends;

const PASSWORD: &str = "kesäkuun sininen polkupyörä";

/// Creates an editor account with [`PASSWORD`]; returns a fresh set-password link's token too.
async fn editor(app: &TestApp) -> String {
    let accounts = app.state.portal.accounts();
    let new = NewAccount {
        email: "eeva@bank.fi",
        name: "Eeva Editori",
        locale: tuki::Locale::Fi,
        roles: &[Role::Editor],
        teams: &[],
    };
    let (_, link) = accounts.add(&Caller::Operator, new).await.expect("account");
    accounts.set_password(&Caller::Operator, "eeva@bank.fi", PASSWORD).await.expect("password");
    accounts.password_link_for(&Caller::Operator, "eeva@bank.fi").await.expect("link");
    link
}

async fn post(app: &TestApp, path: &str, fields: &[(&str, &str)], cookie: Option<&str>) -> reqwest::Response {
    let mut request = app.client.post(format!("{}{path}", app.address)).form(fields);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.expect("request")
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_member_signs_in_with_an_http_only_cookie_sees_their_page_and_signs_out() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        editor(&app).await;
        let (status, body) = app.page("/fi/staff/").await;
        assert_eq!(status, 401, "{backend:?}");
        assert!(body.contains("Kirjaudu sisään jatkaaksesi.") && body.contains("noindex"));
        let wrong =
            post(&app, "/fi/staff/sign-in", &[("email", "eeva@bank.fi"), ("password", "väärä salasana")], None).await;
        assert_eq!(
            (wrong.status().as_u16(), header(&wrong, "location").as_str()),
            (303, "/fi/staff/sign-in?error=error-sign-in-failed")
        );
        assert!(header(&wrong, "set-cookie").is_empty());
        let (_, page) = app.page("/fi/staff/sign-in?error=error-sign-in-failed").await;
        assert!(page.contains("Sähköpostiosoite tai salasana on väärin."));
        let (_, page) = app.page("/fi/staff/sign-in?error=%3Cscript%3E").await;
        assert!(!page.contains("<script>") && !page.contains("role=\"alert\""), "only known codes are shown");
        let right = post(&app, "/sv/staff/sign-in", &[("email", "Eeva@Bank.fi"), ("password", PASSWORD)], None).await;
        assert_eq!((right.status().as_u16(), header(&right, "location").as_str()), (303, "/sv/staff/"));
        let cookie = header(&right, "set-cookie");
        assert!(
            cookie.starts_with("tuki_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "the test portal is served over http");
        let session = cookie.split(';').next().expect("pair").to_owned();
        let page = app.get("/sv/staff/", &[("cookie", &session)]).await;
        assert_eq!(page.status(), 200);
        let body = page.text().await.expect("body");
        assert!(body.contains("Eeva Editori") && body.contains("Redaktör"), "{backend:?}");
        let out = post(&app, "/sv/staff/sign-out", &[], Some(&session)).await;
        assert_eq!(header(&out, "location"), "/sv/staff/sign-in?signed_out=1");
        assert!(header(&out, "set-cookie").contains("Max-Age=0"));
        assert_eq!(
            app.get("/sv/staff/", &[("cookie", &session)]).await.status(),
            401,
            "the session ended on the server"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_set_password_link_works_once_and_refusals_come_back_translated() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let link = editor(&app).await;
        let path = format!("/en/staff/password/{link}");
        let (status, page) = app.page(&path).await;
        assert_eq!(status, 200);
        assert!(page.contains("no-referrer") && page.contains("At least 12 characters"));
        let mismatch = post(&app, &path, &[("password", PASSWORD), ("password_again", "something else")], None).await;
        assert_eq!(header(&mismatch, "location"), format!("{path}?error=error-password-mismatch"), "{backend:?}");
        let weak = post(&app, &path, &[("password", "password12345"), ("password_again", "password12345")], None).await;
        assert_eq!(header(&weak, "location"), format!("{path}?error=error-password-too-common"));
        let new_password = "talvinen punainen kirjahylly";
        let set = post(&app, &path, &[("password", new_password), ("password_again", new_password)], None).await;
        assert_eq!(header(&set, "location"), "/en/staff/sign-in?password_set=1");
        let again = post(&app, &path, &[("password", new_password), ("password_again", new_password)], None).await;
        assert_eq!(header(&again, "location"), format!("{path}?error=error-password-link"), "single use");
        let (_, page) = app.page(&format!("{path}?error=error-password-link")).await;
        assert!(page.contains("The link has been used or has expired."));
        let signed_in =
            post(&app, "/en/staff/sign-in", &[("email", "eeva@bank.fi"), ("password", new_password)], None).await;
        assert_eq!(header(&signed_in, "location"), "/en/staff/");
        app.stop().await;
    }
}

#[tokio::test]
async fn strangers_cannot_sign_in_from_another_site_or_break_the_staff_posts() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    editor(&app).await;
    let foreign = app
        .client
        .post(format!("{}/fi/staff/sign-in", app.address))
        .header("origin", "https://evil.example")
        .form(&[("email", "eeva@bank.fi"), ("password", PASSWORD)])
        .send()
        .await
        .expect("request");
    assert_eq!(foreign.status(), 403);
    assert!(header(&foreign, "set-cookie").is_empty());
    let long = "x".repeat(5000);
    for (path, fields) in [
        ("/fi/staff/sign-in", vec![("email", long.as_str()), ("password", long.as_str())]),
        ("/fi/staff/sign-in", vec![]),
        ("/fi/staff/password/%0A%00", vec![("password", "a"), ("password_again", "a")]),
        ("/fi/staff/password/x", vec![("password", long.as_str()), ("password_again", long.as_str())]),
        ("/fi/staff/sign-out", vec![("_action", "everywhere")]),
    ] {
        let response = post(&app, path, &fields, Some("tuki_session=%00%0A; tuki_session=x")).await;
        let status = response.status().as_u16();
        assert!((300..500).contains(&status), "{path}: {status}");
        assert!(!header(&response, "location").contains(['\n', '\0']));
    }
    let forged = app
        .get(
            "/fi/staff/",
            &[("cookie", "tuki_session=0000000000000000000000000000000000000000000000000000000000000000")],
        )
        .await;
    assert_eq!(forged.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn a_reset_link_is_mailed_to_an_account_only_and_the_answer_does_not_tell_which() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        editor(&app).await;
        // Every mail queued, delivered by the running server's job or not.
        let pool = tuki::store::testing::store_of(&app.state.portal).pool();
        let outbox = || async {
            sqlx::query_as::<_, (String, String, String)>(
                "SELECT recipient, text_body, html_body FROM outbox ORDER BY id",
            )
            .fetch_all(pool)
            .await
            .expect("outbox")
        };
        let before = outbox().await.len();
        let unknown = post(&app, "/fi/staff/password-reset", &[("email", "nobody@bank.fi")], None).await;
        let known = post(&app, "/fi/staff/password-reset", &[("email", "EEVA@bank.fi")], None).await;
        for response in [&unknown, &known] {
            assert_eq!(
                (response.status().as_u16(), header(response, "location").as_str()),
                (303, "/fi/staff/sign-in?reset_sent=1")
            );
        }
        let mails = outbox().await;
        assert_eq!(mails.len(), before + 1, "{backend:?}: one mail, to the account only");
        let (to, text, html) = mails.last().expect("mail");
        assert_eq!(to, "eeva@bank.fi");
        let link = text.lines().find(|l| l.contains("/fi/staff/password/")).expect("link in the text").trim();
        assert!(html.contains(link), "and in the HTML");
        let path = link.split_once("/fi/").map(|(_, rest)| format!("/fi/{rest}")).expect("path");
        let new_password = "syksyinen vihreä kahvikuppi";
        let set = post(&app, &path, &[("password", new_password), ("password_again", new_password)], None).await;
        assert_eq!(header(&set, "location"), "/fi/staff/sign-in?password_set=1");
        let (_, page) = app.page("/fi/staff/sign-in?reset_sent=1").await;
        assert!(page.contains("Jos osoitteella on käyttäjätili"));
        app.stop().await;
    }
}
