//! The mail outbox: queued with what it announces, delivered and retried from here.

use super::{Store, StoreError};
use crate::mail::{OutgoingMail, QueuedMail};
use sqlx::{Any, Row, Transaction};

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
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
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
                Ok(QueuedMail {
                    id: r.try_get(0)?,
                    mail: OutgoingMail {
                        to: r.try_get(1)?,
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
        let _turn = self.write_turn().await;
        sqlx::query("UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Records a failed delivery; the next attempt is at `retry_at`.
    pub async fn mark_mail_failed(&self, id: i64, error: &str, retry_at: i64) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
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
        let _turn = self.write_turn().await;
        sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1, abandoned_at = $2 WHERE id = $3")
            .bind(error)
            .bind(now)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
