//! Retention: drafts expire, and a finished ticket's personal data goes after its period.

use crate::app::spawn_app;
use crate::help::CONTACT;
use tuki::portal::Retention;
use tuki::services::Caller;
use tuki::services::tickets::CustomerUpdate;
use tuki::store::testing::backends;

const DAY_MS: i64 = 86_400_000;

fn now_ms() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock");
    i64::try_from(since.as_millis()).expect("millis")
}

#[tokio::test]
async fn expired_drafts_go_and_a_resolved_ticket_keeps_only_what_statistics_need() {
    for backend in backends() {
        let app = spawn_app(backend).await;
        let store = tuki::store::testing::store_of(&app.state.portal);
        let pool = store.pool();
        // A draft left half-way, and one sent as a ticket that the customer then marks solved.
        let abandoned = app.start_form("fi", "e-invoice").await;
        let step = app.start_form("fi", "e-invoice").await;
        let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
        app.post_form(&check.replace("/check", "/contact"), &CONTACT).await;
        let reference: String =
            sqlx::query_scalar("SELECT reference FROM tickets").fetch_one(pool).await.expect("ticket");
        let token = tuki_test_token(&app, &reference).await;
        let tickets = app.state.portal.tickets();
        let typed_reference = tuki::ticket::TicketRef::parse(&reference).expect("reference");
        let update = CustomerUpdate { message: "Ratkesi, kiitos.", solved: true };
        tickets
            .customer_update(&Caller::Customer, &typed_reference, &token, update, "http://tuki.test")
            .await
            .expect("solved");
        // The confirmation has gone out (the mailer writes it to the outbox folder).
        let started = std::time::Instant::now();
        loop {
            let sent: i64 = sqlx::query_scalar("SELECT COUNT(sent_at) FROM outbox").fetch_one(pool).await.expect("n");
            if sent == 1 {
                break;
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(10), "the confirmation was not sent");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let retention = Retention { draft_days: 30, ticket_days: Some(365) };
        // Within the periods nothing goes.
        assert_eq!(store.purge(retention).await.expect("purge"), Default::default(), "{backend:?}");
        assert_eq!(app.page(&abandoned).await.0, 200);
        // A month on: the drafts are gone, the ticket is kept whole.
        let report = store.purge_at(retention, now_ms() + 31 * DAY_MS).await.expect("purge");
        assert_eq!((report.drafts, report.tickets), (2, 0), "{backend:?}");
        assert_eq!(app.page(&abandoned).await.0, 404, "an expired draft is gone");
        // A year on: the ticket's personal data is gone, its statistics stay; once.
        let report = store.purge_at(retention, now_ms() + 366 * DAY_MS).await.expect("purge");
        assert_eq!((report.tickets, report.mails), (1, 1), "{backend:?}");
        let row: (String, String, String, String, String) = sqlx::query_as(
            "SELECT contact_name, contact_email, description, answers, status FROM tickets WHERE reference = $1",
        )
        .bind(&reference)
        .fetch_one(pool)
        .await
        .expect("row");
        assert_eq!(row, (String::new(), String::new(), String::new(), "{}".to_owned(), "resolved".to_owned()));
        let bodies: i64 =
            sqlx::query_scalar("SELECT COUNT(body) FROM ticket_messages").fetch_one(pool).await.expect("n");
        assert_eq!(bodies, 0, "the customer's message is gone");
        let status = tickets.status_page(&Caller::Customer, tuki::Locale::Fi, &typed_reference, &token).await;
        assert!(status.is_err(), "the status link is dead");
        let again = store.purge_at(retention, now_ms() + 367 * DAY_MS).await.expect("purge");
        assert_eq!(again, Default::default(), "idempotent");
        app.stop().await;
    }
}

/// The status token of `reference`, read from the confirmation mail in the outbox.
async fn tuki_test_token(app: &crate::app::TestApp, reference: &str) -> String {
    let text: String = sqlx::query_scalar("SELECT text_body FROM outbox")
        .fetch_one(tuki::store::testing::store_of(&app.state.portal).pool())
        .await
        .expect("mail");
    let line = text.lines().find(|l| l.contains(reference) && l.contains("token=")).expect("status link");
    line.split("token=").nth(1).expect("token").trim().to_owned()
}
