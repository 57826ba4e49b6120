//! Revisions of documents' texts and publishing them: the editors' workspace's storage.
//!
//! `document_revisions` keeps every save; `document_translations` holds the text customers
//! read, which is always one revision (`revision_id`). A revision later than the published one
//! is that text's draft.

use super::content::next_content_generation;
use super::{Store, StoreError, corrupt};
use crate::Locale;
use crate::content::{ChangeSize, DocKind, DocRef, RevisionId, Slug, Status, Translation};
use crate::staff::StaffId;
use crate::time::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::BTreeMap;

/// A revision to save.
#[derive(Clone, Debug)]
pub struct NewRevision<'a> {
    /// Of which document.
    pub document: &'a DocRef,
    /// In which locale.
    pub locale: Locale,
    /// The whole text.
    pub text: &'a Translation,
    /// How much it changed, as the editor says.
    pub change: ChangeSize,
    /// The editor's note.
    pub note: &'a str,
    /// A translation: the source text's revision it follows.
    pub based_on: Option<RevisionId>,
    /// Who saved it (`None`: an import).
    pub author: Option<StaffId>,
}

/// A saved revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionRecord {
    /// Its id.
    pub id: RevisionId,
    /// The document.
    pub document: DocRef,
    /// The locale.
    pub locale: Locale,
    /// The whole text.
    pub text: Translation,
    /// How much it changed.
    pub change: ChangeSize,
    /// The editor's note.
    pub note: String,
    /// A translation: the source text's revision it follows.
    pub based_on: Option<RevisionId>,
    /// Who saved it (`None`: an import), and their name.
    pub author: Option<(StaffId, String)>,
    /// When.
    pub at: Timestamp,
}

/// One locale's text of a document, as the workspace tracks it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextRecord {
    /// The published revision and its title (`None`: never published).
    pub published: Option<(RevisionId, String)>,
    /// The latest revision and its title (later than the published one: a draft).
    pub latest: Option<(RevisionId, String)>,
    /// The source text's revision the published translation follows.
    pub based_on: Option<RevisionId>,
}

/// A document as the workspace lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentRecord {
    /// The document.
    pub document: DocRef,
    /// Its category.
    pub category: Slug,
    /// Whether customers see it.
    pub status: Status,
    /// The language its text is written in first.
    pub source_locale: Locale,
    /// The source text's last published major change.
    pub major_revision: Option<RevisionId>,
    /// Its texts, by locale (only those with a revision).
    pub texts: BTreeMap<Locale, TextRecord>,
}

/// A query for revisions with their authors' names, in the columns [`revision_from`] reads,
/// ending with `$tail` (a literal: the SQL stays static).
macro_rules! select_revisions {
    ($tail:literal) => {
        concat!(
            "SELECT r.id, r.kind, r.slug, r.locale, r.title, r.summary, r.body, r.tags, r.change_size, ",
            "r.note, r.based_on, r.author_id, a.display_name, r.created_at, r.questions ",
            "FROM document_revisions r LEFT JOIN staff_accounts a ON a.id = r.author_id ",
            $tail
        )
    };
}

fn revision_from(row: &AnyRow) -> Result<RevisionRecord, StoreError> {
    let kind = row.try_get::<String, _>(1)?.parse::<DocKind>().map_err(corrupt)?;
    let slug = Slug::parse(&row.try_get::<String, _>(2)?).map_err(|e| corrupt(e.to_string()))?;
    let tags: String = row.try_get(7)?;
    let author = match (row.try_get::<Option<i64>, _>(11)?, row.try_get::<Option<String>, _>(12)?) {
        (Some(id), name) => Some((StaffId(id), name.unwrap_or_default())),
        (None, _) => None,
    };
    Ok(RevisionRecord {
        id: RevisionId(row.try_get(0)?),
        document: DocRef::new(kind, slug),
        locale: parse_locale(row.try_get(3)?)?,
        text: Translation {
            title: row.try_get(4)?,
            summary: row.try_get(5)?,
            body: row.try_get(6)?,
            tags: serde_json::from_str(&tags).map_err(|e| corrupt(e.to_string()))?,
            questions: serde_json::from_str(&row.try_get::<String, _>(14)?).map_err(|e| corrupt(e.to_string()))?,
        },
        change: row.try_get::<String, _>(8)?.parse().map_err(corrupt)?,
        note: row.try_get(9)?,
        based_on: row.try_get::<Option<i64>, _>(10)?.map(RevisionId),
        author,
        at: Timestamp::from_millis(row.try_get(13)?),
    })
}

