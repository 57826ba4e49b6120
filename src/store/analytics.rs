//! What customers searched, opened and voted on in a period: the editors' analytics.

use super::{Store, StoreError};

/// A search text and how it fared, counted over a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryCount {
    /// What was searched (as logged: trimmed, at most 200 characters).
    pub query: String,
    /// The customer's language.
    pub locale: String,
    /// How many times.
    pub searches: i64,
    /// How many of those found nothing.
    pub without_results: i64,
    /// How many of those led to a document being opened.
    pub opened: i64,
}

/// A document's feedback over a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentCount {
    /// `article` or `case`.
    pub kind: String,
    /// Its slug.
    pub slug: String,
    /// Opened from a search's results.
    pub opened_from_search: i64,
    /// "Yes, this helped" votes.
    pub helpful: i64,
    /// "No" votes.
    pub not_helpful: i64,
    /// Votes with a comment.
    pub comments: i64,
}

/// Which list of searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryList {
    /// The most frequent.
    Top,
    /// Those that found nothing.
    WithoutResults,
    /// Those that found something nobody opened.
    NothingOpened,
}

impl Store {
    /// Searches in `[from, to)` (milliseconds), grouped by text and language, most frequent
    /// first, at most `limit`.
    pub async fn query_counts(
        &self,
        list: QueryList,
        from: i64,
        to: i64,
        limit: i64,
    ) -> Result<Vec<QueryCount>, StoreError> {
        // Three static statements: the SQL is never assembled from input.
        let sql = match list {
            QueryList::Top => {
                "SELECT query, locale, COUNT(*), CAST(SUM(CASE WHEN result_count = 0 THEN 1 ELSE 0 END) AS BIGINT), \
                 CAST(SUM(CASE WHEN clicked_slug IS NULL THEN 0 ELSE 1 END) AS BIGINT) FROM search_log \
                 WHERE created_at >= $1 AND created_at < $2 GROUP BY query, locale ORDER BY COUNT(*) DESC, query LIMIT $3"
            }
            QueryList::WithoutResults => {
                "SELECT query, locale, COUNT(*), COUNT(*), CAST(0 AS BIGINT) FROM search_log \
                 WHERE created_at >= $1 AND created_at < $2 AND result_count = 0 \
                 GROUP BY query, locale ORDER BY COUNT(*) DESC, query LIMIT $3"
            }
            QueryList::NothingOpened => {
                "SELECT query, locale, COUNT(*), CAST(0 AS BIGINT), CAST(0 AS BIGINT) FROM search_log \
                 WHERE created_at >= $1 AND created_at < $2 AND result_count > 0 \
                 GROUP BY query, locale HAVING CAST(SUM(CASE WHEN clicked_slug IS NULL THEN 0 ELSE 1 END) AS BIGINT) = 0 \
                 ORDER BY COUNT(*) DESC, query LIMIT $3"
            }
        };
        let rows: Vec<(String, String, i64, i64, i64)> =
            sqlx::query_as(sql).bind(from).bind(to).bind(limit).fetch_all(self.pool()).await?;
        Ok(rows
            .into_iter()
            .map(|(query, locale, searches, without_results, opened)| QueryCount {
                query,
                locale,
                searches,
                without_results,
                opened,
            })
            .collect())
    }

    /// Searches in `[from, to)`: in all, those with results, and those with a document opened.
    pub async fn search_totals(&self, from: i64, to: i64) -> Result<(i64, i64, i64), StoreError> {
        Ok(sqlx::query_as(
            "SELECT COUNT(*), \
             COALESCE(CAST(SUM(CASE WHEN result_count > 0 THEN 1 ELSE 0 END) AS BIGINT), 0), \
             COALESCE(CAST(SUM(CASE WHEN clicked_slug IS NULL THEN 0 ELSE 1 END) AS BIGINT), 0) \
             FROM search_log WHERE created_at >= $1 AND created_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_one(self.pool())
        .await?)
    }

    /// Per document with any opening from search or any vote in `[from, to)`.
    pub async fn document_counts(&self, from: i64, to: i64) -> Result<Vec<DocumentCount>, StoreError> {
        let opened: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT clicked_kind, clicked_slug, COUNT(*) FROM search_log \
             WHERE created_at >= $1 AND created_at < $2 AND clicked_slug IS NOT NULL GROUP BY clicked_kind, clicked_slug",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        let votes: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT kind, slug, CAST(SUM(helpful) AS BIGINT), CAST(SUM(1 - helpful) AS BIGINT), \
             CAST(SUM(CASE WHEN comment IS NULL OR comment = '' THEN 0 ELSE 1 END) AS BIGINT) FROM helpful_votes \
             WHERE created_at >= $1 AND created_at < $2 GROUP BY kind, slug",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        let mut counts: Vec<DocumentCount> = opened
            .into_iter()
            .map(|(kind, slug, opened_from_search)| DocumentCount {
                kind,
                slug,
                opened_from_search,
                helpful: 0,
                not_helpful: 0,
                comments: 0,
            })
            .collect();
        for (kind, slug, helpful, not_helpful, comments) in votes {
            match counts.iter_mut().find(|c| c.kind == kind && c.slug == slug) {
                Some(count) => (count.helpful, count.not_helpful, count.comments) = (helpful, not_helpful, comments),
                None => {
                    counts.push(DocumentCount { kind, slug, opened_from_search: 0, helpful, not_helpful, comments })
                }
            }
        }
        counts.sort_by(|a, b| {
            (b.opened_from_search + b.helpful + b.not_helpful)
                .cmp(&(a.opened_from_search + a.helpful + a.not_helpful))
                .then_with(|| (&a.kind, &a.slug).cmp(&(&b.kind, &b.slug)))
        });
        Ok(counts)
    }
}
