//! Webhook endpoints and their persistent outbox: an event is queued once per active endpoint
//! and delivered (and retried) from here, like the mail.

use super::{Store, StoreError};
use crate::time::Timestamp;
use sqlx::Row;

/// A ticket event's name and JSON body, queued in the transaction of the change it reports
/// (for every active endpoint), so that no committed change goes unreported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookEvent {
    /// `ticket.created`, `ticket.updated`, …
    pub name: &'static str,
    /// The JSON body.
    pub payload: String,
}

/// Queues `event` for every active endpoint inside `tx`.
pub(super) async fn queue_webhook_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    event: &WebhookEvent,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO webhook_outbox (endpoint_id, event, payload, created_at, next_attempt_at) \
         SELECT id, $1, $2, $3, $3 FROM webhook_endpoints WHERE active = 1",
    )
    .bind(event.name)
    .bind(&event.payload)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A receiving endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookEndpoint {
    /// Its id.
    pub id: i64,
    /// Where events are posted.
    pub url: String,
    /// Whether events go there.
    pub active: bool,
    /// Deliveries waiting (not delivered, not abandoned).
    pub waiting: i64,
}

/// An event waiting for delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedWebhook {
    /// Its outbox id (also the delivery's id for the receiver).
    pub id: i64,
    /// Where it goes.
    pub url: String,
    /// The key it is signed with.
    pub secret: String,
    /// The event's name.
    pub event: String,
    /// The JSON body.
    pub payload: String,
    /// Failed attempts so far.
    pub attempts: i64,
    /// When it was queued.
    pub created_at: Timestamp,
}

impl Store {
    /// Adds an endpoint; its id.
    pub async fn add_webhook_endpoint(&self, url: &str, secret: &str) -> Result<i64, StoreError> {
        let _turn = self.write_turn().await?;
        Ok(sqlx::query_scalar(
            "INSERT INTO webhook_endpoints (url, secret, active, created_at) VALUES ($1, $2, 1, $3) RETURNING id",
        )
        .bind(url)
        .bind(secret)
        .bind(self.now().millis())
        .fetch_one(self.pool())
        .await?)
    }

    /// Stops sending to endpoint `id` (what waits for it is abandoned); false when there is none.
    pub async fn deactivate_webhook_endpoint(&self, id: i64) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("UPDATE webhook_endpoints SET active = 0 WHERE id = $1 AND active = 1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE webhook_outbox SET abandoned_at = $1, last_error = 'endpoint removed' \
             WHERE endpoint_id = $2 AND delivered_at IS NULL AND abandoned_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Every endpoint, with its waiting deliveries.
    pub async fn webhook_endpoints(&self) -> Result<Vec<WebhookEndpoint>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.id, e.url, e.active, (SELECT COUNT(*) FROM webhook_outbox o WHERE o.endpoint_id = e.id \
             AND o.delivered_at IS NULL AND o.abandoned_at IS NULL) FROM webhook_endpoints e ORDER BY e.id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(WebhookEndpoint {
                    id: r.try_get(0)?,
                    url: r.try_get(1)?,
                    active: r.try_get::<i64, _>(2)? != 0,
                    waiting: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// True when some endpoint receives events.
    pub async fn has_webhook_endpoints(&self) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM webhook_endpoints WHERE active = 1 LIMIT 1")
            .fetch_optional(self.pool())
            .await?;
        Ok(found.is_some())
    }

    /// Deliveries due at `now`, oldest first; each is leased for `lease_millis` (another node
    /// does not send it meanwhile).
    pub async fn claim_due_webhooks(
        &self,
        now: Timestamp,
        limit: i64,
        lease_millis: i64,
    ) -> Result<Vec<QueuedWebhook>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, e.url, e.secret, o.event, o.payload, o.attempts, o.created_at, o.next_attempt_at \
             FROM webhook_outbox o JOIN webhook_endpoints e ON e.id = o.endpoint_id \
             WHERE o.delivered_at IS NULL AND o.abandoned_at IS NULL AND o.next_attempt_at <= $1 ORDER BY o.id LIMIT $2",
        )
        .bind(now.millis())
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        let mut claimed = Vec::new();
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            let seen: i64 = r.try_get(7)?;
            let _turn = self.write_turn().await?;
            let leased =
                sqlx::query("UPDATE webhook_outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3")
                    .bind(now.millis() + lease_millis)
                    .bind(id)
                    .bind(seen)
                    .execute(self.pool())
                    .await?;
            if leased.rows_affected() == 1 {
                claimed.push(QueuedWebhook {
                    id,
                    url: r.try_get(1)?,
                    secret: r.try_get(2)?,
                    event: r.try_get(3)?,
                    payload: r.try_get(4)?,
                    attempts: r.try_get(5)?,
                    created_at: Timestamp::from_millis(r.try_get(6)?),
                });
            }
        }
        Ok(claimed)
    }

    /// Records a delivery's outcome: delivered, retried at `retry_at`, or abandoned.
    pub async fn webhook_outcome(&self, id: i64, outcome: WebhookOutcome<'_>) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let query = match outcome {
            WebhookOutcome::Delivered => {
                sqlx::query("UPDATE webhook_outbox SET delivered_at = $1, last_error = NULL WHERE id = $2").bind(now).bind(id)
            }
            WebhookOutcome::Retry { error, at } => sqlx::query(
                "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3",
            )
            .bind(error.to_owned())
            .bind(at.millis())
            .bind(id),
            WebhookOutcome::Abandon { error } => sqlx::query(
                "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = $1, abandoned_at = $2 WHERE id = $3",
            )
            .bind(error.to_owned())
            .bind(now)
            .bind(id),
        };
        query.execute(self.pool()).await?;
        Ok(())
    }
}

/// What became of a delivery attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebhookOutcome<'a> {
    /// The endpoint answered 2xx.
    Delivered,
    /// Failed; try again at `at`.
    Retry {
        /// Why it failed.
        error: &'a str,
        /// When to try again.
        at: Timestamp,
    },
    /// Failed for good.
    Abandon {
        /// Why.
        error: &'a str,
    },
}
