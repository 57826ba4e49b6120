//! The agents' desk on every backend: a customer's ticket reaches its team's queue with its
//! clocks, the agent takes it and replies (mail and status page), the customer's answer comes
//! back and restarts the clock, and nobody without the right sees any of it.

use std::sync::Arc;
use tuki::content::Slug;
use tuki::forms::Answers;
use tuki::services::accounts::NewAccount;
use tuki::services::desk::{DeskAction, MINE};
use tuki::services::guided_form::StepOutcome;
use tuki::services::tickets::{ContactOutcome, CustomerUpdate};
use tuki::services::{Caller, ServiceError};
use tuki::staff::Role;
use tuki::store::testing::{backends, fresh_database};
use tuki::ticket::{TicketRef, TicketStatus};
use tuki::time::{CivilDate, FixedClock, Timestamp};
use tuki::views::desk::{DueCell, DueLevel, QueueQuery};
use tuki::{Locale, Portal, PortalConfig};

const BASE: &str = "http://tuki.test";

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()])).collect()
}

/// `minutes` after midnight UTC of `date`.
fn at(date: &str, minutes: i64) -> Timestamp {
    Timestamp::start_of(CivilDate::parse_iso(date).expect("date")).plus_millis(minutes * 60_000)
}

/// A fresh portal with the demo content in `dir`, its clock fixed at `now` when given.
async fn demo_portal(
    backend: tuki::store::Backend,
    dir: &std::path::Path,
    now: Option<Timestamp>,
) -> (Portal, Arc<FixedClock>) {
    let url = fresh_database(backend, dir).await.expect("database");
    let config = PortalConfig::new(dir.join("data"), Some(url));
    let clock = Arc::new(FixedClock::at(now.unwrap_or_default()));
    let mut portal = Portal::open(config).await.expect("open");
    if now.is_some() {
        portal = portal.with_clock(clock.clone());
    }
    portal.load_demo_content_if_empty().await.expect("demo");
    (portal, clock)
}

async fn member(portal: &Portal, email: &str, roles: &[Role], team: &str) -> Caller {
    let teams = [Slug::parse(team).expect("team")];
    let new = NewAccount { email, name: "Aino Agentti", locale: Locale::Fi, roles, teams: &teams };
    let (member, _) = portal.accounts().add(&Caller::Operator, new).await.expect("account");
    Caller::Staff(member)
}

/// A customer sends a general service request (team app-usage-advice, normal priority).
async fn send_ticket(portal: &Portal) -> (TicketRef, String) {
    let (me, forms, tickets) = (Caller::Customer, portal.guided_form(), portal.tickets());
    let form = Slug::parse("general-request").expect("slug");
    let (draft, first) = forms.start(&me, &form, Locale::Sv).await.expect("start");
    let outcome = forms
        .submit_step(&me, &form, &draft, &first, &answers(&[("area", "device"), ("summary", "En ny skärm")]))
        .await
        .expect("step");
    let StepOutcome::Next(second) = outcome else { panic!("{outcome:?}") };
    forms.submit_step(&me, &form, &draft, &second, &answers(&[("for-someone-else", "no")])).await.expect("step");
    let contact = answers(&[
        ("name", "Maja Exempel"),
        ("email", "maja@example.fi"),
        ("reply-language", "sv"),
        ("description", "Jag behöver en andra skärm."),
    ]);
    let sent = tickets.submit_contact(&me, &form, &draft, &contact, BASE).await.expect("sent");
    let ContactOutcome::Submitted { reference, token: Some(token) } = sent else { panic!("{sent:?}") };
    (reference, token)
}

fn queue(key: &str) -> QueueQuery {
    QueueQuery { queue: Some(key.to_owned()), ..QueueQuery::default() }
}

/// The token of the status link in the last mail to `to`.
async fn last_link_token(portal: &Portal, to: &str) -> String {
    let mails = portal.outbox().due(&Caller::System, 100).await.expect("outbox");
    let mail = mails.iter().rev().find(|m| m.mail.to.as_str() == to).expect("a mail");
    let (_, token) = mail.mail.text.split_once("token=").expect("a status link");
    token.split_whitespace().next().expect("token").to_owned()
}

