//! Tickets: created from a draft in one transaction, at most once per draft.

use super::{Store, StoreError, corrupt, now_millis, to_json};
use crate::Locale;
use crate::forms::Answers;
use sqlx::Row;

/// Everything a new ticket holds besides its reference, status and times.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTicket {
    /// The draft it comes from (one ticket per draft).
    pub draft_id: String,
    /// The request type.
    pub form_slug: String,
    /// The version of the request type it was filled against.
    pub form_version: i64,
    /// The answers that count.
    pub answers: Answers,
    /// The problem in the customer's words.
    pub description: String,
    /// The customer's name.
    pub contact_name: String,
    /// The customer's e-mail address.
    pub contact_email: String,
    /// The customer's telephone number, if given.
    pub contact_phone: Option<String>,
    /// The language replies should be in.
    pub contact_locale: Locale,
    /// The language the form was filled in.
    pub locale: Locale,
    /// The receiving team.
    pub team: String,
    /// `incident` or `service-request`.
    pub kind: String,
    /// `low` … `critical`.
    pub priority: String,
    /// Documents suggested to the customer before sending (`article/slug`).
    pub suggestions_seen: Vec<String>,
    /// Of those, the ones the customer opened: what was already tried.
    pub suggestions_opened: Vec<String>,
    /// SHA-256 (hex) of the token in the customer's status link.
    pub status_token_hash: String,
}

/// A ticket as its status page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TicketRecord {
    /// `TK-2026-000123`.
    pub reference: String,
    /// The request type.
    pub form_slug: String,
    /// Its version.
    pub form_version: i64,
    /// The answers.
    pub answers: Answers,
    /// The problem in the customer's words.
    pub description: String,
    /// `new`, `open`, `waiting`, `resolved` or `closed`.
    pub status: String,
    /// When it was sent (milliseconds since the epoch).
    pub created_at: i64,
    /// SHA-256 (hex) of the status link's token.
    pub status_token_hash: String,
}

/// One entry of a ticket's conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketMessage {
    /// `customer` or `desk`.
    pub author: String,
    /// The message, if any.
    pub body: Option<String>,
    /// The status the ticket moved to, if it did.
    pub new_status: Option<String>,
    /// When (milliseconds since the epoch).
    pub created_at: i64,
}

/// What submitting a draft did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submitted {
    /// The ticket's reference.
    pub reference: String,
    /// False when the draft had already been sent (a double submit): nothing new was created.
    pub created: bool,
}

/// `TK-2026-000123`.
pub fn format_reference(year: i64, number: i64) -> String {
    format!("TK-{year}-{number:06}")
}

