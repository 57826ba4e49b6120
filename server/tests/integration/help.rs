//! The guided forms over HTTP, as a browser without JavaScript uses them: plain form posts
//! answered with redirects, on every backend of the test run.

use crate::app::{TestApp, spawn_app};
use tuki::store::testing::backends;

impl TestApp {
    /// `POST path` with a form body; returns the status and the redirect target.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let response =
            self.client.post(format!("{}{path}", self.address)).form(fields).send().await.expect("request failed");
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        (response.status().as_u16(), location)
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path, &[]).await;
        (response.status().as_u16(), response.text().await.expect("body"))
    }

    /// Starts `form` in `lang`; returns the first step's address.
    pub async fn start_form(&self, lang: &str, form: &str) -> String {
        let (status, location) = self.post_form(&format!("/{lang}/help/{form}"), &[]).await;
        assert_eq!(status, 303);
        location
    }
}

async fn funnel_events(app: &TestApp, event: &str) -> i64 {
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM funnel_events WHERE event = $1")
        .bind(event)
        .fetch_one(pool)
        .await
        .expect("count")
}

async fn solved_events(app: &TestApp) -> i64 {
    funnel_events(app, "solved").await
}

async fn opened_events(app: &TestApp) -> i64 {
    funnel_events(app, "suggestion-opened").await
}

/// The addresses of the suggested documents on a step page.
fn suggestion_links(body: &str) -> Vec<String> {
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.contains("?via="))
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

#[tokio::test]
async fn the_help_page_lists_every_request_type_in_the_page_language() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let (status, body) = app.page("/sv/help").await;
        assert_eq!(status, 200, "{backend:?}");
        for title in ["Låst konto eller glömt lösenord", "Kortet borttappat eller spärrat", "E-fakturor"] {
            assert!(body.contains(title), "{title} missing");
        }
        let (status, body) = app.page("/fi/help/card-lost").await;
        assert_eq!(status, 200);
        assert!(body.contains("Kortti kadonnut tai lukittunut") && body.contains("Aloita"));
        app.stop().await;
    }
}

#[tokio::test]
async fn a_step_with_errors_comes_back_with_an_error_summary_and_the_input_kept() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("fi", "general-request").await;
        assert!(step.ends_with("/request"), "{step}");
        let (status, back) = app.post_form(&step, &[("area", "device"), ("summary", "abc")]).await;
        assert_eq!((status, back.as_str()), (303, format!("{step}#error-summary").as_str()), "{backend:?}");
        let (_, body) = app.page(&step).await;
        assert!(body.contains("id=\"error-summary\""), "no error summary");
        assert!(body.contains("href=\"#field-summary\""), "the summary links to the field");
        assert!(body.contains("Kirjoita vähintään 5 merkkiä."), "translated error with its limit");
        assert!(body.contains("value=\"abc\""), "input kept");
        assert!(body.contains("<title>Virhe: "), "the title says there is an error");
        // A valid answer moves on, and the next step no longer shows the errors.
        let (_, next) = app.post_form(&step, &[("area", "device"), ("summary", "Uusi näyttö")]).await;
        assert!(next.ends_with("/timing"), "{next}");
        let (_, body) = app.page(&next).await;
        assert!(!body.contains("id=\"error-summary\"") && body.contains("Vaihe 2/3"));
        app.stop().await;
    }
}

#[tokio::test]
async fn answers_to_hidden_or_unknown_fields_never_reach_the_answers() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("en", "card-lost").await;
        let (_, next) = app.post_form(&step, &[("what-happened", "lost"), ("card-type", "debit")]).await;
        // "Reported to the police?" is only asked when the card was stolen: sent anyway, it is dropped.
        let (_, body) = app.page(&next).await;
        assert!(!body.contains("Have you reported it to the police?"), "{backend:?}");
        let (_, check) = app.post_form(&next, &[("unknown-transactions", "no"), ("police-report", "yes")]).await;
        assert!(check.ends_with("/check"), "{check}");
        let (_, body) = app.page(&check).await;
        assert!(body.contains("The card is lost") && !body.contains("police"), "hidden answer shown");
        // A field the step does not have is an error, and nothing is kept.
        let (_, back) = app.post_form(&next, &[("unknown-transactions", "no"), ("injected", "x")]).await;
        assert!(back.ends_with("#error-summary"), "{back}");
        app.stop().await;
    }
}

