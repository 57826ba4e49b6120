//! Fresh databases for tests, on every backend the test run provides.
//!
//! SQLite is always available. PostgreSQL is used when `TUKI_TEST_POSTGRES_URL` points at a
//! server (the project's test command starts one); each test then gets a database of its own.
//! With `TUKI_REQUIRE_POSTGRES=1` a missing server fails the test instead of skipping it, so
//! CI can never pass without having tested PostgreSQL.

use super::{Backend, DatabaseUrl, Store, StoreError};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// The backends this test run covers: SQLite, and PostgreSQL when configured.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    match std::env::var("TUKI_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => backends.push(Backend::Postgres),
        _ => {
            let required = std::env::var("TUKI_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
            assert!(!required, "TUKI_REQUIRE_POSTGRES=1 but TUKI_TEST_POSTGRES_URL is not set");
            eprintln!("note: TUKI_TEST_POSTGRES_URL is not set; testing SQLite only");
        }
    }
    backends
}

/// A new, empty database on `backend`: a SQLite file in `dir`, or a new PostgreSQL database.
pub async fn fresh_database(backend: Backend, dir: &Path) -> Result<DatabaseUrl, StoreError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    match backend {
        Backend::Sqlite => Ok(DatabaseUrl::sqlite_file(&dir.join(format!("test-{n}.db")))),
        Backend::Postgres => {
            let admin_url = std::env::var("TUKI_TEST_POSTGRES_URL").unwrap_or_default();
            let admin = Store::connect(
                &DatabaseUrl::parse(&admin_url)
                    .map_err(|e| StoreError::Database(sqlx::Error::Configuration(Box::new(e))))?,
            )
            .await?;
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or_default();
            let name = format!("tuki_test_{}_{n}_{nanos}", std::process::id());
            // `name` is built from digits and a fixed prefix above: nothing to inject.
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(admin.pool()).await?;
            admin.close().await;
            let (base, query) = admin_url.split_once('?').unwrap_or((&admin_url, ""));
            let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
            let url = if query.is_empty() { format!("{server}/{name}") } else { format!("{server}/{name}?{query}") };
            DatabaseUrl::parse(&url).map_err(|e| StoreError::Database(sqlx::Error::Configuration(Box::new(e))))
        }
    }
}

/// The database behind `portal`, for tests that check what was stored.
pub fn store_of(portal: &crate::Portal) -> &Store {
    portal.store()
}