#[tokio::test]
async fn a_ticket_goes_from_the_team_queue_through_a_reply_and_an_answer_to_solved() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Monday 30 November 2026, 08:00 in Helsinki.
        let (portal, clock) = demo_portal(backend, dir.path(), Some(at("2026-11-30", 6 * 60))).await;
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        let (reference, token) = send_ticket(&portal).await;
        let desk = portal.desk();

        // At 14:00, in the team's queue, the first reply due at 16:00 (8 business hours for a
        // normal service request).
        clock.set(at("2026-11-30", 12 * 60));
        let page = desk.queue(&agent, Locale::Fi, queue("app-usage-advice")).await.expect("queue");
        assert_eq!(page.total, 1, "{backend:?}");
        let line = &page.lines[0];
        assert_eq!((&line.reference, line.status, line.locale), (&reference, TicketStatus::New, Locale::Sv));
        assert_eq!(line.request_type, "Yleinen palvelupyyntö", "the agent's language");
        assert_eq!(
            line.due,
            DueCell::Running { due: "30.11.2026 klo 16.00".into(), left_minutes: 120, level: DueLevel::Warning },
            "six of eight hours used: past 75 %"
        );
        assert_eq!(
            page.tabs.iter().map(|t| (t.key.as_str(), t.count)).collect::<Vec<_>>(),
            [("app-usage-advice", 1), (MINE, 0)]
        );

        // Taken and answered: the customer gets mail with a link that opens the status page.
        desk.act(&agent, &reference, DeskAction::Take, BASE).await.expect("take");
        let reply = DeskAction::Reply { body: "Vilken skärmstorlek behöver du?".into(), then: TicketStatus::Waiting };
        desk.act(&agent, &reference, reply, BASE).await.expect("reply");
        desk.act(&agent, &reference, DeskAction::Note("Beställ från lagret.".into()), BASE).await.expect("note");
        let mine = desk.queue(&agent, Locale::Fi, queue(MINE)).await.expect("mine");
        assert_eq!(mine.lines[0].due, DueCell::Paused, "waiting on the customer");
        let link_token = last_link_token(&portal, "maja@example.fi").await;
        assert_ne!(link_token, token, "each reply mail has its own link");
        let tickets = portal.tickets();
        let status = tickets.status_page(&Caller::Customer, Locale::Sv, &reference, &link_token).await.expect("page");
        assert_eq!(status.status, TicketStatus::Waiting);
        let bodies: Vec<_> = status.messages.iter().filter_map(|m| m.body.clone()).collect();
        assert_eq!(bodies, ["Vilken skärmstorlek behöver du?"], "no internal note, no assignment: {backend:?}");

        // The customer answers next morning: the clock runs again, the agent hears of it.
        clock.set(at("2026-12-01", 7 * 60));
        let update = CustomerUpdate { message: "27 tum, tack.", solved: false };
        assert!(
            tickets.customer_update(&Caller::Customer, &reference, &link_token, update, BASE).await.expect("answer")
        );
        let ticket = desk.ticket(&agent, Locale::Fi, &reference).await.expect("ticket");
        assert_eq!(ticket.status, TicketStatus::Open);
        let template = &ticket.templates[0];
        assert_eq!(template.title, "Vi behöver mer information", "the reply language's templates");
        assert!(template.body.starts_with("Hej Maja Exempel,"), "{}", template.body);
        assert!(template.body.contains(reference.as_str()) && template.body.contains("Aino Agentti"));
        assert!(ticket.mine);
        let resolution = ticket.clocks.iter().find(|c| c.target == "resolution").expect("clock");
        assert_eq!(resolution.state, "running");
        // 24 h for a normal request: 6 h used on Monday (08–14), paused from the reply at 14:00
        // to 09:00 Tuesday; 18 h left: Tuesday 09–16, Wednesday 08–16, Thursday 08–11.
        assert_eq!(resolution.due.as_deref(), Some("3.12.2026 klo 11.00"), "{backend:?}");
        assert_eq!(resolution.why.pauses.len(), 1);
        assert_eq!(ticket.clocks[0].state, "met", "the first reply came in time");
        assert!(ticket.history.iter().any(|h| h.internal && h.body.as_deref() == Some("Beställ från lagret.")));
        let mails = portal.outbox().due(&Caller::System, 100).await.expect("outbox");
        assert!(
            mails.iter().any(|m| m.mail.to.as_str() == "aino@example.fi" && m.mail.text.contains(reference.as_str()))
        );

        desk.act(&agent, &reference, DeskAction::Status(TicketStatus::Resolved), BASE).await.expect("solved");
        let page = desk.queue(&agent, Locale::Fi, queue("app-usage-advice")).await.expect("queue");
        assert_eq!(page.total, 0, "a solved ticket leaves the queue");
        let ticket = desk.ticket(&agent, Locale::Fi, &reference).await.expect("ticket");
        assert_eq!(ticket.clocks[1].state, "met");
    }
}