#[tokio::test]
async fn changing_an_earlier_answer_drops_the_answers_that_depended_on_it() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("en", "card-lost").await;
        let (_, next) = app.post_form(&step, &[("what-happened", "stolen"), ("card-type", "credit")]).await;
        let (_, check) = app.post_form(&next, &[("unknown-transactions", "no"), ("police-report", "yes")]).await;
        let (_, body) = app.page(&check).await;
        assert!(body.contains("Have you reported it to the police?"), "{backend:?}");
        app.post_form(&step, &[("what-happened", "damaged"), ("card-type", "credit")]).await;
        let (_, body) = app.page(&check).await;
        assert!(body.contains("The card is damaged") && !body.contains("police"));
        app.stop().await;
    }
}

#[tokio::test]
async fn this_solved_my_problem_ends_the_flow_without_a_ticket_and_counts_once() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("sv", "locked-account").await;
        let (_, body) = app.page(&step).await;
        assert!(body.contains("Löser något av de här problemet?"), "suggestions shown");
        let (status, solved) = app.post_form(&step, &[("_action", "solved")]).await;
        assert_eq!(status, 303);
        assert!(solved.ends_with("/solved"), "{solved}");
        let (status, body) = app.page(&solved).await;
        assert_eq!(status, 200);
        assert!(body.contains("Skönt att vi kunde hjälpa"));
        // Pressed again (refresh, double click): still one.
        app.post_form(&step, &[("_action", "solved")]).await;
        assert_eq!(solved_events(&app).await, 1, "{backend:?}");
        // The finished draft takes no more answers.
        let (_, again) = app.post_form(&step, &[("problem", "forgot-password"), ("service", "online-bank")]).await;
        assert_eq!(again, step);
        assert_eq!(app.page(&step).await.0, 404);
        app.stop().await;
    }
}

#[tokio::test]
async fn unknown_forms_drafts_and_steps_are_translated_404_pages() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        assert_eq!(app.page("/fi/help/no-such-form").await.0, 404, "{backend:?}");
        let (status, location) = app.post_form("/fi/help/no-such-form", &[]).await;
        assert_eq!((status, location.as_str()), (303, "/fi/help/no-such-form"));
        let step = app.start_form("fi", "e-invoice").await;
        let other_draft = step.replace(&step[step.len() - 38..step.len() - 6], &"0".repeat(32));
        assert_eq!(app.page(&other_draft).await.0, 404, "{other_draft}");
        assert_eq!(app.page(&step.replace("/topic", "/nothing")).await.0, 404);
        assert_eq!(app.page("/fi/help/e-invoice/not-a-draft/topic").await.0, 404);
        app.stop().await;
    }
}

async fn ticket_row(app: &TestApp) -> (String, String, String, String, String, String) {
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    sqlx::query_as::<_, (String, String, String, String, String, String)>(
        "SELECT reference, team, priority, contact_locale, suggestions_seen, suggestions_opened FROM tickets",
    )
    .fetch_one(pool)
    .await
    .expect("one ticket")
}

pub const CONTACT: [(&str, &str); 5] = [
    ("name", "Maija Meikäläinen"),
    ("email", "maija@example.fi"),
    ("phone", ""),
    ("reply-language", "sv"),
    ("description", "En pääse kirjautumaan työkoneelle aamusta asti."),
];

