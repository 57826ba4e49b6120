//! The services end to end on every backend: a customer's way from a guided form to a ticket
//! and its status page, with every time taken from the portal's clock.

use std::sync::Arc;
use tuki::content::Slug;
use tuki::forms::Answers;
use tuki::services::guided_form::StepOutcome;
use tuki::services::tickets::{ContactOutcome, CustomerUpdate};
use tuki::services::{Caller, ServiceError};
use tuki::store::testing::{backends, fresh_database};
use tuki::ticket::TicketStatus;
use tuki::time::{CivilDate, FixedClock, Timestamp};
use tuki::{Locale, Portal, PortalConfig};

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()])).collect()
}

fn at(date: &str, minutes: i64) -> Timestamp {
    Timestamp::start_of(CivilDate::parse_iso(date).expect("date")).plus_millis(minutes * 60_000)
}

#[tokio::test]
async fn a_ticket_takes_its_reference_year_and_every_time_from_the_portals_clock() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, dir.path()).await.expect("database");
        let config = PortalConfig::new(dir.path().join("data"), Some(url));
        let clock = Arc::new(FixedClock::at(at("2031-06-01", 9 * 60 + 30)));
        let portal = Portal::open(config).await.expect("open").with_clock(clock.clone());
        portal.load_demo_content_if_empty().await.expect("demo");
        let (me, forms, tickets) = (Caller::Customer, portal.guided_form(), portal.tickets());
        let form = Slug::parse("general-request").expect("slug");
        let (draft, first) = forms.start(&me, &form, Locale::Fi).await.expect("start");
        let outcome = forms
            .submit_step(&me, &form, &draft, &first, &answers(&[("area", "device"), ("summary", "Uusi näyttö")]))
            .await
            .expect("step");
        let StepOutcome::Next(second) = outcome else { panic!("{outcome:?}") };
        let last = forms.submit_step(&me, &form, &draft, &second, &answers(&[("for-someone-else", "no")])).await;
        assert_eq!(last.expect("step"), StepOutcome::Check);
        let contact = answers(&[
            ("name", "Maija Meikäläinen"),
            ("email", "maija@example.fi"),
            ("reply-language", "fi"),
            ("description", "Tarvitsen toisen näytön."),
        ]);
        let sent = tickets.submit_contact(&me, &form, &draft, &contact, "http://tuki.test").await.expect("sent");
        let ContactOutcome::Submitted { reference, token: Some(token) } = sent else { panic!("{sent:?}") };
        assert_eq!(reference.as_str(), "TK-2031-000001", "{backend:?}");
        let page = tickets.status_page(&me, Locale::Fi, &reference, &token).await.expect("status page");
        assert_eq!((page.sent_on.as_str(), page.status), ("1.6.2031", TicketStatus::New));
        clock.set(at("2031-06-02", 10 * 60 + 15));
        let update = CustomerUpdate { message: "Ratkesi.", solved: true };
        assert!(tickets.customer_update(&me, &reference, &token, update, "http://tuki.test").await.expect("update"));
        let page = tickets.status_page(&me, Locale::Fi, &reference, &token).await.expect("status page");
        assert_eq!(page.messages.last().map(|m| m.at.as_str()), Some("2.6.2031 klo 13.15"), "{backend:?}");
        assert_eq!(page.status, TicketStatus::Resolved);
        // The confirmation is due at once on the same clock; a customer cannot read the outbox.
        assert_eq!(portal.outbox().due(&Caller::System, 10).await.expect("due").len(), 1);
        assert!(matches!(portal.outbox().due(&me, 10).await, Err(ServiceError::Forbidden)));
        portal.close().await;
    }
}

