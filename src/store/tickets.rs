//! Tickets: created from a draft in one transaction, at most once per draft.

use super::{Store, StoreError, corrupt, to_json};
use crate::Locale;
use crate::content::{DocRef, Slug};
use crate::email::Email;
use crate::forms::{Answers, Priority, RequestKind};
use crate::ticket::{DraftId, TicketRef, TicketStatus};
use crate::time::Timestamp;
use sqlx::Row;

/// Everything a new ticket holds besides its reference, status and times.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTicket {
    /// The draft it comes from (one ticket per draft).
    pub draft_id: DraftId,
    /// The request type.
    pub form_slug: Slug,
    /// The version of the request type it was filled against.
    pub form_version: i64,
    /// The answers that count.
    pub answers: Answers,
    /// The problem in the customer's words.
    pub description: String,
    /// The customer's name.
    pub contact_name: String,
    /// The customer's e-mail address.
    pub contact_email: Email,
    /// The customer's telephone number, if given.
    pub contact_phone: Option<String>,
    /// The language replies should be in.
    pub contact_locale: Locale,
    /// The language the form was filled in.
    pub locale: Locale,
    /// The receiving team.
    pub team: Slug,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// Documents suggested to the customer before sending.
    pub suggestions_seen: Vec<DocRef>,
    /// Of those, the ones the customer opened: what was already tried.
    pub suggestions_opened: Vec<DocRef>,
    /// SHA-256 (hex) of the token in the customer's status link.
    pub status_token_hash: String,
}

/// A ticket as its status page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TicketRecord {
    /// Its reference.
    pub reference: TicketRef,
    /// The request type.
    pub form_slug: Slug,
    /// Its version.
    pub form_version: i64,
    /// The answers.
    pub answers: Answers,
    /// The problem in the customer's words.
    pub description: String,
    /// Where it is in its life.
    pub status: TicketStatus,
    /// When it was sent.
    pub created_at: Timestamp,
    /// SHA-256 (hex) of the status link's token.
    pub status_token_hash: String,
}

/// Who wrote an entry of a ticket's conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Author {
    /// The customer, on the ticket's status page.
    Customer,
    /// The service desk.
    Desk,
}

impl Author {
    /// The stored code: `customer` or `desk`.
    pub const fn code(self) -> &'static str {
        match self {
            Author::Customer => "customer",
            Author::Desk => "desk",
        }
    }

    fn parse(code: &str) -> Result<Author, StoreError> {
        match code {
            "customer" => Ok(Author::Customer),
            "desk" => Ok(Author::Desk),
            other => Err(corrupt(format!("unknown message author {other}"))),
        }
    }
}

/// One entry of a ticket's conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketMessage {
    /// Who wrote it.
    pub author: Author,
    /// The message, if any.
    pub body: Option<String>,
    /// The status the ticket moved to, if it did.
    pub new_status: Option<TicketStatus>,
    /// When.
    pub created_at: Timestamp,
}

/// What submitting a draft did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submitted {
    /// The ticket's reference.
    pub reference: TicketRef,
    /// False when the draft had already been sent (a double submit): nothing new was created.
    pub created: bool,
}