#[tokio::test]
async fn a_completed_form_becomes_one_ticket_with_a_reference_however_often_it_is_sent() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("fi", "locked-account").await;
        // The step shows suggestions, which the ticket remembers, and the customer opens one
        // (twice: it counts once). A document the draft was not shown is not recorded.
        let (_, body) = app.page(&step).await;
        let suggestion = suggestion_links(&body).into_iter().next().expect("a suggestion link");
        assert!(suggestion.contains("?via=locked-account%2F"), "{suggestion}");
        for _ in 0..2 {
            assert_eq!(app.page(&suggestion).await.0, 200);
        }
        let (_, via) = suggestion.split_once("?via=").expect("via");
        assert_eq!(app.page(&format!("/fi/articles/card-lost-or-stolen?via={via}")).await.0, 200);
        assert_eq!(opened_events(&app).await, 1, "{backend:?}");
        let (_, details) = app.post_form(&step, &[("problem", "account-locked"), ("service", "work-account")]).await;
        let (_, check) = app.post_form(&details, &[("many-users", "yes"), ("how-many", "12")]).await;
        assert!(check.ends_with("/check"), "{check}");
        let contact = check.replace("/check", "/contact");
        let (_, body) = app.page(&contact).await;
        assert!(body.contains("Vaihe 3/3") && body.contains("Lähetä"), "{backend:?}");
        // Bad contact details: errors, no ticket.
        let (_, back) = app.post_form(&contact, &[("name", ""), ("email", "maija@"), ("reply-language", "de")]).await;
        assert!(back.ends_with("/contact#error-summary"), "{back}");
        let (_, body) = app.page(&contact).await;
        for error in ["Vastaa tähän kysymykseen.", "Anna sähköpostiosoite", "Valitse jokin vaihtoehdoista."] {
            assert!(body.contains(error), "{error} missing");
        }
        assert_eq!(tuki::store::testing::store_of(&app.state.portal).ticket_count().await.expect("count"), 0);
        // A bot that fills the hidden field sends nothing.
        let mut with_honeypot = CONTACT.to_vec();
        with_honeypot.push(("_website", "http://spam.example"));
        app.post_form(&contact, &with_honeypot).await;
        assert_eq!(tuki::store::testing::store_of(&app.state.portal).ticket_count().await.expect("count"), 0);
        // Sent twice (double click, refresh): one ticket, the same confirmation.
        let (status, done) = app.post_form(&contact, &CONTACT).await;
        assert_eq!(status, 303);
        assert!(done.ends_with("/done"), "{done}");
        let (_, again) = app.post_form(&contact, &CONTACT).await;
        assert_eq!(again, done);
        assert_eq!(tuki::store::testing::store_of(&app.state.portal).ticket_count().await.expect("count"), 1);
        let (reference, team, priority, reply_locale, seen, opened) = ticket_row(&app).await;
        assert!(reference.starts_with("TK-20") && reference.ends_with("-000001"), "{reference}");
        assert_eq!((team.as_str(), priority.as_str(), reply_locale.as_str()), ("technical-support", "high", "sv"));
        assert!(seen.contains("article/reset-forgotten-password"), "{seen}");
        let opened_slug = suggestion.split('?').next().and_then(|p| p.rsplit('/').next()).expect("slug");
        assert_eq!(opened, format!("[\"article/{opened_slug}\"]"));
        let (status, body) = app.page(&done).await;
        assert_eq!(status, 200);
        assert!(body.contains(&reference) && body.contains("Pyyntösi on lähetetty"));
        app.stop().await;
    }
}

#[tokio::test]
async fn the_contact_page_sends_nothing_before_the_form_is_answered() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("en", "e-invoice").await;
        let contact = step.replace("/topic", "/contact");
        let (_, location) = app.post_form(&contact, &CONTACT).await;
        assert_eq!(location, step, "{backend:?}");
        assert_eq!(tuki::store::testing::store_of(&app.state.portal).ticket_count().await.expect("count"), 0);
        app.stop().await;
    }
}

/// The first `.eml` in the portal's outbox folder, waiting for the mailer, and its text part.
async fn first_mail_text(app: &TestApp) -> (String, String) {
    let dir = app.state.portal.config().data_dir.join("outbox");
    let eml = wait_for_mail(&dir, |p| p.extension().is_some_and(|x| x == "eml")).await;
    let text = mail_text(&eml);
    (eml, text)
}

