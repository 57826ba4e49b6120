//! Who may do what over HTTP: every staff page, every staff form action and every staff server
//! function called as anonymous, a customer, an agent, an editor and an admin (the rights
//! matrix); and the admins' accounts page (invitations by mail, disabling, the audit log).

use crate::app::{TestApp, spawn_app};
use tuki::services::Caller;
use tuki::services::accounts::NewAccount;
use tuki::staff::Role;
use tuki::store::testing::backends;
use tuki_app::staff::api::STAFF_SERVER_FNS;

pub const PASSWORD: &str = "kesäkuun sininen polkupyörä";
/// The editor of a demo article's Finnish text.
pub const EDITOR: &str = "/fi/staff/content/article/card-lost-or-stolen/fi";

/// Creates a signed-in account with `roles`; returns its `cookie` header.
pub async fn signed_in(app: &TestApp, email: &str, roles: &[Role]) -> String {
    let accounts = app.state.portal.accounts();
    // Agents work in every demo team.
    let teams: Vec<tuki::content::Slug> = if roles.contains(&Role::Agent) {
        ["app-usage-advice", "payments-and-online-services", "technical-support"]
            .map(|t| tuki::content::Slug::parse(t).expect("team"))
            .to_vec()
    } else {
        vec![]
    };
    let new = NewAccount { email, name: "Testi Henkilö", locale: tuki::Locale::Fi, roles, teams: &teams };
    accounts.add(&Caller::Operator, new).await.expect("account");
    accounts.set_password(&Caller::Operator, email, PASSWORD).await.expect("password");
    let session = accounts.sign_in(email, PASSWORD, [192, 0, 2, 9].into()).await.expect("signed in");
    format!("tuki_session={}", session.token)
}

/// `POST path` as a form, with `cookie` unless it is empty.
pub async fn post(app: &TestApp, path: &str, fields: &[(&str, &str)], cookie: &str) -> reqwest::Response {
    let mut request = app.client.post(format!("{}{path}", app.address)).form(fields);
    if !cookie.is_empty() {
        request = request.header("cookie", cookie);
    }
    request.send().await.expect("request")
}

/// `GET path` with `cookie` unless it is empty: the status and the body.
pub async fn get(app: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let headers: Vec<(&str, &str)> = if cookie.is_empty() { vec![] } else { vec![("cookie", cookie)] };
    let response = app.get(path, &headers).await;
    (response.status().as_u16(), response.text().await.expect("body"))
}

/// The redirect's target.
pub fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// The editor form's fields.
pub fn edit_fields<'a>(action: &'a str, title: &'a str, body: &'a str, change: &'a str) -> Vec<(&'a str, &'a str)> {
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

/// Who asks: the matrix's rows.
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

/// Who a page, form or function is for: the matrix's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum For {
    /// Any signed-in member of staff.
    Staff,
    /// Editors and admins.
    Editors,
    /// Admins.
    Admins,
    /// Agents.
    Agents,
}

/// What each caller gets: a signed-out caller is asked to sign in, staff without the role are
/// refused, the others let in.
fn expected(who: Who, audience: For) -> &'static str {
    match (who, audience) {
        (Who::Anonymous | Who::Customer, _) => "sign in",
        (Who::Agent, For::Editors | For::Admins)
        | (Who::Editor, For::Admins | For::Agents)
        | (Who::Admin, For::Agents) => "refused",
        _ => "allowed",
    }
}

/// A form post of the matrix: where, the fields, and who it is for.
type Post<'a> = (&'a str, Vec<(&'a str, &'a str)>, For);

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

