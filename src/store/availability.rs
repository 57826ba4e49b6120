//! Telling a database that is busy or cannot be written apart from a bug, and recovering
//! when it can be written again.
//!
//! * A SQLite connection opened while the file could not be written stays read-only for its
//!   whole life, even after the file is writable again. Every read-only error is noted here
//!   ([`note`]); the pool then discards every connection older than the last one
//!   ([`connection_predates_read_only_error`]), so writes work again as soon as the file does.
//! * Errors that say "try again" (busy, locked, read-only, out of space, connection lost, pool
//!   exhausted) are [`is_transient`]: the HTTP layer answers 503 with `Retry-After`, not 500.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When a database last refused a write because its connection was read-only: nanoseconds
/// since [`clock`]'s start, plus one (0: never). One per process: a few extra reconnections in a
/// process with several stores (the tests) cost nothing.
static LAST_READ_ONLY_ERROR: AtomicU64 = AtomicU64::new(0);

/// How long after an error a connection still counts as opened before it. The pool measures a
/// connection's age a moment before it is compared, which makes the connection look that much
/// younger; a connection opened just after an error is replaced once more, which costs nothing.
const SAME_MOMENT: Duration = Duration::from_millis(1);

/// Time since the process first asked, on the monotonic clock the pool measures ages with. (The
/// wall clock in whole milliseconds rounded an error and a connection opened in the same
/// millisecond apart, so such a read-only connection was kept: one run in twelve of the test.)
fn clock() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn nanos(at: Duration) -> u64 {
    u64::try_from(at.as_nanos()).unwrap_or(u64::MAX)
}

/// A database error's code: SQLite's primary result code (`SQLITE_READONLY_DBMOVED` → 8), or
/// PostgreSQL's SQLSTATE.
#[derive(Debug, PartialEq, Eq)]
enum Code {
    Sqlite(i64),
    Postgres(String),
}

fn code_of(db: &dyn sqlx::error::DatabaseError) -> Code {
    let code = db.code().unwrap_or_default().into_owned();
    if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        Code::Sqlite(sqlite_primary(&code))
    } else {
        Code::Postgres(code)
    }
}

fn sqlite_primary(code: &str) -> i64 {
    code.parse::<i64>().map_or(-1, |c| c & 0xff)
}

const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_READONLY: i64 = 8;
const SQLITE_IOERR: i64 = 10;
const SQLITE_FULL: i64 = 13;
const SQLITE_CANTOPEN: i64 = 14;

/// True when `error` says the connection could not write because it is read-only.
fn is_read_only(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => match code_of(db.as_ref()) {
            Code::Sqlite(code) => code == SQLITE_READONLY,
            Code::Postgres(code) => code == "25006",
        },
        _ => false,
    }
}

/// True when `error` is SQLite's "database is locked" (another writer holds it).
pub(super) fn is_busy(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if matches!(code_of(db.as_ref()), Code::Sqlite(SQLITE_BUSY | SQLITE_LOCKED)))
}

/// Notes `error` if it is a read-only error, so older pooled connections are discarded.
pub(super) fn note(error: &sqlx::Error) {
    if is_read_only(error) {
        note_read_only_error_now();
    }
}

/// Records that a read-only error happened now.
fn note_read_only_error_now() {
    LAST_READ_ONLY_ERROR.fetch_max(nanos(clock()).saturating_add(1), Ordering::Relaxed);
}

/// True for a pooled connection of `age` that was opened before (or when) the last read-only
/// error happened: it may be one of the read-only ones, and is replaced by a new one.
pub(super) fn connection_predates_read_only_error(age: Duration) -> bool {
    let last = LAST_READ_ONLY_ERROR.load(Ordering::Relaxed);
    if last == 0 {
        return false;
    }
    // A connection older than the clock opened before it started: before any error too.
    let opened = clock().saturating_sub(age);
    nanos(opened) < last.saturating_add(nanos(SAME_MOMENT))
}

/// True when `error` is the database's state rather than a bug: worth trying again later.
pub fn is_transient(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => match code_of(db.as_ref()) {
            Code::Sqlite(code) => {
                [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN]
                    .contains(&code)
            }
            // Connection exceptions (08), serialization failure and deadlock (40001, 40P01),
            // read-only transaction (25006), insufficient resources (53), operator
            // intervention such as a shutdown (57P).
            Code::Postgres(code) => {
                code.starts_with("08")
                    || code.starts_with("53")
                    || code.starts_with("57P")
                    || ["40001", "40P01", "25006"].contains(&code.as_str())
            }
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_sqlite_codes_count_as_their_primary_code() {
        assert_eq!(sqlite_primary("1032"), SQLITE_READONLY, "SQLITE_READONLY_DBMOVED");
        assert_eq!(sqlite_primary("517"), SQLITE_BUSY, "SQLITE_BUSY_SNAPSHOT");
        assert_eq!(sqlite_primary("nonsense"), -1);
    }

    #[test]
    fn a_pool_timeout_is_transient_and_a_decoding_error_is_not() {
        assert!(is_transient(&sqlx::Error::PoolTimedOut));
        assert!(!is_transient(&sqlx::Error::Decode("bad".into())));
        assert!(!is_transient(&sqlx::Error::RowNotFound));
    }

    #[test]
    fn connections_opened_before_a_read_only_error_are_replaced_and_later_ones_kept() {
        note_read_only_error_now();
        assert!(connection_predates_read_only_error(Duration::from_secs(60)));
        std::thread::sleep(Duration::from_millis(5));
        assert!(!connection_predates_read_only_error(Duration::from_millis(1)));
    }
}