/// Waits up to 10 s for a file in `dir` that `wanted` accepts; returns its content.
pub async fn wait_for_mail(dir: &std::path::Path, wanted: impl Fn(&std::path::Path) -> bool) -> String {
    for _ in 0..100 {
        let found = std::fs::read_dir(dir)
            .ok()
            .and_then(|entries| entries.filter_map(Result::ok).map(|e| e.path()).find(|p| wanted(p)));
        if let Some(path) = found {
            return std::fs::read_to_string(path).expect("mail file");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no mail in {}", dir.display());
}

/// The decoded plain-text part of a mail (CRLF or LF line ends).
pub fn mail_text(mail: &str) -> String {
    use base64::Engine;
    let mail = mail.replace("\r\n", "\n");
    let text_part = mail.split("Content-Transfer-Encoding: base64\n\n").nth(1).expect("text part");
    let encoded: String = text_part.split("\n--").next().expect("part").replace('\n', "");
    let text = base64::engine::general_purpose::STANDARD.decode(encoded).expect("base64");
    // MIME text has CRLF line ends; compared with LF.
    String::from_utf8(text).expect("utf-8").replace("\r\n", "\n")
}

#[tokio::test]
async fn the_confirmation_mail_arrives_in_the_reply_language_with_a_working_private_link() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let step = app.start_form("fi", "e-invoice").await;
        let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
        let (_, done) = app.post_form(&check.replace("/check", "/contact"), &CONTACT).await;
        assert!(done.ends_with("/done"), "{backend:?}: {done}");
        let (eml, text) = first_mail_text(&app).await;
        assert!(eml.contains("To: maija@example.fi\r\n"), "{eml}");
        // The customer asked for replies in Swedish.
        assert!(text.starts_with("Hej,\n") && !text.contains("Maija"), "{text}");
        let link = text.lines().find(|l| l.contains("/tickets/")).expect("status link").trim().to_owned();
        let path = link.strip_prefix(&app.address).expect("the link points to this portal");
        assert!(path.starts_with("/sv/tickets/TK-"), "{path}");
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200);
        assert!(body.contains("Sähkö Oy") && body.contains("Mottaget"), "status page");
        let (wrong, _) = app.page(&format!("{}x", &path[..path.len() - 1])).await;
        assert_eq!(wrong, 404, "a wrong token shows nothing");
        // The customer adds information, then marks the ticket solved: both are kept.
        let (page_path, token) = path.split_once("?token=").expect("token");
        let (status, back) =
            app.post_form(page_path, &[("token", token), ("message", "Lasku tuli nyt perille.")]).await;
        assert_eq!(status, 303);
        assert!(back.contains("updated=1"), "{back}");
        let (_, body) = app.page(path).await;
        assert!(body.contains("Lasku tuli nyt perille.") && body.contains("Mottaget"), "message shown");
        app.post_form(page_path, &[("token", token), ("message", ""), ("_action", "solved")]).await;
        let (_, body) = app.page(path).await;
        assert!(body.contains("Löst"), "status resolved");
        let messages = tuki::store::testing::store_of(&app.state.portal)
            .ticket_messages(&tuki::ticket::TicketRef::parse(&page_path[12..]).expect("reference"))
            .await
            .expect("messages");
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[1].new_status.map(|s| s.code()), Some("resolved"));
        // Without the right token nothing is stored.
        app.post_form(page_path, &[("token", "wrong"), ("message", "spam")]).await;
        assert_eq!(
            tuki::store::testing::store_of(&app.state.portal)
                .ticket_messages(&tuki::ticket::TicketRef::parse(&page_path[12..]).expect("reference"))
                .await
                .expect("messages")
                .len(),
            2
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_deflection_report_counts_each_draft_once_per_stage() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        // One customer is helped by a suggestion (after looking at the page twice) …
        let solved = app.start_form("sv", "locked-account").await;
        app.page(&solved).await;
        let (_, body) = app.page(&solved).await;
        app.page(&suggestion_links(&body)[0]).await;
        app.post_form(&solved, &[("_action", "solved")]).await;
        // … another sends a ticket, a third gives up.
        let sent = app.start_form("sv", "locked-account").await;
        app.page(&sent).await;
        let (_, details) = app.post_form(&sent, &[("problem", "forgot-password"), ("service", "online-bank")]).await;
        let (_, check) = app.post_form(&details, &[("many-users", "no")]).await;
        app.post_form(&check.replace("/check", "/contact"), &CONTACT).await;
        app.start_form("sv", "locked-account").await;
        let report = tuki::store::testing::store_of(&app.state.portal).deflection_report(0).await.expect("report");
        let row = &report.rows[&("locked-account".to_owned(), "sv".to_owned())];
        let funnel = (row.started, row.saw_suggestions, row.opened, row.solved, row.tickets);
        assert_eq!(funnel, (3, 2, 1, 1, 1), "{backend:?}");
        assert_eq!(row.deflection_rate(), Some(0.5));
        assert!(report.render().contains("50.0 %"));
        let later =
            tuki::store::testing::store_of(&app.state.portal).deflection_report(i64::MAX).await.expect("report");
        assert!(later.rows.is_empty());
        app.stop().await;
    }
}