impl Store {
    /// Turns the open draft into a ticket in one transaction: the draft is marked submitted,
    /// the next reference of the year is taken, the ticket is stored and the funnel records it.
    /// The confirmation mail (made for the new reference) goes into the outbox in the same
    /// transaction. A draft already submitted gives its existing ticket's reference (`created` false);
    /// a draft that ended without a ticket (solved by a suggestion meanwhile) gives `None`.
    pub async fn submit_ticket(
        &self,
        ticket: &NewTicket,
        confirmation: impl FnOnce(&TicketRef) -> crate::mail::OutgoingMail,
        webhook: impl FnOnce(&TicketRef, Timestamp) -> Option<super::WebhookEvent>,
    ) -> Result<Option<Submitted>, StoreError> {
        let turn = self.write_turn().await?;
        let mut tx = self.begin_write().await?;
        let now = self.now();
        let ended = sqlx::query(
            "UPDATE form_drafts SET outcome = 'submitted', updated_at = $1 WHERE id = $2 AND outcome = 'open'",
        )
        .bind(now.millis())
        .bind(ticket.draft_id.as_str())
        .execute(&mut *tx)
        .await?;
        if ended.rows_affected() == 0 {
            tx.rollback().await?;
            drop(turn);
            let reference = self.ticket_reference_of_draft(&ticket.draft_id).await?;
            return Ok(reference.map(|reference| Submitted { reference, created: false }));
        }
        let year = now.date().year;
        let number: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_sequences (year, last) VALUES ($1, 1) \
             ON CONFLICT (year) DO UPDATE SET last = ticket_sequences.last + 1 RETURNING last",
        )
        .bind(year)
        .fetch_one(&mut *tx)
        .await?;
        let reference = TicketRef::new(year, number);
        sqlx::query(
            "INSERT INTO tickets (reference, draft_id, form_slug, form_version, answers, description, contact_name, \
             contact_email, contact_phone, contact_locale, locale, team, kind, priority, status, suggestions_seen, \
             suggestions_opened, status_token_hash, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $19, $15, $16, $17, $18, $18)",
        )
        .bind(reference.as_str())
        .bind(ticket.draft_id.as_str())
        .bind(ticket.form_slug.as_str())
        .bind(ticket.form_version)
        .bind(to_json(&ticket.answers)?)
        .bind(&ticket.description)
        .bind(&ticket.contact_name)
        .bind(ticket.contact_email.as_str())
        .bind(ticket.contact_phone.as_deref())
        .bind(ticket.contact_locale.code())
        .bind(ticket.locale.code())
        .bind(ticket.team.as_str())
        .bind(ticket.kind.code())
        .bind(ticket.priority.code())
        .bind(to_json(&ticket.suggestions_seen)?)
        .bind(to_json(&ticket.suggestions_opened)?)
        .bind(&ticket.status_token_hash)
        .bind(now.millis())
        .bind(TicketStatus::New.code())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO funnel_events (draft_id, form_slug, locale, event, step, created_at) \
             VALUES ($1, $2, $3, 'ticket-submitted', NULL, $4)",
        )
        .bind(ticket.draft_id.as_str())
        .bind(ticket.form_slug.as_str())
        .bind(ticket.locale.code())
        .bind(now.millis())
        .execute(&mut *tx)
        .await?;
        let mail = confirmation(&reference);
        if super::outbox::recipient_may_get_mail(&mut tx, &mail.to, now.millis()).await? {
            super::outbox::queue_mail(&mut tx, &mail, now.millis()).await?;
        } else {
            tracing::warn!(%reference, "confirmation not sent: the address had its hourly share of mail");
        }
        if let Some(event) = webhook(&reference, now) {
            super::webhooks::queue_webhook_in(&mut tx, &event, now.millis()).await?;
        }
        tx.commit().await?;
        Ok(Some(Submitted { reference, created: true }))
    }

    /// The reference of the ticket made from `draft`, if any.
    pub async fn ticket_reference_of_draft(&self, draft: &DraftId) -> Result<Option<TicketRef>, StoreError> {
        let row = sqlx::query("SELECT reference FROM tickets WHERE draft_id = $1")
            .bind(draft.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| r.try_get::<String, _>(0).map_err(StoreError::from).and_then(|r| read_reference(&r))).transpose()
    }

    /// The ticket `reference`, if it exists.
    pub async fn ticket(&self, reference: &TicketRef) -> Result<Option<TicketRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT form_slug, form_version, answers, description, status, created_at, status_token_hash \
             FROM tickets WHERE reference = $1",
        )
        .bind(reference.as_str())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let answers: String = row.try_get(2)?;
        let form_slug: String = row.try_get(0)?;
        let status: String = row.try_get(4)?;
        Ok(Some(TicketRecord {
            reference: reference.clone(),
            form_slug: Slug::parse(&form_slug).map_err(|e| corrupt(e.to_string()))?,
            form_version: row.try_get(1)?,
            answers: serde_json::from_str(&answers).map_err(|e| corrupt(e.to_string()))?,
            description: row.try_get(3)?,
            status: status.parse().map_err(corrupt)?,
            created_at: Timestamp::from_millis(row.try_get(5)?),
            status_token_hash: row.try_get(6)?,
        }))
    }

    /// Adds a message from the customer (and/or a status change) to ticket `reference`, in one
    /// transaction with the ticket's own status and the event for another desk.
    pub async fn add_customer_message(
        &self,
        reference: &TicketRef,
        body: Option<&str>,
        new_status: Option<TicketStatus>,
        webhook: Option<&super::WebhookEvent>,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO ticket_messages (reference, author, body, new_status, created_at) \
             VALUES ($1, 'customer', $2, $3, $4)",
        )
        .bind(reference.as_str())
        .bind(body)
        .bind(new_status.map(TicketStatus::code))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(event) = webhook {
            super::webhooks::queue_webhook_in(&mut tx, event, now).await?;
        }
        match new_status {
            Some(status) => {
                sqlx::query("UPDATE tickets SET status = $1, updated_at = $2 WHERE reference = $3")
                    .bind(status.code())
                    .bind(now)
                    .bind(reference.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query("UPDATE tickets SET updated_at = $1 WHERE reference = $2")
                    .bind(now)
                    .bind(reference.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The conversation of ticket `reference` as the customer sees it, oldest first: no internal
    /// notes, no changes of assignee, team or priority.
    pub async fn ticket_messages(&self, reference: &TicketRef) -> Result<Vec<TicketMessage>, StoreError> {
        let rows = sqlx::query(
            "SELECT author, body, new_status, created_at FROM ticket_messages \
             WHERE reference = $1 AND internal = 0 AND (body IS NOT NULL OR new_status IS NOT NULL) ORDER BY id",
        )
        .bind(reference.as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let author: String = r.try_get(0)?;
                let new_status: Option<String> = r.try_get(2)?;
                Ok(TicketMessage {
                    author: Author::parse(&author)?,
                    body: r.try_get(1)?,
                    new_status: new_status.map(|s| s.parse()).transpose().map_err(corrupt)?,
                    created_at: Timestamp::from_millis(r.try_get(3)?),
                })
            })
            .collect()
    }

    /// How many tickets there are.
    pub async fn ticket_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tickets").fetch_one(self.pool()).await?)
    }
}

/// A stored reference read back.
pub(super) fn read_reference(text: &str) -> Result<TicketRef, StoreError> {
    TicketRef::parse(text).ok_or_else(|| corrupt(format!("not a ticket reference: {text}")))
}
