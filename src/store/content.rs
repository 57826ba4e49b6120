//! Categories and documents in the database, and importing a whole bundle.

use super::{Store, StoreError, corrupt};
use crate::Locale;
use crate::content::bundle::Bundle;
use crate::content::{Category, DocKind, Document, Slug, Status, Translation};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Row, Transaction};
use std::collections::BTreeMap;

/// What an import did, item by item (`category:cards`, `article:reset-password`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Items that were not in the database.
    pub added: Vec<String>,
    /// Items whose content differed and was replaced.
    pub changed: Vec<String>,
    /// Items that were identical.
    pub unchanged: Vec<String>,
    /// Documents edited in the workspace since their last import, whose text this import
    /// replaced (a draft among them is kept as a revision, no longer as the draft).
    pub overwrote_edits: Vec<String>,
}

impl ImportReport {
    /// The documents (kind, slug) whose searchable content changed.
    pub fn changed_documents(&self) -> impl Iterator<Item = (DocKind, &str)> {
        self.added.iter().chain(&self.changed).filter_map(|item| {
            let (kind, slug) = item.split_once(':')?;
            Some((kind.parse().ok()?, slug))
        })
    }
}

impl Store {
    /// Upserts every category, document, team and form of `bundle` in one transaction: all or
    /// nothing. A changed form gets a new version.
    /// A document's translations are replaced by the bundle's.
    pub async fn import_bundle(&self, bundle: &Bundle) -> Result<ImportReport, StoreError> {
        let mut report = ImportReport::default();
        let existing_categories: BTreeMap<Slug, Category> =
            self.categories().await?.into_iter().map(|c| (c.slug.clone(), c)).collect();
        let mut tx = self.begin_write().await?;
        let now = self.now().millis();
        // Taken only when a category or a document changes: the search index and the pages
        // follow the generation.
        let mut generation = None;
        for category in &bundle.categories {
            let item = format!("category:{}", category.slug);
            match existing_categories.get(&category.slug) {
                Some(existing) if existing == category => {
                    report.unchanged.push(item);
                    continue;
                }
                Some(_) => report.changed.push(item),
                None => report.added.push(item),
            }
            // Pages show category names (see `services::catalogue`): a change moves the generation.
            if generation.is_none() {
                generation = Some(next_content_generation(&mut tx, now).await?);
            }
            write_category(&mut tx, category, now).await?;
        }
        for document in &bundle.documents {
            let item = format!("{}:{}", document.kind, document.slug);
            let existing = load_document(&mut tx, document.kind, &document.slug).await?;
            match &existing {
                Some(existing) if existing == document => {
                    report.unchanged.push(item);
                    continue;
                }
                Some(_) => {
                    if edited_since_import(&mut tx, document).await? {
                        report.overwrote_edits.push(item.clone());
                    }
                    report.changed.push(item);
                }
                None => report.added.push(item),
            }
            let generation = match generation {
                Some(generation) => generation,
                None => *generation.insert(next_content_generation(&mut tx, now).await?),
            };
            upsert_document(&mut tx, document, existing.as_ref(), generation, now).await?;
        }
        super::forms::import_teams_and_forms(&mut tx, bundle, now, &mut report).await?;
        super::synonyms::import_synonyms(&mut tx, &bundle.synonyms, &mut generation, now, &mut report).await?;
        if let Some(desk) = &bundle.desk {
            super::desk::import_desk(&mut tx, desk, now).await?;
        }
        tx.commit().await?;
        Ok(report)
    }