#[tokio::test]
async fn every_staff_page_form_and_server_function_checks_the_callers_role() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let doc = tuki::content::DocRef::parse("article/card-lost-or-stolen").expect("ref");
        let history = app.state.portal.editing().history(&Caller::Operator, &doc, tuki::Locale::Fi, None, None).await;
        let first_revision = history.expect("history").revisions[0].id.to_string();
        let history_page = format!("{EDITOR}/history");
        // A customer's ticket for the desk's pages.
        let step = app.start_form("fi", "e-invoice").await;
        let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
        app.post_form(&check.replace("/check", "/contact"), &crate::help::CONTACT).await;
        let pool = tuki::store::testing::store_of(&app.state.portal).pool();
        let reference: String =
            sqlx::query_scalar("SELECT reference FROM tickets").fetch_one(pool).await.expect("ticket");
        let desk_ticket = format!("/fi/staff/desk/{reference}");
        for (who, cookie) in cookies(&app).await {
            // Pages: 401 with a way to sign in, 403, or the page.
            for (path, audience) in [
                ("/fi/staff/", For::Staff),
                ("/fi/staff/content", For::Editors),
                (EDITOR, For::Editors),
                (history_page.as_str(), For::Editors),
                ("/fi/staff/content/new", For::Editors),
                ("/fi/staff/categories", For::Editors),
                ("/fi/staff/analytics", For::Editors),
                ("/fi/staff/analytics/csv/top-searches", For::Editors),
                ("/fi/staff/accounts", For::Admins),
                ("/fi/staff/audit", For::Admins),
                ("/fi/staff/desk", For::Agents),
                (desk_ticket.as_str(), For::Agents),
            ] {
                let (status, body) = get(&app, path, &cookie).await;
                let got = match status {
                    // The CSV download's refusal is the plain translated 401 page.
                    401 if body.contains("/fi/staff/sign-in") || path.contains("/csv/") => "sign in",
                    403 => "refused",
                    200 => "allowed",
                    other => panic!("{backend:?} {who:?} {path}: {other}"),
                };
                assert_eq!(got, expected(who, audience), "{backend:?} {who:?} GET {path}");
            }
            // Every form action.
            let mut posts: Vec<Post<'_>> = ["save", "preview", "publish", "unpublish", "restore"]
                .into_iter()
                .map(|action| {
                    let mut fields = edit_fields(action, "Kortti kadonnut", "Sulje kortti heti.", "minor");
                    fields.push(("revision", &first_revision));
                    (EDITOR, fields, For::Editors)
                })
                .collect();
            // After the editor's actions above the text has a draft (the restored revision).
            let reviewer = if who == Who::Admin { "eeva@bank.fi" } else { "aino@bank.fi" };
            // Sending back is the reviewer's: the editor, first, finds no review asked for (a
            // redirect with the reason: the role check passed) and asks the admin, who then
            // sends it back as its reviewer and asks the editor in turn.
            posts.push((EDITOR, vec![("_action", "return-draft"), ("comment", "Korjaa")], For::Editors));
            posts.push((EDITOR, vec![("_action", "request-review"), ("reviewer", reviewer)], For::Editors));
            let mut moved = edit_fields("move", "", "", "");
            moved.push(("category", "cards"));
            posts.push((EDITOR, moved, For::Editors));
            let new_slug = format!("matriisi-{who:?}").to_lowercase();
            let new_editor = format!("/fi/staff/content/article/{new_slug}/fi");
            let mut create = edit_fields("", "Uusi", "Uusi teksti.", "");
            create.extend([("kind", "article"), ("slug", new_slug.as_str()), ("category", "cards"), ("locale", "fi")]);
            posts.push(("/fi/staff/content/new", create, For::Editors));
            posts.push((&new_editor, vec![("_action", "delete"), ("confirm", "yes")], For::Editors));
            let category = vec![
                ("_action", "save-category"),
                ("slug", "matriisi"),
                ("name_fi", "Matriisi"),
                ("name_sv", "Matris"),
                ("name_en", "Matrix"),
            ];
            posts.push(("/fi/staff/categories", category, For::Editors));
            for action in ["send-link", "disable", "enable"] {
                posts.push(("/fi/staff/accounts", vec![("_action", action), ("email", "antti@bank.fi")], For::Admins));
            }
            let invite = vec![
                ("_action", "create"),
                ("email", "uusi@bank.fi"),
                ("name", "Uusi"),
                ("locale", "fi"),
                ("role", "agent"),
            ];
            posts.push(("/fi/staff/accounts", invite, For::Admins));
            posts.push((&desk_ticket, vec![("_action", "note"), ("body", "Matriisi")], For::Agents));
            for (path, fields, audience) in posts {
                let response = post(&app, path, &fields, &cookie).await;
                let got = match response.status().as_u16() {
                    401 => "sign in",
                    403 => "refused",
                    303 if location(&response).starts_with("/fi/staff/")
                        && (!location(&response).contains("error")
                            || location(&response).ends_with("error=error-review-none")) =>
                    {
                        "allowed"
                    }
                    other => panic!("{backend:?} {who:?} {path} {fields:?}: {other} {}", location(&response)),
                };
                assert_eq!(got, expected(who, audience), "{backend:?} {who:?} POST {path} {fields:?}");
            }
            // The staff server functions, with arguments that would succeed for their audience.
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
                    ("from", ""),
                    ("to", ""),
                    ("page", "2"),
                    ("queue", ""),
                    ("priority", ""),
                    ("reply_locale", ""),
                    ("reference", &reference),
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
                let audience = if path.contains("staff_home") {
                    For::Staff
                } else if path.contains("load_accounts") || path.contains("load_audit") {
                    For::Admins
                } else if path.contains("load_desk") {
                    For::Agents
                } else {
                    For::Editors
                };
                assert_eq!(got, expected(who, audience), "{backend:?} {who:?} {path}: {body}");
            }
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn an_admin_invites_by_mail_cannot_lock_themselves_out_and_reads_every_action_in_the_audit_log() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let admin = signed_in(&app, "aino@bank.fi", &[Role::Admin]).await;
        let invite = [
            ("_action", "create"),
            ("email", "Uusi.Agentti@Bank.fi"),
            ("name", "<b>Uusi</b> Agentti"),
            ("locale", "sv"),
            ("role", "agent"),
            ("team", "payments-and-online-services"),
        ];
        let created = post(&app, "/fi/staff/accounts", &invite, &admin).await;
        assert_eq!(location(&created), "/fi/staff/accounts?created=1", "{backend:?}");
        // The link goes by mail, in the account's language; the admin's page never shows it.
        // Every mail queued, delivered by the running server's job or not.
        let pool = tuki::store::testing::store_of(&app.state.portal).pool();
        let mails: Vec<(String, String)> = sqlx::query_as("SELECT recipient, text_body FROM outbox ORDER BY id")
            .fetch_all(pool)
            .await
            .expect("outbox");
        let (_, text) = mails.iter().find(|(to, _)| to == "uusi.agentti@bank.fi").expect("the invitation");
        assert!(text.contains("/sv/staff/password/") && text.contains("24"), "{backend:?}: {text}");
        let (status, page) = get(&app, "/fi/staff/accounts?created=1", &admin).await;
        assert_eq!(status, 200);
        assert!(page.contains("&lt;b&gt;Uusi&lt;/b&gt; Agentti") && !page.contains("<b>Uusi</b>"), "names are text");
        assert!(page.contains("Kutsuttu: ei vielä salasanaa") && !page.contains("/staff/password/"));
        // Refusals go back with a translated reason and change nothing.
        for (fields, code) in [
            (
                vec![
                    ("_action", "create"),
                    ("email", "uusi.agentti@bank.fi"),
                    ("name", "X"),
                    ("locale", "fi"),
                    ("role", "agent"),
                ],
                "error-staff-email-taken",
            ),
            (
                vec![("_action", "create"), ("email", "x@bank.fi"), ("name", "X"), ("locale", "fi"), ("role", "root")],
                "error-staff-roles",
            ),
            (
                vec![("_action", "create"), ("email", "x@bank.fi"), ("name", "X"), ("locale", "de"), ("role", "agent")],
                "error-staff-locale",
            ),
            (
                vec![
                    ("_action", "create"),
                    ("email", "x@bank.fi"),
                    ("name", "X"),
                    ("locale", "fi"),
                    ("role", "agent"),
                    ("team", "no-such-team"),
                ],
                "error-staff-team",
            ),
            (vec![("_action", "disable"), ("email", "aino@bank.fi")], "error-staff-disable-self"),
            (vec![("_action", "disable"), ("email", "nobody@bank.fi")], "error-staff-unknown"),
            (vec![("_action", "drop-table")], "error-staff-action"),
        ] {
            let response = post(&app, "/fi/staff/accounts", &fields, &admin).await;
            assert_eq!(location(&response), format!("/fi/staff/accounts?error={code}"), "{backend:?} {fields:?}");
        }
        let listed = app.state.portal.accounts().list(&Caller::Operator).await.expect("list");
        assert_eq!(listed.len(), 2, "{backend:?}: nothing was created by a refusal");
        assert!(get(&app, "/fi/staff/", &admin).await.0 == 200, "the admin is still signed in");
        // Disabling signs the person out everywhere.
        let agent = signed_in(&app, "antti@bank.fi", &[Role::Agent]).await;
        assert_eq!(get(&app, "/fi/staff/", &agent).await.0, 200);
        let disabled =
            post(&app, "/fi/staff/accounts", &[("_action", "disable"), ("email", "antti@bank.fi")], &admin).await;
        assert_eq!(location(&disabled), "/fi/staff/accounts?disabled=1");
        assert_eq!(get(&app, "/fi/staff/", &agent).await.0, 401, "{backend:?}");
        let (_, audit) = get(&app, "/fi/staff/audit", &admin).await;
        for action in ["account.create", "account.invitation-sent", "account.disable"] {
            assert!(audit.contains(action), "{backend:?}: {action} is in the audit log");
        }
        assert!(audit.contains("Testi Henkilö &lt;aino@bank.fi&gt;"), "who, by name and address");
        app.stop().await;
    }
}
