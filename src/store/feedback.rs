//! What customers tell us without saying who they are: searches, clicks, helpful votes.

use super::{Store, StoreError};
use crate::Locale;
use crate::content::{DocRef, Slug};
use crate::search_types::SearchText;

/// Longest comment kept with a vote, in characters.
pub const MAX_COMMENT: usize = 1000;

/// Votes for one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VoteCounts {
    /// "Yes, this helped."
    pub helpful: i64,
    /// "No."
    pub not_helpful: i64,
}

impl Store {
    /// Logs a search; returns the log row's id, used to record which hit was opened.
    pub async fn log_search(&self, query: &SearchText, locale: Locale, results: usize) -> Result<i64, StoreError> {
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO search_log (query, locale, result_count, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(query.logged())
        .bind(locale.code())
        .bind(i64::try_from(results).unwrap_or(i64::MAX))
        .bind(self.now().millis())
        .fetch_one(self.pool())
        .await?;
        Ok(id)
    }

    /// Records the hit opened from a logged search (the first one only).
    pub async fn log_click(&self, search_id: i64, opened: &DocRef) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE search_log SET clicked_kind = $1, clicked_slug = $2 WHERE id = $3 AND clicked_kind IS NULL",
        )
        .bind(opened.kind.code())
        .bind(opened.slug.as_str())
        .bind(search_id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Recent searches that found nothing, newest first: what the content is missing.
    pub async fn zero_result_queries(&self, limit: i64) -> Result<Vec<(String, Locale)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT query, locale FROM search_log WHERE result_count = 0 ORDER BY id DESC LIMIT $1")
                .bind(limit)
                .fetch_all(self.pool())
                .await?;
        Ok(rows.into_iter().filter_map(|(q, l)| Some((q, l.parse().ok()?))).collect())
    }

    /// Stores a helpful vote with an optional comment (trimmed, at most [`MAX_COMMENT`] characters).
    pub async fn record_vote(
        &self,
        document: &DocRef,
        locale: Locale,
        helpful: bool,
        comment: Option<&str>,
    ) -> Result<(), StoreError> {
        let comment =
            comment.map(str::trim).filter(|c| !c.is_empty()).map(|c| c.chars().take(MAX_COMMENT).collect::<String>());
        sqlx::query(
            "INSERT INTO helpful_votes (kind, slug, locale, helpful, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .bind(i64::from(helpful))
        .bind(comment)
        .bind(self.now().millis())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The votes of one document.
    pub async fn vote_counts(&self, document: &DocRef) -> Result<VoteCounts, StoreError> {
        let (helpful, total): (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(helpful), 0) AS BIGINT), COUNT(*) FROM helpful_votes WHERE kind = $1 AND slug = $2",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .fetch_one(self.pool())
        .await?;
        Ok(VoteCounts { helpful, not_helpful: total - helpful })
    }

    /// Published articles ranked by helpful votes minus unhelpful ones (then by slug).
    pub async fn most_helpful(&self, limit: i64) -> Result<Vec<Slug>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT d.slug FROM documents d \
             LEFT JOIN helpful_votes v ON v.kind = d.kind AND v.slug = d.slug \
             WHERE d.kind = 'article' AND d.status = 'published' \
             GROUP BY d.slug \
             ORDER BY COALESCE(SUM(2 * v.helpful - 1), 0) DESC, d.slug \
             LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        // A slug that no longer reads as one cannot be linked to; it is left out.
        Ok(rows.into_iter().filter_map(|(s,)| Slug::parse(&s).ok()).collect())
    }
}