    /// Every category, by slug.
    pub async fn categories(&self) -> Result<Vec<Category>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.slug, n.locale, n.name FROM categories c \
             LEFT JOIN category_names n ON n.category_slug = c.slug ORDER BY c.slug, n.locale",
        )
        .fetch_all(self.pool())
        .await?;
        let mut categories: Vec<Category> = Vec::new();
        for row in rows {
            let slug = parse_slug(row.try_get::<String, _>(0)?)?;
            if categories.last().is_none_or(|c| c.slug != slug) {
                categories.push(Category { slug: slug.clone(), names: BTreeMap::new() });
            }
            if let (Some(locale), Some(name)) =
                (row.try_get::<Option<String>, _>(1)?, row.try_get::<Option<String>, _>(2)?)
            {
                let locale = locale.parse::<Locale>().map_err(|e| corrupt(e.to_string()))?;
                if let Some(category) = categories.last_mut() {
                    category.names.insert(locale, name);
                }
            }
        }
        Ok(categories)
    }

    /// One document with all its translations, drafts included.
    pub async fn document(&self, kind: DocKind, slug: &Slug) -> Result<Option<Document>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        load_document(&mut conn, kind, slug).await
    }

    /// Every document of every kind, drafts included, ordered by kind and slug.
    pub async fn documents(&self) -> Result<Vec<Document>, StoreError> {
        self.documents_where(None, 0).await
    }

    /// The documents of one category, drafts included, ordered by kind and slug.
    pub async fn documents_in_category(&self, category: &Slug) -> Result<Vec<Document>, StoreError> {
        self.documents_where(Some(category), 0).await
    }

    /// The documents changed in a content generation after `generation`, drafts included;
    /// first, as empty drafts, those deleted since (and not made again), so that an index
    /// replacing them in order drops them.
    pub async fn documents_changed_after(&self, generation: i64) -> Result<Vec<Document>, StoreError> {
        let changed = self.documents_where(None, generation.saturating_add(1)).await?;
        let deleted: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT DISTINCT kind, slug, category_slug FROM document_deletions WHERE generation > $1 ORDER BY kind, slug",
        )
        .bind(generation)
        .fetch_all(self.pool())
        .await?;
        let mut documents = Vec::with_capacity(deleted.len() + changed.len());
        for (kind, slug, category) in deleted {
            let (kind, slug) = (kind.parse::<DocKind>().map_err(corrupt)?, parse_slug(slug)?);
            if changed.iter().any(|d| d.kind == kind && d.slug == slug) {
                continue;
            }
            let category = parse_slug(category)?;
            documents.push(Document { kind, slug, category, status: Status::Draft, translations: BTreeMap::new() });
        }
        documents.extend(changed);
        Ok(documents)
    }

    async fn documents_where(
        &self,
        category: Option<&Slug>,
        from_generation: i64,
    ) -> Result<Vec<Document>, StoreError> {
        // `$1 IS NULL` keeps one query for "all" and "one category".
        let filter = category.map(Slug::as_str);
        let heads = sqlx::query(
            "SELECT kind, slug, category_slug, status FROM documents \
             WHERE ($1 IS NULL OR category_slug = $1) AND generation >= $2 ORDER BY kind, slug",
        )
        .bind(filter)
        .bind(from_generation)
        .fetch_all(self.pool())
        .await?;
        let texts = sqlx::query(
            "SELECT t.kind, t.slug, t.locale, t.title, t.summary, t.body, t.tags, t.questions FROM document_translations t \
             JOIN documents d ON d.kind = t.kind AND d.slug = t.slug \
             WHERE ($1 IS NULL OR d.category_slug = $1) AND d.generation >= $2 ORDER BY t.kind, t.slug, t.locale",
        )
        .bind(filter)
        .bind(from_generation)
        .fetch_all(self.pool())
        .await?;
        let mut by_doc: BTreeMap<(String, String), Vec<AnyRow>> = BTreeMap::new();
        for row in texts {
            let key = (row.try_get::<String, _>(0)?, row.try_get::<String, _>(1)?);
            by_doc.entry(key).or_default().push(row);
        }
        let mut documents = Vec::with_capacity(heads.len());
        for head in heads {
            let kind_code: String = head.try_get(0)?;
            let slug_text: String = head.try_get(1)?;
            let kind = kind_code.parse::<DocKind>().map_err(corrupt)?;
            let slug = parse_slug(slug_text.clone())?;
            let rows = by_doc.remove(&(kind_code, slug_text)).unwrap_or_default();
            // Columns of `texts` start with kind and slug; skip them.
            documents.push(document_from_parts(kind, slug, &head, 2, &rows, 2)?);
        }
        Ok(documents)
    }

    /// The whole knowledge base as a bundle, for `tuki export` and reindexing.
    pub async fn bundle(&self) -> Result<Bundle, StoreError> {
        Ok(Bundle {
            categories: self.categories().await?,
            // A document never published has no text to export yet.
            documents: self.documents().await?.into_iter().filter(|d| !d.translations.is_empty()).collect(),
            teams: self.teams().await?,
            forms: self.forms().await?.into_iter().map(|(_, form)| form).collect(),
            desk: self.desk_settings_text().await?,
            synonyms: self.synonyms().await?,
        })
    }

    /// How many documents there are, drafts included.
    pub async fn document_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM documents").fetch_one(self.pool()).await?)
    }
}

