//! Retention: what is kept how long (GDPR). Drafts expire; a finished ticket's personal data
//! is removed after its retention period, keeping what statistics need.

use super::{Store, StoreError};

/// How long things are kept, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    /// Drafts (answers typed into a guided form) untouched for this long are deleted.
    pub draft_days: u32,
    /// A resolved or closed ticket untouched for this long loses its personal data; `None`
    /// keeps it for ever.
    pub ticket_days: Option<u32>,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention { draft_days: 30, ticket_days: None }
    }
}

/// What one purge removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// Drafts deleted.
    pub drafts: u64,
    /// Tickets whose personal data was removed.
    pub tickets: u64,
    /// Mails about those tickets (or to their addresses) deleted from the outbox.
    pub mails: u64,
}

const DAY_MS: i64 = 86_400_000;

/// The tickets whose personal data goes (`$1`: the cutoff): finished, untouched since the
/// cutoff, not yet purged. A macro so the statements stay literals.
macro_rules! expired {
    () => {
        "SELECT reference FROM tickets WHERE status IN ('resolved', 'closed') \
         AND updated_at < $1 AND personal_data_removed_at IS NULL"
    };
}

fn cutoff(now: i64, days: u32) -> i64 {
    now - i64::from(days) * DAY_MS
}

impl Store {
    /// Applies `retention` as of now. Idempotent: a second run removes nothing more.
    pub async fn purge(&self, retention: Retention) -> Result<PurgeReport, StoreError> {
        self.purge_at(retention, self.now().millis()).await
    }

    /// Applies `retention` as of `now` (milliseconds since the epoch).
    pub async fn purge_at(&self, retention: Retention, now: i64) -> Result<PurgeReport, StoreError> {
        let _turn = self.write_turn().await?;
        let mut tx = self.begin_write().await?;
        let drafts = sqlx::query("DELETE FROM form_drafts WHERE updated_at < $1")
            .bind(cutoff(now, retention.draft_days))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let (mut tickets, mut mails) = (0, 0);
        if let Some(days) = retention.ticket_days {
            let before = cutoff(now, days);
            sqlx::query(concat!("UPDATE ticket_messages SET body = NULL WHERE reference IN (", expired!(), ")"))
                .bind(before)
                .execute(&mut *tx)
                .await?;
            // Mail to their addresses that is no longer waiting to go out; its text names them.
            mails = sqlx::query(concat!(
                "DELETE FROM outbox WHERE created_at < $1 AND (sent_at IS NOT NULL OR abandoned_at IS NOT NULL) \
                 AND recipient IN (SELECT contact_email FROM tickets WHERE reference IN (",
                expired!(),
                "))"
            ))
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            // The further status links of those tickets, like the first one below.
            sqlx::query(concat!("DELETE FROM ticket_status_tokens WHERE reference IN (", expired!(), ")"))
                .bind(before)
                .execute(&mut *tx)
                .await?;
            // Ticket events handed off to another desk and no longer waiting: their bodies name
            // customers (a new ticket's contact details), so they go after the same time.
            sqlx::query(
                "DELETE FROM webhook_outbox WHERE created_at < $1 \
                 AND (delivered_at IS NOT NULL OR abandoned_at IS NOT NULL)",
            )
            .bind(before)
            .execute(&mut *tx)
            .await?;
            tickets = sqlx::query(concat!(
                "UPDATE tickets SET answers = '{}', description = '', contact_name = '', contact_email = '', \
                 contact_phone = NULL, status_token_hash = '', personal_data_removed_at = $2 WHERE reference IN (",
                expired!(),
                ")"
            ))
            .bind(before)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        // Staff sign-in records outlive their use by a day at most: sessions past their longest
        // life, set-password links used or expired, failed sign-ins outside any throttle window.
        let day_ago = now - DAY_MS;
        sqlx::query("DELETE FROM staff_sessions WHERE created_at < $1").bind(day_ago).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM staff_password_tokens WHERE expires_at < $1 OR used_at < $1")
            .bind(day_ago)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM login_failures WHERE failed_at < $1").bind(day_ago).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(PurgeReport { drafts, tickets, mails })
    }
}

#[cfg(test)]
mod tests {
    use crate::ticket::TicketStatus;

    #[test]
    fn the_statuses_whose_tickets_expire_are_the_finished_ones() {
        let statement: &str = expired!();
        for status in TicketStatus::ALL {
            let listed = statement.contains(&format!("'{}'", status.code()));
            assert_eq!(listed, status.is_finished(), "{status}");
        }
    }
}