/// The current year (UTC), from the clock.
fn current_year() -> i64 {
    crate::mail::civil_from_days(now_millis().div_euclid(86_400_000)).0
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
        confirmation: impl FnOnce(&str) -> crate::mail::OutgoingMail,
    ) -> Result<Option<Submitted>, StoreError> {
        let turn = self.write_turn().await?;
        let mut tx = self.pool().begin().await?;
        let now = now_millis();
        let ended = sqlx::query(
            "UPDATE form_drafts SET outcome = 'submitted', updated_at = $1 WHERE id = $2 AND outcome = 'open'",
        )
        .bind(now)
        .bind(&ticket.draft_id)
        .execute(&mut *tx)
        .await?;
        if ended.rows_affected() == 0 {
            tx.rollback().await?;
            drop(turn);
            let reference = self.ticket_reference_of_draft(&ticket.draft_id).await?;
            return Ok(reference.map(|reference| Submitted { reference, created: false }));
        }
        let year = current_year();
        let number: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_sequences (year, last) VALUES ($1, 1) \
             ON CONFLICT (year) DO UPDATE SET last = ticket_sequences.last + 1 RETURNING last",
        )
        .bind(year)
        .fetch_one(&mut *tx)
        .await?;
        let reference = format_reference(year, number);
        sqlx::query(
            "INSERT INTO tickets (reference, draft_id, form_slug, form_version, answers, description, contact_name, \
             contact_email, contact_phone, contact_locale, locale, team, kind, priority, status, suggestions_seen, \
             suggestions_opened, status_token_hash, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'new', $15, $16, $17, $18, $18)",
        )
        .bind(&reference)
        .bind(&ticket.draft_id)
        .bind(&ticket.form_slug)
        .bind(ticket.form_version)
        .bind(to_json(&ticket.answers)?)
        .bind(&ticket.description)
        .bind(&ticket.contact_name)
        .bind(&ticket.contact_email)
        .bind(ticket.contact_phone.as_deref())
        .bind(ticket.contact_locale.code())
        .bind(ticket.locale.code())
        .bind(&ticket.team)
        .bind(&ticket.kind)
        .bind(&ticket.priority)
        .bind(to_json(&ticket.suggestions_seen)?)
        .bind(to_json(&ticket.suggestions_opened)?)
        .bind(&ticket.status_token_hash)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO funnel_events (draft_id, form_slug, locale, event, step, created_at) \
             VALUES ($1, $2, $3, 'ticket-submitted', NULL, $4)",
        )
        .bind(&ticket.draft_id)
        .bind(&ticket.form_slug)
        .bind(ticket.locale.code())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let mail = confirmation(&reference);
        if super::outbox::recipient_may_get_mail(&mut tx, &mail.to, now).await? {
            super::outbox::queue_mail(&mut tx, &mail, now).await?;
        } else {
            tracing::warn!(%reference, "confirmation not sent: the address had its hourly share of mail");
        }
        tx.commit().await?;
        Ok(Some(Submitted { reference, created: true }))
    }

    /// The reference of the ticket made from `draft`, if any.
    pub async fn ticket_reference_of_draft(&self, draft: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT reference FROM tickets WHERE draft_id = $1")
            .bind(draft)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| r.try_get::<String, _>(0)).transpose().map_err(StoreError::from)
    }

    /// The ticket `reference`, if it exists.
    pub async fn ticket(&self, reference: &str) -> Result<Option<TicketRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT form_slug, form_version, answers, description, status, created_at, status_token_hash \
             FROM tickets WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let answers: String = row.try_get(2)?;
        Ok(Some(TicketRecord {
            reference: reference.to_owned(),
            form_slug: row.try_get(0)?,
            form_version: row.try_get(1)?,
            answers: serde_json::from_str(&answers).map_err(|e| corrupt(e.to_string()))?,
            description: row.try_get(3)?,
            status: row.try_get(4)?,
            created_at: row.try_get(5)?,
            status_token_hash: row.try_get(6)?,
        }))
    }

    /// Adds a message from the customer (and/or a status change) to ticket `reference`, in one
    /// transaction with the ticket's own status.
    pub async fn add_customer_message(
        &self,
        reference: &str,
        body: Option<&str>,
        new_status: Option<&str>,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let now = now_millis();
        let mut tx = self.pool().begin().await?;
        sqlx::query(
            "INSERT INTO ticket_messages (reference, author, body, new_status, created_at) \
             VALUES ($1, 'customer', $2, $3, $4)",
        )
        .bind(reference)
        .bind(body)
        .bind(new_status)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        match new_status {
            Some(status) => {
                sqlx::query("UPDATE tickets SET status = $1, updated_at = $2 WHERE reference = $3")
                    .bind(status)
                    .bind(now)
                    .bind(reference)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query("UPDATE tickets SET updated_at = $1 WHERE reference = $2")
                    .bind(now)
                    .bind(reference)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The conversation of ticket `reference`, oldest first.
    pub async fn ticket_messages(&self, reference: &str) -> Result<Vec<TicketMessage>, StoreError> {
        let rows = sqlx::query(
            "SELECT author, body, new_status, created_at FROM ticket_messages WHERE reference = $1 ORDER BY id",
        )
        .bind(reference)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TicketMessage {
                    author: r.try_get(0)?,
                    body: r.try_get(1)?,
                    new_status: r.try_get(2)?,
                    created_at: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// How many tickets there are.
    pub async fn ticket_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tickets").fetch_one(self.pool()).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_the_year_and_six_digits() {
        assert_eq!(format_reference(2026, 123), "TK-2026-000123");
        assert_eq!(format_reference(2026, 1_234_567), "TK-2026-1234567");
    }

    #[test]
    fn the_current_year_is_plausible() {
        let year = current_year();
        assert!((2025..2100).contains(&year), "{year}");
    }
}
