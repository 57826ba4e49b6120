//! Hand-off to a desk the organisation already runs (Jira Service Management, ServiceNow,
//! Zendesk …): ticket events posted as JSON to registered endpoints, signed with HMAC-SHA256
//! over the body (a secret per endpoint), from a persistent outbox and retried with back-off.
//! The payload's format is documented in the README ("Hand-off to another desk").
//!
//! Events: `ticket.created` (with the customer's contact details), `ticket.updated` (status,
//! priority, team or agent changed), `ticket.replied` (the desk's public reply),
//! `ticket.customer-message` (the customer wrote on the status page) and `ticket.sla-breached`.
//! Internal notes are never sent.

use super::{Caller, Right, ServiceError};
use crate::Portal;
use crate::store::{DeskTicketRecord, NewTicket, QueuedWebhook, WebhookEndpoint, WebhookEvent, WebhookOutcome};
use crate::ticket::TicketRef;
use crate::time::Timestamp;
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

/// Attempts before a delivery is abandoned (about a day with the back-off).
pub const MAX_ATTEMPTS: i64 = 12;
/// The signature's header: `sha256=` and the hex HMAC-SHA256 of the body.
pub const SIGNATURE_HEADER: &str = "X-Tuki-Signature";
/// The event's name's header.
pub const EVENT_HEADER: &str = "X-Tuki-Event";
/// The delivery's id's header (the same on every retry of it).
pub const DELIVERY_HEADER: &str = "X-Tuki-Delivery";

/// The webhooks service ([`Portal::webhooks`]).
#[derive(Clone, Copy, Debug)]
pub struct Webhooks<'a> {
    portal: &'a Portal,
}

/// A ticket event to hand off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TicketEvent<'a> {
    /// A customer sent it.
    Created,
    /// Its status, priority, team or agent changed.
    Updated,
    /// The desk replied to the customer.
    Replied(&'a str),
    /// The customer wrote on the status page (and/or marked it solved).
    CustomerMessage(Option<&'a str>),
    /// A target was missed.
    SlaBreached(&'a str),
}

impl TicketEvent<'_> {
    /// The event's name.
    pub const fn name(&self) -> &'static str {
        match self {
            TicketEvent::Created => "ticket.created",
            TicketEvent::Updated => "ticket.updated",
            TicketEvent::Replied(_) => "ticket.replied",
            TicketEvent::CustomerMessage(_) => "ticket.customer-message",
            TicketEvent::SlaBreached(_) => "ticket.sla-breached",
        }
    }
}

/// What a delivery attempt got back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// A 2xx answer.
    Delivered,
    /// A failure worth retrying (no answer, 408, 429, 5xx).
    Failed(String),
    /// A failure for good (another 4xx).
    Refused(String),
}

impl Portal {
    /// The webhooks service.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { portal: self }
    }
}

/// `sha256=` and the hex HMAC-SHA256 of `body` keyed with `secret`: the signature header.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256=");
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// The pause before retry `attempts` (1, 2, …): 30 s doubled each time, at most an hour.
pub fn retry_delay_millis(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.clamp(1, 12) - 1).unwrap_or(0);
    (30_000i64 << doublings).min(3_600_000)
}

impl Webhooks<'_> {
    /// Registers an endpoint (`https://…`, or `http://` for a desk on the same network); its
    /// id and the secret its receiver verifies signatures with (shown only now).
    pub async fn add(&self, caller: &Caller, url: &str) -> Result<(i64, String), ServiceError> {
        caller.require(Right::ManageAccounts)?;
        let url = url.trim();
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok || url.len() > 2_000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(ServiceError::Invalid("error-webhook-url"));
        }
        let secret = super::tokens::new_token();
        let id = self.portal.store().add_webhook_endpoint(url, &secret).await?;
        Ok((id, secret))
    }

    /// Every endpoint.
    pub async fn list(&self, caller: &Caller) -> Result<Vec<WebhookEndpoint>, ServiceError> {
        caller.require(Right::ManageAccounts)?;
        Ok(self.portal.store().webhook_endpoints().await?)
    }

    /// Stops sending to endpoint `id`.
    pub async fn remove(&self, caller: &Caller, id: i64) -> Result<(), ServiceError> {
        caller.require(Right::ManageAccounts)?;
        if self.portal.store().deactivate_webhook_endpoint(id).await? { Ok(()) } else { Err(ServiceError::NotFound) }
    }

    /// Deliveries due now, leased to the caller for a minute.
    pub async fn due(&self, caller: &Caller, limit: i64) -> Result<Vec<QueuedWebhook>, ServiceError> {
        caller.require(Right::DeliverMail)?;
        let store = self.portal.store();
        Ok(store.claim_due_webhooks(store.now(), limit, 60_000).await?)
    }

    /// Records what delivering `webhook` got: delivered, retried later with back-off, or
    /// abandoned (refused for good, or [`MAX_ATTEMPTS`] reached).
    pub async fn record(
        &self,
        caller: &Caller,
        webhook: &QueuedWebhook,
        attempt: &Attempt,
    ) -> Result<(), ServiceError> {
        caller.require(Right::DeliverMail)?;
        let store = self.portal.store();
        let outcome = match attempt {
            Attempt::Delivered => WebhookOutcome::Delivered,
            Attempt::Refused(error) => WebhookOutcome::Abandon { error },
            Attempt::Failed(error) if webhook.attempts + 1 >= MAX_ATTEMPTS => WebhookOutcome::Abandon { error },
            Attempt::Failed(error) => {
                let at = store.now().plus_millis(retry_delay_millis(webhook.attempts + 1));
                WebhookOutcome::Retry { error, at }
            }
        };
        if let WebhookOutcome::Abandon { error } = outcome {
            tracing::warn!(delivery = webhook.id, url = %webhook.url, error, "webhook delivery abandoned");
        }
        Ok(store.webhook_outcome(webhook.id, outcome).await?)
    }

    /// True when some endpoint receives events (else no event is built).
    pub(crate) async fn wanted(&self) -> Result<bool, ServiceError> {
        Ok(self.portal.store().has_webhook_endpoints().await?)
    }
}