#[tokio::test]
async fn only_the_teams_agents_see_its_tickets_and_bad_actions_change_nothing() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (portal, _) = demo_portal(backend, dir.path(), None).await;
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        let other = member(&portal, "olli@example.fi", &[Role::Agent], "technical-support").await;
        let editor = member(&portal, "eeva@example.fi", &[Role::Editor, Role::Admin], "app-usage-advice").await;
        let (reference, _) = send_ticket(&portal).await;
        let (second, _) = send_ticket(&portal).await;
        let desk = portal.desk();
        let forbidden = |r: Result<(), ServiceError>| matches!(r, Err(ServiceError::Forbidden));
        assert!(forbidden(desk.queue(&other, Locale::Fi, queue("app-usage-advice")).await.map(|_| ())));
        assert!(forbidden(desk.ticket(&other, Locale::Fi, &reference).await.map(|_| ())));
        assert!(forbidden(desk.act(&other, &reference, DeskAction::Take, BASE).await));
        assert!(forbidden(desk.ticket(&editor, Locale::Fi, &reference).await.map(|_| ())), "no agent role");
        let customer = desk.queue(&Caller::Customer, Locale::Fi, QueueQuery::default()).await;
        assert!(matches!(customer, Err(ServiceError::NotSignedIn)));
        assert!(matches!(desk.queue(&agent, Locale::Fi, queue("../../etc")).await, Err(ServiceError::NotFound)));

        let invalid = |r: Result<(), ServiceError>, code: &str| matches!(r, Err(ServiceError::Invalid(c)) if c == code);
        let empty = DeskAction::Reply { body: "  ".into(), then: TicketStatus::Waiting };
        assert!(invalid(desk.act(&agent, &reference, empty, BASE).await, "error-desk-message-empty"));
        let long = DeskAction::Note("x".repeat(10_001));
        assert!(invalid(desk.act(&agent, &reference, long, BASE).await, "error-desk-message-long"));
        let back = DeskAction::Status(TicketStatus::New);
        assert!(invalid(desk.act(&agent, &reference, back, BASE).await, "error-desk-status"));
        let to_itself = DeskAction::Merge(reference.clone());
        assert!(invalid(desk.act(&agent, &reference, to_itself, BASE).await, "error-desk-merge"));
        let nobody = DeskAction::Assign(Some(tuki::staff::StaffId(9_999)));
        assert!(invalid(desk.act(&agent, &reference, nobody, BASE).await, "error-desk-agent"));
        let team = DeskAction::Team(Slug::parse("no-such-team").expect("slug"));
        assert!(invalid(desk.act(&agent, &reference, team, BASE).await, "error-desk-team"));
        let ticket = desk.ticket(&agent, Locale::Fi, &reference).await.expect("ticket");
        assert_eq!((ticket.status, ticket.assignee, ticket.history.len()), (TicketStatus::New, None, 0), "{backend:?}");

        // A duplicate merged into the first: closed, and both histories say so.
        desk.act(&agent, &second, DeskAction::Merge(reference.clone()), BASE).await.expect("merge");
        let merged = desk.ticket(&agent, Locale::Fi, &second).await.expect("ticket");
        assert_eq!((merged.status, merged.merged_into.as_ref()), (TicketStatus::Closed, Some(&reference)));
        let kept = desk.ticket(&agent, Locale::Fi, &reference).await.expect("ticket");
        assert_eq!(kept.history[0].event, Some(("merged-from".to_owned(), second.to_string())));
        let again = desk.act(&agent, &second, DeskAction::Take, BASE).await;
        assert!(invalid(again, "error-desk-closed"));
        // Moved to another team, it leaves this team's queue and its agent may no longer act.
        let moved = DeskAction::Team(Slug::parse("technical-support").expect("slug"));
        desk.act(&agent, &reference, moved, BASE).await.expect("moved");
        assert!(desk.ticket(&other, Locale::Fi, &reference).await.is_ok());
        assert!(forbidden(desk.ticket(&agent, Locale::Fi, &reference).await.map(|_| ())));
    }
}