#[tokio::test]
async fn what_does_not_exist_or_has_ended_is_not_found_for_every_service() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = PortalConfig::new(dir.path().join("data"), None);
    let portal = Portal::open(config).await.expect("open");
    portal.load_demo_content_if_empty().await.expect("demo");
    let me = Caller::Customer;
    let catalogue = portal.catalogue();
    let missing = catalogue.document_page(&me, Locale::Sv, tuki::content::DocKind::Article, "nope", None, None).await;
    assert!(matches!(missing, Err(ServiceError::NotFound)));
    assert!(matches!(portal.catalogue().listing(&me, Locale::Sv, Some("nope")).await, Err(ServiceError::NotFound)));
    let form = Slug::parse("general-request").expect("slug");
    let unknown = tuki::ticket::DraftId::parse(&"0".repeat(32)).expect("id");
    assert!(matches!(portal.guided_form().draft(&me, &form, &unknown).await, Err(ServiceError::NotFound)));
    let (draft, step) = portal.guided_form().start(&me, &form, Locale::Sv).await.expect("start");
    portal.guided_form().mark_solved(&me, &form, &draft, Some(&step)).await.expect("solved");
    let after = portal.guided_form().step_page(&me, Locale::Sv, &form, &draft, &step, Default::default()).await;
    assert!(matches!(after, Err(ServiceError::Finished)));
    assert_eq!(ServiceError::Finished.http_status(), 404);
    portal.close().await;
}

/// A portal on SQLite in `dir` whose card blocking number is `number`.
async fn portal_with_blocking_number(dir: &std::path::Path, number: &str) -> Portal {
    use tuki::content::service_numbers::{PhoneNumber, ServiceNumbers};
    let card_blocking = PhoneNumber::parse(number).expect("number");
    let config =
        PortalConfig { service_numbers: ServiceNumbers { card_blocking }, ..PortalConfig::new(dir.join("data"), None) };
    let portal = Portal::open(config).await.expect("open");
    portal.load_demo_content_if_empty().await.expect("demo");
    portal
}

/// The slugs found for `text` in Finnish.
async fn found(portal: &Portal, text: &str) -> Vec<String> {
    let request = tuki::search::SearchRequest {
        text: text.to_owned(),
        locale: Locale::Fi,
        limit: 5,
        offset: 0,
        category: None,
        kind: None,
    };
    portal.search(request).await.expect("search").hits.into_iter().map(|h| h.slug).collect()
}

#[tokio::test]
async fn the_lost_card_form_and_its_articles_open_with_the_configured_blocking_number() {
    use tuki::views::help::NoticePart;
    let dir = tempfile::tempdir().expect("temp dir");
    let portal = portal_with_blocking_number(dir.path(), "0800 123 456").await;
    let (me, form) = (Caller::Customer, Slug::parse("card-lost").expect("slug"));
    for locale in Locale::ALL {
        let intro = portal.guided_form().form(&me, locale, &form).await.expect("form");
        let notice = intro.urgent.expect("the lost-card form has an urgent notice");
        let phone = NoticePart::Phone { shown: "0800 123 456".into(), tel: "tel:0800123456".into() };
        assert!(notice.contains(&phone), "{locale:?}: {notice:?}");
        let (draft, step) = portal.guided_form().start(&me, &form, locale).await.expect("start");
        let page = portal.guided_form().step_page(&me, locale, &form, &draft, &step, Default::default()).await;
        assert_eq!(page.expect("step").urgent.as_ref(), Some(&notice), "{locale:?}");
        let article = portal
            .catalogue()
            .document_page(&me, locale, tuki::content::DocKind::Article, "card-lost-or-stolen", None, None)
            .await
            .expect("article");
        assert!(
            article.html.contains(r#"<a href="tel:0800123456" rel="noopener noreferrer">0800 123 456</a>"#),
            "{}",
            article.html
        );
        assert!(!article.html.contains("{card-blocking-phone}"), "{locale:?}");
    }
    // Forms without one show none.
    let general = Slug::parse("general-request").expect("slug");
    assert_eq!(portal.guided_form().form(&me, Locale::Fi, &general).await.expect("form").urgent, None);
    assert!(found(&portal, "0800 123 456").await.contains(&"card-lost-or-stolen".to_owned()));
    portal.close().await;
    drop(portal);

    // A new number at the next start reaches the search index too.
    let portal = portal_with_blocking_number(dir.path(), "09 555 0199").await;
    assert!(!found(&portal, "0800 123 456").await.contains(&"card-lost-or-stolen".to_owned()));
    assert!(found(&portal, "09 555 0199").await.contains(&"card-lost-or-stolen".to_owned()));
    portal.close().await;
}
