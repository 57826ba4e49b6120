//! The store against every backend of the test run (SQLite, and PostgreSQL when configured).

use tuki::store::testing::{backends, fresh_database};
use tuki::store::{Backend, Store};
use tuki::{Portal, PortalConfig};

#[tokio::test]
async fn migrations_apply_once_and_running_them_again_changes_nothing() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, dir.path()).await.expect("database");
        let store = Store::connect(&url).await.expect("connect");
        assert_eq!(store.backend(), backend);
        store.migrate().await.expect("first migration");
        let first = store.applied_migrations().await.expect("versions");
        assert!(!first.is_empty(), "{backend:?}: no migration applied");
        store.migrate().await.expect("second migration");
        assert_eq!(store.applied_migrations().await.expect("versions"), first, "{backend:?}");
        store.close().await;
    }
}

#[tokio::test]
async fn meta_values_are_stored_and_replaced() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, dir.path()).await.expect("database");
        let store = Store::connect(&url).await.expect("connect");
        store.migrate().await.expect("migrate");
        assert_eq!(store.meta("greeting").await.expect("read"), None);
        store.set_meta("greeting", "hei").await.expect("write");
        store.set_meta("greeting", "hej").await.expect("overwrite");
        assert_eq!(store.meta("greeting").await.expect("read").as_deref(), Some("hej"), "{backend:?}");
        store.close().await;
    }
}

#[tokio::test]
async fn opening_the_portal_creates_the_data_dir_and_a_wal_mode_sqlite_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data_dir = dir.path().join("nested").join("data");
    let portal = Portal::open(PortalConfig::new(data_dir.clone(), None)).await.expect("open");
    assert_eq!(tuki::store::testing::store_of(&portal).backend(), Backend::Sqlite);
    assert!(data_dir.join("tuki.db").is_file());
    assert!(portal.is_ready().await);
    assert!(tuki::store::testing::store_of(&portal).meta("created_at").await.expect("read").is_some());
    portal.close().await;
    // The journal mode is persistent: a fresh connection still sees WAL.
    let store = Store::connect(&portal.config().database_url()).await.expect("reconnect");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(store.pool()).await.expect("pragma");
    assert_eq!(mode.to_lowercase(), "wal");
}

#[tokio::test]
async fn a_closed_store_is_not_ready() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend, dir.path()).await.expect("database");
        let portal = Portal::open(PortalConfig::new(dir.path().to_path_buf(), Some(url))).await.expect("open");
        assert!(portal.is_ready().await);
        portal.close().await;
        assert!(!portal.is_ready().await, "{backend:?}");
    }
}

#[tokio::test]
async fn the_sqlite_and_postgresql_migrations_build_the_same_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut shapes = Vec::new();
    for backend in backends() {
        let store =
            Store::connect(&fresh_database(backend, dir.path()).await.expect("database")).await.expect("connect");
        store.migrate().await.expect("migrate");
        let shape = store.schema_shape().await.expect("schema");
        assert!(shape.tables.contains_key("tickets") && shape.indexes.contains_key("outbox_due"), "{backend:?}");
        shapes.push((backend, shape));
        store.close().await;
    }
    let Some(((_, sqlite), others)) = shapes.split_first() else { panic!("no backend") };
    for (backend, shape) in others {
        assert_eq!(shape.tables.keys().collect::<Vec<_>>(), sqlite.tables.keys().collect::<Vec<_>>(), "{backend:?}");
        for (table, columns) in &sqlite.tables {
            assert_eq!(&shape.tables[table], columns, "{backend:?}: table {table}");
        }
        assert_eq!(&shape.indexes, &sqlite.indexes, "{backend:?}");
    }
}
