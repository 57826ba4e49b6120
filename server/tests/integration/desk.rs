//! The agents' desk over HTTP without JavaScript: a customer's ticket in the team queue, a reply
//! from a template by mail and on the status page, the customer's answer, solved; and hostile or
//! broken posts. Who may use the desk: `rights`.

use crate::app::{TestApp, spawn_app};
use crate::rights::{get, location, post, signed_in};
use tuki::staff::Role;
use tuki::store::testing::backends;

/// The status link's token in the newest mail to `to`.
async fn newest_token(app: &TestApp, to: &str) -> String {
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    let text: String = sqlx::query_scalar("SELECT text_body FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1")
        .bind(to)
        .fetch_one(pool)
        .await
        .expect("mail");
    let line = text.lines().find(|l| l.contains("token=")).expect("status link");
    line.split("token=").nth(1).expect("token").trim().to_owned()
}

/// A customer sends an e-invoice request in Swedish; its reference.
async fn customer_ticket(app: &TestApp) -> String {
    let step = app.start_form("sv", "e-invoice").await;
    let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Elbolaget Ab")]).await;
    app.post_form(&check.replace("/check", "/contact"), &crate::help::CONTACT).await;
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    sqlx::query_scalar("SELECT reference FROM tickets ORDER BY created_at DESC LIMIT 1")
        .fetch_one(pool)
        .await
        .expect("ticket")
}

#[tokio::test]
async fn an_agent_answers_from_a_template_and_the_customer_replies_on_the_status_page_without_javascript() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let agent = signed_in(&app, "antti@bank.fi", &[Role::Agent]).await;
        let reference = customer_ticket(&app).await;
        let (status, queue) = get(&app, "/fi/staff/desk?queue=payments-and-online-services", &agent).await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(queue.contains(&reference) && queue.contains("Uusi") && queue.contains("ruotsi"), "{backend:?}");
        let page = format!("/fi/staff/desk/{reference}");
        let (_, ticket) = get(&app, &page, &agent).await;
        assert!(ticket.contains("Maija Meikäläinen") && ticket.contains("Elbolaget Ab"), "answers and contact");
        assert!(ticket.contains("Vi utreder betalningen"), "the Swedish templates of the team");
        let template =
            ticket.split("<option value=\"").filter_map(|o| o.split('"').next()).find(|v| v.parse::<i64>().is_ok());
        let (_, with_template) = get(&app, &format!("{page}?template={}", template.expect("a template")), &agent).await;
        assert!(with_template.contains("Hej Maija Meikäläinen,"), "the template is in the reply box");

        let reply = [("_action", "reply"), ("body", "Hej Maija, vi utreder betalningen."), ("status", "waiting")];
        let sent = post(&app, &page, &reply, &agent).await;
        assert_eq!(location(&sent), format!("{page}?done=1"), "{backend:?}");
        let token = newest_token(&app, "maija@example.fi").await;
        let status_page = format!("/sv/tickets/{reference}?token={token}");
        let (_, customer) = get(&app, &status_page, "").await;
        assert!(customer.contains("Hej Maija, vi utreder betalningen."), "{backend:?}: the reply on the status page");
        assert!(customer.contains("Väntar på ditt svar"));
        let answer = [("token", token.as_str()), ("message", "Fakturan kom fram, tack.")];
        let answered = post(&app, &format!("/sv/tickets/{reference}"), &answer, "").await;
        assert_eq!(answered.status().as_u16(), 303);
        let (_, ticket) = get(&app, &page, &agent).await;
        assert!(ticket.contains("Fakturan kom fram, tack.") && ticket.contains("Käsittelyssä"), "{backend:?}");
        let solved = post(&app, &page, &[("_action", "status"), ("status", "resolved")], &agent).await;
        assert_eq!(location(&solved), format!("{page}?done=1"));
        let (_, customer) = get(&app, &status_page, "").await;
        assert!(customer.contains("Löst"), "{backend:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn hostile_desk_posts_are_refused_or_escaped_and_change_nothing() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let agent = signed_in(&app, "antti@bank.fi", &[Role::Agent]).await;
        let reference = customer_ticket(&app).await;
        let page = format!("/fi/staff/desk/{reference}");
        for (fields, code) in [
            (vec![("_action", "drop-table")], "error-editor-action"),
            (vec![("_action", "status"), ("status", "bogus")], "error-desk-status"),
            (vec![("_action", "status"), ("status", "new")], "error-desk-status"),
            (vec![("_action", "reply"), ("body", "   "), ("status", "waiting")], "error-desk-message-empty"),
            (vec![("_action", "assign"), ("assignee", "1 OR 1=1")], "error-desk-agent"),
            (vec![("_action", "team"), ("team", "../admin")], "error-desk-team"),
            (vec![("_action", "merge"), ("into", "'; DROP TABLE tickets; --")], "error-desk-merge"),
        ] {
            let refused = post(&app, &page, &fields, &agent).await;
            assert_eq!(location(&refused), format!("{page}?error={code}"), "{backend:?} {fields:?}");
        }
        let long = "x".repeat(10_001);
        let refused = post(&app, &page, &[("_action", "note"), ("body", long.as_str())], &agent).await;
        assert_eq!(location(&refused), format!("{page}?error=error-desk-message-long"));
        let (_, ticket) = get(&app, &page, &agent).await;
        assert!(ticket.contains("Ei vielä tapahtumia."), "{backend:?}: nothing was stored");
        let (status, _) = get(&app, "/fi/staff/desk/<script>", &agent).await;
        assert_eq!(status, 404);
        assert_eq!(post(&app, "/fi/staff/desk/TK-0000", &[("_action", "take")], &agent).await.status().as_u16(), 404);
        // Markup in a note is text wherever it lands.
        let note = [("_action", "note"), ("body", "<script>alert(1)</script></textarea>")];
        post(&app, &page, &note, &agent).await;
        let (_, ticket) = get(&app, &page, &agent).await;
        assert!(!ticket.contains("<script>alert(1)") && ticket.contains("&lt;script&gt;alert(1)"), "{backend:?}");
        app.stop().await;
    }
}