#[tokio::test]
async fn a_new_ticket_is_announced_to_its_teams_address_when_the_desk_names_one() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (portal, _) = demo_portal(backend, dir.path(), None).await;
        let desk = "teams:\n  app-usage-advice: {calendar: office, email: neuvonta@bank.fi}\n\
                    calendars:\n  office: {hours: {monday: [08:00-16:00]}}\n";
        tuki::store::testing::store_of(&portal).save_desk_settings(desk).await.expect("settings");
        let (reference, _) = send_ticket(&portal).await;
        let mails = portal.outbox().due(&Caller::System, 100).await.expect("outbox");
        let team = mails.iter().find(|m| m.mail.to.as_str() == "neuvonta@bank.fi").expect("team mail");
        assert!(team.mail.subject.contains(reference.as_str()), "{backend:?}");
        assert!(team.mail.text.contains(&format!("{BASE}/fi/staff/desk/{reference}")), "{}", team.mail.text);
    }
}

#[tokio::test]
async fn warnings_go_to_the_agent_in_business_hours_only_once_and_a_breach_is_recorded() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Friday 4 December 2026, 14:00 in Helsinki: two business hours left that day.
        let (portal, clock) = demo_portal(backend, dir.path(), Some(at("2026-12-04", 12 * 60))).await;
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        let (reference, _) = send_ticket(&portal).await;
        let desk = portal.desk();
        desk.act(&agent, &reference, DeskAction::Take, BASE).await.expect("take");
        let alerts_to_aino = || async {
            let mails = portal.outbox().due(&Caller::System, 100).await.expect("outbox");
            mails
                .into_iter()
                .filter(|m| m.mail.to.as_str() == "aino@example.fi")
                .map(|m| m.mail.subject)
                .collect::<Vec<_>>()
        };
        // 8 business hours for the first reply: 75 % (6 h) falls on Monday at 12:00, as Friday
        // gives two hours; Saturday, Sunday and Independence Day (Sunday) are closed.
        assert_eq!(desk.send_due_alerts(&Caller::System, BASE).await.expect("run"), 0);
        clock.set(at("2026-12-05", 12 * 60));
        assert_eq!(desk.send_due_alerts(&Caller::System, BASE).await.expect("run"), 0, "a Saturday sends nothing");
        clock.set(at("2026-12-07", 10 * 60 + 1));
        assert_eq!(desk.send_due_alerts(&Caller::System, BASE).await.expect("run"), 1, "{backend:?}");
        assert_eq!(desk.send_due_alerts(&Caller::System, BASE).await.expect("run"), 0, "only once");
        let subjects = alerts_to_aino().await;
        assert_eq!(subjects.len(), 1, "{subjects:?}");
        assert!(subjects[0].contains("vasteaika, 75\u{a0}%"), "{subjects:?}");
        // The server was down past the 90 % warning (13:12) and the due time (14:00) until after
        // closing time: nothing at 16:30, then one mail, the breach, when Tuesday starts;
        // every alert recorded.
        clock.set(at("2026-12-07", 14 * 60 + 30));
        assert_eq!(desk.send_due_alerts(&Caller::System, BASE).await.expect("run"), 0, "after hours");
        clock.set(at("2026-12-08", 6 * 60 + 1));
        assert_eq!(desk.send_due_alerts(&Caller::System, BASE).await.expect("run"), 1);
        let subjects = alerts_to_aino().await;
        assert_eq!(subjects.len(), 2, "{subjects:?}");
        assert!(subjects[1].starts_with("Tavoiteaika ylittyi"), "{subjects:?}");
        let ticket = desk.ticket(&agent, Locale::Fi, &reference).await.expect("ticket");
        let sla: Vec<_> = ticket.history.iter().filter_map(|h| h.event.clone()).filter(|(e, _)| e == "sla").collect();
        assert_eq!(
            sla,
            [("sla".into(), "first-response:warning-75".into()), ("sla".into(), "first-response:breach".into())]
        );
        let page = desk.queue(&agent, Locale::Fi, queue(MINE)).await.expect("queue");
        assert!(matches!(page.lines[0].due, DueCell::Running { level: DueLevel::Overdue, .. }), "{backend:?}");
        assert!(matches!(desk.send_due_alerts(&agent, BASE).await, Err(ServiceError::Forbidden)));
    }
}