/// `event` of `ticket` (as it stands once the change is made) at `now`, ready to be queued in
/// the change's transaction.
pub(crate) fn event_of(
    event: &TicketEvent<'_>,
    ticket: &DeskTicketRecord,
    now: Timestamp,
    base_url: &str,
) -> WebhookEvent {
    WebhookEvent { name: event.name(), payload: payload(event, ticket, now, base_url).to_string() }
}

/// The desk's view of a ticket being created now as `reference` from `ticket`.
pub(crate) fn new_ticket_record(ticket: &NewTicket, reference: &TicketRef, now: Timestamp) -> DeskTicketRecord {
    DeskTicketRecord {
        reference: reference.clone(),
        form: (ticket.form_slug.clone(), ticket.form_version),
        answers: ticket.answers.clone(),
        description: ticket.description.clone(),
        contact_name: ticket.contact_name.clone(),
        contact_email: ticket.contact_email.clone(),
        contact_phone: ticket.contact_phone.clone(),
        contact_locale: ticket.contact_locale,
        locale: ticket.locale,
        team: ticket.team.clone(),
        kind: ticket.kind,
        priority: ticket.priority,
        status: crate::ticket::TicketStatus::New,
        assignee: None,
        suggestions_seen: ticket.suggestions_seen.clone(),
        suggestions_opened: ticket.suggestions_opened.clone(),
        created_at: now,
        first_reply_at: None,
        merged_into: None,
    }
}

/// The JSON body of `event` of `ticket`.
fn payload(event: &TicketEvent<'_>, ticket: &DeskTicketRecord, now: Timestamp, base_url: &str) -> serde_json::Value {
    let mut body = json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "event": event.name(),
        "occurred_at": rfc3339(now),
        "ticket": {
            "reference": ticket.reference.as_str(),
            "request_type": ticket.form.0.as_str(),
            "kind": ticket.kind.code(),
            "priority": ticket.priority.code(),
            "status": ticket.status.code(),
            "team": ticket.team.as_str(),
            "language": ticket.locale.code(),
            "reply_language": ticket.contact_locale.code(),
            "created_at": rfc3339(ticket.created_at),
            "assignee_id": ticket.assignee.map(|a| a.0),
            "merged_into": ticket.merged_into.as_ref().map(TicketRef::as_str),
            "desk_url": crate::paths::staff_desk_ticket_link(base_url, crate::Locale::Fi, &ticket.reference),
        },
    });
    match event {
        TicketEvent::Created => {
            body["customer"] = json!({
                "name": ticket.contact_name,
                "email": ticket.contact_email.as_str(),
                "phone": ticket.contact_phone,
            });
            body["description"] = json!(ticket.description);
            body["answers"] = json!(ticket.answers);
        }
        TicketEvent::Replied(text) => body["message"] = json!({ "from": "desk", "text": text }),
        TicketEvent::CustomerMessage(text) => body["message"] = json!({ "from": "customer", "text": text }),
        TicketEvent::SlaBreached(target) => body["target"] = json!(target),
        TicketEvent::Updated => {}
    }
    body
}

/// `2026-11-30T06:00:00Z`.
fn rfc3339(at: Timestamp) -> String {
    use chrono::TimeZone;
    chrono::Utc
        .timestamp_millis_opt(at.millis())
        .single()
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_published_hmac_sha256_and_retries_back_off_to_an_hour() {
        // RFC 4231, test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(retry_delay_millis(1), 30_000);
        assert_eq!(retry_delay_millis(2), 60_000);
        assert_eq!(retry_delay_millis(8), 3_600_000);
        assert_eq!(retry_delay_millis(100), 3_600_000);
    }
}
