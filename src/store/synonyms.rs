//! The editors' synonyms files, one per locale, kept as written.

use super::content::{ImportReport, next_content_generation};
use super::{Store, StoreError, corrupt};
use crate::Locale;
use sqlx::Row;
use std::collections::BTreeMap;

impl Store {
    /// The synonyms files, by locale, as written.
    pub async fn synonyms(&self) -> Result<BTreeMap<Locale, String>, StoreError> {
        let rows =
            sqlx::query("SELECT locale, source FROM search_synonyms ORDER BY locale").fetch_all(self.pool()).await?;
        let mut out = BTreeMap::new();
        for row in rows {
            let locale: String = row.try_get(0)?;
            let locale = locale.parse::<Locale>().map_err(|e| corrupt(e.to_string()))?;
            out.insert(locale, row.try_get::<String, _>(1)?);
        }
        Ok(out)
    }
}

/// Stores the synonyms files of a bundle (already checked), recording each in `report`.
/// A changed file takes a new content generation, so that every server's search index loads it.
pub(super) async fn import_synonyms(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    synonyms: &BTreeMap<Locale, String>,
    generation: &mut Option<i64>,
    now: i64,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    for (locale, source) in synonyms {
        let item = format!("synonyms:{}", locale.code());
        let existing: Option<String> = sqlx::query_scalar("SELECT source FROM search_synonyms WHERE locale = $1")
            .bind(locale.code())
            .fetch_optional(&mut **tx)
            .await?;
        match existing {
            Some(existing) if &existing == source => {
                report.unchanged.push(item);
                continue;
            }
            Some(_) => report.changed.push(item),
            None => report.added.push(item),
        }
        sqlx::query(
            "INSERT INTO search_synonyms (locale, source, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (locale) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at",
        )
        .bind(locale.code())
        .bind(source)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        if generation.is_none() {
            *generation = Some(next_content_generation(tx, now).await?);
        }
    }
    Ok(())
}