#[tokio::test]
async fn the_monthly_report_counts_met_and_missed_targets_per_team_and_priority() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (portal, clock) = demo_portal(backend, dir.path(), Some(at("2026-11-30", 6 * 60))).await;
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        let desk = portal.desk();
        let (in_time, _) = send_ticket(&portal).await;
        let (late, _) = send_ticket(&portal).await;
        clock.set(at("2026-11-30", 7 * 60));
        let reply = || DeskAction::Reply { body: "Selvitämme asiaa.".into(), then: TicketStatus::Open };
        desk.act(&agent, &in_time, reply(), BASE).await.expect("reply");
        desk.act(&agent, &in_time, DeskAction::Status(TicketStatus::Resolved), BASE).await.expect("solved");
        // The other one gets its first reply on Tuesday: 8 business hours have gone by.
        clock.set(at("2026-12-01", 9 * 60));
        desk.act(&agent, &late, reply(), BASE).await.expect("late reply");
        let report = desk.sla_report(&Caller::Operator, "2026-11").await.expect("report").render();
        assert!(report.contains("app-usage-advice\tnormal\t1/1/0\t50.0\t1/0/1\t100.0"), "{backend:?}\n{report}");
        let december = desk.sla_report(&Caller::Operator, "2026-12").await.expect("report").render();
        assert!(december.contains("all\tall\t0/0/0\t100.0"), "{december}");
        for bad in ["2026-13", "2026-1", "26-11", "2026-11-01", ""] {
            let refused = desk.sla_report(&Caller::Operator, bad).await;
            assert!(matches!(refused, Err(ServiceError::Invalid("error-desk-month"))), "{bad:?}");
        }
        assert!(matches!(desk.sla_report(&Caller::Customer, "2026-11").await, Err(ServiceError::NotSignedIn)));
    }
}

#[tokio::test]
async fn a_failed_webhook_delivery_is_retried_with_back_off_and_a_refused_one_abandoned() {
    use tuki::services::webhooks::Attempt;
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (portal, clock) = demo_portal(backend, dir.path(), Some(at("2026-11-30", 6 * 60))).await;
        let webhooks = portal.webhooks();
        for bad in ["ftp://desk.example.fi", "javascript:alert(1)", "https://desk.example.fi/a b", ""] {
            assert!(matches!(
                webhooks.add(&Caller::Operator, bad).await,
                Err(ServiceError::Invalid("error-webhook-url"))
            ));
        }
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        assert!(matches!(webhooks.add(&agent, "https://desk.example.fi").await, Err(ServiceError::Forbidden)));
        webhooks.add(&Caller::Operator, "https://desk.example.fi/hook").await.expect("endpoint");
        let (reference, _) = send_ticket(&portal).await;
        portal.desk().act(&agent, &reference, DeskAction::Note("vain meille".into()), BASE).await.expect("note");
        portal.desk().act(&agent, &reference, DeskAction::Take, BASE).await.expect("take");
        let due = webhooks.due(&Caller::System, 10).await.expect("due");
        let events: Vec<_> = due.iter().map(|w| w.event.as_str()).collect();
        assert_eq!(events, ["ticket.created", "ticket.updated"], "no event for an internal note: {backend:?}");
        assert!(!due.iter().any(|w| w.payload.contains("vain meille")));
        let taken: serde_json::Value = serde_json::from_str(&due[1].payload).expect("json");
        assert_eq!(taken["ticket"]["status"], "open", "the ticket as the change left it");
        assert!(taken["ticket"]["assignee_id"].is_i64());
        assert!(webhooks.due(&Caller::System, 10).await.expect("due").is_empty(), "leased");
        webhooks.record(&Caller::System, &due[0], &Attempt::Failed("HTTP 503".into())).await.expect("failed");
        webhooks.record(&Caller::System, &due[1], &Attempt::Refused("HTTP 404".into())).await.expect("refused");
        clock.set(at("2026-11-30", 6 * 60).plus_millis(29_000));
        assert!(webhooks.due(&Caller::System, 10).await.expect("due").is_empty(), "30 s back-off");
        clock.set(at("2026-11-30", 6 * 60).plus_millis(31_000));
        let again = webhooks.due(&Caller::System, 10).await.expect("due");
        assert_eq!(again.iter().map(|w| w.id).collect::<Vec<_>>(), [due[0].id], "the refused one is abandoned");
        assert_eq!(again[0].attempts, 1);
        webhooks.record(&Caller::System, &again[0], &Attempt::Delivered).await.expect("delivered");
        let endpoints = webhooks.list(&Caller::Operator).await.expect("list");
        assert_eq!(endpoints[0].waiting, 0, "{backend:?}");
        assert!(matches!(webhooks.due(&agent, 10).await, Err(ServiceError::Forbidden)));
    }
}