fn parse_slug(text: String) -> Result<Slug, StoreError> {
    Slug::parse(&text).map_err(|e| corrupt(e.to_string()))
}

/// One document with its translations, read on `conn` (a pooled connection or a transaction).
async fn load_document(conn: &mut AnyConnection, kind: DocKind, slug: &Slug) -> Result<Option<Document>, StoreError> {
    let row = sqlx::query("SELECT category_slug, status FROM documents WHERE kind = $1 AND slug = $2")
        .bind(kind.code())
        .bind(slug.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let translations = sqlx::query(
        "SELECT locale, title, summary, body, tags, questions FROM document_translations \
         WHERE kind = $1 AND slug = $2 ORDER BY locale",
    )
    .bind(kind.code())
    .bind(slug.as_str())
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(document_from_parts(kind, slug.clone(), &row, 0, &translations, 0)?))
}

/// Builds a document from its head row (category, status from column `head_at`) and its
/// translation rows (locale, title, summary, body, tags, questions from column `text_at`).
fn document_from_parts(
    kind: DocKind,
    slug: Slug,
    head: &AnyRow,
    head_at: usize,
    texts: &[AnyRow],
    text_at: usize,
) -> Result<Document, StoreError> {
    let category = parse_slug(head.try_get(head_at)?)?;
    let status = head.try_get::<String, _>(head_at + 1)?.parse::<Status>().map_err(corrupt)?;
    let mut translations = BTreeMap::new();
    for row in texts {
        let locale = row.try_get::<String, _>(text_at)?.parse::<Locale>().map_err(|e| corrupt(e.to_string()))?;
        let tags: String = row.try_get(text_at + 4)?;
        let tags: Vec<String> = serde_json::from_str(&tags).map_err(|e| corrupt(e.to_string()))?;
        let questions: String = row.try_get(text_at + 5)?;
        let questions: Vec<String> = serde_json::from_str(&questions).map_err(|e| corrupt(e.to_string()))?;
        translations.insert(
            locale,
            Translation {
                title: row.try_get(text_at + 1)?,
                summary: row.try_get(text_at + 2)?,
                body: row.try_get(text_at + 3)?,
                tags,
                questions,
            },
        );
    }
    Ok(Document { kind, slug, category, status, translations })
}

/// Counts the content generation up inside `tx` (rows locked until commit, so concurrent
/// imports, on any node, get distinct generations in commit order) and returns it.
pub(super) async fn next_content_generation(tx: &mut Transaction<'_, Any>, now: i64) -> Result<i64, StoreError> {
    sqlx::query("INSERT INTO portal_meta (key, value, updated_at) VALUES ($1, '0', $2) ON CONFLICT (key) DO NOTHING")
        .bind(super::CONTENT_GENERATION)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    let next: String = sqlx::query_scalar(
        "UPDATE portal_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT), updated_at = $2 \
         WHERE key = $1 RETURNING value",
    )
    .bind(super::CONTENT_GENERATION)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    next.parse().map_err(|_| corrupt(format!("content generation {next:?}")))
}

