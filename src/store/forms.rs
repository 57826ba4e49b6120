//! Teams and versioned form definitions in the database.

use super::content::ImportReport;
use super::{Store, StoreError, corrupt, to_json};
use crate::Locale;
use crate::content::Slug;
use crate::content::bundle::Bundle;
use crate::forms::{FormDefinition, Team};
use sqlx::{Any, Row, Transaction};
use std::collections::BTreeMap;

fn from_json(text: &str) -> Result<FormDefinition, StoreError> {
    serde_json::from_str(text).map_err(|e| corrupt(format!("stored form definition: {e}")))
}

/// Upserts the bundle's teams and forms inside the import's transaction, reporting
/// `team:…` and `form:…` items. A form whose definition changed gets the next version.
pub(super) async fn import_teams_and_forms(
    tx: &mut Transaction<'static, Any>,
    bundle: &Bundle,
    now: i64,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    for team in &bundle.teams {
        let item = format!("team:{}", team.slug);
        let rows = sqlx::query("SELECT locale, name FROM team_names WHERE team_slug = $1 ORDER BY locale")
            .bind(team.slug.as_str())
            .fetch_all(&mut **tx)
            .await?;
        let existing = names_from_rows(&rows)?;
        if rows.is_empty() {
            report.added.push(item);
        } else if existing == team.names {
            report.unchanged.push(item);
            continue;
        } else {
            report.changed.push(item);
        }
        sqlx::query(
            "INSERT INTO teams (slug, updated_at) VALUES ($1, $2) \
             ON CONFLICT (slug) DO UPDATE SET updated_at = excluded.updated_at",
        )
        .bind(team.slug.as_str())
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM team_names WHERE team_slug = $1").bind(team.slug.as_str()).execute(&mut **tx).await?;
        for (locale, name) in &team.names {
            sqlx::query("INSERT INTO team_names (team_slug, locale, name) VALUES ($1, $2, $3)")
                .bind(team.slug.as_str())
                .bind(locale.code())
                .bind(name)
                .execute(&mut **tx)
                .await?;
        }
    }
    for form in &bundle.forms {
        let current = sqlx::query(
            "SELECT v.version, v.definition FROM forms f \
             JOIN form_versions v ON v.form_slug = f.slug AND v.version = f.current_version WHERE f.slug = $1",
        )
        .bind(form.slug.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        let version = match current {
            Some(row) => {
                let version: i64 = row.try_get(0)?;
                let stored: String = row.try_get(1)?;
                if from_json(&stored)? == *form {
                    report.unchanged.push(format!("form:{}", form.slug));
                    continue;
                }
                report.changed.push(format!("form:{} (version {})", form.slug, version + 1));
                version + 1
            }
            None => {
                report.added.push(format!("form:{}", form.slug));
                1
            }
        };
        sqlx::query(
            "INSERT INTO forms (slug, current_version, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (slug) DO UPDATE SET current_version = excluded.current_version, updated_at = excluded.updated_at",
        )
        .bind(form.slug.as_str())
        .bind(version)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query("INSERT INTO form_versions (form_slug, version, definition, created_at) VALUES ($1, $2, $3, $4)")
            .bind(form.slug.as_str())
            .bind(version)
            .bind(to_json(form)?)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

fn names_from_rows(rows: &[sqlx::any::AnyRow]) -> Result<BTreeMap<Locale, String>, StoreError> {
    rows.iter()
        .map(|row| {
            let code: String = row.try_get(0)?;
            let locale = code.parse::<Locale>().map_err(|e| corrupt(e.to_string()))?;
            Ok((locale, row.try_get::<String, _>(1)?))
        })
        .collect()
}

impl Store {
    /// Every team, by slug.
    pub async fn teams(&self) -> Result<Vec<Team>, StoreError> {
        let rows = sqlx::query(
            "SELECT t.slug, n.locale, n.name FROM teams t JOIN team_names n ON n.team_slug = t.slug \
             ORDER BY t.slug, n.locale",
        )
        .fetch_all(self.pool())
        .await?;
        let mut teams: BTreeMap<String, BTreeMap<Locale, String>> = BTreeMap::new();
        for row in &rows {
            let slug: String = row.try_get(0)?;
            let code: String = row.try_get(1)?;
            let locale = code.parse::<Locale>().map_err(|e| corrupt(e.to_string()))?;
            teams.entry(slug).or_default().insert(locale, row.try_get(2)?);
        }
        teams
            .into_iter()
            .map(|(slug, names)| Ok(Team { slug: Slug::parse(&slug).map_err(|e| corrupt(e.to_string()))?, names }))
            .collect()
    }

    /// The current version of every form, with its version number, by slug.
    pub async fn forms(&self) -> Result<Vec<(i64, FormDefinition)>, StoreError> {
        let rows = sqlx::query(
            "SELECT v.version, v.definition FROM forms f \
             JOIN form_versions v ON v.form_slug = f.slug AND v.version = f.current_version ORDER BY f.slug",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|row| Ok((row.try_get(0)?, from_json(&row.try_get::<String, _>(1)?)?))).collect()
    }

    /// The current version of the form `slug`, with its version number.
    pub async fn form(&self, slug: &Slug) -> Result<Option<(i64, FormDefinition)>, StoreError> {
        let row = sqlx::query(
            "SELECT v.version, v.definition FROM forms f \
             JOIN form_versions v ON v.form_slug = f.slug AND v.version = f.current_version WHERE f.slug = $1",
        )
        .bind(slug.as_str())
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| Ok((row.try_get(0)?, from_json(&row.try_get::<String, _>(1)?)?))).transpose()
    }

    /// A given version of the form `slug` (the one a ticket was filled against). Versions never
    /// change once stored, so each is read and parsed once per process.
    pub async fn form_version(&self, slug: &Slug, version: i64) -> Result<Option<FormDefinition>, StoreError> {
        let key = (slug.to_string(), version);
        if let Some(known) = self.form_versions.lock().ok().and_then(|cache| cache.get(&key).cloned()) {
            return Ok(Some(known));
        }
        let row = sqlx::query("SELECT definition FROM form_versions WHERE form_slug = $1 AND version = $2")
            .bind(slug.as_str())
            .bind(version)
            .fetch_optional(self.pool())
            .await?;
        let form: Option<FormDefinition> = row.map(|row| from_json(&row.try_get::<String, _>(0)?)).transpose()?;
        if let (Some(form), Ok(mut cache)) = (&form, self.form_versions.lock()) {
            cache.insert(key, form.clone());
        }
        Ok(form)
    }
}