#[tokio::test]
async fn retention_removes_the_further_status_links_and_the_handed_off_events_with_the_ticket() {
    use tuki::services::webhooks::Attempt;
    use tuki::store::Retention;
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (portal, _) = demo_portal(backend, dir.path(), None).await;
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        portal.webhooks().add(&Caller::Operator, "https://desk.example.fi/hook").await.expect("endpoint");
        let (reference, _) = send_ticket(&portal).await;
        let reply = DeskAction::Reply { body: "Ratkaistu.".into(), then: TicketStatus::Resolved };
        portal.desk().act(&agent, &reference, reply, BASE).await.expect("reply");
        let link_token = last_link_token(&portal, "maja@example.fi").await;
        for webhook in portal.webhooks().due(&Caller::System, 10).await.expect("due") {
            portal.webhooks().record(&Caller::System, &webhook, &Attempt::Delivered).await.expect("delivered");
        }
        let store = tuki::store::testing::store_of(&portal);
        let a_year_on = store.now().millis() + 366 * 86_400_000;
        let retention = Retention { draft_days: 30, ticket_days: Some(365) };
        assert_eq!(store.purge_at(retention, a_year_on).await.expect("purge").tickets, 1, "{backend:?}");
        let events: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM webhook_outbox").fetch_one(store.pool()).await.expect("n");
        assert_eq!(events, 0, "the events named the customer");
        let status = portal.tickets().status_page(&Caller::Customer, Locale::Sv, &reference, &link_token).await;
        assert!(matches!(status, Err(ServiceError::NotFound)), "{backend:?}: the reply's link is gone too");
    }
}

#[tokio::test]
async fn tickets_sent_before_the_desk_existed_get_their_clocks_from_the_alert_job() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (portal, _) = demo_portal(backend, dir.path(), Some(at("2026-11-30", 6 * 60))).await;
        let agent = member(&portal, "aino@example.fi", &[Role::Agent], "app-usage-advice").await;
        send_ticket(&portal).await;
        // As the migration leaves a ticket of before: no clocks, ranked by its sending time.
        let store = tuki::store::testing::store_of(&portal);
        sqlx::query(
            "UPDATE tickets SET response_due_at = NULL, resolution_due_at = NULL, queue_rank = created_at, \
             next_alert_at = created_at",
        )
        .execute(store.pool())
        .await
        .expect("as migrated");
        let due = |page: tuki::views::desk::DeskQueueData| page.lines[0].due.clone();
        let before = due(portal.desk().queue(&agent, Locale::Fi, queue("app-usage-advice")).await.expect("queue"));
        assert!(matches!(before, DueCell::Running { level: DueLevel::Overdue, .. }), "{before:?}");
        portal.desk().send_due_alerts(&Caller::System, BASE).await.expect("run");
        let after = due(portal.desk().queue(&agent, Locale::Fi, queue("app-usage-advice")).await.expect("queue"));
        assert_eq!(
            after,
            DueCell::Running { due: "30.11.2026 klo 16.00".into(), left_minutes: 480, level: DueLevel::Calm }
        );
    }
}
