//! Storage: one sqlx pool on SQLite (the embedded default) or PostgreSQL (for several nodes).
//!
//! The same queries serve both backends through sqlx's `Any` driver: SQL stays portable
//! (`$1` placeholders, `BIGINT`/`TEXT` columns, times as Unix milliseconds). Only the
//! migrations differ per backend, because DDL does; they are embedded and run at start.

mod analytics;
mod availability;
mod content;
mod database_url;
mod desk;
mod drafts;
mod feedback;
mod forms;
mod learned;
mod meta;
mod outbox;
mod report;
mod retention;
mod reviews;
mod revisions;
mod schema;
mod staff;
mod synonyms;
#[cfg(feature = "testing")]
pub mod testing;
mod tickets;
mod webhooks;

pub use analytics::{DocumentCount, QueryCount, QueryList};
pub use content::ImportReport;
pub use database_url::{Backend, DatabaseUrl, DatabaseUrlError};
pub use desk::{
    ClockColumns, DeskChange, DeskField, DeskTicketRecord, HistoryEntry, PAUSED_RANK, Queue, QueueFilter, QueueRow,
    ReplyTemplate, SlaTicket, SyntheticTicket,
};
pub use drafts::{Draft, DraftOutcome, FunnelEvent, PendingStep};
pub use feedback::{MAX_COMMENT, VoteCounts};
pub use meta::CONTENT_GENERATION;
pub use outbox::MAX_MAILS_PER_RECIPIENT_PER_HOUR;
pub use report::{DeflectionReport, FunnelRow};
pub use retention::{PurgeReport, Retention};
pub use reviews::{ReturnedReview, ReviewRecord};
pub use revisions::{DocumentRecord, NewRevision, RevisionRecord, TextRecord};
pub use schema::{ColumnShape, SchemaShape};
pub use staff::{AuditEntry, NewStaffAccount, SessionRecord, StaffAccountRecord};
pub use tickets::{Author, NewTicket, Submitted, TicketMessage, TicketRecord};
pub use webhooks::{QueuedWebhook, WebhookEndpoint, WebhookEvent, WebhookOutcome};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("src/store/migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("src/store/migrations/postgres");

/// What can go wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be reached or answered with an error.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// Other writers of this process held the database longer than a request may wait.
    #[error("the database is busy: no turn to write within {0:?}")]
    Busy(Duration),
    /// A migration failed; the schema is left at the last migration that succeeded.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// The SQLite file's directory could not be created.
    #[error("cannot create the database directory {path}: {source}")]
    CreateDir {
        /// The directory that could not be created.
        path: String,
        /// Why not.
        source: std::io::Error,
    },
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        availability::note(&error);
        StoreError::Database(error)
    }
}

impl StoreError {
    /// True when the database is busy, cannot be written or cannot be reached just now: the
    /// request may succeed later (HTTP 503 with `Retry-After`), unlike a bug (500).
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Database(error) => availability::is_transient(error),
            StoreError::Busy(_) => true,
            StoreError::Migration(_) | StoreError::CreateDir { .. } => false,
        }
    }
}

/// Longest a request waits for its turn to write on SQLite before it is answered "busy, try
/// again" (each writer ahead of it may itself wait for SQLite's 5 s busy timeout).
const WRITE_TURN_WAIT: Duration = Duration::from_secs(3);

/// The portal's database: a connection pool and the backend it talks to.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite takes one writer at a time, and a writer that finds the file locked sleeps in
    /// growing steps (up to 100 ms). Busy write paths queue here instead, in arrival order.
    writes: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Where every stored time comes from.
    clock: std::sync::Arc<dyn crate::time::Clock>,
    /// Request types' versions as read (a version never changes once stored).
    form_versions: std::sync::Arc<std::sync::Mutex<FormVersions>>,
}

/// Parsed request-type versions by slug and version.
type FormVersions = std::collections::HashMap<(String, i64), crate::forms::FormDefinition>;

impl Store {
    /// The current time on this store's clock: what every stored time is.
    pub fn now(&self) -> crate::time::Timestamp {
        self.clock.now()
    }

    /// Takes its times from `clock` from now on (a fixed clock in tests).
    pub(crate) fn set_clock(&mut self, clock: std::sync::Arc<dyn crate::time::Clock>) {
        self.clock = clock;
    }