fn parse_locale(code: String) -> Result<Locale, StoreError> {
    code.parse::<Locale>().map_err(|e| corrupt(e.to_string()))
}

impl Store {
    /// Saves a revision; returns its id. Customers see nothing of it until it is published.
    pub async fn add_revision(&self, revision: &NewRevision<'_>) -> Result<RevisionId, StoreError> {
        let _turn = self.write_turn().await?;
        let mut conn = self.pool().acquire().await?;
        insert_revision(&mut conn, revision, self.now().millis()).await
    }

    /// One revision, if it exists.
    pub async fn revision(&self, id: RevisionId) -> Result<Option<RevisionRecord>, StoreError> {
        let row = sqlx::query(select_revisions!("WHERE r.id = $1")).bind(id.0).fetch_optional(self.pool()).await?;
        row.as_ref().map(revision_from).transpose()
    }

    /// Every revision of one document's text in `locale`, latest first.
    pub async fn revisions_of(&self, document: &DocRef, locale: Locale) -> Result<Vec<RevisionRecord>, StoreError> {
        let rows =
            sqlx::query(select_revisions!("WHERE r.kind = $1 AND r.slug = $2 AND r.locale = $3 ORDER BY r.id DESC"))
                .bind(document.kind.code())
                .bind(document.slug.as_str())
                .bind(locale.code())
                .fetch_all(self.pool())
                .await?;
        rows.iter().map(revision_from).collect()
    }

    /// The documents with their texts' revisions, for the workspace: every document, or the
    /// one `only` names.
    pub async fn document_records(&self, only: Option<&DocRef>) -> Result<Vec<DocumentRecord>, StoreError> {
        let kind = only.map(|d| d.kind.code());
        let slug = only.map(|d| d.slug.as_str());
        let heads = sqlx::query(
            "SELECT kind, slug, category_slug, status, source_locale, major_revision FROM documents \
             WHERE ($1 IS NULL OR kind = $1) AND ($2 IS NULL OR slug = $2) ORDER BY kind, slug",
        )
        .bind(kind)
        .bind(slug)
        .fetch_all(self.pool())
        .await?;
        let published = sqlx::query(
            "SELECT kind, slug, locale, revision_id, title, based_on FROM document_translations \
             WHERE ($1 IS NULL OR kind = $1) AND ($2 IS NULL OR slug = $2)",
        )
        .bind(kind)
        .bind(slug)
        .fetch_all(self.pool())
        .await?;
        let latest = sqlx::query(
            "SELECT r.kind, r.slug, r.locale, r.id, r.title FROM document_revisions r \
             WHERE ($1 IS NULL OR r.kind = $1) AND ($2 IS NULL OR r.slug = $2) AND r.id = \
             (SELECT MAX(l.id) FROM document_revisions l WHERE l.kind = r.kind AND l.slug = r.slug AND l.locale = r.locale)",
        )
        .bind(kind)
        .bind(slug)
        .fetch_all(self.pool())
        .await?;
        let mut texts: BTreeMap<(String, String), BTreeMap<Locale, TextRecord>> = BTreeMap::new();
        for row in &published {
            let text = texts
                .entry((row.try_get(0)?, row.try_get(1)?))
                .or_default()
                .entry(parse_locale(row.try_get(2)?)?)
                .or_default();
            text.published = row.try_get::<Option<i64>, _>(3)?.map(|id| (RevisionId(id), String::new()));
            if let Some((_, title)) = text.published.as_mut() {
                *title = row.try_get(4)?;
            }
            text.based_on = row.try_get::<Option<i64>, _>(5)?.map(RevisionId);
        }
        for row in &latest {
            let text = texts
                .entry((row.try_get(0)?, row.try_get(1)?))
                .or_default()
                .entry(parse_locale(row.try_get(2)?)?)
                .or_default();
            text.latest = Some((RevisionId(row.try_get(3)?), row.try_get(4)?));
        }
        let mut records = Vec::with_capacity(heads.len());
        for head in heads {
            let kind_code: String = head.try_get(0)?;
            let slug_text: String = head.try_get(1)?;
            let document = DocRef::new(
                kind_code.parse().map_err(corrupt)?,
                Slug::parse(&slug_text).map_err(|e| corrupt(e.to_string()))?,
            );
            records.push(DocumentRecord {
                document,
                category: Slug::parse(&head.try_get::<String, _>(2)?).map_err(|e| corrupt(e.to_string()))?,
                status: head.try_get::<String, _>(3)?.parse().map_err(corrupt)?,
                source_locale: parse_locale(head.try_get(4)?)?,
                major_revision: head.try_get::<Option<i64>, _>(5)?.map(RevisionId),
                texts: texts.remove(&(kind_code, slug_text)).unwrap_or_default(),
            });
        }
        Ok(records)
    }

