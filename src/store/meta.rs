//! The `portal_meta` table: small facts about this installation (when it was created,
//! which content was loaded), kept as key/value text.

use super::{Store, StoreError};

/// `portal_meta` key of the content generation: counted up in the transaction of every content
/// change, and recorded in the search index's commits, so an index behind the database (on this
/// node or any other) notices and catches up.
pub const CONTENT_GENERATION: &str = "content_generation";

impl Store {
    /// The content generation of the database (0 before any content).
    pub async fn content_generation(&self) -> Result<i64, StoreError> {
        match self.meta(CONTENT_GENERATION).await? {
            None => Ok(0),
            Some(text) => text.parse().map_err(|_| super::corrupt(format!("content generation {text:?}"))),
        }
    }

    /// The value stored under `key`, if any.
    pub async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = sqlx::query_scalar::<_, String>("SELECT value FROM portal_meta WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(value)
    }

    /// Stores `value` under `key`, replacing what was there.
    pub async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO portal_meta (key, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(key)
        .bind(value)
        .bind(self.now().millis())
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
