//! Reviews: an editor asks another to look at a draft before it is published.

use super::{Store, StoreError, corrupt};
use crate::Locale;
use crate::content::{DocRef, RevisionId};
use crate::staff::StaffId;
use crate::time::Timestamp;

/// An open review request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewRecord {
    /// The document.
    pub document: DocRef,
    /// The text's locale.
    pub locale: Locale,
    /// The draft's revision when review was asked for.
    pub revision: RevisionId,
    /// Who asked, and their name.
    pub requested_by: (StaffId, String),
    /// Who is to review, and their name.
    pub reviewer: (StaffId, String),
    /// When.
    pub at: Timestamp,
}

/// A review answered by sending the draft back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnedReview {
    /// The reviewer's name.
    pub reviewer: String,
    /// What they said.
    pub comment: String,
    /// When.
    pub at: Timestamp,
}

/// A review request's row: kind, slug, locale, revision, requester and name, reviewer and
/// name, when.
type ReviewRow = (String, String, String, i64, i64, String, i64, String, i64);

fn review_from(row: ReviewRow) -> Result<ReviewRecord, StoreError> {
    let (kind, slug, locale, revision, by, by_name, reviewer, reviewer_name, at) = row;
    Ok(ReviewRecord {
        document: DocRef::parse(&format!("{kind}/{slug}")).ok_or_else(|| corrupt(format!("{kind}/{slug}")))?,
        locale: locale.parse().map_err(|e: crate::LocaleError| corrupt(e.to_string()))?,
        revision: RevisionId(revision),
        requested_by: (StaffId(by), by_name),
        reviewer: (StaffId(reviewer), reviewer_name),
        at: Timestamp::from_millis(at),
    })
}

impl Store {
    /// Records that `by` asks `reviewer` to review `revision` of `document`'s text in `locale`;
    /// an open request for the same text is answered as replaced.
    pub async fn request_review(
        &self,
        document: &DocRef,
        locale: Locale,
        revision: RevisionId,
        by: StaffId,
        reviewer: StaffId,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE review_requests SET answered_at = $4, outcome = 'replaced' \
             WHERE kind = $1 AND slug = $2 AND locale = $3 AND answered_at IS NULL",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO review_requests (revision_id, kind, slug, locale, requested_by, reviewer, requested_at, comment) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, '')",
        )
        .bind(revision.0)
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .bind(by.0)
        .bind(reviewer.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The open review request of `document`'s text in `locale`, if any.
    pub async fn open_review(&self, document: &DocRef, locale: Locale) -> Result<Option<ReviewRecord>, StoreError> {
        let row: Option<ReviewRow> = sqlx::query_as(
            "SELECT r.kind, r.slug, r.locale, r.revision_id, r.requested_by, b.display_name, r.reviewer, v.display_name, \
             r.requested_at FROM review_requests r \
             JOIN staff_accounts b ON b.id = r.requested_by JOIN staff_accounts v ON v.id = r.reviewer \
             WHERE r.kind = $1 AND r.slug = $2 AND r.locale = $3 AND r.answered_at IS NULL",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .fetch_optional(self.pool())
        .await?;
        row.map(review_from).transpose()
    }

    /// The open review requests waiting for `reviewer`, oldest first.
    pub async fn reviews_waiting_for(&self, reviewer: StaffId) -> Result<Vec<ReviewRecord>, StoreError> {
        let rows: Vec<ReviewRow> = sqlx::query_as(
            "SELECT r.kind, r.slug, r.locale, r.revision_id, r.requested_by, b.display_name, r.reviewer, v.display_name, \
             r.requested_at FROM review_requests r \
             JOIN staff_accounts b ON b.id = r.requested_by JOIN staff_accounts v ON v.id = r.reviewer \
             WHERE r.reviewer = $1 AND r.answered_at IS NULL ORDER BY r.requested_at",
        )
        .bind(reviewer.0)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(review_from).collect()
    }

    /// Answers the open review request of `document`'s text in `locale` (if any) with
    /// `outcome` (`published` or `returned`) and `comment`.
    pub async fn answer_review(
        &self,
        document: &DocRef,
        locale: Locale,
        outcome: &str,
        comment: &str,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        sqlx::query(
            "UPDATE review_requests SET answered_at = $4, outcome = $5, comment = $6 \
             WHERE kind = $1 AND slug = $2 AND locale = $3 AND answered_at IS NULL",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .bind(self.now().millis())
        .bind(outcome)
        .bind(comment)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The latest review of `document`'s text in `locale` answered by sending it back, if it
    /// came after the text's latest revision but one (so it is about the current draft).
    pub async fn last_returned_review(
        &self,
        document: &DocRef,
        locale: Locale,
    ) -> Result<Option<ReturnedReview>, StoreError> {
        let row: Option<(String, String, i64)> = sqlx::query_as(
            "SELECT v.display_name, r.comment, r.answered_at FROM review_requests r \
             JOIN staff_accounts v ON v.id = r.reviewer \
             WHERE r.kind = $1 AND r.slug = $2 AND r.locale = $3 AND r.outcome = 'returned' \
             ORDER BY r.answered_at DESC LIMIT 1",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(reviewer, comment, at)| ReturnedReview { reviewer, comment, at: Timestamp::from_millis(at) }))
    }
}