    /// Publishes revision `id`: its text becomes what customers read (and search) in its
    /// locale, and its document is published. When it is the source text's and `major`, the
    /// other translations fall out of date. The content generation moves on, so every
    /// server's index follows. False when there is no such revision.
    pub async fn publish_revision(&self, id: RevisionId, major: bool) -> Result<bool, StoreError> {
        let Some(revision) = self.revision(id).await? else { return Ok(false) };
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let (kind, slug) = (revision.document.kind.code(), revision.document.slug.as_str());
        let source: Option<String> =
            sqlx::query_scalar("SELECT source_locale FROM documents WHERE kind = $1 AND slug = $2")
                .bind(kind)
                .bind(slug)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(source) = source else {
            tx.rollback().await?;
            return Ok(false);
        };
        let is_source = source == revision.locale.code();
        let based_on = if is_source { Some(id) } else { revision.based_on };
        let tags = serde_json::to_string(&revision.text.tags).map_err(|e| corrupt(e.to_string()))?;
        let questions = serde_json::to_string(&revision.text.questions).map_err(|e| corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO document_translations \
             (kind, slug, locale, title, summary, body, tags, updated_at, revision_id, based_on, questions) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (kind, slug, locale) DO UPDATE SET title = excluded.title, summary = excluded.summary, \
             body = excluded.body, tags = excluded.tags, updated_at = excluded.updated_at, \
             revision_id = excluded.revision_id, based_on = excluded.based_on, questions = excluded.questions",
        )
        .bind(kind)
        .bind(slug)
        .bind(revision.locale.code())
        .bind(&revision.text.title)
        .bind(revision.text.summary.as_deref())
        .bind(&revision.text.body)
        .bind(tags)
        .bind(now)
        .bind(id.0)
        .bind(based_on.map(|r| r.0))
        .bind(questions)
        .execute(&mut *tx)
        .await?;
        let generation = next_content_generation(&mut tx, now).await?;
        sqlx::query(
            "UPDATE documents SET status = 'published', updated_at = $3, generation = $4, \
             major_revision = CASE WHEN $5 = 1 THEN $6 ELSE major_revision END WHERE kind = $1 AND slug = $2",
        )
        .bind(kind)
        .bind(slug)
        .bind(now)
        .bind(generation)
        .bind(i64::from(is_source && major))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The source language of `document` when its published text in `locale` is a translation
    /// that is out of date; `None` otherwise.
    pub async fn outdated_against(&self, document: &DocRef, locale: Locale) -> Result<Option<Locale>, StoreError> {
        let row: Option<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT d.source_locale, t.based_on, d.major_revision FROM documents d \
             JOIN document_translations t ON t.kind = d.kind AND t.slug = d.slug \
             WHERE d.kind = $1 AND d.slug = $2 AND t.locale = $3",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(locale.code())
        .fetch_optional(self.pool())
        .await?;
        let Some((source, based_on, major)) = row else { return Ok(None) };
        let source = parse_locale(source)?;
        let state =
            crate::content::TranslationState::of(source == locale, based_on.map(RevisionId), major.map(RevisionId));
        Ok((state == crate::content::TranslationState::OutOfDate).then_some(source))
    }

    /// Makes a new document, not yet published and without text, in `category`, written first
    /// in `source`. False when the kind and slug are taken.
    pub async fn create_document(
        &self,
        document: &DocRef,
        category: &Slug,
        source: Locale,
    ) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let created = sqlx::query(
            "INSERT INTO documents (kind, slug, category_slug, status, created_at, updated_at, generation, source_locale) \
             VALUES ($1, $2, $3, 'draft', $4, $4, 0, $5) ON CONFLICT (kind, slug) DO NOTHING",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(category.as_str())
        .bind(now)
        .bind(source.code())
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(created == 1)
    }

    /// Deletes a document and its published texts (its revisions stay), recording the deletion
    /// for the search indexes. False when there is no such document.
    pub async fn delete_document(&self, document: &DocRef) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let category: Option<String> =
            sqlx::query_scalar("SELECT category_slug FROM documents WHERE kind = $1 AND slug = $2")
                .bind(document.kind.code())
                .bind(document.slug.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        let Some(category) = category else {
            tx.rollback().await?;
            return Ok(false);
        };
        let generation = next_content_generation(&mut tx, now).await?;
        sqlx::query(
            "INSERT INTO document_deletions (kind, slug, category_slug, generation, deleted_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(&category)
        .bind(generation)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for table in [
            "DELETE FROM document_translations WHERE kind = $1 AND slug = $2",
            "DELETE FROM documents WHERE kind = $1 AND slug = $2",
        ] {
            sqlx::query(table).bind(document.kind.code()).bind(document.slug.as_str()).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Moves a document to `category` (which must exist). False when there is no such document.
    pub async fn move_document(&self, document: &DocRef, category: &Slug) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let generation = next_content_generation(&mut tx, now).await?;
        let moved = sqlx::query(
            "UPDATE documents SET category_slug = $3, updated_at = $4, generation = $5 WHERE kind = $1 AND slug = $2",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(category.as_str())
        .bind(now)
        .bind(generation)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Creates a category or replaces its names. True when it is new.
    pub async fn save_category(&self, category: &crate::content::Category) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let existed: Option<String> = sqlx::query_scalar("SELECT slug FROM categories WHERE slug = $1")
            .bind(category.slug.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        super::content::write_category(&mut tx, category, now).await?;
        // Pages show category names: they change with the content.
        next_content_generation(&mut tx, now).await?;
        tx.commit().await?;
        Ok(existed.is_none())
    }

    /// Deletes a category without documents. False when it has documents (or does not exist).
    pub async fn delete_empty_category(&self, slug: &Slug) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let mut tx = self.begin_write().await?;
        let documents: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE category_slug = $1")
            .bind(slug.as_str())
            .fetch_one(&mut *tx)
            .await?;
        if documents > 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM category_names WHERE category_slug = $1")
            .bind(slug.as_str())
            .execute(&mut *tx)
            .await?;
        let deleted = sqlx::query("DELETE FROM categories WHERE slug = $1")
            .bind(slug.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        next_content_generation(&mut tx, self.now().millis()).await?;
        tx.commit().await?;
        Ok(deleted == 1)
    }

    /// Sets a document's status (published or draft) and moves the content generation on.
    /// False when there is no such document.
    pub async fn set_document_status(&self, document: &DocRef, status: Status) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let generation = next_content_generation(&mut tx, now).await?;
        let changed = sqlx::query(
            "UPDATE documents SET status = $3, updated_at = $4, generation = $5 WHERE kind = $1 AND slug = $2",
        )
        .bind(document.kind.code())
        .bind(document.slug.as_str())
        .bind(status.code())
        .bind(now)
        .bind(generation)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// Inserts a revision on `conn` (a pooled connection or a transaction).
pub(super) async fn insert_revision(
    conn: &mut sqlx::AnyConnection,
    revision: &NewRevision<'_>,
    now: i64,
) -> Result<RevisionId, StoreError> {
    let tags = serde_json::to_string(&revision.text.tags).map_err(|e| corrupt(e.to_string()))?;
    let questions = serde_json::to_string(&revision.text.questions).map_err(|e| corrupt(e.to_string()))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO document_revisions \
         (kind, slug, locale, title, summary, body, tags, change_size, note, based_on, author_id, created_at, questions) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(revision.document.kind.code())
    .bind(revision.document.slug.as_str())
    .bind(revision.locale.code())
    .bind(&revision.text.title)
    .bind(revision.text.summary.as_deref())
    .bind(&revision.text.body)
    .bind(tags)
    .bind(revision.change.code())
    .bind(revision.note)
    .bind(revision.based_on.map(|r| r.0))
    .bind(revision.author.map(|a| a.0))
    .bind(now)
    .bind(questions)
    .fetch_one(&mut *conn)
    .await?;
    Ok(RevisionId(id))
}