    /// A transaction that writes. On SQLite it begins `IMMEDIATE`: it takes the write lock at
    /// once, waiting for another process's writer (the command line beside the server) up to the
    /// busy timeout, instead of failing at once when a read in it must turn into a write after
    /// that process wrote.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        let statement = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        Ok(self.pool().begin_with(statement).await?)
    }

    /// Waits for this process's turn to write, on SQLite (PostgreSQL locks rows itself).
    /// Gives up with [`StoreError::Busy`] after [`WRITE_TURN_WAIT`]: a locked database then
    /// answers quickly instead of queueing every request behind one another's timeouts.
    pub(crate) async fn write_turn(&self) -> Result<Option<tokio::sync::MutexGuard<'_, ()>>, StoreError> {
        match self.backend {
            Backend::Sqlite => tokio::time::timeout(WRITE_TURN_WAIT, self.writes.lock())
                .await
                .map(Some)
                .map_err(|_| StoreError::Busy(WRITE_TURN_WAIT)),
            Backend::Postgres => Ok(None),
        }
    }

    /// Connects to the database, creating a SQLite file (and its directory) when missing.
    /// SQLite runs in WAL mode so readers never wait for the writer.
    pub async fn connect(url: &DatabaseUrl) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        if let Some(dir) = url.sqlite_dir() {
            std::fs::create_dir_all(&dir)
                .map_err(|source| StoreError::CreateDir { path: dir.display().to_string(), source })?;
        }
        let options = AnyConnectOptions::from_str(url.as_str())?;
        let backend = url.backend();
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                // One file, one writer at a time: a few connections are plenty and keep
                // SQLITE_BUSY waits short.
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(5))
            // Asking a connection whether it is alive costs SQLite a round trip to its worker
            // thread on every query, for a file that does not go away; a server's connection can.
            .test_before_acquire(backend == Backend::Postgres)
            // A connection that may have been opened while the file was read-only is replaced.
            .before_acquire(|_conn, meta| {
                Box::pin(async move { Ok(!availability::connection_predates_read_only_error(meta.age)) })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; \
                             PRAGMA synchronous = NORMAL;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // journal_mode is stored in the file: set once, valid for every later connection.
            pool.execute("PRAGMA journal_mode = WAL;").await?;
        }
        Ok(Store {
            pool,
            backend,
            writes: Default::default(),
            clock: std::sync::Arc::new(crate::time::SystemClock),
            form_versions: Default::default(),
        })
    }

    /// Applies every migration that has not run yet. Safe to call on every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// The versions of the migrations applied so far, oldest first.
    pub async fn applied_migrations(&self) -> Result<Vec<i64>, StoreError> {
        let versions =
            sqlx::query_scalar::<_, i64>("SELECT version FROM _sqlx_migrations WHERE success = $1 ORDER BY version")
                .bind(true)
                .fetch_all(&self.pool)
                .await?;
        Ok(versions)
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&self.pool).await?;
        Ok(())
    }

    /// Answers when the database can be written: the readiness check. On SQLite a write
    /// transaction is begun and rolled back (it fails on a read-only file or connection);
    /// busy with another writer still counts as writable. On PostgreSQL, the server must
    /// not be a read-only standby.
    pub async fn check_writable(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = self.pool.acquire().await?;
                match conn.execute("BEGIN IMMEDIATE").await {
                    Ok(_) => {
                        conn.execute("ROLLBACK").await?;
                        Ok(())
                    }
                    Err(error) if availability::is_busy(&error) => Ok(()),
                    Err(error) => Err(StoreError::from(error)),
                }
            }
            Backend::Postgres => {
                let read_only: String = sqlx::query_scalar("SHOW transaction_read_only").fetch_one(&self.pool).await?;
                if read_only == "on" {
                    return Err(StoreError::Database(sqlx::Error::Protocol("the server is read-only".into())));
                }
                Ok(())
            }
        }
    }

    /// Which backend this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection; later queries fail. Used at shutdown.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The connection pool, for the store's query modules and for tests.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

/// A stored value that cannot be read back (bad JSON, unknown code): the database is corrupt.
pub(crate) fn corrupt(what: String) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(what.into()))
}

/// A value stored as JSON text.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| corrupt(e.to_string()))
}