#[tokio::test]
async fn too_many_form_posts_from_one_address_are_refused_with_a_translated_429() {
    let app = spawn_app(tuki::store::Backend::Sqlite).await;
    // The test server allows 120 a minute.
    for _ in 0..120 {
        assert_eq!(app.post_form("/fi/help/e-invoice", &[]).await.0, 303);
    }
    let response = app.client.post(format!("{}/sv/help/e-invoice", app.address)).send().await.expect("request");
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "60");
    assert!(response.text().await.expect("body").contains("För många förfrågningar"));
    app.stop().await;
}

#[tokio::test]
async fn suggestions_follow_unsent_input_and_are_remembered_without_saving_the_input() {
    use tuki::Locale;
    use tuki::content::Slug;
    use tuki::services::{Caller, ServiceError};
    for backend in backends() {
        let app = spawn_app(backend).await;
        let forms = app.state.portal.guided_form();
        let me = Caller::Customer;
        let form = Slug::parse("general-request").expect("slug");
        let (draft, step) = forms.start(&me, &form, Locale::En).await.expect("started");
        let typed: tuki::forms::Answers =
            [("summary".to_owned(), vec!["my vpn does not connect".to_owned()])].into_iter().collect();
        let before = forms.live_suggestions(&me, Locale::En, &form, &draft, &step, &Default::default()).await;
        assert!(!before.expect("suggestions").iter().any(|h| h.slug == "vpn-cannot-connect"), "{backend:?}");
        let found = forms.live_suggestions(&me, Locale::En, &form, &draft, &step, &typed).await.expect("suggestions");
        assert!(found.iter().any(|h| h.slug == "vpn-cannot-connect"), "{found:?}");
        assert!(found.len() <= tuki::services::guided_form::MAX_SUGGESTIONS);
        let again = forms.draft(&me, &form, &draft).await.expect("draft");
        assert!(again.draft.seen.iter().any(|d| d.to_string() == "article/vpn-cannot-connect"), "kept for the ticket");
        assert!(again.draft.answers.is_empty(), "the input itself is not saved");
        // An unknown step, or a finished draft, suggests nothing.
        let unknown = forms.live_suggestions(&me, Locale::En, &form, &draft, "no-such-step", &typed).await;
        assert!(matches!(unknown, Err(ServiceError::NotFound)));
        forms.mark_solved(&me, &form, &draft, None).await.expect("solved");
        let after = forms.live_suggestions(&me, Locale::En, &form, &draft, &step, &typed).await;
        assert!(matches!(after, Err(ServiceError::Finished)));
        app.stop().await;
    }
}
