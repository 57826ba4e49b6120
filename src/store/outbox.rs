//! The mail outbox: queued with what it announces, delivered and retried from here.

use super::{Store, StoreError, corrupt};
use crate::email::Email;
use crate::mail::{OutgoingMail, QueuedMail};
use sqlx::{Any, Row, Transaction};

/// Most confirmation mails one address receives per hour. Anyone can type anyone's address
/// into the contact page; beyond this, tickets are still made (the done page shows their
/// reference) but no more mail goes to that address for the hour.
pub const MAX_MAILS_PER_RECIPIENT_PER_HOUR: i64 = 5;

/// True when `recipient` has had fewer than [`MAX_MAILS_PER_RECIPIENT_PER_HOUR`] mails queued
/// in the hour before `now`.
pub(super) async fn recipient_may_get_mail(
    tx: &mut Transaction<'static, Any>,
    recipient: &Email,
    now: i64,
) -> Result<bool, StoreError> {
    let recent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND created_at > $2")
        .bind(recipient.as_str())
        .bind(now - 3_600_000)
        .fetch_one(&mut **tx)
        .await?;
    Ok(recent < MAX_MAILS_PER_RECIPIENT_PER_HOUR)
}

/// Queues `mail` inside `tx`.
pub(super) async fn queue_mail(
    tx: &mut Transaction<'static, Any>,
    mail: &OutgoingMail,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox (recipient, subject, text_body, html_body, created_at, attempts, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $5)",
    )
    .bind(mail.to.as_str())
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Queues `mail` on its own (not with a ticket); false when its address has had its
    /// hourly share ([`MAX_MAILS_PER_RECIPIENT_PER_HOUR`]) and nothing was queued.
    pub async fn queue_mail(&self, mail: &OutgoingMail) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let allowed = recipient_may_get_mail(&mut tx, &mail.to, now).await?;
        if allowed {
            queue_mail(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(allowed)
    }

    /// Mail waiting to be delivered (not sent, not abandoned).
    pub async fn undelivered_mail_count(&self) -> Result<i64, StoreError> {
        let count = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND abandoned_at IS NULL")
            .fetch_one(self.pool())
            .await?;
        Ok(count)
    }

    /// Unsent mail whose next attempt is due at `now`, oldest first.
    pub async fn due_mail(&self, now: i64, limit: i64) -> Result<Vec<QueuedMail>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, recipient, subject, text_body, html_body, created_at, attempts FROM outbox \
             WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let to: String = r.try_get(1)?;
                Ok(QueuedMail {
                    id: r.try_get(0)?,
                    mail: OutgoingMail {
                        to: Email::parse(&to).ok_or_else(|| corrupt(format!("not an e-mail address: {to}")))?,
                        subject: r.try_get(2)?,
                        text: r.try_get(3)?,
                        html: r.try_get(4)?,
                    },
                    created_at: r.try_get(5)?,
                    attempts: r.try_get(6)?,
                })
            })
            .collect()
    }

    /// Marks a mail delivered.
    pub async fn mark_mail_sent(&self, id: i64, now: i64) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        sqlx::query("UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Records a failed delivery; the next attempt is at `retry_at`.
    pub async fn mark_mail_failed(&self, id: i64, error: &str, retry_at: i64) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3")
            .bind(error)
            .bind(retry_at)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Gives up on a mail: it is kept with `error` and never retried.
    pub async fn abandon_mail(&self, id: i64, error: &str, now: i64) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1, abandoned_at = $2 WHERE id = $3")
            .bind(error)
            .bind(now)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
