//! Answers learned from use (see [`crate::search::learned`]): stored pairs of a search's words
//! and the document that helped after it.

use super::{Store, StoreError, corrupt};
use crate::Locale;
use crate::content::DocRef;
use crate::search::learned::{LearnedPair, VOTE_WINDOW_MS, decayed, looks_personal, query_key};
use sqlx::Row;

impl Store {
    /// Counts a helpful vote on `document` towards the search `search_id`, when that search was
    /// in `locale`, recent, opened `document`, has not counted before and looks impersonal.
    /// True when it counted.
    pub async fn learn_from_vote(&self, search_id: i64, document: &DocRef, locale: Locale) -> Result<bool, StoreError> {
        let now = self.now().millis();
        let _turn = self.write_turn().await?;
        let mut tx = self.begin_write().await?;
        // Claims the search: a second vote from it finds it claimed.
        let claimed = sqlx::query(
            "UPDATE search_log SET voted_at = $1 WHERE id = $2 AND voted_at IS NULL AND locale = $3 \
             AND clicked_kind = $4 AND clicked_slug = $5 AND created_at >= $6 RETURNING query",
        )
        .bind(now)
        .bind(search_id)
        .bind(locale.code())
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(now - VOTE_WINDOW_MS)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = claimed else { return Ok(false) };
        let query: String = row.try_get(0)?;
        let Some(key) = query_key(locale, &query).filter(|_| !looks_personal(&query)) else {
            tx.commit().await?;
            return Ok(false);
        };
        let existing = sqlx::query(
            "SELECT evidence, confirmed_at FROM learned_answers \
             WHERE locale = $1 AND query_key = $2 AND kind = $3 AND slug = $4",
        )
        .bind(locale.code())
        .bind(&key)
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let before = match existing {
            Some(row) => decayed(row.try_get(0)?, row.try_get(1)?, now),
            None => 0.0,
        };
        sqlx::query(
            "INSERT INTO learned_answers (locale, query_key, query, kind, slug, evidence, confirmed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (locale, query_key, kind, slug) DO UPDATE SET query = excluded.query, \
             evidence = excluded.evidence, confirmed_at = excluded.confirmed_at",
        )
        .bind(locale.code())
        .bind(&key)
        .bind(&query)
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(before + 1.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every learned pair, strongest evidence first (as recorded; decay is the reader's).
    pub async fn learned_pairs(&self) -> Result<Vec<LearnedPair>, StoreError> {
        let rows = sqlx::query(
            "SELECT locale, query_key, query, kind, slug, evidence, confirmed_at FROM learned_answers \
             ORDER BY evidence DESC, locale, query_key, kind, slug",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let locale: String = row.try_get(0)?;
                Ok(LearnedPair {
                    locale: locale.parse::<Locale>().map_err(|e| corrupt(e.to_string()))?,
                    key: row.try_get(1)?,
                    query: row.try_get(2)?,
                    doc_id: format!("{}/{}", row.try_get::<String, _>(3)?, row.try_get::<String, _>(4)?),
                    evidence: row.try_get(5)?,
                    confirmed_at: row.try_get(6)?,
                })
            })
            .collect()
    }
}
