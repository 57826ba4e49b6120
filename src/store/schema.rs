//! What the migrations built, read back from the database's own catalogue: tables with their
//! columns (type family and nullability) and the indexes made by `CREATE INDEX`. The SQLite
//! and PostgreSQL migrations are written twice; the test suite compares their results.

use super::{Backend, Store, StoreError};
use sqlx::Row;
use std::collections::BTreeMap;

/// One column as both backends can describe it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ColumnShape {
    /// The column's name.
    pub name: String,
    /// `integer`, `text` or `real`, whatever the backend calls it.
    pub family: &'static str,
    /// True when it cannot hold NULL (a primary key cannot).
    pub not_null: bool,
}

/// The schema of the portal's tables (the migration bookkeeping left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchemaShape {
    /// Table → its columns, by name.
    pub tables: BTreeMap<String, Vec<ColumnShape>>,
    /// Index name → its table and columns, in order.
    pub indexes: BTreeMap<String, (String, Vec<String>)>,
}

/// The type family of a declared or reported column type.
fn family(declared: &str) -> &'static str {
    let declared = declared.to_ascii_lowercase();
    if declared.contains("int") || declared.contains("serial") {
        "integer"
    } else if declared.contains("char") || declared.contains("text") {
        "text"
    } else {
        "real"
    }
}

impl Store {
    /// Reads the schema the migrations built.
    pub async fn schema_shape(&self) -> Result<SchemaShape, StoreError> {
        match self.backend() {
            Backend::Sqlite => self.sqlite_shape().await,
            Backend::Postgres => self.postgres_shape().await,
        }
    }

    async fn sqlite_shape(&self) -> Result<SchemaShape, StoreError> {
        let mut shape = SchemaShape::default();
        let tables: Vec<(String,)> = sqlx::query_as(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '_sqlx_migrations' ORDER BY name",
        )
        .fetch_all(self.pool())
        .await?;
        for (table,) in tables {
            let rows = sqlx::query("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)")
                .bind(&table)
                .fetch_all(self.pool())
                .await?;
            let mut columns = Vec::new();
            for row in rows {
                let declared: String = row.try_get(1)?;
                let not_null: i64 = row.try_get(2)?;
                let key: i64 = row.try_get(3)?;
                columns.push(ColumnShape {
                    name: row.try_get(0)?,
                    family: family(&declared),
                    not_null: not_null != 0 || key != 0,
                });
            }
            columns.sort();
            shape.tables.insert(table, columns);
        }
        let indexes: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .fetch_all(self.pool())
        .await?;
        for (index, table) in indexes {
            let columns: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                .bind(&index)
                .fetch_all(self.pool())
                .await?;
            shape.indexes.insert(index, (table, columns.into_iter().map(|(c,)| c).collect()));
        }
        Ok(shape)
    }

    async fn postgres_shape(&self) -> Result<SchemaShape, StoreError> {
        let mut shape = SchemaShape::default();
        let rows = sqlx::query(
            "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name <> '_sqlx_migrations' ORDER BY table_name, column_name",
        )
        .fetch_all(self.pool())
        .await?;
        for row in rows {
            let table: String = row.try_get(0)?;
            let reported: String = row.try_get(2)?;
            let nullable: String = row.try_get(3)?;
            shape.tables.entry(table).or_default().push(ColumnShape {
                name: row.try_get(1)?,
                family: family(&reported),
                not_null: nullable == "NO",
            });
        }
        for columns in shape.tables.values_mut() {
            columns.sort();
        }
        // Indexes of their own, not those behind a primary key or unique constraint.
        let indexes: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT i.indexname::text, i.tablename::text, i.indexdef::text FROM pg_indexes i \
             WHERE i.schemaname = current_schema() AND i.tablename <> '_sqlx_migrations' \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY 1",
        )
        .fetch_all(self.pool())
        .await?;
        for (index, table, definition) in indexes {
            let inside = definition.rsplit_once('(').map_or("", |(_, rest)| rest.trim_end_matches(')'));
            let columns = inside.split(',').map(|c| c.trim().trim_matches('"').to_owned()).collect();
            shape.indexes.insert(index, (table, columns));
        }
        Ok(shape)
    }
}