/// Writes `category` and replaces its names, on `conn` (a transaction).
pub(super) async fn write_category(conn: &mut AnyConnection, category: &Category, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO categories (slug, updated_at) VALUES ($1, $2) \
         ON CONFLICT (slug) DO UPDATE SET updated_at = excluded.updated_at",
    )
    .bind(category.slug.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM category_names WHERE category_slug = $1")
        .bind(category.slug.as_str())
        .execute(&mut *conn)
        .await?;
    for (locale, name) in &category.names {
        sqlx::query("INSERT INTO category_names (category_slug, locale, name) VALUES ($1, $2, $3)")
            .bind(category.slug.as_str())
            .bind(locale.code())
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// True when the workspace saved a revision of `document` after its last import.
async fn edited_since_import(tx: &mut Transaction<'_, Any>, document: &Document) -> Result<bool, StoreError> {
    let edits: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM document_revisions r WHERE r.kind = $1 AND r.slug = $2 AND r.author_id IS NOT NULL \
         AND r.id > COALESCE((SELECT MAX(i.id) FROM document_revisions i \
         WHERE i.kind = $1 AND i.slug = $2 AND i.author_id IS NULL), 0)",
    )
    .bind(document.kind.code())
    .bind(document.slug.as_str())
    .fetch_one(&mut **tx)
    .await?;
    Ok(edits > 0)
}

/// Writes an imported document: its head, and each text that differs from the published one
/// as a new revision (by nobody: an import), published at once. A changed source text counts
/// as a major change; the translations that changed with it follow it, the others fall out of
/// date. Texts the bundle no longer has are withdrawn (their revisions stay).
async fn upsert_document(
    tx: &mut Transaction<'_, Any>,
    doc: &Document,
    existing: Option<&Document>,
    generation: i64,
    now: i64,
) -> Result<(), StoreError> {
    let first_locale = if doc.translations.contains_key(&Locale::Fi) {
        Some(Locale::Fi)
    } else {
        doc.translations.keys().next().copied()
    };
    sqlx::query(
        "INSERT INTO documents (kind, slug, category_slug, status, created_at, updated_at, generation, source_locale) \
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7) \
         ON CONFLICT (kind, slug) DO UPDATE SET category_slug = excluded.category_slug, \
         status = excluded.status, updated_at = excluded.updated_at, generation = excluded.generation",
    )
    .bind(doc.kind.code())
    .bind(doc.slug.as_str())
    .bind(doc.category.as_str())
    .bind(doc.status.code())
    .bind(now)
    .bind(generation)
    .bind(first_locale.unwrap_or_default().code())
    .execute(&mut **tx)
    .await?;
    let source: String = sqlx::query_scalar("SELECT source_locale FROM documents WHERE kind = $1 AND slug = $2")
        .bind(doc.kind.code())
        .bind(doc.slug.as_str())
        .fetch_one(&mut **tx)
        .await?;
    let reference = doc.reference();
    for locale in existing.into_iter().flat_map(|e| e.translations.keys()) {
        if !doc.translations.contains_key(locale) {
            sqlx::query("DELETE FROM document_translations WHERE kind = $1 AND slug = $2 AND locale = $3")
                .bind(doc.kind.code())
                .bind(doc.slug.as_str())
                .bind(locale.code())
                .execute(&mut **tx)
                .await?;
        }
    }
    let mut changed = Vec::new();
    for (locale, t) in &doc.translations {
        if existing.and_then(|e| e.translations.get(locale)) == Some(t) {
            continue;
        }
        let revision = super::revisions::NewRevision {
            document: &reference,
            locale: *locale,
            text: t,
            change: crate::content::ChangeSize::Major,
            note: "",
            based_on: None,
            author: None,
        };
        let id = super::revisions::insert_revision(tx, &revision, now).await?;
        let tags = serde_json::to_string(&t.tags).map_err(|e| corrupt(e.to_string()))?;
        let questions = serde_json::to_string(&t.questions).map_err(|e| corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO document_translations (kind, slug, locale, title, summary, body, tags, updated_at, revision_id, questions) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (kind, slug, locale) DO UPDATE SET title = excluded.title, summary = excluded.summary, \
             body = excluded.body, tags = excluded.tags, updated_at = excluded.updated_at, revision_id = excluded.revision_id, \
             questions = excluded.questions",
        )
        .bind(doc.kind.code())
        .bind(doc.slug.as_str())
        .bind(locale.code())
        .bind(&t.title)
        .bind(t.summary.as_deref())
        .bind(&t.body)
        .bind(tags)
        .bind(now)
        .bind(id.0)
        .bind(questions)
        .execute(&mut **tx)
        .await?;
        changed.push(*locale);
    }
    let source_changed = changed.iter().any(|l| l.code() == source);
    if source_changed {
        sqlx::query(
            "UPDATE documents SET major_revision = (SELECT t.revision_id FROM document_translations t \
             WHERE t.kind = $1 AND t.slug = $2 AND t.locale = $3) WHERE kind = $1 AND slug = $2",
        )
        .bind(doc.kind.code())
        .bind(doc.slug.as_str())
        .bind(&source)
        .execute(&mut **tx)
        .await?;
    }
    for locale in changed {
        sqlx::query(
            "UPDATE document_translations SET based_on = (SELECT s.revision_id FROM document_translations s \
             WHERE s.kind = $1 AND s.slug = $2 AND s.locale = $4) WHERE kind = $1 AND slug = $2 AND locale = $3",
        )
        .bind(doc.kind.code())
        .bind(doc.slug.as_str())
        .bind(locale.code())
        .bind(&source)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
